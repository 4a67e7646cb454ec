"""Quitting while an add runs (QA 6, A.6): the reader left the screen at once and waited, blank
and deaf, for the job; a Ctrl-C there lost the group being stored. Now the first quit says what
is running and the reader leaves when it is done; a second one stops the job, and the library
keeps every whole group stored before it, consistent, with the rest added by adding again.

The add runs in its real job process; nothing of ours is replaced."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from textual.widgets import Input

from index import Library
from index.health import check
from reader.app import DatelineApp
from reader.config import Config
from reader.screens.add_news import AddNewsScreen
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio

#: Generous: a loaded machine runs the job slowly; no timing is asserted.
WAIT = 300.0
#: Three of the add's groups (`index.library_add.GROUP_ARTICLES`): the stop lands after the
#: first is stored and before the last is.
MANY = 768


def news(path: Path, count: int) -> Path:
    """`count` short articles, each its own story."""
    lines = (
        json.dumps(
            {
                "title": f"Harbour note {i}: crane {i} serviced",
                "body": f"Crane number {i} at the north quay was serviced on day {i}.",
                "url": f"https://quaynotes.example/{i}",
                "published": f"2025-06-{i % 28 + 1:02d}T{i % 24:02d}:00:00+00:00",
                "source": "Quay Notes",
            }
        )
        for i in range(count)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def start_add(pilot, inputs: Path) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("plus")
    await pilot.pause()
    assert isinstance(pilot.app.screen, AddNewsScreen)
    pilot.app.screen.query_one(Input).value = str(inputs)
    await pilot.press("enter")
    await pilot.pause()
    assert pilot.app.screen.has_class("-job")


def notes(app: DatelineApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def exited(app: DatelineApp) -> bool:
    """Wait (without the pilot: the app is leaving) until the app has asked to exit."""
    deadline = time.monotonic() + WAIT
    while app.return_code is None:
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.1)
    return True


async def test_ctrl_c_during_an_add_says_so_and_quits_when_it_is_done(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = news(tmp_path / "quay.jsonl", 40)
    app = DatelineApp(tmp_path / "library", config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await start_add(pilot, inputs)
        await pilot.press("ctrl+c")  # as a user presses it to get out
        await pilot.pause()
        assert app.return_code is None, "left while the add ran"
        assert "Finishing the add in progress… press q again to stop it." in notes(app)
        assert app.screen.is_attached  # the window stays: no blank, frozen terminal
        assert await exited(app)
    assert "Adding news: 40 added" in capsys.readouterr().err  # left on the terminal
    with Library.open(tmp_path / "library") as library:
        assert library.stats()["articles"] == 40
    assert check(tmp_path / "library").ok


async def test_q_twice_stops_the_add_and_keeps_what_was_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = news(tmp_path / "quay.jsonl", MANY)
    root = tmp_path / "library"
    app = DatelineApp(root, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await start_add(pilot, inputs)
        library = app.screen.library  # type: ignore[attr-defined]
        deadline = time.monotonic() + WAIT
        while not library.stats()["articles"]:  # the first group is stored
            assert time.monotonic() < deadline and app.screen.has_class("-job")
            await pilot.pause(0.2)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code is None
        await pilot.press("q")  # stop it
        assert await exited(app)
    said = " ".join(capsys.readouterr().err.split())  # as wrapped at the terminal's width
    assert (
        said.startswith("Stopped the add: ")
        and "stored and kept; add the same inputs again" in said
    )
    kept = int(said.split("Stopped the add: ")[1].split(" new article")[0])
    assert 0 < kept < MANY
    report = check(root)
    assert report.ok, [f for f in report.to_json()["findings"] if not f["ok"]]
    with Library.open(root) as library:
        assert library.stats()["articles"] == kept  # nothing half-stored
        assert library.search("crane", limit=1).total == kept  # and all of it searchable
        again = library.add([str(inputs)])
        assert (again.added, again.unchanged) == (MANY - kept, kept)
        assert library.search("crane", limit=1).total == MANY
