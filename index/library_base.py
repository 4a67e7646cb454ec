"""The base of `index.Library`: per-thread SQLite sessions, the writer lock, shared helpers.

`Library` is assembled from topic modules (library_read, library_entities, library_feeds,
library_add, library_refresh), each a class extending the one before it, so every method sees
the ones it uses; `index.library.Library` stays the one facade.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .dbstate import data_version
from .entities.registry import Registry
from .lock import ReadOnlyLibrary, WriterLock
from .model import Progress
from .perthread import PerThread
from .store import connect
from .stories import StoryIndex

ProgressCallback = Callable[[Progress], None]

DB_NAME = "library.sqlite"
INDEX_DIR = "whoosh"


def default_path() -> Path:
    """`DATELINE_LIBRARY`, else the platform's user data dir (XDG on Linux)."""
    env = os.environ.get("DATELINE_LIBRARY")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("dateline", appauthor=False)) / "library"


class LibraryError(Exception):
    """A library that cannot be opened; the message is meant for the user."""


class LibraryBase:
    """Per-thread sessions and the writer lock; see `index.library.Library`."""

    def __init__(self, path: Path, search: Any) -> None:
        self.path = path
        self._search = search
        #: True when the folder cannot be written: reading works, writing raises LibraryError.
        self.read_only = False
        self._sessions: PerThread[_Session] = PerThread(
            lambda: _Session(connect(path / DB_NAME, read_only=self.read_only)), _Session.close
        )
        #: One connection that never writes, only asked its `data_version` (`_flags_version`).
        self._version_conn: sqlite3.Connection | None = None
        self._version_lock = threading.Lock()

    # -- per-thread SQLite ------------------------------------------------------------------
    @property
    def _conn(self) -> sqlite3.Connection:
        return self._sessions.get().conn

    def _flags_version(self) -> tuple[int, int] | None:
        """A value that changes whenever a read or star flag may have, the same from every
        thread: what the search's one view (shared by all threads) keeps flag docnums by.

        Each thread's connection counts `data_version` on its own, and a new connection starts
        where an older one stood before a commit: a search in a new thread (the reader starts
        one per search) after "mark all read" found the unread ids of before, cached under an
        equal value, and showed the articles just marked. One connection that never writes
        sees every commit, this process's threads' and other processes' alike."""
        with self._version_lock:
            if self._version_conn is None:
                try:
                    self._version_conn = connect(self.path / DB_NAME, read_only=self.read_only)
                except sqlite3.Error:
                    return None  # no value: the flags are read every time, as they were
            return data_version(self._version_conn)

    def _close_version(self) -> None:
        with self._version_lock:
            if self._version_conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._version_conn.close()
                self._version_conn = None

    @property
    def _registry(self) -> Registry:
        return self._sessions.get().registry

    @property
    def _stories(self) -> StoryIndex:
        return self._sessions.get().stories

    # -- reliability: the writer lock and an index that may be missing -----------------------
    @contextlib.contextmanager
    def _write_lock(self, progress: ProgressCallback | None, what: str = "open") -> Any:
        """Hold the library's writer lock (see `index.lock`); refuse at once when read-only.

        A wait is reported through `progress` as a "wait" event, else on stderr.
        """
        if self.read_only:
            raise LibraryError(
                f"the library at {self.path} is read-only: it can be read, not changed"
            )

        def notify(message: str) -> None:
            if progress is not None:
                progress(Progress("wait", 0, None, message))
            else:
                import sys

                print(message, file=sys.stderr, flush=True)

        purpose = "entity correction" if what == "correct" else f"dateline {what}"
        lock = WriterLock(self.path, notify=notify, purpose=purpose)
        try:
            lock.__enter__()
        except ReadOnlyLibrary:
            raise LibraryError(
                f"the library at {self.path} is read-only: it can be read, not changed"
            ) from None
        try:
            yield
        finally:
            lock.__exit__(None, None, None)


class _Session:
    """A thread's connection, and the registry and story index bound to it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.registry = Registry(conn)
        self.stories = StoryIndex(conn)

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()


def _clean(name: str) -> str:
    """Names typed by a user are outside text too: no control or escape sequences."""
    from .textclean import sanitize

    return " ".join(sanitize(name).split())
