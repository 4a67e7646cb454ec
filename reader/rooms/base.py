"""The state every room of the main screen shares.

A room is a `Screen` subclass holding one concern's handlers and actions; `MainScreen` inherits
from all of them. Rooms subclass `Screen` (rather than being plain mixins) so Textual collects
their `@on` handlers and reactive vars; the state they share is declared once here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual.reactive import var
from textual.screen import Screen

from index.changes import Change
from index.library import Library
from index.model import ArticleSummary, SearchResult
from index.query import Query

from ..commands import Command
from ..widgets.article_list import ArticleList
from ..widgets.entity_timeline import EntityTimeline
from ..widgets.reader_view import ReaderView, Reading

#: Hits per page of the article list.
PAGE_SIZE = 100
#: "More like this" entries under an article.
SIMILAR = 5


class Room(Screen[None]):
    """The main screen's shared state: reactive vars the panes are bound to, and the library."""

    search_query: var[Query] = var(Query, init=False)
    unread_only: var[bool] = var(False, init=False)
    #: Newest first even when the query has words to rank by (`D`); without words the list
    #: is newest first anyway.
    sort_by_date: var[bool] = var(False, init=False)
    result: var[SearchResult | None] = var(None)
    reading: var[Reading | None] = var(None)
    entity_scope: var[str] = var("results")
    #: The timeline of the sidebar's entity under the cursor (None: no entity, or not loaded).
    timeline: var[EntityTimeline | None] = var(None)
    #: True while the library opens or a search runs.
    busy: var[bool] = var(True)
    #: Articles another process added while this query was shown (the chips say "N new").
    new_articles: var[int] = var(0)
    #: A job the user started (`r`, `+`, `d`, `t`) may be writing: arrivals are their own,
    #: not "new" (reader.rooms.live), until the first poll after it ended.
    _own_changes: bool = False
    #: `feed:`/`tag:` scopes chosen in the feeds view, as (kind, value, label); they stack
    #: with the query and its entity filters.
    scopes: var[tuple[tuple[str, str, str], ...]] = var((), init=False)

    library_path: Path
    library: Library | None
    key_display: Callable[[type[Command]], str]
    _generation: int
    _job_running: bool
    #: The query string the list shows, so a re-search of it keeps the cursor.
    _shown_query: str | None
    # Flag writes run in threads; a sequence number per (article, flag) and a lock make the
    # saved state the last one shown, whatever order the threads run in.
    _flag_lock: threading.Lock
    _flag_sequence: int
    _flag_written: dict[tuple[str, str], int]
    #: The sequence of the last press of each (article, flag): a failed write is taken back
    #: on screen only when no later press has changed the flag since.
    _flag_pressed: dict[tuple[str, str], int]
    #: The direction of a "next unread" waiting for the next page of results (0: none).
    _unread_pending: int
    #: Batches of ids that "mark all read" changed, newest last (what `U` restores).
    _read_batches: list[list[str]]

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

    def refuse_write(self, what: str) -> bool:
        """True, after saying so once, when the library is read-only and `what` cannot be
        saved: the screen then shows nothing that was not saved (a star drawn and an error
        after it was QA 5's finding)."""
        library = self.library
        if library is None or not library.read_only:
            return False
        self.notify(
            f"The library is read-only: {what} cannot be saved, so nothing changed.",
            title="Read-only library",
            severity="warning",
            timeout=4,
            markup=False,
        )
        return True

    # -- what one room asks of another (each implemented by the room named) --------------
    def _search(self) -> None:
        """Run the current query again (searching)."""
        raise NotImplementedError

    @property
    def query_string(self) -> str:
        """The query the list shows, as the back end searches it (searching)."""
        raise NotImplementedError

    def open_article(self, article_id: str) -> None:
        """Open `article_id` in the reader (reading)."""
        raise NotImplementedError

    def refresh_open_entities(self) -> None:
        """Show the open article's entities as the registry now has them (reading)."""
        raise NotImplementedError

    def refresh_flags(self) -> None:
        """Show the flags another process wrote, for the rows shown and the open article
        (flags)."""
        raise NotImplementedError

    def refresh_open_pages(self, change: Change) -> None:
        """Have the entity and story pages open over this screen follow `change` (pages)."""
        raise NotImplementedError

    def apply_query(self, query: Query) -> None:
        """Search `query` and show it in the search bar (searching)."""
        raise NotImplementedError

    def _set_flag(
        self, article: ArticleSummary, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Change a flag on screen and save it in order (flags)."""
        raise NotImplementedError
