"""An open entity or story page follows what another process does to the library: a rename
retitles the entity page, a merge shows the entity it went into, a block closes the page with a
notice; a version of the story added elsewhere appears on the open story page. Another process
writes the library file here (`dateline entities …` and a second `Library`), as in real use."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from textual.widgets import OptionList

from index import Library
from reader.screens.main import MainScreen
from reader.screens.story_page import StoryPageScreen, VersionColumn
from test_tui_live_entities import correct, wait_until
from test_tui_pages import cursor_to_story, open_entity_from_sidebar, text_of
from tui_fixtures import (
    TRAM,
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio

#: Another outlet's version of the tram story (invented), close enough to join it.
TRAM_B = {
    "title": "Valencia opens a coastal tram line, mayor Jordi Ferrer says",
    "body": (
        "Jordi Ferrer, the mayor of Valencia, opened a new tram line along the coast on "
        "Friday, linking the port district with the northern beaches.\n\n"
        "Ferrer said the line would carry forty thousand passengers every day and that the "
        "sea was now ten minutes from everyone."
    ),
    "url": "https://levantedaily.example/valencia-coastal-tram-opens",
    "published": "2025-02-14T16:20:00+00:00",
    "source": "Levante Daily",
    "author": "Nuria Pons",
}


def notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def run(pilot, *args: str) -> None:  # type: ignore[no-untyped-def]
    """`dateline entities ARGS` in another process; the reader keeps running meanwhile."""
    writer = correct(pilot.app.library_path, *args)
    while writer.poll() is None:
        await pilot.pause(0.2)
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else b""


async def test_an_open_entity_page_follows_rename_merge_and_block(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        page = await open_entity_from_sidebar(pilot, "Marta Solans")
        assert page.page is not None and page.page.articles == 2
        await pilot.press("tab")  # the quotes list: where the user is must survive a refresh
        quotes = page.query_one("#ep-quotes", OptionList)
        assert app.focused is quotes

        await run(pilot, "rename", "Marta Solans", "Marta Solans Puig")
        assert await wait_until(pilot, lambda: "Marta Solans Puig" in text_of(page, "#ep-title"))
        assert app.screen is page and page.page.name == "Marta Solans Puig"
        assert page.page.articles == 2
        assert app.focused is quotes

        # Merged into another entity: the page shows the one it went into, and says so.
        await run(pilot, "merge", "Jordi Ferrer", "Marta Solans Puig")
        assert await wait_until(pilot, lambda: "Jordi Ferrer" in text_of(page, "#ep-title"))
        assert app.screen is page and page.page.name == "Jordi Ferrer"
        assert page.page.articles == 3  # her two port articles and his tram article
        assert any("merged into" in n and "Jordi Ferrer" in n for n in notes(app))

        # Blocked: nothing is left to show; the page closes and says why.
        await run(pilot, "block", "Jordi Ferrer")
        assert await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        assert any("Jordi Ferrer" in n and "no longer an entity" in n for n in notes(app))


async def test_escape_walks_back_through_renamed_pages(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        page = await open_entity_from_sidebar(pilot, "Marta Solans")
        assert page.page is not None and page.page.related
        related = page.page.related[0].entity.name
        await pilot.press("enter")  # the related entity's page, over hers
        await settle(pilot)
        assert page.page.name == related
        await run(pilot, "rename", "Marta Solans", "Marta Solans Puig")
        await run(pilot, "rename", related, f"{related} Nou")
        assert await wait_until(pilot, lambda: f"{related} Nou" in text_of(page, "#ep-title"))
        await pilot.press("escape")  # back to hers, under the name she has now
        await settle(pilot)
        assert page.page.name == "Marta Solans Puig"
        assert "Marta Solans Puig" in text_of(page, "#ep-title")


def add_version(library_path: Path) -> None:
    """A second `Library` on the same file adds another outlet's version of the tram story."""
    feed = library_path.parent / "levante.jsonl"
    feed.write_text(json.dumps(TRAM_B, ensure_ascii=False) + "\n", encoding="utf-8")
    with Library.open(library_path) as library:
        report = library.add([str(feed)])
    assert report.added == 1, report.failures


async def test_an_open_story_page_shows_a_version_added_elsewhere(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        articles = await cursor_to_story(pilot, app, versions=1)
        while articles.current is not None and articles.current.title != TRAM["title"]:
            await pilot.press("down")
        await pilot.press("Z")
        await settle(pilot)
        page = app.screen
        assert isinstance(page, StoryPageScreen)
        assert "Only one version so far" in text_of(page, "#sp-title")
        assert len(page.query(VersionColumn)) == 1

        await asyncio.to_thread(add_version, tui_library_path)
        assert await wait_until(pilot, lambda: len(page.query(VersionColumn)) == 2)
        assert app.screen is page and "2 sources" in text_of(page, "#sp-title")
        sources = {c.version.article.source for c in page.query(VersionColumn)}
        assert sources == {"Iberia Herald", "Levante Daily"}
        focused = app.focused
        assert isinstance(focused, VersionColumn) and focused.index == 0


async def test_an_open_entity_page_comes_back_when_a_correction_is_undone(
    tui_library_path: Path,
) -> None:
    """Another shell renames the entity and then undoes it: the page goes back to the old
    name (the new one names nothing any more) instead of closing as if it were blocked; a
    merge undone brings the merged entity's page back the same way."""
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        page = await open_entity_from_sidebar(pilot, "Marta Solans")
        await run(pilot, "rename", "Marta Solans", "Marta Solans Puig")
        assert await wait_until(pilot, lambda: "Marta Solans Puig" in text_of(page, "#ep-title"))

        await run(pilot, "undo")
        assert await wait_until(pilot, lambda: "Puig" not in text_of(page, "#ep-title"))
        assert app.screen is page and page.page is not None
        assert page.page.name == "Marta Solans" and page.page.articles == 2
        assert not any("no longer an entity" in n for n in notes(app))

        await run(pilot, "merge", "Jordi Ferrer", "Marta Solans")
        assert await wait_until(pilot, lambda: "Jordi Ferrer" in text_of(page, "#ep-title"))
        await run(pilot, "undo")
        assert await wait_until(pilot, lambda: "Marta Solans" in text_of(page, "#ep-title"))
        assert app.screen is page and page.page.name == "Marta Solans"
        assert page.page.articles == 2
        assert any("undone" in n and "Marta Solans" in n for n in notes(app))
        assert not any("no longer an entity" in n for n in notes(app))
