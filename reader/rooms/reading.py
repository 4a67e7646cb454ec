"""Reading: opening articles, stepping through the list, stories and related articles, links,
and moving between the panes."""

from __future__ import annotations

import webbrowser
from dataclasses import replace
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from textual import on, work
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import get_current_worker

from index.library import Library
from index.model import ArticleSummary

from ..render import one_line
from ..widgets.article_list import ArticleList
from ..widgets.entity_sidebar import EntityList, EntitySidebar
from ..widgets.reader_view import ReaderView, Reading, RelatedList
from .base import SIMILAR, Room
from .flags import WRITE_ERRORS
from .messages import ArticleEntitiesRead, ArticleOpened, FlagNotSaved, StoryLoaded


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


class ReadingRoom(Room):
    # -- opening -----------------------------------------------------------------------------
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
                self.library,
                article_id,
                str(self.search_query).strip(),
                self._flag_sequence,
                self.read_on_open,
            )

    @property
    def read_on_open(self) -> bool:
        """`[reading] read_on_open` of config.toml (on by default)."""
        config = getattr(self.app, "config", None)
        return bool(getattr(config, "read_on_open", True))

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _open_article(
        self, library: Library, article_id: str, query: str, sequence: int, mark: bool = True
    ) -> None:
        article = library.article(article_id)
        if article is None:
            raise LookupError("That article is no longer in the library.")
        if mark and not article.read and not library.read_only:
            # Ordered like a key press: an `m` pressed after opening wins over this write.
            # Opening never fails with the mark: the article opens unread, and why is said.
            saved = True
            with self._flag_lock:
                if self._flag_written.get((article.id, "read"), 0) <= sequence:
                    try:
                        library.set_read(article.id, True)
                    except WRITE_ERRORS as error:
                        saved = False
                        self.post_message(
                            FlagNotSaved(article.id, "read", True, sequence, error, shown=False)
                        )
                    else:
                        self._flag_written[(article.id, "read")] = sequence
            if saved:
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
        article = message.reading.article
        self.query_one(ArticleList).update_article(article.id, read=article.read)

    # -- the open article after an entity correction ------------------------------------------
    def refresh_open_entities(self) -> None:
        """Re-read the open article's mentions and entity names in a worker, after a
        correction here or in another process: a rename, retype, merge or block changes the
        names and colours the reader shows (and the sidebar's "this article" scope), and
        nothing else about the article, so nothing else is reloaded."""
        if self.library is not None and self.reading is not None:
            self._read_entities(self.library, self.reading.article.id)

    @work(thread=True, exclusive=True, group="article-entities", exit_on_error=False)
    def _read_entities(self, library: Library, article_id: str) -> None:
        article = library.article(article_id)
        if article is not None and not get_current_worker().is_cancelled:
            self.post_message(ArticleEntitiesRead(article))

    @on(ArticleEntitiesRead)
    def _entities_read(self, message: ArticleEntitiesRead) -> None:
        reading, fresh = self.reading, message.article
        if reading is None or reading.article.id != fresh.id:
            return  # another article was opened (or the reader closed) meanwhile
        # Only the entities: the flags shown may be newer than the row read (a key press
        # whose write is still on its way), and the highlights belong to the opening query.
        article = replace(
            reading.article,
            mentions=fresh.mentions,
            people=fresh.people,
            places=fresh.places,
            orgs=fresh.orgs,
        )
        if article != reading.article:
            # The same article: the reader repaints the body and keeps its scroll position.
            self.reading = replace(reading, article=article)

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
        self._open_in_browser(url, article)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, url: str, article: ArticleSummary) -> None:
        if not webbrowser.open(url):
            raise OSError("No web browser could be started.")
        # Read in the browser is read (a read-only library has said at start it keeps none).
        if self.library is not None and not self.library.read_only:
            self.app.call_from_thread(self._set_flag, article, read=True)

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
            self.remove_class("-sidebar-open")  # leaving the narrow sidebar closes it
        target.focus()

    def action_back(self) -> None:
        """Escape: leave the search bar or the narrow sidebar; from the reader go back to the
        list (closing the reader on a narrow terminal, where it takes the list's rows); on the
        list close the open article so the list gets the whole pane."""
        focused = self.focused
        if self.has_class("-sidebar-open"):
            self.remove_class("-sidebar-open")
        elif isinstance(focused, Input):
            pass
        elif focused is not None and self.query_one(ArticleList) is focused:
            self.close_reader()
            return
        elif (
            focused is not None
            and self.query_one(ReaderView) in focused.ancestors_with_self
            and self.has_class("-narrow")
        ):
            self.close_reader()
        self.query_one(ArticleList).focus()

    def close_reader(self) -> None:
        """Close the open article; the list keeps its cursor on it."""
        if self.reading is None:
            return
        self.query_one(ArticleList).select_article(self.reading.article.id)
        self.reading = None
        self.remove_class("-reading")

    def action_focus_entities(self) -> None:
        if self.has_class("-narrow"):
            self.add_class("-sidebar-open")
        self.call_after_refresh(self.query_one(EntityList).focus)

    def action_help(self) -> None:
        from ..screens.help import HelpScreen

        app: Any = self.app
        self.app.push_screen(HelpScreen(partial(app.key_display, every=True)))
