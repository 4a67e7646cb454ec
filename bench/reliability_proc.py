"""Processes for the reliability bench: run `dateline` as a user would, kill it, measure it.

Every command runs in a fresh interpreter in its own process group, so a kill -9 hits exactly
what a user's Ctrl-\\ or an OOM kill would, and anything it leaves running (a forked Whoosh
sub-writer) is found by its group and counted as an orphan, then stopped. Peak RSS comes from
`wait4`, per child, not from polling.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass
class Run:
    """One finished (or killed) command."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    orphans: int = 0

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr

    def json(self) -> Any:
        return json.loads(self.stdout)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        env.pop(var, None)
    env["NO_PROXY"] = "127.0.0.1"
    return env


def _group_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields: state ppid pgrp ...
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def dateline(
    library: Path,
    *args: str,
    kill_after: float | None = None,
    interrupt_after: float | None = None,
    timeout: float = 600.0,
    cwd: Path | None = None,
) -> Run:
    """`dateline --library LIB ARGS...` in a fresh process; optionally SIGKILL or SIGINT it.

    After a kill the process group is searched for survivors (orphans); they are counted and
    killed so one try cannot disturb the next.
    """
    cmd = [sys.executable, "-m", "reader.cli", "--library", str(library), *args]
    return run(
        cmd, kill_after=kill_after, interrupt_after=interrupt_after, timeout=timeout, cwd=cwd
    )


def python(code: str, *args: str, timeout: float = 600.0) -> Run:
    return run([sys.executable, "-c", code, *args], timeout=timeout)


def run(
    cmd: list[str],
    *,
    kill_after: float | None = None,
    interrupt_after: float | None = None,
    timeout: float = 600.0,
    cwd: Path | None = None,
) -> Run:
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"dlb-{os.getpid()}-{time.monotonic_ns()}"
    with open(f"{out_path}.out", "w+b") as out, open(f"{out_path}.err", "w+b") as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=err, env=_env(), start_new_session=True, cwd=cwd
        )
        limit = min(x for x in (kill_after, interrupt_after, timeout) if x is not None)
        status, usage = _wait(proc.pid, limit)
        orphans = 0
        if status is None:
            sig = (
                signal.SIGINT
                if interrupt_after is not None and limit == interrupt_after
                else signal.SIGKILL
            )
            if limit == timeout:
                sig = signal.SIGKILL
            os.kill(proc.pid, sig)
            status, usage = _wait(proc.pid, None if sig == signal.SIGKILL else 120.0)
            if status is None:
                os.kill(proc.pid, signal.SIGKILL)
                status, usage = _wait(proc.pid, None)
            if sig == signal.SIGKILL:
                time.sleep(0.3)  # let the kernel deliver PDEATHSIG to children
                left = _group_members(proc.pid)
                orphans = len(left)
                for pid in left:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
        proc.returncode = _code(status or 0)
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        result = Run(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            seconds,
            usage.ru_maxrss / 1024 if usage else 0.0,
            orphans,
        )
    for suffix in (".out", ".err"):
        Path(f"{out_path}{suffix}").unlink(missing_ok=True)
    return result


def _wait(pid: int, limit: float | None) -> tuple[int | None, Any]:
    deadline = None if limit is None else time.monotonic() + limit
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG if deadline is not None else 0)
        if done:
            return status, usage
        if deadline is not None and time.monotonic() >= deadline:
            return None, None
        time.sleep(0.02)


def _code(status: int) -> int:
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


# -- looking at a library from outside ---------------------------------------------------------


def article_ids(library: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{library / 'library.sqlite'}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM articles")}
    finally:
        conn.close()


def stored_text(library: Path) -> str:
    conn = sqlite3.connect(f"file:{library / 'library.sqlite'}?mode=ro", uri=True)
    try:
        from index.store import body_text  # bodies are stored compressed (format 3)

        rows = conn.execute(
            "SELECT title, body, COALESCE(author, ''), COALESCE(source, '') FROM articles"
        )
        return "\n".join(" ".join((t, body_text(b), a, s)) for t, b, a, s in rows)
    finally:
        conn.close()


def healthy(library: Path) -> tuple[bool, str]:
    """What `dateline check` says (run in this process: it only reads), all findings ok."""
    from index.health import check

    try:
        report = check(library)
    except Exception as exc:  # a crash of check is a failure of the try, with its reason
        return False, f"check crashed: {exc!r}"[:120]
    bad = [f.message for f in report.findings if not f.ok]
    return not bad, "; ".join(bad)[:120]
