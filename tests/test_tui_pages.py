"""Entity and story pages in the TUI: reached and used by keys, at 80x24 and 160x50."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static

from reader.screens.entity_page import EntityPageScreen, chart
from reader.screens.main import MainScreen
from reader.screens.story_page import StoryPageScreen, VersionColumn
from reader.widgets.article_list import ArticleList
from reader.widgets.entity_sidebar import EntityList
from reader.widgets.reader_view import ReaderView
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio
SIZES = [(80, 24), (160, 50)]


def fix_first_seen(path: Path) -> None:
    """Give every article a fixed "first seen" time, so screens do not show the clock."""
    conn = sqlite3.connect(path / "library.sqlite")
    conn.execute("UPDATE articles SET added = '2025-03-04T08:00:00+00:00'")
    conn.commit()
    conn.close()


def text_of(screen: object, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())  # type: ignore[attr-defined]


async def open_entity_from_sidebar(pilot, name: str, key: str = "E") -> EntityPageScreen:  # type: ignore[no-untyped-def]
    await pilot.press("e")
    await pilot.pause()
    entities = pilot.app.screen.query_one(EntityList)
    for _ in range(entities.option_count):
        if entities.current is not None and entities.current.name == name:
            break
        await pilot.press("down")
    assert entities.current is not None and entities.current.name == name
    await pilot.press(key)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EntityPageScreen)
    return screen


async def test_enter_on_a_sidebar_entity_opens_its_page(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_entity_from_sidebar(pilot, "Marta Solans", key="enter")
        assert "Marta Solans" in text_of(screen, "#ep-title")


async def cursor_to_story(pilot, app, *, versions: int) -> ArticleList:  # type: ignore[no-untyped-def]
    """Move the list's cursor to the first story with (at least, when > 1) `versions`."""
    articles = app.screen.query_one(ArticleList)
    articles.focus()
    for _ in range(articles.row_count):
        current = articles.current
        if current is not None and (
            current.story_size == 1 if versions == 1 else current.story_size >= versions
        ):
            break
        await pilot.press("down")
    return articles


