"""`D` sorts a query newest first instead of by relevance (and back), as `dateline search
--sort date` does, and the line under the search bar says which order the list is in."""

from __future__ import annotations

from pathlib import Path

import pytest

from index import Library
from reader.app import DatelineApp
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.search_bar import SearchStatus
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
    type_query,
)

pytestmark = pytest.mark.anyio

#: A word of every article but the hostile one: its relevance order is not its date order.
QUERY = "said"


def listed(app: DatelineApp) -> list[str]:
    """The article ids down the list, read by moving its cursor (as a user would)."""
    table = app.screen.query_one(ArticleList)
    ids = []
    table.move_cursor(row=0)
    for row in range(table.row_count):
        table.move_cursor(row=row)
        article = table.current
        assert article is not None
        ids.append(article.id)
    table.move_cursor(row=0)
    return ids


def status(app: DatelineApp) -> str:
    return str(app.screen.query_one(SearchStatus).render())


def expected(path: Path, sort: str) -> list[str]:
    """The back end's order for `sort`, one row per story as the list shows it."""
    with Library.open(path) as library:
        hits = library.search(QUERY, limit=20, sort=sort).hits
    ids, stories = [], set()
    for hit in hits:
        story = hit.article.story or hit.article.id
        if story not in stories:
            stories.add(story)
            ids.append(hit.article.id)
    return ids


async def test_d_sorts_the_query_newest_first_and_back(tui_library_path: Path) -> None:
    by_relevance, newest_first = (expected(tui_library_path, s) for s in ("relevance", "date"))
    assert by_relevance != newest_first  # otherwise the test could not fail
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await type_query(pilot, QUERY)
        await pilot.press("escape")  # back to the list: D is a command there, not a letter
        await settle(pilot)
        assert listed(app) == by_relevance
        assert "by relevance" in status(app)
        await pilot.press("D")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.sort_by_date
        assert listed(app) == newest_first
        assert "newest first" in status(app)
        await pilot.press("D")
        await settle(pilot)
        assert listed(app) == by_relevance
        assert "by relevance" in status(app)


async def test_the_palette_offers_the_sort(tui_library_path: Path) -> None:
    newest_first = expected(tui_library_path, "date")
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await type_query(pilot, QUERY)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"newest first")
        await pilot.pause(0.6)
        await pilot.press("enter")
        await settle(pilot)
        assert listed(app) == newest_first
        assert "newest first" in status(app)


async def test_without_words_the_list_stays_newest_first_and_says_so(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        before = listed(app)
        await pilot.press("D")
        await settle(pilot)
        assert listed(app) == before
        assert any("newest first" in str(n.message) for n in app._notifications)
