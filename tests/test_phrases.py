"""Phrase matching on positions in numpy (`index.phrases`) against Whoosh's own phrase matcher.

Every figure Dateline gives for a phrase — the match set, the total, the scores — must be what
Whoosh itself answers on the same index: several segments, deleted and updated documents,
words repeated within a phrase, slop. The articles are random strings over a tiny invented
vocabulary, so phrases occur often and in every arrangement.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from whoosh import query as wq
from whoosh.formats import Positions

from index.phrases import decode
from index.query import QueryError, Text, parse
from index.searchindex import IndexDoc, SearchIndex
from index.searchschema import text_analyzer

START = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
VOCAB = ["quarry", "lantern", "willow", "ember", "copper", "meadow", "thistle", "harbour"]


def article(n: int, rng: random.Random, *, words: int | None = None) -> IndexDoc:
    size = words if words is not None else rng.randint(3, 60)
    body = " ".join(rng.choices(VOCAB, weights=[8, 6, 5, 4, 3, 2, 1, 1], k=size))
    title = " ".join(rng.choices(VOCAB, k=rng.randint(1, 4)))
    return IndexDoc(
        id=f"a{n}", title=title, body=body, published=START + timedelta(hours=n),
        source="Hill Desk", url=None, story=f"s{n}",
    )  # fmt: skip


@pytest.fixture(scope="module")
def segmented(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    """An index of four segments; some documents deleted, some replaced by new text."""
    rng = random.Random(7)
    ix = SearchIndex.create(Path(tmp_path_factory.mktemp("phrases")) / "ix")
    n = 0
    for batch in (60, 45, 80, 30):
        ix.add([article(n + i, rng) for i in range(batch)])
        n += batch
    ix.add([article(i, rng) for i in (3, 17, 64, 150)])  # updates: old versions deleted
    ix.delete(["a5", "a70", "a140", "a200"])
    # one long article: positions past 255 and 65,535 need wider pickle opcodes
    long_body = " ".join(["copper"] * 70_000 + ["quarry", "lantern"])
    ix.add([IndexDoc("long", "ember", long_body, START, "Hill Desk", None, "s-long")])
    yield ix
    ix.close()


def stems(words: list[str]) -> list[str]:
    """The words as the index holds them ("quarry" is "quarri")."""
    analyzer = text_analyzer()
    return [t.text for w in words for t in analyzer(w)]


def whoosh_docs(ix: SearchIndex, q: wq.Query) -> set[int]:
    searcher, view = ix._open()
    live = set(view.live.tolist())
    return {d for d in searcher.docs_for_query(q) if d in live}


PHRASES = [
    ["quarry", "lantern"],
    ["lantern", "quarry"],
    ["quarry", "quarry"],
    ["willow", "ember", "copper"],
    ["meadow", "thistle"],
    ["thistle", "harbour", "meadow"],
    ["quarry", "lantern", "quarry", "lantern"],
    ["harbour", "harbour", "harbour"],
]


@pytest.mark.parametrize("words", PHRASES)
@pytest.mark.parametrize("slop", [1, 2, 4])
@pytest.mark.parametrize("field", ["body", "title"])
def test_phrase_match_sets_equal_whooshs(segmented: SearchIndex, words, slop, field):
    q = wq.Phrase(field, stems(words), slop=slop)
    _, view = segmented._open()
    assert len(view.leaves) >= 4  # across segments, not one
    ours = set(view.matches(q).tolist())
    assert ours == whoosh_docs(segmented, q)
    if field == "body" and len(words) == 2:
        assert ours  # the vocabulary is small enough for every pair to occur


def test_phrases_match_inside_other_parts_of_a_query(segmented: SearchIndex):
    """A phrase AND-ed with words, OR-ed, negated: the phrase is narrowed to what the rest
    allows before its positions are read, and the answer is still Whoosh's."""
    p = wq.Phrase("body", stems(["quarry", "lantern"]))
    ember, willow, harbour, meadow = stems(["ember", "willow", "harbour", "meadow"])
    queries = [
        wq.And([wq.Term("body", ember), p]),
        wq.And([wq.Term("title", willow), wq.Not(p)]),
        wq.Or([p, wq.Phrase("title", [ember, stems(["copper"])[0]])]),
        wq.And([wq.Or([p, wq.Term("body", harbour)]), wq.Not(wq.Term("body", meadow))]),
    ]
    _, view = segmented._open()
    for q in queries:
        found = set(view.matches(q).tolist())
        assert found == whoosh_docs(segmented, q), q
        assert found, q


@pytest.mark.parametrize("text", ['"quarry lantern"', '"willow ember copper"', '"harbour meadow"'])
def test_totals_and_scores_equal_whooshs(segmented: SearchIndex, text):
    """The total a user sees, and every score, are Whoosh's (title phrase OR body phrase)."""
    result = segmented.search(text, limit=1000)
    words = stems(text.strip('"').split())
    assert len(words) > 1
    q = wq.Or([wq.Phrase("title", words), wq.Phrase("body", words)])
    searcher, view = segmented._open()
    expected = {
        view.id_of(h.docnum): h.score
        for h in searcher.search(q, limit=None)
        if h.docnum in set(view.live.tolist())
    }
    assert result.total == len(expected) > 0
    assert {h.id for h in result.hits} == set(expected)
    for hit in result.hits:
        assert hit.score == pytest.approx(expected[hit.id], rel=1e-6)
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_deleted_and_replaced_documents_never_match(segmented: SearchIndex):
    ids = {h.id for h in segmented.search('"quarry lantern"', limit=1000).hits}
    assert not ids & {"a5", "a70", "a140", "a200"}
    words = stems(["quarry", "lantern"])
    total = segmented.search('"quarry lantern"', limit=1000).total
    assert total == len(
        whoosh_docs(segmented, wq.Or([wq.Phrase("title", words), wq.Phrase("body", words)]))
    )


