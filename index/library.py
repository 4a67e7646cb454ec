"""`Library`: the one facade between what the user sees (`reader/`) and the back end.

A library is a folder: `library.sqlite` (the source of truth) and `whoosh/` (derived from it,
rebuilt when missing or unreadable). Every method is safe to call from a worker thread: each
thread gets its own SQLite connection and Whoosh searcher.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .model import (
    AddReport,
    Article,
    ArticleSummary,
    EntityCount,
    EntityType,
    FeedInfo,
    Hit,
    Progress,
    SearchResult,
)

ProgressCallback = Callable[[Progress], None]


class Library:
    """Open with `Library.open(path)`; close with `close()` or use it as a context manager."""

    path: Path

    @classmethod
    def open(cls, path: str | Path | None = None, *, create: bool = True) -> Library:
        """Open the library folder at `path` (default: `DATELINE_LIBRARY` or the user data dir).

        Raises `LibraryError` for a folder written by a newer Dateline, or one that is not a
        library and `create` is false.
        """
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- getting news in -------------------------------------------------------------------
    def add(
        self,
        inputs: Sequence[str],
        *,
        progress: ProgressCallback | None = None,
        tags: Sequence[str] = (),
    ) -> AddReport:
        """Add files, folders (recursively), globs, http(s) URLs and OPML files.

        One bad input never stops the batch: it is reported in its `InputResult`.
        This runs in the calling process; the TUI calls it through `index.jobs` so that parsing,
        NER and indexing happen in a separate process.
        """
        raise NotImplementedError

    def refresh(self, *, progress: ProgressCallback | None = None) -> AddReport:
        """Fetch every subscription concurrently (conditional GET) and add what is new."""
        raise NotImplementedError

    def reindex(self, *, progress: ProgressCallback | None = None) -> int:
        """Rebuild the Whoosh index from SQLite; returns the number of articles indexed."""
        raise NotImplementedError

    # -- finding it again -------------------------------------------------------------------
    def search(
        self,
        query: str = "",
        *,
        limit: int = 50,
        offset: int = 0,
        sort: str = "relevance",
        facets: bool = True,
    ) -> SearchResult:
        """Search with Dateline's query language (see README). An empty query lists everything
        newest first. A malformed query returns a result whose `error` says what is wrong."""
        raise NotImplementedError

    def article(self, article_id: str) -> Article | None:
        raise NotImplementedError

    def articles(self, ids: Sequence[str] | None = None) -> list[ArticleSummary]:
        """Summaries of the given ids (in that order), or of every article, newest first."""
        raise NotImplementedError

    def story(self, story_id: str) -> list[ArticleSummary]:
        """Every article of a story, oldest first."""
        raise NotImplementedError

    def more_like_this(self, article_id: str, *, limit: int = 10) -> list[Hit]:
        raise NotImplementedError

    def highlight_spans(self, article_id: str, query: str) -> list[tuple[int, int]]:
        """Character spans in the article's body that the query's words match (stemmed)."""
        raise NotImplementedError

    def entities(
        self,
        type_: EntityType | None = None,
        *,
        query: str | None = None,
        limit: int | None = None,
    ) -> list[EntityCount]:
        """Entities with article counts over the library, or over the results of `query`."""
        raise NotImplementedError

    def entity_timeline(self, name: str, type_: EntityType) -> list[tuple[str, int]]:
        """(YYYY-MM-DD, article count) for an entity, oldest first: the sidebar's sparkline."""
        raise NotImplementedError

    # -- user state -------------------------------------------------------------------------
    def set_read(self, article_id: str, read: bool = True) -> None:
        raise NotImplementedError

    def set_starred(self, article_id: str, starred: bool = True) -> None:
        raise NotImplementedError

    def get_state(self, key: str, default: str | None = None) -> str | None:
        """Small persistent UI state (last query, saved searches as JSON)."""
        raise NotImplementedError

    def set_state(self, key: str, value: str | None) -> None:
        raise NotImplementedError

    # -- feeds ------------------------------------------------------------------------------
    def feeds(self) -> list[FeedInfo]:
        raise NotImplementedError

    def add_feed(self, url: str, *, title: str | None = None, tags: Sequence[str] = ()) -> FeedInfo:
        raise NotImplementedError

    def remove_feed(self, url: str) -> bool:
        raise NotImplementedError

    def export_opml(self) -> str:
        raise NotImplementedError

    # -- entity corrections (undoable; the index follows) -----------------------------------
    def merge_entities(self, keep: str, other: str, *, type_: EntityType | None = None) -> str:
        raise NotImplementedError

    def split_entity(self, name: str, alias: str, *, type_: EntityType | None = None) -> str:
        raise NotImplementedError

    def rename_entity(self, name: str, new_name: str, *, type_: EntityType | None = None) -> str:
        raise NotImplementedError

    def alias_entity(self, name: str, alias: str, *, type_: EntityType | None = None) -> str:
        raise NotImplementedError

    def undo_entity_change(self) -> str | None:
        raise NotImplementedError


class LibraryError(Exception):
    """A library that cannot be opened; the message is meant for the user."""
