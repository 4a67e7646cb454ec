"""Flags: read and starred, written in order whatever order the worker threads run in."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from textual import on, work
from textual.message import Message

from index.library import Library, LibraryError
from index.model import ArticleSummary

from ..render import one_line
from ..widgets.article_list import ArticleList
from .base import Room
from .messages import FlagNotSaved, LibraryReady, SearchDone

#: What a flag is called when its write is refused or fails.
FLAG_NAMES = {"read": "the read mark", "starred": "the star"}

#: What a failed flag write can raise: SQLite ("attempt to write a readonly database", a full
#: disk), the file system, or the library refusing a read-only folder (`LibraryError`).
WRITE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, OSError, LibraryError)


class StoryStars(Message):
    """The starred sources of stories the list shows one row for."""

    def __init__(self, generation: int, stars: dict[str, set[str]]) -> None:
        super().__init__()
        self.generation = generation
        self.stars = stars


class FlagsRead(Message):
    """Flags read again after another process changed some: (read, starred) by id, read
    when the press sequence stood at `sequence`."""

    def __init__(self, flags: dict[str, tuple[bool, bool]], sequence: int) -> None:
        super().__init__()
        self.flags = flags
        self.sequence = sequence


class FlagsRoom(Room):
    #: A failed read mark on opening is said once: every later open would fail the same way.
    _open_mark_failed: bool = False

    @on(LibraryReady)
    def _say_read_only(self, message: LibraryReady) -> None:
        """A read-only library (a read-only mount, another user's folder) reads and searches
        as any other; the title and one notice say from the start that nothing is saved."""
        if message.library.read_only:
            self.app.sub_title = "read-only library"
            self.notify(
                "This library is read-only: you can read and search it, but read marks, "
                "stars, saved searches and new articles cannot be saved.",
                title="Read-only library",
                severity="warning",
                timeout=8,
                markup=False,
            )

    def _set_flag(
        self, article: ArticleSummary, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        if self.library is None:
            return
        if self.refuse_write(FLAG_NAMES["read" if starred is None else "starred"]):
            return
        self._show_flag(article.id, read=read, starred=starred)
        self._flag_sequence += 1
        for flag, value in (("read", read), ("starred", starred)):
            if value is not None:
                self._flag_pressed[(article.id, flag)] = self._flag_sequence
        self._save_flag(self.library, article.id, read, starred, self._flag_sequence)

    def _show_flag(
        self, article_id: str, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Show a flag in the list and in the reader (when the article is open)."""
        self.query_one(ArticleList).update_article(article_id, read=read, starred=starred)
        if self.reading is not None and self.reading.article.id == article_id:
            shown = self.reading.article
            marked = replace(
                shown,
                read=shown.read if read is None else read,
                starred=shown.starred if starred is None else starred,
            )
            self.reading = replace(self.reading, article=marked)

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
                try:
                    write(article_id, value)
                except WRITE_ERRORS as error:
                    self.post_message(
                        FlagNotSaved(article_id, flag, value, sequence, error, shown=True)
                    )
                    continue
                self._flag_written[(article_id, flag)] = sequence

    @on(FlagNotSaved)
    def _flag_not_saved(self, message: FlagNotSaved) -> None:
        """Take back what the screen showed (unless a later press of the flag has changed it
        since) and say why, once: opening article after article must not repeat it."""
        key = (message.article_id, message.flag)
        if message.shown and self._flag_pressed.get(key) == message.sequence:
            taken_back = not message.value
            if message.flag == "read":
                self._show_flag(message.article_id, read=taken_back)
            else:
                self._show_flag(message.article_id, starred=taken_back)
        if not message.shown:
            if self._open_mark_failed:
                return
            self._open_mark_failed = True
        self.notify(
            one_line(message.reason),  # names the library's path: one plain line
            title=f"{FLAG_NAMES[message.flag].capitalize()} was not saved",
            severity="error",
            timeout=8,
            markup=False,
        )

    # -- flags written by another process -----------------------------------------------------
    def refresh_flags(self) -> None:
        """Read again the flags of the loaded rows and the open article (and the stars of the
        stories among them) after another process marked or starred articles: a few hundred
        lookups by id, never a search, at any library size."""
        if self.library is None:
            return
        shown = self.query_one(ArticleList).shown
        ids = [article.id for article in shown]
        if self.reading is not None:
            ids.append(self.reading.article.id)
        stories = {a.story for a in shown if a.story and a.story_size > 1}
        self._read_flags(self.library, ids, stories, self._flag_sequence, self._generation)

    @work(thread=True, exclusive=True, group="flag-follow", exit_on_error=False)
    def _read_flags(
        self, library: Library, ids: list[str], stories: set[str], sequence: int, generation: int
    ) -> None:
        self.post_message(FlagsRead(library.flags(ids), sequence))
        if stories:
            stars = {s: {a.id for a in library.story(s) if a.starred} for s in stories}
            self.post_message(StoryStars(generation, stars))

    @on(FlagsRead)
    def _flags_read(self, message: FlagsRead) -> None:
        articles = self.query_one(ArticleList)
        for article_id, (read, starred) in message.flags.items():
            shown = articles.find(article_id)
            if self.reading is not None and self.reading.article.id == article_id:
                shown = self.reading.article
            if shown is None:
                continue
            changes = {
                flag: value
                for flag, value, now in (
                    ("read", read, shown.read),
                    ("starred", starred, shown.starred),
                )
                if value != now and not self._unsaved(article_id, flag, message.sequence)
            }
            if changes:
                self._show_flag(
                    article_id, read=changes.get("read"), starred=changes.get("starred")
                )

    def _unsaved(self, article_id: str, flag: str, sequence: int) -> bool:
        """Whether this reader changed the flag after the flags were read, or its write is
        still on its way: the screen shows the user's own press, not the row read before it."""
        pressed = self._flag_pressed.get((article_id, flag), 0)
        return pressed > sequence or pressed > self._flag_written.get((article_id, flag), 0)

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
