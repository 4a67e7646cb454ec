"""The reading loop: next/previous unread across the whole result list, mark everything shown
as read and undo it, and the read-on-open setting."""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.message import Message

from index.library import Library

from ..widgets.article_list import ArticleList
from .base import Room
from .messages import SearchDone

#: Undo keeps this many "mark all read" batches.
UNDO_DEPTH = 20


class MarkedRead(Message):
    def __init__(self, ids: list[str], read: bool, undo: bool) -> None:
        super().__init__()
        self.ids = ids
        self.read = read
        self.undo = undo


class UnreadRoom(Room):
    # -- next / previous unread --------------------------------------------------------------
    def action_step_unread(self, delta: int) -> None:
        articles = self.query_one(ArticleList)
        current = articles.current
        if self.reading is None and current is not None and not current.read:
            # Nothing open: the unread row under the cursor is the next one to read (`g`
            # then `N` opened row 2 and skipped an unread row 1).
            self._unread_pending = 0
            self.open_article(current.id)
            return
        article = articles.next_unread(delta)
        if article is not None:
            self._unread_pending = 0
            self.open_article(article.id)
            return
        if delta > 0 and articles.load_more():
            self._unread_pending = delta  # try again when the page is in
            return
        if delta > 0 and not articles.complete:
            self._unread_pending = delta  # a page is already on its way
            return
        self._unread_pending = 0
        article = articles.wrap_unread(delta)
        if article is not None:
            end = "bottom" if delta > 0 else "top"
            self.notify(f"Hit the {end}: went on from the other end.", timeout=2)
            self.open_article(article.id)
            return
        self.notify("No more unread articles.", timeout=2)

    @on(SearchDone)
    def _page_for_unread(self, message: SearchDone) -> None:
        if message.offset and self._unread_pending:
            delta, self._unread_pending = self._unread_pending, 0
            self.call_after_refresh(self.action_step_unread, delta)

    # -- mark everything shown read, and undo ----------------------------------------------
    def action_mark_all_read(self) -> None:
        if self.library is None or self.result is None:
            return
        if self.refuse_write("marking everything read"):
            return
        total = self.query_one(ArticleList).total
        if not total:
            self.notify("Nothing to mark read.", timeout=2)
            return
        self._mark_all(self.library, self.query_string, total)

    @work(thread=True, group="flags", exit_on_error=False)
    def _mark_all(self, library: Library, query: str, total: int) -> None:
        result = library.search(query, limit=total, facets=False)
        ids = [hit.article.id for hit in result.hits]
        changed = library.mark_read(ids, True)
        self.post_message(MarkedRead(changed, True, undo=False))

    def action_undo_mark_read(self) -> None:
        if not self._read_batches or self.library is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        if self.refuse_write("undoing the read marks"):
            return
        self._unmark(self.library, self._read_batches.pop())

    @work(thread=True, group="flags", exit_on_error=False)
    def _unmark(self, library: Library, ids: list[str]) -> None:
        changed = library.mark_read(ids, False)
        self.post_message(MarkedRead(changed, False, undo=True))

    @on(MarkedRead)
    def _marked(self, message: MarkedRead) -> None:
        if not message.undo:
            if not message.ids:
                self.notify("Everything shown was read already.", timeout=3)
                return
            self._read_batches = [*self._read_batches[-(UNDO_DEPTH - 1) :], message.ids]
        ids = set(message.ids)
        self.query_one(ArticleList).set_read(ids, message.read)
        if self.reading is not None and self.reading.article.id in ids:
            article = replace(self.reading.article, read=message.read)
            self.reading = replace(self.reading, article=article)
        count = len(message.ids)
        noun = "article" if count == 1 else "articles"
        if message.undo:
            self.notify(f"{count} {noun} unread again.", timeout=3)
        else:
            self.notify(f"Marked {count} {noun} read. U undoes it.", timeout=4)
        if self.unread_only:
            self._search()
