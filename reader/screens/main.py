"""The main screen: search bar, filter chips, article list, reader and entity sidebar.

The screen owns the state (`search_query`, `unread_only`, `result`, `reading`, …) in reactive
vars; the panes are bound to it with `data_bind` and report what the user did with domain
messages. All library I/O runs in thread workers that post result messages back; a worker that
fails is reported in one place (`on_worker_state_changed`) as a notification.
"""

from __future__ import annotations

import threading
import webbrowser
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Label, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from index.library import Library
from index.model import ArticleSummary, EntityCount, EntityType, Progress, SearchResult
from index.query import EntityFilter, Query

from ..commands import SCREEN_COMMANDS, AcceptSuggestion, Command, LoadSample, bindings
from ..providers import (
    ArticlesProvider,
    CommandsProvider,
    EntitiesProvider,
    SavedSearchesProvider,
)
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
from ..widgets.entity_sidebar import EntityList, EntitySidebar
from ..widgets.filter_chips import FilterChips
from ..widgets.reader_view import ReaderView, Reading, RelatedList
from ..widgets.search_bar import SearchBar
from ..widgets.welcome import Welcome
from .pages_room import PAGE_COMMANDS, EntityPagesProvider, PagesRoom

#: Hits per page of the article list.
PAGE_SIZE = 100
#: "More like this" entries under an article.
SIMILAR = 5
#: From this width the list, reader and sidebar sit side by side; below, they stack.
WIDE = 140


# -- what the workers report ------------------------------------------------------------------
class LibraryReady(Message):
    def __init__(self, library: Library, query: Query) -> None:
        super().__init__()
        self.library = library
        self.query = query


class SearchDone(Message):
    def __init__(self, generation: int, result: SearchResult, offset: int, query: str = "") -> None:
        super().__init__()
        self.generation = generation
        self.result = result
        self.offset = offset
        #: The query string searched: the list keeps its cursor when it is searched again.
        self.query = query


class ArticleOpened(Message):
    def __init__(self, reading: Reading) -> None:
        super().__init__()
        self.reading = reading


class StoryLoaded(Message):
    def __init__(self, article_id: str, members: list[ArticleSummary]) -> None:
        super().__init__()
        self.article_id = article_id
        self.members = members


class TimelineLoaded(Message):
    def __init__(self, entity: EntityCount, points: list[tuple[str, int]]) -> None:
        super().__init__()
        self.entity = entity
        self.points = points


class JobProgress(Message):
    def __init__(self, title: str, progress: Progress) -> None:
        super().__init__()
        self.title = title
        self.progress = progress


