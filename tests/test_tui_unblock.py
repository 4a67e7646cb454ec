"""Unblocking in the reader (QA pass 5, #6): a blocked name is in no list, so `L` on the entity
sidebar (or the palette's "Unblock a name …") picks among the blocked names; the unblock is
undoable, and works however many corrections ago the block was."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.entity_commands import in_tui_words
from reader.screens.entity_picker import PickScreen
from test_tui_entity_fixes import answer, listed, notes
from test_tui_keys import make_app, pick_entity
from test_tui_sidebar_qa import palette_titles
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


async def test_unblock_by_key_after_another_correction_then_undo(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Jordi Ferrer", "B")
        assert "Jordi Ferrer" not in {name for name, _ in listed(app)}
        await pick_entity(pilot, "Marta Solans", "t")
        await answer(pilot, "o", "r", "g", "enter")  # the block is no longer the last fix
        await answer(pilot, "L")
        assert isinstance(app.screen, PickScreen)
        await answer(pilot, "enter")  # the one blocked name
        assert ("Jordi Ferrer", "person") in listed(app)
        said = next(n for n in notes(app) if n.startswith("Unblocked"))
        assert said.startswith('Unblocked "Jordi Ferrer" (person): back in ')
        titles = {str(n.message): n.title for n in app._notifications}
        assert titles[said] == "U undoes it"
        await answer(pilot, "U")
        assert "Jordi Ferrer" not in {name for name, _ in listed(app)}
        assert any(n.endswith("(undid the unblock)") for n in notes(app))
        assert ("Marta Solans", "org") in listed(app)  # the retype stays


async def test_the_palette_offers_unblock_and_says_when_nothing_is_blocked(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        title = 'Unblock a name marked "not an entity"…'
        assert title in await palette_titles(pilot, "unblock")
        await answer(pilot, "enter")
        assert not isinstance(app.screen, PickScreen)
        assert 'No name is marked "not an entity".' in notes(app)


def test_the_unblock_command_in_a_message_becomes_the_key() -> None:
    message = (
        '"Lisbon" was marked "not an entity": no article counts it any more. To take that'
        ' back: dateline entities unblock "Lisbon".'
    )
    assert in_tui_words(message, "M", "L").endswith(
        """To take that back: press L (or the palette's "Unblock") and pick "Lisbon"."""
    )


async def test_a_search_on_a_blocked_name_says_why_and_names_the_unblock_key(
    tui_library_path: Path,
) -> None:
    from test_tui_polish_qa4 import no_match_text
    from tui_fixtures import type_query

    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Jordi Ferrer", "B")
        await pilot.press("escape")
        await type_query(pilot, "person:ferrer")
        said = no_match_text(app)
        assert said.startswith("No articles match this search.")
        assert '"Jordi Ferrer" was marked "not an entity"' in said
        assert "press L" in said and "dateline entities unblock" not in said
