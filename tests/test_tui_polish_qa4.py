"""Polish from QA pass 4: an empty result, an article the results left, the feeds view."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from index import Library
from test_tui_feeds import _no_proxy, move_to, open_feeds, two_feeds_fixture  # noqa: F401
from test_tui_keys import main, make_app, pick_entity
from tui_fixtures import (
    SIZES,
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
    type_query,
)

pytestmark = pytest.mark.anyio


def no_match_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#no-match", Static).content)


@pytest.mark.parametrize("size", SIZES)
async def test_a_search_with_no_match_says_so(
    tui_library_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert not main(app).has_class("-no-match")
        await type_query(pilot, "zzyzx")
        assert main(app).has_class("-no-match") and not main(app).has_class("-empty")
        assert app.screen.query_one("#no-match", Static).display
        assert no_match_text(app) == "No articles match this search."
        await pilot.press("ctrl+u")  # clears the box: everything again
        await pilot.pause(0.4)
        await settle(pilot)
        assert not main(app).has_class("-no-match")


async def test_the_no_match_line_names_the_key_that_widens_it(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Marta Solans", "f")
        await type_query(pilot, "geothermal")  # Reykjavik's story: not hers
        assert main(app).has_class("-no-match")
        assert "drops the last filter" in no_match_text(app), no_match_text(app)
        await pilot.press("escape", "backspace")
        await settle(pilot)
        assert not main(app).has_class("-no-match")


async def test_the_reader_says_when_its_article_left_the_results(tui_library_path: Path) -> None:
    from reader.widgets.article_list import ArticleList
    from reader.widgets.reader_view import ReaderView

    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await type_query(pilot, "geothermal")
        await pilot.press("enter", "enter")  # to the list, then open its one article
        await settle(pilot)
        reader = app.screen.query_one(ReaderView)
        assert main(app).reading is not None and not reader.has_class("-outside")
        app.screen.query_one(ArticleList).focus()
        await type_query(pilot, " bus")  # "geothermal bus": not this article
        assert main(app).reading is not None and reader.has_class("-outside")
        for _ in " bus":
            await pilot.press("backspace")
        await pilot.pause(0.4)
        await settle(pilot)
        assert not reader.has_class("-outside")
        await pilot.press("ctrl+u")  # everything: its row is in the list again
        await pilot.pause(0.4)
        await settle(pilot)
        assert not reader.has_class("-outside")


async def test_the_feeds_view_reopens_where_its_cursor_was(two_feeds) -> None:  # type: ignore[no-untyped-def]
    from reader.app import DatelineApp
    from reader.config import Config
    from reader.screens.feeds import FeedList

    library_path, _, harbour, _ = two_feeds
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        await move_to(pilot, screen, "tag", "mountains")
        await pilot.press("escape")
        await settle(pilot)
        screen = await open_feeds(pilot)  # was: back at the first subscription
        assert screen._current() is not None and screen._current().value == "mountains"
        await move_to(pilot, screen, "feed", harbour)
        await pilot.press("escape")
        await settle(pilot)
        screen = await open_feeds(pilot)
        highlighted = screen.query_one(FeedList).highlighted
        assert highlighted is not None and screen._choices[highlighted].value == harbour


async def test_the_tag_dialog_names_the_feed_and_says_how_it_splits(two_feeds) -> None:  # type: ignore[no-untyped-def]
    from reader.app import DatelineApp
    from reader.config import Config
    from reader.screens.prompt import PromptScreen

    library_path, alpine, _, _ = two_feeds
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        await move_to(pilot, screen, "feed", alpine)
        await pilot.press("t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PromptScreen)
        assert str(dialog.query_one("#add-title", Static).content) == "Tags of Alpine"
        assert "with no comma, spaces do" in str(dialog.query_one("#add-hint", Static).content)
        await pilot.press("ctrl+u", *"mountains, security stuff", "enter")
        await settle(pilot)
    with Library.open(library_path) as library:
        (feed,) = [f for f in library.feeds() if f.url == alpine]
    assert sorted(t.lower() for t in feed.tags) == ["mountains", "security stuff"]
