"""Jobs: ingestion and feed refreshes run in the background job process (`index.jobs`), with a
progress line above the footer and a summary when they finish."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.widgets import Label, ProgressBar

from index.model import Progress

from ..render import add_summary, counted, one_line
from .base import Room
from .messages import JobDone, JobProgress, StartJob
from .schedule import SCHEDULED

#: Failed inputs named in a job's result notification (the rest are counted).
SHOWN_FAILURES = 3
#: Warnings quoted after them (a bad JSON Lines line, an ill-formed feed, a title cut): fewer,
#: since what was kept is stored; the rest are counted, and `dateline add` lists them all.
SHOWN_WARNINGS = 2


def report_summary(report: Any) -> str:
    """One notification's text: the counts, why the first inputs failed, then the first
    warnings (the CLI prints every warning; the reader's toast showed none, QA 5)."""
    text = add_summary(report) if hasattr(report, "results") else str(report)
    failures = getattr(report, "failures", ())
    for failure in failures[:SHOWN_FAILURES]:
        text += f"\n✗ {one_line(failure.origin)}: {one_line(failure.reason or 'failed')}"
    if len(failures) > SHOWN_FAILURES:
        text += f"\n… and {len(failures) - SHOWN_FAILURES} more failed"
    warnings = [
        (result.origin, warning)
        for result in getattr(report, "results", ())
        for warning in result.warnings
    ]
    for origin, warning in warnings[:SHOWN_WARNINGS]:
        text += f"\n⚠ {one_line(origin)}: {one_line(warning)}"
    if len(warnings) > SHOWN_WARNINGS:
        text += f"\n… and {counted(len(warnings) - SHOWN_WARNINGS, 'more warning')}"
    return text


def nothing_new(summary: str) -> bool:
    """Did the add or refresh `report_summary` words bring nothing ("No new articles (22 feeds
    not modified).", "0 added, …")? A scheduled refresh then stays quiet."""
    return summary.startswith(("0 added", "No new articles"))


class JobsRoom(Room):
    @on(StartJob)
    def _start_job_message(self, message: StartJob) -> None:
        self._start_job(message.title, message.target, message.kwargs)

    def action_load_sample(self) -> None:
        """The sample is for an empty library (the welcome offers it); in one with news it
        would mix made-up articles into real ones. The key says so rather than doing nothing
        in silence (QA 4)."""
        from reader.demo import corpus_inputs

        from ..commands import AddNews

        if not self.has_class("-empty"):
            self.notify(
                "The sample news is only added to an empty library; "
                f"{self.key_display(AddNews)} adds your own, and `dateline demo` opens the sample"
                " in a library of its own.",
                timeout=5,
                markup=False,
            )
            return

        self._start_job(
            "Adding the sample news", "index.jobs:add", {"inputs": corpus_inputs(), "tags": []}
        )

    def action_add_news(self) -> None:
        from ..screens.add_news import AddNewsScreen

        self.app.push_screen(AddNewsScreen(), self._add_inputs)

    def _add_inputs(self, inputs: list[str] | None) -> None:
        if inputs:
            self._start_job("Adding news", "index.jobs:add", {"inputs": inputs, "tags": []})

    def action_full_text(self) -> None:
        article = self._target()
        if article is None:
            self.notify("No article open.", severity="warning", timeout=3)
            return
        self._start_job(
            "Fetching the full text", "index.fulltext:fetch_job", {"article_id": article.id}
        )

    def _start_job(self, title: str, target: str, kwargs: dict[str, Any]) -> None:
        if self._job_running:
            self.notify("Wait for the current job to finish.", severity="warning", timeout=3)
            return
        self._job_running = True
        if title != SCHEDULED:  # a scheduled refresh brings news; the user's own job does not
            self._own_changes = True
        self.query_one("#job-label", Label).update(title + "…")
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.add_class("-job")
        self._run_job(title, target, kwargs)

    @work(thread=True, group="job", exit_on_error=False)
    def _run_job(self, title: str, target: str, kwargs: dict[str, Any]) -> None:
        from index.jobs import run_job

        def progress(event: Progress) -> None:
            self.post_message(JobProgress(title, event))

        report = run_job(target, self.library_path, kwargs, on_progress=progress)
        self.post_message(JobDone(title, report_summary(report)))

    @on(JobProgress)
    def _job_progress(self, message: JobProgress) -> None:
        progress = message.progress
        label = f"{message.title}: {one_line(progress.stage)}"
        if progress.message:
            label += f" · {one_line(progress.message)}"
        # Stages name feed URLs and paths: a "[/]" in one is text, never markup.
        self.query_one("#job-label", Label).update(Text(label))
        self.query_one(ProgressBar).update(total=progress.total, progress=progress.done)

    @on(JobDone)
    def _job_done(self, message: JobDone) -> None:
        lines = [one_line(line) for line in message.summary.splitlines()]
        failed = any(line.startswith("✗") for line in lines)
        # Warnings tint the toast; a scheduled refresh with nothing new stays quiet for them
        # (an ill-formed feed would say so every few minutes).
        warned = failed or any(line.startswith("⚠") for line in lines)
        quiet = message.title == "Scheduled refresh" and nothing_new(message.summary)
        if self.reading is not None:
            self.open_article(self.reading.article.id)  # it may have new text
        if quiet and not failed:
            self._search()
            return
        self.notify(
            "\n".join(lines),
            title=message.title,
            severity="warning" if warned else "information",
            timeout=10 if warned else 6,
            markup=False,
        )
        self._search()

    def _job_finished(self) -> None:
        self._job_running = False
        self.remove_class("-job")
