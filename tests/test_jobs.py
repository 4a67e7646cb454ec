"""`index.jobs.run_job`: a job in a spawned child process, progress and answers sent back."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from index.jobs import JobCancelled, JobError, run_job
from index.model import AddReport, InputResult, Progress


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_progress_in_order_then_the_result(tmp_path: Path) -> None:
    events: list[Progress] = []
    result = run_job("jobtargets:count_up", tmp_path, {"n": 25}, on_progress=events.append)

    assert events == [Progress("count", i, 25, f"item {i}") for i in range(1, 26)]
    assert result["library"] == str(tmp_path)
    assert result["report"] == AddReport((InputResult(str(tmp_path), kind="text", added=25),))
    assert result["pid"] != os.getpid()
    assert gone(result["pid"])


def test_large_answers_and_many_events(tmp_path: Path) -> None:
    events: list[Progress] = []
    result = run_job("jobtargets:big", tmp_path, {"size": 4 * 2**20}, on_progress=events.append)
    assert result == bytes(range(256)) * (4 * 2**20 // 256)
    assert [e.done for e in events] == list(range(2000))


def test_exception_in_the_child_becomes_job_error(tmp_path: Path) -> None:
    with pytest.raises(JobError) as caught:
        run_job("jobtargets:fail", tmp_path, {"message": "the feed is not XML"})
    assert str(caught.value) == "the feed is not XML"
    assert caught.value.kind == "ValueError"
    assert "raise ValueError(message)" in (caught.value.child_traceback or "")


def test_child_that_exits_without_an_answer(tmp_path: Path) -> None:
    with pytest.raises(JobError) as caught:
        run_job("jobtargets:exit_hard", tmp_path, {"code": 3})
    assert str(caught.value) == "the background process exited unexpectedly (exit code 3)"
    assert caught.value.exitcode == 3
    assert "last words before os._exit" in caught.value.details


def test_child_killed_by_a_signal(tmp_path: Path) -> None:
    with pytest.raises(JobError, match=r"exited unexpectedly \(killed by SIGKILL\)"):
        run_job("jobtargets:kill_self", tmp_path, {})


def test_cancel_terminates_the_child(tmp_path: Path) -> None:
    cancel = threading.Event()
    pids: list[int] = []

    def on_progress(event: Progress) -> None:
        pids.append(int(event.message))
        cancel.set()

    with pytest.raises(JobCancelled):
        run_job("jobtargets:wait_for_cancel", tmp_path, {}, on_progress=on_progress, cancel=cancel)
    assert len(pids) == 1
    assert gone(pids[0])


def test_cancel_from_another_thread(tmp_path: Path) -> None:
    cancel = threading.Event()
    started = threading.Event()
    outcome: list[BaseException | str] = []

    def worker() -> None:
        try:
            outcome.append(
                run_job(
                    "jobtargets:wait_for_cancel",
                    tmp_path,
                    {},
                    on_progress=lambda _event: started.set(),
                    cancel=cancel,
                )
            )
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    assert started.wait(30)
    cancel.set()
    thread.join(30)
    assert not thread.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], JobCancelled)


def test_an_error_in_on_progress_stops_the_child(tmp_path: Path) -> None:
    pids: list[int] = []

    def on_progress(event: Progress) -> None:
        pids.append(int(event.message))
        raise RuntimeError("the UI went away")

    with pytest.raises(RuntimeError, match="the UI went away"):
        run_job("jobtargets:wait_for_cancel", tmp_path, {}, on_progress=on_progress)
    assert gone(pids[0])


def test_unpicklable_result_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(JobError, match="the job's result cannot be sent back"):
        run_job("jobtargets:unpicklable", tmp_path, {})


def test_child_has_no_terminal(tmp_path: Path) -> None:
    # The parent's stdin and stdout are pipes here, so /dev/null in the child is the job's doing.
    done = run_script(
        f"""
from index.jobs import run_job
print(run_job("jobtargets:stdio", {str(tmp_path)!r}, {{}}))
""",
        tmp_path,
    )
    assert done.stdout.strip() == "{'stdin': True, 'stdout': True, 'stdin_empty': True}"


def test_unknown_target(tmp_path: Path) -> None:
    with pytest.raises(JobError, match="no_such_function"):
        run_job("jobtargets:no_such_function", tmp_path, {})
    with pytest.raises(ValueError, match="module:function"):
        run_job("jobtargets.count_up", tmp_path, {})


def test_the_parent_does_not_import_what_the_job_imports(tmp_path: Path) -> None:
    # A fresh interpreter, so nothing this test session imported can hide an import.
    done = run_script(
        f"""
import sys
from index.jobs import run_job
before = set(sys.modules)
assert run_job("jobtargets:load_whoosh", {str(tmp_path)!r}, {{}}) is True
new = set(sys.modules) - before
print(sorted(m for m in new if m.split(".")[0] in ("whoosh", "spacy", "jobtargets")))
""",
        tmp_path,
    )
    assert done.stdout.strip() == "[]"


def run_script(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # The same import path as this session, so `index` and `jobtargets` resolve the same way.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=cwd,
        env=env,
        input="typed at the terminal\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done


def test_jobs_start_when_stderr_has_no_file_descriptor(tmp_path: Path) -> None:
    """Inside a Textual app sys.stderr is a capture whose fileno() is -1 (the TUI's case)."""
    done = run_script(
        """
import io, sys
class Capture(io.StringIO):
    def fileno(self):
        return -1
sys.stderr = Capture()
import traceback
from index.jobs import run_job
try:
    print(run_job("jobtargets:count_up", ".", {"n": 2})["report"].added)
except Exception:
    traceback.print_exc(file=sys.stdout)
""",
        tmp_path,
    )
    assert done.stdout.strip() == "2"