@pytest.mark.parametrize("size", SIZES)
async def test_entity_page_by_keys(tui_library_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        page = await open_entity_from_sidebar(pilot, "Marta Solans")
        assert "Marta Solans" in text_of(page, "#ep-title")
        assert page.page is not None and page.page.articles == 2
        quotes = page.query_one("#ep-quotes", OptionList)
        assert quotes.option_count >= 1
        await pilot.press("tab")
        assert app.focused is quotes
        # Enter on a quote opens its article in the reader, back on the main screen.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        reading = app.screen.reading
        assert reading is not None and reading.article.id == page.page.quotes[0].article_id
        assert app.screen.query_one(ReaderView).display


@pytest.mark.parametrize("size", SIZES)
async def test_related_entity_opens_its_page_and_escape_comes_back(
    tui_library_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        page = await open_entity_from_sidebar(pilot, "Marta Solans")
        assert page.page is not None and page.page.related
        related = page.page.related[0].entity.name
        assert app.focused is page.query_one("#ep-related", OptionList)
        await pilot.press("enter")
        await settle(pilot)
        assert page.page.name == related and related in text_of(page, "#ep-title")
        await pilot.press("escape")
        await settle(pilot)
        assert page.page.name == "Marta Solans"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_f_on_a_related_entity_filters_by_both(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        page = await open_entity_from_sidebar(pilot, "Marta Solans")
        assert page.page is not None
        other = page.page.related[0].entity
        await pilot.press("f")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        filters = {(f.type, f.name) for f in main.search_query.filters}
        assert filters == {("person", "Marta Solans"), (other.type, other.name)}


async def test_the_page_keys_follow_a_remap_as_the_settings_notice_says(
    tui_library_path: Path,
) -> None:
    """`j` remapped to Undo: the page's Down gives it up, as the notice says (it used to
    without a word), and the page's Filter, an id now, moves to the key it is given."""
    from reader.app import DatelineApp
    from reader.config import parse_config

    config = parse_config('[keys]\nentity_undo = "j"\nentity_page_filter = "i"\n')
    assert any(
        "'entity_undo' has it now, and 'entity_page_down' is left without a key" in w
        for w in config.warnings
    )
    app = DatelineApp(tui_library_path, config=config)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        page = await open_entity_from_sidebar(pilot, "Marta Solans")
        assert page.page is not None and len(page.page.related) > 1
        related = page.query_one("#ep-related", OptionList)
        assert app.focused is related and related.highlighted == 0
        await pilot.press("j")  # undo (nothing to undo), not down
        await settle(pilot)
        assert related.highlighted == 0
        await pilot.press("f")  # no longer Filter's key
        await settle(pilot)
        assert app.screen is page
        await pilot.press("down", "i")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        other = page.page.related[1].entity
        filters = {(f.type, f.name) for f in main.search_query.filters}
        assert filters == {("person", "Marta Solans"), (other.type, other.name)}


async def test_entity_page_from_the_palette(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("E")  # the sidebar is not focused: choose an entity by name
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        for key in "Jordi Ferrer":
            await pilot.press("space" if key == " " else key)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityPageScreen)
        assert "Jordi Ferrer" in text_of(app.screen, "#ep-title")


async def test_unknown_entity_is_said_on_the_page(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.open_entity_page("Nobody Atall", "person")
        await settle(pilot)
        assert "No person called" in text_of(app.screen, "#ep-title")


async def test_hostile_source_is_shown_as_text(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.open_entity_page("Lisbon", "place")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, EntityPageScreen)
        shown = str(page.query_one("#ep-latest", OptionList).get_option_at_index(0).prompt)
        assert "Tagus [i]Daily[/i]" in shown and "\x1b" not in shown
        assert "[red]x[/red]" in shown


@pytest.mark.parametrize("size", SIZES)
async def test_story_page_by_keys(tui_library_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        articles = await cursor_to_story(pilot, app, versions=2)
        assert articles.current is not None and articles.current.story_size > 1
        await pilot.press("Z")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, StoryPageScreen)
        columns = list(page.query(VersionColumn))
        assert len(columns) == 2
        assert {c.version.article.source for c in columns} == {
            "Iberia Herald",
            "Mediterranean Times",
        }
        assert "2 sources" in text_of(page, "#sp-title")
        assert app.focused is columns[0]
        await pilot.press("right")
        assert app.focused is columns[1]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        reading = app.screen.reading
        assert reading is not None and reading.article.id == columns[1].version.article.id


async def test_story_page_of_the_open_article(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # open the first article; the reader takes focus
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen) and main.reading is not None
        story = main.reading.article.story
        await pilot.press("Z")
        await settle(pilot)
        assert isinstance(app.screen, StoryPageScreen) and app.screen.story == story
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_story_page_of_a_single_version_says_there_is_nothing_to_compare(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        articles = await cursor_to_story(pilot, app, versions=1)
        assert articles.current is not None and articles.current.story_size == 1
        await pilot.press("Z")
        await settle(pilot)
        title = text_of(app.screen, "#sp-title")
        assert "Only one version so far" in title and "sentences shared" not in title


def test_chart_marks_the_busiest_days() -> None:
    from index.pages import Bucket

    days = tuple(Bucket(f"2025-01-{d:02d}", n) for d, n in zip(range(1, 8), [0, 1, 5, 0, 2, 0, 1], strict=True))  # fmt: skip
    lines = chart(days, (Bucket("2025-01-03", 5),), 70).plain.split("\n")
    marks = lines[-2]
    assert marks.count("▲") >= 1 and marks.index("▲") > lines[-2].index(marks.strip()[0]) - 1
    assert lines[-1].startswith("2025-01-01") and lines[-1].rstrip().endswith("2025-01-07")
    # The tallest bar is over the marked day.
    top = lines[0]
    assert top[marks.index("▲")] != " "


# -- snapshots --------------------------------------------------------------------------------
async def _ready(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(Input).cursor_blink = False
    await settle(pilot)


def _entity_page(pilot_name: str):  # type: ignore[no-untyped-def]
    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ready(pilot)
        pilot.app.screen.open_entity_page(pilot_name, None)
        await settle(pilot)

    return run


def _story_page(pilot) -> object:  # type: ignore[no-untyped-def]
    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ready(pilot)
        await pilot.press("Z")
        await settle(pilot)

    return run(pilot)


@pytest.mark.parametrize("size", SIZES)
def test_entity_page_snapshot(snap_compare, tui_library_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    fix_first_seen(tui_library_path)
    assert snap_compare(
        make_app(tui_library_path), terminal_size=size, run_before=_entity_page("Valencia")
    )


@pytest.mark.parametrize("size", SIZES)
def test_story_page_snapshot(snap_compare, tui_library_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    fix_first_seen(tui_library_path)
    assert snap_compare(make_app(tui_library_path), terminal_size=size, run_before=_story_page)


@pytest.mark.parametrize(("min_column", "shown"), [(38, 2), (120, 1)])
async def test_story_columns_fit_side_by_side_then_scroll(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch, min_column: int, shown: int
) -> None:
    """As many versions side by side as fit at the minimum width; more scroll sideways, each
    still that wide (not one column stretched over the whole page)."""
    monkeypatch.setattr("reader.screens.story_page.MIN_COLUMN", min_column)
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await cursor_to_story(pilot, app, versions=2)
        await pilot.press("Z")
        await settle(pilot)
        columns = list(app.screen.query(VersionColumn))
        assert len(columns) == 2
        visible = app.screen.query_one("#sp-versions").size.width
        assert all(abs(c.outer_size.width - visible // shown) <= 1 for c in columns)
