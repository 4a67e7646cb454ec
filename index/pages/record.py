"""What the pages read, written as each article arrives (and unwritten when it goes).

`record` runs inside ingestion's transaction, right after the registry has resolved the
article's mentions, so the entity page never aggregates at open time: per-entity day and
source counts, each article's forms and quotes are all kept here, and the page reads a few
indexed rows.

Keys are the registry's *form* ids (`entity_aliases.id`), never entity ids or names. The
registry's own design points mentions at the form they were written in, and a merge, split,
alias or undo moves forms between entities; keying by form, the pages follow every
correction at read time (a page sums the rows of the entity's current forms) with nothing to
rewrite. Each article contributes one row per entity it mentions, under that entity's most
mentioned form in the article.

Who an entity is seen with is not recorded: the entity page counts it exactly when it opens
(`index.pages.cooccur`). Up to format 3 co-occurrence pairs among each article's ten most
mentioned entities were written here too (`page_pairs`, `page_tops`); bounded per article, they
undercounted most pairs, and no page read them after `cooccur` came. Format 4 drops the two
tables (`drop_cooccurrence`, run by `index.migration` on the first read-write open).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

import numpy as np

from ..model import Mention
from .quotes import Who, attribute

#: Bumped when what `record` writes changes: `ensure` then rebuilds the tables from SQLite.
VERSION = "1"
#: A quote's kind is stored as its index here.
QUOTE_KINDS = ("direct", "reported")

_ENTITIES_TABLE = """
CREATE TABLE IF NOT EXISTS page_entities (
    form INTEGER NOT NULL,
    at INTEGER NOT NULL,       -- the article's date, seconds since 1970 (UTC)
    article_id TEXT NOT NULL,
    top INTEGER NOT NULL,      -- unused, 0 (format 3: 1 for the ten most mentioned)
    PRIMARY KEY (form, at, article_id)
) WITHOUT ROWID
"""

_QUOTES_TABLE = """
CREATE TABLE IF NOT EXISTS page_quotes (
    form INTEGER NOT NULL,
    at INTEGER NOT NULL,       -- the article's date, seconds since 1970 (UTC)
    article_id TEXT NOT NULL,
    start INTEGER NOT NULL,    -- the quote is body[start:end]: its text is not stored twice
    "end" INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    kind INTEGER NOT NULL,     -- QUOTE_KINDS.index(kind)
    cue TEXT NOT NULL,
    PRIMARY KEY (form, at, article_id, start, "end")
) WITHOUT ROWID
"""

SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS page_articles (
    article_id TEXT PRIMARY KEY,
    at TEXT NOT NULL,          -- published, else first seen (UTC ISO): the article's date
    day TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    forms BLOB                 -- its page_entities forms (`_pack_forms`): what `forget` undoes
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS page_articles_day ON page_articles (day);
CREATE TABLE IF NOT EXISTS page_days (
    form INTEGER NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (form, day)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS page_sources (
    form INTEGER NOT NULL, source TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (form, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS page_meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
"""
    + _ENTITIES_TABLE.strip()
    + ";\n"
    + _QUOTES_TABLE.strip()
    + ";\n"
)


def ensure(conn: sqlite3.Connection) -> int:
    """Create the pages' tables; fill them from the library when they are new or outdated.

    Called once when a library opens. A library written before the pages existed (or by an
    older `VERSION`) is caught up here, from the stored bodies and the registry's mentions:
    no NER runs again. Returns the number of articles recorded.
    """
    try:
        conn.executescript(SCHEMA)
    except sqlite3.OperationalError:
        # A library opened read-only (a read-only mount): pages read what is there, if any.
        return 0
    row = conn.execute("SELECT value FROM page_meta WHERE key = 'version'").fetchone()
    if row is not None and row[0] == VERSION:
        return 0
    from ..store import transaction

    with transaction(conn):
        for table in ("articles", "entities", "days", "sources", "quotes"):
            conn.execute(f"DELETE FROM page_{table}")
        rows = conn.execute(
            "SELECT id, body, source, COALESCE(published, added) FROM articles ORDER BY rowid"
        ).fetchall()
        for aid, body, source, at in rows:
            record_stored(conn, aid, body, source, at)
        conn.execute("INSERT OR REPLACE INTO page_meta VALUES ('version', ?)", (VERSION,))
    return len(rows)


def record(
    conn: sqlite3.Connection,
    article_id: str,
    body: str,
    mentions: Sequence[Mention],
    source: str | None,
    date: datetime | None,
) -> None:
    """Record an article for the pages, replacing any earlier record of it.

    Call inside the ingestion transaction, after `Registry.assign` (whose return value is
    `mentions`). `date` is the published date, or None for "now" (first seen).
    """
    forget(conn, article_id)
    forms = _forms_by_span(conn, article_id) if mentions else {}
    whos = [
        Who(m.start, m.end, m.type, forms[(m.start, m.end)][1])
        for m in mentions
        if (m.start, m.end) in forms
    ]
    _record(conn, article_id, body, whos, source, _utc(date))


