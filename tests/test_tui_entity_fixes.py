"""Entity corrections from the sidebar by keys: retype, merge, split, rename, block, undo, and
the "open entity page" message."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.message import Message

from reader.screens.entity_picker import AskScreen, PickScreen
from reader.widgets.entity_sidebar import EntityList, EntitySidebar
from test_tui_keys import make_app, pick_entity
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


def listed(app) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    entities = app.screen.query_one(EntityList)
    return {(e.name, e.type) for e in entities._entities if e is not None}


def notes(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


async def answer(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        await pilot.press(key)
    await settle(pilot)


async def test_retype_then_undo_by_keys(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert ("Marta Solans", "person") in listed(app)
        await pick_entity(pilot, "Marta Solans", "t")
        assert isinstance(app.screen, PickScreen)
        await answer(pilot, "o", "r", "g", "enter")
        assert ("Marta Solans", "org") in listed(app)
        assert any('Retyped "Marta Solans" from person to org' in n for n in notes(app))
        sidebar = app.screen.query_one(EntityList)
        current = sidebar.current
        assert current is not None and current.name == "Marta Solans"  # the cursor follows it
        await answer(pilot, "U")
        assert ("Marta Solans", "person") in listed(app)
        undone = 'Retyped "Marta Solans" back from org to person (undid the retype)'
        assert undone in notes(app)
        # An undo is not itself undone by U: its toast offers no key.
        titles = {str(n.message): n.title for n in app._notifications}
        assert titles[undone] == "" and titles[next(iter(titles))] == "U undoes it"
        current = sidebar.current
        assert current is not None and (current.name, current.type) == ("Marta Solans", "person")


async def test_block_and_escape_cancels(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Jordi Ferrer", "t")
        await answer(pilot, "escape")  # cancelled: nothing changes
        assert ("Jordi Ferrer", "person") in listed(app)
        await answer(pilot, "B")
        assert "Jordi Ferrer" not in {name for name, _ in listed(app)}
        assert any("is not an entity" in n for n in notes(app))


async def test_merge_with_the_fuzzy_picker(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        before = listed(app)
        await pick_entity(pilot, "Jordi Ferrer", "M")
        assert isinstance(app.screen, PickScreen)
        await answer(pilot, *"marta sol", "enter")
        assert ("Jordi Ferrer", "person") not in listed(app)
        assert ("Marta Solans", "person") in listed(app)
        assert any('Merged "Jordi Ferrer" into "Marta Solans"' in n for n in notes(app))
        await answer(pilot, "U")
        assert listed(app) == before


async def test_rename_and_split_by_keys(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Marta Solans", "R")
        assert isinstance(app.screen, AskScreen)
        await answer(pilot, "ctrl+u", *"Marta Solans Puig", "enter")
        assert ("Marta Solans Puig", "person") in listed(app)
        await pick_entity(pilot, "Marta Solans Puig", "S")
        assert isinstance(app.screen, PickScreen)
        await answer(pilot, *"Solans", "enter")
        assert any('Split "Solans"' in n for n in notes(app)), notes(app)


async def test_o_posts_opened_with_name_and_type(tui_library_path: Path) -> None:
    seen: list[Message] = []
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Marta Solans", "o")
    opened = list(dict.fromkeys(m for m in seen if isinstance(m, EntitySidebar.Opened)))  # bubbling
    assert [(m.name, m.type) for m in opened] == [("Marta Solans", "person")]


async def test_a_rename_to_text_with_brackets_is_shown_as_text(tui_library_path: Path) -> None:
    """Names come from article text: "[/]" in one is characters, not Rich markup that would
    crash the notification (found by QA)."""
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Marta Solans", "R")
        await answer(pilot, "ctrl+u", *"Marta [/] Solans", "enter")
        assert ("Marta [/] Solans", "person") in listed(app)
        shown = [n for n in app._notifications if '"Marta [/] Solans"' in str(n.message)]
        assert shown and not any(n.markup for n in shown)  # as markup, the toast would crash
