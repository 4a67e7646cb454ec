"""Toasts render cleanly (found by QA driving the TUI): a correction's toast (its title names
the undo key) used to stand two cells in from the right edge, leaving a column of what was
under it showing (a sidebar line's "…"), and its bottom row drew over the panes' border (a
stray "─" left at its corner). The toast now sits inside the frame: right against the right
border, above the bottom border and the footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from glass_fixtures import (
    glass_library_fixture,  # noqa: F401 (a fixture)
    glass_path_fixture,  # noqa: F401 (a fixture)
)
from test_tui_entity_fixes import answer
from test_tui_keys import make_app, pick_entity
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("size", [(120, 35), (80, 24)])
async def test_a_corrections_toast_sits_inside_the_frame(
    glass_path: Path, size: tuple[int, int]
) -> None:
    width, height = size
    app = make_app(glass_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Ostrava Glassworks", "R")
        await answer(pilot, "ctrl+u", *"Ostrava Glass", "enter")
        await pilot.pause()
        toasts = list(app.screen.query("Toast"))  # by CSS type: Textual does not export it
        assert len(toasts) == 1
        region = toasts[0].region
        # Up to the right border (width - 1), no gap column beside it, never over it.
        assert region.right == width - 1, region
        # Above the panes' bottom border (height - 2) and the footer (height - 1).
        assert region.bottom <= height - 2, region
        assert region.width <= width - 1
