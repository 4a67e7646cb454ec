"""Where each entity mention sits in an article: the storage of the registry's mentions.

An article has ~70 mentions, and at 100,000 articles one row per mention (format 2's
`entity_mentions`: the article id and the written text repeated in every row, two indexes)
was 7 KB an article, a third of the library. Format 3 keeps:

* `mention_spellings`: each distinct written text of a registry form (`entity_aliases.id`)
  once, with the number of articles that write it (the display-name election counts articles
  per spelling: it reads these few rows instead of every mention of a frequent name);
* `article_mentions`: one row per article, its mentions packed as three little-endian uint32
  arrays (start deltas, lengths, spelling ids), zlib-compressed: about 300 bytes an article.

Mention rows never change once written (corrections move forms between entities, never
mentions between forms); only `block` takes an entity's mentions out (and undo puts them back),
which rewrites the few articles concerned. Rows are replaced in place, so the tables do not
grow with rewrites. A mention is (text, start, end, alias_id) everywhere in this module.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from typing import Any, cast

import numpy as np

from ..model import EntityType

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS mention_spellings (
        id INTEGER PRIMARY KEY,
        alias_id INTEGER NOT NULL,
        text TEXT NOT NULL,
        articles INTEGER NOT NULL
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS mention_spellings_alias"
    " ON mention_spellings (alias_id, text)",
    # A rowid table: its blobs (~300 bytes) stay on their page, where a WITHOUT ROWID table
    # would spill blobs over ~1 KB to overflow pages.
    """CREATE TABLE IF NOT EXISTS article_mentions (
        article_id TEXT PRIMARY KEY,
        data BLOB NOT NULL
    )""",
)

Row = tuple[str, int, int, int]  # (text, start, end, alias_id)


def ensure(conn: sqlite3.Connection, schema: Sequence[str] = SCHEMA) -> None:
    """Create tables an older library lacks (these, or another of the registry's added since,
    such as registry_teams.SCHEMA). An older library opened read-only is read as it is (see
    `_read_format_2`): only writes use the new tables."""
    try:
        for statement in schema:
            conn.execute(statement)
    except sqlite3.OperationalError as exc:
        if "readonly" not in str(exc):
            raise


# -- the packed form --------------------------------------------------------------------------
def pack(spans: Sequence[tuple[int, int, int]]) -> bytes:
    """(start, end, spelling id) triples, sorted by start, as one compressed blob."""
    arr = np.array(sorted(spans), dtype=np.int64).reshape(-1, 3)
    starts = arr[:, 0]
    deltas = np.diff(starts, prepend=0)
    packed = np.concatenate([deltas, arr[:, 1] - starts, arr[:, 2]]).astype("<u4")
    return zlib.compress(packed.tobytes(), 6)


def unpack(data: bytes) -> list[tuple[int, int, int]]:
    """The triples `pack` was given, sorted by (start, end)."""
    arr = np.frombuffer(zlib.decompress(data), dtype="<u4").astype(np.int64).reshape(3, -1)
    starts = np.cumsum(arr[0])
    return list(zip(starts.tolist(), (starts + arr[1]).tolist(), arr[2].tolist(), strict=True))


# -- writing ----------------------------------------------------------------------------------
def write(conn: sqlite3.Connection, article_id: str, rows: Iterable[Row]) -> None:
    """Store an article's mentions, replacing any earlier record of it."""
    delete(conn, article_id)
    rows = list(rows)
    if not rows:
        return
    ids: dict[tuple[int, str], int] = {}
    for text, _s, _e, alias_id in rows:
        if (alias_id, text) not in ids:
            ids[(alias_id, text)] = _spelling(conn, alias_id, text)
    spans = [(s, e, ids[(a, t)]) for t, s, e, a in rows]
    conn.execute(
        "INSERT INTO article_mentions (article_id, data) VALUES (?, ?)",
        (article_id, pack(spans)),
    )


