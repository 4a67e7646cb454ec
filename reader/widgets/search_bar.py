"""The search bar: the query language, searched as you type.

No fixed debounce: a pause before searching is latency the user pays on every query. The text
is sent the moment it changes when no search is running; while one runs, only the newest text
is kept and sent as soon as that search reports back (the screen's `busy` goes false). So at
most one search is in flight, fast typing costs no wasted searches beyond the first, and a
key's results arrive one search (at worst two) after it. `HOLD_MAX` bounds the wait for a
search that never reports back (the screen skips a query equal to the one it shows).
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.events import Click
from textual.message import Message
from textual.reactive import var
from textual.timer import Timer
from textual.widgets import Input, Static

from index.model import SearchResult
from index.query import Query

from ..commands import SEARCH_BAR_COMMANDS, SaveSearch, bindings
from ..querytext import ranks, typed_error
from ..render import one_line
from ..state import suggested_text
from .ordered_input import OrderedInput

#: Longest wait, in seconds, for a running search before the newest text is sent anyway.
HOLD_MAX = 0.3


def story_count(result: SearchResult) -> int | None:
    """How many stories the result's articles make (None when not every hit is loaded)."""
    if len(result.hits) < result.total:
        return None
    return len({hit.article.story or hit.article.id for hit in result.hits})


class SearchStatus(Static):
    """How many results, a "did you mean", or what is wrong with the query."""

    #: What is on screen: (text, is a suggestion, is an error).
    shown: tuple[Text, bool, bool] | None = None

    class SuggestionClicked(Message):
        pass

    def on_click(self, event: Click) -> None:
        if self.has_class("-suggestion"):
            event.stop()
            self.post_message(self.SuggestionClicked())


class SearchInput(OrderedInput):
    """The search bar's input. It takes every printable key, so the footer showed only `^p`
    while typing (QA 6); its own bindings name the keys that apply there: enter for the
    results, escape back to the list, and ctrl+s (the screen's `save_search`, under the same
    id, so a remap moves both) to save the search."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings(*SEARCH_BAR_COMMANDS),
        replace(SaveSearch.binding(), action="screen.save_search", show=True),
    ]


class SearchBar(Vertical):
    """Posts `Changed` as the text changes (one search at a time) and `Submitted` on enter;
    shows the result status."""

    result: var[SearchResult | None] = var(None)
    #: Shown while the library opens or a search runs.
    busy: var[bool] = var(False)
    #: The query searched, so "did you mean" shows only what the user typed.
    search_query: var[Query] = var(Query)
    unread_only: var[bool] = var(False)
    #: The results are newest first although the query has words to rank by.
    sort_by_date: var[bool] = var(False)

    class Changed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Submitted(Message):
        """Enter in the search bar: the user is done typing and wants the results."""

    class AcceptSuggestion(Message):
        pass

    def __init__(self, *, suggestion_key: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None
        self._suggestion_key = suggestion_key
        #: The newest text not yet sent, and whether a sent one is still being searched.
        self._pending: str | None = None
        self._in_flight = False

    def compose(self) -> ComposeResult:
        yield SearchInput(
            placeholder='Search: words, "phrases", person:NAME place:NAME org:NAME since:DATE …',
            id="search-input",
        )
        yield SearchStatus(id="search-status")

    @property
    def text(self) -> str:
        return self.query_one(Input).value

    @property
    def typed_ahead(self) -> str | None:
        """Text typed while a search was running, waiting to be sent (None: nothing waits)."""
        return self._pending

    def set_text(self, text: str) -> None:
        """Show `text` in the input without searching it again."""
        search_input = self.query_one(Input)
        with search_input.prevent(Input.Changed):
            search_input.value = text
        search_input.cursor_position = len(text)

    def focus_input(self) -> None:
        # Now, not `focus()`'s deferred callback: keys typed right after "/" (a fast typist, a
        # paste) are already queued, and must reach the input rather than run as commands.
        self.screen.set_focus(self.query_one(Input))

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self._pending = event.value
        if not self._in_flight:
            self._send()

    def _send(self) -> None:
        """Post the newest text, and hold the next until its search reports back."""
        if self._pending is None:
            return
        value, self._pending = self._pending, None
        self._in_flight = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(HOLD_MAX, self._release)
        self.post_message(self.Changed(value))

    def _release(self) -> None:
        """The search in flight is done (or never started): send what was typed since."""
        self._in_flight = False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._send()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._pending = event.value  # enter searches now, whatever is running
        self._send()
        self.post_message(self.Submitted())

    @on(SearchStatus.SuggestionClicked)
    def _suggestion(self, event: SearchStatus.SuggestionClicked) -> None:
        event.stop()
        self.post_message(self.AcceptSuggestion())

    def watch_result(self) -> None:
        self._show_status()

    def watch_busy(self, busy: bool) -> None:
        self._show_status()
        if not busy and self._in_flight:
            self._release()

    def watch_search_query(self) -> None:
        self._show_status()

    def watch_unread_only(self) -> None:
        self._show_status()

    def watch_sort_by_date(self) -> None:
        self._show_status()

    def _show_status(self) -> None:
        if not self.is_mounted:
            return
        status = self.query_one(SearchStatus)
        result = self.result
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        suggestion = False
        error = False
        if result is None:
            text.append("Opening the library…" if self.busy else "", style="dim")
        elif result.error:
            # A long error wraps onto the next lines (up to three) rather than being cut off.
            error = True
            text = Text(end="", overflow="fold")
            text.append("⚠ ", style="bold #e5c07b")
            # The typed text's own error first: the string searched also holds the chips, so
            # the back end's positions would count text the user never typed.
            message = typed_error(self.search_query.text) or result.error
            text.append(one_line(message), style="#e5c07b")
        else:
            noun = "article" if result.total == 1 else "articles"
            text.append(f"{result.total} {noun}", style="dim")
            stories = story_count(result)
            if stories is not None and stories != result.total:
                text.append(f" · {stories} {'story' if stories == 1 else 'stories'}", style="dim")
            if self.search_query.text.strip():
                # Only words can be ranked: without them (names, dates alone) the list is
                # newest first, always.
                ranked = ranks(self.search_query) and not self.sort_by_date
                text.append(f" · {'by relevance' if ranked else 'newest first'}", style="dim")
            shown = suggested_text(
                one_line(result.suggestion or ""), self.search_query, unread_only=self.unread_only
            )
            if shown:
                suggestion = True
                text.append("  ·  Did you mean ", style="dim")
                text.append(shown, style="bold underline")
                text.append("?", style="dim")
                if self._suggestion_key:
                    text.append(f"  ({self._suggestion_key})", style="dim")
            if self.busy:
                text.append("  ·  searching…", style="dim")
        painted = (text, suggestion, error)
        if painted == status.shown:
            return  # the busy flag flips twice a search: repaint only what changed
        was_error = status.has_class("-error")
        status.shown = painted
        status.set_class(suggestion, "-suggestion")
        status.set_class(error, "-error")
        # One line high unless it shows an error: a new text needs no new layout of the screen.
        status.update(text, layout=error or was_error)
