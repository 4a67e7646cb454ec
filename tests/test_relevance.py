"""Relevance ranks every match: numpy BM25F (`index.bm25`) against Whoosh's own scorer.

The articles are invented for these tests (made-up words and harbours, no real reporting).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import scoring

from index.compile import Compiler
from index.query import parse_query
from index.searchindex import RELEVANCE_POOL, IndexDoc, SearchIndex

START = datetime(2023, 1, 1, 8, 0, tzinfo=UTC)
FILLER = [
    "council",
    "morning",
    "report",
    "river",
    "bridge",
    "traffic",
    "weather",
    "market",
    "school",
    "road",
    "office",
    "village",
    "museum",
    "garden",
    "festival",
    "railway",
    "tunnel",
]


def doc(n: int, title: str, body: str, hours: int) -> IndexDoc:
    return IndexDoc(
        id=f"a{n}", title=title, body=body, published=START + timedelta(hours=hours),
        source="Coast Desk", url=None, story=f"s{n}",
    )  # fmt: skip


def weak_matches(count: int, rng: random.Random) -> list[IndexDoc]:
    """`count` long articles, newer than the best one, each naming the harbour master once."""
    out = []
    for n in range(count):
        words = rng.choices(FILLER, k=rng.randint(120, 200))
        words.insert(rng.randrange(len(words)), "the harbour master said")
        out.append(doc(n + 1, f"{rng.choice(FILLER)} notes {n}", " ".join(words), 1000 + n))
    return out


@pytest.fixture
def crowded(tmp_path: Path) -> SearchIndex:
    """One old article that is by far the best match, behind more than RELEVANCE_POOL newer
    weak ones (added in two batches, so two segments)."""
    rng = random.Random(7)
    weak = weak_matches(RELEVANCE_POOL + 60, rng)
    best = doc(
        0,
        "Harbour master warns of harbour silt",
        "The harbour master told the council the harbour is silting. "
        + "The harbour master wants dredging before the harbour closes. " * 3,
        0,
    )
    ix = SearchIndex.create(tmp_path / "ix")
    ix.add([best, *weak[:100]])
    ix.add(weak[100:])
    return ix


def test_oldest_best_match_ranks_first_behind_many_newer_weak_ones(crowded: SearchIndex):
    result = crowded.search("harbour", limit=5, facets=False)
    assert result.total == RELEVANCE_POOL + 61
    assert result.hits[0].id == "a0"
    assert [h.score for h in result.hits] == sorted((h.score for h in result.hits), reverse=True)
    # the date order still puts it last
    assert crowded.search("harbour", sort="date", limit=RELEVANCE_POOL + 61).hits[-1].id == "a0"


def test_phrase_ranks_every_match_too(crowded: SearchIndex):
    result = crowded.search('"harbour master"', limit=3, facets=False)
    assert result.total == RELEVANCE_POOL + 61
    assert result.hits[0].id == "a0"
    assert result.hits[0].score > result.hits[1].score


def test_ties_go_to_the_newest(tmp_path: Path):
    ix = SearchIndex.create(tmp_path / "ix")
    ix.add([doc(n, "Quay", "the ferry left the quay", hours=n * 7 % 5) for n in range(5)])
    hits = ix.search("quay", limit=5, facets=False).hits
    assert len({h.score for h in hits}) == 1
    assert [h.id for h in hits] == ["a2", "a4", "a1", "a3", "a0"]  # hours 4, 3, 2, 1, 0


VOCAB = [
    "gaza",
    "aleppo",
    "harbour",
    "election",
    "minister",
    "storm",
    "flood",
    "court",
    "ruling",
    "budget",
    "tariff",
    "port",
    "ship",
    "senate",
    "drought",
    "wildfire",
]


@pytest.fixture
def varied(tmp_path: Path) -> tuple[SearchIndex, Path, dict[str, datetime]]:
    rng = random.Random(11)
    docs = []
    for n in range(240):
        title = " ".join(rng.choices(VOCAB, k=rng.randint(1, 6)))
        body = " ".join(rng.choices(VOCAB + FILLER * 2, k=rng.randint(4, 400)))
        docs.append(doc(n, title, body, hours=rng.randint(0, 10_000) * 3 + n % 3))
    ix = SearchIndex.create(tmp_path / "ix")
    for part in (docs[:90], docs[90:170], docs[170:]):
        ix.add(part)
    ix.delete(["a5", "a100"])
    return ix, tmp_path / "ix", {d.id: d.published for d in docs if d.published}


@pytest.mark.parametrize(
    "text",
    ["harbour", "storm flood", "court ruling budget", "senate OR drought", "title:gaza port",
     "minister -tariff"],
)  # fmt: skip
def test_numpy_ranking_equals_whoosh_bm25f(
    varied: tuple[SearchIndex, Path, dict[str, datetime]], text: str
):
    ix, path, published = varied
    ours = ix.search(text, limit=10, facets=False).hits
    with whoosh_index.open_dir(str(path)).searcher(weighting=scoring.BM25F()) as s:
        compiled = Compiler(s.schema, None).compile(parse_query(text))
        matched = {s.stored_fields(d)["id"] for d in s.docs_for_query(compiled.query)}
        # Whoosh's BM25F of the query's words (a NOT would add a constant 1.0 to each score),
        # every match ranked (no limit: Whoosh's top-k block skipping is not involved).
        words = wq.Or(compiled.scoring)
        theirs = [
            (aid, h.score)
            for h in s.search(words, limit=None)
            if (aid := s.stored_fields(h.docnum)["id"]) in matched
        ]
    assert theirs, "the query must match something"
    theirs.sort(key=lambda t: (-round(t[1], 9), -published[t[0]].timestamp()))
    assert [h.id for h in ours] == [aid for aid, _ in theirs[:10]]
    assert [h.score for h in ours] == pytest.approx([sc for _, sc in theirs[:10]], rel=1e-9)
