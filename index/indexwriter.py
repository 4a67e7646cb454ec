"""Writing the Whoosh index: one commit per call, two processes for big batches, no big merges.

* Batches of `MULTIPROC_THRESHOLD` documents or more are indexed by two processes (about twice
  as fast on 2 cores); those child processes die with their parent (`PR_SET_PDEATHSIG`), so a
  killed TUI or CLI never leaves writers behind holding the index lock.
* A commit never runs Whoosh's default merge: `index.merging` bounds what it may rewrite by
  what the commit wrote; bigger merges run in the background (`index.consolidate`) and give way
  to a writer: `writer` ends a running consolidation instead of waiting for it.
* Documents whose ids are new to the library (the caller knows it from SQLite) are added
  without Whoosh's `update_document` looking for an old version in every segment.
* Segments are written as separate files, not one compound file (see `writer`).
"""

from __future__ import annotations

import multiprocessing.util
import time
from collections.abc import Callable, Collection, Iterable
from itertools import chain, islice
from pathlib import Path
from typing import Any

from whoosh.index import LockError
from whoosh.writing import CLEAR

from . import consolidate
from .merging import inline_merge
from .model import Progress
from .searchschema import IndexDoc, fields

#: Batches this large are indexed by two processes (about twice as fast on 2 cores).
MULTIPROC_THRESHOLD = 500
WRITER_TIMEOUT = 30.0

ProgressCallback = Callable[[Progress], None]


class IndexBusy(Exception):
    """Another writer holds the index lock for longer than the timeout."""


# Child processes of a multi-process index writer die with their parent (a killed TUI or CLI
# must not leave writers behind holding the index lock): set in the child right after fork.
_die_with_parent = False


def _set_pdeathsig(_: object) -> None:
    if not _die_with_parent:
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: nothing to set
        pass


multiprocessing.util.register_after_fork(_set_pdeathsig, _set_pdeathsig)


def writer(ix: Any, wait: float, options: dict[str, Any]) -> Any:
    # Segments are written as separate files, not one compound file: a reader of a compound
    # segment copies each of its parts (the whole postings file included) into a BytesIO,
    # so memory grew with the index (58 of 65 MiB at 10,000 articles). Separate files are
    # read through the page cache instead.
    # A background consolidation holding the lock is ended, never waited for (it is started
    # again after this add). Tried each second, in case one claimed the lock meanwhile.
    folder = getattr(getattr(ix, "storage", None), "folder", None)
    until = time.monotonic() + wait
    while True:
        if folder is not None:
            consolidate.preempt(Path(folder))
        left = until - time.monotonic()
        try:
            return ix.writer(timeout=max(0.0, min(1.0, left)), compound=False, **options)
        except LockError:
            if left > 1.0:
                continue
        raise IndexBusy(
            "The search index is being written by another Dateline process; "
            "try again when it has finished."
        ) from None


def write(
    ix: Any,
    docs: Iterable[IndexDoc],
    *,
    delete: Iterable[str],
    progress: ProgressCallback | None,
    clear: bool,
    wait: float = WRITER_TIMEOUT,
    new: Collection[str] = frozenset(),
) -> int:
    """Write `docs` (replacing documents of the same id, except for ids in `new`, which the
    caller knows the index has never held) and delete the `delete` ids, in one commit."""
    global _die_with_parent
    total = len(docs) if hasattr(docs, "__len__") else None  # type: ignore[arg-type]
    it = iter(docs)
    head = list(islice(it, MULTIPROC_THRESHOLD))
    big = len(head) >= MULTIPROC_THRESHOLD
    options: dict[str, Any] = {"procs": 2, "multisegment": True} if big else {}
    _die_with_parent = big
    w = writer(ix, wait, options)
    done = 0
    try:
        for article_id in delete:
            w.delete_by_term("id", article_id)
        seen: set[str] = set()
        for doc in chain(head, it):
            if doc.id in seen:
                continue
            seen.add(doc.id)
            if clear or doc.id in new:
                w.add_document(**fields(doc))
            else:
                w.update_document(**fields(doc))
            done += 1
            if progress and done % 100 == 0:
                progress(Progress("index", done, total))
        if progress:
            progress(Progress("commit", done, total, "saving the search index"))
        w.commit(mergetype=CLEAR if clear else inline_merge(done))
    except BaseException:
        w.cancel()
        raise
    finally:
        _die_with_parent = False
    if progress:
        progress(Progress("index", done, done))
    return done
