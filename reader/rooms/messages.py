"""What the main screen's workers report back to the event loop."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from index.library import Library
from index.model import Article, ArticleSummary, EntityCount, Progress, SearchResult
from index.query import Query

from ..filter_follow import ChipTrail
from ..widgets.reader_view import Reading


class LibraryReady(Message):
    def __init__(self, library: Library, query: Query, trail: ChipTrail | None = None) -> None:
        super().__init__()
        self.library = library
        #: The query to reopen on, its chips followed through corrections made meanwhile.
        self.query = query
        #: The chips' story (`filter_follow.ChipTrail`) that following left.
        self.trail = trail


class SearchDone(Message):
    def __init__(
        self,
        generation: int,
        result: SearchResult,
        offset: int,
        query: str = "",
        blocked: str | None = None,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.result = result
        self.offset = offset
        #: The query string searched: the list keeps its cursor when it is searched again.
        self.query = query
        #: Why nothing matched when a filter names only a blocked entity (`blocked_in_query`).
        self.blocked = blocked


class ArticleOpened(Message):
    def __init__(self, reading: Reading) -> None:
        super().__init__()
        self.reading = reading


class ArticleEntitiesRead(Message):
    """The open article read again after an entity correction: its mentions and names."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article


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


class FlagNotSaved(Message):
    """A read or star write failed (a library that became read-only, a full disk): the screen
    takes back what it showed, and the user is told why."""

    def __init__(
        self,
        article_id: str,
        flag: str,
        value: bool,
        sequence: int,
        error: BaseException,
        *,
        shown: bool,
    ) -> None:
        super().__init__()
        self.article_id = article_id
        #: "read" or "starred", and the value that was not saved.
        self.flag = flag
        self.value = value
        #: The press it came from (a later press of the same flag keeps what it shows).
        self.sequence = sequence
        #: Why, in the error's words (its type when it has none).
        self.reason = str(error) or type(error).__name__
        #: Whether the screen showed `value` before the write (a key press did; opening an
        #: article marks it read on screen only once the write has succeeded).
        self.shown = shown
