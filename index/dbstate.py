"""A cheap value that changes whenever a SQLite database may have changed.

`PRAGMA data_version` changes when another connection (another thread's, another process's)
commits; `total_changes` counts what this connection itself wrote. Together they say whether
anything read from the database before may have changed since, for about 10 µs — what lets
the search keep flag docnums (`index.searchindex`) and entity names (`index.facets`) between
searches instead of asking SQLite again every time. `registry_mark` is the same kind of value
for the entity registry's corrections (what lets an open reader follow a correction made in
another process, `index.changes`).
"""

from __future__ import annotations

import sqlite3


def data_version(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """(data_version, total_changes) of `conn`, or None when it cannot be read."""
    try:
        return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes
    except sqlite3.Error:
        return None


def registry_mark(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """A value that changes with every entity correction and every undo, for two B-tree
    lookups; None when the library has no undo log to read.

    Every correction (merge, split, rename, alias, retype, block) appends one row to the
    registry's undo log and `undo` deletes the newest. The log's key is AUTOINCREMENT, so its
    high-water mark in `sqlite_sequence` only grows (a correction moves it) and the newest
    row's id drops on an undo: the pair never comes back to an earlier value. Ingestion's own
    registry writes are not corrections and do not move it (new articles are seen anyway).
    """
    try:
        row = conn.execute(
            "SELECT (SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence"
            " WHERE name = 'entity_undo'), (SELECT COALESCE(MAX(id), 0) FROM entity_undo)"
        ).fetchone()
    except sqlite3.Error:
        return None
    return int(row[0]), int(row[1])
