"""A story's page: its versions side by side, one column per outlet, aligned.

Each column is one article: the outlet, when it was published and when Dateline first saw it,
then its sentences — dimmed when another source has the same sentence, bold with a bar when
only this source has it, and yellow with ≠ when a matching sentence elsewhere states different
numbers (those are also listed at the top). Columns are at least `COLUMN` cells wide and
scroll sideways on a narrow terminal: left/right (h/l) move between them, up/down (j/k)
scroll one, Enter opens that version in the reader.

The page follows the library while it is open (`follow_library`, called by the main screen's
live poll): a version another process adds (a cron `dateline refresh`) or removes shows
without reopening, the focused column kept; a story whose articles are all gone closes with a
notice. An entity correction changes nothing here (the page names no entities), so the page
read again is equal and nothing is repainted.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalScroll, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from index.changes import Change
from index.library import Library
from index.pages import PageError, StoryPage, StoryVersion

from ..render import counted, one_line, version_when
from .pages_room import PageResult

STYLES = {"shared": "dim", "unique": "bold", "differs": "bold #e5c07b"}
MARKS = {"shared": "  ", "unique": "▌ ", "differs": "≠ "}
LEGEND = Text.assemble(
    ("dim", "dim"), " in another source · ", ("▌ bold", "bold"), " only here · ",
    ("≠ yellow", "bold #e5c07b"), " numbers differ",
)  # fmt: skip


def version_text(version: StoryVersion) -> Text:
    """One column's body: every sentence, styled by what the other sources say."""
    if not version.aligned:
        return Text("Not compared: the story has more versions than the page aligns.", style="dim")
    text = Text(end="")
    for i, s in enumerate(version.sentences):
        if i:
            text.append("\n")
        text.append(MARKS[s.status], style=STYLES[s.status])
        text.append(one_line(s.text), style=STYLES[s.status])
        if s.numbers:
            text.append(f"  [{', '.join(s.numbers)}]", style="#e5c07b")
    return text


#: The narrowest a version's column gets before the next one moves off-screen (cells).
MIN_COLUMN = 38  # the .version min-width in story_page.tcss


