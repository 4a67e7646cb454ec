"""The entity sidebar after a QA pass in a real terminal: the open article re-flows beside it,
an empty article scope says what to do, long names keep their count, `g` shows the first
heading, and its commands are in the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from index import Library
from reader.app import DatelineApp
from reader.screens.entity_picker import PickScreen
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


async def palette_titles(pilot, typed: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Open the palette, type `typed`, and read the titles it offers."""
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*typed)
    await pilot.pause(0.6)
    hits = pilot.app.screen.query_one(CommandList)
    prompts = (str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count))
    return [prompt.splitlines()[0] for prompt in prompts]  # the title, not its help line


async def test_the_palette_runs_the_sidebars_commands_on_its_entity(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        entity = app.screen.query_one(EntityList).current
        assert entity is not None
        offered = await palette_titles(pilot, "exclude")
        assert f"Exclude {entity.name}" in offered
        await pilot.press("enter")
        await settle(pilot)
        filters = main(app).search_query.filters
        assert [(f.name, f.exclude) for f in filters] == [(entity.name, True)]
        # The corrections too: "Retype …" asks for the new type, as `t` does.
        await pilot.press("e")
        await settle(pilot)
        entity = app.screen.query_one(EntityList).current
        assert entity is not None
        offered = await palette_titles(pilot, "retype")
        assert f"Retype {entity.name}…" in offered
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PickScreen)  # the type picker `t` opens
        await pilot.press("escape")
        await settle(pilot)


async def test_the_palette_offers_no_entity_command_for_a_hidden_sidebar(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one(EntitySidebar).display
        assert not any(t.startswith("Exclude") for t in await palette_titles(pilot, "exclude"))
        await pilot.press("escape")
        await settle(pilot)
        # Undo needs no entity under a cursor: it is always there.
        assert "Undo entity correction" in await palette_titles(pilot, "undo entity")


def sidebar_lines(app: DatelineApp) -> list[str]:
    entities = app.screen.query_one(EntityList)
    return [str(entities.get_option_at_index(i).prompt) for i in range(entities.option_count)]


async def test_article_scope_with_nothing_open_says_what_to_do(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert main(app).reading is None
        await pilot.press("a")
        await settle(pilot)
        assert main(app).entity_scope == "article"
        lines = sidebar_lines(app)
        assert len(lines) == 1 and lines[0].startswith("Open an article to see its entities")
        assert "a switches" in lines[0]
        assert app.screen.query_one(EntityList).current is None
        # An article opened: its entities replace the hint.
        await pilot.press("enter")
        await settle(pilot)
        lines = sidebar_lines(app)
        assert not any("Open an article" in line for line in lines)
        assert any(line.startswith("● ") for line in lines)


@pytest.mark.parametrize("size", [(160, 50), (80, 24)])
async def test_long_names_end_in_an_ellipsis_and_keep_their_count(
    tui_library_path: Path, size: tuple[int, int]
) -> None:
    with Library.open(tui_library_path) as library:
        # One name that just overflows the sidebar, one far too long (renamed as `R` would).
        library.rename_entity("Port Authority of Valencia", "Serra Verde Commodities", type_="org")
        library.rename_entity(
            "Reykjavik Energy", "Reykjavik Geothermal Energy Company of the North", type_="org"
        )
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        entities = app.screen.query_one(EntityList)
        width = entities.scrollable_content_region.width
        rows = [entities.render_line(y).text.rstrip() for y in range(entities.virtual_size.height)]
        # One row per option: nothing wrapped onto a second row.
        assert len([row for row in rows if row]) == entities.option_count
        for name, count in (("Serra Verde Commodit", "2"), ("Reykjavik Geothermal", "1")):
            row = next(row for row in rows if row.startswith(f"● {name}"))
            assert row.endswith(f"… {count}") and len(row) <= width


@pytest.mark.parametrize("key", ["g", "j"])
async def test_the_first_entity_shows_its_heading(tui_library_path: Path, key: str) -> None:
    """`g` (top), and `j` on the last row (it wraps to the first entity), show the "People"
    heading above the first entity (`j` left it scrolled off above)."""
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        entities = app.screen.query_one(EntityList)
        assert entities.max_scroll_y > 0  # the list is taller than the sidebar
        await pilot.press("G")
        await settle(pilot)
        assert entities.scroll_y > 0
        await pilot.press(key)
        await settle(pilot)
        assert entities.highlighted == 1  # the first entity, under the "People" heading
        assert entities.scroll_y == 0
        assert entities.render_line(0).text.strip() == "People"


@pytest.mark.parametrize("size", [(160, 50), (80, 24)])
async def test_closing_the_article_puts_the_sidebar_back_on_the_lists_entities(
    tui_library_path: Path, size: tuple[int, int]
) -> None:
    """QA 4: after `a` and closing the article, the sidebar kept "Open an article…" and t/M/B
    had nothing to act on until `a` again. It falls back to the list's entities."""
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # open the first article
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert main(app).entity_scope == "article"
        assert main(app).reading is not None
        await pilot.press("escape")  # back to the list (closing the reader when narrow)
        await settle(pilot)
        if main(app).reading is not None:
            await pilot.press("escape")  # on the list: closes the article
            await settle(pilot)
        assert main(app).reading is None
        assert main(app).entity_scope == "results"
        lines = sidebar_lines(app)
        assert not any("Open an article" in line for line in lines)
        assert any(line.startswith("● ") for line in lines), lines
        heading = app.screen.query_one("#entity-scope", Static).render()
        assert "Entities in" in str(heading) and "article" not in str(heading)
        # `a` with nothing open still says what to do.
        await pilot.press("a")
        await settle(pilot)
        assert sidebar_lines(app)[0].startswith("Open an article")


@pytest.mark.parametrize(("size", "width"), [((160, 50), 32), ((220, 50), 40)])
async def test_the_sidebar_grows_a_little_on_wide_terminals(
    tui_library_path: Path, size: tuple[int, int], width: int
) -> None:
    """QA 4: 30 columns of names at 220 wide. From 180 columns it takes 40; below, as before."""
    app = make_app(tui_library_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert app.screen.query_one(EntitySidebar).outer_size.width == width
        await pilot.press("enter")  # an article open: list, reader and sidebar side by side
        await settle(pilot)
        assert app.screen.query_one(EntitySidebar).outer_size.width == width
        assert app.screen.query_one(ReaderView).outer_size.width > 40
        assert app.screen.query_one("#list-pane").outer_size.width >= 60
