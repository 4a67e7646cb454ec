""" "More like this" lists a story once, however many outlets carried it, and says how many
(QA pass 6, polish 19: three versions of one report took three of the five places)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList

from index import Library
from reader.widgets.reader_view import RelatedList
from tui_fixtures import (
    BUSES,
    PORT_A,
    PORT_B,
    TRAM,
    anyio_backend_fixture,  # noqa: F401 (a fixture)
    make_app,
    settle,
)

PORT_C = {
    "title": "Valencia dockers vote to end nine-day port strike",
    "body": (
        "Dock workers in Valencia voted on Monday to end a nine-day strike that had left "
        "container ships waiting outside the harbour, after the Port Authority of Valencia "
        "offered them a four percent pay rise.\n\n"
        "Union leader Marta Solans said the deal protected night shifts and told reporters at "
        "the gates that the dockers had won what they went out for.\n\n"
        "The Port Authority of Valencia said normal loading would resume by Wednesday."
    ),
    "url": "https://levantwire.example/valencia-dockers-vote",
    "published": "2025-03-03T18:00:00+00:00",
    "source": "Levant Wire",
}

#: Newest, so the reader opens on it: like the strike story, not a version of it.
CRANES = {
    "title": "Container ships queue again at Valencia as cranes fail",
    "body": (
        "Container ships were waiting outside the harbour of Valencia again on Friday after "
        "two cranes failed, a week after dock workers ended their strike over pay.\n\n"
        "The Port Authority of Valencia said engineers would repair the cranes by Monday and "
        "that loading of the waiting container ships would resume on night shifts."
    ),
    "url": "https://iberiaherald.example/2025/03/10/valencia-cranes",
    "published": "2025-03-10T09:00:00+00:00",
    "source": "Iberia Herald",
}


def _library(root: Path) -> Path:
    src = root / "news.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in (PORT_A, PORT_B, PORT_C, TRAM, BUSES, CRANES)))
    with Library.open(root / "library") as lib:
        lib.add([str(src)])
    return root / "library"


def test_a_story_is_one_item_that_says_how_many_versions(tmp_path: Path) -> None:
    with Library.open(_library(tmp_path)) as lib:
        cranes = next(a for a in lib.articles() if a.title == CRANES["title"])
        strike = {a.story for a in lib.articles() if "strike" in a.title}
        assert len(strike) == 1  # the three outlets' reports are one story
        similar = lib.more_like_this(cranes.id, limit=5)
    stories = [h.article.story for h in similar]
    assert len(stories) == len(set(stories))
    lead = [h.article for h in similar if h.article.story in strike]
    assert len(lead) == 1 and lead[0].story_size == 3
    assert similar[0].article.story in strike  # the best of its versions, first


pytestmark = pytest.mark.anyio


async def test_the_reader_lists_the_story_once_with_its_count(tmp_path: Path) -> None:
    app = make_app(_library(tmp_path))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the newest article: the cranes
        await settle(pilot)
        related: OptionList = app.screen.query_one(RelatedList)
        lines = [str(related.get_option_at_index(i).prompt) for i in range(related.option_count)]
    assert lines[0] == "More like this", lines
    strike = [line for line in lines if "strike" in line.lower() or "dockers" in line.lower()]
    assert len(strike) == 1, lines
    assert "+2 " in strike[0]
