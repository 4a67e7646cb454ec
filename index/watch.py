"""Watchlists: a saved search remembers when it was last looked at, so the reader and
`dateline watch` can say what arrived since.

"Since" is the articles table's rowid at the time: rowids only grow as articles are added, so
"new" is `rowid > mark`, answered from the primary key whatever the library's size, and an
article updated in place (same row) is not counted again. Marks live in their own table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from .store import now, transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_marks (
    name TEXT PRIMARY KEY,
    last_rowid INTEGER NOT NULL,
    seen_at TEXT NOT NULL
);
"""

_CHUNK = 500
#: The newest (by date) matches of a saved search that are checked for new ones: bounds the
#: cost of a broad search in a large library; a new article dated older than these is missed.
SCAN = 5000


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def last_rowid(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM articles").fetchone()[0])


def mark(conn: sqlite3.Connection, name: str) -> int:
    """The rowid `name` was last seen at; 0 (everything is new) when it never was."""
    ensure_schema(conn)
    row = conn.execute("SELECT last_rowid FROM watch_marks WHERE name = ?", (name,)).fetchone()
    return int(row[0]) if row else 0


def mark_seen(conn: sqlite3.Connection, name: str) -> None:
    """Everything in the library now counts as seen for `name`."""
    ensure_schema(conn)
    with transaction(conn):
        conn.execute(
            "INSERT INTO watch_marks (name, last_rowid, seen_at) VALUES (?, ?, ?)"
            " ON CONFLICT(name) DO UPDATE SET last_rowid = excluded.last_rowid,"
            " seen_at = excluded.seen_at",
            (name, last_rowid(conn), now()),
        )


def newer_than(conn: sqlite3.Connection, ids: Sequence[str], since: int) -> set[str]:
    """Which of `ids` were added after rowid `since`."""
    found: set[str] = set()
    wanted = list(ids)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        found.update(
            str(row[0])
            for row in conn.execute(
                f"SELECT id FROM articles WHERE rowid > ? AND id IN ({marks})", (since, *chunk)
            )
        )
    return found


def move_mark(conn: sqlite3.Connection, old: str, new: str) -> None:
    """A renamed saved search keeps its mark: what was new under `old` is new under `new`."""
    ensure_schema(conn)
    with transaction(conn):
        conn.execute("DELETE FROM watch_marks WHERE name = ?", (new,))
        conn.execute("UPDATE watch_marks SET name = ? WHERE name = ?", (new, old))


def drop_mark(conn: sqlite3.Connection, name: str) -> int | None:
    """Forget `name`'s mark (its saved search is deleted); the mark it had, for an undo."""
    ensure_schema(conn)
    with transaction(conn):
        row = conn.execute("SELECT last_rowid FROM watch_marks WHERE name = ?", (name,)).fetchone()
        conn.execute("DELETE FROM watch_marks WHERE name = ?", (name,))
    return int(row[0]) if row else None


def put_mark(conn: sqlite3.Connection, name: str, rowid: int) -> None:
    """Give `name` back the mark `drop_mark` took (an undone delete)."""
    ensure_schema(conn)
    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO watch_marks (name, last_rowid, seen_at) VALUES (?, ?, ?)",
            (name, rowid, now()),
        )
