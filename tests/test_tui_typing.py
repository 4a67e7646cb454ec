"""The search box holds exactly what was typed, however fast and whatever the workers do.

A terminal delivers a fast typist's keys (or a key-repeat, or a macro) in one read; the keys
below are posted the same way, all at once, instead of one `pilot.press` at a time (which
waits for the app to go idle between keys and so can never show an ordering bug).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from index import Library
from index.query import Query
from reader.app import DatelineApp
from reader.screens.main import MainScreen
from reader.state import LAST_QUERY, dump_query
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio


def burst(app: DatelineApp, *keys: str) -> None:
    """Queue `keys` as one terminal read would: every key is in the queue before the first
    is handled, so nothing the app does between two keys can be waited for."""
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app.post_message(event)


def box(app: DatelineApp) -> str:
    return app.screen.query_one("#search-input", Input).value


def main(app: DatelineApp) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def test_clear_line_then_type_in_one_burst_keeps_the_new_word(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"petra")
        await settle(pilot)
        burst(app, "ctrl+u", *"zurich")
        await settle(pilot)
        assert box(app) == "zurich"
        assert main(app).search_query.text == "zurich"


async def test_backspaces_and_typing_in_one_burst_while_a_search_runs(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"petra")
        # No settle: the burst lands while "petra"'s search (and its did-you-mean) is running.
        burst(app, *["backspace"] * 5, *"zurich", "left", "left", "x", "end", "s")
        await settle(pilot)
        assert box(app) == "zurixchs"
        assert main(app).search_query.text == "zurixchs"


async def test_enter_right_after_typing_submits_what_was_typed(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        burst(app, *"valencix", "backspace", "a", "enter")
        await settle(pilot)
        assert box(app) == "valencia"
        assert main(app).search_query.text == "valencia"
        assert app.focused is not None and app.focused.id == "articles"


async def test_typing_before_the_library_opens_is_not_replaced_by_the_saved_query(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library.open(tui_library_path) as library:
        library.set_state(LAST_QUERY, dump_query(Query("nairobi")))
    release = threading.Event()
    real_open = Library.open

    def held_open(path: Path, **kwargs: object) -> Library:
        release.wait(10)  # the library opens only once the user has typed
        return real_open(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "open", held_open)
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("slash", *"valencia")
        release.set()
        await settle(pilot)
        assert box(app) == "valencia"
        assert main(app).search_query.text == "valencia"
