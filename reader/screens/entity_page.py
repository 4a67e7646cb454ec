"""An entity's page: names, timeline, who it appears with, sources, quotes, latest articles.

The page loads in a worker (`Library.entity_page` reads precomputed tables) and shows three
lists — related entities, quotes, latest articles — side by side on a wide terminal, one at a
time (Tab switches) on a narrow one. Enter on a related entity opens its page here (Escape
comes back); `f` hands filters back to the main screen; Enter on a quote or an article opens
it in the reader. Every name, title and quote is outside text: drawn as sanitized `Text`.

The page follows the library while it is open (`follow_library`, called by the main screen's
live poll): a rename or retype made elsewhere retitles it, a merge shows the entity it was
merged into, a block closes it, each with a notice; new articles update the counts. It is
read again in a worker and repainted in place, the cursor and focus kept.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from index.changes import Change
from index.library import Library
from index.model import EntityType
from index.pages import AmbiguousEntity, Bucket, EntityPage

from ..command import bindings
from ..entity_page_keys import ENTITY_PAGE_COMMANDS, PAGE_FIX_COMMANDS
from ..render import MENTION_STYLES, TYPE_LABELS, article_date, counted, one_line, when
from .entity_page_fixes import EntityPageFixes
from .page_follow import History, Moved, Visit, follow_history
from .pages_room import PageResult

BARS = " ▁▂▃▄▅▆▇█"
#: Rows of the timeline chart.
CHART_ROWS = 3
#: Below this width the three lists take turns.
WIDE = 120


def chart(
    buckets: tuple[Bucket, ...], busiest: tuple[Bucket, ...], width: int, bucket: str = "day"
) -> Text:
    """A bar chart `CHART_ROWS` high over at most `width` cells, the busiest days marked ▲.

    Buckets are merged when there are more of them than cells, and widened (up to four cells
    each) when there are few, so a two-week library still reads as a chart."""
    width = max(width, 10)
    if not buckets:
        return Text("No dated articles.", style="dim")
    per = -(-len(buckets) // width)  # buckets per column, rounded up
    columns = [buckets[i : i + per] for i in range(0, len(buckets), per)]
    cell = max(1, min(4, width // len(columns)))
    counts = [sum(b.count for b in col) for col in columns]
    top = max(counts) or 1
    levels = [round(n / top * CHART_ROWS * 8) if n else 0 for n in counts]
    busy_days = {b.start for b in busiest}
    busy = [
        any(
            b.start in busy_days or (bucket == "week" and _week_holds(b.start, busy_days))
            for b in col
        )
        for col in columns
    ]
    text = Text(end="")
    for row in range(CHART_ROWS - 1, -1, -1):
        for level, hot in zip(levels, busy, strict=True):
            block = min(8, max(0, level - row * 8))
            if row == 0 and level and not block:
                block = 1
            bar = BARS[block] * (cell - 1 if cell > 2 else cell)
            text.append(bar, style="#e5c07b" if hot else "#4fb3d9")
            if cell > 2:
                text.append(" ")
        text.append("\n")
    for hot in busy:
        mark = ("▲" if hot else " ") * (cell - 1 if cell > 2 else cell)
        text.append(mark + (" " if cell > 2 else ""), style="bold #e5c07b")
    text.append("\n")
    first, last = buckets[0].start, buckets[-1].start
    span = len(columns) * cell
    text.append(first + " " * max(1, span - len(first) - len(last)) + last, style="dim")
    return text


def _week_holds(week: str, days: set[str]) -> bool:
    from datetime import date, timedelta

    try:
        start = date.fromisoformat(week)
    except ValueError:
        return False
    return any((start + timedelta(i)).isoformat() in days for i in range(7))


class Timeline(Widget):
    """The entity's articles over the library's span (see `chart`)."""

    DEFAULT_CSS = "Timeline { height: auto; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.page: EntityPage | None = None

    def show(self, page: EntityPage) -> None:
        self.page = page
        self.refresh(layout=True)

    def render(self) -> Text:
        page = self.page
        if page is None:
            return Text("")
        out = chart(page.timeline, page.busiest, self.size.width or 60, page.bucket)
        busiest = " · ".join(f"{b.start} ({b.count})" for b in page.busiest)
        out.append(f"\nper {page.bucket} · busiest ▲ {busiest}", style="dim")
        return out

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return CHART_ROWS + 3


class Loaded(Message):
    def __init__(self, page: EntityPage | None, error: str | None = None) -> None:
        super().__init__()
        self.page = page
        self.error = error


class Followed(Message):
    """The library changed while the page was open: `history` as the registry now names it
    (entities blocked since dropped) and the shown entity's page read again, or None when
    that entity is no longer one. `since` is the history it was read for."""

    def __init__(
        self, since: History, history: History, page: EntityPage | None, moved: Moved
    ) -> None:
        super().__init__()
        self.since = since
        self.history = history
        self.page = page
        self.moved = moved


class EntityPageScreen(EntityPageFixes, Screen[PageResult | None]):
    CSS_PATH = "entity_page.tcss"
    BINDINGS: ClassVar[list[BindingType]] = bindings(
        *ENTITY_PAGE_COMMANDS,
        *PAGE_FIX_COMMANDS,  # the sidebar's corrections (entity_page_fixes)
    )
    # Textual declares it `ClassVar[list[tuple[int, str]]] | None` (ClassVar inside a union), which
    # mypy reads as an instance variable: the class variable here is what Textual means.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [  # type: ignore[misc]
        (0, "-narrow"),
        (WIDE, "-wide"),
    ]
    LISTS = ("ep-related", "ep-quotes", "ep-latest")

    def __init__(self, library: Library, name: str, type_: EntityType | None) -> None:
        super().__init__()
        self.library = library
        self.page: EntityPage | None = None
        #: Pages opened from this one (Enter on a related entity); Escape walks back.
        #: Each remembers every name its entity had, so an undone correction comes back.
        self._history: list[Visit] = [Visit.of(name, type_)]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="ep-page"):
            yield Static(Text("Loading…", style="dim"), id="ep-title")
            yield Static("", id="ep-meta")
            yield Timeline(id="ep-timeline")
            yield Static("", id="ep-tabs")
            with Horizontal(id="ep-lists"):
                for key, title in zip(
                    self.LISTS, ("Seen with", "Quotes", "Latest articles"), strict=True
                ):
                    box = OptionList(id=key, classes="list")
                    box.border_title = title
                    yield box
        yield Footer()

    def on_mount(self) -> None:
        self._load(*self._history[-1].now)

    # -- loading -----------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="entity-page", exit_on_error=False)
    def _load(self, name: str, type_: EntityType | None) -> None:
        try:
            page = self.library.entity_page(name, type_)
        except AmbiguousEntity as exc:
            names = ", ".join(f"{c.name} ({c.type})" for c in exc.candidates[:6])
            self.post_message(Loaded(None, f'"{one_line(name)}" could mean: {names}'))
            return
        except Exception as exc:  # an unknown name, a library error: said on the page
            self.post_message(Loaded(None, str(exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(Loaded(page))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        if message.page is None:
            self.query_one("#ep-title", Static).update(
                Text(one_line(message.error), style="bold red")
            )
            if len(self._history) > 1:
                self._history.pop()
            return
        # The name the page resolved ("Haddad" opens "Omar Haddad"): what a correction follows.
        self._history[-1] = self._history[-1].resolved((message.page.name, message.page.type))
        self._show(message.page)
        self.query_one("#ep-related", OptionList).focus()
        self._show_tabs()

    def _show(self, page: EntityPage, *, keep: bool = False) -> None:
        """Paint `page`; `keep` (the same page read again) keeps each list's cursor."""
        self.page = page
        title = Text(one_line(page.name), style=MENTION_STYLES.get(page.type, "bold"))
        title.append(
            f"  {TYPE_LABELS[page.type]} · {counted(page.articles, 'article')}", style="dim"
        )
        if page.first:
            title.append(f" · {page.first} → {page.last}", style="dim")
        self.query_one("#ep-title", Static).update(title)
        meta = Text(end="")
        if page.aliases:
            meta.append("also ", style="dim")
            meta.append(one_line(", ".join(page.aliases[:8])))
            meta.append("\n")
        meta.append("sources ", style="dim")
        meta.append(
            one_line(", ".join(f"{s.source or '—'} {s.articles}" for s in page.sources[:6])) or "—"
        )
        self.query_one("#ep-meta", Static).update(meta)
        self.query_one(Timeline).show(page)
        self._fill(page, keep=keep)

    def _fill(self, page: EntityPage, *, keep: bool = False) -> None:
        cursors = [self.query_one(f"#{key}", OptionList).highlighted for key in self.LISTS]
        related = self.query_one("#ep-related", OptionList)
        related.clear_options()
        for r in page.related:
            line = Text("● ", style=MENTION_STYLES.get(r.entity.type, ""), end="")
            line.append(one_line(r.entity.name))
            line.append(f"  {r.lift:.1f}× · {r.together} together", style="dim")
            related.add_option(Option(line))
        if not page.related:
            related.add_option(Option(Text("No entity seen with it more than chance.", style="dim"), disabled=True))  # fmt: skip
        quotes = self.query_one("#ep-quotes", OptionList)
        quotes.clear_options()
        for q in page.quotes:
            shown = when(None, q.date) if q.undated else q.date
            line = Text(f"{shown} ", style="dim", end="")
            line.append(one_line(q.source) or "—", style="dim")
            line.append("\n")
            line.append("“" + one_line(q.text) + "”" if q.kind == "direct" else one_line(q.text))
            if q.kind != "direct":
                line.append(" (reported)", style="dim italic")
            quotes.add_option(Option(line))
        if not page.quotes:
            quotes.add_option(Option(Text("No quotes attributed.", style="dim"), disabled=True))
        latest = self.query_one("#ep-latest", OptionList)
        latest.clear_options()
        for a in page.latest:
            line = Text(f"{article_date(a) or '—'} ", style="dim", end="")
            line.append(one_line(a.source) or "—", style="dim")
            line.append("\n")
            line.append(one_line(a.title) or "(untitled)")
            latest.add_option(Option(line))
        for box, cursor in zip((related, quotes, latest), cursors, strict=True):
            if not box.option_count:
                box.highlighted = None
            else:
                box.highlighted = min(cursor or 0, box.option_count - 1) if keep else 0

    # -- following the library ---------------------------------------------------------------
    def follow_library(self, change: Change) -> None:
        """Read the page again after `change` (another process, or the reader, wrote).

        Only a page that is shown and settled: while another entity's page loads, that load
        reads the library as it is now anyway."""
        page = self.page
        if page is None or self._history[-1].now != (page.name, page.type):
            return
        self._follow(tuple(self._history), corrected=change.entities)

    @work(thread=True, exclusive=True, group="entity-page-follow", exit_on_error=False)
    def _follow(self, history: History, *, corrected: bool) -> None:
        followed, page, moved = follow_history(self.library, history, corrected=corrected)
        if not get_current_worker().is_cancelled:
            self.post_message(Followed(history, followed, page, moved))

    @on(Followed)
    def _followed(self, message: Followed) -> None:
        if tuple(self._history) != message.since or self.page is None:
            return  # the user went to another page meanwhile: that one was read fresh
        was, page = self.page, message.page
        if page is None:
            gone = f'"{one_line(was.name)}" is no longer an entity: its page is closed.'
            self.notify(gone, markup=False)
            if not self.is_current:
                self.pop_until_active()  # a palette over the page goes with it
            self.dismiss(None)
            return
        self._history = [
            *message.history[:-1],
            message.history[-1].resolved((page.name, page.type)),
        ]
        if page != was:
            if page.id != was.id and message.moved.back:
                back = f'A correction was undone: back to "{one_line(page.name)}".'
                self.notify(back, markup=False)
            elif page.id != was.id:
                merged = f'"{one_line(was.name)}" was merged into "{one_line(page.name)}".'
                self.notify(merged, markup=False)
            self._show(page, keep=page.id == was.id)

    # -- keys --------------------------------------------------------------------------------
    def _current_list(self) -> OptionList:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.id in self.LISTS:
            return focused
        return self.query_one("#ep-related", OptionList)

    def _show_tabs(self) -> None:
        current = self._current_list().id
        tabs = Text(end="")
        for key, title in zip(self.LISTS, ("Seen with", "Quotes", "Articles"), strict=True):
            tabs.append(f" {title} ", style="reverse bold" if key == current else "dim")
            tabs.append(" ")
        tabs.append("  tab: next list", style="dim")
        self.query_one("#ep-tabs", Static).update(tabs)
        for key in self.LISTS:
            self.query_one(f"#{key}").set_class(key == current, "-current")

    def on_descendant_focus(self) -> None:
        self._show_tabs()

    def action_cycle(self, step: int) -> None:
        current = self._current_list().id or "ep-related"
        index = (self.LISTS.index(current) + step) % len(self.LISTS)
        self.query_one(f"#{self.LISTS[index]}", OptionList).focus()

    def action_move(self, direction: str) -> None:
        box = self._current_list()
        box.action_cursor_down() if direction == "down" else box.action_cursor_up()

    def action_select(self) -> None:
        self._current_list().action_select()

    def action_back(self) -> None:
        if len(self._history) > 1:
            self._history.pop()
            self._load(*self._history[-1].now)
        else:
            self.dismiss(None)

    def action_filter(self) -> None:
        """Filter the main list by this entity — and by the related one under the cursor."""
        page = self.page
        if page is None:
            return
        filters: list[tuple[EntityType, str]] = [(page.type, page.name)]
        box = self._current_list()
        if box.id == "ep-related" and box.highlighted is not None and page.related:
            other = page.related[box.highlighted].entity
            filters.append((other.type, other.name))
        self.dismiss(PageResult(filters=tuple(filters)))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        page = self.page
        if page is None:
            return
        index = event.option_index
        if event.option_list.id == "ep-related" and index < len(page.related):
            other = page.related[index].entity
            self._history.append(Visit.of(other.name, other.type))
            self._load(other.name, other.type)
        elif event.option_list.id == "ep-quotes" and index < len(page.quotes):
            self.dismiss(PageResult(article=page.quotes[index].article_id))
        elif event.option_list.id == "ep-latest" and index < len(page.latest):
            self.dismiss(PageResult(article=page.latest[index].id))
