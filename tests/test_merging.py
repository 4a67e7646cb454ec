"""Segment merges: an add rewrites only what its own size pays for, bigger merges run in the
background and give way to writers, and new articles skip Whoosh's search for an old version.

The articles are invented for these tests (invented people, real place names).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh.writing import SegmentWriter

from index import Library, consolidate, merging
from index.merging import (
    FANOUT,
    MAX_MERGED,
    inline_budget,
    plan_background,
    plan_inline,
    tier,
)
from index.searchindex import IndexDoc, SearchIndex

TOWNS = ["Tromsø", "Kilis", "Mosul", "Ghent", "Split", "Tartu", "Oulu", "Graz"]


def _doc(n: int) -> IndexDoc:
    town = TOWNS[n % len(TOWNS)]
    return IndexDoc(
        id=f"doc{n}",
        title=f"Ferry timetable changes in {town}",
        body=f"Harbour officials in {town} said route {n} would run {n % 5 + 1} times a day, "
        f"and that the {['winter', 'summer', 'spring'][n % 3]} schedule starts on Monday.",
        published=datetime(2025, 1, 1, tzinfo=UTC) + timedelta(hours=n),
        source=f"wire{n % 3}",
        url=f"https://example.test/{n}",
        story=f"s{n}",
    )


def _sizes(folder: Path) -> list[int]:
    return sorted(s.doc_count_all() for s in whoosh_index.open_dir(str(folder))._segments())


def _answers(search: SearchIndex) -> list[tuple[int, list[str]]]:
    """Totals and hits of a query mix: newest first in order, by relevance as sets."""
    queries = ["", "ferry", '"route 7"', "kilis OR ghent", "winter -tartu", "schedule monday"]
    out = []
    for q in queries:
        r = search.search(q, limit=500, sort="date", facets=False)
        out.append((r.total, [h.id for h in r.hits]))
        # relevance: the same matches (scores may move: merged segments drop deleted lengths)
        r = search.search(q, limit=500, facets=False)
        out.append((r.total, sorted(h.id for h in r.hits)))
    return out


# -- the plans -------------------------------------------------------------------------------
def test_an_add_rewrites_at_most_a_multiple_of_what_it_wrote() -> None:
    budget = inline_budget(100)
    assert plan_inline([100] * (FANOUT - 1), 100) == []  # not crowded yet
    # a year of adds of 100: whatever the library holds, an add's merge stays within its budget
    sizes: list[int] = []
    worst = 0
    for n in range(1000):
        group = plan_inline(sizes, 100)
        merged = sum(sizes[i] for i in group)
        worst = max(worst, merged)
        sizes = [n for i, n in enumerate(sizes) if i not in set(group)] + [merged] * bool(group)
        sizes.append(100)
        # the idle library's consolidation, only now and then (adds in a row, a busy machine)
        while n % 25 == 0 and (background := plan_background(sizes)):
            merged = sum(sizes[i] for i in background)
            sizes = [n for i, n in enumerate(sizes) if i not in set(background)] + [merged]
    assert 0 < worst <= budget
    assert sum(sizes) == 1000 * 100
    # tiers keep the segment count to a few per tier
    while background := plan_background(sizes):
        merged = sum(sizes[i] for i in background)
        sizes = [n for i, n in enumerate(sizes) if i not in set(background)] + [merged]
    assert len(sizes) <= (FANOUT - 1) * (tier(sum(sizes)) + 1)


def test_big_segments_are_never_merged_inside_an_add() -> None:
    budget = inline_budget(100)
    sizes = [50_000, 20_000, budget, *[budget // 3] * (FANOUT + 2)]
    chosen = plan_inline(sizes, 100)
    assert chosen and {0, 1, 2}.isdisjoint(chosen)
    assert sum(sizes[i] for i in chosen) <= budget
    # a big import may merge more, in proportion
    assert inline_budget(2000) == 4 * 2000


def test_background_merges_the_lowest_crowded_tier_first() -> None:
    sizes = [30_000] * FANOUT + [150] * FANOUT + [3000] * 2
    group = plan_background(sizes)
    assert sorted(sizes[i] for i in group) == [150] * FANOUT
    assert plan_background([30_000] * (FANOUT - 1) + [3000] * (FANOUT - 1)) == []
    # never a segment over MAX_MERGED: segments too big to pair stay as they are
    sizes = [3250] * 30
    while group := plan_background(sizes):
        merged = sum(sizes[i] for i in group)
        assert merged <= MAX_MERGED
        sizes = [n for i, n in enumerate(sizes) if i not in set(group)] + [merged]
    assert sum(sizes) == 30 * 3250 and len(sizes) <= 30 * 3250 // (MAX_MERGED // 2)


# -- the index -------------------------------------------------------------------------------
@pytest.fixture
def crowded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> SearchIndex:
    """An index of many small segments (background merging off while it is built), with the
    bounds scaled down to the size of a test."""
    monkeypatch.setenv(consolidate.ENV, "0")
    monkeypatch.setattr(merging, "INLINE_MIN", 20)
    monkeypatch.setattr(merging, "INLINE_FACTOR", 2)
    monkeypatch.setattr(merging, "TIER_BASE", 40)
    search = SearchIndex.create(tmp_path / "ix")
    for start in range(0, 3 * FANOUT * 20, 20):
        search.add([_doc(n) for n in range(start, start + 20)])
    search.add([_doc(3)], delete=["doc4"])  # an update and a deletion inside merged segments
    return search


def test_every_commit_merges_within_its_budget(crowded: SearchIndex) -> None:
    assert inline_budget(20) == 40
    # a commit's segment holds what it wrote plus what it merged (at most its budget)
    assert max(_sizes(crowded.path)) <= 40 + 20
    assert crowded.doc_count() == 3 * FANOUT * 20 - 1


def test_search_results_are_identical_after_a_background_consolidation(
    crowded: SearchIndex,
) -> None:
    before, segments = _answers(crowded), len(_sizes(crowded.path))
    assert plan_background(_sizes(crowded.path))
    assert crowded.consolidate(background=False)
    assert not plan_background(_sizes(crowded.path))
    assert len(_sizes(crowded.path)) < segments
    assert _answers(crowded) == before
    assert not list(crowded.path.glob("*.tmp"))


def test_a_writer_ends_a_consolidation_instead_of_waiting(tmp_path: Path) -> None:
    search = SearchIndex.create(tmp_path / "ix")
    search.add([_doc(1)])
    # A consolidation in another process: it holds the `.consolidating` claim and Whoosh's lock.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from whoosh import index;"
            "from index import consolidate\n"
            "with consolidate._claim(Path(sys.argv[1])) as ok:\n"
            "    w = index.open_dir(sys.argv[1]).writer()\n"
            "    print(ok, flush=True); time.sleep(120)",
            str(search.path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        assert consolidate.running(search.path) == holder.pid
        t = time.monotonic()
        search.add([_doc(2)], wait=20.0)
        assert time.monotonic() - t < 20.0  # it did not wait out the other process
        assert holder.wait(timeout=10) != 0  # ended by the writer
        assert consolidate.running(search.path) is None
        assert search.doc_count() == 2
    finally:
        holder.kill()
        holder.wait()


# -- new ids and updates ---------------------------------------------------------------------
def _jsonl(path: Path, items: list[dict]) -> str:
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in items), "utf-8")
    return str(path)


def _article(n: int, extra: str = "") -> dict:
    town = TOWNS[n % len(TOWNS)]
    return {
        "title": f"Bridge repairs in {town}, part {n}",
        "body": f"Engineer Ilse Marquard said the bridge in {town} reopens after {n} weeks of "
        f"work on its piers. {extra}",
        "url": f"https://example.test/bridge/{n}",
        "published": f"2025-03-{n % 27 + 1:02d}T08:00:00+00:00",
    }


def test_new_articles_are_added_and_an_updated_one_replaces_its_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"add": 0, "update": 0}
    add, update = SegmentWriter.add_document, SegmentWriter.update_document

    def counting_add(self, **fields):  # type: ignore[no-untyped-def]
        calls["add"] += 1
        return add(self, **fields)

    def counting_update(self, **fields):  # type: ignore[no-untyped-def]
        calls["update"] += 1
        return update(self, **fields)

    monkeypatch.setattr(SegmentWriter, "add_document", counting_add)
    monkeypatch.setattr(SegmentWriter, "update_document", counting_update)
    with Library.open(tmp_path / "lib") as lib:
        report = lib.add([_jsonl(tmp_path / "a.jsonl", [_article(n) for n in range(5)])])
        assert report.added == 5
        # whoosh's update_document calls add_document itself: every one was a plain add
        assert calls == {"add": 5, "update": 0}
        changed = _article(2, "Traffic resumes in both directions on Friday.")
        report = lib.add([_jsonl(tmp_path / "b.jsonl", [changed, _article(7)])])
        assert (report.added, report.updated) == (1, 1)
        assert calls["update"] == 1
        hits = lib.search("marquard", limit=50).hits
        assert len(hits) == 6 == len({h.article.id for h in hits})  # no stale duplicate
        found = lib.search('"both directions"', limit=50).hits
        assert [h.article.url for h in found] == [changed["url"]]


def test_an_add_that_leaves_a_tier_crowded_starts_a_background_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """End to end: `Library.add` starts the detached process, which merges while idle."""
    monkeypatch.setenv(consolidate.ENV, "1")
    monkeypatch.setattr(consolidate, "IDLE_SECONDS", 0.0)  # read by the child only: harmless
    folder = tmp_path / "lib" / "whoosh"
    with Library.open(tmp_path / "lib") as lib:
        for n in range(4 * FANOUT):
            lib.add([_jsonl(tmp_path / f"{n}.jsonl", [_article(n)])])
            if consolidate.due(folder):
                break
        assert consolidate.due(folder)  # a tier is crowded: the add started a merge
        deadline = time.monotonic() + 60.0
        while consolidate.due(folder) and time.monotonic() < deadline:
            time.sleep(0.2)
        consolidate.wait(folder, timeout=10.0)
        assert not plan_background(_sizes(folder))  # merged by the background process
        assert len(lib.search("marquard", limit=50).hits) == n + 1
