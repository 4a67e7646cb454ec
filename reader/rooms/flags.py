"""Flags: read and starred, written in order whatever order the worker threads run in."""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.message import Message

from index.library import Library
from index.model import ArticleSummary

from ..widgets.article_list import ArticleList
from .base import Room
from .messages import SearchDone


class StoryStars(Message):
    """The starred sources of stories the list shows one row for."""

    def __init__(self, generation: int, stars: dict[str, set[str]]) -> None:
        super().__init__()
        self.generation = generation
        self.stars = stars


class FlagsRoom(Room):
    def _set_flag(
        self, article: ArticleSummary, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        if self.library is None:
            return
        self.query_one(ArticleList).update_article(article.id, read=read, starred=starred)
        if self.reading is not None and self.reading.article.id == article.id:
            shown = self.reading.article
            marked = replace(
                shown,
                read=shown.read if read is None else read,
                starred=shown.starred if starred is None else starred,
            )
            self.reading = replace(self.reading, article=marked)
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

    @on(SearchDone)
    def _look_up_story_stars(self, message: SearchDone) -> None:
        """A story's row stands for all its sources, but a hit carries only its own flags: a
        starred source that did not lead would be hidden until the story is expanded. The
        page's stories of several sources are read (off the UI thread) for their stars."""
        if message.generation != self._generation or self.library is None:
            return
        stories = {
            hit.article.story
            for hit in message.result.hits
            if hit.article.story and hit.article.story_size > 1
        }
        if stories:
            self._read_story_stars(self.library, message.generation, stories)

    @work(thread=True, group="story-stars", exit_on_error=False)
    def _read_story_stars(self, library: Library, generation: int, stories: set[str]) -> None:
        stars = {story: {a.id for a in library.story(story) if a.starred} for story in stories}
        self.post_message(StoryStars(generation, stars))

    @on(StoryStars)
    def _story_stars_read(self, message: StoryStars) -> None:
        if message.generation == self._generation:
            self.query_one(ArticleList).set_story_stars(message.stars)

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
