"""At 80 columns the correction dialogs and the toasts after a correction read whole: the
retype picker sizes to a long entity name within the screen, and a toast is as wide as its
message allows, so neither an entity's name nor the undo hint is broken across lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.geometry import Region
from textual.widget import Widget

from index import Library
from reader.screens.entity_picker import PickScreen
from test_tui_keys import make_app, pick_entity
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio

#: Long enough that the retype title ("Retype NAME (now org) as:", 79 cells) wraps at 80
#: columns, inside the box.
HARBOUR = "Port Authority of Valencia and the Valencian Harbour Board"
#: Longer than any screen line: the title must wrap, whole, inside the box.
BOARD = (
    "Port Authority of Valencia and the Valencian Community Harbour Board for Container "
    "Terminals, Night Shifts and Coastal Dock Workers"
)


def lines_of(widget: Widget) -> list[str]:
    """The widget's text as it wraps at the width it has on screen."""
    content = widget.render()
    assert isinstance(content, Content)
    return [line.plain.strip() for line in content.wrap(widget.content_size.width)]


def whole_on_one_line(lines: list[str], part: str) -> bool:
    return any(part in line for line in lines)


async def open_retype(pilot, name: str) -> PickScreen:  # type: ignore[no-untyped-def,type-arg]
    """The retype picker for `name`, opened by keys from the sidebar."""
    await settle(pilot)
    await pick_entity(pilot, name, "t")
    screen = pilot.app.screen
    assert isinstance(screen, PickScreen)
    return screen


@pytest.mark.parametrize("name", [HARBOUR, BOARD])
async def test_the_retype_title_is_readable_at_80_columns(
    tui_library_path: Path, name: str
) -> None:
    with Library.open(tui_library_path) as library:
        library.rename_entity("Port Authority of Valencia", name)
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24)) as pilot:
        picker = await open_retype(pilot, name)
        title = picker.query_one("#picker-title")
        box = picker.query_one("#picker")
        expected = f"Retype {name} (now org) as:"  # a whole question, no "…" to read as cut
        lines = lines_of(title)
        # Every word of the title is shown, in the title's own rows, inside the box and screen.
        assert " ".join(lines) == expected
        assert len(lines) <= title.content_size.height
        assert box.region.contains_region(title.region)
        assert Region(0, 0, 80, 24).contains_region(box.region)
        if len(expected) <= 70:
            # The box widens to the title rather than wrapping it early.
            assert lines == [expected]
        else:
            assert box.region.width > 64  # as wide as the screen allows, then wrapped
            assert len(lines) <= 3
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, PickScreen)


async def test_a_short_title_keeps_the_picker_compact_on_a_wide_screen(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        picker = await open_retype(pilot, "Marta Solans")
        box = picker.query_one("#picker")
        assert box.region.width == 64  # sized to its content, not to the screen
        assert lines_of(picker.query_one("#picker-title")) == [
            "Retype Marta Solans (now person) as:"
        ]
        # The choices fill the box (the cursor's bar runs its full width).
        assert picker.query_one("#picker-options").region.width == box.content_region.width


async def test_a_correction_toast_reads_whole_at_80_columns(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pick_entity(pilot, "Port Authority of Valencia", "M")
        await pilot.press(*"valencia", "enter")
        await settle(pilot)
        toasts = [t for t in app.screen.query("Toast") if "Merged" in " ".join(lines_of(t))]
        assert len(toasts) == 1
        toast = toasts[0]
        lines = lines_of(toast)
        # The undo hint is the toast's title line, the message whole below it.
        assert lines[0] == "U undoes it", lines
        assert " ".join(lines[1:]).startswith('Merged "Port Authority of Valencia" into "Valencia"')
        assert Region(0, 0, 80, 24).contains_region(toast.region)
        for part in ('"Port Authority of Valencia"', '"Valencia"'):
            assert whole_on_one_line(lines, part), lines
        assert len(lines) <= 3