class StartJob(Message):
    def __init__(self, title: str, target: str, kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.title = title
        self.target = target
        self.kwargs = kwargs


class JobDone(Message):
    def __init__(self, title: str, summary: str) -> None:
        super().__init__()
        self.title = title
        self.summary = summary


def web_link(url: str | None) -> str | None:
    """`url` if it is a plain http(s) link safe to hand to a browser, else None."""
    if not url:
        return None
    url = url.strip()
    if any(ord(c) < 32 or ord(c) == 127 or c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def report_summary(report: Any) -> str:
    summary = getattr(report, "summary", None)
    return summary() if callable(summary) else str(report)


class MainScreen(PagesRoom, Screen[None]):
    CSS_PATH = "main.tcss"
    BINDINGS = bindings(*SCREEN_COMMANDS, *PAGE_COMMANDS)
    COMMANDS: ClassVar[set[Any]] = {
        CommandsProvider,
        EntitiesProvider,
        EntityPagesProvider,
        ArticlesProvider,
        SavedSearchesProvider,
    }
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        # Three panes only where the list keeps a readable title column beside the reader.
        (WIDE, "-wide"),
    ]
    AUTO_FOCUS = "#articles"

    search_query: var[Query] = var(Query, init=False)
    unread_only: var[bool] = var(False, init=False)
    result: var[SearchResult | None] = var(None)
    reading: var[Reading | None] = var(None)
    entity_scope: var[str] = var("results")
    timeline: var[tuple[tuple[str, int], ...]] = var(())
    #: True while the library opens or a search runs.
    busy: var[bool] = var(True)

    def __init__(self, library_path: Path, *, key_display: Callable[[type[Command]], str]) -> None:
        super().__init__()
        self.library_path = library_path
        self.library: Library | None = None
        self.key_display = key_display
        self._generation = 0
        self._job_running = False
        #: The query string the list shows, so a re-search of it keeps the cursor.
        self._shown_query: str | None = None
        # Flag writes run in threads; a sequence number per (article, flag) and a lock make
        # the saved state the last one shown, whatever order the threads run in.
        self._flag_lock = threading.Lock()
        self._flag_sequence = 0
        self._flag_written: dict[tuple[str, str], int] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBar(suggestion_key=self.key_display(AcceptSuggestion), id="search").data_bind(
            MainScreen.result, MainScreen.busy, MainScreen.search_query, MainScreen.unread_only
        )
        yield FilterChips(id="chips").data_bind(MainScreen.search_query, MainScreen.unread_only)
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield ArticleList(id="articles")
                yield Welcome(sample_key=self.key_display(LoadSample), id="welcome")
            yield ReaderView(id="reader").data_bind(MainScreen.reading)
            yield EntitySidebar(id="sidebar").data_bind(
                MainScreen.result,
                MainScreen.reading,
                MainScreen.timeline,
                scope=MainScreen.entity_scope,
            )
        with Horizontal(id="job"):
            yield Label(id="job-label")
            yield ProgressBar(id="job-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self._open_library()

    async def on_unmount(self) -> None:
        if self.library is not None:
            import asyncio

            library, self.library = self.library, None
            await asyncio.to_thread(library.close)

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

    @property
    def query_string(self) -> str:
        return describe(self.search_query, unread_only=self.unread_only)

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

    # -- reading -----------------------------------------------------------------------------
    @on(ArticleList.Chosen)
    def _chosen(self, message: ArticleList.Chosen) -> None:
        message.stop()
        self.open_article(message.article.id)
        self.query_one(ReaderView).focus()

    @on(ReaderView.Step)
    def _step(self, message: ReaderView.Step) -> None:
        message.stop()
        article = self.query_one(ArticleList).step(message.delta)
        if article is None:
            self.notify("No more articles that way.", timeout=2)
        else:
            self.open_article(article.id)

    @on(ReaderView.RelatedChosen)
    def _related(self, message: ReaderView.RelatedChosen) -> None:
        message.stop()
        self.query_one(ArticleList).select_article(message.article_id)
        self.open_article(message.article_id)

    def show_article(self, article_id: str) -> None:
        """Open `article_id` from outside the list (the palette): the keys then act on it."""
        self.query_one(ArticleList).select_article(article_id)
        self.open_article(article_id)
        # After the palette has closed and handed focus back to the list.
        self.call_after_refresh(self.query_one(ReaderView).focus)

    def open_article(self, article_id: str) -> None:
        if self.library is not None:
            self._open_article(
                self.library, article_id, str(self.search_query).strip(), self._flag_sequence
            )

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _open_article(self, library: Library, article_id: str, query: str, sequence: int) -> None:
        article = library.article(article_id)
        if article is None:
            raise LookupError("That article is no longer in the library.")
        if not article.read:
            # Ordered like a key press: an `m` pressed after opening wins over this write.
            with self._flag_lock:
                if self._flag_written.get((article.id, "read"), 0) <= sequence:
                    library.set_read(article.id, True)
                    self._flag_written[(article.id, "read")] = sequence
            article = replace(article, read=True)
        highlights = tuple(library.highlight_spans(article.id, query)) if query else ()
        story = tuple(library.story(article.story)) if article.story_size > 1 else ()
        # The other sources are listed on their own; "more like this" is everything else.
        seen = {member.id for member in story} | {article.id}
        similar = tuple(
            hit
            for hit in library.more_like_this(article.id, limit=SIMILAR + len(seen))
            if hit.article.id not in seen
        )[:SIMILAR]
        if not get_current_worker().is_cancelled:
            self.post_message(ArticleOpened(Reading(article, highlights, story, similar)))

    @on(ArticleOpened)
    def _opened(self, message: ArticleOpened) -> None:
        self.reading = message.reading
        self.add_class("-reading")
        self.query_one(ArticleList).update_article(message.reading.article.id, read=True)

    @on(ArticleList.StoryToggled)
    def _story_toggled(self, message: ArticleList.StoryToggled) -> None:
        message.stop()
        if message.expand and self.library is not None:
            self._load_story(self.library, message.article)

    @work(thread=True, group="story", exit_on_error=False)
    def _load_story(self, library: Library, article: ArticleSummary) -> None:
        self.post_message(StoryLoaded(article.id, library.story(article.story)))

    @on(StoryLoaded)
    def _story_loaded(self, message: StoryLoaded) -> None:
        self.query_one(ArticleList).expand_story(message.article_id, message.members)

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

    # -- flags -------------------------------------------------------------------------------
    def _target(self) -> ArticleSummary | None:
        """The article a key acts on: the open one from the reader, else the list's cursor."""
        reader = self.query_one(ReaderView)
        focused = self.focused
        if (
            self.reading is not None
            and focused is not None
            and reader in focused.ancestors_with_self
        ):
            return self.reading.article
        return self.query_one(ArticleList).current or (
            self.reading.article if self.reading else None
        )

    def _set_flag(
        self, article: ArticleSummary, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        if self.library is None:
            return
        self.query_one(ArticleList).update_article(article.id, read=read, starred=starred)
        if self.reading is not None and self.reading.article.id == article.id:
            changes: dict[str, bool] = {}
            if read is not None:
                changes["read"] = read
            if starred is not None:
                changes["starred"] = starred
            self.reading = replace(self.reading, article=replace(self.reading.article, **changes))
        self._flag_sequence += 1
        self._save_flag(self.library, article.id, read, starred, self._flag_sequence)

    @work(thread=True, group="flags", exit_on_error=False)
    def _save_flag(
        self,
        library: Library,
        article_id: str,
        read: bool | None,
        starred: bool | None,
        sequence: int,
    ) -> None:
        """Write a flag unless a newer change of the same flag has already been written."""
        for flag, value, write in (
            ("read", read, library.set_read),
            ("starred", starred, library.set_starred),
        ):
            if value is None:
                continue
            with self._flag_lock:
                if self._flag_written.get((article_id, flag), 0) > sequence:
                    continue  # a later press has been saved already
                write(article_id, value)
                self._flag_written[(article_id, flag)] = sequence

    def action_toggle_read(self) -> None:
        article = self._target()
        if article is not None:
            self._set_flag(article, read=not self._current_flags(article)[0])

    def action_toggle_star(self) -> None:
        article = self._target()
        if article is not None:
            self._set_flag(article, starred=not self._current_flags(article)[1])

    def _current_flags(self, article: ArticleSummary) -> tuple[bool, bool]:
        """(read, starred) as shown now: the list's row may be newer than `article`."""
        listed = self.query_one(ArticleList).find(article.id)
        source = listed or article
        if self.reading is not None and self.reading.article.id == article.id:
            source = self.reading.article
        return source.read, source.starred

    def action_toggle_unread_only(self) -> None:
        self.unread_only = not self.unread_only

    def action_drop_filter(self) -> None:
        if self.search_query.filters:
            self.search_query = self.search_query.without_last()
        elif self.unread_only:
            self.unread_only = False
        else:
            self.app.bell()

    # -- links -------------------------------------------------------------------------------
    def _no_article(self) -> bool:
        if self._target() is None:
            self.notify("No article open.", severity="warning", timeout=3)
            return True
        return False

    def action_open_link(self) -> None:
        if self._no_article():
            return
        article = self._target()
        assert article is not None
        url = web_link(article.url)
        if url is None:
            message = (
                "This article's link is not an http(s) web address, so it is not opened."
                if article.url and article.url.strip()
                else "This article has no web link to open."
            )
            self.notify(message, severity="warning", timeout=3)
            return
        self._open_in_browser(url)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, url: str) -> None:
        if not webbrowser.open(url):
            raise OSError("No web browser could be started.")

    def action_copy_link(self) -> None:
        if self._no_article():
            return
        article = self._target()
        if article is None or not article.url:
            self.notify("This article has no link to copy.", severity="warning", timeout=3)
            return
        self.app.copy_to_clipboard(one_line(article.url))
        self.notify("Link copied.", timeout=2)

    # -- moving around -----------------------------------------------------------------------
    def _panes(self) -> list[Widget]:
        panes: list[Widget] = [self.query_one(ArticleList)]
        reader = self.query_one(ReaderView)
        if reader.display:
            panes.append(reader)
            related = self.query_one(RelatedList)
            if related.display and related.option_count:
                panes.append(related)
        if self.query_one(EntitySidebar).display:
            panes.append(self.query_one(EntityList))
        return panes

    def action_cycle_pane(self, direction: int) -> None:
        panes = self._panes()
        focused = self.focused
        # The innermost pane holding the focus (the related list is inside the reader).
        current = -1
        for i, pane in enumerate(panes):
            if focused is not None and pane in focused.ancestors_with_self:
                current = i
        target = panes[(current + direction) % len(panes)]
        if self.has_class("-sidebar-open") and target is not self.query_one(EntityList):
            self.remove_class("-sidebar-open")  # leaving the overlay closes it
        target.focus()

    def action_search(self) -> None:
        self.query_one(SearchBar).focus_input()

    def action_back(self) -> None:
        focused = self.focused
        if self.has_class("-sidebar-open"):
            self.remove_class("-sidebar-open")
        elif isinstance(focused, Input):
            pass
        elif focused is not None and self.query_one(ArticleList) is focused:
            return
        self.query_one(ArticleList).focus()

    def action_focus_entities(self) -> None:
        if self.has_class("-narrow"):
            self.add_class("-sidebar-open")
        self.call_after_refresh(self.query_one(EntityList).focus)

    def action_toggle_entity_scope(self) -> None:
        self.entity_scope = "article" if self.entity_scope == "results" else "results"

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen(self.key_display))

    def action_accept_suggestion(self) -> None:
        suggestion = self.result.suggestion if self.result else None
        if not suggestion:
            return
        text = suggested_text(one_line(suggestion), self.search_query, unread_only=self.unread_only)
        self.apply_query(Query(text=text, filters=self.search_query.filters))

    # -- saved searches ----------------------------------------------------------------------
    def action_save_search(self) -> None:
        if self.library is None:
            return
        name = readable(self.search_query) or "Everything"
        self._save_search(self.library, SavedSearch(name, self.search_query))

    @work(thread=True, group="state", exit_on_error=False)
    def _save_search(self, library: Library, search: SavedSearch) -> None:
        saved = [s for s in load_saved(library.get_state(SAVED_SEARCHES)) if s.name != search.name]
        saved.append(search)
        library.set_state(SAVED_SEARCHES, dump_saved(saved))
        self.app.call_from_thread(
            self.notify, f"Saved search: {search.name}", timeout=3, markup=False
        )

    # -- jobs in another process -------------------------------------------------------------
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

    @on(StartJob)
    def _start_job_message(self, message: StartJob) -> None:
        self._start_job(message.title, message.target, message.kwargs)

    def action_load_sample(self) -> None:
        from reader.demo import corpus_inputs

        self._start_job(
            "Adding the sample news", "index.jobs:add", {"inputs": corpus_inputs(), "tags": []}
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "load_sample":
            return self.has_class("-empty")
        return True

    def _start_job(self, title: str, target: str, kwargs: dict[str, Any]) -> None:
        if self._job_running:
            self.notify("Wait for the current job to finish.", severity="warning", timeout=3)
            return
        self._job_running = True
        self.query_one("#job-label", Label).update(title + "…")
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.add_class("-job")
        self._run_job(title, target, kwargs)

    @work(thread=True, group="job", exit_on_error=False)
    def _run_job(self, title: str, target: str, kwargs: dict[str, Any]) -> None:
        from index.jobs import run_job

        def progress(event: Progress) -> None:
            self.post_message(JobProgress(title, event))

        report = run_job(target, self.library_path, kwargs, on_progress=progress)
        self.post_message(JobDone(title, report_summary(report)))

    @on(JobProgress)
    def _job_progress(self, message: JobProgress) -> None:
        progress = message.progress
        label = f"{message.title}: {one_line(progress.stage)}"
        if progress.message:
            label += f" · {one_line(progress.message)}"
        self.query_one("#job-label", Label).update(label)
        self.query_one(ProgressBar).update(total=progress.total, progress=progress.done)

    @on(JobDone)
    def _job_done(self, message: JobDone) -> None:
        self.notify(one_line(message.summary), title=message.title, timeout=6, markup=False)
        self._search()

    def _job_finished(self) -> None:
        self._job_running = False
        self.remove_class("-job")

    # -- one place for failures ----------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "job" and event.state in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            self._job_finished()
        if event.state != WorkerState.ERROR:
            return
        if worker.group in ("search", "library"):
            self.busy = False
        error = worker.error
        what = {
            "library": "Cannot open the library",
            "search": "Search failed",
            "page": "Could not load more results",
            "article": "Cannot open the article",
            "job": "The job failed",
            "browser": "Cannot open the link",
        }.get(worker.group, "Something went wrong")
        self.notify(
            one_line(str(error)) or type(error).__name__,
            title=what,
            severity="error",
            timeout=8,
            markup=False,
        )