def test_positions_beyond_two_bytes(segmented: SearchIndex):
    """ "quarry lantern" sits at positions 70,000 and 70,001 of the long article."""
    assert "long" in {h.id for h in segmented.search('"quarry lantern"', limit=1000).hits}
    assert "long" in {h.id for h in segmented.search('"copper quarry"', limit=1000).hits}
    assert "long" not in {h.id for h in segmented.search('"lantern copper"', limit=1000).hits}


def test_decode_equals_whooshs_decoder():
    rng = random.Random(3)
    fmt = Positions()
    lists = [sorted(rng.sample(range(200), rng.randint(1, 30))) for _ in range(300)]
    lists += [[0], [255], [256], [65_535], [65_536], [2**31 - 1], list(range(1500))]
    lists += [sorted(rng.sample(range(100_000), 40)) for _ in range(20)]
    values = [fmt.encode(p) for p in lists]
    counts, flat = decode(values)
    assert counts.tolist() == [len(p) for p in lists]
    assert flat.tolist() == [x for p in lists for x in p]
    # without pickle's STOP byte, as older writers stored them
    counts, flat = decode([v[:-1] for v in values])
    assert flat.tolist() == [x for p in lists for x in p]


def test_slop_in_the_query_language(tmp_path: Path):
    ix = SearchIndex.create(tmp_path / "ix")
    bodies = {
        "next": "the quarry lantern glowed",
        "one": "the quarry old lantern glowed",
        "two": "the quarry old tin lantern glowed",
        "reversed": "the lantern by the quarry",
    }
    ix.add([IndexDoc(k, "notes", v, START, "Hill Desk", None, k) for k, v in bodies.items()])
    found = lambda q: {h.id for h in ix.search(q).hits}  # noqa: E731
    assert found('"quarry lantern"') == found('"quarry lantern"~0') == {"next"}
    assert found('"quarry lantern"~1') == {"next", "one"}
    assert found('"quarry lantern"~2') == {"next", "one", "two"}
    assert found('"lantern quarry"~9') == {"reversed"}  # order still counts
    assert found('title:"notes"~1 "quarry lantern"~1') == {"next", "one"}
    assert parse('"quarry lantern"~3') == Text(None, "quarry lantern", phrase=True, slop=3)
    for bad in ('"quarry lantern"~x', '"quarry lantern"~101', 'person:"Ada Quarry"~1'):
        with pytest.raises(QueryError):
            parse(bad)
    ix.close()


def test_a_phrase_hit_shows_the_phrase_marked(tmp_path: Path):
    """The fragment is cut around the phrase, not around the first of its words."""
    ix = SearchIndex.create(tmp_path / "ix")
    filler = " ".join(["meadow thistle"] * 80)
    body = f"A lantern hung there. {filler} Then the quarry lanterns were lit at dusk."
    ix.add([IndexDoc("x", "notes", body, START, "Hill Desk", None, "x")])
    hit = ix.search('"quarry lantern"', texts=lambda ids: {"x": body}).hits[0]
    assert "**quarry** **lanterns**" in hit.highlight
    ix.close()


def test_decode_agrees_with_real_postings(segmented: SearchIndex):
    """Positions decoded from the postings blocks equal Whoosh's `positions()` per posting."""
    from index.phrases import term_positions

    _, view = segmented._open()
    for leaf, _ in view.leaves:
        docs, counts, flat = term_positions(leaf, "body", stems(["quarry"])[0])
        m = leaf.postings("body", stems(["quarry"])[0])
        expected_docs, expected = [], []
        while m.is_active():
            expected_docs.append(m.id())
            expected += list(m.value_as("positions"))
            m.next()
        live = set(expected_docs)
        assert set(docs.tolist()) >= live
        keep = np.isin(docs, expected_docs)
        assert docs[keep].tolist() == expected_docs
        assert np.repeat(keep, counts).sum() == len(expected)
        assert flat[np.repeat(keep, counts)].tolist() == expected


def test_a_phrase_with_a_word_the_index_lacks(segmented: SearchIndex):
    assert segmented.search('"quarry zzyzxq"').total == 0
    assert segmented.search('"quarry zzyzxq" OR "quarry lantern"').total == (
        segmented.search('"quarry lantern"').total
    )


def test_decode_reads_unusual_values_with_pickle_and_refuses_garbage():
    import pickle
    import struct

    from index.phrases import PositionsError

    odd = struct.pack("!I", 2) + pickle.dumps([7, 2**40], 2)  # LONG1: not a fast-path opcode
    counts, flat = decode([Positions().encode([1, 5]), odd])
    assert counts.tolist() == [2, 2]
    assert flat.tolist() == [1, 5, 7, 7 + 2**40]
    with pytest.raises(PositionsError):
        decode([struct.pack("!I", 3) + b"\x80\x02]q\x00(K\x01Z\x02K\x03e."])
