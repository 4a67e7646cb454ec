"""The reading loop (issue 9): next/previous unread across pages, mark all read and undo,
read-on-open from config.toml, opening in the browser marks read."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import pytest

from index import Library
from reader.app import DatelineApp
from reader.config import Config
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList
from tui_fixtures import (
    SIZES,
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    settle_until,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


def main(app: DatelineApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


def unread_rows(app: DatelineApp) -> list[bool]:
    return [not row.article.read for row in app.screen.query_one(ArticleList)._visible()]


@pytest.mark.parametrize("size", SIZES)
async def test_next_and_previous_unread_across_pages(
    tui_library_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two hits a page: "next unread" has to load the following pages to find one.
    monkeypatch.setattr("reader.rooms.searching.PAGE_SIZE", 2)
    monkeypatch.setattr("reader.widgets.article_list.LOAD_AHEAD", 0)
    with Library.open(tui_library_path) as library:
        rows = library.search("", limit=10, sort="date").hits
        # Everything read but the oldest article, which is on the last page.
        library.mark_read([hit.article.id for hit in rows[:-1]], True)
        last = rows[-1].article.id
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.loaded == 2 and not any(unread_rows(app))
        await pilot.press("N")
        await settle_until(pilot, lambda: main(app).reading is not None)
        assert main(app).reading is not None and main(app).reading.article.id == last
        assert articles.current is not None and articles.current.id == last
        await pilot.press("N")
        await settle(pilot)
        assert any("No more unread" in str(n.message) for n in app._notifications)
        # Mark the first row unread; "previous unread" walks back up to it.
        await pilot.press("escape", "g", "m")
        await settle(pilot)
        first = articles.current
        assert first is not None
        await pilot.press("G", "P")
        await settle_until(pilot, lambda: main(app).reading is not None)
        assert main(app).reading is not None and main(app).reading.article.id == first.id


async def test_mark_all_read_and_undo(tui_library_path: Path) -> None:
    with Library.open(tui_library_path) as library:
        already = library.search("", limit=1, sort="date").hits[0].article.id
        library.set_read(already, True)
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert not any(unread_rows(app))
        with Library.open(tui_library_path) as library:
            assert all(a.read for a in library.articles())
        await pilot.press("U")
        await settle(pilot)
        with Library.open(tui_library_path) as library:
            flags = {a.id: a.read for a in library.articles()}
        # Undo restores exactly what "all read" changed: the article read before stays read.
        assert flags.pop(already) is True and not any(flags.values())
        assert unread_rows(app)[0] is False and all(unread_rows(app)[1:])


async def test_mark_all_read_in_unread_only_empties_the_list(tui_library_path: Path) -> None:
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u", "A")
        await settle(pilot)
        assert app.screen.query_one(ArticleList).row_count == 0
        await pilot.press("U")
        await settle(pilot)
        assert app.screen.query_one(ArticleList).row_count == 5


async def test_read_on_open_can_be_turned_off(tui_library_path: Path) -> None:
    app = DatelineApp(tui_library_path, config=Config(read_on_open=False))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reading = main(app).reading
        assert reading is not None and not reading.article.read
        assert unread_rows(app)[0]
        await pilot.press("m")
        await settle(pilot)
    with Library.open(tui_library_path) as library:
        assert library.article(reading.article.id).read  # `m` still marks it


async def test_opening_in_the_browser_marks_read(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        article = app.screen.query_one(ArticleList).current
        assert article is not None and not article.read
        await pilot.press("o")
        await settle(pilot)
        assert opened == [article.url]
        assert not unread_rows(app)[0]
    with Library.open(tui_library_path) as library:
        assert library.article(article.id).read


async def test_next_unread_at_the_bottom_goes_on_from_the_top(tui_library_path: Path) -> None:
    with Library.open(tui_library_path) as library:
        rows = library.search("", limit=10, sort="date").hits
        library.mark_read([hit.article.id for hit in rows[1:]], True)  # only the newest unread
        first = rows[0].article.id
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("G")  # the bottom of the list: nothing unread below
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        assert main(app).reading is not None and main(app).reading.article.id == first
        assert any("Hit the bottom" in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("key", ("N", "P"))
async def test_with_nothing_open_the_unread_row_under_the_cursor_comes_first(
    tui_library_path: Path, key: str
) -> None:
    """QA 4: `g` on an unread first row, then `N`, opened row 2."""
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        articles.focus()
        await pilot.press("g")
        await settle(pilot)
        first = articles.current
        assert first is not None and not first.read and main(app).reading is None
        await pilot.press(key)
        await settle(pilot)
        reading = main(app).reading
        assert reading is not None and reading.article.id == first.id
        await pilot.press("N")  # an article open: on to the next unread row
        await settle(pilot)
        reading = main(app).reading
        assert reading is not None and reading.article.id != first.id
