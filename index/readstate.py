"""Read flags for many articles at once: "mark all shown as read" and its undo.

Kept apart from `Library.set_read` (one article per key press) because a bulk change must say
which articles it actually changed: undo restores exactly those, not every article shown.

Every flag write that changes something also moves one row of the state table, `FLAGS_MARK`,
in the same transaction: `index.changes` reads that one row to tell an open reader that another
process marked or starred articles (one B-tree lookup, whatever the library's size; the flags
themselves are only read again for the rows a reader shows).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .store import transaction

#: SQLite's default limit on host parameters is 999 on old builds: stay well below.
_CHUNK = 500


#: The state row every flag write moves (a counter, as text like every state value).
FLAGS_MARK = "flags_changed"


def bump_flags(conn: sqlite3.Connection) -> None:
    """Move `FLAGS_MARK`; call inside the transaction of the flag write."""
    conn.execute(
        "INSERT INTO state (key, value) VALUES (?, '1') ON CONFLICT(key)"
        " DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        (FLAGS_MARK,),
    )


def flags_mark(conn: sqlite3.Connection) -> str | None:
    """The value of `FLAGS_MARK` (None before the first flag write, or with no state table)."""
    try:
        row = conn.execute("SELECT value FROM state WHERE key = ?", (FLAGS_MARK,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else str(row[0])


def set_flag(conn: sqlite3.Connection, article_id: str, flag: str, value: bool) -> bool:
    """Set `flag` ("read" or "starred") of one article; True when it changed."""
    column = {"read": "read", "starred": "starred"}[flag]
    with transaction(conn):
        cursor = conn.execute(
            f"UPDATE articles SET {column} = ? WHERE id = ? AND {column} != ?",
            (int(value), article_id, int(value)),
        )
        if cursor.rowcount > 0:
            bump_flags(conn)
    return cursor.rowcount > 0


def set_read_many(conn: sqlite3.Connection, ids: Iterable[str], read: bool) -> list[str]:
    """Set the read flag of `ids`; return the ids whose flag changed (in one transaction)."""
    wanted = list(dict.fromkeys(ids))
    changed: list[str] = []
    with transaction(conn):
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT id FROM articles WHERE read = ? AND id IN ({marks})",
                (int(not read), *chunk),
            ).fetchall()
            ids_to_change = [str(row[0]) for row in rows]
            if not ids_to_change:
                continue
            marks = ",".join("?" * len(ids_to_change))
            conn.execute(
                f"UPDATE articles SET read = ? WHERE id IN ({marks})", (int(read), *ids_to_change)
            )
            changed.extend(ids_to_change)
        if changed:
            bump_flags(conn)
    return changed
