"""A cheap value that changes whenever a SQLite database may have changed.

`PRAGMA data_version` changes when another connection (another thread's, another process's)
commits; `total_changes` counts what this connection itself wrote. Together they say whether
anything read from the database before may have changed since, for about 10 µs — what lets
the search keep flag docnums (`index.searchindex`) and entity names (`index.facets`) between
searches instead of asking SQLite again every time.
"""

from __future__ import annotations

import sqlite3


def data_version(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """(data_version, total_changes) of `conn`, or None when it cannot be read."""
    try:
        return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes
    except sqlite3.Error:
        return None
