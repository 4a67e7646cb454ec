"""A search index that cannot be used: when it can be neither read nor rebuilt (a full disk,
a read-only folder), a library searches with `UnavailableIndex`, so reading still works and a
search says why not; and the disk-space figures that decide whether a rebuild is tried.

Split from `index.health`, which diagnoses such a library (`dateline check`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from .health import DB_NAME


class IndexUnavailable(Exception):
    """Raised by `UnavailableIndex` for writes; the message says why and what to do."""


class UnavailableIndex:
    """Stands in for `SearchIndex` when the index can be neither read nor rebuilt.

    Listing and reading articles go to SQLite and keep working; a search answers with the
    reason (through `QueryError`, which `Library.search` turns into a result's `error`), so a
    library never looks empty because its index is gone.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def search(self, *args: Any, **kwargs: Any) -> Any:
        from .query import QueryError

        raise QueryError(self.reason)

    def doc_count(self) -> int:
        return 0

    def add(self, *args: Any, **kwargs: Any) -> int:
        raise IndexUnavailable(self.reason)

    rebuild = add
    delete = add

    def more_like_this(self, *args: Any, **kwargs: Any) -> list[tuple[str, float]]:
        return []

    def highlight_spans(self, *args: Any, **kwargs: Any) -> list[tuple[int, int]]:
        return []

    def close(self) -> None:
        pass


def free_bytes(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None


def rebuild_space_needed(root: Path) -> int:
    """A rough lower bound of the disk space a rebuild of the index needs: the index is about
    the size of the text it holds, and a rebuild writes the new one before dropping the old."""
    try:
        size = (root / DB_NAME).stat().st_size
    except OSError:
        size = 0
    return size + 2**20
