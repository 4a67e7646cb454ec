"""Noticing that another process changed the library, cheaply enough to ask every second.

`PRAGMA data_version` changes when any other connection (another process, or another thread's
connection) commits to the database; reading it touches no table, so polling it costs the same
at 100 articles or 100,000. Only when it moves does `ChangeWatch` look at the articles, and then
only at what indexes answer without a scan: the largest rowid (new articles), the row count
(deletions) and the articles not yet in the search index (another process stores articles in
SQLite first and indexes them a moment later: the list must be searched again once they are
searchable). A flag write changes none of these, so marking articles read never makes the
list reload: it moves one state row (`index.readstate.FLAGS_MARK`, one B-tree lookup), and the
change says `flags`, for a reader to read again the flags of the rows it shows. An entity correction (another shell's `dateline entities
rename …`, or undo) is told apart by the registry's undo log (`index.dbstate.registry_mark`):
it changes no article, but names, types and the colours of an open article's mentions. So is a
change to the subscriptions (`index.dbstate.feeds_mark`: another shell's `dateline feeds add`,
`remove`, a rename, tags, a refresh's fetch time or error, a full-text option, a saved search's
seen mark): the reader's feeds view follows it with no poll of its own.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .dbstate import feeds_mark, registry_mark
from .readstate import flags_mark


@dataclass(frozen=True)
class Change:
    """What changed since the last poll: `new` articles were added (ids, newest last)."""

    new: tuple[str, ...]
    #: Something else changed the article set (updates, deletions, indexing caught up).
    other: bool
    #: The entity registry was corrected (or a correction undone): names and types moved.
    entities: bool = False
    #: The subscriptions changed (see `index.dbstate.feeds_mark`), whether or not articles did.
    feeds: bool = False
    #: Read or starred flags changed (which ones is not said: a reader reads its rows again).
    flags: bool = False

    @property
    def articles(self) -> bool:
        """Articles came, went or became searchable: a list or a page of them may have moved
        (a change to only the feeds or the entity names leaves the article list as it is)."""
        return bool(self.new) or self.other


@dataclass(frozen=True)
class _Mark:
    last_rowid: int
    count: int
    unindexed: int


class ChangeWatch:
    """A dedicated read-only connection that tells what changed since the last `poll`."""

    def __init__(
        self, db_path: Path, *, state_keys: Sequence[str] = (), read_only: bool = False
    ) -> None:
        """`state_keys`: rows of the state table that count as part of the subscriptions
        (the reader keeps its saved searches there, listed in its feeds view). `read_only`:
        the library's folder cannot be written, so SQLite cannot make the files a plain
        connection needs beside a WAL database; the library's own read-only connection is
        used (the reader's watch failed to open on a read-only library)."""
        if read_only:
            from .store import connect

            self._conn = connect(db_path, read_only=True)
        else:
            self._conn = sqlite3.connect(
                db_path, timeout=5.0, isolation_level=None, check_same_thread=False
            )
        self._conn.execute("PRAGMA query_only = ON")
        self._lock = threading.Lock()
        self._version = self._data_version()
        self._mark = self._read_mark()
        self._registry = registry_mark(self._conn)
        self._state_keys = tuple(state_keys)
        self._feeds = feeds_mark(self._conn, self._state_keys)
        self._flags = flags_mark(self._conn)

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _read_mark(self) -> _Mark:
        row = self._conn.execute(
            "SELECT COALESCE(MAX(rowid), 0), COUNT(*),"
            " (SELECT COUNT(*) FROM articles WHERE indexed = 0) FROM articles"
        ).fetchone()
        return _Mark(int(row[0]), int(row[1]), int(row[2]))

    def poll(self) -> Change | None:
        """None when the articles, the entity corrections, the subscriptions and the flags
        are as they were at the last poll; else what changed."""
        with self._lock:
            version = self._data_version()
            if version == self._version:
                return None
            self._version = version
            before, after = self._mark, self._read_mark()
            registry = registry_mark(self._conn)
            corrected = registry != self._registry
            self._registry = registry
            feeds = feeds_mark(self._conn, self._state_keys)
            subscriptions = feeds != self._feeds
            self._feeds = feeds
            flags = flags_mark(self._conn)
            flagged = flags != self._flags
            self._flags = flags
            if after == before and not corrected and not subscriptions and not flagged:
                return None
            self._mark = after
            new: tuple[str, ...] = ()
            if after.last_rowid > before.last_rowid:
                new = tuple(
                    str(row[0])
                    for row in self._conn.execute(
                        "SELECT id FROM articles WHERE rowid > ? ORDER BY rowid",
                        (before.last_rowid,),
                    )
                )
            other = after.count - before.count != len(new) or after.unindexed != before.unindexed
            return Change(
                new=new, other=other, entities=corrected, feeds=subscriptions, flags=flagged
            )

    def close(self) -> None:
        with self._lock:
            self._conn.close()
