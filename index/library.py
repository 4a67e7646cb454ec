"""`Library`: the one facade between what the user sees (`reader/`) and the back end.

A library is a folder: `library.sqlite` (the source of truth) and `whoosh/` (derived from it,
rebuilt when missing or unreadable). Every method is safe to call from a worker thread: each
thread gets its own SQLite connection and Whoosh searcher.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import pages
from .library_add import GROUP_ARTICLES
from .library_base import (
    DB_NAME,
    INDEX_DIR,
    LibraryError,
    ProgressCallback,
    _Session,
    default_path,
)
from .library_feeds import feed_url
from .library_refresh import Refreshing
from .lock import install_fork_hook, maybe_locked
from .model import RawArticle
from .store import (
    FORMAT_VERSION,
    DamagedLibrary,
    check_header,
    connect,
    ensure_schema,
    is_read_only,
)


class Library(Refreshing):
    """Open with `Library.open(path)`; close with `close()` or use it as a context manager.

    Every method is safe to call from any thread: SQLite connections (and so the entity
    registry) are per thread, and the search index keeps one searcher per thread.
    """

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        create: bool = True,
        on_upgrade: Callable[[str], None] | None = None,
    ) -> Library:
        """Open the library folder at `path` (default: `DATELINE_LIBRARY` or the user data dir).

        Raises `LibraryError` for a folder written by a newer Dateline, a file that is not a
        library, or a missing library when `create` is false. A Whoosh index that cannot be
        opened is rebuilt from SQLite (it is derived data). `on_upgrade` is told when an older
        library is about to be migrated to this version's format.
        """
        root = Path(path).expanduser() if path else default_path()
        db = root / DB_NAME
        if root.exists() and not root.is_dir():
            raise LibraryError(f"{root} is a file, not a library folder")
        if not db.exists():
            if not create:
                raise LibraryError(f"no Dateline library at {root}")
            try:
                root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LibraryError(f"cannot create a library at {root} ({exc.strerror})") from None
        read_only = is_read_only(db)
        if read_only and not db.exists():
            raise LibraryError(f"cannot create a library at {root}: the folder is read-only")
        install_fork_hook()  # Whoosh's sub-writers die with this process
        try:
            check_header(db, index_has_files=_has_files(root / INDEX_DIR))
            conn = connect(db, read_only=read_only)
            version = ensure_schema(conn, read_only=read_only, on_upgrade=on_upgrade)
        except DamagedLibrary as exc:
            raise LibraryError(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            from .health import describe_error

            raise LibraryError(
                f"{db} is not a Dateline library or is damaged: {describe_error(exc) or exc}"
            ) from exc
        if version > FORMAT_VERSION:
            conn.close()
            raise LibraryError(
                f"the library at {root} was written by a newer Dateline (format {version}); "
                f"this version reads format {FORMAT_VERSION}. Upgrade Dateline to open it."
            )
        session = _Session(conn)  # creates the registry's and stories' tables if needed
        pages.ensure(conn)  # the entity and story pages' tables (filled if new)
        lib = cls(root, None)
        lib.read_only = read_only
        lib._sessions.set(session)
        lib._search = lib._open_index()
        return lib

    def close(self) -> None:
        self._sessions.close_all()
        self._close_version()
        self._search.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _try_index(self, count: int) -> tuple[Any, bool]:
        """Open the existing index without writing anything: (index or None, needs rebuild).

        None when there is no index or it cannot be read; `needs rebuild` also when it is
        readable but holds nothing (or more than SQLite) while SQLite holds articles.
        """
        from .searchindex import IndexOtherVersion, IndexUnreadable, SearchIndex

        folder = self.path / INDEX_DIR
        if not _has_files(folder):
            return None, True
        try:
            try:
                search = SearchIndex.open(folder)
            except IndexOtherVersion:
                if not self.read_only:
                    raise
                # Written by another Dateline and not rebuildable here: search it as written.
                search = SearchIndex.open(folder, any_version=True)
        except (IndexUnreadable, OSError):
            return None, True
        self._search = search
        try:
            self._check_index()
            docs = search.doc_count()
        except Exception:  # segments that cannot be read: the index is derived, rebuild it
            with contextlib.suppress(Exception):
                search.close()
            return None, True
        return search, (bool(count) and docs == 0) or docs > count

    def _open_index(self) -> Any:
        """The search index: opened as it is, else (re)built from SQLite under the writer lock.

        Never fails the open: when the index can be neither read nor rebuilt (a read-only
        folder, a full disk) the library gets an `UnavailableIndex`, so listing and reading
        still work and a search says why it cannot run. Counts always come from SQLite.
        """
        from .health import describe_error
        from .searchindex import SearchIndex
        from .unavailable import UnavailableIndex, free_bytes, rebuild_space_needed

        count = self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        search, stale = self._try_index(count)
        if search is not None and (not stale or self.read_only):
            if not self.read_only:
                # Another process holding the writer indexes what it stored itself: don't wait.
                with maybe_locked(self.path, timeout=0.5) as locked:
                    if locked:
                        with contextlib.suppress(Exception):
                            self._catch_up(wait=0.5)
            return search
        if self.read_only:
            return UnavailableIndex(
                "the search index is missing or damaged, and the library is read-only so it "
                "cannot be rebuilt; listing and reading articles still work"
            )
        if search is not None:
            search.close()
        folder = self.path / INDEX_DIR
        try:
            with self._write_lock(None):
                # Counted again: another writer may have stored articles while this one waited.
                count = self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                search, stale = self._try_index(count)  # another writer may have rebuilt it
                if search is not None and not stale:
                    return search
                free = free_bytes(self.path)
                if count and free is not None and free < rebuild_space_needed(self.path):
                    reason = (
                        f"not enough free disk space to rebuild the search index "
                        f"({free / 2**20:.1f} MB free); free some space, then run "
                        "`dateline reindex`"
                    )
                    return search if search is not None else UnavailableIndex(reason)
                if search is not None:
                    search.close()
                _remove(folder)
                self._search = SearchIndex.open(folder)
                if count:
                    self.reindex()
                return self._search
        except LibraryError:
            raise
        except Exception as exc:
            with contextlib.suppress(Exception):
                self._search.close()
            why = describe_error(exc) or f"{type(exc).__name__}: {exc}"
            return UnavailableIndex(
                f"the search index could not be rebuilt ({why}); listing and reading articles "
                "still work. Run `dateline reindex` once that is fixed."
            )


def _has_files(folder: Path) -> bool:
    try:
        return folder.is_dir() and any(folder.iterdir())
    except OSError:
        return False


def _remove(path: Path) -> None:
    """Remove a derived index, whether a folder or (damaged) a plain file."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


__all__ = [
    "GROUP_ARTICLES",
    "Library",
    "LibraryError",
    "ProgressCallback",
    "RawArticle",
    "default_path",
    "feed_url",
]
