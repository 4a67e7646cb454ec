"""How the reader feels: `python -m bench.tui [--library DIR]`.

Runs the real app headless (Textual's `run_test`) on a library (the demo library by default)
and measures, over several runs: time to the first screen, to the library being open, to the
first list shown; the time from the last keystroke of a query to its updated list (any typing
debounce counted in); and the event loop's worst stall while typing (a 10 ms timer that should
tick every 10 ms — anything more is time the UI could not answer a key). Searches run in thread
workers, so stalls should stay a frame or two at most.

`--json` prints one JSON object instead of a table: `bench.scale` runs this module in a fresh
interpreter per run (so start-up includes every import, and the process's peak RSS is the
reader's) and passes `--t0`, the wall-clock time it launched the process.
"""

from __future__ import annotations

import time

_T0 = time.time()  # before any other import: start-up is measured from here by default

import argparse  # noqa: E402
import asyncio  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

QUERIES = ["flood", "person:kilic", "place:zurich court", "org:nwa", "since:2026-11-20"]


#: Seconds to wait for a query's results before calling the run broken.
TIMEOUT = 30.0


def _norm(query: str) -> str:
    return " ".join(query.replace('"', " ").lower().split())


#: UI-thread work timed per call (module, class, method): what an event-loop stall is made of.
UI_WORK = {
    "UI: article list rebuild": ("reader.widgets.article_list", "ArticleList", "show_hits"),
    "UI: entity sidebar rebuild": ("reader.widgets.entity_sidebar", "EntityList", "show"),
}


def time_ui_work(out: dict[str, list[float]]) -> None:
    """Wrap the widgets' rebuild methods so each call's duration lands in `out` (bench only)."""
    import functools
    import importlib

    for name, (module, cls_name, method) in UI_WORK.items():
        try:
            cls = getattr(importlib.import_module(module), cls_name)
            real = getattr(cls, method)
        except (ImportError, AttributeError):  # the widget moved: that figure is just missing
            continue
        samples = out.setdefault(name, [])

        @functools.wraps(real)
        def timed(*args: object, _real=real, _samples=samples, **kwargs: object) -> object:
            t = time.perf_counter()
            try:
                return _real(*args, **kwargs)
            finally:
                _samples.append((time.perf_counter() - t) * 1000)

        setattr(cls, method, timed)


def demo_library() -> Path:
    """The cached demo library `dateline demo` builds (built here if missing)."""
    import contextlib
    import io

    from reader.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["demo", "--no-tui"])
    return Path(out.getvalue().strip().splitlines()[-1])


def forget_last_query(path: Path) -> None:
    """Start from the opening list: the reader restores the last query it searched."""
    from index import Library
    from reader.state import LAST_QUERY

    with Library.open(path) as lib:
        lib.set_state(LAST_QUERY, None)


async def one_run(
    path: Path, queries: list[str], t0: float, *, first: bool = True
) -> dict[str, list[float]]:
    from textual.widgets import Input

    import reader.cli  # noqa: F401  (the user's path: `dateline` loads the CLI, then the app)
    from reader.app import DatelineApp

    marks: dict[str, float] = {}
    done: list[tuple[float, str]] = []

    def hook(message: object) -> None:
        # By class name: the screen module that defines these messages may move.
        now = time.time()
        name = type(message).__name__
        if name == "LibraryReady":
            marks.setdefault("library open", now)
        elif name == "SearchDone" and not getattr(message, "offset", 0):
            done.append((now, str(getattr(message, "query", ""))))

    app = DatelineApp(path)
    out: dict[str, list[float]] = {"key → list": [], "worst loop stall": []}
    ui_work: dict[str, list[float]] = {}
    time_ui_work(ui_work)
    async with app.run_test(size=(160, 50), message_hook=hook) as pilot:
        marks["first screen"] = time.time()
        while not done:
            await asyncio.sleep(0.002)
        await pilot.pause()  # the SearchDone handler has run: the list is on screen
        marks["list shown"] = time.time()
        cpu_at_list = time.process_time()  # every thread's CPU since the interpreter started
        ticks: list[float] = []
        timer = app.set_interval(0.01, lambda: ticks.append(time.perf_counter()))
        for query in queries:
            if not isinstance(app.focused, Input):
                await pilot.press("slash")  # the search box
            await pilot.press("end", "ctrl+u")  # clear it
            await pilot.press(*query[:-1])
            typed = time.time()
            await pilot.press(query[-1])
            # The answer to the whole query (an earlier prefix's answer may still arrive).
            while not any(at >= typed and _norm(q).endswith(_norm(query)) for at, q in done):
                if time.time() - typed > TIMEOUT:
                    raise RuntimeError(f"no results for {query!r} after {TIMEOUT} s")
                await asyncio.sleep(0.001)
            await pilot.pause()
            out["key → list"].append((time.time() - typed) * 1000)
            await app.workers.wait_for_complete()
        timer.stop()
        gaps = [(b - a) * 1000 - 10 for a, b in itertools.pairwise(ticks)]
        out["worst loop stall"].append(max(gaps, default=0.0))
    for name in ("first screen", "library open", "list shown"):
        out[f"start → {name}"] = [(marks[name] - t0) * 1000]
    out["start → list shown, CPU"] = [cpu_at_list * 1000] if first else []
    out |= ui_work
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--library", type=Path, help="library folder (default: the demo)")
    parser.add_argument("--query", action="append", help="a query to type (repeatable)")
    parser.add_argument("--json", action="store_true", help="one JSON object, no table")
    parser.add_argument("--t0", type=float, help="wall-clock time the process was launched")
    args = parser.parse_args(argv)
    path = args.library or demo_library()
    queries = args.query or QUERIES
    totals: dict[str, list[float]] = {}
    for run in range(args.runs):
        if not (args.t0 and run == 0):  # a launching parent has already done it
            forget_last_query(path)
        t0 = args.t0 if (args.t0 and run == 0) else (_T0 if run == 0 else time.time())
        for name, values in asyncio.run(one_run(path, queries, t0, first=run == 0)).items():
            totals.setdefault(name, []).extend(values)
    if args.json:
        from .peak import PEAK, peak_rss_kib

        print(json.dumps(totals))
        print(PEAK, peak_rss_kib(), file=sys.stderr)
        return
    from .common import print_table, summary_row

    order = [
        "start → first screen",
        "start → library open",
        "start → list shown",
        "start → list shown, CPU",
        "key → list",
        "worst loop stall",
        *UI_WORK,
    ]
    rows = [summary_row(name, totals[name]) for name in order if totals.get(name)]
    print_table(
        f"Reader responsiveness, {path.name}, {args.runs} runs (start: first run from interpreter "
        "start, later runs in-process; key → list: from the last keystroke, any typing debounce "
        "counted)",
        ("what", "n", "p50 ms", "p95 ms", "max ms", "mean ms"),
        rows,
    )


if __name__ == "__main__":
    main()
