"""Saved searches follow entity corrections as filter chips do (QA 4, bug 1).

A saved search filtering on an entity went silently dead after another shell renamed or merged
it: `dateline watch` counted 0, the palette opened it under a chip naming nobody, the feeds
view showed no new count. Each correction here is made by a second process (`dateline
entities …`), then the saved search is watched, counted and opened.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glass_fixtures import (
    CITY_ARTICLES,
    COMPANY_ARTICLES,
    glass_library_fixture,  # noqa: F401 (a fixture)
    glass_path_fixture,  # noqa: F401 (a fixture)
)
from index import Library
from index.query import EntityFilter, Query
from reader.cli import main as cli
from reader.filter_follow import ChipTrail
from reader.saved import saved_now
from reader.screens.feeds import load_overview
from reader.state import SAVED_SEARCHES, SavedSearch, dump_saved, load_saved
from test_tui_keys import main, make_app
from test_tui_live_entities import correct, wait_until
from tui_fixtures import anyio_backend_fixture, settle  # noqa: F401 (a fixture)

CITY = EntityFilter("place", "Ostrava")
COMPANY = EntityFilter("org", "Ostrava Glassworks")
LAKE = EntityFilter("place", "Lake Mjøsa")
NEWS = {
    "title": "Glassworks orders a new furnace",
    "body": "Ostrava Glassworks ordered a new furnace for its bottles, the company said.",
    "url": "https://glassledger.example/furnace",
    "published": "2025-05-02T08:00:00+00:00",
    "source": "Glass Ledger",
}


def save(path: Path, *searches: SavedSearch) -> None:
    with Library.open(path) as library:
        library.set_state(SAVED_SEARCHES, dump_saved(list(searches)))
        for search in searches:
            library.watch_seen(search.name)


def shell(path: Path, *args: str) -> None:
    """`dateline entities ARGS` in a second process; wait for it."""
    writer = correct(path, *args)
    assert writer.wait(timeout=120) == 0, writer.stderr.read() if writer.stderr else ""


def watched(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[str, int]]:
    """`dateline watch --json`: each saved search's query and new count."""
    assert cli(["watch", "--json", "--library", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    return {w["name"]: (w["query"], w["new"]) for w in data["watches"]}


def add_news(path: Path, tmp_path: Path) -> None:
    news = tmp_path / "furnace.jsonl"
    news.write_text(json.dumps(NEWS) + "\n", encoding="utf-8")
    with Library.open(path) as library:
        assert library.add([str(news)]).added == 1


def test_watch_follows_rename_merge_block_retype_and_their_undo(
    glass_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(
        glass_path,
        SavedSearch("Company", Query("", (COMPANY,))),
        SavedSearch("City", Query("", (CITY,))),
        SavedSearch("Lake trams", Query("trams", (LAKE,))),
    )
    shell(glass_path, "rename", "Ostrava Glassworks", "Ostrava Glass")
    add_news(glass_path, tmp_path)  # read as the renamed company's
    seen = watched(glass_path, capsys)
    assert seen["Company"] == ('org:="Ostrava Glass"', 1)  # was: the old name, 0 new
    with Library.open(glass_path) as library:
        assert load_overview(library).saved[0][1] == 1  # the feeds view's count
    shell(glass_path, "undo")
    assert watched(glass_path, capsys)["Company"] == ('org:="Ostrava Glassworks"', 1)

    shell(glass_path, "merge", "Ostrava", "Ostrava Glassworks")  # the company into the city
    seen = watched(glass_path, capsys)
    assert seen["Company"] == ('place:="Ostrava"', 1) and seen["City"][0] == 'place:="Ostrava"'
    shell(glass_path, "undo")
    assert watched(glass_path, capsys)["Company"] == ('org:="Ostrava Glassworks"', 1)

    shell(glass_path, "block", "Lake Mjøsa")
    assert watched(glass_path, capsys)["Lake trams"][0] == "trams"  # as its chip would go
    shell(glass_path, "undo")
    assert watched(glass_path, capsys)["Lake trams"][0] == 'trams place:="Lake Mjøsa"'

    shell(glass_path, "retype", "Lake Mjøsa", "org")
    assert watched(glass_path, capsys)["Lake trams"][0] == 'trams org:="Lake Mjøsa"'
    # Nothing was written back: what was saved is what every correction is followed from.
    with Library.open(glass_path) as library:
        stored = load_saved(library.get_state(SAVED_SEARCHES))
    assert [s.query.filters for s in stored] == [(COMPANY,), (CITY,), (LAKE,)]


def test_a_chip_saved_after_a_rename_goes_back_when_the_rename_is_undone(
    glass_path: Path,
) -> None:
    """The chip's trail is saved with it: its old name is still known after the undo."""
    with Library.open(glass_path) as library:
        library.rename_entity("Ostrava Glassworks", "Ostrava Glass")
        trail = ChipTrail()
        chips = trail.follow(library, (COMPANY,))
        assert chips == (EntityFilter("org", "Ostrava Glass"),)
        query = Query("", chips)
        saved = SavedSearch("Glass", query, trail.trails(chips))
        library.set_state(SAVED_SEARCHES, dump_saved([saved]))
        library.undo_entity_change()
        (now,) = saved_now(library)
    assert now.query.filters == (COMPANY,)  # without the trail: no such entity, chip gone


@pytest.mark.anyio
async def test_the_palette_opens_a_saved_search_under_the_new_name_and_follows_undo(
    glass_path: Path,
) -> None:
    save(glass_path, SavedSearch("Company", Query("", (COMPANY,))))
    shell(glass_path, "rename", "Ostrava Glassworks", "Ostrava Glass")
    app = make_app(glass_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ostrava glass")  # found by its entity's new name
        await pilot.pause(0.6)
        shown = app.screen.query_one("CommandList").get_option_at_index(0).prompt
        assert "Saved search: Company" in str(shown)
        await pilot.press("enter")
        await settle(pilot)
        assert main(app).search_query.filters == (EntityFilter("org", "Ostrava Glass"),)
        result = main(app).result
        assert result is not None and result.total == COMPANY_ARTICLES  # was: 0
        # The chips it opened with keep their saved story: an undo elsewhere is followed.
        shell(glass_path, "undo")
        assert await wait_until(pilot, lambda: main(app).search_query.filters == (COMPANY,))
        shell(glass_path, "merge", "Ostrava", "Ostrava Glassworks")  # into the city
        assert await wait_until(pilot, lambda: main(app).search_query.filters == (CITY,))
        result = main(app).result
        assert result is not None and result.total == CITY_ARTICLES + COMPANY_ARTICLES
