"""Searching: opening the library, running the query, paging the results, entity filters,
the entity timeline, "did you mean" and saved searches."""

from __future__ import annotations

from textual import on, work
from textual.worker import get_current_worker

from index.library import Library
from index.model import EntityCount, EntityType
from index.query import EntityFilter, Query

from ..render import one_line
from ..state import (
    LAST_QUERY,
    SAVED_SEARCHES,
    SavedSearch,
    describe,
    dump_query,
    dump_saved,
    load_query,
    load_saved,
    readable,
    suggested_text,
)
from ..widgets.article_list import ArticleList
from ..widgets.entity_sidebar import EntityList
from ..widgets.search_bar import SearchBar
from .base import PAGE_SIZE, Room
from .messages import LibraryReady, SearchDone, TimelineLoaded


class SearchingRoom(Room):
    # -- the library opens in a worker: the window shows first ------------------------------
    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _open_library(self) -> None:
        library = Library.open(self.library_path)
        query = load_query(library.get_state(LAST_QUERY))
        self.post_message(LibraryReady(library, query))

    @on(LibraryReady)
    def _library_ready(self, message: LibraryReady) -> None:
        self.library = message.library
        self.query_one(SearchBar).set_text(message.query.text)
        if message.query == self.search_query:
            self._search()
        else:
            self.search_query = message.query

    # -- searching ---------------------------------------------------------------------------
    def watch_search_query(self) -> None:
        self._search()

    def watch_unread_only(self) -> None:
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
        return "relevance" if self.search_query.text.strip() else "date"

    def _search(self) -> None:
        if self.library is None:
            return
        self._generation += 1
        self.busy = True
        self._run_search(
            self.library,
            self._generation,
            self.query_string,
            self._sort(),
            dump_query(self.search_query),
        )

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _run_search(
        self, library: Library, generation: int, query: str, sort: str, save: str
    ) -> None:
        result = library.search(query, limit=PAGE_SIZE, sort=sort)
        library.set_state(LAST_QUERY, save)
        if not get_current_worker().is_cancelled:
            self.post_message(SearchDone(generation, result, 0, query))

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
        result = message.result
        articles = self.query_one(ArticleList)
        again = message.offset == 0 and message.query == self._shown_query
        articles.show_hits(result.hits, result.total, offset=message.offset, keep=again)
        if message.offset:
            return
        self._shown_query = message.query
        self.result = result
        self.busy = False
        empty = (
            result.total == 0
            and not result.error
            and not self.search_query.text.strip()
            and not self.search_query.filters
            and not self.unread_only
            and not self.scopes
        )
        self.set_class(empty, "-empty")

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
        if message.entity is None or self.library is None:
            self.timeline = ()
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
            self.timeline = tuple(message.points)

    def action_toggle_entity_scope(self) -> None:
        self.entity_scope = "article" if self.entity_scope == "results" else "results"

    # -- saved searches ----------------------------------------------------------------------
    def action_save_search(self) -> None:
        if self.library is None:
            return
        query = self.search_query
        for kind, value, _ in self.scopes:  # a feed: or tag: chip belongs to the search too
            query = query & Query(f'{kind}:"{value.replace(chr(34), "")}"')
        name = readable(query) or "Everything"
        self._save_search(self.library, SavedSearch(name, query))

    @work(thread=True, group="state", exit_on_error=False)
    def _save_search(self, library: Library, search: SavedSearch) -> None:
        saved = [s for s in load_saved(library.get_state(SAVED_SEARCHES)) if s.name != search.name]
        saved.append(search)
        library.set_state(SAVED_SEARCHES, dump_saved(saved))
        library.watch_seen(search.name)  # a watchlist counts what arrives from now on
        self.app.call_from_thread(
            self.notify, f"Saved search: {search.name}", timeout=3, markup=False
        )
