"""The palette folds accents and case everywhere (issue 9): titles, entities, saved searches
by their query text."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from index import Library
from index.query import Query
from reader import providers
from reader.app import DatelineApp
from reader.config import Config
from reader.providers import fold, fuzzy
from reader.screens.main import MainScreen
from reader.state import SAVED_SEARCHES, SavedSearch, dump_saved
from tui_fixtures import SIZES, anyio_backend_fixture, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio


def test_fold_and_fuzzy() -> None:
    assert fold("Ayşe KILIÇ") == fold("ayse kilic") == "ayse kilic"
    assert fold("Søren Åberg") == "soren aberg"
    assert fold('place:="Aleppo"') == "place aleppo"
    names = ["Ayşe Kılıç", "Kemal Kaya", "Aleppo"]
    assert [name for _, name in fuzzy("kilic", names, str)] == ["Ayşe Kılıç"]
    assert [name for _, name in fuzzy("AYSE kilic", names, str)] == ["Ayşe Kılıç"]


@pytest.fixture(name="envoy_library")
def envoy_library_fixture(tmp_path: Path) -> Path:
    dump = tmp_path / "envoy.txt"
    dump.write_text(
        "Envoy Kılıç meets the Aleppo council\n\n"
        "Ayşe Kılıç, the special envoy, met members of the Aleppo city council on Tuesday to "
        "discuss the water supply. Kılıç said the talks would continue in Damascus next week.\n",
        encoding="utf-8",
    )
    with Library.open(tmp_path / "lib") as library:
        assert library.add([str(dump)]).added == 1
        saved = [SavedSearch("Northern watch", Query(text="place:aleppo"))]
        library.set_state(SAVED_SEARCHES, dump_saved(saved))
    return tmp_path / "lib"


async def palette_pick(pilot, typed: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*typed)
    await pilot.pause(0.6)
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES)
async def test_palette_folds_accents(envoy_library: Path, size: tuple[int, int]) -> None:
    app = DatelineApp(envoy_library, config=Config())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await palette_pick(pilot, "ayse kilic")
        filters = screen.search_query.filters
        assert [(f.type, f.name) for f in filters] == [("person", "Ayşe Kılıç")]
        screen.apply_query(Query())
        await settle(pilot)
        await palette_pick(pilot, "aleppo")
        # The saved search outranks the entity and the title: what the user saved comes first.
        assert screen.search_query.text == "place:aleppo"


async def test_palette_finds_titles_without_accents(envoy_library: Path) -> None:
    app = DatelineApp(envoy_library, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await palette_pick(pilot, "envoy kilic meets")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.reading is not None and "Kılıç" in screen.reading.article.title


async def test_palette_reaches_articles_older_than_its_list(
    envoy_library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The palette reads only the newest PALETTE_ARTICLES titles; an older article is still
    found, through the search index, by the words of its title without accents."""
    newer = tmp_path / "newer.jsonl"
    item = {
        "title": "Ferry timetable changes in Izmir",
        "body": "The Izmir ferry company said on Friday that the winter timetable starts a week "
        "early this year because of falling passenger numbers.",
        # Newer than the envoy article, seen today: a few hours ahead (a date far ahead is
        # not believed, index.sources.future).
        "published": (datetime.now(UTC) + timedelta(hours=3)).isoformat(),
        "source": "Aegean Post",
    }
    newer.write_text(json.dumps(item) + "\n", encoding="utf-8")
    with Library.open(envoy_library) as library:
        assert library.add([str(newer)]).added == 1
        assert [a.title for a in library.newest(1)] == ["Ferry timetable changes in Izmir"]
    monkeypatch.setattr(providers, "PALETTE_ARTICLES", 1)
    app = DatelineApp(envoy_library, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await palette_pick(pilot, "envoy kilic meets")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.reading is not None and "Kılıç" in screen.reading.article.title
