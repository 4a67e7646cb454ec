"""How the reader feels: `python -m bench.tui [--library DIR]`.

Runs the real app headless (Textual's `run_test`) on a library (the demo library by default)
and measures, over several runs: time to the first frame, to the library being open, and to
the first frame that shows the populated list; the time from the last keystroke of a query to
the first frame that shows its updated list (any typing debounce counted in); and the event
loop's worst stall while typing (a 10 ms timer that should tick every 10 ms — anything more is
time the UI could not answer a key). Searches run in thread workers, so stalls should stay a
frame or two at most.

Keys arrive the way a terminal delivers them: posted to the app `--key-interval` ms apart
(100 ms: a fast typist), without waiting for the app to go idle in between. (Pilot's `press`
waits after every key until the process looks idle — up to a second per key while a search
thread runs — so a query typed with it measured Pilot's idle heuristics as much as the app.)
A query's time ends at the first frame the app renders after its list was filled: what the
user sees, not when the message arrived. CPU is the process's (every thread's) CPU time over
the same span. The machine running this may be shared: read medians and CPU beside p95.

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
        if lib.get_state(LAST_QUERY) is not None:  # no write at all when there is none
            lib.set_state(LAST_QUERY, None)


class Frames:
    """When the app painted, and when the list was filled for which query (bench only: it
    wraps `App._display`, the one place every frame goes through, and the list's
    `show_hits`)."""

    def __init__(self) -> None:
        self.painted: list[float] = []
        #: (time, query string shown, CPU time) each time a first page filled the list.
        self.filled: list[tuple[float, str, float]] = []
        self.layouts = 0

    def install(self) -> None:
        from textual.app import App
        from textual.screen import Screen

        from reader.widgets.article_list import ArticleList

        frames = self
        display, show_hits, layout = App._display, ArticleList.show_hits, Screen._refresh_layout

        def painted(app: object, *args: object, **kwargs: object) -> object:
            result = display(app, *args, **kwargs)
            frames.painted.append(time.perf_counter())
            return result

        def filled(widget: ArticleList, *args: object, **kwargs: object) -> object:
            result = show_hits(widget, *args, **kwargs)
            if not kwargs.get("offset"):
                query = getattr(widget.screen, "query_string", "")
                frames.filled.append((time.perf_counter(), str(query), time.process_time()))
            return result

        def laid_out(screen: object, *args: object, **kwargs: object) -> object:
            frames.layouts += 1
            return layout(screen, *args, **kwargs)

        App._display = painted  # type: ignore[method-assign]
        ArticleList.show_hits = filled  # type: ignore[method-assign]
        Screen._refresh_layout = laid_out  # type: ignore[method-assign]

    def first_paint_after(self, moment: float) -> float | None:
        return next((t for t in self.painted if t >= moment), None)

    def list_painted(self, since: float, query: str | None = None) -> tuple[float, float] | None:
        """(when, CPU time then) of the first frame after the list was filled (for `query`)."""
        for at, shown, _ in self.filled:
            if at >= since and (query is None or _norm(shown).endswith(_norm(query))):
                frame = self.first_paint_after(at)
                return None if frame is None else (frame, time.process_time())
        return None


def _key(character: str) -> tuple[str, str]:
    """(key name, character) of a printable character, as a terminal driver reports it."""
    from textual.keys import _character_to_key

    return (character if character.isalnum() else _character_to_key(character)), character


async def _until(check: object, what: str) -> object:
    started = time.perf_counter()
    while (found := check()) is None:  # type: ignore[operator]
        if time.perf_counter() - started > TIMEOUT:
            raise RuntimeError(f"{what}: nothing after {TIMEOUT} s")
        await asyncio.sleep(0.001)
    return found


async def _workers_done(app: object) -> None:
    """Wait for the app's workers; a cancelled one (a search the next key replaced) is done."""
    from textual.worker import WorkerCancelled

    while True:
        try:
            await app.workers.wait_for_complete()  # type: ignore[attr-defined]
            return
        except WorkerCancelled:
            continue


