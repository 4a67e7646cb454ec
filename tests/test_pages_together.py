"""The entity page's "seen with … N together" is the number of articles naming both: the figure
a search for the two gives (QA pass 6, A.1: pairs were counted among each article's ten most
mentioned entities only, so a name mentioned in passing was undercounted or missing)."""

from __future__ import annotations

import json
from pathlib import Path

from index import Library
from index.pages import EntityPage
from index.pages.entity_page import entity_page, find_entity

#: Mentioned two or three times in every article: the article's most mentioned entities.
HEAVY = ["Basra", "Mosul", "Baghdad", "Amman", "Beirut", "Damascus", "Aleppo", "Cairo"]
HEAVY += ["Ankara", "Tehran", "Riyadh"]


def _article(i: int) -> dict:
    """Eleven cities named twice or more, then one or two named once, in passing."""
    lines = [
        f"Officials in {c} said on Monday that grain convoys to {c} would resume." for c in HEAVY
    ]
    lines += [f"A further shipment left {HEAVY[i % 3]} for {HEAVY[(i + 1) % 4]} overnight."]
    if i % 2 == 0:
        lines.append("A small consignment also reached Tripoli.")
    if i % 3 == 0:
        lines.append("Traders in Muscat watched the prices.")
    return {
        "title": f"Grain convoys resume, bulletin {i}",
        "body": "\n\n".join(lines),
        "url": f"https://together.example/{i}",
        "published": f"2026-03-{i + 1:02d}T09:00:00+00:00",
        "source": "Levant Wire" if i % 2 else "Gulf Daily Monitor",
    }


def _library(tmp_path: Path) -> Library:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(_article(i)) for i in range(14)))
    lib = Library.open(tmp_path / "lib")
    lib.add([str(src)])
    return lib


def _filter(type_: str, name: str) -> str:
    return f'{type_}:="{name}"'


def _wrong(lib: Library, page: EntityPage) -> list[tuple[str, int, int]]:
    """(partner, the page's together, search's total) for every pair that disagrees, and the
    same for each partner's article count."""
    wrong = []
    for r in page.related:
        both = f"{_filter(page.type, page.name)} {_filter(r.entity.type, r.entity.name)}"
        total = lib.search(both, limit=1).total
        if total != r.together:
            wrong.append((r.entity.name, r.together, total))
        alone = lib.search(_filter(r.entity.type, r.entity.name), limit=1).total
        if alone != r.entity.articles:
            wrong.append((f"{r.entity.name} (articles)", r.entity.articles, alone))
    return wrong


def test_together_is_the_search_total_for_every_pair(tmp_path: Path) -> None:
    with _library(tmp_path) as lib:
        names = {e.name for e in lib.entities("place")}
        assert {"Basra", "Tripoli", "Muscat"} <= names, names
        for name in ("Basra", "Tripoli", "Muscat", "Riyadh"):
            page = lib.entity_page(name, "place")
            assert page.related, name
            assert _wrong(lib, page) == [], name
        # Named once in an article of twelve names, Tripoli was never counted with Basra.
        basra = {r.entity.name: r.together for r in lib.entity_page("Basra", "place").related}
        assert basra["Tripoli"] == 7 and basra["Muscat"] == 5


def test_the_lift_is_built_on_the_true_counts(tmp_path: Path) -> None:
    with _library(tmp_path) as lib:
        page = lib.entity_page("Tripoli", "place")
        total = lib.search("", limit=1).total
        for r in page.related:
            expected = r.together * total / (page.articles * r.entity.articles)
            assert abs(r.lift - expected) < 1e-3, r
        muscat = next(r for r in page.related if r.entity.name == "Muscat")
        # Muscat is in articles 0, 3, 6, 9, 12; Tripoli in the even ones: 0, 6 and 12.
        assert muscat.together == 3 and abs(muscat.lift - 3 * 14 / (7 * 5)) < 1e-3


def test_counts_follow_a_merge(tmp_path: Path) -> None:
    with _library(tmp_path) as lib:
        lib.merge_entities("Tripoli", "Muscat", type_="place")
        merged = lib.entity_page("Tripoli", "place")
        assert merged.articles == lib.search('place:="Tripoli"', limit=1).total == 9
        assert _wrong(lib, merged) == []
        basra = lib.entity_page("Basra", "place")
        assert _wrong(lib, basra) == []
        assert {r.entity.name: r.together for r in basra.related}["Tripoli"] == 9
        assert lib.undo_entity_change()
        assert _wrong(lib, lib.entity_page("Basra", "place")) == []


def test_without_the_search_index_the_page_tables_count_the_same(tmp_path: Path) -> None:
    # An unavailable index (a full disk) leaves the page to count from its own tables.
    with _library(tmp_path) as lib:
        lib.merge_entities("Tripoli", "Muscat", type_="place")
        conn = lib._conn  # the same SQLite the facade reads, without the index
        for name in ("Basra", "Tripoli", "Riyadh"):
            eid = find_entity(conn, lib._registry, name, "place")
            assert entity_page(conn, eid, lib.articles).related == lib.entity_page(name).related
