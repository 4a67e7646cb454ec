"""Stories: the same report rewritten by other outlets is grouped, not listed twice.

Near-duplicates are found with MinHash over word bigrams of the folded title and body. Candidates
come from LSH bands kept in SQLite (so the library never has to load every signature to add one
article), then each candidate is verified with the exact Jaccard similarity of the two shingle sets.

Why these numbers (measured on real wire copy): a rewrite of the same AFP report by another outlet
shares ~0.29 of its word bigrams; a *different* story that reuses two boilerplate background
paragraphs from the same agency shares ~0.12; unrelated articles share ~0.04. So LSH is tuned to
surface pairs from about 0.15 and a pair joins a story at exact Jaccard >= 0.20
(`STORY_THRESHOLD`), and only when every dated article of that story was published within
`WINDOW` of the new one.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from .entities.keys import tokens

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
LSH_THRESHOLD = 0.15
STORY_THRESHOLD = 0.20
WINDOW = timedelta(days=10)


@cache
def bands_rows() -> tuple[int, int]:
    """datasketch's band/row split minimising false positives + negatives at the threshold.

    Imported lazily: datasketch pulls in scipy (~1.8 s), which neither `import index` nor the
    TUI's start-up should pay for.
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


SCHEMA = """
CREATE TABLE IF NOT EXISTS story_bands (
    band INTEGER NOT NULL,
    hash BLOB NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS story_bands_lookup ON story_bands (band, hash);
CREATE INDEX IF NOT EXISTS story_bands_article ON story_bands (article_id);
"""


def shingles(title: str, body: str) -> set[str]:
    words = tokens(f"{title}\n{body}")
    if len(words) < 2:
        return set(words)
    return {f"{a} {b}" for a, b in itertools.pairwise(words)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def signature(grams: Iterable[str]) -> MinHash:
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch([g.encode("utf-8") for g in grams])
    return mh


def band_hashes(mh: MinHash) -> list[bytes]:
    values = mh.hashvalues
    bands, rows = bands_rows()
    return [
        hashlib.blake2b(values[i * rows : (i + 1) * rows].tobytes(), digest_size=12).digest()
        for i in range(bands)
    ]


class StoryIndex:
    """Assigns story ids. Callers own the transaction (see `index.store`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.executescript(SCHEMA)

    def forget(self, article_id: str) -> None:
        self.conn.execute("DELETE FROM story_bands WHERE article_id = ?", (article_id,))

    def candidates(self, bands: list[bytes], exclude: str) -> set[str]:
        found: set[str] = set()
        for i, h in enumerate(bands):
            rows = self.conn.execute(
                "SELECT article_id FROM story_bands WHERE band = ? AND hash = ?", (i, h)
            )
            found.update(r[0] for r in rows)
        found.discard(exclude)
        return found

    def _within_window(self, story: str, published: datetime) -> bool:
        """Every dated article of the story lies within WINDOW of `published`.

        Checking the whole story, not only the matched article, keeps a chain of look-alike
        reports (daily market wraps, weekly bulletins) from growing into one endless story.
        """
        first, last = self.conn.execute(
            "SELECT MIN(published), MAX(published) FROM articles WHERE story = ?", (story,)
        ).fetchone()
        if first is None:
            return True
        return (
            abs(datetime.fromisoformat(first) - published) <= WINDOW
            and abs(datetime.fromisoformat(last) - published) <= WINDOW
        )

    def assign(self, article_id: str, title: str, body: str, published: datetime | None) -> str:
        """Record the article's bands and return its story id (its own id when it stands alone)."""
        grams = shingles(title, body)
        bands = band_hashes(signature(grams))
        best: tuple[float, str] | None = None
        for other in self.candidates(bands, article_id):
            row = self.conn.execute(
                "SELECT title, body, published, story FROM articles WHERE id = ?", (other,)
            ).fetchone()
            if row is None:
                continue
            if published and not self._within_window(row[3], published):
                continue
            score = jaccard(grams, shingles(row[0], row[1]))
            if score >= STORY_THRESHOLD and (best is None or score > best[0]):
                best = (score, row[3])
        self.forget(article_id)
        self.conn.executemany(
            "INSERT INTO story_bands (band, hash, article_id) VALUES (?, ?, ?)",
            [(i, h, article_id) for i, h in enumerate(bands)],
        )
        return best[1] if best else article_id
