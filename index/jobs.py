"""Long jobs (add, refresh, reindex) in a separate process, with progress sent back.

Parsing, NER and Whoosh indexing are pure Python: even in a thread they hold the GIL long
enough to stall the TUI's event loop for hundreds of milliseconds. So the TUI calls `run_job`
from a worker thread; the job runs in a child process and the worker thread only waits on a
pipe, handing each `Progress` event to `on_progress`.

The child is started with "spawn", never "fork": the TUI process has threads (Textual's, the
workers'), and forking a process with threads can copy a lock held by another thread and
deadlock the child. The child must not touch the terminal the TUI draws on: its stdin and
stdout are /dev/null, and its stderr goes to a log file whose tail `JobError.details` carries
when the child dies without an answer (a segfault's traceback from `faulthandler` lands there).

The target is named as "module:function" so the parent never imports it (nor spaCy or Whoosh
through it); only the child does. The child calls `function(library_path, progress=..., **kwargs)`.
"""

from __future__ import annotations

import contextlib
import faulthandler
import importlib
import os
import pickle
import signal
import tempfile
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .model import AddReport, Progress

ProgressCallback = Callable[[Progress], None]

#: How often the waiting thread looks at `cancel` and at whether the child is still alive.
POLL_SECONDS = 0.1
#: How long a child that was asked to stop (or has answered) gets before it is killed.
GRACE_SECONDS = 3.0
#: How much of the child's stderr a `JobError` keeps for an unexpected exit.
LOG_TAIL_BYTES = 4000


class JobError(Exception):
    """The job failed in the child. The message is the child's own (meant for the user).

    `kind` is the child's exception class name (None when the child died without an answer),
    `child_traceback` its formatted traceback, `exitcode` the child's exit status when it died,
    and `details` the tail of what the child wrote to stderr then.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: str | None = None,
        child_traceback: str | None = None,
        exitcode: int | None = None,
        details: str = "",
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.child_traceback = child_traceback
        self.exitcode = exitcode
        self.details = details


class JobCancelled(Exception):
    """The job was cancelled through its `cancel` event; the child has been stopped."""


_TRACKER_LOCK = threading.Lock()


def _ensure_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr.

    The tracker is started by the first spawn and inherits `sys.stderr.fileno()`. Inside a
    Textual app `sys.stderr` is Textual's print capture, whose `fileno()` is -1, and the spawn
    fails with "bad value(s) in fds_to_keep". So the tracker is started here with the process's
    original stderr (or /dev/null) in place, whoever the caller is.
    """
    import sys
    from multiprocessing import resource_tracker

    with _TRACKER_LOCK:
        saved = sys.stderr
        try:
            saved.fileno()
            usable = saved.fileno() >= 0
        except (AttributeError, OSError, ValueError):
            usable = False
        devnull = None
        if not usable:
            original = sys.__stderr__
            try:
                ok = original is not None and original.fileno() >= 0
            except (OSError, ValueError):
                ok = False
            sys.stderr = original if ok else (devnull := open(os.devnull, "w"))  # noqa: SIM115
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved
            if devnull is not None:
                devnull.close()


