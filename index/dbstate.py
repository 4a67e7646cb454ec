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
from collections.abc import Sequence


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


#: What the feeds view lists beside the articles, each small whatever the library's size: the
#: subscriptions (every column, so a refresh's fetch time and error count), their full-text
#: option and the saved searches' seen marks (the "N new" beside each).
_FEED_TABLES = (
    "SELECT * FROM feeds ORDER BY url",
    "SELECT * FROM feed_options ORDER BY url",
    "SELECT * FROM watch_marks ORDER BY name",
)


def feeds_mark(conn: sqlite3.Connection, state_keys: Sequence[str] = ()) -> int:
    """A value that changes whenever the subscriptions, their options, the saved searches'
    seen marks or the `state` rows `state_keys` change.

    These tables hold one row per subscription or saved search, not per article, so reading
    them whole costs the same at any library size; a hash keeps only one number between
    polls. A table not created yet (the options and marks are made on first use) reads as
    empty, as it is. `state_keys` are for what a caller keeps in the state table beside them
    (the reader's saved searches)."""
    rows: list[object] = []
    for sql in _FEED_TABLES:
        try:
            rows.append(tuple(conn.execute(sql)))
        except sqlite3.OperationalError:  # no such table (yet)
            rows.append(())
    if state_keys:
        marks = ",".join("?" * len(state_keys))
        rows.append(
            tuple(
                conn.execute(
                    f"SELECT key, value FROM state WHERE key IN ({marks}) ORDER BY key",
                    tuple(state_keys),
                )
            )
        )
    return hash(tuple(rows))
