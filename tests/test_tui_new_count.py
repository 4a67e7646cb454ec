"""The "N new" chip counts only news: articles another process added that the list shows.

Not the user's own `+` (or `r`, `d`: the same background job), and not an arrival the query or
its filters hide. The tests wait for the live poll to report the arrivals (recorded with
`message_hook`), so they never depend on how long a poll takes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input

from reader.app import DatelineApp
from reader.rooms.live import LibraryChanged
from reader.screens.add_news import AddNewsScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.filter_chips import FilterChips
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
    type_query,
)

pytestmark = pytest.mark.anyio

#: Two wire stories: only the first is about a ferry (as is the fixture's Lisbon alarm).
WIRE = [
    {
        "title": "Tromso ferry keeps its winter timetable into April",
        "body": (
            "The harbour ferry of Tromso will keep its winter timetable until the middle of "
            "April, the operator said on Monday. Skipper Ingrid Halvorsen said the fjord ice "
            "had cleared late this year."
        ),
        "url": "https://arcticpost.example/ferry-winter-timetable",
        "published": "2025-04-01T08:00:00+00:00",
        "source": "Arctic Post",
    },
    {
        "title": "Quito cable car carries its millionth passenger",
        "body": (
            "The cable car over the southern hills of Quito carried its millionth passenger "
            "on Sunday. City engineer Mateo Arroyo said the cabins would be repainted."
        ),
        "url": "https://andeanwire.example/quito-cable-car-million",
        "published": "2025-04-02T08:00:00+00:00",
        "source": "Andean Wire",
    },
]


def chips(app: DatelineApp) -> str:
    return str(app.screen.query_one(FilterChips).render())


async def arrivals_reported(pilot: Pilot, seen: list[Message], count: int) -> None:  # type: ignore[type-arg]
    """Wait until the live poll has reported `count` new articles, then for their search."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        reported = sum(
            len(m.change.new)
            for m in seen
            if isinstance(m, LibraryChanged) and m.change is not None
        )
        if reported >= count:
            break
        await pilot.pause(0.25)
    await settle(pilot)


def write_wire(folder: Path) -> Path:
    wire = folder / "wire.jsonl"
    wire.write_text("".join(json.dumps(a) + "\n" for a in WIRE), encoding="utf-8")
    return wire


async def test_only_arrivals_the_query_shows_are_counted(
    tui_library_path: Path, tmp_path: Path
) -> None:
    wire = write_wire(tmp_path)
    seen: list[Message] = []
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 35), message_hook=seen.append) as pilot:
        await settle(pilot)
        await type_query(pilot, "ferry")
        await pilot.press("escape")
        assert app.screen.query_one(ArticleList).row_count == 1
        # Another process (`dateline add` in another shell) adds both wire stories.
        subprocess.run(
            [sys.executable, "-m", "reader.cli", "--library", str(tui_library_path), "add",
             str(wire)],
            check=True,
            capture_output=True,
            timeout=120,
        )  # fmt: skip
        await arrivals_reported(pilot, seen, 2)
        assert app.screen.query_one(ArticleList).row_count == 2
        assert "1 new" in chips(app)  # the ferry story; the cable car is not in this list


async def test_the_users_own_additions_are_not_news(tui_library_path: Path, tmp_path: Path) -> None:
    wire = write_wire(tmp_path)
    seen: list[Message] = []
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 35), message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("plus")
        await pilot.pause()
        assert isinstance(app.screen, AddNewsScreen)
        app.screen.query_one(Input).value = str(wire)
        await pilot.press("enter")
        await arrivals_reported(pilot, seen, 2)
        assert app.screen.query_one(ArticleList).row_count == 7
        assert "new" not in chips(app)
