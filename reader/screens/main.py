"""The main screen: search bar, filter chips, article list, reader and entity sidebar.

The screen owns the state (`search_query`, `unread_only`, `result`, `reading`, …) in reactive
vars; the panes are bound to it with `data_bind` and report what the user did with domain
messages. Each concern lives in its own room (`reader.rooms`: searching, reading, flags, jobs,
feeds) and this class puts them together. All library I/O runs in thread workers that post
result messages back; a worker that fails is reported in one place (`on_worker_state_changed`)
as a notification.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Label, ProgressBar, Static
from textual.worker import Worker, WorkerState

from index.library import Library

from ..commands import (
    SCREEN_COMMANDS,
    AcceptSuggestion,
    AddNews,
    Command,
    EntityScope,
    LoadSample,
    bindings,
    footer_order,
)
from ..entity_commands import EntityCorrections
from ..providers import (
    ArticlesProvider,
    CommandsProvider,
    EntitiesProvider,
    SavedSearchesProvider,
)
from ..render import one_line
from ..rooms.base import PAGE_SIZE, SIMILAR
from ..rooms.feeds import FeedsRoom
from ..rooms.flags import FlagsRoom
from ..rooms.jobs import JobsRoom, report_summary
from ..rooms.live import LiveRoom
from ..rooms.messages import (
    ArticleOpened,
    JobDone,
    JobProgress,
    LibraryReady,
    SearchDone,
    StartJob,
    StoryLoaded,
    TimelineLoaded,
)
from ..rooms.reading import ReadingRoom, web_link
from ..rooms.saving import SavingRoom
from ..rooms.schedule import ScheduleRoom
from ..rooms.searching import SearchingRoom
from ..rooms.unread import UnreadRoom
from ..state import LAST_QUERY
from ..widgets.article_list import ArticleList
from ..widgets.entity_sidebar import EntitySidebar
from ..widgets.filter_chips import FilterChips
from ..widgets.reader_view import ReaderView
from ..widgets.search_bar import SearchBar
from ..widgets.welcome import Welcome
from .pages_room import PAGE_COMMANDS, EntityPagesProvider, PagesRoom

__all__ = [
    "PAGE_SIZE",
    "SIMILAR",
    "WIDE",
    "ArticleOpened",
    "JobDone",
    "JobProgress",
    "LibraryReady",
    "MainScreen",
    "SearchDone",
    "StartJob",
    "StoryLoaded",
    "TimelineLoaded",
    "report_summary",
    "web_link",
]


def _close(library: Library, unsaved_query: str | None) -> None:
    """Save the query to reopen on (if the settle timer had not yet) and close the library."""
    try:
        if unsaved_query is not None and not library.read_only:
            library.set_state(LAST_QUERY, unsaved_query)
    finally:
        library.close()


#: The footer's actions that need an article: hidden while the library is empty.
NEEDS_ARTICLES = frozenset({"toggle_read", "toggle_star", "toggle_unread_only", "step_unread"})

#: From this width the list, reader and sidebar sit side by side; below, they stack.
WIDE = 140
#: From this width the sidebar grows (main.tcss): long names were cut at 32 columns on a
#: 220-column terminal whose list and reader had room to spare.
WIDER = 180


class MainScreen(
    EntityCorrections,
    PagesRoom,
    SearchingRoom,
    SavingRoom,
    ReadingRoom,
    FlagsRoom,
    UnreadRoom,
    JobsRoom,
    FeedsRoom,
    LiveRoom,
    ScheduleRoom,
):
    CSS_PATH = "main.tcss"
    BINDINGS: ClassVar[list[BindingType]] = bindings(*footer_order(SCREEN_COMMANDS), *PAGE_COMMANDS)
    COMMANDS: ClassVar[set[Any]] = {
        CommandsProvider,
        EntitiesProvider,
        EntityPagesProvider,
        ArticlesProvider,
        SavedSearchesProvider,
    }
    # Textual declares it `ClassVar[list[tuple[int, str]]] | None` (ClassVar inside a union), which
    # mypy reads as an instance variable: the class variable here is what Textual means.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [  # type: ignore[misc]
        (0, "-narrow"),
        # Three panes only where the list keeps a readable title column beside the reader.
        (WIDE, "-wide"),
        (WIDER, "-wider"),
    ]
    AUTO_FOCUS = "#articles"

    def __init__(self, library_path: Path, *, key_display: Callable[[type[Command]], str]) -> None:
        super().__init__()
        self.library_path = library_path
        self.library: Library | None = None
        self.key_display = key_display
        self._generation = 0
        self._job_running = False
        self._shown_query = None
        self._flag_lock = threading.Lock()
        self._flag_sequence = 0
        self._flag_written = {}
        self._flag_pressed = {}
        self._unread_pending = 0
        self._read_batches = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield SearchBar(suggestion_key=self.key_display(AcceptSuggestion), id="search").data_bind(
            MainScreen.result,
            MainScreen.busy,
            MainScreen.search_query,
            MainScreen.unread_only,
            MainScreen.sort_by_date,
        )
        yield FilterChips(id="chips").data_bind(
            MainScreen.search_query,
            MainScreen.unread_only,
            MainScreen.new_articles,
            MainScreen.scopes,
        )
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield ArticleList(id="articles")
                yield Static(id="no-match")  # what an empty result says (not an empty library)
                yield Welcome(
                    sample_key=self.key_display(LoadSample),
                    add_key=self.key_display(AddNews),
                    id="welcome",
                )
            yield ReaderView(id="reader").data_bind(MainScreen.reading)
            yield EntitySidebar(scope_key=self.key_display(EntityScope), id="sidebar").data_bind(
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
        self._stop_job()
        self._stop_watching()
        self._stop_schedule()
        if self.library is not None:
            import asyncio

            unsaved = self._unsaved_query()
            library, self.library = self.library, None
            await asyncio.to_thread(_close, library, unsaved)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An empty library has no article to mark, star or step to: the footer offered
        # `m Read`, `s Star`, `u Unread` over the welcome (QA 5); they come back with news.
        if action in NEEDS_ARTICLES and self.has_class("-empty"):
            return False
        # "/" typed in a query is text: with the search bar focused the input gets the key.
        return not (action == "search" and self.query_one(SearchBar).has_focus_within)

    # -- one place for failures ----------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "job" and event.state in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            self._job_finished(worker.error if event.state == WorkerState.ERROR else None)
        if event.state != WorkerState.ERROR:
            return
        if worker.group in ("search", "library"):
            self.busy = False
        error = worker.error
        if worker.group == "library":
            from .library_error import LibraryErrorScreen

            reason = one_line(str(error)) or type(error).__name__
            self.app.push_screen(LibraryErrorScreen(str(self.library_path), reason))
            return
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
