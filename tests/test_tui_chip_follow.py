"""Filter chips follow entity corrections: a chip is an exact (type, name) filter, so a
rename, a retype, a merge or a block (from the sidebar or from another process) rewrites it to
what the entity became, or drops it, instead of leaving an empty list under a stale chip."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.query import EntityFilter
from reader.filter_follow import followed_filters
from reader.rooms import live
from test_tui_keys import main, make_app, pick_entity
from test_tui_live_entities import correct, wait_until
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


def chips(app) -> tuple[EntityFilter, ...]:  # type: ignore[no-untyped-def]
    return main(app).search_query.filters


async def test_a_chip_follows_a_correction_from_the_sidebar(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live, "POLL_SECONDS", 3600.0)  # the sidebar's own doing, not the poll
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Marta Solans", "f")
        assert chips(app) == (EntityFilter("person", "Marta Solans"),)
        total = main(app).result.total
        assert total > 0
        await pick_entity(pilot, "Marta Solans", "t")
        for key in ("o", "r", "g", "enter"):
            await pilot.press(key)
        await settle(pilot)
        assert chips(app) == (EntityFilter("org", "Marta Solans"),)
        assert main(app).result.total == total  # the same articles, not an empty list
        await pick_entity(pilot, "Marta Solans", "R")
        await pilot.press("ctrl+u", *"Marta Solans Puig", "enter")
        await settle(pilot)
        assert chips(app) == (EntityFilter("org", "Marta Solans Puig"),)
        assert main(app).result.total == total


async def test_a_chip_follows_a_rename_in_another_process(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Marta Solans", "f")
        total = main(app).result.total
        writer = correct(tui_library_path, "rename", "Marta Solans", "Marta Solans Puig")
        assert await wait_until(
            pilot, lambda: chips(app) == (EntityFilter("person", "Marta Solans Puig"),)
        )
        assert writer.wait(timeout=60) == 0
        assert main(app).result.total == total


def test_a_blocked_entitys_chip_goes(tui_library_path: Path) -> None:
    from index import Library

    with Library.open(tui_library_path) as library:
        library.block_entity("Marta Solans")
        kept = EntityFilter("place", "Valencia")
        gone = EntityFilter("person", "Marta Solans")
        assert followed_filters(library, (kept, gone)) == (kept,)
        assert followed_filters(library, (kept,)) is None


async def test_the_sidebar_cursor_follows_a_renamed_entity(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.widgets.entity_sidebar import EntityList

    monkeypatch.setattr(live, "POLL_SECONDS", 3600.0)
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        sidebar = app.screen.query_one(EntityList)
        people = [e.name for e in sidebar.listed if e is not None and e.type == "person"]
        last = people[-1]
        await pick_entity(pilot, last, "R")
        await pilot.press("ctrl+u", *"Aaron Aalto", "enter")  # sorts elsewhere now
        await settle(pilot)
        assert sidebar.current is not None and sidebar.current.name == "Aaron Aalto"
        assert app.focused is sidebar


def test_what_an_entity_became(tui_library_path: Path) -> None:
    from index import Library

    with Library.open(tui_library_path) as library:
        assert library.entity_now("Marta Solans", "person") == ("person", "Marta Solans")
        library.rename_entity("Marta Solans", "Marta Solans Puig")
        assert library.entity_now("Marta Solans", "person") == ("person", "Marta Solans Puig")
        library.retype_entity("Marta Solans Puig", "org")
        assert library.entity_now("Marta Solans", "person") == ("org", "Marta Solans Puig")
        library.block_entity("Marta Solans Puig")
        assert library.entity_now("Marta Solans", "person") is None
