"""Watchlists (issue 9): saved searches count what arrived since they were last seen, in the
palette and in `dateline watch`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index import Library
from index.query import Query
from reader.app import DatelineApp
from reader.cli import main
from reader.config import Config
from reader.screens.main import MainScreen
from reader.state import SAVED_SEARCHES, SavedSearch, dump_saved
from tui_fixtures import (
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    settle,
    tui_library_fixture,  # noqa: F401 (a fixture)
    tui_library_path_fixture,  # noqa: F401 (a fixture)
)

TRAM_EXTENSION = {
    "title": "Valencia tram line to reach the airport by 2027",
    "body": (
        "The coastal tram of Valencia will be extended to the airport by 2027, city transport "
        "chief Nuria Esteve said on Wednesday. The extension adds six stations."
    ),
    "url": "https://iberiaherald.example/2025/03/12/valencia-tram-airport",
    "published": "2025-03-12T09:00:00+00:00",
    "source": "Iberia Herald",
}


def save(library_path: Path, *searches: SavedSearch) -> None:
    with Library.open(library_path) as library:
        library.set_state(SAVED_SEARCHES, dump_saved(list(searches)))
        for search in searches:
            library.watch_seen(search.name)


def add_tram_news(library_path: Path, tmp_path: Path) -> None:
    news = tmp_path / "tram.jsonl"
    news.write_text(json.dumps(TRAM_EXTENSION) + "\n", encoding="utf-8")
    with Library.open(library_path) as library:
        assert library.add([str(news)]).added == 1


def watch(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["watch", *argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_watch_counts_new_matches_and_marks_seen_only_when_asked(
    tui_library_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(tui_library_path)]
    save(
        tui_library_path,
        SavedSearch("Trams", Query("tram")),
        SavedSearch("Nairobi", Query("nairobi")),
    )
    code, data = watch(capsys, *lib)
    assert code == 0 and data["new"] == 0
    assert [(w["name"], w["new"]) for w in data["watches"]] == [("Trams", 0), ("Nairobi", 0)]
    add_tram_news(tui_library_path, tmp_path)
    code, data = watch(capsys, "Trams", *lib)
    assert code == 0 and data["new"] == 1 and data["marked_seen"] is False
    [trams] = data["watches"]
    assert trams["query"] == "tram" and trams["new"] == 1
    assert [a["title"] for a in trams["articles"]] == [TRAM_EXTENSION["title"]]
    # Looking did not mark them seen; --mark-seen does.
    assert watch(capsys, "Trams", *lib)[1]["new"] == 1
    assert watch(capsys, "Trams", "--mark-seen", *lib)[1]["new"] == 1
    assert watch(capsys, "Trams", *lib)[1]["new"] == 0
    # Another search never saw them; a name is found whatever its case, as `dateline saved` does.
    assert watch(capsys, "Nairobi", *lib)[1]["new"] == 0
    code, data = watch(capsys, "nairobi", *lib)
    assert code == 0 and [w["name"] for w in data["watches"]] == ["Nairobi"]
    code, data = watch(capsys, "No such search", *lib)
    assert code == 1 and "error" in data


def test_watch_without_saved_searches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Library.open(tmp_path / "lib").close()
    code, data = watch(capsys, "--library", str(tmp_path / "lib"))
    assert code == 0 and data == {"new": 0, "marked_seen": False, "watches": []}


@pytest.mark.anyio
@pytest.mark.parametrize("size", ((80, 24), (120, 40), (160, 50)))
async def test_the_palette_shows_new_counts_and_opening_marks_seen(
    tui_library_path: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    save(tui_library_path, SavedSearch("Trams", Query("tram")))
    add_tram_news(tui_library_path, tmp_path)
    app = DatelineApp(tui_library_path, config=Config())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"trams")
        await pilot.pause(0.6)
        shown = app.screen.query_one("CommandList").get_option_at_index(0).prompt
        assert "Saved search: Trams" in str(shown) and "1 new" in str(shown)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and app.screen.search_query.text == "tram"
    with Library.open(tui_library_path) as library:
        assert library.watch_new("Trams", "tram")[0] == 0
