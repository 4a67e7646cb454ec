"""Background consolidation of the search index: bigger merges, off the add path.

An add merges only what its own size pays for (`index.merging.plan_inline`); the tiers above
are merged here (`plan_background`), in a separate, low-priority process started after an add
that left a tier crowded (`start`). It never makes a writer wait:

* it takes Whoosh's index lock without waiting, and gives up at once if a writer has it;
* a writer that finds the lock taken ends the consolidation (`preempt`, SIGTERM) and proceeds.
  A merge cut short loses nothing: Whoosh writes a new segment's files first and the table of
  contents last (atomically, by rename), so the index stays at its previous generation and the
  next commit deletes the half-written files. The next add starts the consolidation again.

The process is detached from the command that started it (a `dateline add` returns at once)
and marks itself in `.consolidating` in the index folder: a file lock held while it runs, with
its pid (Whoosh ignores dot files). `dateline check` knows it is not a stray writer.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from whoosh import index
from whoosh.index import LockError

from .merging import merge_policy, plan_background

MARKER = ".consolidating"
#: The consolidation starts this long after the add that asked for it: a batch of adds
#: (a feed refresh, a big import) runs without one starting between its commits.
IDLE_SECONDS = 2.0
#: `DATELINE_BACKGROUND_MERGE=0` turns the background process off (merges then wait for
#: `SearchIndex.consolidate()` or `dateline reindex`).
ENV = "DATELINE_BACKGROUND_MERGE"


def due(dirpath: Path) -> bool:
    """Whether a tier of the index is crowded enough for a background merge."""
    try:
        ix = index.open_dir(str(dirpath))
        return bool(plan_background([s.doc_count_all() for s in ix._segments()]))
    except Exception:  # an unreadable index is the library's to rebuild, not ours to merge
        return False


def start(dirpath: Path) -> bool:
    """Start a background consolidation when one is due and none runs; True if started."""
    if os.environ.get(ENV, "1") == "0" or running(dirpath) is not None or not due(dirpath):
        return False
    subprocess.Popen(
        [sys.executable, "-m", "index.consolidate", str(dirpath)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # outlives `dateline add`; yields to every writer
        close_fds=True,
    )
    return True


def running(dirpath: Path) -> int | None:
    """The pid of the consolidation running on this index, or None."""
    try:
        fd = os.open(dirpath / MARKER, os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            text = os.read(fd, 32).decode("ascii", "replace").strip()
            return int(text) if text.isdigit() else None
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def preempt(dirpath: Path) -> None:
    """End a running consolidation so a writer can take the index lock now."""
    pid = running(dirpath)
    if pid is not None and pid != os.getpid():
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGTERM)


def wait(dirpath: Path, timeout: float = 3600.0) -> float:
    """Wait until no consolidation runs (benchmarks and tests); returns the seconds waited."""
    t0 = time.monotonic()
    while running(dirpath) is not None and time.monotonic() - t0 < timeout:
        time.sleep(0.2)
    return time.monotonic() - t0


@contextlib.contextmanager
def _claim(dirpath: Path) -> Iterator[bool]:
    """Hold the `.consolidating` lock (with our pid) while merging; False if another has it."""
    fd = os.open(dirpath / MARKER, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        try:
            yield True
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def run(dirpath: Path, delay: float = 0.0) -> int:
    """Merge crowded tiers until none is left or a writer wants the index; returns merges done.

    `delay`: seconds to wait first, already marked as running (so `wait` waits for it too)."""
    merges = 0
    with _claim(dirpath) as claimed:
        if not claimed:
            return 0
        time.sleep(delay)
        ix = index.open_dir(str(dirpath))
        policy = merge_policy(plan_background)
        while True:
            try:
                w = ix.writer(timeout=0.0, compound=False)
            except LockError:
                return merges  # a writer is busy; its add starts us again
            if not plan_background([s.doc_count_all() for s in w.segments]):
                w.cancel()
                return merges
            try:
                w.commit(mergetype=policy)
            except BaseException:
                w.cancel()
                raise
            merges += 1


def main(argv: list[str]) -> int:
    with contextlib.suppress(OSError):
        os.nice(10)
    run(Path(argv[0]), delay=IDLE_SECONDS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
