"""The merge picker matches names folded for case and accents, never the type or count in
its labels; entity names are never Rich markup in the corrections' toasts and dialogs; a
refused rename names the key, not a shell command (all found by QA driving the TUI)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Label, OptionList

from glass_fixtures import (
    glass_library_fixture,  # noqa: F401 (a fixture)
    glass_path_fixture,  # noqa: F401 (a fixture)
)
from reader.entity_commands import in_tui_words
from reader.entity_keys import MergeEntity
from reader.screens.entity_picker import PickScreen
from test_tui_entity_fixes import answer, notes
from test_tui_keys import make_app, pick_entity
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio


def offered(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The picker's rows as shown."""
    assert isinstance(app.screen, PickScreen)
    return [str(option.prompt) for option in app.screen.query_one(OptionList).options]


async def test_the_merge_picker_folds_accents_and_matches_names_only(glass_path: Path) -> None:
    app = make_app(glass_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Ostrava", "M")
        for typed, expected in (
            ("kilic", ["Ayşe Kılıç · person · 4"]),
            ("KILIÇ", ["Ayşe Kılıç · person · 4"]),
            ("mjo", ["Lake Mjøsa · place · 4"]),
            ("europ", ["European Rail Agency · org · 8"]),  # not the people
            ("person", ["No matches"]),  # the type word in the label is not a name
            ("8", ["No matches"]),  # nor is the count; the empty list says so
        ):
            await answer(pilot, "ctrl+u", *typed)
            assert offered(app) == expected, typed
        await answer(pilot, "enter")  # "No matches" is not a choice: the picker stays
        assert isinstance(app.screen, PickScreen)
        assert app.screen.query_one(OptionList).highlighted is None
        await answer(pilot, "ctrl+u", *"kilic", "enter")
        assert any('into "Ayşe Kılıç"' in n for n in notes(app)), notes(app)


async def test_the_merge_picker_matches_an_entitys_other_names(glass_path: Path) -> None:
    from index import Library

    with Library.open(glass_path) as library:
        library.rename_entity("Red Ox Brewing", "Oxbrew")  # the old name stays one of its names
    app = make_app(glass_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Peter Hanley", "M")
        await answer(pilot, *"red ox")
        assert offered(app) == ["Oxbrew · org · 8"]


async def test_entity_names_are_never_markup_in_the_corrections(glass_path: Path) -> None:
    """A name that reads as Rich markup stays characters: in the split toast (it had no
    `markup=False`), the picker's title and rows."""
    from index import Library

    hostile = "[red]Ox Brewing[/]"  # one key with "Red Ox Brewing": no other name to split off
    with Library.open(glass_path) as library:
        library.rename_entity("Red Ox Brewing", hostile)
    app = make_app(glass_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, hostile, "S")
        shown = [n for n in app._notifications if "no other names" in str(n.message)]
        assert [str(n.message) for n in shown] == [f"{hostile} has no other names to split off"]
        assert not any(n.markup for n in shown)
        await pick_entity(pilot, "Peter Hanley", "M")
        await answer(pilot, *"ox brew")
        assert offered(app) == [f"{hostile} · org · 8"]
        await answer(pilot, "escape")
        await pick_entity(pilot, hostile, "M")
        title = app.screen.query_one("#picker-title", Label).content
        assert str(title) == f"Merge {hostile} into…"


async def test_a_refused_rename_names_the_key_not_the_shell_command(glass_path: Path) -> None:
    app = make_app(glass_path, entity_merge="ctrl+k")
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Peter Hanley", "R")
        await answer(pilot, "ctrl+u", *"Ayşe Kılıç", "enter")
        refused = [n for n in notes(app) if "There is already a person" in n]
        assert refused, notes(app)
        key = app.key_display(MergeEntity)  # the user's own key for a merge
        assert f'press {key} to merge "Peter Hanley" into "Ayşe Kılıç"' in refused[0]
        assert "dateline" not in refused[0]


def test_tui_words_leave_other_refusals_alone() -> None:
    said = 'There is already a org called "A "B" C"; to make them one, merge them: '
    assert in_tui_words(said + 'dateline entities merge "A "B" C" "D"', "M") == (
        said.removesuffix("merge them: ") + 'press M to merge "D" into "A "B" C"'
    )
    assert in_tui_words('"X" is already called that; nothing to rename', "M") == (
        '"X" is already called that; nothing to rename'
    )


async def test_down_in_the_filter_box_moves_the_pickers_highlight(glass_path: Path) -> None:
    """Down then Enter in the retype picker picks the second choice (QA: a box that kept
    every key to itself left the highlight on the first, and Enter applied that)."""
    app = make_app(glass_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Peter Hanley", "t")
        choices = offered(app)
        first = app.screen.query_one(OptionList).highlighted or 0
        await answer(pilot, "down")
        assert app.screen.query_one(OptionList).highlighted == first + 1
        await answer(pilot, "enter")
        second = choices[first + 1].split()[0]
        assert any(f"to {second}" in n for n in notes(app)), (choices, notes(app))
