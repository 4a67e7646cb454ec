"""A live library: another process (a cron `dateline refresh`, a `dateline add` in another
shell) changes the library, and within a few seconds the list shows it, in place.

A timer asks `index.changes.ChangeWatch` every POLL_SECONDS; the watch reads SQLite's
`data_version` (no table is touched) and only looks further when it moved, so the poll costs
the same at any library size. A change re-runs the current search with the cursor kept on its
article and the rows at the same place on screen, and the chips line says how many arrived. An
entity correction made in another process (`dateline entities rename …`, `undo`) is a change
too: the search runs again so the sidebar's names, types and counts follow, and the open
article's mentions are read again so the reader shows the new names and colours; an entity or
story page open over the main screen reads itself again too. (A correction
made in this reader is seen by the poll too; searching and reading again finds what is already
shown, and a list, sidebar or article that has not changed is not repainted.)
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
from .base import Room
from .messages import LibraryReady, SearchDone

#: How often the library is asked whether another process changed it.
POLL_SECONDS = 2.0


class WatchReady(Message):
    def __init__(self, watch: ChangeWatch) -> None:
        super().__init__()
        self.watch = watch


class LibraryChanged(Message):
    def __init__(self, change: Change, filters: tuple[EntityFilter, ...] | None = None) -> None:
        super().__init__()
        self.change = change
        #: The chips as the corrected registry names them (None: they all stand).
        self.filters = filters


class LiveRoom(Room):
    chip_trail: ChipTrail  # the screen's (`EntityCorrections`): undone corrections give chips back
    _watch: ChangeWatch | None = None
    _poll_timer: Timer | None = None
    _polling: bool = False
    #: The query the "N new" count belongs to: another query starts from zero.
    _live_query: str | None = None

    @on(LibraryReady)
    def _start_watching(self, message: LibraryReady) -> None:
        self._open_watch(message.library)

    @work(thread=True, group="changes", exit_on_error=False)
    def _open_watch(self, library: Library) -> None:
        self.post_message(WatchReady(library.watch_changes()))

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
        try:
            change = watch.poll()
        finally:
            self._polling = False
        if change is not None:
            filters = None
            if change.entities and self.library is not None:  # chips follow, or come back
                filters = followed_filters(self.library, self.search_query.filters, self.chip_trail)
            self.post_message(LibraryChanged(change, filters))

    @on(LibraryChanged)
    def _library_changed(self, message: LibraryChanged) -> None:
        arrived = len(message.change.new)
        if arrived:
            if self._live_query != self.query_string:
                self.new_articles = 0
            self._live_query = self.query_string
            self.new_articles += arrived
        if message.filters is not None:  # a chip's entity was corrected in another process
            self.search_query = replace(self.search_query, filters=message.filters)
        else:
            self._search()
        if message.change.entities:
            self.refresh_open_entities()
        self.refresh_open_pages(message.change)  # an entity or story page over this screen

    @on(SearchDone)
    def _new_count_follows_the_query(self, message: SearchDone) -> None:
        if message.offset == 0 and self._live_query not in (None, message.query):
            self._live_query = None
            self.new_articles = 0

    def _stop_watching(self) -> None:
        if self._poll_timer is not None:
            self._poll_timer.stop()
            self._poll_timer = None
        if self._watch is not None:
            self._watch.close()
            self._watch = None
