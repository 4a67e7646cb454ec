"""Undoing a correction gives the filter chip back (found by QA driving the TUI).

A chip follows a rename, merge or block; undoing it used to drop the chip ("No filters", the
whole library) after a rename, leave it on the merge target after a merge, and never bring back
the chip a block removed. Now the chip goes back to the name it had, from the sidebar's `U`
and from a `dateline entities undo` in another shell alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from glass_fixtures import (
    CITY_ARTICLES,
    COMPANY_ARTICLES,
    glass_library_fixture,  # noqa: F401 (a fixture)
    glass_path_fixture,  # noqa: F401 (a fixture)
)
from index.query import EntityFilter
from reader.filter_follow import ChipTrail
from reader.rooms import live
from test_tui_entity_fixes import answer, notes
from test_tui_keys import main, make_app, pick_entity
from test_tui_live_entities import correct, wait_until
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio

CITY = EntityFilter("place", "Ostrava")
COMPANY = EntityFilter("org", "Ostrava Glassworks")


def chips(app) -> tuple[EntityFilter, ...]:  # type: ignore[no-untyped-def]
    return main(app).search_query.filters


def total(app) -> int:  # type: ignore[no-untyped-def]
    result = main(app).result
    assert result is not None
    return result.total


@pytest.fixture(name="no_poll")
def no_poll_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sidebar's own doing is tested, not the poll that would also see it."""
    monkeypatch.setattr(live, "POLL_SECONDS", 3600.0)


sidebar_only = pytest.mark.usefixtures("no_poll")


@sidebar_only
async def test_undoing_a_rename_gives_the_chip_its_old_name(glass_path: Path) -> None:
    app = make_app(glass_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Ostrava Glassworks", "f")
        assert chips(app) == (COMPANY,)
        await pick_entity(pilot, "Ostrava Glassworks", "R")
        await answer(pilot, "ctrl+u", *"Ostrava Glass", "enter")
        assert chips(app) == (EntityFilter("org", "Ostrava Glass"),)
        await answer(pilot, "U")
        undone = 'Renamed "Ostrava Glass" back to "Ostrava Glassworks" (undid the rename)'
        assert undone in notes(app), notes(app)
        assert chips(app) == (COMPANY,)  # was: no chip at all, the whole library listed
        assert total(app) == COMPANY_ARTICLES


@sidebar_only
async def test_undoing_a_merge_puts_the_chip_back_on_the_merged_entity(glass_path: Path) -> None:
    app = make_app(glass_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Ostrava", "f")
        assert chips(app) == (CITY,) and total(app) == CITY_ARTICLES
        await pick_entity(pilot, "Ostrava", "M")
        await answer(pilot, *"glassworks", "enter")
        assert chips(app) == (COMPANY,)
        assert total(app) == CITY_ARTICLES + COMPANY_ARTICLES
        await answer(pilot, "U")
        assert chips(app) == (CITY,)  # was: left on the company, with its articles
        assert total(app) == CITY_ARTICLES


@sidebar_only
async def test_undoing_a_block_brings_back_the_chip_it_removed(glass_path: Path) -> None:
    app = make_app(glass_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        lake = EntityFilter("place", "Lake Mjøsa")
        await pick_entity(pilot, "Lake Mjøsa", "f")
        assert chips(app) == (lake,) and total(app) == CITY_ARTICLES
        await pick_entity(pilot, "Lake Mjøsa", "B")
        assert chips(app) == ()
        await answer(pilot, "e", "U")
        assert chips(app) == (lake,)
        assert total(app) == CITY_ARTICLES


@sidebar_only
async def test_undoing_a_block_puts_the_chip_back_in_its_place(glass_path: Path) -> None:
    """Backspace drops the last chip: after the undo it must be the one it was before."""
    app = make_app(glass_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        brewery = EntityFilter("org", "Red Ox Brewing", exclude=True)
        lake = EntityFilter("place", "Lake Mjøsa")
        await pick_entity(pilot, "Red Ox Brewing", "x")
        await pick_entity(pilot, "Ostrava", "f")
        await pick_entity(pilot, "Lake Mjøsa", "f")
        assert chips(app) == (brewery, CITY, lake)
        await pick_entity(pilot, "Ostrava", "B")
        assert chips(app) == (brewery, lake)
        await answer(pilot, "e", "U")
        assert chips(app) == (brewery, CITY, lake)  # was: (brewery, lake, CITY)
        await answer(pilot, "escape", "backspace")
        assert chips(app) == (brewery, CITY)


async def test_chips_come_back_when_another_shell_undoes(glass_path: Path) -> None:
    """The poll follows a rename and a block from another process, and their undo."""
    app = make_app(glass_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Ostrava Glassworks", "f")
        renamed = EntityFilter("org", "Ostrava Glass")
        for args, expected in (
            (("rename", "Ostrava Glassworks", "Ostrava Glass"), (renamed,)),
            (("undo",), (COMPANY,)),
            (("block", "Ostrava Glassworks"), ()),
            (("undo",), (COMPANY,)),
        ):
            writer = correct(glass_path, *args)
            assert writer.wait(timeout=120) == 0, writer.stderr
            assert await wait_until(pilot, lambda e=expected: chips(app) == e), (args, chips(app))
        assert total(app) == COMPANY_ARTICLES


def test_a_chip_renamed_twice_goes_back_one_name_per_undo(glass_path: Path) -> None:
    from index import Library

    trail = ChipTrail()
    with Library.open(glass_path) as library:
        chips_now: tuple[EntityFilter, ...] = (COMPANY,)
        steps = [
            (lambda: library.rename_entity("Ostrava Glassworks", "Ostrava Glass"), "Ostrava Glass"),
            (lambda: library.rename_entity("Ostrava Glass", "OG Bottles"), "OG Bottles"),
            (library.undo_entity_change, "Ostrava Glass"),
            (library.undo_entity_change, "Ostrava Glassworks"),
        ]
        for change, name in steps:
            change()
            chips_now = trail.follow(library, chips_now) or chips_now
            assert chips_now == (EntityFilter("org", name),)


def test_a_dropped_chip_is_forgotten_once_the_user_changes_the_chips(glass_path: Path) -> None:
    """Undoing a block after the user set other chips does not push the old one back in."""
    from index import Library

    trail = ChipTrail()
    lake = EntityFilter("place", "Lake Mjøsa")
    with Library.open(glass_path) as library:
        library.block_entity("Lake Mjøsa")
        assert trail.follow(library, (lake, CITY)) == (CITY,)
        library.undo_entity_change()
        assert trail.follow(library, (CITY,)) == (lake, CITY)  # untouched since: back in place
        library.block_entity("Lake Mjøsa")
        assert trail.follow(library, (lake, CITY)) == (CITY,)
        library.undo_entity_change()
        assert trail.follow(library, (COMPANY,)) is None  # the user moved on
