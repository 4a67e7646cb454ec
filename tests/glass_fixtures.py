"""An invented corpus for chips under corrections and the merge picker: a city and a company
of one name (the place "Ostrava" in 4 articles, the org "Ostrava Glassworks" in 8 others),
accented names ("Ayşe Kılıç", "Lake Mjøsa"), a "European" org beside people who are not.

Import the fixtures with
`from glass_fixtures import glass_library_fixture, glass_path_fixture  # noqa: F401`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

CITY_ARTICLES = 4
COMPANY_ARTICLES = 8


def articles() -> list[dict[str, str]]:
    """Four city stories and eight company stories, one a day in April 2025."""
    out = []
    for day in range(CITY_ARTICLES + COMPANY_ARTICLES):
        if day < CITY_ARTICLES:
            body = [
                f"Trams in Ostrava will run all night from day {day + 1}, the city said.",
                "Harbour master Ayşe Kılıç said the boats on Lake Mjøsa would start early. "
                "Kılıç said the ice had gone.",
            ]
        else:
            body = [
                f"Ostrava Glassworks shipped {day + 2} hundred crates of bottles this week, "
                "the company said.",
                f"Brewers at Red Ox Brewing said they would buy {day} crates. Peter Hanley of "
                "the European Rail Agency said the trains were late.",
            ]
        out.append(
            {
                "title": f"Glass and trams, week {day + 1}",
                "body": "\n\n".join(body),
                "url": f"https://glassledger.example/{day}",
                "published": f"2025-04-{day + 1:02d}T08:00:00+00:00",
                "source": "Glass Ledger",
            }
        )
    return out


@pytest.fixture(name="glass_library", scope="session")
def glass_library_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from index import Library

    folder = tmp_path_factory.mktemp("glass")
    corpus = folder / "glass.jsonl"
    lines = (json.dumps(a, ensure_ascii=False) for a in articles())
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    root = folder / "library"
    with Library.open(root) as library:
        report = library.add([str(corpus)])
        assert not report.failures, report.failures
        found = {(e.name, e.type): e.count for e in library.entities(limit=50)}
    # The tests lean on these: fail here, plainly, if extraction ever reads them otherwise.
    assert found[("Ostrava", "place")] == CITY_ARTICLES, found
    assert found[("Ostrava Glassworks", "org")] == COMPANY_ARTICLES, found
    assert {("Ayşe Kılıç", "person"), ("Lake Mjøsa", "place")} <= found.keys(), found
    assert {("European Rail Agency", "org"), ("Peter Hanley", "person")} <= found.keys(), found
    return root


@pytest.fixture(name="glass_path")
def glass_path_fixture(glass_library: Path, tmp_path: Path) -> Path:
    """A private copy of the session's glass library for a test that changes it."""
    target = tmp_path / "library"
    shutil.copytree(glass_library, target)
    return target
