"""Resizing the terminal with an article open: the layout stacks at narrow widths and nothing
crashes (a related-articles list laid out at width 0 once raised in Rich's cell chopping)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.widgets.reader_view import ReaderView
from test_tui_keys import main, make_app
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("narrow", [(80, 24), (90, 30), (100, 40)])
async def test_shrinking_the_terminal_with_an_article_open(
    tui_library_path: Path, narrow: tuple[int, int]
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # a story with another source: the related list shows
        await settle(pilot)
        opened = main(app).reading.article.id
        await pilot.resize_terminal(*narrow)
        await settle(pilot)
        await pilot.resize_terminal(160, 50)
        await settle(pilot)
        await pilot.resize_terminal(*narrow)
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert app.screen.query_one(ReaderView).reading.article.id == opened
