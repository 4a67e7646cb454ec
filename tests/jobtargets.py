"""Job targets for `test_jobs.py`, run in the child process by `index.jobs.run_job`.

They live in their own module because the child imports the target by name; each takes the
library path and a `progress` callback like the real targets in `index.jobs`.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from index.model import AddReport, InputResult, Progress

ProgressCallback = Callable[[Progress], None]


def count_up(library_path: str, *, progress: ProgressCallback, n: int) -> dict[str, Any]:
    """Report `n` steps, then answer with a model dataclass (results cross as pickles)."""
    for i in range(1, n + 1):
        progress(Progress("count", i, n, f"item {i}"))
    report = AddReport((InputResult(origin=library_path, kind="text", added=n),))
    return {"library": library_path, "report": report, "pid": os.getpid()}


def big(library_path: str, *, progress: ProgressCallback, size: int) -> bytes:
    """Many events and an answer far larger than a pipe's buffer."""
    for i in range(2000):
        progress(Progress("big", i, 2000))
    return bytes(range(256)) * (size // 256)


def fail(library_path: str, *, progress: ProgressCallback, message: str) -> None:
    progress(Progress("failing", 0))
    raise ValueError(message)


def exit_hard(library_path: str, *, progress: ProgressCallback, code: int) -> None:
    """Die without an answer, as a crash in native code would, leaving a last word on stderr."""
    print("last words before os._exit", file=sys.stderr, flush=True)
    os._exit(code)


def kill_self(library_path: str, *, progress: ProgressCallback) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def wait_for_cancel(library_path: str, *, progress: ProgressCallback) -> str:
    """Say where it runs, then wait (bounded: 30 s) to be stopped from outside."""
    progress(Progress("waiting", 0, None, str(os.getpid())))
    for _ in range(300):
        time.sleep(0.1)
    return "never cancelled"


def load_whoosh(library_path: str, *, progress: ProgressCallback) -> bool:
    import whoosh.index  # noqa: F401  (the heavy import a real job does)

    return "whoosh" in sys.modules


def unpicklable(library_path: str, *, progress: ProgressCallback) -> Any:
    return lambda: None


def stdio(library_path: str, *, progress: ProgressCallback) -> dict[str, bool]:
    """Whether the child's stdin and stdout are /dev/null rather than the parent's terminal."""
    print("this must not reach the parent's stdout", flush=True)
    null = os.stat(os.devnull)
    return {
        "stdin": os.path.samestat(os.fstat(0), null),
        "stdout": os.path.samestat(os.fstat(1), null),
        "stdin_empty": os.read(0, 10) == b"",
    }


def sleep_and_report_pid(library_path: str, *, progress: ProgressCallback, seconds: float) -> None:
    """Write this child's pid to `library_path` (a file here), then sleep: an orphan candidate."""
    with open(library_path, "w") as f:
        f.write(str(os.getpid()))
    time.sleep(seconds)
