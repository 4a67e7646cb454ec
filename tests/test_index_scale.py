"""What issue 7 changed in behaviour: exact totals under flags, the newest-first key, and entity
corrections that never touch the search index (the index holds entity form ids, not names)."""

from __future__ import annotations

import json
from pathlib import Path

from whoosh import index as whoosh_index

from index import Library
from newsfixtures import WATER_A


def _docnums(root: Path, ids: list[str]) -> dict[str, int | None]:
    ix = whoosh_index.open_dir(str(root / "whoosh"))
    with ix.searcher() as s:
        return {i: s.document_number(id=i) for i in ids}


def _generation(root: Path) -> int:
    return int(whoosh_index.open_dir(str(root / "whoosh")).latest_generation())


def test_unread_total_counts_only_unread_past_the_page(library_path: Path) -> None:
    """`is:unread WORD` in relevance order used to report every match as its total once there
    were more matches than the page holds."""
    with Library.open(library_path) as lib:
        matches = lib.search("said", limit=100)
        assert matches.total >= 5
        read = [h.article.id for h in matches.hits[:3]]
        for aid in read:
            lib.set_read(aid)
        unread = matches.total - len(read)
        for limit in (1, 2, 100):
            res = lib.search("said is:unread", limit=limit)
            assert res.total == unread, limit
            assert not set(read) & {h.article.id for h in res.hits}
        assert lib.search("said is:read", limit=1).total == len(read)
        assert lib.search("said -is:read", limit=1).total == unread
        assert lib.search("said -is:unread", limit=1).total == len(read)


def test_undated_articles_sort_by_when_they_were_first_seen(tmp_path: Path) -> None:
    old = tmp_path / "old.jsonl"
    old.write_text(
        "\n".join(
            json.dumps({"title": f"Harbour bulletin {i}", "body": f"Tide tables for week {i}.",
                        "published": f"2019-0{i}-01T08:00:00+00:00"})
            for i in (1, 2, 3)
        ),
        encoding="utf-8",
    )  # fmt: skip
    dump = tmp_path / "notes.txt"
    dump.write_text(
        "Ferry timetable changes\n\nThe winter ferry timetable starts next week, the port "
        "office said, with two sailings a day to the islands.\n",
        encoding="utf-8",
    )
    with Library.open(tmp_path / "lib") as lib:
        lib.add([str(old)])
        lib.add([str(dump)])
        newest = [h.article.title for h in lib.search("").hits]
        assert newest[0] == "Ferry timetable changes"  # not below every dated article
        assert newest[1:] == ["Harbour bulletin 3", "Harbour bulletin 2", "Harbour bulletin 1"]
        assert [a.title for a in lib.articles()] == newest
        dated = [h.article.title for h in lib.search("harbour OR ferry", sort="date").hits]
        assert dated == newest


