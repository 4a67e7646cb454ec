"""The article list at narrow sizes (found by QA driving the TUI): the open article's row stays
on screen when opening it shrinks the list pane, and at 80 columns with the sidebar docked the
title keeps the room (a shorter date), cut with "…"."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from reader.widgets.article_cells import MIN_TITLE_WIDTH
from reader.widgets.article_list import ArticleList
from test_tui_keys import make_app
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio

#: Made-up words for the bodies: 70 of them, so the stories share few.
VOCAB = [c + v for c in "bdfgklmnprstvz" for v in ("ara", "elo", "indu", "okra", "umi")]

#: Invented, unrelated stories: one row each (nothing for the story grouping to join).
TOPICS = [
    ("Orchard growers count a late frost", "apples", "Kestrel Valley"),
    ("Ferry timetable changes for winter", "ferries", "Port Amsel"),
    ("Library opens a tool lending shelf", "drills", "Wexbridge"),
    ("Choir wins the regional contest", "singers", "Holloway Green"),
    ("Bakery strike ends after two days", "bakers", "Lindqvist Street"),
    ("Observatory spots a bright comet", "telescopes", "Mount Carrow"),
    ("Cycling lane plan goes to vote", "cyclists", "Brennan Square"),
    ("Beekeepers report a record honey year", "hives", "Tallis Meadow"),
    ("Museum returns a carved mask", "curators", "Oduya Hall"),
    ("Chess club hosts a junior open", "pawns", "Ravel Park"),
    ("Glacier retreat measured by students", "ice", "Storbreen"),
    ("Harbour seals counted from the air", "seals", "Grey Point"),
    ("Tram drivers get new cabins", "trams", "Vasquez Depot"),
    ("Village hall roof finally mended", "roofers", "Little Ashby"),
    ("Rowing regatta moved by a storm", "rowers", "Lake Tirrel"),
    ("Night market returns to the docks", "stalls", "Quay Seven"),
]


def story(index: int, title: str, word: str, place: str) -> dict[str, str]:
    """One article whose words share little with the others (a seeded shuffle of VOCAB)."""
    words = random.Random(index).sample(VOCAB, 30)
    body = (
        f"{title} in {place}, residents said. "
        + " ".join(words[:15]).capitalize()
        + f" {word}.\n\n"
        + " ".join(words[15:]).capitalize()
        + f" near {place}."
    )
    return {
        "title": title,
        "body": body,
        "url": f"https://smalltown.example/{index}-{word}",
        "published": f"2025-05-{index + 1:02d}T09:00:00+00:00",
        "source": "Smalltown Courier",
    }


@pytest.fixture(name="many_path", scope="module")
def many_path_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from index import Library

    folder = tmp_path_factory.mktemp("many")
    corpus = folder / "many.jsonl"
    lines = (json.dumps(story(i, *topic)) for i, topic in enumerate(TOPICS))
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Library.open(folder / "library") as library:
        report = library.add([str(corpus)])
        assert report.added == len(TOPICS), report.failures
    return folder / "library"


def rows_in_view(table: ArticleList) -> range:
    """The rows the list shows now (below its header)."""
    top = round(table.scroll_y)
    height = table.scrollable_content_region.height - table.header_height
    return range(top, top + height)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_opening_the_last_article_keeps_its_row_in_view(
    many_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(many_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        await pilot.press("G")
        await settle(pilot)
        last = table.row_count - 1
        assert last > 10  # more rows than the shrunken pane shows
        assert table.cursor_row == last and last in rows_in_view(table)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause()
        assert table.cursor_row == last
        assert last in rows_in_view(table), (rows_in_view(table), last)


def columns(table: ArticleList) -> dict[str, int]:
    return {str(key.value): column.width for key, column in table.columns.items()}


async def test_a_docked_sidebar_at_80_columns_leaves_the_title_room(many_path: Path) -> None:
    app = make_app(many_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        await pilot.press("e")  # the sidebar docks beside the list
        await settle(pilot)
        widths = columns(table)
        assert widths["title"] >= MIN_TITLE_WIDTH, widths
        assert "date" not in widths and widths["day"] <= 9  # "16 May 25", not "2025-05-16"
        padding = 2 * table.cell_padding * len(widths)
        assert sum(widths.values()) + padding <= table.size.width  # nothing cut by the edge
        lines = [table.render_line(y).text for y in range(1, 4)]
        assert any("16 May 25" in line for line in lines), lines
        # "Night market returns to the docks" is longer than the column: cut with "…".
        assert any("Night market" in line and "…" in line for line in lines), lines


async def test_a_wide_list_keeps_the_full_date(many_path: Path) -> None:
    app = make_app(many_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        widths = columns(app.screen.query_one(ArticleList))
        assert widths["date"] == len("2025-05-16") and "source" in widths, widths