def delete(conn: sqlite3.Connection, article_id: str) -> None:
    """Forget an article's mentions (and the spellings only it wrote)."""
    row = conn.execute(
        "SELECT data FROM article_mentions WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return
    conn.execute("DELETE FROM article_mentions WHERE article_id = ?", (article_id,))
    gone = sorted({sid for _s, _e, sid in unpack(row[0])})
    conn.executemany(
        "UPDATE mention_spellings SET articles = articles - 1 WHERE id = ?", [(i,) for i in gone]
    )
    conn.executemany(
        "DELETE FROM mention_spellings WHERE id = ? AND articles <= 0", [(i,) for i in gone]
    )


def _spelling(conn: sqlite3.Connection, alias_id: int, text: str) -> int:
    """The spelling's id, its article count raised by one (created at 1)."""
    row = conn.execute(
        "INSERT INTO mention_spellings (alias_id, text, articles) VALUES (?, ?, 1)"
        " ON CONFLICT(alias_id, text) DO UPDATE SET articles = articles + 1 RETURNING id",
        (alias_id, text),
    ).fetchone()
    return int(row[0])


# -- reading ----------------------------------------------------------------------------------
def read(conn: sqlite3.Connection, article_id: str) -> list[Row]:
    """An article's mentions, sorted by (start, end)."""
    try:
        row = conn.execute(
            "SELECT data FROM article_mentions WHERE article_id = ?", (article_id,)
        ).fetchone()
    except sqlite3.OperationalError:  # a format-2 library opened read-only
        row = None
    if row is None:
        return _read_format_2(conn, article_id)
    spans = unpack(row[0])
    names = _spellings(conn, {sid for _s, _e, sid in spans})
    return [(names[sid][1], s, e, names[sid][0]) for s, e, sid in spans if sid in names]


def spelling_ids(conn: sqlite3.Connection, article_id: str) -> str:
    """The ids of the spellings an article writes, as a JSON list (for `json_each`)."""
    row = conn.execute(
        "SELECT data FROM article_mentions WHERE article_id = ?", (article_id,)
    ).fetchone()
    return json.dumps(sorted({sid for _s, _e, sid in unpack(row[0])}) if row else [])


def owners(
    conn: sqlite3.Connection, alias_ids: Iterable[int]
) -> dict[int, tuple[int, EntityType, str]]:
    """Form id -> (entity id, type, canonical name) of the entity that owns the form now."""
    rows = conn.execute(
        "SELECT a.id, e.id, e.type, e.name FROM entity_aliases a JOIN entities e"
        " ON e.id = a.entity_id WHERE a.id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(alias_ids)),),
    )
    return {int(a): (int(e), cast(EntityType, t), str(n)) for a, e, t, n in rows}


def _spellings(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, tuple[int, str]]:
    rows = conn.execute(
        "SELECT id, alias_id, text FROM mention_spellings"
        " WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(ids)),),
    )
    return {int(i): (int(a), str(t)) for i, a, t in rows}


def _read_format_2(conn: sqlite3.Connection, article_id: str) -> list[Row]:
    """A library opened read-only is read as it is: format 2 kept a row per mention."""
    try:
        rows = conn.execute(
            'SELECT text, start, "end", alias_id FROM entity_mentions WHERE article_id = ?'
            ' ORDER BY start, "end"',
            (article_id,),
        ).fetchall()
    except sqlite3.OperationalError:  # no such table: the article has no mentions
        return []
    return [(str(t), int(s), int(e), int(a)) for t, s, e, a in rows]


# -- corrections: `block` takes an entity's mentions out, undo puts them back ------------------
def take_entity(conn: sqlite3.Connection, entity_id: int) -> list[list[object]]:
    """Remove every mention written in a form of the entity; returns them as undo rows
    `[article_id, start, end, text, alias_id]` (the shape format 2's undo log holds too)."""
    spellings = {
        int(i): (int(a), str(t))
        for i, a, t in conn.execute(
            "SELECT s.id, s.alias_id, s.text FROM mention_spellings s"
            " JOIN entity_aliases a ON a.id = s.alias_id WHERE a.entity_id = ?",
            (entity_id,),
        )
    }
    if not spellings:
        return []
    articles = [
        str(r[0])
        for r in conn.execute(
            "SELECT DISTINCT l.article_id FROM entity_articles l"
            " JOIN entity_aliases a ON a.id = l.alias_id WHERE a.entity_id = ? ORDER BY 1",
            (entity_id,),
        )
    ]
    mine = set(spellings.values())
    taken: list[list[object]] = []
    for article_id in articles:
        rows = read(conn, article_id)
        keep = [r for r in rows if (r[3], r[0]) not in mine]
        if len(keep) == len(rows):
            continue
        taken += [[article_id, s, e, t, a] for t, s, e, a in rows if (a, t) in mine]
        write(conn, article_id, keep)
    return taken


def restore(conn: sqlite3.Connection, undo_rows: Iterable[Sequence[Any]]) -> None:
    """Put back mentions `take_entity` removed (undo rows, format 2's or this format's)."""
    by_article: dict[str, list[Row]] = {}
    for article_id, start, end, text, alias_id in undo_rows:
        by_article.setdefault(str(article_id), []).append(
            (str(text), int(start), int(end), int(alias_id))
        )
    for article_id, rows in by_article.items():
        have = read(conn, article_id)
        write(conn, article_id, sorted(set(have) | set(rows), key=lambda r: (r[1], r[2])))


# -- migration from format 2 ------------------------------------------------------------------
def migrate(conn: sqlite3.Connection) -> int:
    """Pack format 2's `entity_mentions` rows (one per mention) into this format and drop the
    old table. Runs inside the caller's transaction; returns the number of articles packed."""
    have = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entity_mentions'"
    ).fetchone()
    if have is None:
        return 0
    ensure(conn)
    spelling: dict[tuple[int, str], int] = {}
    articles: dict[int, int] = {}
    packed: list[tuple[str, bytes]] = []
    current: str | None = None
    spans: list[tuple[int, int, int]] = []

    def flush() -> None:
        if current is not None and spans:
            packed.append((current, pack(spans)))
            for sid in {sid for _s, _e, sid in spans}:
                articles[sid] = articles.get(sid, 0) + 1

    rows = conn.execute(
        'SELECT article_id, start, "end", text, alias_id FROM entity_mentions'
        " ORDER BY article_id, start"
    )
    for article_id, start, end, text, alias_id in rows:
        if article_id != current:
            flush()
            current, spans = article_id, []
        key = (int(alias_id), str(text))
        sid = spelling.get(key)
        if sid is None:
            sid = spelling[key] = len(spelling) + 1
        spans.append((int(start), int(end), sid))
    flush()
    conn.execute("DELETE FROM mention_spellings")
    conn.execute("DELETE FROM article_mentions")
    conn.executemany(
        "INSERT INTO mention_spellings (id, alias_id, text, articles) VALUES (?, ?, ?, ?)",
        [(sid, a, t, articles.get(sid, 0)) for (a, t), sid in spelling.items()],
    )
    conn.executemany("INSERT INTO article_mentions (article_id, data) VALUES (?, ?)", packed)
    conn.execute("DROP TABLE entity_mentions")  # its indexes go with it
    return len(packed)
