"""The shared checker of the invented news sets' gold (`bench/goldcheck.py`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.goldcheck import check

DATA = Path(__file__).resolve().parents[1] / "bench" / "data"
CHECKED = sorted(p.parent for p in DATA.glob("news_*/check_gold.py"))


@pytest.mark.parametrize("folder", CHECKED, ids=lambda p: p.name)
def test_every_set_that_ships_the_checker_passes_it(folder: Path) -> None:
    assert check(folder).errors == []


def test_the_checker_reports_what_a_careless_gold_gets_wrong(tmp_path: Path) -> None:
    words = " ".join(["word"] * 60)
    (tmp_path / "01_storm.txt").write_text(
        f"Storm hits Lagos\nHeavy rain fell on Lagos-based traders. {words}", encoding="utf-8"
    )
    (tmp_path / "02_unlisted.txt").write_text("Nothing\nnothing here", encoding="utf-8")
    gold = {
        "_doc": "test",
        "articles": [
            {
                "file": "01_storm.txt",
                "title": "Storm hits Lagos today",
                "kind": "feed",
                "people": [["Ana"]],
                "places": [["Lagos"]],
                "orgs": [],
                "optional": ["Lagos"],
            }
        ],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    errors = check(tmp_path).errors
    assert any("02_unlisted.txt" in e for e in errors)
    assert any("title" in e for e in errors)
    assert any("'Ana' does not occur" in e for e in errors)  # "Ana" is in no word here
    assert any("'Lagos' is listed twice" in e for e in errors)
    assert not any("'Lagos' does not occur" in e for e in errors)  # "Lagos-based" holds it
