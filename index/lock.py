"""One writer at a time per library, across processes, and child processes that die with us.

Two `dateline add` started together on a new library both created the Whoosh index and one
crashed on `_MAIN_0.toc`; a killed `reindex` left Whoosh's sub-writers alive, holding the index
lock for ever. So every writing entry point of `Library` (add, refresh, reindex, entity
corrections, creating or rebuilding the index) takes `WriterLock` first.

The lock is `fcntl.flock` on `writer.lock` in the library folder. The kernel drops a flock when
the last file descriptor holding it closes, so a holder killed with SIGKILL never blocks anyone:
there is nothing stale to clean up. The file also records who holds the lock (pid, command,
since when) so a waiting writer can say what it waits for, and `dateline check` can tell a live
holder from a leftover record.

A second writer waits: after `NOTICE_AFTER` seconds it reports (once) that another process is
writing, then keeps waiting until the first is done. Within one process the lock is re-entrant
(`add` subscribes feeds, which is a write too).

`die_with_parent` asks Linux to SIGKILL a child when its parent dies (PR_SET_PDEATHSIG).
`install_fork_hook` runs it in every child this process forks, which covers Whoosh's
multiprocessing sub-writers; `index.jobs` calls it first thing in its spawned children.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

__all__ = [
    "LOCK_NAME",
    "LockHolder",
    "ReadOnlyLibrary",
    "WriterLock",
    "die_with_parent",
    "holder",
    "install_fork_hook",
    "maybe_locked",
    "writes",
]

LOCK_NAME = "writer.lock"
#: How long a second writer waits quietly before saying what it waits for.
NOTICE_AFTER = 1.5
_POLL = 0.05

Notify = Callable[[str], None]


class ReadOnlyLibrary(Exception):
    """The library folder cannot be written (permissions or a read-only file system)."""


@dataclass(frozen=True)
class LockHolder:
    """Who last took the lock, as written in the lock file; `alive` says if it still holds it."""

    pid: int
    command: str
    since: str
    alive: bool

    def describe(self) -> str:
        what = f"pid {self.pid}" + (f", {self.command}" if self.command else "")
        return f"{what}, since {self.since}" if self.since else what


# -- per-process bookkeeping (flock is per open file: one descriptor per lock file) -----------


class _Held:
    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.fd: int | None = None
        self.depth = 0


_HELD: dict[str, _Held] = {}
_HELD_GUARD = threading.Lock()


def _held(path: Path) -> _Held:
    key = os.path.realpath(path)
    with _HELD_GUARD:
        return _HELD.setdefault(key, _Held())


def _command() -> str:
    argv = [os.path.basename(sys.argv[0] or "python"), *sys.argv[1:3]]
    return " ".join(a for a in argv if a)[:80]


class WriterLock:
    """`with WriterLock(folder, notify=print):` — hold the library's writer lock.

    `notify(message)` is called once if the lock is not free within `NOTICE_AFTER` seconds.
    `timeout=None` waits as long as it takes; a number raises `TimeoutError` after that long
    (used by opportunistic writers such as the index catch-up at open, which then skip).
    Raises `ReadOnlyLibrary` when the lock file cannot be created because the folder is
    read-only.
    """

    def __init__(
        self,
        folder: Path,
        *,
        notify: Notify | None = None,
        timeout: float | None = None,
        purpose: str = "",
    ) -> None:
        self.path = Path(folder) / LOCK_NAME
        self.notify = notify
        self.timeout = timeout
        self.purpose = purpose
        self._held = _held(self.path)

    def __enter__(self) -> WriterLock:
        held = self._held
        if not held.lock.acquire(timeout=-1 if self.timeout is None else self.timeout):
            raise TimeoutError("another thread of this process is writing")
        try:
            if held.depth == 0:
                held.fd = self._acquire()
            held.depth += 1
        except BaseException:
            held.lock.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        held = self._held
        held.depth -= 1
        try:
            if held.depth == 0 and held.fd is not None:
                import fcntl

                fd, held.fd = held.fd, None
                with contextlib.suppress(OSError):
                    fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
        finally:
            held.lock.release()

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                # A lock file that exists but cannot be opened for writing, or a folder where
                # it cannot be created: either way nothing here can be written.
                raise ReadOnlyLibrary(f"{self.path.parent} is read-only") from None
            raise

    def _acquire(self) -> int:
        import fcntl

        fd = self._open()
        start = time.monotonic()
        told = False
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    pass
                waited = time.monotonic() - start
                if self.timeout is not None and waited >= self.timeout:
                    raise TimeoutError(f"{self.path} is held by another process")
                if not told and waited >= NOTICE_AFTER and self.notify is not None:
                    told = True
                    who = holder(self.path.parent)
                    by = f" ({who.describe()})" if who and who.alive else ""
                    self.notify(
                        f"another Dateline process{by} is writing to this library; "
                        "waiting for it to finish…"
                    )
                time.sleep(_POLL)
            self._record(fd)
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _record(self, fd: int) -> None:
        """Write who holds the lock; best effort (a full disk must not stop the writer)."""
        from datetime import UTC, datetime

        info = {
            "pid": os.getpid(),
            "command": self.purpose or _command(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        data = json.dumps(info).encode()
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, data, 0)


def holder(folder: Path) -> LockHolder | None:
    """Who holds (or last held) the writer lock of the library in `folder`, or None.

    `alive` is true only when the lock is actually held by another process right now; a record
    left by a process that died is reported with `alive=False` (and is harmless).
    """
    import fcntl

    path = Path(folder) / LOCK_NAME
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        info = json.loads(raw.decode("utf-8") or "{}")
    except (ValueError, UnicodeDecodeError):
        info = {}
    if not isinstance(info, dict):
        info = {}
    held = _held(path)
    if held.fd is not None:
        alive = True  # this very process holds it
    else:
        alive = False
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            fd = -1
        if fd >= 0:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                alive = True
            except OSError:
                pass
            finally:
                os.close(fd)
    pid = info.get("pid")
    return LockHolder(
        pid=pid if isinstance(pid, int) else 0,
        command=str(info.get("command") or ""),
        since=str(info.get("since") or ""),
        alive=alive,
    )


@contextlib.contextmanager
def maybe_locked(folder: Path, *, timeout: float) -> Iterator[bool]:
    """Yield True holding the lock if it comes within `timeout` s, else False (skip the work)."""
    try:
        lock = WriterLock(folder, timeout=timeout)
        lock.__enter__()
    except (TimeoutError, ReadOnlyLibrary):
        yield False
        return
    try:
        yield True
    finally:
        lock.__exit__(None, None, None)


# -- children die with their parent ------------------------------------------------------------

_PR_SET_PDEATHSIG = 1
_hook_installed = False
_prctl: Any = None


def _load_prctl() -> Any:
    """libc's prctl, looked up once: a child forked from a threaded process should not have
    to run the dynamic loader (another thread may have held its lock at the fork)."""
    global _prctl
    if _prctl is None and sys.platform.startswith("linux"):
        try:
            import ctypes

            _prctl = ctypes.CDLL(None, use_errno=True).prctl
        except (OSError, AttributeError):
            _prctl = False
    return _prctl or None


def die_with_parent(expected_parent: int | None = None) -> bool:
    """Ask the kernel to SIGKILL this process when its parent dies (Linux only).

    Returns False where the call is unavailable. If the parent is already gone by the time this
    runs (`expected_parent` differs from the current parent), the process exits at once: the
    signal would never come.
    """
    prctl = _load_prctl()
    if prctl is None or prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        return False
    if expected_parent is not None and os.getppid() != expected_parent:
        os._exit(1)
    return True


def install_fork_hook() -> None:
    """Make every process forked from this one (Whoosh's sub-writers) die with it."""
    global _hook_installed
    if _hook_installed or not hasattr(os, "register_at_fork") or _load_prctl() is None:
        return
    _hook_installed = True
    parent = [os.getpid()]

    def before() -> None:
        parent[0] = os.getpid()

    os.register_at_fork(before=before, after_in_child=lambda: die_with_parent(parent[0]))


# -- the decorator Library's writing methods carry ---------------------------------------------

_F = TypeVar("_F", bound=Callable[..., Any])


def writes(method: _F) -> _F:
    """Run a `Library` method holding the library's writer lock.

    The instance provides `_write_lock(progress, what)`, a context manager (so the library decides
    how a wait is reported and how a read-only folder is refused); `progress` is taken from the
    method's keyword arguments when it has one.
    """

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        with self._write_lock(kwargs.get("progress"), method.__name__.strip("_")):
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]
