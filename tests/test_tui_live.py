"""A live library (issue 9): another process adds news while the reader runs."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.app import DatelineApp
from reader.config import Config
from reader.widgets.article_list import ArticleList
from reader.widgets.filter_chips import FilterChips
from tui_fixtures import (
    SIZES,
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio

WIRE = [
    {
        "title": "Tromso ferry timetable changes for the spring",
        "body": (
            "The harbour ferry of Tromso will run a spring timetable from next week, the "
            "operator said on Monday. Skipper Ingrid Halvorsen said crossings would leave "
            "every forty minutes."
        ),
        "url": "https://arcticpost.example/ferry-spring",
        "published": "2025-04-01T08:00:00+00:00",
        "source": "Arctic Post",
    },
    {
        "title": "Quito opens a cable car over the southern hills",
        "body": (
            "A cable car linking two districts of Quito opened to passengers on Sunday. City "
            "engineer Mateo Arroyo said the ride takes nine minutes instead of an hour by bus."
        ),
        "url": "https://andeanwire.example/quito-cable-car",
        "published": "2025-04-02T08:00:00+00:00",
        "source": "Andean Wire",
    },
]


@pytest.mark.parametrize("size", SIZES)
async def test_news_added_by_another_process_appears_in_place(
    tui_library_path: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    wire = tmp_path / "wire.jsonl"
    wire.write_text("".join(json.dumps(a) + "\n" for a in WIRE), encoding="utf-8")
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        articles = app.screen.query_one(ArticleList)
        assert articles.row_count == 5
        await pilot.press("j", "j")
        chosen = articles.current
        assert chosen is not None
        on_screen = articles.cursor_row - round(articles.scroll_y)
        # A real second process writes the same library, as `dateline add` in another shell.
        writer = subprocess.Popen(
            [sys.executable, "-m", "reader.cli", "--library", str(tui_library_path), "add",
             str(wire)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while articles.row_count < 7 and time.monotonic() < deadline:
            await pilot.pause(0.25)
        assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else ""
        await settle(pilot)
        assert articles.row_count == 7
        # The newer articles are on top; the cursor stayed on its article and its row.
        assert articles.current == chosen
        assert articles.cursor_row == 4
        assert articles.cursor_row - round(articles.scroll_y) in (on_screen, on_screen + 2)
        chips = str(app.screen.query_one(FilterChips).render())
        assert "2 new" in chips
        # Another query starts counting from zero.
        await pilot.press("u")
        await settle(pilot)
        assert "new" not in str(app.screen.query_one(FilterChips).render())
