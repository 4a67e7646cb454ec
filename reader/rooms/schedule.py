"""Refresh on a schedule: while the reader runs, the subscriptions are refreshed every
`[refresh] every_minutes` of config.toml (30 by default, 0 turns it off).

Each refresh is the same background job as `r` (`index.jobs:refresh`), so it uses conditional
GET (ETag / Last-Modified) and a feed that has not changed costs a 304. A scheduled refresh
says nothing when nothing arrived and nothing failed: a toast every half hour would be noise.
"""

from __future__ import annotations

from textual import on, work
from textual.timer import Timer

from index.library import Library

from .base import Room
from .messages import LibraryReady, StartJob

#: Seconds in a minute of the schedule (tests shorten it).
MINUTE = 60.0
#: The title of a scheduled refresh's job (its result is only shown when it matters).
SCHEDULED = "Scheduled refresh"


class ScheduleRoom(Room):
    _refresh_timer: Timer | None = None

    @property
    def refresh_minutes(self) -> int:
        config = getattr(self.app, "config", None)
        return int(getattr(config, "refresh_minutes", 0) or 0)

    @on(LibraryReady)
    def _start_schedule(self, message: LibraryReady) -> None:
        minutes = self.refresh_minutes
        if minutes > 0 and self._refresh_timer is None:
            self._refresh_timer = self.set_interval(
                minutes * MINUTE, self._scheduled_refresh, name="scheduled-refresh"
            )

    def _scheduled_refresh(self) -> None:
        if self.library is not None and not self._job_running:
            self._refresh_if_subscribed(self.library)

    @work(thread=True, group="state", exit_on_error=False)
    def _refresh_if_subscribed(self, library: Library) -> None:
        if library.feeds():
            # A scheduled refresh honours each feed's <ttl>; `r` fetches every feed.
            self.post_message(StartJob(SCHEDULED, "index.fulltext:refresh_job", {"due_only": True}))

    def _stop_schedule(self) -> None:
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
            self._refresh_timer = None
