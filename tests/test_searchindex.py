"""The Whoosh index: schema, query language end to end, facets, spelling, highlights, reopening.

The articles are invented for these tests (invented people and quotes, real place names).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.fields import ID, TEXT, Schema

from index.entities import LocalEntity
from index.entities.registry import Registry
from index.model import Progress
from index.query import Org, Person, Place, Query, QueryError
from index.searchindex import (
    MARKER,
    IndexDoc,
    IndexUnreadable,
    SearchIndex,
)


def day(d: int, month: int = 12) -> datetime:
    return datetime(2024, month, d, 9, 30, tzinfo=UTC)


#: The entities each article's extractor found: (type, name, *other forms it was written in).
ENTITIES: dict[str, list[tuple[str, ...]]] = {
    "a1": [
        ("person", "Bashar al-Assad", "Assad"),
        ("person", "Mira Kovac"),
        ("place", "Aleppo", "Halab"),
        ("place", "Syria"),
        ("org", "Hayat Tahrir al-Sham", "HTS", "Hay’at Tahrir al-Sham"),
    ],
    "a2": [("place", "Damascus"), ("place", "Syria"), ("org", "Hayat Tahrir al-Sham", "HTS")],
    "a3": [
        ("person", "Recep Tayyip Erdoğan", "Erdogan"),
        ("place", "Türkiye", "Turkey"),
        ("place", "Kilis"),
    ],
    "a4": [("person", "Tomas Brandt"), ("org", "Growers Union")],
    "a5": [
        ("person", "Bashar al-Assad", "Assad"),
        ("person", "Mira Kovac"),
        ("place", "Geneva", "Genf"),
    ],
    "a7": [("person", "Lena Ostrova"), ("place", "Aleppo")],
    "a8": [("place", "Assad Street")],
    "a9": [("person", "Tomas Brandt"), ("org", "Growers Union")],
}


DOCS = [
    IndexDoc(
        id="a1",
        title="Ceasefire talks open in Aleppo",
        body="Negotiators met in Aleppo on Monday. Bashar al-Assad sent an envoy, Mira Kovac "
        "said, and the talks on a ceasefire lasted into the night.",
        published=day(2),
        source="Harbour Post",
        url="https://example.test/a1",
        story="s1",
    ),
    IndexDoc(
        id="a2",
        title="Envoy returns from Damascus",
        body="The envoy returned from Damascus with a letter. Officials of Hayat Tahrir "
        "al-Sham declined to comment on the ceasefire.",
        published=day(3),
        source="Harbour Post",
        url=None,
        story="s2",
    ),
    IndexDoc(
        id="a3",
        title="Türkiye opens border crossing",
        body="Türkiye reopened the crossing near Kilis, Recep Tayyip Erdoğan's office said. "
        "Trucks carrying flour waited for hours at the gate.",
        published=day(5),
        source="Anatolian Wire",
        url=None,
        story="s3",
    ),
    IndexDoc(
        id="a4",
        title="Farmers count losses after flood",
        body="Farmers along the river counted their losses after the flood. The harvest of "
        "wheat and barley was mostly ruined, said Tomas Brandt of the growers' union.",
        published=day(20, 11),
        source="Valley Gazette",
        url=None,
        story="s4",
    ),
    IndexDoc(
        id="a5",
        title="Second round of ceasefire talks",
        body="A second round of talks is planned in Geneva. Bashar al-Assad has not said "
        "whether he will attend; Mira Kovac expects a delegation.",
        published=day(10),
        source="Lakeside Times",
        url=None,
        story="s5",
    ),
    IndexDoc(
        id="a6",
        title="Library reopens with a reading festival",
        body="The city library reopened its doors with a festival of readings for children "
        "and a market of second-hand books.",
        published=None,
        source=None,
        url=None,
        story="s6",
    ),
    IndexDoc(
        id="a7",
        title="Rebuilding the old market",
        body="Stonemasons began rebuilding the old covered market in Aleppo, stone by stone, "
        "with money from a fund set up by Lena Ostrova.",
        published=day(15),
        source="Harbour Post",
        url=None,
        story="s7",
    ),
    IndexDoc(
        id="a8",
        title="Assad Street closed for repairs",
        body="Assad Street in the old town will be closed for repairs until spring, the "
        "council announced, and buses will take another route.",
        published=datetime(2025, 1, 1, 9, 30, tzinfo=UTC),
        source="Valley Gazette",
        url=None,
        story="s8",
    ),
    IndexDoc(
        id="a9",
        title="Orchard growers fear frost",
        body="Apple growers in the valley fear an early frost. Tomas Brandt said the union "
        "would ask for help if the frost damages the orchards.",
        published=day(28, 11),
        source="Valley Gazette",
        url=None,
        story="s9",
    ),
]


class Bound:
    """A SearchIndex with what a Library hands it: a real registry and the article bodies."""

    def __init__(self, si: SearchIndex, reg: Registry) -> None:
        self.si = si
        self.reg = reg
        self.bodies: dict[str, str] = {}

    def add(self, docs: list[IndexDoc], **kw: Any) -> int:
        return self.si.add(self.prepare(docs), **kw)

    def rebuild(self, docs: list[IndexDoc], **kw: Any) -> int:
        return self.si.rebuild(self.prepare(docs), **kw)

    def prepare(self, docs: list[IndexDoc], extra: dict[str, list] | None = None) -> list[IndexDoc]:
        """Assign each doc's entities in the registry and give the doc their form ids."""
        out = []
        for doc in docs:
            ents = (extra or {}).get(doc.id, ENTITIES.get(doc.id, []))
            local = [LocalEntity(e[0], e[1], tuple(e[2:])) for e in ents]  # type: ignore[arg-type]
            self.reg.assign(doc.id, local, doc.body)
            self.bodies[doc.id] = doc.body
            forms = self.reg.index_forms([doc.id])[doc.id]
            out.append(dataclasses.replace(doc, entities=tuple(forms)))
        return out

    def search(self, query: Any, **kw: Any) -> Any:
        kw.setdefault("entities", self.reg)
        kw.setdefault("texts", lambda ids: {i: self.bodies.get(i, "") for i in ids})
        return self.si.search(query, **kw)

    def more_like_this(self, article_id: str, **kw: Any) -> Any:
        return self.si.more_like_this(article_id, text=self.bodies.get(article_id), **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.si, name)


