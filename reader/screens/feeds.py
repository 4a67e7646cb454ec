"""Feeds and tags: every subscription and tag with its unread count, and the saved searches
with how many articles arrived since they were last opened.

Enter on a feed or tag closes the view and narrows the list with a `feed:` or `tag:` chip that
stacks with the other filters; enter on a saved search runs it. Subscribing, unsubscribing,
renaming and tagging happen here too. The library is read and written in workers.

The view follows what other processes change (`follow_library`): the main screen's change
watch (`index.changes`) reports subscriptions as well as articles, so the view has no poll of
its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from index.changes import Change
from index.feeds import FeedCount, TagCount
from index.library import Library

from ..commands import MOVE_COMMANDS, bindings
from ..feeds_keys import FEEDS_COMMANDS
from ..render import counted, one_line
from ..saved import saved_now
from ..saved_edit import SavedSearchError, remove_saved, rename_saved, undo_saved
from ..state import SavedSearch
from .feed_lines import (
    feed_line,
    join_tags,
    split_tags,
    tag_label,
    url_hint,
)


@dataclass(frozen=True)
class Choice:
    """What the user chose: a scope (`feed`/`tag`, its value and label) or a saved search."""

    kind: Literal["feed", "tag", "saved"]
    value: str
    label: str
    saved: SavedSearch | None = None
    #: A feed's tags as the view shows them (what the tag dialog opens with).
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Overview:
    feeds: list[FeedCount]
    tags: list[TagCount]
    saved: list[tuple[SavedSearch, int]]
    full_text: frozenset[str] = frozenset()


class FeedList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = bindings(*MOVE_COMMANDS)

    def action_top(self) -> None:
        self.action_first()

    def action_bottom(self) -> None:
        self.action_last()


class OverviewLoaded(Message):
    """A fresh overview; `note` None keeps the note shown (a reload the user did not ask for)."""

    def __init__(self, overview: Overview, note: str | None = "") -> None:
        super().__init__()
        self.overview = overview
        self.note = note


def load_overview(library: Library) -> Overview:
    from ..providers import new_counts

    saved = saved_now(library)
    counts = new_counts(saved, library)
    return Overview(
        library.feed_counts(),
        library.tag_counts(),
        [(search, counts.get(search.name, 0)) for search in saved],
        frozenset(library.full_text_feeds()),
    )


class FeedsScreen(Screen[Choice | None]):
    CSS_PATH = "feeds.tcss"
    BINDINGS: ClassVar[list[BindingType]] = bindings(*FEEDS_COMMANDS)
    AUTO_FOCUS = "#feed-list"

    def __init__(self, library: Library, *, start: tuple[str, str] | None = None) -> None:
        super().__init__()
        self.library = library
        #: The (kind, value) the cursor was on when the view was last closed: it opens there.
        self._start = start
        #: What the cursor is on, as (kind, value): where the view reopens next time.
        self.cursor_key: tuple[str, str] | None = start
        self._choices: list[Choice | None] = []
        self._armed: str | None = None  # the feed `d` was pressed on once

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text("Feeds, tags and saved searches", style="bold"), id="feeds-title")
        yield FeedList(id="feed-list")
        yield Static(id="feeds-note")
        yield Footer()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def _load(self, note: str | None = "") -> None:
        self.post_message(OverviewLoaded(load_overview(self.library), note))

    def follow_library(self, change: Change) -> None:
        """Another process changed the library (the main screen's watch, `index.changes`):
        a `dateline feeds remove|add`, a rename or tags set in another shell, a refresh's new
        error, or articles that move the unread counts. The view reads itself again within
        the watch's POLL_SECONDS, keeping the cursor on its feed and the note shown."""
        self._load(None)

    @on(OverviewLoaded)
    def _loaded(self, message: OverviewLoaded) -> None:
        listing = self.query_one(FeedList)
        highlighted = listing.highlighted
        was = self._current()
        listing.clear_options()
        self._choices = []
        options: list[Option] = []

        def heading(title: str) -> None:
            options.append(Option(Text(title, style="bold underline"), disabled=True))
            self._choices.append(None)

        overview = message.overview
        heading(f"Subscriptions ({len(overview.feeds)})")
        labels = [one_line(c.feed.title) or one_line(c.feed.url) for c in overview.feeds]
        named = Counter(label.casefold() for label in labels)
        for count, label in zip(overview.feeds, labels, strict=True):
            # Two subscriptions of one title (a file:// and an http:// copy) looked the same.
            detail = url_hint(count.feed.url) if named[label.casefold()] > 1 else ""
            full_text = count.feed.url in overview.full_text
            options.append(Option(feed_line(count, label, full_text, detail)))
            tags = tuple(tag_label(t) for t in count.feed.tags)
            self._choices.append(Choice("feed", count.feed.url, label, tags=tags))
        if not overview.feeds:
            options.append(
                Option(Text("  none yet: a subscribes to a feed URL", "dim"), disabled=True)
            )
            self._choices.append(None)
        heading(f"Tags ({len(overview.tags)})")
        for tag in overview.tags:
            line = Text(end="", no_wrap=True)
            line.append(f"{tag.unread:>5} ", style="bold #5fafff" if tag.unread else "dim")
            line.append(f"#{tag_label(tag.tag)}")
            options.append(Option(line))
            self._choices.append(Choice("tag", tag.tag, f"#{tag_label(tag.tag)}"))
        heading(f"Saved searches ({len(overview.saved)})")
        for search, new in overview.saved:
            line = Text(end="", no_wrap=True, overflow="ellipsis")
            line.append(f"{new:>5} " if new else "      ", style="bold #98c379")
            line.append(one_line(search.name))
            if new:
                line.append(" new", style="#98c379")
            options.append(Option(line))
            self._choices.append(Choice("saved", search.name, search.name, search))
        listing.add_options(options)
        first = next((i for i, c in enumerate(self._choices) if c is not None), None)
        # The cursor stays on what it was on, wherever that moved (a feed removed above it).
        key = (was.kind, was.value) if was else self._start
        same = next(
            (i for i, c in enumerate(self._choices) if c and (c.kind, c.value) == key), None
        )
        if same is not None:
            listing.highlighted = same
        elif highlighted is not None and highlighted < len(self._choices):
            listing.highlighted = highlighted
        elif first is not None:
            listing.highlighted = first
        if message.note is not None:
            self.query_one("#feeds-note", Static).update(Text(message.note, style="dim"))

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        # Kept as the cursor moves: once the view is closed its widgets are gone.
        choice = self._current()
        self.cursor_key = (choice.kind, choice.value) if choice is not None else None

    def _current(self) -> Choice | None:
        index = self.query_one(FeedList).highlighted
        if index is None or not 0 <= index < len(self._choices):
            return None
        return self._choices[index]

    def _current_feed(self) -> Choice | None:
        choice = self._current()
        if choice is None or choice.kind != "feed":
            self.notify("Put the cursor on a subscription first.", severity="warning", timeout=3)
            return None
        return choice

    # -- actions ---------------------------------------------------------------------------
    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        choice = self._current()
        if choice is not None:
            self.dismiss(choice)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_subscribe(self) -> None:
        """The dialog checks the feed (off the UI thread) and subscribes; only then does it
        close, so a refused address is still there to correct."""
        from .subscribe import SubscribeScreen

        self.app.push_screen(SubscribeScreen(self.library), self._subscribed)

    def _subscribed(self, note: str | None) -> None:
        if note:
            self._write(lambda library: note)

    def action_unsubscribe(self) -> None:
        choice = self._current()
        if choice is not None and choice.kind == "saved":
            self._delete_saved(choice)
            return
        choice = self._current_feed()
        if choice is None:
            return
        if self._armed != choice.value:
            self._armed = choice.value
            self.notify(
                f"Press d again to unsubscribe from {choice.label}.", timeout=4, markup=False
            )
            return
        self._armed = None
        url = choice.value
        self._write(
            lambda library: (
                f"Unsubscribed from {choice.label}."
                if library.remove_feed(url)
                else "Not subscribed."
            )
        )

    # -- saved searches: `d d` deletes, `R` renames, `U` brings back (reader.saved_edit) ------
    def _delete_saved(self, choice: Choice) -> None:
        from ..feeds_keys import Unsubscribe

        name = choice.value
        if self._armed != f"saved:{name}":
            self._armed = f"saved:{name}"
            key = self._key(Unsubscribe)
            self.notify(f"Press {key} again to delete the saved search {one_line(name)}.",
                        timeout=4, markup=False)  # fmt: skip
            return
        self._armed = None
        self._write(lambda library: self._saved_done(f"Deleted the saved search {name}.",
                                                     remove_saved, library, name))  # fmt: skip

    def _rename_saved(self, choice: Choice) -> None:
        from .prompt import PromptScreen

        name = choice.value

        def rename(new_name: str | None) -> None:
            if new_name and new_name != name:
                self._write(lambda library: self._saved_done(
                    f"Renamed the saved search to {one_line(new_name)}.",
                    rename_saved, library, name, new_name))  # fmt: skip

        hint = "its new-articles count goes with it (dateline watch NEW-NAME)"
        self.app.push_screen(PromptScreen("Rename the saved search", value=name, hint=hint),
                             rename)  # fmt: skip

    def action_undo_saved(self) -> None:
        self._write(lambda library: self._saved_done("", undo_saved, library))

    def _saved_done(self, said: str, change: Callable[..., Any], *args: Any) -> str:
        """Run a saved-search change (in the writer thread): what it did, with the undo key,
        or why it could not."""
        from ..feeds_keys import UndoSaved

        try:
            done = change(*args)
        except SavedSearchError as exc:
            return f"{str(exc)[:1].upper()}{str(exc)[1:]}."
        if said:
            return f"{one_line(said)} {self._key(UndoSaved)} undoes it."
        return one_line(str(done))

    def _key(self, command: Any) -> str:
        key_display = getattr(self.app, "key_display", None)
        return key_display(command) if key_display is not None else command.KEY

    def action_rename(self) -> None:
        from .prompt import PromptScreen

        choice = self._current()
        if choice is not None and choice.kind == "saved":
            self._rename_saved(choice)
            return
        choice = self._current_feed()
        if choice is None:
            return
        url = choice.value

        def rename(title: str | None) -> None:
            if title:
                self._rename(url, title)

        self.app.push_screen(PromptScreen("Rename the feed", value=choice.label), rename)

    @work(thread=True, group="feeds-write", exit_on_error=False)
    def _rename(self, url: str, title: str) -> None:
        """The name is stored at once (Source column, pages, reader header); `source:` finds
        it once the articles are indexed again, in a child process (`index.jobs`): indexing
        here would hold the GIL the event loop needs. The note says while it runs."""
        from index.jobs import JobError, run_job

        renamed = self.library.rename_feed(url, title, reindex=False)
        if renamed is None:
            self.post_message(OverviewLoaded(load_overview(self.library), _done(False, "")))
            return
        done = f"Renamed to {title}."
        if renamed:
            indexing = f"{done} Indexing its {counted(renamed, 'article')} under the new name…"
            self.post_message(OverviewLoaded(load_overview(self.library), indexing))
            try:
                run_job("index.jobs:index_pending", self.library.path, {})
            except JobError as error:  # stored is stored: the next add or open indexes them
                done = f"{done} source: finds it once the library is next opened ({error})."
        self.post_message(OverviewLoaded(load_overview(self.library), done))

    def action_tag(self) -> None:
        from .prompt import PromptScreen

        choice = self._current_feed()
        if choice is None:
            return
        url = choice.value

        def tag(text: str | None) -> None:
            if text is not None:
                tags = split_tags(text)
                self._write(lambda library: _done(library.tag_feed(url, tags), "Tags saved."))

        # The dialog opens with the feed's tags: it sets them all, so an empty box would drop
        # every tag the user did not type again.
        # Said as `split_tags` reads it: "Security Stuff" beside a comma is one tag.
        hint = (
            "Commas separate tags, so a tag may hold spaces (world news, ports); with no comma,"
            " spaces do. Its articles get them too. Empty: no tags."
        )
        title = f"Tags of {choice.label}"  # which feed (shown as plain text, never markup)
        prompt = PromptScreen(title, value=join_tags(choice.tags), hint=hint)
        self.app.push_screen(prompt, tag)

    def action_toggle_full_text(self) -> None:
        choice = self._current_feed()
        if choice is None:
            return
        url, label = choice.value, choice.label

        def toggle(library: Library) -> str:
            on = url not in library.full_text_feeds()
            library.set_feed_full_text(url, on)
            return f"{label}: full text of new entries {'on' if on else 'off'}."

        self._write(toggle)

    @work(thread=True, group="feeds-write", exit_on_error=False)
    def _write(self, change: object) -> None:
        note = change(self.library)  # type: ignore[operator]
        self.post_message(OverviewLoaded(load_overview(self.library), str(note)))


def _done(ok: bool, note: str) -> str:
    return note if ok else "That subscription is gone."
