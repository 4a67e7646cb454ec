"""Feeds: subscriptions and refreshing them."""

from __future__ import annotations

from textual import work

from index.library import Library

from ..screens.feeds import Choice
from ..state import SavedSearch
from .base import Room
from .messages import StartJob


class FeedsRoom(Room):
    def action_feeds(self) -> None:
        if self.library is None:
            return
        from ..screens.feeds import FeedsScreen

        self.app.push_screen(FeedsScreen(self.library), self._feed_chosen)

    def _feed_chosen(self, choice: Choice | None) -> None:
        if choice is None:
            return
        if choice.kind == "saved" and choice.saved is not None:
            self.open_saved_search(choice.saved)
            return
        scope = (choice.kind, choice.value, choice.label)
        if scope in self.scopes:
            self.notify(f"Already showing {choice.label}.", timeout=2, markup=False)
            return
        # One feed at a time (a feed's articles are in no other feed); tags stack.
        kept = tuple(s for s in self.scopes if not (s[0] == "feed" == choice.kind))
        self.scopes = (*kept, scope)

    def action_refresh_feeds(self) -> None:
        if self.library is not None:
            self._check_feeds(self.library)

    @work(thread=True, group="state", exit_on_error=False)
    def _check_feeds(self, library: Library) -> None:
        if library.feeds():
            self.post_message(StartJob("Refreshing feeds", "index.fulltext:refresh_job", {}))
        else:
            self.app.call_from_thread(
                self.notify,
                "No feed subscriptions to refresh. Subscribe in the feeds view (F, then a), "
                "or from a shell: dateline feeds add URL (or dateline add feeds.opml).",
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
