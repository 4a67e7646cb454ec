"""Read flags for many articles at once: "mark all shown as read" and its undo.

Kept apart from `Library.set_read` (one article per key press) because a bulk change must say
which articles it actually changed: undo restores exactly those, not every article shown.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .store import transaction

#: SQLite's default limit on host parameters is 999 on old builds: stay well below.
_CHUNK = 500


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
    return changed
