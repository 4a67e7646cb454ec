"""Did-you-mean only for words that find nothing, or next to nothing (QA 6, A.5): "ferry"
with its one hit ("ferries") was offered "fear", "evacuate" was offered "evacuated", and a
link's "https" was offered "hits".

The articles are invented for these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from index.searchindex import IndexDoc, SearchIndex
from index.suggest import FAR_MORE


def doc(i: int, title: str, body: str) -> IndexDoc:
    return IndexDoc(f"d{i}", title, body, None, None, None, f"s{i}")


def corpus(government: int) -> list[IndexDoc]:
    docs = [
        doc(0, "Harbour vote", "The future of the city's harbour ferries dominated the campaign."),
        doc(1, "River floods", "Residents evacuated as the river flooded; the town evacuates."),
        doc(2, "Camp cleared", "Officials ordered the evacuation of the camp before the storm."),
        doc(3, "A misprint", "The goverment said nothing more on Tuesday."),
        doc(4, "Ceasefire talks", "The ceasefire talks resumed on Monday in the capital."),
    ]
    docs += [
        doc(10 + i, f"Report {i}", f"Markets fear the government will raise taxes, report {i}.")
        for i in range(government)
    ]
    return docs


@pytest.fixture
def search(tmp_path: Path) -> Iterator[Any]:
    with SearchIndex.open(tmp_path / "ix") as si:
        si.add(corpus(FAR_MORE + 20))
        yield si.search


def test_a_word_that_matched_gets_no_suggestion(search: Any) -> None:
    ferry = search("ferry")
    assert ferry.total == 1 and ferry.suggestion is None  # "ferries", not "fear"
    evacuate = search("evacuate")
    assert evacuate.total == 2 and evacuate.suggestion is None  # not "evacuated"
    assert search("Ferry").suggestion is None
    assert search("title:floods").suggestion is None


def test_no_word_is_replaced_when_every_word_matched_but_not_together(search: Any) -> None:
    both = search("ferry flood")
    assert both.total == 0 and both.suggestion is None


def test_a_word_that_finds_nothing_still_gets_one(search: Any) -> None:
    assert search("cesefire talks").suggestion == "ceasefire talks"
    assert search("ferry flods").suggestion == "ferry floods"
    assert search("governmnt").suggestion == "government"


def test_a_misprint_the_text_shares_is_corrected_when_the_right_spelling_is_common(
    search: Any,
) -> None:
    misprint = search("goverment")
    assert misprint.total == 1 and misprint.suggestion == "government"


def test_a_rare_word_is_kept_when_its_neighbour_is_not_far_more_common(tmp_path: Path) -> None:
    with SearchIndex.open(tmp_path / "ix") as si:
        si.add(corpus(FAR_MORE // 2))
        assert si.search("goverment").suggestion is None


def test_links_and_addresses_are_never_corrected(search: Any) -> None:
    for query in ("https://example.org/x", "www.exampel.org", "desk@exampel.org"):
        assert search(query).suggestion is None, query


def test_a_short_rare_word_is_kept(tmp_path: Path) -> None:
    docs = [doc(0, "Mill", "The old mill by the weir reopened.")]
    docs += [
        doc(1 + i, f"Report {i}", f"Sales of milk rise, report {i}.") for i in range(FAR_MORE + 5)
    ]
    with SearchIndex.open(tmp_path / "ix") as si:
        si.add(docs)
        assert si.search("mill").total == 1
        assert si.search("mill").suggestion is None  # not "milk": four letters, one apart
