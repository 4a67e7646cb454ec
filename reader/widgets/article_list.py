"""The article list: one row per story, fed a page of hits at a time."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import DataTable

from index.model import ArticleSummary, Hit

from ..commands import LIST_COMMANDS, bindings
from .article_cells import Row, layout, marks_cell, row_cells, title_cell

#: Ask for the next page when the cursor gets this close to the last loaded row.
LOAD_AHEAD = 10


class ArticleList(DataTable[Text]):
    """The hits of the current search. The screen feeds it pages; it says what the user did."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(*LIST_COMMANDS)

    class Highlighted(Message):
        """The cursor is on `article` (None when the list is empty)."""

        def __init__(self, article: ArticleSummary | None) -> None:
            super().__init__()
            self.article = article

    class Chosen(Message):
        """The user wants to read `article`."""

        def __init__(self, article: ArticleSummary) -> None:
            super().__init__()
            self.article = article

    class NeedMore(Message):
        """The cursor is near the end of what is loaded; `offset` hits have been consumed."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    class StoryToggled(Message):
        """Expand `article`'s story (the screen answers with `expand_story`) or fold it."""

        def __init__(self, article: ArticleSummary, expand: bool) -> None:
            super().__init__()
            self.article = article
            self.expand = expand

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self._rows: list[Row] = []
        self._stories: set[str] = set()
        self._expanded: dict[str, list[ArticleSummary]] = {}
        self._consumed = 0
        self.total = 0
        self._waiting = False
        self._columns: tuple[tuple[str, str, int], ...] = ()
        #: Story -> the ids of its starred sources, for stories whose other sources the
        #: screen looked up (`set_story_stars`) or the user expanded.
        self._story_stars: dict[str, set[str]] = {}

    def on_mount(self) -> None:
        self._set_columns()

    def on_resize(self) -> None:
        if self._layout() != self._columns:
            current = self.current
            self._rebuild(keep=current.id if current is not None else None)
        # Opening an article shrinks the pane (the reader takes room): the row being read
        # must stay on screen, not be left below a pane that still shows the top rows.
        self.call_after_refresh(self._cursor_into_view)

    def _cursor_into_view(self) -> None:
        if self.row_count and 0 <= self.cursor_row < self.row_count:
            self.move_cursor(row=self.cursor_row, scroll=True)

    def _layout(self) -> tuple[tuple[str, str, int], ...]:
        """(key, label, width) of each column for the rows loaded and the pane's width (see
        `article_cells.layout`)."""
        articles = [row.article for row in self._visible()]
        scrollbar = self.styles.scrollbar_size_vertical
        return layout(articles, self.size.width, self.cell_padding, scrollbar)

    def _set_columns(self) -> None:
        self._columns = self._layout()
        for key, label, width in self._columns:
            self.add_column(Text(label, end=""), key=key, width=width)

    # -- what the screen tells it ------------------------------------------------------------
    def show_hits(
        self, hits: tuple[Hit, ...], total: int, *, offset: int, keep: bool = False
    ) -> None:
        """Show a page of hits: a fresh list when `offset` is 0, else appended below.

        With `keep` (the same query searched again), the cursor stays on its article and the
        expanded stories stay open when they are still in the results.
        """
        kept_id = self.current.id if keep and self.current is not None else None
        kept_expanded = dict(self._expanded) if keep else {}
        # Where the cursor's row sits on screen: rows arriving above it must not move it.
        kept_screen_row = self.cursor_row - round(self.scroll_y)
        shown = list(self._visible())
        if offset == 0:
            self._rows = []
            self._stories = set()
            self._expanded = {}
            self._consumed = 0
        elif offset != self._consumed:
            return  # a page for a list that has moved on
        self.total = total
        self._consumed += len(hits)
        self._waiting = False
        new_rows = []
        for hit in hits:
            story = hit.article.story or hit.article.id
            if story in self._stories:
                continue
            self._stories.add(story)
            new_rows.append(Row(hit.article))
        self._rows.extend(new_rows)
        if offset == 0:
            self._expanded = {
                story: members for story, members in kept_expanded.items() if story in self._stories
            }
            if self._visible() == shown and self._layout() == self._columns:
                # The same rows (a keystroke that did not change the first page): keep the
                # table and its rendered lines, which a rebuild would throw away and redraw.
                if kept_id is None:
                    self.move_cursor(row=0)
            else:
                self._rebuild(keep=kept_id)
            if kept_id is not None and self.current is not None and self.current.id == kept_id:
                target = max(0, self.cursor_row - kept_screen_row)
                self.call_after_refresh(self.scroll_to, y=target, animate=False)
            self.post_message(self.Highlighted(self.current).set_sender(self))
        elif self._layout() != self._columns:
            current = self.current
            self._rebuild(keep=current.id if current is not None else None)
            self._maybe_need_more()
        else:
            for row in new_rows:
                self._add(row)
            self._maybe_need_more()

    def expand_story(self, article_id: str, members: list[ArticleSummary]) -> None:
        """Show the other sources of the story whose row is `article_id`."""
        index = self._index_of(article_id)
        if index is None:
            return
        lead = self._rows[index].article
        others = [member for member in members if member.id != lead.id]
        if not others:
            return
        self._expanded[lead.story] = others
        self._story_stars[lead.story] = {m.id for m in members if m.starred}
        self._rebuild(keep=lead.id)

    def set_story_stars(self, stars: dict[str, set[str]]) -> None:
        """Which sources of these stories are starred (looked up by the screen for the rows
        that stand for several sources); their rows' marks follow."""
        self._story_stars.update(stars)
        for row in self._visible():
            if row.depth == 0 and row.article.story in stars:
                self.update_cell(row.article.id, "marks", self._marks(row))

    def _marks(self, row: Row) -> Text:
        """A row's marks; a story's row stars when any of its sources is starred."""
        story = row.article.story
        others = self._story_stars.get(story, set()) - {row.article.id} if story else set()
        return marks_cell(row.article, story_starred=row.depth == 0 and bool(others))

    def update_article(
        self, article_id: str, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Change the marks of a row after the user changed a flag (and of its story's row)."""
        stories = {
            story
            for story, members in self._expanded.items()
            if any(m.id == article_id for m in members)
        }
        for position, row in enumerate(self._rows):
            if row.article.id == article_id:
                marked = replace(
                    row.article,
                    read=row.article.read if read is None else read,
                    starred=row.article.starred if starred is None else starred,
                )
                self._rows[position] = replace(row, article=marked)
        for story, members in self._expanded.items():
            self._expanded[story] = [
                replace(
                    member,
                    read=member.read if read is None else read,
                    starred=member.starred if starred is None else starred,
                )
                if member.id == article_id
                else member
                for member in members
            ]
        if starred is not None:
            for story, ids in self._story_stars.items():
                if article_id in ids or any(
                    m.id == article_id for m in self._expanded.get(story, ())
                ):
                    (ids.add if starred else ids.discard)(article_id)
        for row in self._visible():
            if row.article.id == article_id or (row.depth == 0 and row.article.story in stories):
                self.update_cell(row.article.id, "marks", self._marks(row))
            if row.article.id == article_id:
                self.update_cell(article_id, "title", title_cell(row.article, row.depth))

    # -- what it says -----------------------------------------------------------------------
    @property
    def current(self) -> ArticleSummary | None:
        visible = self._visible()
        if not visible or not 0 <= self.cursor_row < len(visible):
            return None
        return visible[self.cursor_row].article

    @property
    def shown(self) -> list[ArticleSummary]:
        """Every loaded row's article, an open story's sources included."""
        return [row.article for row in self._visible()]

    def holds(self, article: ArticleSummary) -> bool:
        """Whether a loaded row stands for `article` (its own row, or its story's)."""
        return (article.story or article.id) in self._stories

    def find(self, article_id: str) -> ArticleSummary | None:
        """The article `article_id` as the list shows it (its flags may be newer)."""
        return next((row.article for row in self._visible() if row.article.id == article_id), None)

    @property
    def loaded(self) -> int:
        """How many hits of the result set the list has consumed."""
        return self._consumed

    def step(self, delta: int) -> ArticleSummary | None:
        """Move the cursor by `delta` rows and return the article there (None at either end)."""
        target = self.cursor_row + delta
        if not 0 <= target < self.row_count:
            return None
        self.move_cursor(row=target)
        return self.current

    def next_unread(self, delta: int) -> ArticleSummary | None:
        """Move to the nearest unread row after (`delta` 1) or before (-1) the cursor among the
        loaded rows and return its article; None (cursor unmoved) when there is none."""
        visible = self._visible()
        end = len(visible) if delta > 0 else -1
        return self._first_unread(visible, range(self.cursor_row + delta, end, delta))

    def wrap_unread(self, delta: int) -> ArticleSummary | None:
        """Like `next_unread`, starting over from the top (`delta` 1) or the bottom (-1) of
        the loaded rows: what vim does when a search hits the end."""
        visible = self._visible()
        order = range(len(visible)) if delta > 0 else range(len(visible) - 1, -1, -1)
        return self._first_unread(visible, (p for p in order if p != self.cursor_row))

    def _first_unread(self, visible: list[Row], positions: Iterable[int]) -> ArticleSummary | None:
        for position in positions:
            if 0 <= position < len(visible) and not visible[position].article.read:
                self.move_cursor(row=position)
                return visible[position].article
        return None

    @property
    def complete(self) -> bool:
        """Every hit of the result set is loaded."""
        return self._consumed >= self.total

    def load_more(self) -> bool:
        """Ask for the next page now (not only when the cursor nears the end); False when
        everything is loaded or a page is already on its way."""
        if self._waiting or self.complete:
            return False
        self._waiting = True
        self.post_message(self.NeedMore(self._consumed).set_sender(self))
        return True

    def set_read(self, ids: set[str], read: bool) -> None:
        """Change the read mark of many rows at once (mark all read, its undo)."""
        if not ids:
            return
        self._rows = [
            replace(row, article=replace(row.article, read=read)) if row.article.id in ids else row
            for row in self._rows
        ]
        self._expanded = {
            story: [replace(m, read=read) if m.id in ids else m for m in members]
            for story, members in self._expanded.items()
        }
        for row in self._visible():
            if row.article.id in ids:
                self.update_cell(row.article.id, "marks", self._marks(row))
                self.update_cell(row.article.id, "title", title_cell(row.article, row.depth))

    def select_article(self, article_id: str) -> bool:
        """Put the cursor on `article_id` if it is in the list."""
        visible = self._visible()
        for position, row in enumerate(visible):
            if row.article.id == article_id:
                self.move_cursor(row=position)
                return True
        return False

    # -- actions -----------------------------------------------------------------------------
    def action_top(self) -> None:
        if self.row_count:
            self.move_cursor(row=0)

    def action_bottom(self) -> None:
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)

    def action_toggle_story(self) -> None:
        visible = self._visible()
        if not visible:
            return
        row = visible[self.cursor_row]
        if row.depth:
            return
        if row.article.story in self._expanded:
            del self._expanded[row.article.story]
            self._rebuild(keep=row.article.id)
            self.post_message(self.StoryToggled(row.article, expand=False))
        elif row.article.story_size > 1:
            self.post_message(self.StoryToggled(row.article, expand=True))

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self.current))
        self._maybe_need_more()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        article = self.current
        if article is not None:
            self.post_message(self.Chosen(article))

    # -- inside ------------------------------------------------------------------------------
    def _visible(self) -> list[Row]:
        if not self._expanded:
            return self._rows
        rows: list[Row] = []
        for row in self._rows:
            rows.append(row)
            for member in self._expanded.get(row.article.story, ()):
                rows.append(Row(member, depth=1))
        return rows

    def _index_of(self, article_id: str) -> int | None:
        for position, row in enumerate(self._rows):
            if row.article.id == article_id:
                return position
        return None

    def _rebuild(self, *, keep: str | None) -> None:
        if self._layout() != self._columns:
            self.clear(columns=True)
            self._set_columns()
        else:
            self.clear()
        for row in self._visible():
            self._add(row)
        if keep is not None:
            self.select_article(keep)

    def _add(self, row: Row) -> None:
        self.add_row(*row_cells(row, self._columns, self._marks(row)), key=row.article.id)

    def _maybe_need_more(self) -> None:
        if self._waiting or self._consumed >= self.total:
            return
        if self.cursor_row >= self.row_count - LOAD_AHEAD:
            self._waiting = True
            self.post_message(self.NeedMore(self._consumed).set_sender(self))
