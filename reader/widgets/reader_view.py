"""The reader: one article at a readable width, with its story and "more like this" below."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from index.model import Article, ArticleSummary, Hit

from ..commands import MOVE_COMMANDS, READER_COMMANDS, bindings
from ..render import MENTION_STYLES, article_date, body_text, one_line, plain

#: The body is laid out this many characters (about ten screens) at a time. Textual wraps and
#: measures a `Static`'s whole text on the UI thread: a 1,000,000-character article froze the
#: window for seconds on opening and again on leaving. Further parts are laid out as the user
#: scrolls near the end of what is shown, each in its own widget, so nothing is wrapped twice.
BODY_CHUNK = 20_000


def body_parts(text: Text, size: int = BODY_CHUNK) -> list[Text]:
    """`text` cut into parts of about `size` characters, between paragraphs where it can (else
    between words); the paragraph break at a cut is left out (the parts' margin stands for it).

    One `Text.divide` for every cut: slicing part by part re-divided the whole text each time
    (seconds for a million characters, the very freeze this avoids)."""
    plain = text.plain
    if len(plain) <= size:
        return [text]
    offsets: list[int] = []
    keep: list[bool] = []  # per divided piece: a part, or the break dropped between two
    start = 0
    while len(plain) - start > size:
        end = start + size
        cut, gap = plain.rfind("\n\n", start + size // 2, end), 2
        if cut < 0:
            cut, gap = plain.rfind(" ", start + size // 2, end), 1
        if cut < 0:
            cut, gap = end, 0
        offsets.append(cut)
        keep.append(True)
        if gap:
            offsets.append(cut + gap)
            keep.append(False)
        start = cut + gap
    keep.append(True)
    pieces = list(text.divide(offsets))
    return [piece for piece, wanted in zip(pieces, keep, strict=True) if wanted]


@dataclass(frozen=True)
class Reading:
    """Everything the reader shows for one article, gathered by the screen in a worker."""

    article: Article
    #: Character spans of the body that the current query matches.
    highlights: tuple[tuple[int, int], ...] = ()
    #: Every article of the story (the open one included), oldest first.
    story: tuple[ArticleSummary, ...] = ()
    similar: tuple[Hit, ...] = ()


class RelatedList(OptionList):
    """The other sources of the story and similar articles; tab reaches it, enter opens one."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(*MOVE_COMMANDS)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # While the layout switches from side by side to stacked, the list can be measured at
        # no width at all, and wrapping its lines at width 0 raises inside Rich.
        return super().get_content_height(container, viewport, max(width, 8))

    def action_top(self) -> None:
        self.action_first()

    def action_bottom(self) -> None:
        self.action_last()


class ReaderView(VerticalScroll):
    """Shows `reading`; asks the screen to step through the list or open a related article."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(*READER_COMMANDS)

    reading: var[Reading | None] = var(None)

    class Step(Message):
        """Open the next (`delta` 1) or previous (-1) article of the list."""

        def __init__(self, delta: int) -> None:
            super().__init__()
            self.delta = delta

    class RelatedChosen(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._related_ids: list[str | None] = []
        #: The article shown: re-rendering it (a flag changed) keeps the scroll position.
        self._shown: Reading | None = None
        #: The body's parts not laid out yet, and how many are (see BODY_CHUNK).
        self._pending: list[Text] = []
        self._laid_out = 0

    def compose(self) -> ComposeResult:
        # Shown (`-outside`) while the results of the current search do not hold the article.
        yield Static(Text("Not in the current results.", style="italic"), id="outside")
        yield Static(id="headline")
        yield Static(id="byline")
        yield Static(id="link")
        yield Static(id="body")
        yield Static(id="body-rest")
        yield Static(id="related-title")
        yield RelatedList(id="related")

    def on_mount(self) -> None:
        self.watch_reading(self.reading)
        self.watch(self, "scroll_y", self._near_the_end, init=False)
        self.watch(self, "max_scroll_y", self._near_the_end, init=False)

    def _near_the_end(self) -> None:
        """Lay out the next part of a long body once the user is within two screens of the end
        of what is shown (scrolling, space, G); the rest stays text in memory until then."""
        if self._pending and self.scroll_y >= self.max_scroll_y - 2 * self.size.height:
            self._show_parts(1)

    def _show_parts(self, count: int) -> None:
        parts, self._pending = self._pending[:count], self._pending[count:]
        rest = self.query_one("#body-rest", Static)
        self.mount_all((Static(part, classes="body-part") for part in parts), before=rest)
        self._laid_out += len(parts)
        self._note_rest()

    def _note_rest(self) -> None:
        """Say how much is still to come; hidden (no blank line) when the body is all shown."""
        rest = self.query_one("#body-rest", Static)
        rest.display = bool(self._pending)
        left = sum(len(part) for part in self._pending)
        rest.update(Text(f"… {left:,} more characters: scroll on to read them", style="dim italic"))

    def _set_body(self, body: Text, keep: int) -> None:
        """Show `body`'s first part now and `keep` more (the same article drawn again keeps
        what the user had scrolled through); the rest as the user scrolls (`_near_the_end`)."""
        for widget in self.query(".body-part"):
            widget.remove()
        first, *rest = body_parts(body)
        self.query_one("#body", Static).update(first)
        self._pending, self._laid_out = rest, 0
        self._note_rest()
        if keep and self._pending:
            self._show_parts(keep)

    def watch_reading(self, reading: Reading | None) -> None:
        if not self.is_mounted:
            return
        self.set_class(reading is None, "-empty")
        previous, self._shown = self._shown, reading
        if reading is None:
            self.query_one("#headline", Static).update(Text("Nothing open", style="dim"))
            self.query_one("#byline", Static).update(
                Text("Choose an article in the list and press enter.", style="dim")
            )
            for part in ("#link", "#related-title"):
                self.query_one(part, Static).update("")
            self._set_body(Text(""), 0)
            self.query_one(RelatedList).clear_options()
            return
        article = reading.article
        self.query_one("#headline", Static).update(plain(article.title or "(untitled)", "bold"))
        self.query_one("#byline", Static).update(self._byline(article))
        link = Text(end="")
        if article.url:
            link.append(one_line(article.url), style="underline dim")
        self.query_one("#link", Static).update(link)
        kept = previous if previous is not None and previous.article.id == article.id else None
        same = kept is not None
        self._set_body(
            body_text(article.body, mentions=article.mentions, highlights=reading.highlights),
            self._laid_out if same else 0,
        )
        if kept is None or (kept.story, kept.similar) != (reading.story, reading.similar):
            self._show_related(reading)
        if not same:
            self.scroll_home(animate=False)

    @staticmethod
    def _byline(article: Article) -> Text:
        text = Text(end="")
        text.append(one_line(article.source) or "Unknown source", style="italic")
        if article.author:
            text.append(" · ")
            text.append(one_line(article.author))
        date = article_date(article)
        if date:
            text.append(" · ")
            text.append(date)
        if article.starred:
            text.append("  ★", style="bold #e5c07b")
        return text

    def _show_related(self, reading: Reading) -> None:
        related = self.query_one(RelatedList)
        related.clear_options()
        self._related_ids = []
        options: list[Option | None] = []
        others = [a for a in reading.story if a.id != reading.article.id]
        if others:
            options.append(Option(Text("Other sources of this story", style="bold"), disabled=True))
            self._related_ids.append(None)
            for other in others:
                options.append(Option(self._related_line(other)))
                self._related_ids.append(other.id)
        if reading.similar:
            options.append(Option(Text("More like this", style="bold"), disabled=True))
            self._related_ids.append(None)
            for hit in reading.similar:
                # One item per story (Library.more_like_this): "+2" for its other versions.
                options.append(Option(self._related_line(hit.article, versions=True)))
                self._related_ids.append(hit.article.id)
        related.add_options(options)
        related.display = bool(options)
        self.query_one("#related-title", Static).update(
            Text("─" * 20, style="dim") if options else ""
        )

    @staticmethod
    def _related_line(article: ArticleSummary, *, versions: bool = False) -> Text:
        """Date, outlet and title; with `versions`, "+N" for the story's other sources first,
        as the article list marks a story's row."""
        text = Text(end="", no_wrap=True, overflow="ellipsis")
        for part, style in ((article_date(article), "dim"), (one_line(article.source), "italic")):
            if part:
                text.append(part, style=style)
                text.append("  ")
        if versions and article.story_size > 1:
            text.append(f"+{article.story_size - 1} ", style="bold #d19a66")
        text.append(one_line(article.title) or "(untitled)")
        return text

    def action_step(self, delta: int) -> None:
        self.post_message(self.Step(delta))

    @on(OptionList.OptionSelected, "#related")
    def _related_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._related_ids):
            article_id = self._related_ids[event.option_index]
            if article_id is not None:
                self.post_message(self.RelatedChosen(article_id))


#: Shown by the help screen so the colours of the reader are explained once.
LEGEND = Text.assemble(
    ("person", MENTION_STYLES["person"]),
    "  ",
    ("place", MENTION_STYLES["place"]),
    "  ",
    ("organization", MENTION_STYLES["org"]),
)
