"""The entity page's "seen with … N together" is the number of articles naming both: the figure
a search for the two gives (QA pass 6, A.1: pairs were counted among each article's ten most
mentioned entities only, so a name mentioned in passing was undercounted or missing)."""

from __future__ import annotations

import itertools
import json
import sqlite3
from pathlib import Path

import numpy as np

from index import Library
from index.pages import EntityPage
from index.pages.entity_page import entity_page, find_entity
from index.store import FORMAT_VERSION
from test_reliability_storage import read_only

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


# -- format 3's co-occurrence tables ----------------------------------------------------------
_FORMAT_3_TABLES = """
CREATE TABLE IF NOT EXISTS page_tops (form INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS page_pairs (
    a INTEGER NOT NULL, b INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (a, b)
) WITHOUT ROWID;
"""


def _as_format_3(root: Path) -> None:
    """Write a library back the way format 3 kept it: each article's ten most mentioned
    entities marked (`top`, their forms negated in `page_articles.forms`), and their counts
    and pairs in `page_tops` and `page_pairs`, which no page reads."""
    conn = sqlite3.connect(root / "library.sqlite", isolation_level=None)
    conn.executescript(_FORMAT_3_TABLES)
    articles = conn.execute("SELECT article_id, forms FROM page_articles").fetchall()
    for aid, packed in articles:
        forms = np.abs(np.frombuffer(packed, dtype="<i4")).tolist()
        rank = {
            int(e): (-int(n), float(first), int(e))
            for e, n, first in conn.execute(
                "SELECT a.entity_id, SUM(l.mentions), MIN(COALESCE(l.first, 1e12))"
                " FROM entity_articles l JOIN entity_aliases a ON a.id = l.alias_id"
                " WHERE l.article_id = ? GROUP BY a.entity_id",
                (aid,),
            )
        }
        owner = dict(
            conn.execute(
                "SELECT id, entity_id FROM entity_aliases WHERE id IN (SELECT value FROM"
                " json_each(?))",
                (json.dumps(forms),),
            )
        )
        top = sorted(sorted(forms, key=lambda f: rank[owner[f]])[:10])
        conn.execute(
            "UPDATE page_articles SET forms = ? WHERE article_id = ?",
            (np.array([-f if f in top else f for f in forms], "<i4").tobytes(), aid),
        )
        conn.executemany(
            "UPDATE page_entities SET top = 1 WHERE article_id = ? AND form = ?",
            [(aid, f) for f in top],
        )
        conn.executemany(
            "INSERT INTO page_tops VALUES (?, 1) ON CONFLICT(form) DO UPDATE SET n = n + 1",
            [(f,) for f in top],
        )
        conn.executemany(
            "INSERT INTO page_pairs VALUES (?, ?, 1) ON CONFLICT(a, b) DO UPDATE SET n = n + 1",
            [p for a, b in itertools.combinations(top, 2) for p in ((a, b), (b, a))],
        )
    conn.execute("PRAGMA user_version = 3")
    conn.close()


def _format_3_library(tmp_path: Path) -> Path:
    _library(tmp_path).close()
    root = tmp_path / "lib"
    _as_format_3(root)
    conn = sqlite3.connect(root / "library.sqlite")
    # What format 3's pairs said of Basra and Tripoli: too few (Tripoli is named in passing).
    basra, tripoli = (
        conn.execute("SELECT id FROM entity_aliases WHERE name = ?", (n,)).fetchone()[0]
        for n in ("Basra", "Tripoli")
    )
    pair = conn.execute("SELECT n FROM page_pairs WHERE a = ? AND b = ?", (basra, tripoli))
    assert (pair.fetchone() or [0])[0] < 7
    conn.close()
    return root


def _tables(root: Path) -> set[str]:
    conn = sqlite3.connect(root / "library.sqlite")
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    return names


def _version(root: Path) -> int:
    conn = sqlite3.connect(root / "library.sqlite")
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    conn.close()
    return version


def test_a_format_3_library_drops_the_pairs_at_its_first_open_and_counts_the_same(
    tmp_path: Path,
) -> None:
    root = _format_3_library(tmp_path)
    said: list[str] = []
    with Library.open(root, on_upgrade=said.append) as lib:
        assert not {"page_pairs", "page_tops"} & _tables(root)
        assert _version(root) == FORMAT_VERSION
        assert said == [f"Upgrading the library from format 3 to {FORMAT_VERSION}, once…"]
        for name in ("Basra", "Tripoli", "Muscat"):
            assert _wrong(lib, lib.entity_page(name, "place")) == [], name
        basra = {r.entity.name: r.together for r in lib.entity_page("Basra", "place").related}
        assert basra["Tripoli"] == 7 and basra["Muscat"] == 5
        # An article recorded by format 3 (its top forms negated) is rewritten: its old rows
        # go exactly, Tripoli is in one article fewer, and nothing writes the pairs again.
        src = tmp_path / "edit.jsonl"
        edited = _article(0)
        edited["body"] = edited["body"].replace("A small consignment also reached Tripoli.", "")
        src.write_text(json.dumps(edited))
        assert lib.add([str(src)]).results[0].updated == 1
        tripoli = lib.entity_page("Tripoli", "place")
        assert tripoli.articles == 6 and _wrong(lib, tripoli) == []
        basra = {r.entity.name: r.together for r in lib.entity_page("Basra", "place").related}
        assert basra["Tripoli"] == 6
        for name in ("Basra", "Mosul", "Tripoli", "Muscat"):
            page = lib.entity_page(name, "place")
            assert sum(s.articles for s in page.sources) == page.articles, name
            assert sum(b.count for b in page.timeline) == page.articles, name
        assert not {"page_pairs", "page_tops"} & _tables(root)
    with Library.open(root, on_upgrade=said.append):
        assert len(said) == 1  # migrated once


def test_a_read_only_format_3_library_is_read_as_it_is(tmp_path: Path) -> None:
    root = _format_3_library(tmp_path)
    with read_only(root), Library.open(root) as lib:
        assert lib.read_only
        for name in ("Basra", "Tripoli", "Muscat"):
            assert _wrong(lib, lib.entity_page(name, "place")) == [], name
        basra = {r.entity.name: r.together for r in lib.entity_page("Basra", "place").related}
        assert basra["Tripoli"] == 7 and basra["Muscat"] == 5
        # Without the search index the page counts from format 3's page rows, as written.
        eid = find_entity(lib._conn, lib._registry, "Basra", "place")
        assert entity_page(lib._conn, eid, lib.articles).related == lib.entity_page("Basra").related
    assert {"page_pairs", "page_tops"} <= _tables(root) and _version(root) == 3
