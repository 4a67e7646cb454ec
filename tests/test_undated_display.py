"""An undated article is shown one way everywhere (QA 6, item 13): the list's `seen DATE`,
where an entity page's latest articles showed "—", its quotes a bare date that looked
published, and a story page "published —"."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import OptionList

from index import Library
from reader.screens.story_page import StoryPageScreen, VersionColumn
from tests.test_cli import run
from tests.test_tui_pages import cursor_to_story, open_entity_from_sidebar
from tui_fixtures import PORT_A, PORT_B, anyio_backend_fixture, make_app, settle  # noqa: F401

#: The dated version (JSON Lines) and, pasted as a text dump, the undated one of one story.
NAME = "Marta Solans"


@pytest.fixture(name="mixed_library")
def mixed_library_fixture(tmp_path: Path) -> Path:
    dated = tmp_path / "wire.jsonl"
    dated.write_text(json.dumps(PORT_A) + "\n", encoding="utf-8")
    undated = tmp_path / "pasted.txt"
    undated.write_text(PORT_B["title"] + "\n\n" + PORT_B["body"] + "\n", encoding="utf-8")
    path = tmp_path / "library"
    with Library.open(path) as lib:
        report = lib.add([str(dated), str(undated)])
        assert report.added == 2
        assert sorted(a.published is None for a in lib.articles()) == [False, True]
    return path


def today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d")


def test_the_cli_says_seen_for_undated_quotes_and_versions(
    mixed_library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = ["--library", str(mixed_library)]
    code, out, _ = run(capsys, *lib, "entity", NAME, "--json")
    quotes = json.loads(out)["quotes"]
    assert code == 0 and {q["undated"] for q in quotes} == {True, False}
    code, out, _ = run(capsys, *lib, "entity", NAME)
    lines = [" ".join(line.split()) for line in out.splitlines()]
    reported = next(line for line in lines if "(reported)" in line)
    assert reported.startswith(f"seen {today()} "), reported
    direct = next(line for line in lines if "“…”" in line)
    assert direct.startswith("2025-03-03 "), direct
    story = json.loads(run(capsys, *lib, "search", "valencia", "--json")[1])["hits"][0]["story"]
    code, out, _ = run(capsys, *lib, "story", story)
    said = " ".join(out.split())
    assert code == 0 and "published —" not in said
    assert f"undated · seen {today()}" in said and "published 2025-03-03" in said


@pytest.mark.anyio
async def test_the_reader_says_seen_on_entity_and_story_pages(mixed_library: Path) -> None:
    app = make_app(mixed_library)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        page = await open_entity_from_sidebar(pilot, NAME)
        shown = {
            key: [str(o.prompt) for o in page.query_one(f"#{key}", OptionList).options]
            for key in ("ep-quotes", "ep-latest")
        }
        for key, options in shown.items():
            assert any(o.startswith(f"seen {today()} ") for o in options), (key, options)
            assert any(o.startswith("2025-03-03 ") for o in options), (key, options)
            assert not any(o.startswith(("— ", today())) for o in options), (key, options)
        await pilot.press("escape")
        await settle(pilot)
        await cursor_to_story(pilot, app, versions=2)
        await pilot.press("Z")
        await settle(pilot)
        assert isinstance(app.screen, StoryPageScreen)
        heads = [
            str(c.query_one(".version-head").render()) for c in app.screen.query(VersionColumn)
        ]
        assert any("\nundated\nseen " + today() in h for h in heads), heads
        assert any("\npublished  2025-03-03" in h for h in heads), heads
        assert not any("published  —" in h for h in heads), heads
