"""Feeds: subscriptions and refreshing them."""

from __future__ import annotations

from textual import work

from index.library import Library

from ..state import SavedSearch
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

    # -- watchlists: a saved search counts what arrived since it was last opened -------------
    def open_saved_search(self, saved: SavedSearch) -> None:
        """Run a saved search; what it matches now counts as seen."""
        self.apply_query(saved.query)
        if self.library is not None:
            self._mark_watch_seen(self.library, saved.name)

    @work(thread=True, group="state", exit_on_error=False)
    def _mark_watch_seen(self, library: Library, name: str) -> None:
        library.watch_seen(name)
