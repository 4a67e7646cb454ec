"""Layouts that use the screen (issue 9): escape closes the reader, the list takes the room of
a closed reader, columns fit their content, the footer keeps Help and Quit."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from index import Library
from reader.app import DatelineApp
from reader.config import Config
from reader.widgets.article_list import ArticleList
from reader.widgets.reader_view import ReaderView
from tui_fixtures import (
    SIZES,
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


def column_keys(table: ArticleList) -> list[str]:
    return [str(key.value) for key in table.columns]


@pytest.mark.parametrize("size", SIZES)
async def test_escape_closes_the_reader_and_the_list_gets_its_room_back(
    tui_library_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        reader = app.screen.query_one(ReaderView)
        assert not reader.display  # nothing open: no "Nothing open" pane
        closed = articles.outer_size
        await pilot.press("down", "enter")
        await settle(pilot)
        assert reader.display and app.focused is reader
        opened = articles.outer_size
        assert opened != closed  # the reader took part of the list's room
        chosen = articles.current
        await pilot.press("escape")
        await settle(pilot)
        if size[0] < 140:
            # Narrow: the reader stacked under the list is closed at once.
            assert not reader.display
        else:
            assert reader.display and app.focused is articles
            await pilot.press("escape")
            await settle(pilot)
            assert not reader.display
        assert app.focused is articles and articles.current == chosen
        assert articles.outer_size == closed


async def test_undated_text_dumps_show_when_they_were_seen(tmp_path: Path) -> None:
    dump = tmp_path / "clippings.txt"
    dump.write_text(
        "Harbour ferry returns to Tromso\n\n"
        "The harbour ferry of Tromso returned to service on a cold morning after repairs to "
        "its engine, the operator said, and the first crossing carried forty passengers.\n",
        encoding="utf-8",
    )
    with Library.open(tmp_path / "lib") as library:
        assert library.add([str(dump)]).added == 1
        article = library.articles()[0]
    assert article.published is None and article.seen is not None
    app = make_app(tmp_path / "lib")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        # No source anywhere: no source column, and no "—" placeholders.
        assert column_keys(table) == ["marks", "date", "title"]
        date, title = table.get_row_at(0)[1:]
        assert date.plain == f"seen {article.seen:%Y-%m-%d}"
        assert title.plain == "Harbour ferry returns to Tromso"
        await pilot.press("enter")
        await settle(pilot)
        byline = str(app.screen.query_one("#byline").render())
        assert f"seen {article.seen:%Y-%m-%d}" in byline and "—" not in byline


@pytest.mark.parametrize("size", SIZES)
async def test_columns_fit_their_content(tui_library_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleList)
        assert column_keys(table) == ["marks", "date", "source", "title"]
        widths = {str(key.value): column.width for key, column in table.columns.items()}
        assert widths["date"] == len("2025-03-03")
        longest = max(len(row.article.source or "") for row in table._visible())
        assert widths["source"] == min(longest, 24, max(8, table.size.width // 5))
        # The title column fills what is left of the pane.
        used = sum(widths.values()) + 2 * table.cell_padding * len(widths)
        assert table.size.width - used <= table.styles.scrollbar_size_vertical


@pytest.mark.parametrize("size", SIZES)
async def test_footer_keeps_help_and_quit_visible(
    tui_library_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for keys in ((), ("enter",)):
            await pilot.press(*keys)
            await settle(pilot)
            shown = {
                key.action: key.region
                for key in app.screen.query(FooterKey)
                if key.region.width and key.region.right <= size[0]
            }
            assert "help" in shown and "app.quit" in shown, shown


def test_library_error_screen_snapshot(snap_compare) -> None:  # type: ignore[no-untyped-def]
    # /etc/passwd is a file on every Unix: the reason is the same wherever the test runs.
    app = DatelineApp(Path("/etc/passwd"), config=Config())

    async def wait(pilot) -> None:  # type: ignore[no-untyped-def]
        from reader.screens.library_error import LibraryErrorScreen

        for _ in range(100):  # the library worker fails: wait for its screen, not the worker
            if isinstance(pilot.app.screen, LibraryErrorScreen):
                break
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=wait)
