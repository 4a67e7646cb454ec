"""Feeds: subscriptions and refreshing them."""

from __future__ import annotations

from textual import work

from index.library import Library

from .base import Room
from .messages import StartJob


class FeedsRoom(Room):
    def action_refresh_feeds(self) -> None:
        if self.library is not None:
            self._check_feeds(self.library)

    @work(thread=True, group="state", exit_on_error=False)
    def _check_feeds(self, library: Library) -> None:
        if library.feeds():
            self.post_message(StartJob("Refreshing feeds", "index.jobs:refresh", {}))
        else:
            self.app.call_from_thread(
                self.notify,
                "No feed subscriptions to refresh. Subscribe from a shell: "
                "dateline feeds add URL (or dateline add feeds.opml).",
                title="Refresh",
                severity="warning",
                timeout=8,
                markup=False,
            )