class VersionColumn(VerticalScroll, can_focus=True):
    """One version of the story (focusable; scrolls on its own)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def __init__(self, version: StoryVersion, index: int) -> None:
        super().__init__(classes="version")
        self.version = version
        self.index = index

    def compose(self) -> ComposeResult:
        v, a = self.version, self.version.article
        head = Text(one_line(a.source) or "—", style="bold #4fb3d9", end="")
        for line in version_when(a.published, v.first_seen):  # "undated", "seen …" as elsewhere
            head.append(f"\n{line}", style="dim")
        head.append(
            f"\n{counted(v.unique, 'sentence')} only here" if v.aligned else "", style="dim"
        )
        head.append("\n" + one_line(a.title), style="italic")
        yield Static(head, classes="version-head")
        yield Static(version_text(v), classes="version-body")


class Loaded(Message):
    def __init__(
        self, page: StoryPage | None, error: str | None = None, *, again: bool = False
    ) -> None:
        super().__init__()
        self.page = page
        self.error = error
        #: Read again after a change: shown in place, or the page closed if the story is gone.
        self.again = again


class StoryPageScreen(Screen[PageResult | None]):
    CSS_PATH = "story_page.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_page", "Back"),
        Binding("left,h", "column(-1)", "Previous source", key_display="←/h"),
        Binding("right,l", "column(1)", "Next source", key_display="→/l"),
        Binding("enter", "open", "Read"),
    ]

    def __init__(self, library: Library, story: str) -> None:
        super().__init__()
        self.library = library
        self.story = story
        self.page: StoryPage | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="sp-story"):
            yield Static(Text("Loading…", style="dim"), id="sp-title")
            yield Static("", id="sp-conflicts")
            yield HorizontalScroll(id="sp-versions")
            yield Static(LEGEND, id="sp-legend")
        yield Footer()

    def on_mount(self) -> None:
        self._load(self.story)

    @work(thread=True, exclusive=True, group="story-page", exit_on_error=False)
    def _load(self, story: str) -> None:
        try:
            self.post_message(Loaded(self.library.story_page(story)))
        except Exception as exc:  # unknown story, library error: said on the page
            self.post_message(Loaded(None, str(exc)))

    def follow_library(self, change: Change) -> None:
        """Read the story again after `change` (another process wrote), once it is shown."""
        if self.page is not None:
            self._read_again(self.story)

    @work(thread=True, exclusive=True, group="story-page-follow", exit_on_error=False)
    def _read_again(self, story: str) -> None:
        try:
            self.post_message(Loaded(self.library.story_page(story), again=True))
        except PageError as exc:  # every version of it gone
            self.post_message(Loaded(None, str(exc), again=True))

    @on(Loaded)
    async def _loaded(self, message: Loaded) -> None:
        if message.again and self.page is not None:
            if message.page is None:
                self.notify("This story is no longer in the library: its page is closed.")
                if not self.is_current:
                    self.pop_until_active()  # a palette over the page goes with it
                self.dismiss(None)
                return
            if message.page == self.page:
                return  # an entity correction, or articles of other stories: nothing here
        if message.page is None:
            self.query_one("#sp-title", Static).update(
                Text(one_line(message.error), style="bold red")
            )
            return
        self.page = page = message.page
        title = Text(one_line(page.title), style="bold", end="")
        if len(page.versions) < 2:
            # Nothing to compare yet: say so rather than "0 sentences shared".
            title.append("\nOnly one version so far: no other source has this story.", style="dim")
        else:
            title.append(
                f"\n{counted(len(page.versions), 'source')}"
                f" · {counted(page.shared, 'sentence')} shared"
                f" · {len(page.conflicts)} with differing numbers",
                style="dim",
            )
        self.query_one("#sp-title", Static).update(title)
        conflicts = Text(end="")
        for i, c in enumerate(page.conflicts):
            if i:
                conflicts.append("\n")
            conflicts.append("≠ ", style="bold #e5c07b")
            conflicts.append(
                one_line(" · ".join(f"{s or '—'}: {', '.join(n)}" for _a, s, n in c.values))
            )
        box = self.query_one("#sp-conflicts", Static)
        box.update(conflicts)
        box.display = bool(page.conflicts)
        versions = self.query_one("#sp-versions", HorizontalScroll)
        focused = self._column()
        await versions.remove_children()
        await versions.mount_all(VersionColumn(v, i) for i, v in enumerate(page.versions))
        columns = list(self.query(VersionColumn))
        self._fit_columns()
        if columns:
            # Read again: the focus stays on its version (or at its place, if that one went).
            index = 0
            if message.again and focused is not None:
                ids = [c.version.article.id for c in columns]
                was = focused.version.article.id
                index = ids.index(was) if was in ids else min(focused.index, len(columns) - 1)
            columns[index].focus()
            columns[index].scroll_visible(animate=False)

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """As many columns side by side as fit at MIN_COLUMN cells, the rest a scroll away.

        `1fr` columns in a horizontal scroll each take the whole width once their minimum
        widths overflow it, so with many versions only one showed at a time."""
        columns = list(self.query(VersionColumn))
        width = self.query_one("#sp-versions", HorizontalScroll).size.width
        if not columns or not width:
            return
        fit = max(1, width // MIN_COLUMN)
        each = "1fr" if len(columns) <= fit else str(width // fit)
        for column in columns:
            column.styles.width = each

    def _column(self) -> VersionColumn | None:
        node = self.focused
        while node is not None and not isinstance(node, VersionColumn):
            node = node.parent if isinstance(node.parent, Widget) else None
        return node

    def action_column(self, step: int) -> None:
        columns = list(self.query(VersionColumn))
        if not columns:
            return
        current = self._column()
        index = 0 if current is None else (current.index + step) % len(columns)
        columns[index].focus()
        columns[index].scroll_visible(animate=False)

    def action_open(self) -> None:
        current = self._column()
        if current is not None:
            self.dismiss(PageResult(article=current.version.article.id))

    def action_dismiss_page(self) -> None:
        self.dismiss(None)