@pytest.fixture
def reg() -> Iterator[Registry]:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    yield Registry(conn)
    conn.close()


@pytest.fixture
def ix(tmp_path: Path, reg: Registry):
    with SearchIndex.open(tmp_path / "whoosh") as si:
        bound = Bound(si, reg)
        bound.add(DOCS)
        yield bound


def ids(ix: SearchIndex, query, **kw) -> list[str]:
    return [h.id for h in ix.search(query, **kw).hits]


def idset(ix: SearchIndex, query, **kw) -> set[str]:
    return set(ids(ix, query, **kw))


# -- words, phrases, operators ----------------------------------------------------------------


def test_free_words_are_stemmed_and_all_required(ix):
    assert idset(ix, "ceasefire") == {"a1", "a2", "a5"}
    assert idset(ix, "ceasefire talks") == {"a1", "a5"}
    assert idset(ix, "grower") == {"a4", "a9"}  # "growers" stems to the same word


def test_title_is_weighted_over_body(ix):
    # a8 has "Assad" in its title, a1 and a5 only in their bodies
    hits = ix.search("assad").hits
    assert hits[0].id == "a8"
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[-1] > 0


def test_phrases_keep_word_order(ix):
    assert idset(ix, '"second round"') == {"a5"}
    assert idset(ix, '"round second"') == set()
    assert idset(ix, '"old market"') == {"a7"}


def test_or_not_minus_and_parentheses(ix):
    assert idset(ix, "flood OR frost") == {"a4", "a9"}
    assert idset(ix, "ceasefire NOT damascus") == {"a1", "a5"}
    assert idset(ix, "ceasefire -damascus") == {"a1", "a5"}
    assert idset(ix, "(flood OR envoy) AND growers") == {"a4"}
    assert idset(ix, "-ceasefire -growers") == {"a3", "a6", "a7", "a8"}


def test_accents_and_apostrophes_are_ignored(ix):
    assert idset(ix, "Turkiye") == {"a3"}
    assert idset(ix, "TÜRKIYE") == {"a3"}
    assert idset(ix, "erdogans") == {"a3"}  # "Erdoğan's" is one word, folded


def test_title_and_source_fields(ix):
    assert idset(ix, "title:ceasefire") == {"a1", "a5"}
    assert idset(ix, "source:gazette") == {"a4", "a8", "a9"}
    assert idset(ix, 'source:"harbour post" title:talks') == {"a1"}
    assert idset(ix, "source:HARBOUR") == {"a1", "a2", "a7"}