def test_entity_corrections_never_rewrite_the_index(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        water = sorted(h.article.id for h in lib.search("person:jabouri").hits)
        assert len(water) >= 2
        before = _generation(library_path)
        lib.rename_entity("Karim al-Jabouri", "Karim Jabouri-Saleh", type_="person")
        assert sorted(h.article.id for h in lib.search("person:saleh").hits) == water
        assert sorted(h.article.id for h in lib.search('person:="Karim Jabouri-Saleh"').hits) == (
            water
        )
        assert lib.search('person:="Karim al-Jabouri"').total == 0
        lib.alias_entity("Karim Jabouri-Saleh", "Abu Karim", type_="person")
        assert sorted(h.article.id for h in lib.search('person:"abu karim"').hits) == water
        facets = {x.name: x.count for x in lib.search("water").entities["person"]}
        assert facets.get("Karim Jabouri-Saleh", 0) >= 2
        lib.undo_entity_change()
        lib.undo_entity_change()
        assert lib.search('person:"abu karim"').total == 0
        assert sorted(h.article.id for h in lib.search('person:="Karim al-Jabouri"').hits) == water
        assert _generation(library_path) == before  # not one index commit


def test_a_new_spelling_leaves_older_articles_alone(library_path: Path, tmp_path: Path) -> None:
    with Library.open(library_path) as lib:
        water = sorted(h.article.id for h in lib.search("place:mosul").hits)
        assert len(water) >= 2
    before = _docnums(library_path, water)
    new = dict(
        WATER_A,
        title="Mósul pumping station back to full pressure",
        body="Engineers in Mósul said the pumping station reached full pressure on Friday, "
        "ending weeks of tanker deliveries to the eastern districts of Mósul.",
        url="https://levantwire.example/2026/11/20/mosul-pressure",
        published="2026-11-20T08:00:00+00:00",
    )
    f = tmp_path / "new.jsonl"
    f.write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    with Library.open(library_path) as lib:
        assert lib.add([str(f)]).added == 1
        found = {h.article.title for h in lib.search("place:mosul").hits}
        assert new["title"] in found and len(found) == len(water) + 1
    assert _docnums(library_path, water) == before  # the older documents were not rewritten


def test_a_commit_only_merges_small_segments_within_a_bound() -> None:
    from index.merging import FANOUT, inline_budget, plan_inline

    assert plan_inline([100] * (FANOUT - 1), 100) == []  # not crowded yet
    group = plan_inline([100] * FANOUT, 100)
    assert group and sum(100 for _ in group) <= inline_budget(100)
    budget = inline_budget(100)
    sizes = [budget * 40, budget, *[budget // 3] * (FANOUT + 2)]
    chosen = plan_inline(sizes, 100)
    assert chosen and 0 not in chosen and 1 not in chosen  # big segments are never rewritten
    assert sum(sizes[i] for i in chosen) <= budget


def test_a_big_batch_extracts_ahead_in_a_second_process(tmp_path: Path, monkeypatch) -> None:
    """Groups are cut even inside one input; a share of each group's entities comes from a
    child process, the rest from the parent; each input still gets one result, and its
    fingerprint is logged whole."""
    import index.library_add as library_module
    import index.nerpool as nerpool
    from newsfixtures import ELECTION, TRADE, WATER_B

    monkeypatch.setattr(library_module, "GROUP_ARTICLES", 2)
    monkeypatch.setattr(nerpool, "MIN_ARTICLES", 3)
    submitted: list[tuple[int, int]] = []
    original = nerpool.NerPrefetch.submit

    def counting(self, articles, share=None):  # type: ignore[no-untyped-def]
        got = original(self, articles, share)
        submitted.append((len(articles), len(got.keys)))
        return got

    monkeypatch.setattr(nerpool.NerPrefetch, "submit", counting)
    extra = dict(ELECTION, url="https://example.test/other", title="Runoff set in Tbilisi",
                 body=ELECTION["body"].replace("second term", "runoff"))  # fmt: skip
    f = tmp_path / "five.jsonl"
    f.write_text(
        "\n".join(json.dumps(a) for a in (WATER_A, WATER_B, ELECTION, TRADE, extra)),
        encoding="utf-8",
    )
    with Library.open(tmp_path / "lib") as lib:
        report = lib.add([str(f)])
        assert len(report.results) == 1
        assert (report.added, report.failures) == (5, ())
        assert sum(n for n, _ in submitted) == 5  # every group was shared with the child
        assert 0 < sum(k for _, k in submitted) < 5  # and both processes extracted
        water = {h.article.title for h in lib.search("person:jabouri").hits}
        assert water == {WATER_A["title"], WATER_B["title"]}
        again = lib.add([str(f)])
        assert again.results[0].kind == "jsonl" and again.unchanged == 5


def _dies(items):  # type: ignore[no-untyped-def]
    raise RuntimeError("the NER child died")


def test_a_dead_ner_child_costs_speed_never_entities(tmp_path: Path, monkeypatch) -> None:
    """When the child fails, the parent extracts its share too: nothing is lost."""
    import index.library_add as library_module
    import index.nerpool as nerpool
    from newsfixtures import ELECTION, TRADE, WATER_B

    monkeypatch.setattr(library_module, "GROUP_ARTICLES", 2)
    monkeypatch.setattr(nerpool, "MIN_ARTICLES", 3)
    monkeypatch.setattr(nerpool, "_extract", _dies)
    f = tmp_path / "four.jsonl"
    f.write_text("\n".join(json.dumps(a) for a in (WATER_A, WATER_B, ELECTION, TRADE)), "utf-8")
    with Library.open(tmp_path / "lib") as lib:
        report = lib.add([str(f)])
        assert (report.added, report.failures) == (4, ())
        water = {h.article.title for h in lib.search("person:jabouri").hits}
        assert water == {WATER_A["title"], WATER_B["title"]}
        assert lib.search("person:beridze").total == 1


def test_the_childs_share_follows_measured_speeds() -> None:
    """The child's part of a group should take as long as the parent's part plus storing."""
    from index.nerpool import MAX_SHARE, MIN_SHARE, NerPrefetch, Share

    def after(child_s: float, parent_s: float, group_s: float) -> float:
        pool = NerPrefetch.__new__(NerPrefetch)  # no process: only the arithmetic
        pool.share = 0.5
        done = Share(frozenset(str(i) for i in range(50)), None)
        done.child_seconds, done.parent_seconds, done.parent_articles = child_s, parent_s, 50
        pool.balance(done, group_s, 100)
        return pool.share

    # Equal speeds and nothing else to do: half each.
    assert after(1.0, 1.0, 1.0) == 0.5
    # Storing takes as long as extracting: the child takes more than half.
    assert 0.6 < after(1.0, 1.0, 2.0) <= MAX_SHARE
    # A child twice as slow (a busy core) gets less.
    assert MIN_SHARE <= after(2.0, 1.0, 1.0) < 0.5