def forget(conn: sqlite3.Connection, article_id: str) -> None:
    """Take an article's contribution out of every count (it was deleted or is re-recorded)."""
    row = conn.execute(
        "SELECT day, source, at, forms FROM page_articles WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return
    day, source, at, packed = row
    forms = stored_forms(conn, article_id, packed)
    # Decrement exactly the rows this article added, and drop those that reach zero.
    for table, where, keys in (
        ("days", "form = ? AND day = ?", [(f, day) for f in forms]),
        ("sources", "form = ? AND source = ?", [(f, source) for f in forms]),
    ):
        conn.executemany(f"UPDATE page_{table} SET n = n - 1 WHERE {where}", keys)
        conn.executemany(f"DELETE FROM page_{table} WHERE {where} AND n <= 0", keys)
    # Entities and quotes are keyed by (form, date, article): its forms and date find them.
    for table in ("entities", "quotes"):
        conn.executemany(
            f"DELETE FROM page_{table} WHERE form = ? AND at = ? AND article_id = ?",
            [(f, _seconds(at), article_id) for f in forms],
        )
    conn.execute("DELETE FROM page_articles WHERE article_id = ?", (article_id,))


def record_stored(
    conn: sqlite3.Connection,
    article_id: str,
    body: str | bytes,
    source: str | None,
    date: datetime | str | None,
) -> None:
    """Record a stored article (its body as the articles table keeps it) from the registry's
    mentions, no NER run: a catch-up after a format change (`ensure`), a date mended
    (`index.sources.future`). Call after `forget` when the article was recorded before."""
    from ..store import body_text

    _record(conn, article_id, body_text(body), _whos(conn, article_id), source, _utc(date))


def stored_forms(conn: sqlite3.Connection, article_id: str, packed: bytes | None) -> list[int]:
    """An article's forms: packed on its page_articles row, or, on a row of an older format,
    read from page_entities."""
    return _unpack_forms(packed) if packed is not None else _entity_rows(conn, article_id)


def drop_cooccurrence(conn: sqlite3.Connection) -> None:
    """Format 3 -> 4: drop the co-occurrence tables no page reads (`page_pairs`, `page_tops`).
    Runs inside the caller's transaction. Their pages go to SQLite's free list, which the
    next articles fill before the file grows."""
    conn.execute("DROP TABLE IF EXISTS page_pairs")
    conn.execute("DROP TABLE IF EXISTS page_tops")


# -- internals --------------------------------------------------------------------------------
def _utc(value: datetime | str | None) -> str:
    if value is None:
        when = datetime.now(UTC)
    elif isinstance(value, str):
        when = datetime.fromisoformat(value)
    else:
        when = value
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.isoformat(timespec="seconds")


def _pack_forms(forms: Sequence[int]) -> bytes:
    """Forms as little-endian int32 (format 3 negated the article's ten most mentioned)."""
    return np.array(forms, dtype="<i4").tobytes()


def _unpack_forms(data: bytes) -> list[int]:
    return np.abs(np.frombuffer(data, dtype="<i4")).tolist()


def _entity_rows(conn: sqlite3.Connection, article_id: str) -> list[int]:
    """The forms of an article recorded without `forms` (a scan: only ever a stray row)."""
    rows = conn.execute("SELECT form FROM page_entities WHERE article_id = ?", (article_id,))
    return [int(f) for (f,) in rows]


def _seconds(at: str) -> int:
    """A UTC ISO time (as `_utc` writes it) as seconds since 1970."""
    return int(datetime.fromisoformat(at).replace(tzinfo=UTC).timestamp())


def _forms_by_span(conn: sqlite3.Connection, article_id: str) -> dict[tuple[int, int], tuple]:
    """(start, end) -> (form id, entity id, type) for the article's stored mentions."""
    from ..entities.mentions import read

    rows = read(conn, article_id)
    forms = {
        int(fid): (int(eid), str(t))
        for fid, eid, t in conn.execute(
            "SELECT id, entity_id, type FROM entity_aliases"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted({r[3] for r in rows})),),
        )
    }
    return {(s, e): (fid, *forms[fid]) for _t, s, e, fid in rows if fid in forms}


def _whos(conn: sqlite3.Connection, article_id: str) -> list[Who]:
    return [Who(s, e, t, eid) for (s, e), (_f, eid, t) in _forms_by_span(conn, article_id).items()]