async def one_run(
    path: Path, queries: list[str], t0: float, *, first: bool = True, interval: float = 0.1
) -> dict[str, list[float]]:
    from textual import events
    from textual.widgets import Input

    import reader.cli  # noqa: F401  (the user's path: `dateline` loads the CLI, then the app)
    from reader.app import DatelineApp

    marks: dict[str, float] = {}
    wall0 = time.perf_counter() - (time.time() - t0)  # t0 on the perf_counter clock

    def hook(message: object) -> None:
        # By class name: the screen module that defines these messages may move.
        if type(message).__name__ == "LibraryReady":
            marks.setdefault("library open", time.perf_counter())

    frames = Frames()
    frames.install()
    app = DatelineApp(path)
    out: dict[str, list[float]] = {
        "key → list": [],
        "key → list, CPU": [],
        "layouts per query (count)": [],
        "worst loop stall": [],
    }
    ui_work: dict[str, list[float]] = {}
    time_ui_work(ui_work)
    async with app.run_test(size=(160, 50), message_hook=hook) as pilot:
        shown, cpu_at_list = await _until(lambda: frames.list_painted(0.0), "the opening list")  # type: ignore[misc]
        marks["first screen"] = frames.painted[0]
        marks["list shown"] = shown
        await _workers_done(app)
        ticks: list[float] = []
        timer = app.set_interval(0.01, lambda: ticks.append(time.perf_counter()))
        for query in queries:
            if not isinstance(app.focused, Input):
                await pilot.press("slash")  # the search box
            await pilot.press("end", "ctrl+u")  # clear it
            await _workers_done(app)
            await pilot.pause(0.3)  # the empty query's list is in; the timer has run
            layouts = frames.layouts
            for character in query:
                key, char = _key(character)
                typed, cpu = time.perf_counter(), time.process_time()
                app.post_message(events.Key(key, char))
                await asyncio.sleep(interval)
            at, cpu_then = await _until(  # type: ignore[misc]
                lambda q=query, t=typed: frames.list_painted(t, q), f"results for {query!r}"
            )
            out["key → list"].append((at - typed) * 1000)
            out["key → list, CPU"].append((cpu_then - cpu) * 1000)
            out["layouts per query (count)"].append(frames.layouts - layouts)
            await _workers_done(app)
        timer.stop()
        gaps = [(b - a) * 1000 - 10 for a, b in itertools.pairwise(ticks)]
        out["worst loop stall"].append(max(gaps, default=0.0))
    for name in ("first screen", "library open", "list shown"):
        out[f"start → {name}"] = [(marks[name] - wall0) * 1000]
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
    parser.add_argument(
        "--key-interval", type=float, default=100.0, help="ms between keystrokes (default 100)"
    )
    args = parser.parse_args(argv)
    path = args.library or demo_library()
    queries = args.query or QUERIES
    totals: dict[str, list[float]] = {}
    for run in range(args.runs):
        if not (args.t0 and run == 0):  # a launching parent has already done it
            forget_last_query(path)
        t0 = args.t0 if (args.t0 and run == 0) else (_T0 if run == 0 else time.time())
        measured = one_run(path, queries, t0, first=run == 0, interval=args.key_interval / 1000)
        for name, values in asyncio.run(measured).items():
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
        "key → list, CPU",
        "layouts per query (count)",
        "worst loop stall",
        *UI_WORK,
    ]
    rows = [summary_row(name, totals[name]) for name in order if totals.get(name)]
    print_table(
        f"Reader responsiveness, {path.name}, {args.runs} runs (start: first run from interpreter "
        f"start, later runs in-process; key → list: from the last keystroke, {args.key_interval:g} "
        "ms apart, to the frame showing its list; CPU: every thread of the process)",
        ("what", "n", "p50 ms", "p95 ms", "max ms", "mean ms"),
        rows,
    )


if __name__ == "__main__":
    main()
