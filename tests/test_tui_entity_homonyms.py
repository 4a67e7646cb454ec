"""The rename modal meets a name an entity of another type has: the confirm step says which
entity (type, articles) and offers rename anyway, merge, or cancel — by keys, on a real app."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Label, OptionList

from reader.screens.entity_picker import AskScreen, ChoiceScreen
from reader.widgets.entity_sidebar import EntityList
from test_tui_entity_fixes import answer, listed, notes
from test_tui_keys import make_app, pick_entity
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


async def rename_to(pilot, name: str, new_name: str) -> None:  # type: ignore[no-untyped-def]
    await pick_entity(pilot, name, "R")
    assert isinstance(pilot.app.screen, AskScreen)
    await answer(pilot, "ctrl+u", *new_name, "enter")


async def test_rename_to_a_place_name_asks_then_keeps_both_and_undoes(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = listed(app)
        assert ("Valencia", "place") in before and ("Jordi Ferrer", "person") in before
        await rename_to(pilot, "Jordi Ferrer", "Valencia")
        screen = app.screen
        assert isinstance(screen, ChoiceScreen)
        detail = str(screen.query_one("#picker-detail", Label).content)
        assert 'There is already a place called "Valencia" (3 articles).' in detail
        labels = [str(o.prompt) for o in screen.query_one(OptionList).options]
        assert labels == [
            "Rename anyway: a person called Valencia, kept apart",
            "Merge Jordi Ferrer into Valencia (place)",
            "Cancel",
        ]
        assert app.screen_stack[-2].query_one(EntityList).current.name == "Jordi Ferrer"
        await answer(pilot, "up", "up", "enter")  # rename anyway
        assert not isinstance(app.screen, ChoiceScreen)
        assert {("Valencia", "person"), ("Valencia", "place")} <= listed(app)
        assert ("Jordi Ferrer", "person") not in listed(app)
        assert any('kept apart from the place "Valencia"' in n for n in notes(app)), notes(app)
        await answer(pilot, "U")
        assert listed(app) == before


async def test_enter_on_reflex_or_escape_changes_nothing(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = listed(app)
        for key in ("enter", "escape"):
            await rename_to(pilot, "Jordi Ferrer", "Valencia")
            assert isinstance(app.screen, ChoiceScreen)
            await answer(pilot, key)
            assert not isinstance(app.screen, ChoiceScreen)
            assert listed(app) == before
        assert not any("Renamed" in n for n in notes(app))


async def test_merge_from_the_confirm_step(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await rename_to(pilot, "Jordi Ferrer", "Valencia")
        await answer(pilot, "up", "enter")  # merge into the place
        assert ("Jordi Ferrer", "person") not in listed(app)
        assert ("Valencia", "person") not in listed(app)
        assert any('Merged "Jordi Ferrer" into "Valencia" (place' in n for n in notes(app))
