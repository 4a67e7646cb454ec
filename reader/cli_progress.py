"""Progress on stderr and the summary of an add or refresh, shared by the writing commands.

A Rich bar on a terminal, plain lines in logs and pipes, so `dateline add` in cron stays readable.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from rich.text import Text

from index.model import AddReport, InputResult, Progress

from .cli_contract import add_report_json
from .cli_output import EXIT_FAILED, EXIT_OK, err, out
from .cli_output import emit_json as _json
from .cli_output import plain as _plain
from .render import add_summary, counted


def open_library(args: argparse.Namespace, *, create: bool = False) -> Any:
    """Commands that only read never create a library: a mistyped --library is an error."""
    from index import Library

    return Library.open(
        args.library, create=create, on_upgrade=lambda message: err.print(message, markup=False)
    )


class ProgressPrinter:
    """A Rich progress bar on a terminal, plain lines otherwise (logs, CI, pipes)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.tty = err.is_terminal
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}
        self._last: dict[str, int] = {}

    def __enter__(self) -> Callable[[Progress], None]:
        if self.enabled and self.tty:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
            from rich.progress import Progress as Bar

            self._progress = Bar(
                TextColumn("{task.description:<10}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[note]}", style="dim"),
                console=err,
                transient=True,
            )
            self._progress.start()
        return self.update

    def update(self, event: Progress) -> None:
        if event.stage == "wait":  # another process holds the library's writer lock
            err.print(event.message, markup=False)
            return
        if not self.enabled:
            return
        if self._progress is not None:
            task = self._tasks.get(event.stage)
            note = event.message[-50:]
            if task is None:
                task = self._tasks[event.stage] = self._progress.add_task(
                    event.stage, total=event.total, note=note
                )
            self._progress.update(task, completed=event.done, total=event.total, note=note)
            return
        # Plain lines: where a stage starts and where it ends, each on its own line. A stage
        # of one item ("read: 0/1", "read: 1/1" for `dateline add one.txt`) says nothing the
        # summary does not, and its two lines read as one stuttered message: left out.
        if (
            event.total is not None
            and event.total > 1
            and event.done in (0, event.total)
            and self._last.get(event.stage) != event.done
        ):
            self._last[event.stage] = event.done
            err.print(f"{event.stage}: {event.done}/{event.total}", markup=False)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def subscriptions_note(r: InputResult) -> str:
    """What an OPML file or a feed URL did to the subscriptions: new ones apart from ones
    already there (which keep their titles and only gain tags), and, for an OPML file, that
    the new feeds are first fetched by the next refresh. Every count agrees with its noun
    ("1 new feed", "2 new feeds"), as everywhere else (`render.counted`)."""
    parts = [f"subscribed to {counted(r.feeds, 'new feed')}"] if r.feeds else []
    if r.known_feeds:
        tagged = f" (tags added to {r.retagged})" if r.retagged else ""
        parts.append(f"{r.known_feeds} already subscribed{tagged}")
    note = ", ".join(parts)
    if r.feeds and r.kind == "opml":
        new = "the new feed is" if r.feeds == 1 else "new feeds are"
        note += f"; {new} fetched by the next `dateline refresh`"
    return note


def print_report(report: AddReport, as_json: bool) -> int:
    if as_json:
        _json(add_report_json(report))
    else:
        for r in report.results:
            if r.failed:
                err.print(
                    Text.assemble(("failed ", "bold red"), _plain(r.origin), ": ", _plain(r.reason))
                )
            for w in r.warnings:
                err.print(Text.assemble(("warning ", "yellow"), _plain(r.origin), ": ", _plain(w)))
            if r.feeds or r.known_feeds:
                err.print(Text.assemble(_plain(r.origin), ": ", subscriptions_note(r)))
        out.print(add_summary(report))
    return EXIT_FAILED if report.failures else EXIT_OK
