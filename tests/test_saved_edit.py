"""Saved searches can be deleted, renamed and brought back (QA 6, A.7): from the feeds view
(`d d`, `R`, `U` on a saved search, the keys it has for subscriptions) and from a shell
(`dateline saved list|remove|rename|undo`, `--json`). A rename keeps the search's "N new";
a delete undone counts from where it did; the undo is the library's, so one made in a shell
is undone in the reader."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from index import Library
from index.query import EntityFilter, Query
from reader.cli import main as cli
from reader.screens.feeds import FeedsScreen
from reader.screens.prompt import PromptScreen
from reader.state import SAVED_SEARCHES, SavedSearch, dump_saved, load_saved
from test_tui_feeds import move_to, open_feeds
from test_tui_keys import make_app
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

NEWS = {
    "title": "Valencia opens a night ferry",
    "body": "Valencia opened a night ferry to Ibiza on Friday, the port said.",
    "url": "https://iberiaherald.example/night-ferry",
    "published": "2025-03-07T08:00:00+00:00",
    "source": "Iberia Herald",
}


def save(path: Path) -> None:
    """Two saved searches, both seen now; then one article that is new for "Valencia"."""
    searches = [
        SavedSearch("Valencia", Query("valencia")),
        SavedSearch("Marta", Query("", (EntityFilter("person", "Marta Solans"),))),
    ]
    with Library.open(path) as library:
        library.set_state(SAVED_SEARCHES, dump_saved(searches))
        for search in searches:
            library.watch_seen(search.name)
        news = path.parent / "ferry.jsonl"
        news.write_text(json.dumps(NEWS) + "\n", encoding="utf-8")
        assert library.add([str(news)]).added == 1


def saved(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = cli(["--library", str(path), "saved", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def new_counts(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    assert cli(["watch", "--json", "--library", str(path)]) == 0
    return {w["name"]: w["new"] for w in json.loads(capsys.readouterr().out)["watches"]}


@pytest.fixture(name="library_path")
def library_path_fixture(tui_library_path: Path) -> Path:
    save(tui_library_path)
    return tui_library_path


def test_cli_lists_renames_removes_and_undoes(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = saved(library_path, capsys)
    assert code == 0 and [s["name"] for s in data["saved"]] == ["Valencia", "Marta"]
    assert data["saved"][1]["query"] == 'person:="Marta Solans"'
    assert new_counts(library_path, capsys) == {"Valencia": 1, "Marta": 0}

    code, data = saved(library_path, capsys, "rename", "valencia", "Port of Valencia")
    assert code == 0 and data == {"renamed": {"from": "Valencia", "to": "Port of Valencia"}}
    assert new_counts(library_path, capsys) == {"Port of Valencia": 1, "Marta": 0}  # kept
    code, data = saved(library_path, capsys, "undo")
    assert code == 0 and "back to Valencia" in data["undone"]
    assert new_counts(library_path, capsys) == {"Valencia": 1, "Marta": 0}

    code, data = saved(library_path, capsys, "rm", "Valencia")
    assert code == 0 and data["removed"] == {"name": "Valencia", "query": "valencia"}
    assert new_counts(library_path, capsys) == {"Marta": 0}
    code, data = saved(library_path, capsys, "remove", "Valencia")
    assert code == 1 and data == {"error": "no saved search called 'Valencia'"}
    code, data = saved(library_path, capsys, "rename", "Marta", "Marta")
    assert code == 1 and "already called" in data["error"]
    code, data = saved(library_path, capsys, "undo")
    assert code == 0 and data["undone"] == "Restored the saved search Valencia."
    # Back in its place, with its count: the delete took nothing.
    assert new_counts(library_path, capsys) == {"Valencia": 1, "Marta": 0}
    code, data = saved(library_path, capsys, "undo")
    assert code == 1 and "no deleted or renamed saved search" in data["error"]

    assert cli(["--library", str(library_path), "saved", "rm", "Marta"]) == 0
    assert "Removed the saved search Marta (person Marta Solans)." in capsys.readouterr().out


@pytest.mark.anyio
async def test_feeds_view_deletes_renames_and_brings_back(library_path: Path) -> None:
    app = make_app(library_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await open_feeds(pilot)
        await move_to(pilot, screen, "saved", "Valencia")
        await pilot.press("d")
        assert "Press d again to delete the saved search Valencia." in [
            str(n.message) for n in app._notifications
        ]
        assert names(screen) == ["Valencia", "Marta"]  # one press deletes nothing
        await pilot.press("d")
        await settle(pilot)
        assert names(screen) == ["Marta"]
        assert [c.value for c in screen._choices if c and c.kind == "saved"] == ["Marta"]
        assert note(screen) == "Deleted the saved search Valencia. U undoes it."

        await pilot.press("U")
        await settle(pilot)
        assert names(screen) == ["Valencia", "Marta"]
        assert note(screen) == "Restored the saved search Valencia."

        await move_to(pilot, screen, "saved", "Marta")
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = "Solans \x1b[31mwatch"  # pasted: no sequence kept
        await pilot.press("enter")
        await settle(pilot)
        assert names(screen) == ["Valencia", "Solans watch"]
        assert isinstance(app.screen, FeedsScreen)

        # A delete in another shell is the library's to undo: `U` here brings it back.
        shell = [sys.executable, "-m", "reader.cli", "--library", str(library_path)]
        subprocess.run([*shell, "saved", "rm", "Valencia"], check=True, capture_output=True)
        await pilot.pause(2.5)  # the main screen's watch: the view reads itself again
        await settle(pilot)
        assert [c.value for c in screen._choices if c and c.kind == "saved"] == ["Solans watch"]
        await pilot.press("U")
        await settle(pilot)
        assert names(screen) == ["Valencia", "Solans watch"]


def names(screen: FeedsScreen) -> list[str]:
    """The saved searches as stored, read through the reader's own library: a second
    `Library.open` in the reader's process would open and close the database file beside
    SQLite, which drops the process's SQLite locks (POSIX locks are per process)."""
    return [s.name for s in load_saved(screen.library.get_state(SAVED_SEARCHES))]


def note(screen: FeedsScreen) -> str:
    return str(screen.query_one("#feeds-note").render())
