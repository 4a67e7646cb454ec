"""Read marks and stars written by another process show in an open reader (QA 5, item 9),
in place and without searching again, while the reader's own presses keep what they show."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.rooms.flags import FlagsRead
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio

#: Another reader, as a real second process: it marks `read` read and stars `star`.
OTHER_READER = """
import sys
from index import Library
library, read, star = sys.argv[1:4]
with Library.open(library) as lib:
    lib.set_read(read, True)
    lib.set_starred(star, True)
"""


async def test_flags_written_elsewhere_follow_without_a_search(tui_library_path: Path) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        articles = screen.query_one(ArticleList)
        await pilot.press("j", "j")
        await pilot.press("enter")  # the third row is open (and read, by this reader)
        await settle(pilot)
        assert screen.reading is not None
        opened = screen.reading.article
        await pilot.press("escape")  # back on the list, the article stays open
        await settle(pilot)
        others = [a for a in articles.shown if a.id != opened.id and not a.read]
        assert len(others) >= 2
        read_there = others[0]
        generation = screen._generation
        subprocess.run(
            [sys.executable, "-c", OTHER_READER, str(tui_library_path), read_there.id, opened.id],
            check=True,
            timeout=60,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            row = articles.find(read_there.id)
            if row is not None and row.read and screen.reading.article.starred:
                break
            await pilot.pause(0.2)
        await settle(pilot)
        row = articles.find(read_there.id)
        assert row is not None and row.read
        assert screen.reading.article.starred  # the open article's star
        starred_row = articles.find(opened.id)
        assert starred_row is not None and starred_row.starred  # and its row's
        assert screen._generation == generation  # no search ran for it


async def test_a_press_still_being_written_is_not_undone_by_a_poll(
    tui_library_path: Path,
) -> None:
    """Flags read before this reader's own write landed must not take its press back."""
    app = make_app(tui_library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        articles = screen.query_one(ArticleList)
        article = articles.current
        assert article is not None and not article.starred
        sequence = screen._flag_sequence
        await pilot.press("s")  # shown at once; say the poll read the row just before
        screen.post_message(FlagsRead({article.id: (article.read, False)}, sequence))
        await settle(pilot)
        row = articles.find(article.id)
        assert row is not None and row.starred
