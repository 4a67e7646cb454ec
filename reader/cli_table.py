"""The CLI's article tables (`articles`, `search`, `watch`, an entity's "Latest articles").

Left to Rich, a table too wide for the window shrinks every column alike: the id was cut (so
it could not be passed to `dateline show`), the date too, and a long source name took the room
the title needed, which a no-wrap title then lost altogether. So the widths are set here:
the id and the date are always whole, a long source is capped (it ends in "…"), and the title
gets the rest. When even that leaves the title little room, the table drops its outer edges and
column lines, and at the last the source column. On a terminal a long title wraps within its
column; in a pipe or a log (`cli_contract.fit_output`) every row stays one line, the title cut
with "…" only when `$COLUMNS` asks for a width it does not fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from index.model import ArticleSummary

from .render import article_date, one_line

#: A source never takes more than this many columns, nor more than a third of what the id and
#: date leave, when the row does not fit whole.
SOURCE_CAP = 24
#: Narrowest source column worth showing ("Wir…").
SOURCE_MIN = 4
#: Below this, the title's room is bought back from the box (edges and column lines)...
TITLE_ROOM = 20
#: ...and below this, in the compact table, from the source column.
TITLE_MIN = 12
#: Columns spent on borders and padding: the boxed table (edges, lines, a space either side of
#: each cell), and the compact one (a space between cells only), per column.
BOXED_PER_COLUMN, COMPACT_PER_COLUMN = 3, 2


@dataclass(frozen=True)
class ArticleRow:
    """One article as a table row: every cell already sanitized, never markup."""

    id: Text
    date: str
    source: Text
    title: Text


def article_row(article: ArticleSummary, extra: str = "") -> ArticleRow:
    """`article`'s row, each cell on one line (a newline in a title would break a row in two)."""
    return ArticleRow(
        Text(one_line(article.id)),
        article_date(article),
        Text(one_line(article.source)),
        Text(one_line(article.title) + extra),
    )


@dataclass(frozen=True)
class _Layout:
    id: int
    date: int
    compact: bool
    source: int | None  # None: no source column
    title: int | None  # None: as wide as the longest title


def _longest(cells: list[str], header: str) -> int:
    return max([cell_len(header), *(cell_len(c) for c in cells)])


def _layout(rows: Sequence[ArticleRow], width: int) -> _Layout:
    """Widths for the source and title columns that leave the id and the date whole."""
    id_, date = _longest([r.id.plain for r in rows], "id"), _longest([r.date for r in rows], "date")
    source = _longest([r.source.plain for r in rows], "source")
    title = _longest([r.title.plain for r in rows], "title")
    room = width - id_ - date - 4 * BOXED_PER_COLUMN - 1
    if source + title <= room:
        return _Layout(id_, date, False, source, None)
    for compact, least in ((False, TITLE_ROOM), (True, TITLE_MIN)):
        spent = 4 * COMPACT_PER_COLUMN - 2 if compact else 4 * BOXED_PER_COLUMN + 1
        room = width - id_ - date - spent
        capped = min(source, SOURCE_CAP, max(SOURCE_MIN, room // 3))
        if room - capped >= min(title, least):
            return _Layout(id_, date, compact, capped, room - capped)
    room = width - id_ - date - (3 * COMPACT_PER_COLUMN - 2)  # no source column
    return _Layout(id_, date, True, None, max(room, 1))


def article_table(title: Text | str, rows: Sequence[ArticleRow], console: Console) -> Table:
    """A table of `rows` (id, date, source, title) that fits `console`'s width."""
    layout = _layout(rows, console.width)
    wrap = console.is_terminal  # in a pipe a row is one line (README, the CLI contract)
    table = Table(title=title, title_justify="left")
    if layout.compact:
        table.box, table.show_edge, table.pad_edge = box.SIMPLE_HEAD, False, False
        table.collapse_padding = True
    table.add_column("id", no_wrap=True, min_width=layout.id)
    table.add_column("date", no_wrap=True, min_width=layout.date)
    if layout.source is not None:
        table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=layout.source)
    table.add_column(
        "title",
        no_wrap=not wrap,
        overflow="fold" if wrap else "ellipsis",
        max_width=layout.title,
    )
    for row in rows:
        cells = [row.id, Text(row.date), row.source, row.title]
        table.add_row(*(cells if layout.source is not None else cells[:2] + cells[3:]))
    return table
