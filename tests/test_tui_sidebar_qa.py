"""The entity sidebar after a QA pass in a real terminal: the open article re-flows beside it,
an empty article scope says what to do, long names keep their count, `g` shows the first
heading, and its commands are in the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from reader.app import DatelineApp
from reader.screens.main import MainScreen
from reader.widgets.entity_sidebar import EntityList, EntitySidebar
from reader.widgets.reader_view import ReaderView
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


def main(app: DatelineApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


@pytest.mark.parametrize("size", [(120, 35), (80, 24)])
async def test_the_open_article_reflows_beside_the_sidebar_and_back(
    tui_library_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ReaderView)
        body = app.screen.query_one("#body", Static)
        assert reader.display
        alone = reader.region
        alone_body = body.region.width
        await pilot.press("e")
        await settle(pilot)
        sidebar = app.screen.query_one(EntitySidebar)
        assert sidebar.display and app.focused is app.screen.query_one(EntityList)
        # Nothing of the article is under the sidebar: the reader (and its text) ends where
        # the sidebar starts, and the body is wrapped to the narrower width.
        assert reader.region.right <= sidebar.region.x
        assert body.region.right <= sidebar.region.x
        assert body.region.width < alone_body
        assert max(strip.cell_length for strip in body.render_lines(body.region.reset_offset)) <= (
            body.region.width
        )
        await pilot.press("escape")
        await settle(pilot)
        assert not sidebar.display
        assert reader.region == alone
        assert body.region.width == alone_body