def _record(
    conn: sqlite3.Connection,
    article_id: str,
    body: str,
    whos: Sequence[Who],
    source: str | None,
    at: str,
) -> None:
    day, source, seconds = at[:10], source or "", _seconds(at)
    # Each entity of the article, under its most mentioned form.
    links = conn.execute(
        "SELECT a.entity_id, l.alias_id, l.mentions, COALESCE(l.first, 1e12) FROM entity_articles l"
        " JOIN entity_aliases a ON a.id = l.alias_id WHERE l.article_id = ?",
        (article_id,),
    ).fetchall()
    best: dict[int, tuple[int, int, float]] = {}  # entity -> (mentions, form, first)
    for eid, fid, n, first in links:
        have = best.get(eid)
        if have is None or (n, -first, -fid) > (have[0], -have[2], -have[1]):
            best[eid] = (n, fid, min(first, have[2]) if have else first)
    forms = sorted(b[1] for b in best.values())
    conn.execute(
        "INSERT OR REPLACE INTO page_articles (article_id, at, day, source, forms)"
        " VALUES (?,?,?,?,?)",
        (article_id, at, day, source, _pack_forms(forms)),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO page_entities (form, at, article_id, top) VALUES (?,?,?,0)",
        [(f, seconds, article_id) for f in forms],
    )
    conn.executemany(
        "INSERT INTO page_days (form, day, n) VALUES (?, ?, 1)"
        " ON CONFLICT(form, day) DO UPDATE SET n = n + 1",
        [(f, day) for f in forms],
    )
    conn.executemany(
        "INSERT INTO page_sources (form, source, n) VALUES (?, ?, 1)"
        " ON CONFLICT(form, source) DO UPDATE SET n = n + 1",
        [(f, source) for f in forms],
    )
    if not whos:
        return
    form_of = {e: best[e][1] for e in best}
    conn.executemany(
        'INSERT OR IGNORE INTO page_quotes (form, at, article_id, start, "end", sentence_start,'
        " sentence_end, kind, cue) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                form_of[q.speaker],
                seconds,
                article_id,
                q.start,
                q.end,
                q.sentence[0],
                q.sentence[1],
                QUOTE_KINDS.index(q.kind),
                q.cue,
            )
            for q in attribute(body, whos)
            if q.speaker in form_of
        ],
    )


def migrate_entities(conn: sqlite3.Connection) -> int:
    """Format 2 -> 3: page_entities' date in seconds, and each article's forms kept on its
    page_articles row instead of an index on page_entities (article_id). Runs inside the
    caller's transaction; returns the number of articles whose forms were listed."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(page_articles)")}
    if "forms" in cols:
        return 0
    conn.execute("ALTER TABLE page_articles ADD COLUMN forms BLOB")
    listed: dict[str, list[int]] = {}
    for aid, form in conn.execute(
        "SELECT article_id, form FROM page_entities ORDER BY article_id, form"
    ):
        listed.setdefault(str(aid), []).append(int(form))
    conn.executemany(
        "UPDATE page_articles SET forms = ? WHERE article_id = ?",
        [(_pack_forms(rows), aid) for aid, rows in listed.items()],
    )
    conn.execute("UPDATE page_articles SET forms = x'' WHERE forms IS NULL")
    conn.execute("ALTER TABLE page_entities RENAME TO page_entities_format2")
    conn.execute("DROP INDEX IF EXISTS page_entities_article")
    conn.execute(_ENTITIES_TABLE)
    conn.create_function("dateline_seconds", 1, _seconds, deterministic=True)
    conn.execute(
        "INSERT OR IGNORE INTO page_entities (form, at, article_id, top)"
        " SELECT form, dateline_seconds(at), article_id, top FROM page_entities_format2"
    )
    conn.execute("DROP TABLE page_entities_format2")
    return len(listed)


def migrate_quotes(conn: sqlite3.Connection) -> int:
    """Format 2 -> 3: quotes keep their offsets only (the text is a slice of the body), a kind
    code and the date in seconds, keyed by (form, date, article) without a rowid or the two
    indexes. Runs inside the caller's transaction; returns the number of quotes moved."""
    cols = {r[1] for r in conn.execute("PRAGMA table_info(page_quotes)")}
    conn.create_function("dateline_seconds", 1, _seconds, deterministic=True)
    if "text" not in cols:  # this format already; `dateline repair` may copy old rows in
        cur = conn.execute(
            "UPDATE OR IGNORE page_quotes SET at = dateline_seconds(at),"
            " kind = CASE kind WHEN 'direct' THEN 0 ELSE 1 END WHERE typeof(at) = 'text'"
        )
        conn.execute("DELETE FROM page_quotes WHERE typeof(at) = 'text'")
        return cur.rowcount
    conn.execute("ALTER TABLE page_quotes RENAME TO page_quotes_format2")
    conn.execute("DROP INDEX IF EXISTS page_quotes_form")
    conn.execute("DROP INDEX IF EXISTS page_quotes_article")
    conn.execute(_QUOTES_TABLE)
    cur = conn.execute(
        'INSERT OR IGNORE INTO page_quotes (form, at, article_id, start, "end", sentence_start,'
        ' sentence_end, kind, cue) SELECT form, dateline_seconds(at), article_id, start, "end",'
        " sentence_start, sentence_end, CASE kind WHEN 'direct' THEN 0 ELSE 1 END, cue"
        " FROM page_quotes_format2"
    )
    conn.execute("DROP TABLE page_quotes_format2")
    return cur.rowcount
