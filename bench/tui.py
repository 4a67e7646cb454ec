"""How the reader feels: `python -m bench.tui`.

Runs the real app headless (Textual's `run_test`) on the demo library and measures, over several
runs: time to the first screen, to the library being open, to the first results; the time from
the last keystroke of a query to its results on screen; and the event loop's worst stall while
searching (a 10 ms timer that should tick every 10 ms — anything more is time the UI could not
answer a key). Searches run in thread workers, so stalls should stay a few frames at most.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import time
from pathlib import Path

from .common import LATENCY_HEADERS, print_table, summary_row

QUERIES = ["flood", "person:kilic", "place:zurich court", "org:nwa", "since:2026-11-20"]


def demo_library() -> Path:
    """The cached demo library `dateline demo` builds (built here if missing)."""
    import contextlib
    import io

    from reader.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["demo", "--no-tui"])
    return Path(out.getvalue().strip().splitlines()[-1])


async def one_run(path: Path) -> dict[str, list[float]]:
    from reader.app import DatelineApp
    from reader.screens.main import LibraryReady, SearchDone

    marks: dict[str, float] = {}
    done_at: list[float] = []

    def hook(message: object) -> None:
        now = time.perf_counter()
        if isinstance(message, LibraryReady):
            marks.setdefault("library open", now)
        elif isinstance(message, SearchDone):
            marks.setdefault("first results", now)
            done_at.append(now)

    start = time.perf_counter()
    app = DatelineApp(path)
    out: dict[str, list[float]] = {"key → results": [], "worst loop stall": []}
    async with app.run_test(size=(160, 50), message_hook=hook) as pilot:
        marks["first screen"] = time.perf_counter()
        while "first results" not in marks:
            await asyncio.sleep(0.005)
        ticks: list[float] = []
        timer = app.set_interval(0.01, lambda: ticks.append(time.perf_counter()))
        for query in QUERIES:
            await pilot.press("slash", "ctrl+a", "backspace")
            await pilot.press(*query)
            seen = len(done_at)
            typed = time.perf_counter()
            while len(done_at) == seen:
                await asyncio.sleep(0.002)
            await app.workers.wait_for_complete()
            out["key → results"].append((done_at[-1] - typed) * 1000)
        timer.stop()
        gaps = [(b - a) * 1000 - 10 for a, b in itertools.pairwise(ticks)]
        out["worst loop stall"].append(max(gaps, default=0.0))
    for name in ("first screen", "library open", "first results"):
        out[f"start → {name}"] = [(marks[name] - start) * 1000]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    path = demo_library()
    totals: dict[str, list[float]] = {}
    for _ in range(args.runs):
        for name, values in asyncio.run(one_run(path)).items():
            totals.setdefault(name, []).extend(values)
    order = [
        "start → first screen",
        "start → library open",
        "start → first results",
        "key → results",
        "worst loop stall",
    ]
    rows = [summary_row(name, totals[name]) for name in order]
    print_table(
        f"Reader responsiveness, demo library, {args.runs} runs (key → results: from the last "
        "keystroke, through the 250 ms typing debounce)",
        LATENCY_HEADERS,
        rows,
    )


if __name__ == "__main__":
    main()
