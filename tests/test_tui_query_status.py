"""The line under the search bar speaks of what the user typed: an error's position counts from
the start of the search box (not of the query string with the chips in it), and a query with
nothing to rank by says "newest first", as its list is."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.screens.main import MainScreen
from reader.widgets.search_bar import SearchStatus
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    type_query,
)

pytestmark = pytest.mark.anyio


def status(screen: MainScreen) -> str:
    return str(screen.query_one(SearchStatus).render())


async def test_an_error_position_counts_only_the_typed_text(tui_library: Path) -> None:
    app = make_app(tui_library)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.add_filter("person", "Marta Solans")
        await settle(pilot)
        await type_query(pilot, '"port')
        shown = status(screen)
        assert 'the " at position 1 is never closed' in shown, shown


@pytest.mark.parametrize(
    ("typed", "order"),
    [
        ("person:solans", "newest first"),
        ("place:valencia -person:ferrer", "newest first"),
        ("-tram", "newest first"),
        ("dockers", "by relevance"),
        ("place:valencia strike", "by relevance"),
    ],
)
async def test_the_order_is_named_honestly(tui_library: Path, typed: str, order: str) -> None:
    app = make_app(tui_library)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await type_query(pilot, typed)
        shown = status(screen)
        assert screen.result is not None and screen.result.total > 0
        assert order in shown, shown
        other = "by relevance" if order == "newest first" else "newest first"
        assert other not in shown