# -- entities ---------------------------------------------------------------------------------


def test_a_part_of_a_name_matches(ix):
    assert idset(ix, "person:assad") == {"a1", "a5"}
    assert idset(ix, "person:Kovac") == {"a1", "a5"}
    assert idset(ix, 'person:"al-Assad"') == {"a1", "a5"}
    assert idset(ix, "person:al-assad") == {"a1", "a5"}
    # a place named after him is not a person
    assert idset(ix, "place:assad") == {"a8"}


def test_aliases_match(ix):
    assert idset(ix, "org:hts") == {"a1", "a2"}
    # an alias belongs to the entity: every article about Aleppo answers to "Halab"
    assert idset(ix, "place:halab") == {"a1", "a7"}
    assert idset(ix, "place:turkey") == {"a3"}


def test_entity_matching_folds_case_accents_and_apostrophes(ix):
    assert idset(ix, "person:ERDOGAN") == {"a3"}
    assert idset(ix, "person:erdoğan") == {"a3"}
    assert idset(ix, "place:turkiye") == {"a3"}
    assert idset(ix, "org:hayat") == {"a1", "a2"}
    assert idset(ix, 'org:"hay\'at tahrir"') == {"a1", "a2"}


def test_a_phrase_never_spans_two_names(ix):
    # "Bashar al-Assad" then "Assad" then "Mira Kovac": "assad mira" is not a name
    assert idset(ix, 'person:"assad mira"') == set()
    assert idset(ix, 'person:"mira kovac"') == {"a1", "a5"}


def test_exact_entity_filter_is_not_partial(ix):
    assert idset(ix, 'person:="Bashar al-Assad"') == {"a1", "a5"}
    assert idset(ix, 'person:="Assad"') == set()  # an alias, not the canonical name
    assert idset(ix, 'place:="Assad Street"') == {"a8"}
    assert idset(ix, 'place:="Assad"') == set()
    assert idset(ix, '-org:="Growers Union" growers') == set()


# -- dates, flags, sorting --------------------------------------------------------------------


def test_date_filters(ix):
    assert idset(ix, "date:2024-12-02") == {"a1"}
    assert idset(ix, "date:2024-12") == {"a1", "a2", "a3", "a5", "a7"}
    assert idset(ix, "date:2024-11") == {"a4", "a9"}
    assert idset(ix, "since:2024-12-10") == {"a5", "a7", "a8"}
    assert idset(ix, "until:2024-12-02") == {"a1", "a4", "a9"}  # inclusive
    assert idset(ix, "since:2024-12-03 until:2024-12-10 ceasefire") == {"a2", "a5"}
    assert idset(ix, "date:2025") == {"a8"}


def test_flags_filter_by_the_callback(ix):
    read = {"a1", "a2", "a3"}
    state = {"unread": {d.id for d in DOCS} - read, "starred": {"a2", "a7", "nope"}}
    seen: list[str] = []

    def flags(name: str) -> set[str]:
        seen.append(name)
        return state[name]

    assert idset(ix, "ceasefire is:unread", flags=flags) == {"a5"}
    assert idset(ix, "ceasefire is:read", flags=flags) == {"a1", "a2"}
    assert idset(ix, "is:starred", flags=flags) == {"a2", "a7"}
    assert idset(ix, "is:starred is:unread", flags=flags) == {"a7"}
    assert idset(ix, "ceasefire -is:read", flags=flags) == {"a5"}
    # only unread ids are ever asked for: their cost never grows with the number read
    assert set(seen) == {"unread", "starred"}
    # without a callback nothing is read or starred
    assert idset(ix, "ceasefire is:unread") == {"a1", "a2", "a5"}
    assert idset(ix, "is:starred") == set()


def test_flags_cannot_widen_a_search(ix):
    with pytest.raises(QueryError, match="is:unread"):
        ix.search("ceasefire OR is:unread", flags=lambda name: set())


def test_sort_by_date_newest_first_undated_last(ix):
    assert ids(ix, "ceasefire", sort="date") == ["a5", "a2", "a1"]
    everything = ids(ix, "")
    assert everything[:3] == ["a8", "a7", "a5"]
    assert everything[-1] == "a6"
    assert len(everything) == len(DOCS)


