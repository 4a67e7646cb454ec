"""Feeds: subscriptions and refreshing them."""

from __future__ import annotations

from textual import work

from index.library import Library
from index.query import Query

from ..filter_follow import ChipTrail
from ..saved import followed, stored
from ..screens.feeds import Choice
from ..state import SavedSearch
from .base import Room
from .messages import StartJob


class FeedsRoom(Room):
    chip_trail: ChipTrail  # the screen's (`EntityCorrections`)
    #: Where the feeds view's cursor was when it closed: it reopens there, not at the top.
    _feeds_cursor: tuple[str, str] | None = None

    def action_feeds(self) -> None:
        if self.library is None:
            return
        from ..screens.feeds import FeedsScreen

        screen = FeedsScreen(self.library, start=self._feeds_cursor)

        def closed(choice: Choice | None) -> None:
            self._feeds_cursor = screen.cursor_key
            self._feed_chosen(choice)

        self.app.push_screen(screen, closed)

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
        """Run a saved search, its filters as the registry names their entities now; what it
        matches now counts as seen."""
        if self.library is None:
            self.apply_query(saved.query)
        else:
            self._open_saved(self.library, saved)

    @work(thread=True, group="state", exit_on_error=False)
    def _open_saved(self, library: Library, saved: SavedSearch) -> None:
        # Followed from what is stored, not from the palette's copy: the chips get the trail
        # they were saved with, so a correction undone later still brings them back.
        trail = ChipTrail()
        query = followed(library, stored(library, saved.name) or saved, trail)
        self.app.call_from_thread(self._show_saved, query, trail)
        library.watch_seen(saved.name)

    def _show_saved(self, query: Query, trail: ChipTrail) -> None:
        self.chip_trail = trail
        self.apply_query(query)
