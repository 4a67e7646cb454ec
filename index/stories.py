"""Stories: the same report rewritten by other outlets is grouped, not listed twice.

Near-duplicates are found with MinHash over word bigrams of the folded title and body. Candidates
come from LSH band keys kept in SQLite (so the library never has to load every signature to add
one article), then each candidate is verified with the exact Jaccard similarity of the two
shingle sets.

Why these numbers (measured on real wire copy): a rewrite of the same AFP report by another outlet
shares ~0.29 of its word bigrams; a *different* story that reuses two boilerplate background
paragraphs from the same agency shares ~0.12; unrelated articles share ~0.04. So LSH is tuned to
surface pairs from about 0.15 and a pair joins a story at exact Jaccard >= 0.20
(`STORY_THRESHOLD`), and only when every dated article of that story was published within
`WINDOW` of the new one.

Why it costs the same at 100,000 articles as at 1,000 (issue 7):

* A story spans at most `WINDOW`, so only articles within `WINDOW` of the new one can join it.
  Every band key row carries the article's *day* (published, or the day Dateline first saw an
  undated article), and the key table's primary key is (key, day, member): a lookup reads only
  the rows of the window, never the year of rows that share a common band.
* An undated article (a pasted text dump) has no window of its own: it may be a copy of a report
  published weeks before it was pasted. It takes, per band, the `UNDATED_RECENT` most recent
  members sharing it (a backward scan of the same primary key): bounded work, whatever the
  library's size, and a rewrite shares several bands with its original.
* With bands of two rows, an unrelated pair (Jaccard ~0.04) still shares a band ~8% of the time.
  Each candidate used to cost a body fetch and a date query; now every member keeps its 128
  MinHash values (512 bytes), all candidates come back in one query, and the MinHash estimate
  of their Jaccard discards the unrelated ones in one numpy comparison. Only a candidate whose
  estimate reaches `VERIFY_FLOOR` (many standard errors above an unrelated pair) is considered,
  the likeliest `MAX_EXACT` first; one whose estimate is far above the threshold
  (`ACCEPT_ABOVE`) joins without reading text, the others pay for the exact check on their
  text; the story's date span is one indexed MIN/MAX per such candidate.
* Keys are 64-bit integers in a WITHOUT ROWID table and members are numbered, so the table costs
  about 1 KB per article on disk instead of ~2.5 KB of blobs and text ids.

Libraries written before (format 1) had a `story_bands` table without days or signatures: it is
migrated in SQL (`migrate`), keeping every band, and the members it brings have no signature, so
they are verified on their text; new articles get signatures.
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import numpy as np

from .minhash import (
    LSH_THRESHOLD,
    NUM_PERM,
    band_key,
    band_keys,
    bands_rows,
    hashed,
    jaccard,
    jaccard_hashed,
    keys_of_sig,
    pack_keys,
    shingles,
    signature,
    unpack_keys,
)

__all__ = [
    "LSH_THRESHOLD",
    "NUM_PERM",
    "StoryIndex",
    "band_keys",
    "bands_rows",
    "jaccard",
    "shingles",
    "signature",
]

STORY_THRESHOLD = 0.20
WINDOW = timedelta(days=10)
#: A candidate whose MinHash estimate is below this is not checked on its text. An unrelated
#: pair (~0.04) reaches 0.10 with 128 values about once in a thousand; a rewrite (~0.29, joined
#: from 0.20) falls below it about once in a million.
VERIFY_FLOOR = 0.10
#: Signatures of at most this many candidates (those sharing the most bands) are compared.
MAX_CANDIDATES = 64
#: At most this many candidates per new article are checked (the likeliest first).
MAX_EXACT = 4
#: A MinHash estimate this high is 3.5 standard errors above STORY_THRESHOLD: the pair joins
#: without reading its text. Between VERIFY_FLOOR and this, the exact Jaccard decides.
ACCEPT_ABOVE = 0.35
#: Per band, how many of the most recent members an undated article compares itself with.
UNDATED_RECENT = 64
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


SCHEMA = """
CREATE TABLE IF NOT EXISTS story_members (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE,
    story TEXT NOT NULL,
    -- days since 1970-01-01 of the publication date, or of when Dateline first saw the article
    day INTEGER NOT NULL,
    published TEXT,
    -- NUM_PERM MinHash values as little-endian uint32; NULL for members migrated from format 1
    sig BLOB,
    -- the member's band keys as little-endian int64 when it has no signature (format 1);
    -- empty when `sig` is there: forgetting recomputes them from it (format 3, ~400 bytes less)
    keys BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members (story, published);
CREATE TABLE IF NOT EXISTS story_keys (
    key INTEGER NOT NULL,
    day INTEGER NOT NULL,
    member INTEGER NOT NULL,
    PRIMARY KEY (key, day, member)
) WITHOUT ROWID;
"""


def day_of(when: datetime) -> int:
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (when - _EPOCH).days


def ensure_tables(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)
    old = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_bands'"
    ).fetchone()
    if old is not None:
        migrate(conn)


def migrate(conn: sqlite3.Connection) -> None:
    """Format 1 → 2: `story_bands (band, hash, article_id)` becomes members and dated keys.

    Pure SQL plus one pass over the old rows; runs once, in one transaction of its own unless
    the caller already holds one.
    """
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "INSERT OR IGNORE INTO story_members (article_id, story, day, published, keys)"
            " SELECT a.id, a.story,"
            " CAST(julianday(substr(COALESCE(a.published, a.added), 1, 10))"
            " - julianday('1970-01-01') AS INTEGER), a.published, x''"
            " FROM articles a WHERE a.id IN (SELECT DISTINCT article_id FROM story_bands)"
        )
        members = {
            aid: (mid, day)
            for mid, aid, day in conn.execute("SELECT id, article_id, day FROM story_members")
        }
        keys: dict[int, list[int]] = {}
        rows = []
        for band, digest, aid in conn.execute("SELECT band, hash, article_id FROM story_bands"):
            found = members.get(aid)
            if found is None:
                continue
            key = band_key(int(band), bytes(digest))
            keys.setdefault(found[0], []).append(key)
            rows.append((key, found[1], found[0]))
        conn.executemany("INSERT OR IGNORE INTO story_keys VALUES (?, ?, ?)", rows)
        conn.executemany(
            "UPDATE story_members SET keys = ? WHERE id = ?",
            [(pack_keys(k), mid) for mid, k in keys.items()],
        )
        conn.execute("DROP TABLE story_bands")
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    if own:
        conn.execute("COMMIT")


class StoryIndex:
    """Assigns story ids. Callers own the transaction (see `index.store`)."""

    #: Hashed shingle sets of recently compared articles (a batch compares the same few).
    CACHE = 2048

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        ensure_tables(conn)
        self._grams: OrderedDict[str, np.ndarray] = OrderedDict()

    def _grams_of(self, article_id: str) -> np.ndarray | None:
        found = self._grams.get(article_id)
        if found is not None:
            self._grams.move_to_end(article_id)
            return found
        text = self._text(article_id)
        if text is None:
            return None
        found = self._grams[article_id] = hashed(shingles(*text))
        if len(self._grams) > self.CACHE:
            self._grams.popitem(last=False)
        return found

    def forget(self, article_id: str) -> None:
        row = self.conn.execute(
            "SELECT id, day, keys, sig FROM story_members WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return
        mid, day, blob, sig = row
        keys = unpack_keys(blob) if blob or sig is None else keys_of_sig(sig)
        self.conn.executemany(
            "DELETE FROM story_keys WHERE key = ? AND day = ? AND member = ?",
            [(k, day, mid) for k in keys],
        )
        self.conn.execute("DELETE FROM story_members WHERE id = ?", (mid,))

    def candidates(self, keys: Sequence[int], day: int | None) -> list[tuple]:
        """(article id, story, published, signature) of the members sharing a band: within
        WINDOW of `day`, or for an undated article (`day` None) the most recent per band."""
        if day is None:
            members: set[int] = set()
            for key in keys:
                members.update(
                    r[0]
                    for r in self.conn.execute(
                        "SELECT member FROM story_keys WHERE key = ? ORDER BY day DESC LIMIT ?",
                        (key, UNDATED_RECENT),
                    )
                )
            return self.conn.execute(
                "SELECT article_id, story, published, sig FROM story_members"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(members)),),
            ).fetchall()
        span = WINDOW.days
        marks = ",".join("?" * len(keys))
        # The members sharing the most bands first: a rewrite (Jaccard ~0.29) shares ~4 of the
        # 51 bands, an unrelated article rarely more than one. Only their signatures are read.
        return self.conn.execute(
            "SELECT article_id, story, published, sig FROM story_members WHERE id IN"
            " (SELECT member FROM story_keys"
            f" WHERE key IN ({marks}) AND day BETWEEN ? AND ?"
            " GROUP BY member ORDER BY COUNT(*) DESC LIMIT ?)",
            (*keys, day - span, day + span, MAX_CANDIDATES),
        ).fetchall()

    def _within_window(self, story: str, published: datetime) -> bool:
        """Every dated article of the story lies within WINDOW of `published`.

        Checking the whole story, not only the matched article, keeps a chain of look-alike
        reports (daily market wraps, weekly bulletins) from growing into one endless story.
        """
        first, last = self.conn.execute(
            "SELECT MIN(published), MAX(published) FROM story_members WHERE story = ?", (story,)
        ).fetchone()
        if first is None:
            return True
        return (
            abs(datetime.fromisoformat(first) - published) <= WINDOW
            and abs(datetime.fromisoformat(last) - published) <= WINDOW
        )

    def _likeliest(self, rows: list[tuple], sig: np.ndarray) -> list[tuple[str, str, float]]:
        """(article id, story) of the candidates worth an exact check, likeliest first.

        All signatures are compared at once; at most `MAX_EXACT` reach the exact check, so even
        a dense cluster of look-alike reports costs a bounded amount per article. (A member
        migrated from format 1 has no signature yet: it gets one here, once, from its text.)
        """
        rows = [r if r[3] is not None else self._backfill(r) for r in rows]
        signed = [r for r in rows if r[3] is not None]
        if not signed:
            return []
        matrix = np.frombuffer(b"".join(r[3] for r in signed), dtype="<u4").reshape(-1, NUM_PERM)
        estimates = (matrix == sig).mean(axis=1)
        order = [int(i) for i in np.argsort(-estimates) if estimates[i] >= VERIFY_FLOOR]
        return [(signed[i][0], signed[i][1], float(estimates[i])) for i in order][:MAX_EXACT]

    def _backfill(self, row: tuple) -> tuple:
        """Give a member migrated from format 1 its signature (computed once from its text)."""
        text = self._text(row[0])
        if text is None:
            return row
        sig = signature(shingles(*text)).hashvalues.astype("<u4").tobytes()
        self.conn.execute("UPDATE story_members SET sig = ? WHERE article_id = ?", (sig, row[0]))
        return (*row[:3], sig)

    def _text(self, article_id: str) -> tuple[str, str] | None:
        row = self.conn.execute(
            "SELECT title, body FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        from .store import body_text

        return (row[0], body_text(row[1])) if row else None

    def assign(
        self,
        article_id: str,
        title: str,
        body: str,
        published: datetime | None,
        added: datetime | None = None,
    ) -> str:
        """Record the article and return its story id (its own id when it stands alone).

        `added` is when Dateline first saw the article (default: now): the day an undated
        article is filed under, so that later rewrites find it.
        """
        grams = shingles(title, body)
        mine = hashed(grams)
        mh = signature(grams)
        keys = band_keys(mh)
        sig = mh.hashvalues.astype("<u4")
        day = day_of(published or added or datetime.now(UTC))
        self.forget(article_id)
        self._grams.pop(article_id, None)
        best: tuple[float, str] | None = None
        rows = self.candidates(keys, day if published else None)
        for other, story, estimate in self._likeliest(rows, sig):
            if published and not self._within_window(story, published):
                continue
            if estimate >= ACCEPT_ABOVE:
                score = estimate  # far above the threshold: no text needs reading
            else:
                theirs = self._grams_of(other)
                if theirs is None:
                    continue
                score = jaccard_hashed(mine, theirs)
            if score >= STORY_THRESHOLD and (best is None or score > best[0]):
                best = (score, story)
        story_id = best[1] if best else article_id
        cur = self.conn.execute(
            "INSERT INTO story_members (article_id, story, day, published, sig, keys)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                article_id,
                story_id,
                day,
                published.isoformat() if published else None,
                sig.tobytes(),
                b"",  # the keys are the signature's (`keys_of_sig`)
            ),
        )
        mid = cur.lastrowid
        self.conn.executemany(
            "INSERT OR IGNORE INTO story_keys (key, day, member) VALUES (?, ?, ?)",
            [(k, day, mid) for k in keys],
        )
        return story_id


def drop_derived_keys(conn: sqlite3.Connection) -> None:
    """Format 2 -> 3: members with a signature no longer keep their keys (derived from it)."""
    conn.execute("UPDATE story_members SET keys = x'' WHERE sig IS NOT NULL AND keys != x''")
