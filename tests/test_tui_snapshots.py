"""Snapshots of the screens that matter, on deterministic data (fixed dates, no clock)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tui_fixtures import (
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)


async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(Input).cursor_blink = False
    await settle(pilot)


def test_main_screen_80x24(snap_compare, tui_library_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(tui_library_path), terminal_size=(80, 24), run_before=ready)


def test_main_screen_160x50(snap_compare, tui_library_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(tui_library_path), terminal_size=(160, 50), run_before=ready)


def test_reader_with_highlights(snap_compare, tui_library_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def read_the_strike(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press("slash", *"strike", "enter")
        await settle(pilot)
        await pilot.press("escape", "enter")
        await settle(pilot)

    assert snap_compare(
        make_app(tui_library_path), terminal_size=(160, 50), run_before=read_the_strike
    )


def test_help_screen(snap_compare, tui_library_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_help(pilot) -> None:  # type: ignore[no-untyped-def]
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(tui_library_path), terminal_size=(100, 50), run_before=open_help)