def test_paging(ix):
    all_ids = ids(ix, "", limit=100)
    assert ids(ix, "", limit=3, offset=3) == all_ids[3:6]
    result = ix.search("", limit=2, offset=8)
    assert result.total == len(DOCS)
    assert [h.id for h in result.hits] == all_ids[8:]


# -- facets, suggestions, highlights ----------------------------------------------------------


def test_facets_count_over_all_matches_not_the_page(ix):
    result = ix.search("ceasefire OR growers", limit=1)
    assert result.total == 5
    assert len(result.hits) == 1
    assert dict(result.facets["person"]) == {
        "Bashar al-Assad": 2,
        "Mira Kovac": 2,
        "Tomas Brandt": 2,
    }
    assert result.facets["place"][0] == ("Syria", 2)
    assert dict(result.facets["org"]) == {"Hayat Tahrir al-Sham": 2, "Growers Union": 2}
    assert ix.search("ceasefire", facets=False).facets == {}


def test_facets_of_a_big_result_set_say_how_many_matches_they_cover(ix, monkeypatch):
    """Over FACET_SAMPLE matches the sidebar counts the newest ones (and says so); a caller
    that asks for every match gets exact counts."""
    monkeypatch.setattr("index.facets.FACET_SAMPLE", 2)
    monkeypatch.setattr("index.searchindex.FACET_SAMPLE", 2)
    sampled = ix.search("ceasefire OR growers", limit=1)
    assert sampled.total == 5 and sampled.facets_over == 2
    assert sum(n for _, n in sampled.facets["person"]) < 6
    every = ix.search("ceasefire OR growers", limit=1, all_facets=True)
    assert every.facets_over == 5
    assert dict(every.facets["person"]) == {
        "Bashar al-Assad": 2,
        "Mira Kovac": 2,
        "Tomas Brandt": 2,
    }


def test_suggestion_for_a_misspelled_word(ix):
    assert ix.search("cesefire talks").suggestion == "ceasefire talks"
    assert ix.search("Alepo market").suggestion == "Aleppo market"
    assert ix.search("person:kovak").suggestion == "person:kovac"


def test_no_suggestion_for_known_words(ix):
    assert ix.search("ceasefire talks").suggestion is None
    assert ix.search("growers").suggestion is None
    # Absent as written but found by stemming ("markets" finds "market"): nothing to correct.
    assert ix.search("markets").total > 0
    assert ix.search("markets").suggestion is None
    assert ix.search("stonemason").suggestion is None
    assert ix.search("").suggestion is None


def test_hits_carry_a_marked_fragment(ix):
    hit = next(h for h in ix.search("ceasefire").hits if h.id == "a1")
    assert "**ceasefire**" in hit.highlight
    assert len(hit.highlight) <= 260
    stemmed = next(h for h in ix.search("grower").hits if h.id == "a4")
    assert "**growers**" in stemmed.highlight


def test_fragments_are_screen_safe(tmp_path, reg):
    hostile = IndexDoc(
        id="h1",
        title="Odd text",
        body="Before\x1b[31m the \x07storm\u202e and **bold** claims about the storm.\r\nEnd",
        published=None,
        source=None,
        url=None,
        story="h1",
    )
    with SearchIndex.open(tmp_path / "ix") as plain:
        si = Bound(plain, reg)
        si.add([hostile])
        fragment = si.search("storm").hits[0].highlight
        assert "**storm**" in fragment
        assert not any(ord(c) < 32 or c in "\x7f\u202e" for c in fragment)
        assert "**bold**" not in fragment  # only our marks are double stars
        # without a search word, the fragment is the start of the body
        lead = si.search("").hits[0].highlight
        assert lead.startswith("Before") and "\x1b" not in lead


def test_highlight_spans_match_stemmed_words(ix):
    text = "Growers met the grower. Ceasefires hold; a CEASEFIRE holds."
    spans = ix.highlight_spans(text, "grower ceasefire -hold")
    assert [text[a:b] for a, b in spans] == ["Growers", "grower", "Ceasefires", "CEASEFIRE"]
    assert ix.highlight_spans(text, Query("growers") & Person("Tomas Brandt")) == spans[:2]
    assert ix.highlight_spans(text, "person:assad") == []


def test_more_like_this_puts_the_near_article_first(ix):
    similar = ix.more_like_this("a4")
    assert similar[0][0] == "a9"
    assert "a4" not in [i for i, _ in similar]
    assert ix.more_like_this("missing") == []


