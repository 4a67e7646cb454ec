"""Entity corrections reach an open reader at once: one made by another process (a
`dateline entities …` in another shell) within the poll, one made from the sidebar's keys
straight away; the sidebar, the list and the open article follow, the user's place kept."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Static

from reader.render import MENTION_STYLES
from reader.rooms import live
from reader.widgets.article_list import ArticleList
from reader.widgets.entity_sidebar import EntityList
from reader.widgets.reader_view import ReaderView
from reader.widgets.search_bar import SearchBar
from test_tui_keys import make_app, pick_entity
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.anyio

#: Generous: a loaded machine runs the second process and the poll slowly; no timing is asserted.
WAIT = 120.0


def listed(app) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(e.name, e.type) for e in app.screen.query_one(EntityList).listed if e is not None}


def open_mentions(app) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(name, type) of every mention in the article the reader shows."""
    reading = app.screen.query_one(ReaderView).reading
    assert reading is not None
    return {(m.entity, m.type) for m in reading.article.mentions}


def colour_of(app, word: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The styles painted over the first `word` of the body the reader shows."""
    body = app.screen.query_one(ReaderView).query_one("#body", Static).content
    assert isinstance(body, Text)
    start = body.plain.index(word)
    return {str(span.style) for span in body.spans if span.start <= start and span.end >= start + 1}


def correct(library: Path, *args: str) -> subprocess.Popen[bytes]:
    """`dateline entities ARGS` in a second process on the same library."""
    return subprocess.Popen(
        [sys.executable, "-m", "reader.cli", "--library", str(library), "entities", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


async def wait_until(pilot, check) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + WAIT
    while not check():
        if time.monotonic() > deadline:
            return False
        await pilot.pause(0.2)
    await settle(pilot)
    return True


async def open_port_story(pilot) -> None:  # type: ignore[no-untyped-def]
    """Open the Valencia port story (it names Marta Solans) and go back to the list."""
    app = pilot.app
    articles = app.screen.query_one(ArticleList)
    for _ in range(articles.row_count):
        current = articles.current
        if current is not None and "port" in current.title.casefold():
            break
        await pilot.press("j")
    await pilot.press("enter")
    await settle(pilot)
    assert ("Marta Solans", "person") in open_mentions(app)


async def test_a_correction_by_another_process_reaches_the_open_reader(
    tui_library_path: Path,
) -> None:
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await open_port_story(pilot)
        await pilot.press("escape")  # back to the list; the article stays open
        await pilot.press("e")  # the sidebar has the focus, its cursor on Marta Solans
        await settle(pilot)
        sidebar = app.screen.query_one(EntityList)
        for _ in range(sidebar.option_count):
            if sidebar.current is not None and sidebar.current.name == "Marta Solans":
                break
            await pilot.press("down")
        articles = app.screen.query_one(ArticleList)
        chosen, row = articles.current, articles.cursor_row
        assert ("Marta Solans", "person") in listed(app)
        assert MENTION_STYLES["person"] in colour_of(app, "Solans")

        # Another shell renames her: the sidebar and the open article follow, no search run.
        writer = correct(tui_library_path, "rename", "Marta Solans", "Marta Solans Puig")
        assert await wait_until(pilot, lambda: ("Marta Solans Puig", "person") in listed(app))
        assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else b""
        assert await wait_until(
            pilot, lambda: ("Marta Solans Puig", "person") in open_mentions(app)
        )
        assert "Marta Solans" not in {name for name, _ in open_mentions(app)}
        assert sidebar.current is not None and sidebar.current.name == "Marta Solans Puig"
        assert app.focused is sidebar

        # A new type recolours her in the article.
        writer = correct(tui_library_path, "retype", "Marta Solans Puig", "org")
        assert await wait_until(pilot, lambda: ("Marta Solans Puig", "org") in listed(app))
        assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else b""
        assert await wait_until(pilot, lambda: MENTION_STYLES["org"] in colour_of(app, "Solans"))
        assert ("Marta Solans Puig", "org") in open_mentions(app)

        # And undo, in that other shell, takes it back.
        writer = correct(tui_library_path, "undo")
        assert await wait_until(pilot, lambda: ("Marta Solans Puig", "person") in listed(app))
        assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else b""
        assert await wait_until(pilot, lambda: MENTION_STYLES["person"] in colour_of(app, "Solans"))

        # The user's place: the same list row under the cursor, the same (empty) query.
        assert articles.current is not None and chosen is not None
        assert articles.current.id == chosen.id and articles.cursor_row == row
        assert app.screen.query_one(SearchBar).typed_ahead in (None, "")


async def test_a_correction_from_the_sidebar_recolours_the_open_article_at_once(
    tui_library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No poll: what is checked is the sidebar's own correction, not the live watch.
    monkeypatch.setattr(live, "POLL_SECONDS", 3600.0)
    app = make_app(tui_library_path)
    async with app.run_test(size=(160, 20)) as pilot:  # short: the article scrolls
        await settle(pilot)
        await open_port_story(pilot)
        reader = app.screen.query_one(ReaderView)
        assert MENTION_STYLES["person"] in colour_of(app, "Solans")
        await pilot.press("j", "j", "j")
        await settle(pilot)
        scrolled = reader.scroll_y
        assert scrolled > 0
        await pick_entity(pilot, "Marta Solans", "t")
        for key in ("o", "r", "g", "enter"):
            await pilot.press(key)
        await settle(pilot)
        assert ("Marta Solans", "org") in open_mentions(app)
        assert MENTION_STYLES["org"] in colour_of(app, "Solans")
        assert reader.scroll_y == scrolled  # repainted in place, not reopened at the top
        await pick_entity(pilot, "Marta Solans", "R")
        await pilot.press("ctrl+u", *"Marta Solans Puig", "enter")
        await settle(pilot)
        assert ("Marta Solans Puig", "org") in open_mentions(app)
        await pilot.press("U")
        await settle(pilot)
        assert ("Marta Solans", "org") in open_mentions(app)
        assert reader.reading is not None and "port" in reader.reading.article.title.casefold()