def run_job(
    target: str,
    library_path: str | Path,
    kwargs: dict[str, Any],
    *,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Any:
    """Run `target` ("module:function") in a child process and return its result.

    Blocks until the child answers, so call it from a worker thread. `on_progress` is called in
    the calling thread, in order, for every `Progress` the job reports. Setting `cancel` stops
    the child (SIGTERM, then SIGKILL) and raises `JobCancelled`. A failure in the job raises
    `JobError` with the child's message; so does a child that dies without answering. Whatever
    happens (an exception in `on_progress` included), the child is gone when this returns.
    """
    module, sep, function = target.partition(":")
    if not (sep and module and function):
        raise ValueError(f"a job target is 'module:function', not {target!r}")
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    # A one-way pipe rather than a Queue: once the parent has closed its copy of the writing
    # end, a child that dies, even halfway through a message, shows up as end-of-file instead
    # of a read that waits for ever; and there is no feeder thread that can lose an answer.
    reader, writer = context.Pipe(duplex=False)
    fd, log_path = tempfile.mkstemp(prefix="dateline-job-", suffix=".log")
    os.close(fd)
    child = context.Process(
        target=_child_main,
        args=(target, str(library_path), kwargs, writer, log_path, os.getpid()),
        # Not a daemon: a daemonic process may not start processes of its own, and Whoosh's
        # multiprocess writer (procs=2) does. `_stop` in `finally` ends it instead.
        name=f"dateline-job-{function}",
    )
    try:
        _ensure_resource_tracker()
        child.start()
        writer.close()
        return _wait(child, reader, log_path, on_progress, cancel)
    finally:
        writer.close()
        _stop(child)
        reader.close()
        child.close()
        with contextlib.suppress(OSError):
            os.unlink(log_path)


def _wait(
    child: Any,
    reader: Any,
    log_path: str,
    on_progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> Any:
    while True:
        if cancel is not None and cancel.is_set():
            _stop(child)
            raise JobCancelled("the job was cancelled")
        try:
            # The child's sends are synchronous, so whatever it sent before exiting is already
            # in the pipe when `is_alive()` turns false: poll once more before calling it lost.
            if not reader.poll(POLL_SECONDS):
                if child.is_alive() or reader.poll(0):
                    continue
                raise EOFError  # gone, and nothing left to read
            kind, payload = reader.recv()
        except (EOFError, ConnectionResetError):
            child.join(GRACE_SECONDS)
            raise _died(child.exitcode, log_path) from None
        except Exception as exc:  # an answer the parent cannot unpickle
            raise JobError(f"the job's answer cannot be read: {exc}") from exc
        if kind == "progress":
            if on_progress is not None:
                on_progress(payload)
        elif kind == "result":
            child.join(GRACE_SECONDS)
            return payload
        else:  # "error"
            child.join(GRACE_SECONDS)
            name, message, formatted = payload
            raise JobError(message, kind=name, child_traceback=formatted)


def _died(exitcode: int | None, log_path: str) -> JobError:
    if exitcode is not None and exitcode < 0:
        try:
            how = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"killed by signal {-exitcode}"
    else:
        how = f"exit code {exitcode}"
    try:
        with open(log_path, "rb") as log:
            log.seek(0, os.SEEK_END)
            log.seek(max(0, log.tell() - LOG_TAIL_BYTES))
            details = log.read().decode("utf-8", "replace")
    except OSError:
        details = ""
    return JobError(
        f"the background process exited unexpectedly ({how})", exitcode=exitcode, details=details
    )


def _stop(child: Any) -> None:
    """Make sure the child is gone: SIGTERM, then SIGKILL if it does not go in time."""
    if child.pid is None:  # never started
        return
    if child.is_alive():
        child.terminate()
        child.join(GRACE_SECONDS)
    if child.is_alive():
        child.kill()
    child.join()


def _child_main(
    target: str,
    library_path: str,
    kwargs: dict[str, Any],
    writer: Any,
    log_path: str,
    parent: int | None = None,
) -> None:
    """The child's entry point: run the target and send exactly one answer.

    The child dies with its parent (and so do the processes it forks, Whoosh's sub-writers):
    a killed TUI or `dateline` must not leave a writer running that holds the index lock.
    """
    from .lock import die_with_parent, install_fork_hook

    die_with_parent(parent)
    install_fork_hook()
    _detach_from_terminal(log_path)
    lock = threading.Lock()  # a job may report progress from several threads

    def progress(event: Progress) -> None:
        with lock:
            writer.send(("progress", event))

    answer: bytes
    try:
        module, _, function = target.partition(":")
        func = getattr(importlib.import_module(module), function)
        result = func(library_path, progress=progress, **kwargs)
    except BaseException as exc:  # SystemExit and KeyboardInterrupt too: always answer
        answer = _error_answer(exc)
    else:
        try:
            answer = pickle.dumps(("result", result))
        except Exception as exc:
            answer = _error_answer(exc, "the job's result cannot be sent back: ")
    with lock:
        writer.send_bytes(answer)
    writer.close()


def _error_answer(exc: BaseException, prefix: str = "") -> bytes:
    if isinstance(exc, SystemExit):
        message = f"the job called sys.exit({exc.code!r})"
    else:
        message = str(exc) or type(exc).__name__
    return pickle.dumps(("error", (type(exc).__name__, prefix + message, traceback.format_exc())))


def _detach_from_terminal(log_path: str) -> None:
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.close(devnull)
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND)
    os.dup2(log, 2)
    os.close(log)
    faulthandler.enable()


# -- ready-made targets for the TUI ------------------------------------------------------------


def add(
    library_path: str,
    *,
    progress: ProgressCallback,
    inputs: Sequence[str],
    tags: Sequence[str] = (),
) -> AddReport:
    """`Library.add` in the child: `run_job("index.jobs:add", path, {"inputs": [...]})`."""
    from .library import Library

    with Library.open(library_path) as lib:
        return lib.add(inputs, progress=progress, tags=tags)


def refresh(library_path: str, *, progress: ProgressCallback) -> AddReport:
    """`Library.refresh` in the child: fetch every subscription and add what is new."""
    from .library import Library

    with Library.open(library_path) as lib:
        return lib.refresh(progress=progress)


def reindex(library_path: str, *, progress: ProgressCallback) -> int:
    """`Library.reindex` in the child; returns the number of articles indexed."""
    from .library import Library

    with Library.open(library_path) as lib:
        return lib.reindex(progress=progress)


def index_pending(library_path: str, *, progress: ProgressCallback) -> int:
    """`Library.index_pending` in the child: a renamed feed's articles indexed again."""
    from .library import Library

    with Library.open(library_path) as lib:
        return lib.index_pending(progress=progress)
