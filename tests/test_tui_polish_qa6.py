"""QA 6 polish: the footer while typing names the keys that apply; `t` on an article without
a link says so instead of "The job failed"; the entity page answers to the sidebar's
correction keys and follows what they did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from index import Library
from reader.screens.entity_page import EntityPageScreen
from reader.screens.entity_picker import AskScreen, PickScreen
from reader.screens.prompt import PromptScreen
from reader.widgets.article_list import ArticleList
from test_tui_keys import main, make_app
from test_tui_live_entities import wait_until
from test_tui_pages import open_entity_from_sidebar, text_of
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


def footer(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The footer's keys as shown: description -> key."""
    return {k.description: k.key_display for k in app.screen.query(FooterKey)}


def name_on(page: EntityPageScreen) -> str:
    """The entity's name as the page's title shows it (before its type and counts)."""
    return text_of(page, "#ep-title").split("  ")[0]


def notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
async def test_the_footer_names_the_search_bars_keys_while_typing(
    tui_library_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"port")
        await settle(pilot)
        assert isinstance(app.focused, Input)
        shown = footer(app)
        # Was: only "^p palette" at any width.
        assert shown.get("Search") == "⏎" and shown.get("Back") == "esc", shown
        assert shown.get("Save search") == "^s", shown
        await pilot.press("ctrl+s")  # what the footer says it does
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, ArticleList)
        assert main(app).search_query.text == "port"  # the query is kept
        await pilot.press("slash", "enter")
        await pilot.pause()
        assert isinstance(app.focused, ArticleList)


async def test_t_on_an_article_without_a_link_says_so(tui_library_path: Path) -> None:
    clipping = tui_library_path.parent / "clipping.jsonl"
    clipping.write_text(
        json.dumps({"title": "Harbour crane replaced", "body": "The old crane came down."}) + "\n",
        encoding="utf-8",
    )
    with Library.open(tui_library_path) as library:
        assert library.add([str(clipping)]).added == 1
        (hit,) = library.search('"harbour crane"').hits
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen = main(app)
        screen.show_article(hit.article.id)
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert not screen.has_class("-job")  # no job started to fail
        assert "This article has no web link to fetch its full text from." in notes(app)
        titles = [n.title for n in app._notifications]
        assert "The job failed" not in titles


async def test_the_entity_page_has_the_sidebars_correction_keys(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        page = await open_entity_from_sidebar(pilot, "Marta Solans")
        assert footer(app).get("Type") == "t"
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        app.screen.query_one(Input).value = "Marta Solans Puig"
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: name_on(page) == "Marta Solans Puig")
        assert app.screen is page  # the page stays, retitled
        assert any(n.title == "U undoes it" for n in app._notifications)
        await pilot.press("U")
        assert await wait_until(pilot, lambda: name_on(page) == "Marta Solans")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PickScreen)
        await pilot.press("o", "r", "g", "enter")
        assert await wait_until(pilot, lambda: "Organizations" in text_of(page, "#ep-title"))
        await pilot.press("B")  # not an entity: the page closes, as when blocked elsewhere
        assert await wait_until(pilot, lambda: not isinstance(app.screen, EntityPageScreen))
        assert any("is no longer an entity" in n for n in notes(app))