# -- malformed queries ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ('"ceasefire talks', "quote"),
        ("(ceasefire OR talks", "never closed"),
        ("ceasefire)", "no matching"),
        ("foo:bar", "person:"),
        ("date:2024-02-31", "YYYY-MM-DD"),
        ("since:yesterday", "YYYY-MM-DD"),
        ("is:important", "is:unread"),
        ("ceasefire AND", "AND"),
    ],
)
def test_malformed_queries_raise_friendly_errors(ix, query, words):
    with pytest.raises(QueryError) as err:
        ix.search(query)
    assert words in err.value.message
    assert "Traceback" not in err.value.message


def test_colons_in_plain_words_are_not_errors(ix):
    assert ix.search("10:30 talks").total == 0  # searched, just not found
    assert idset(ix, "Aleppo: talks") == {"a1"}  # a trailing colon is punctuation


# -- the Query value end to end ---------------------------------------------------------------


def test_query_value_stacks_filters_and_round_trips(ix):
    q = Query("ceasefire OR growers")
    assert idset(ix, q) == {"a1", "a2", "a4", "a5", "a9"}
    q2 = q & Person("Bashar al-Assad")
    assert idset(ix, q2) == {"a1", "a5"}
    q3 = q2 - Place("Geneva")
    assert idset(ix, q3) == {"a1"}
    assert idset(ix, q3.without_last()) == {"a1", "a5"}
    for value in (q, q2, q3, Query() & Org("Growers Union"), Query("talks") - Person("Mira Kovac")):
        assert idset(ix, str(value)) == idset(ix, value)
    assert idset(ix, Query() & Place("Aleppo"), sort="date") == {"a1", "a7"}


# -- opening, writing, rebuilding -------------------------------------------------------------


def test_reopening_keeps_documents(tmp_path, reg):
    path = tmp_path / "ix"
    with SearchIndex.open(path) as si:
        assert Bound(si, reg).add(DOCS[:4]) == 4
    with SearchIndex.open(path) as plain:
        si = Bound(plain, reg)
        assert si.doc_count() == 4
        assert idset(si, "person:assad") == {"a1"}


def test_update_replaces_by_id_and_delete_removes(ix):
    changed = IndexDoc(
        id="a6",
        title="Library closes for winter",
        body="The library closed for the winter months.",
        published=day(11),
        source=None,
        url=None,
        story="s6",
    )
    ix.add([changed], delete=["a8"])
    assert ix.doc_count() == len(DOCS) - 1
    assert idset(ix, "winter") == {"a6"}
    assert idset(ix, "festival") == set()
    assert idset(ix, "title:assad") == set()
    ix.delete(["a6"])
    assert idset(ix, "library") == set()


def test_rebuild_replaces_everything_and_reports_progress(ix):
    events: list[Progress] = []
    assert ix.rebuild(DOCS[:2], progress=events.append) == 2
    assert ix.doc_count() == 2
    assert idset(ix, "") == {"a1", "a2"}
    assert events[-1] == Progress("index", 2, 2)


def test_a_large_batch_uses_two_processes_and_keeps_every_document(tmp_path, reg):
    docs = [
        IndexDoc(
            id=f"n{i}",
            title=f"Report number {i}",
            body=f"Harbour report {i} about tides and boats in the bay. Word{i % 7}.",
            published=day(1 + i % 28),
            source="Bay Bulletin",
            url=None,
            story=f"n{i}",
        )
        for i in range(600)
    ]
    bay = {f"n{i}": [("place", "Bay")] if i % 2 else [] for i in range(600)}
    events: list[Progress] = []
    with SearchIndex.open(tmp_path / "ix") as plain:
        si = Bound(plain, reg)
        docs = si.prepare(docs, bay)
        assert plain.add(docs, progress=events.append) == 600
        assert si.doc_count() == 600
        assert si.search("tides").total == 600
        assert si.search("word3").total == len([i for i in range(600) if i % 7 == 3])
        assert dict(si.search("harbour").facets["place"]) == {"Bay": 300}
        plain.add(docs[:10])  # updating by id, not adding again
        assert si.doc_count() == 600
    assert any(e.stage == "index" and e.done == 100 for e in events)


def test_garbage_folder_is_unreadable(tmp_path):
    path = tmp_path / "ix"
    path.mkdir()
    (path / "notes.txt").write_text("not an index")
    with pytest.raises(IndexUnreadable):
        SearchIndex.open(path)


