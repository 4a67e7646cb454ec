"""A live library: another process (a cron `dateline refresh`, a `dateline add` in another
shell) changes the library, and within a few seconds the list shows it, in place.

A timer asks `index.changes.ChangeWatch` every POLL_SECONDS; the watch reads SQLite's
`data_version` (no table is touched) and only looks further when it moved, so the poll costs
the same at any library size. A change re-runs the current search with the cursor kept on its
article and the rows at the same place on screen, and the chips line says how many arrived. An
entity correction made in another process (`dateline entities rename …`, `undo`) is a change
too: the search runs again so the sidebar's names, types and counts follow, and the open
article's mentions are read again so the reader shows the new names and colours; an entity or
story page open over the main screen reads itself again too. A change to the subscriptions
(another shell's `dateline feeds remove`, a refresh's error) leaves the list alone and has an
open feeds view read itself again: the view has no poll of its own. A read mark or a star
written elsewhere (another reader) is no reload either: only the flags of the rows shown and of
the open article are read again (by id, whatever the library's size), and a flag the user has
just changed here and whose write is still on its way keeps what it shows. (A correction
made in this reader is seen by the poll too; searching and reading again finds what is already
shown, and a list, sidebar or article that has not changed is not repainted.)

The "N new" chip counts only what arrived from elsewhere (another process, a scheduled
refresh) and what the list shows. The user's own `r`, `+`, `d` and `t` run in the job process
too, so the watch sees their articles as it sees anyone's: a change polled while such a job
runs, or in the first poll after it ended (which has seen all of its writes), is the user's
own and not counted. And an arrival counts only when the current query's total grows by it:
an article the filters hide, or one not yet searchable, adds nothing (the total is compared
after each search of the same query; one the index catches up with later counts then).
"""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.message import Message
from textual.timer import Timer

from index.changes import Change, ChangeWatch
from index.library import Library
from index.query import EntityFilter

from ..filter_follow import ChipTrail, followed_filters
from ..state import SAVED_SEARCHES
from .base import Room
from .messages import LibraryReady, SearchDone

#: How often the library is asked whether another process changed it.
POLL_SECONDS = 2.0


class WatchReady(Message):
    def __init__(self, watch: ChangeWatch) -> None:
        super().__init__()
        self.watch = watch


class LibraryChanged(Message):
    def __init__(
        self,
        change: Change | None,
        filters: tuple[EntityFilter, ...] | None = None,
        *,
        own: bool = False,
        own_over: bool = False,
    ) -> None:
        super().__init__()
        #: What changed (None: nothing; the message only closes the user's job window).
        self.change = change
        #: The chips as the corrected registry names them (None: they all stand).
        self.filters = filters
        #: Polled while one of the user's jobs ran, or just after: its arrivals are theirs.
        self.own = own
        #: The user's job had ended before this poll, which so saw all of its writes.
        self.own_over = own_over


class LiveRoom(Room):
    chip_trail: ChipTrail  # the screen's (`EntityCorrections`): undone corrections give chips back
    _watch: ChangeWatch | None = None
    _poll_timer: Timer | None = None
    _polling: bool = False
    #: The query the "N new" count belongs to: another query starts from zero.
    _live_query: str | None = None
    #: That query's total when last searched (what a growing total is compared with).
    _live_total: int = 0
    #: Arrivals from elsewhere not yet seen in the query's total (not searchable yet, or
    #: hidden by the query: those are never counted).
    _arrived: int = 0
    #: The user's own articles arrived: the next total is the new baseline, not news.
    _rebase: bool = False

    @on(LibraryReady)
    def _start_watching(self, message: LibraryReady) -> None:
        self._open_watch(message.library)

    @work(thread=True, group="changes", exit_on_error=False)
    def _open_watch(self, library: Library) -> None:
        # The saved searches are listed in the feeds view: saving one in another reader is a
        # change to what it shows, as a subscription is.
        self.post_message(WatchReady(library.watch_changes(state_keys=(SAVED_SEARCHES,))))

    @on(WatchReady)
    def _watch_ready(self, message: WatchReady) -> None:
        if self._watch is not None:
            self._watch.close()
        self._watch = message.watch
        if self._poll_timer is None:
            self._poll_timer = self.set_interval(POLL_SECONDS, self._poll, name="live-library")

    def _poll(self) -> None:
        if self._watch is not None and not self._polling:
            self._polling = True
            self._poll_worker(self._watch)

    @work(thread=True, group="changes", exit_on_error=False)
    def _poll_worker(self, watch: ChangeWatch) -> None:
        # Read before polling: a job still running may be writing what this poll sees, and
        # one that has ended (its process gone) has written everything this poll will see.
        own = self._own_changes
        own_over = own and not self._job_running
        try:
            change = watch.poll()
        finally:
            self._polling = False
        if change is not None:
            filters = None
            if change.entities and self.library is not None:  # chips follow, or come back
                filters = followed_filters(self.library, self.search_query.filters, self.chip_trail)
            self.post_message(LibraryChanged(change, filters, own=own, own_over=own_over))
        elif own_over:
            self.post_message(LibraryChanged(None, own=own, own_over=own_over))

    @on(LibraryChanged)
    def _library_changed(self, message: LibraryChanged) -> None:
        if message.own_over and not self._job_running:
            self._own_changes = False  # later arrivals come from elsewhere
        change = message.change
        if change is None:
            return
        if change.new:
            if message.own:
                self._rebase = True
            else:
                self._arrived += len(change.new)
        if message.filters is not None:  # a chip's entity was corrected in another process
            self.search_query = replace(self.search_query, filters=message.filters)
        elif change.articles or change.entities:  # not for a change to the feeds alone
            self._search()
        if change.flags:  # marked or starred elsewhere: the rows shown follow, in place
            self.refresh_flags()
        if change.entities:
            self.refresh_open_entities()
        self.refresh_open_pages(change)  # an entity, story or feeds page over this screen

    @on(SearchDone)
    def _new_count_follows_the_query(self, message: SearchDone) -> None:
        """Count the arrivals the current query's total grew by; another query starts at 0."""
        if message.offset or message.generation != self._generation or message.result.error:
            return
        total = message.result.total
        if self._live_query != message.query:
            self._live_query, self._live_total = message.query, total
            self._arrived = 0
            self.new_articles = 0
            return
        if self._rebase or self._own_changes:
            self._rebase = False
            self._live_total = total  # the user's own additions are not news
            return
        grown = total - self._live_total
        counted = min(max(grown, 0), self._arrived)
        if counted:
            self._arrived -= counted
            self.new_articles += counted
        # Anything else that moved the total (deleted articles, a flag under is:unread) is
        # the new baseline, not news.
        self._live_total = total

    def _stop_watching(self) -> None:
        if self._poll_timer is not None:
            self._poll_timer.stop()
            self._poll_timer = None
        if self._watch is not None:
            self._watch.close()
            self._watch = None
