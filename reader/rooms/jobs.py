"""Jobs: ingestion and feed refreshes run in the background job process (`index.jobs`), with a
progress line above the footer and a summary when they finish.

Quitting while a job runs: the reader used to leave the screen at once and then wait, blank and
deaf, for the job's thread (minutes for a big add), and a Ctrl-C there lost the group being
stored (QA 6). Now the first `q` (or Ctrl-C) says what is running and that the reader quits when
it is done; the window stays live, and the reader leaves by itself with the job's summary. A
second `q` stops the job: its process is ended, which the library survives as it survives a
kill (each group of articles is stored whole or not at all); what was stored but not yet in the
search index is indexed at once, and the reader leaves saying how many new articles were kept.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on, work
from textual.widgets import Label, ProgressBar

from index.model import Progress

from ..render import add_summary, counted, one_line
from .base import Room
from .messages import JobDone, JobProgress, StartJob
from .reading import web_link
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


@dataclass(frozen=True)
class JobWords:
    """How a job is named when the reader waits for it or stops it, and how to finish it."""

    noun: str
    #: What to do later for what a stopped job did not store ("" when nothing is to say).
    again: str = ""


#: By job target; any other job is "the job".
JOB_WORDS = {
    "index.jobs:add": JobWords(
        "the add", "add the same inputs again to add the rest (what is stored is found unchanged)"
    ),
    "index.fulltext:refresh_job": JobWords("the refresh", "refresh again to fetch the rest"),
    "index.fulltext:fetch_job": JobWords("the full-text fetch", "nothing of it was stored"),
}


#: Jobs whose stop says how many new articles were kept.
COUNTED_JOBS = frozenset({"index.jobs:add", "index.fulltext:refresh_job"})


def job_words(target: str) -> JobWords:
    return JOB_WORDS.get(target, JobWords("the job"))


def stopped_summary(target: str, kept: int | None) -> str:
    """What a stopped job leaves: how many new articles were stored (and stay), and how to get
    the rest, as the CLI's Ctrl-C of `dateline add` says it."""
    words = job_words(target)
    if kept is None:
        said = f"Stopped {words.noun}"
    elif kept:
        said = f"Stopped {words.noun}: {counted(kept, 'new article')} stored and kept"
    else:
        said = f"Stopped {words.noun} before any new article was stored"
    return f"{said}; {words.again}." if words.again else f"{said}."


def nothing_new(summary: str) -> bool:
    """Did the add or refresh `report_summary` words bring nothing ("No new articles (22 feeds
    not modified).", "0 added, …")? A scheduled refresh then stays quiet."""
    return summary.startswith(("0 added", "No new articles"))


def _articles(library: Any) -> int | None:
    """The library's article count, for what a stopped job kept; None when it cannot be read
    (a busy database): the job itself must never fail for a count."""
    try:
        return int(library.stats()["articles"]) if library is not None else None
    except Exception:
        return None


class JobsRoom(Room):
    #: The running job's target and the event that stops it (None: no job).
    _job_target: str = ""
    _job_cancel: threading.Event | None = None
    #: The user asked to quit while a job ran: the reader leaves when it ends.
    _quit_after_job: bool = False

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
        if web_link(article.url) is None:
            # A precondition, said as `o` and `y` say it, not a job that failed (QA 6).
            message = (
                "This article's link is not an http(s) web address, so its full text cannot"
                " be fetched."
                if article.url and article.url.strip()
                else "This article has no web link to fetch its full text from."
            )
            self.notify(message, severity="warning", timeout=3, markup=False)
            return
        self._start_job(
            "Fetching the full text", "index.fulltext:fetch_job", {"article_id": article.id}
        )

    def _start_job(self, title: str, target: str, kwargs: dict[str, Any]) -> None:
        if self._job_running:
            self.notify("Wait for the current job to finish.", severity="warning", timeout=3)
            return
        self._job_running = True
        self._job_target = target
        self._job_cancel = threading.Event()
        if title != SCHEDULED:  # a scheduled refresh brings news; the user's own job does not
            self._own_changes = True
        self.query_one("#job-label", Label).update(title + "…")
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.add_class("-job")
        self._run_job(title, target, kwargs, self._job_cancel)

    @work(thread=True, group="job", exit_on_error=False)
    def _run_job(
        self, title: str, target: str, kwargs: dict[str, Any], cancel: threading.Event
    ) -> None:
        from index.jobs import JobCancelled, JobError, run_job

        def progress(event: Progress) -> None:
            self.post_message(JobProgress(title, event))

        # Counted only for jobs that store articles: what a stopped one kept.
        library = self.library if target in COUNTED_JOBS else None
        before = _articles(library)
        try:
            report = run_job(target, self.library_path, kwargs, on_progress=progress, cancel=cancel)
        except JobCancelled:
            if target in COUNTED_JOBS:
                # What the stopped job stored but had not yet indexed is indexed now, in a job
                # of its own, so the library is left whole (not only whole at its next open).
                progress(Progress("indexing what was stored", 0))
                with contextlib.suppress(JobError):
                    run_job("index.jobs:index_pending", self.library_path, {}, on_progress=progress)
            after = _articles(library)
            kept = None if before is None or after is None else max(after - before, 0)
            self.post_message(JobDone(title, stopped_summary(target, kept)))
            return
        self.post_message(JobDone(title, report_summary(report)))

    # -- quitting while a job runs -----------------------------------------------------------
    def ask_quit(self, key: str) -> bool:
        """The user pressed quit (`key`): True when a job holds the reader. The first press
        says the reader quits once the job is done; the next one stops the job."""
        if not self._job_running or self._job_cancel is None:
            return False
        noun = job_words(self._job_target).noun
        if self._quit_after_job:
            self._job_cancel.set()
            self.query_one("#job-label", Label).update(f"Stopping {noun}…")
            self.notify(
                f"Stopping {noun}; what is already stored is kept.",
                title="Quitting",
                timeout=30,
                markup=False,
            )
            return True
        self._quit_after_job = True
        self.notify(
            f"Finishing {noun} in progress… press {key} again to stop it.",
            title="Quitting when it is done",
            severity="warning",
            timeout=60,
            markup=False,
        )
        return True

    def _stop_job(self) -> None:
        """The screen goes while a job runs (the app exits another way): stop the job, or the
        process would wait for its thread after the window has gone."""
        if self._job_running and self._job_cancel is not None:
            self._job_cancel.set()

    def _leave(self, message: str) -> None:
        """Quit now that the job asked to wait for is over, its outcome left on the terminal."""
        self._quit_after_job = False
        self.app.exit(message=Text(message))

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
        if self._quit_after_job:
            stopped = message.summary.startswith("Stopped ")  # says what it was already
            first = lines[0] if stopped else f"{message.title}: {lines[0]}"
            self._leave("\n".join([first, *lines[1:]]))
            return
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

    def _job_finished(self, error: BaseException | None = None) -> None:
        self._job_running = False
        self._job_cancel = None
        self.remove_class("-job")
        if self._quit_after_job:  # it failed (a success said so in JobDone, and left)
            reason = one_line(str(error)) if error is not None else ""
            self._leave(f"The job failed: {reason}" if reason else "The job ended.")
