"""Searching: opening the library, running the query, paging the results, entity filters,
the entity timeline and "did you mean" (saving a search: `saving.py`)."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from rich.text import Text
from textual import on, work
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from index.library import Library
from index.model import EntityCount, EntityType
from index.query import EntityFilter, Query

from ..commands import DropFilter, UnreadOnly
from ..entity_commands import in_tui_words
from ..entity_keys import MergeEntity, UnblockEntity
from ..filter_follow import ChipTrail
from ..querytext import ranks
from ..render import one_line
from ..saved import followed
from ..state import (
    LAST_QUERY,
    SavedSearch,
    describe,
    dump_query,
    load_query_trails,
    suggested_text,
)
from ..widgets.article_list import ArticleList
from ..widgets.entity_sidebar import EntityList
from ..widgets.entity_timeline import EntityTimeline
from ..widgets.reader_view import ReaderView, Reading
from ..widgets.search_bar import SearchBar
from .base import PAGE_SIZE, Room
from .messages import LibraryReady, SearchDone, TimelineLoaded

#: Seconds the shown query must stay unchanged before it is saved as the one to reopen on.
SAVE_QUERY_AFTER = 2.0
#: Seconds a sidebar entity must stay highlighted, while the user types a query, before its
#: timeline is loaded.
TIMELINE_WHILE_TYPING = 0.6


class SearchingRoom(Room):
    chip_trail: ChipTrail  # the screen's (`EntityCorrections`)
    #: The query last written as LAST_QUERY (what the library holds), and the timer that
    #: writes a newer one once the user stops changing it.
    _saved_query: str | None = None
    _save_timer: Timer | None = None
    _timeline_timer: Timer | None = None

    # -- the library opens in a worker: the window shows first ------------------------------
    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _open_library(self) -> None:
        def upgrading(message: str) -> None:  # said on the status line while it runs
            self.app.call_from_thread(self.notify, message, timeout=30, markup=False)

        library = Library.open(self.library_path, on_upgrade=upgrading)
        query, trails = load_query_trails(library.get_state(LAST_QUERY))
        # The chips come back as the registry names their entities now: a rename, retype,
        # merge or block made while the reader was closed left them naming nothing (QA 6).
        # Followed from their trails, as a saved search is, so an undo still brings them back.
        trail = ChipTrail()
        query = followed(library, SavedSearch("", query, trails), trail)
        self.post_message(LibraryReady(library, query, trail))

    @on(LibraryReady)
    def _library_ready(self, message: LibraryReady) -> None:
        self.library = message.library
        if message.trail is not None:
            self.chip_trail = message.trail
        self._saved_query = self._query_value(message.query)
        bar = self.query_one(SearchBar)
        query = message.query
        if bar.text:
            # Typed while the library opened: the box keeps what the user typed (a worker's
            # answer never writes over typing); the saved query lends only its chips.
            query = replace(query, text=bar.text)
        else:
            bar.set_text(query.text)
        if query == self.search_query:
            self._search()
        else:
            self.search_query = query

    # -- searching ---------------------------------------------------------------------------
    def watch_search_query(self) -> None:
        self._search()

    def watch_unread_only(self) -> None:
        self._search()

    def watch_sort_by_date(self) -> None:
        self._shown_query = None  # another order: the list starts at its new first row
        self._search()

    def watch_scopes(self) -> None:
        self._search()

    @property
    def query_string(self) -> str:
        text = describe(self.search_query, unread_only=self.unread_only)
        for kind, value, _ in self.scopes:
            # A scope narrows the whole query, like is:unread (an OR is grouped by `describe`).
            text = f'{text} {kind}:"{value.replace(chr(34), "")}"'.strip()
        return text

    def _sort(self) -> str:
        """The back end's order: what `dateline search --sort` takes."""
        if self.sort_by_date or not ranks(self.search_query):
            return "date"
        return "relevance"

    def _search(self) -> None:
        if self.library is None:
            return
        self._generation += 1
        self.busy = True
        self._run_search(self.library, self._generation, self.query_string, self._sort())

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(self, library: Library, generation: int, query: str, sort: str) -> None:
        result = library.search(query, limit=PAGE_SIZE, sort=sort)
        # "place:lisbon" finds nothing when Lisbon was marked "not an entity": say so
        blocked = library.blocked_in_query(query) if not result.total and not result.error else None
        if not get_current_worker().is_cancelled:
            self.post_message(SearchDone(generation, result, 0, query, blocked))

    # -- the query to reopen on: written once the user settles, not on every keystroke ------
    def _remember_query(self) -> None:
        """(Re)start the wait before the shown query is saved as LAST_QUERY.

        A write per search was a SQLite commit (and a sync) on the search thread before each
        result could be shown, for a value only the next start reads.
        """
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_QUERY_AFTER, self._save_query_now)

    def _query_value(self, query: Query) -> str:
        """`query` as LAST_QUERY stores it: with its chips' trails."""
        return dump_query(query, self.chip_trail.trails(query.filters))

    def _save_query_now(self) -> None:
        self._save_timer = None
        value = self._query_value(self.search_query)
        if self.library is not None and not self.library.read_only and value != self._saved_query:
            self._saved_query = value
            self._save_last_query(self.library, value)

    @work(thread=True, group="state", exit_on_error=False)
    def _save_last_query(self, library: Library, value: str) -> None:
        library.set_state(LAST_QUERY, value)

    def _unsaved_query(self) -> str | None:
        """The shown query when it differs from the saved one (written on the way out)."""
        if self.library is None or self.result is None:
            return None
        value = self._query_value(self.search_query)
        return None if value == self._saved_query else value

    @work(thread=True, exclusive=True, group="page", exit_on_error=False)
    def _load_page(
        self, library: Library, generation: int, query: str, sort: str, offset: int
    ) -> None:
        result = library.search(query, limit=PAGE_SIZE, offset=offset, sort=sort, facets=False)
        if not get_current_worker().is_cancelled:
            self.post_message(SearchDone(generation, result, offset))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        if message.generation != self._generation:
            return  # an answer to a query the user has already changed
        ahead = self.query_one(SearchBar).typed_ahead
        if message.offset == 0 and ahead is not None and ahead != self.search_query.text:
            # The user typed on while this was searched: the list would be replaced by the
            # next result before it could be read, and painting it (tens of ms on the UI
            # thread) would delay that search. Release the search bar's newer text instead.
            self.busy = False
            return
        # One frame for the list, the status line and the chips: without the batch, each
        # change below could be painted (and laid out) on its own.
        with self.app.batch_update():
            self._show_result(message)

    def _show_result(self, message: SearchDone) -> None:
        result = message.result
        articles = self.query_one(ArticleList)
        again = message.offset == 0 and message.query == self._shown_query
        articles.show_hits(result.hits, result.total, offset=message.offset, keep=again)
        self._note_outside()
        if message.offset:
            return
        self._shown_query = message.query
        self.result = result
        self.busy = False
        self._remember_query()
        if self._timeline_timer is not None:
            self._timeline_timer.reset()  # still typing: the pause starts again
        empty = (
            result.total == 0
            and not result.error
            and not self.search_query.text.strip()
            and not self.search_query.filters
            and not self.unread_only
            and not self.scopes
        )
        if empty != self.has_class("-empty"):
            self.set_class(empty, "-empty")
            self.refresh_bindings()  # the footer's article keys (MainScreen.check_action)
        no_match = result.total == 0 and not result.error and not empty
        self._say_no_match(no_match, message.blocked, result.hint)

    def _say_no_match(
        self, no_match: bool, blocked: str | None = None, hint: str | None = None
    ) -> None:
        """Say "No articles match", and what would widen the search, under an empty list; and
        when a filter names only a blocked entity, that it is blocked and how to unblock it;
        and what to change in a query that cannot match as typed (`SearchResult.hint`)."""
        self.set_class(no_match, "-no-match")
        if not no_match:
            return
        ways = []
        if self.search_query.filters or self.scopes:
            ways.append(f"{self.key_display(DropFilter)} drops the last filter")
        if self.unread_only:
            ways.append(f"{self.key_display(UnreadOnly)} shows read articles too")
        text = Text("No articles match this search.", style="bold")
        if blocked:
            keys = self.key_display(MergeEntity), self.key_display(UnblockEntity)
            text.append("\n" + one_line(in_tui_words(blocked, *keys)))
        if hint:
            text.append("\n" + one_line(hint))
        if ways:
            text.append("\n" + "; ".join(ways) + ".", style="dim")
        self.query_one("#no-match", Static).update(text)

    def watch_reading(self, was: Reading | None, reading: Reading | None) -> None:
        self._note_outside()
        if reading is None and was is not None and self.entity_scope == "article":
            # The article the sidebar was scoped to (`a`) is closed: its "open an article"
            # hint left t/M/B with nothing to act on until `a` again. Back to the list's
            # entities; `a` with an article open scopes it again.
            self.entity_scope = "results"

    def _note_outside(self) -> None:
        """Mark the open article when the list's results no longer hold it (a new query): it
        is known once every result is loaded; until then the article is given the benefit."""
        reading, articles = self.reading, self.query_one(ArticleList)
        outside = reading is not None and articles.complete and not articles.holds(reading.article)
        self.query_one(ReaderView).set_class(outside, "-outside")

    @on(ArticleList.NeedMore)
    def _need_more(self, message: ArticleList.NeedMore) -> None:
        message.stop()
        if self.library is not None:
            self._load_page(
                self.library, self._generation, self.query_string, self._sort(), message.offset
            )

    @on(SearchBar.Changed)
    def _query_typed(self, message: SearchBar.Changed) -> None:
        message.stop()
        if message.text != self.search_query.text:
            self.search_query = Query(text=message.text, filters=self.search_query.filters)

    @on(SearchBar.Submitted)
    def _query_submitted(self, message: SearchBar.Submitted) -> None:
        message.stop()
        self.query_one(ArticleList).focus()

    @on(SearchBar.AcceptSuggestion)
    def _suggestion_clicked(self, message: SearchBar.AcceptSuggestion) -> None:
        message.stop()
        self.action_accept_suggestion()

    def apply_query(self, query: Query) -> None:
        """Search `query` (a saved search, or the palette's choice)."""
        self.query_one(SearchBar).set_text(query.text)
        self.search_query = query

    def action_search(self) -> None:
        self.query_one(SearchBar).focus_input()

    def action_accept_suggestion(self) -> None:
        suggestion = self.result.suggestion if self.result else None
        if not suggestion:
            return
        text = suggested_text(one_line(suggestion), self.search_query, unread_only=self.unread_only)
        self.apply_query(Query(text=text, filters=self.search_query.filters))

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only

    def action_toggle_sort(self) -> None:
        self.sort_by_date = not self.sort_by_date
        if not ranks(self.search_query):
            # Nothing on screen changes: say what the key did and when it will show.
            order = "newest first" if self.sort_by_date else "by relevance"
            self.notify(f"A query with words will be sorted {order}.", timeout=3)

    def action_drop_filter(self) -> None:
        if self.scopes:
            self.scopes = self.scopes[:-1]
        elif self.search_query.filters:
            self.search_query = self.search_query.without_last()
        elif self.unread_only:
            self.unread_only = False
        else:
            self.app.bell()

    # -- entities ----------------------------------------------------------------------------
    @on(EntityList.Picked)
    def _picked(self, message: EntityList.Picked) -> None:
        message.stop()
        self.add_filter(message.entity.type, message.entity.name, exclude=message.exclude)

    def add_filter(self, type_: EntityType, name: str, *, exclude: bool = False) -> None:
        query = self.search_query
        same = [f for f in query.filters if f.type == type_ and f.name == name]
        if any(f.exclude == exclude for f in same):
            verb = "excluding" if exclude else "filtering by"
            self.notify(f"Already {verb} {one_line(name)}.", timeout=2, markup=False)
            return
        if same:
            # The opposite filter is there: the new choice replaces it.
            query = Query(query.text, tuple(f for f in query.filters if f not in same))
            verb = "Excluding" if exclude else "Showing"
            self.notify(f"{verb} {one_line(name)} instead.", timeout=2, markup=False)
        entity_filter = EntityFilter(type_, name)
        self.search_query = query - entity_filter if exclude else query & entity_filter

    @on(EntityList.Selected)
    def _entity_selected(self, message: EntityList.Selected) -> None:
        message.stop()
        if self._timeline_timer is not None:
            self._timeline_timer.stop()
            self._timeline_timer = None
        if message.entity is None or self.library is None:
            self.timeline = None
        elif isinstance(self.focused, Input):
            # Typing: every result moves the sidebar's cursor, and a timeline costs a scan
            # of the entity's articles (tenths of a second at 100,000) that would compete
            # with the next keystroke's search. Load it once the typing pauses.
            self._timeline_timer = self.set_timer(
                TIMELINE_WHILE_TYPING, partial(self._load_timeline, self.library, message.entity)
            )
        else:
            self._load_timeline(self.library, message.entity)

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def _load_timeline(self, library: Library, entity: EntityCount) -> None:
        points = library.entity_timeline(entity.name, entity.type)
        if not get_current_worker().is_cancelled:
            self.post_message(TimelineLoaded(entity, points))

    @on(TimelineLoaded)
    def _timeline_loaded(self, message: TimelineLoaded) -> None:
        current = self.query_one(EntityList).current
        if current is not None and (current.type, current.name) == (
            message.entity.type,
            message.entity.name,
        ):
            # The entity as the list has it now: a rename gives a new timeline (and label)
            # even when its days and counts are the ones already shown.
            self.timeline = EntityTimeline(current, tuple(message.points))

    def action_toggle_entity_scope(self) -> None:
        self.entity_scope = "article" if self.entity_scope == "results" else "results"