def test_foreign_whoosh_index_is_unreadable(tmp_path):
    path = tmp_path / "ix"
    path.mkdir()
    whoosh_index.create_in(str(path), Schema(path=ID(stored=True), content=TEXT))
    with pytest.raises(IndexUnreadable):
        SearchIndex.open(path)
    (path / MARKER).write_text('{"kind": "dateline-search-index", "version": 1}')
    with pytest.raises(IndexUnreadable):  # a marker does not make the schema ours
        SearchIndex.open(path)


def test_other_version_or_damaged_marker_is_unreadable(tmp_path):
    path = tmp_path / "ix"
    SearchIndex.open(path).close()
    (path / MARKER).write_text('{"kind": "dateline-search-index", "version": 999}')
    with pytest.raises(IndexUnreadable, match="version"):
        SearchIndex.open(path)
    (path / MARKER).write_text("{broken")
    with pytest.raises(IndexUnreadable):
        SearchIndex.open(path)


def test_damaged_index_files_are_unreadable(tmp_path):
    path = tmp_path / "ix"
    with SearchIndex.open(path) as si:
        si.add(DOCS[:2])
    for toc in path.glob("*.toc"):
        toc.write_bytes(b"\x00garbage")
    with pytest.raises(IndexUnreadable):
        SearchIndex.open(path)


def test_create_wipes_an_unreadable_folder(tmp_path):
    path = tmp_path / "ix"
    path.mkdir()
    (path / "junk.bin").write_bytes(b"\x00\x01")
    with SearchIndex.create(path) as si:
        assert si.doc_count() == 0
        si.add(DOCS[:1])
    with SearchIndex.open(path) as si:
        assert si.doc_count() == 1


def test_a_searcher_sees_writes_from_another_handle(tmp_path, reg):
    path = tmp_path / "ix"
    reader = Bound(SearchIndex.open(path), reg)
    writer = Bound(SearchIndex.open(path), reg)
    try:
        assert reader.doc_count() == 0
        writer.add(DOCS[:3])
        assert reader.doc_count() == 3
        assert idset(reader, "turkiye") == {"a3"}
    finally:
        reader.close()
        writer.close()


def test_searchers_are_per_thread(ix):
    from concurrent.futures import ThreadPoolExecutor

    queries = ["ceasefire", "growers", "person:assad", "place:aleppo"] * 5
    expected = [idset(ix, q) for q in queries]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda q: idset(ix, q), queries))
    assert got == expected


@pytest.mark.parametrize("text", ["-", "🚢", "*", "the", '""', "[ :"])
def test_a_query_with_nothing_to_search_for_is_explained(ix: SearchIndex, text: str) -> None:
    with pytest.raises(QueryError, match="Nothing to search for"):
        ix.search(text)


def test_an_empty_field_value_is_explained(ix: SearchIndex) -> None:
    with pytest.raises(QueryError, match='"place:" needs a value'):
        ix.search('place:""')


def test_a_symbol_beside_real_words_is_ignored(ix: SearchIndex) -> None:
    assert idset(ix, "ceasefire 🚢") == idset(ix, "ceasefire")


def test_facet_names_follow_a_rename_and_a_merge(ix):
    """Form names are kept between searches only while the registry's database is unchanged."""
    assert ("Mira Kovac", 2) in ix.search("ceasefire").facets["person"]
    ix.reg.rename("Mira Kovac", "Mira Kovač")
    people = dict(ix.search("ceasefire").facets["person"])
    assert people.get("Mira Kovač") == 2 and "Mira Kovac" not in people
    ix.reg.merge("Bashar al-Assad", "Mira Kovač")
    people = dict(ix.search("ceasefire").facets["person"])
    assert people.get("Bashar al-Assad") == 2 and "Mira Kovač" not in people


def test_facet_names_follow_a_change_by_another_connection(tmp_path: Path):
    """Another process (here: another connection) renaming an entity is seen at once."""
    db = tmp_path / "lib.sqlite"
    mine = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    theirs = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    try:
        with SearchIndex.open(tmp_path / "whoosh") as si:
            bound = Bound(si, Registry(mine))
            bound.add(DOCS)
            assert ("Tomas Brandt", 2) in bound.search("growers").facets["person"]
            Registry(theirs).rename("Tomas Brandt", "Tomás Brandt")
            assert ("Tomás Brandt", 2) in bound.search("growers").facets["person"]
    finally:
        mine.close()
        theirs.close()
