"""The timeline label under the entity sidebar names the entity as it is now: a rename (from the
sidebar's keys or another process) shows the new name at once, a merge the winner, and a
blocked entity's label goes, without the user moving the cursor."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Sparkline

from reader.rooms import live
from reader.widgets.entity_sidebar import EntityList
from reader.widgets.steady import SteadyLabel
from test_tui_live_entities import correct, wait_until
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


def label(app) -> str:  # type: ignore[no-untyped-def]
    """The timeline label's text ('' when hidden with no entity)."""
    return str(app.screen.query_one("#timeline-label", SteadyLabel).render())


def names_under_cursor(app) -> str | None:  # type: ignore[no-untyped-def]
    current = app.screen.query_one(EntityList).current
    return None if current is None else current.name


async def cursor_to(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    """Focus the sidebar and move its cursor to `name` (by keys), the timeline loaded."""
    await pilot.press("e")
    await settle(pilot)
    entities = pilot.app.screen.query_one(EntityList)
    for _ in range(entities.option_count):
        if names_under_cursor(pilot.app) == name:
            break
        await pilot.press("down")
    await settle(pilot)
    assert names_under_cursor(pilot.app) == name
    assert label(pilot.app).startswith(f"{name}  "), label(pilot.app)


async def test_a_rename_and_a_merge_from_the_sidebar_rename_the_label_at_once(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(live, "POLL_SECONDS", 3600.0)  # the sidebar's own doing, not the poll
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await cursor_to(pilot, "Marta Solans")
        await pilot.press("R", "ctrl+u", *"Marta Solans Puig", "enter")
        await settle(pilot)
        assert names_under_cursor(app) == "Marta Solans Puig"  # the cursor did not move
        assert label(app).startswith("Marta Solans Puig  "), label(app)

        # Merged into another entity: the cursor and the label go with it to the winner.
        await pilot.press("M", *"Jordi Ferrer", "enter")
        await settle(pilot)
        assert names_under_cursor(app) == "Jordi Ferrer"
        assert label(app).startswith("Jordi Ferrer  "), label(app)
        assert "Solans" not in label(app)


async def test_the_label_follows_a_rename_and_a_block_in_another_process(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await cursor_to(pilot, "Samuel Kiprono")
        writer = correct(tui_library_path, "rename", "Samuel Kiprono", "Samuel K. Kiprono")
        assert await wait_until(pilot, lambda: names_under_cursor(app) == "Samuel K. Kiprono")
        assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else b""
        await settle(pilot)
        assert label(app).startswith("Samuel K. Kiprono  "), label(app)

        writer = correct(tui_library_path, "block", "Samuel K. Kiprono")
        assert await wait_until(pilot, lambda: names_under_cursor(app) != "Samuel K. Kiprono")
        assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else b""
        await settle(pilot)
        assert "Kiprono" not in label(app)
        # The label now names the entity the cursor landed on, or nothing at all.
        now = names_under_cursor(app)
        sparkline = app.screen.query_one(Sparkline)
        if now is None:
            assert label(app) == "" and not sparkline.visible
        else:
            assert label(app).startswith(f"{now}  "), label(app)
