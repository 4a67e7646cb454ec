"""The article list's cells that show an article's flags and title, and its columns' widths."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text

from index.model import ArticleSummary

from ..render import article_date, one_line, plain, short_date

#: The marks column (unread dot and star).
MARKS_WIDTH = 2
#: The source column grows to the longest source loaded, up to this share of the pane and
#: never past MAX_SOURCE_WIDTH: the title is what the user reads.
MAX_SOURCE_WIDTH = 24
SOURCE_SHARE = 5
MIN_TITLE_WIDTH = 20


@dataclass(frozen=True)
class Row:
    """One row of the article list."""

    article: ArticleSummary
    #: 0 for the row that stands for its story, 1 for another source of an expanded story.
    depth: int = 0


def marks_cell(article: ArticleSummary, story_starred: bool = False) -> Text:
    """The unread dot and the star. A story's row stands for every source of it: when another
    source is starred (`story_starred`) the row shows a plain star, so a starred article is
    never hidden in a folded story; the article's own star is bold."""
    text = Text(end="")
    text.append("●" if not article.read else " ", style="bold #5fafff")
    if article.starred:
        text.append("★", style="bold #e5c07b")
    else:
        text.append("★" if story_starred else " ", style="#b39249")
    return text


def source_cell(article: ArticleSummary, width: int) -> Text:
    """The outlet, one line, cut with an ellipsis to its column."""
    text = Text(one_line(article.source), style="italic", end="", no_wrap=True)
    text.truncate(width, overflow="ellipsis")
    return text


def title_cell(article: ArticleSummary, depth: int) -> Text:
    """The title, bold while unread, after "+N" for a story's other sources (depth 0) or a
    branch mark for one of those sources (depth 1)."""
    text = Text(end="", no_wrap=True, overflow="ellipsis")
    if depth:
        text.append("  └ ", style="dim")
    elif article.story_size > 1:
        text.append(f"+{article.story_size - 1} ", style="bold #d19a66")
    text.append_text(plain(article.title or "(untitled)", "" if article.read else "bold"))
    return text


def layout(
    articles: Sequence[ArticleSummary], width: int, cell_padding: int, scrollbar: int
) -> tuple[tuple[str, str, int], ...]:
    """(key, label, width) of each column for `articles` in a pane `width` cells wide.

    The date and source columns are as wide as their longest value and left out when no
    article has one; the title gets what is left. Every width is explicit rather than
    Textual's content-measured "auto": measuring happens on idle, and a frame drawn before it
    rendered titles at the label's width and kept those cells cached.

    The title is what the user reads: in a narrow pane (80 columns with the sidebar docked)
    the date goes short ("day"), then the source goes, then the date, until the title has
    MIN_TITLE_WIDTH; it never gets more than the pane has, so a long title is cut with "…"
    rather than by the pane's edge.
    """
    date = max((len(article_date(a)) for a in articles), default=0)
    day = max((len(short_date(a)) for a in articles), default=0)
    cap = min(MAX_SOURCE_WIDTH, max(8, width // SOURCE_SHARE))
    source = min(cap, max((len(one_line(a.source)) for a in articles), default=0))
    tries = [
        (("date", "Date", max(date, 4)), ("source", "Source", max(source, 6))),
        (("day", "Date", max(day, 4)), ("source", "Source", max(source, 6))),
        (("day", "Date", max(day, 4)),),
        (),
    ]
    for extra in tries:
        columns = [("marks", "", MARKS_WIDTH)]
        columns += [c for c in extra if (date if c[0] in ("date", "day") else source)]
        padding = 2 * cell_padding * (len(columns) + 1)
        title = width - sum(w for _, _, w in columns) - padding - scrollbar
        if title >= MIN_TITLE_WIDTH:
            break
    columns.append(("title", "Title", max(1, title)))
    return tuple(columns)


def row_cells(row: Row, columns: Sequence[tuple[str, str, int]], marks: Text) -> list[Text]:
    """One row's cells in the order of `columns` ((key, label, width) as `layout` gives them)."""
    article = row.article
    out: list[Text] = []
    for key, _, width in columns:
        if key == "title":
            out.append(title_cell(article, row.depth))
        elif key == "marks":
            out.append(marks)
        elif key == "date":
            out.append(Text(article_date(article), style="dim", end=""))
        elif key == "day":
            out.append(Text(short_date(article), style="dim", end=""))
        else:
            out.append(source_cell(article, width))
    return out
