"""The filters of the current query, shown as chips above the list."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from index.query import Query

from ..render import MENTION_STYLES, one_line
from .steady import text_key


class FilterChips(Static):
    """Bound to the screen's `query` and `unread_only`; shows what narrows the results."""

    search_query: var[Query] = var(Query)
    unread_only: var[bool] = var(False)
    #: Articles another process added while this query was shown.
    new_articles: var[int] = var(0)
    #: `feed:`/`tag:` scopes as (kind, value, label).
    scopes: var[tuple[tuple[str, str, str], ...]] = var(())

    def watch_search_query(self) -> None:
        self._show()

    def watch_unread_only(self) -> None:
        self._show()

    def watch_new_articles(self) -> None:
        self._show()

    def watch_scopes(self) -> None:
        self._show()

    #: What the chips show: a keystroke changes the query's text, rarely its filters.
    _shown: tuple[object, ...] | None = None

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        if self.new_articles:
            text.append(f" {self.new_articles} new ", style="bold reverse #98c379")
            text.append(" ")
        for kind, _, label in self.scopes:
            text.append(f" {kind}: {one_line(label)} ", style="bold reverse #c678dd")
            text.append(" ")
        for entity_filter in self.search_query.filters:
            style = MENTION_STYLES.get(entity_filter.type, "bold")
            text.append(" NOT " if entity_filter.exclude else " ", style="bold reverse #e06c75")
            text.append(f"{entity_filter.type}: ", style=f"{style} reverse")
            text.append(one_line(entity_filter.name) + " ", style=f"{style} reverse")
            text.append(" ")
        if self.unread_only:
            text.append(" unread only ", style="bold reverse")
            text.append(" ")
        if not (self.search_query.filters or self.unread_only or self.scopes):
            text.append("No filters · e picks an entity, f filters by it, x excludes it", "dim")
        elif self.search_query.filters or self.scopes:
            text.append("backspace undoes the last filter", style="dim")
        else:
            text.append("u or backspace shows read articles again", style="dim")
        key = text_key(text)
        if key != self._shown:
            self._shown = key
            # One line high (main.tcss): new chips repaint the line, not the screen's layout.
            self.update(text, layout=False)
