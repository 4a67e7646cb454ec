"""BM25F over every match at array speed: Whoosh's own formula, evaluated with numpy.

Whoosh scores one posting at a time in Python (~0.1 ms per document and query word), so ranking
every match of a common word cost seconds at 100,000 articles and relevance used to be computed
among the newest few hundred matches only. Here each scoring word's postings are read a block at
a time with their weights (Whoosh stores the term frequency already multiplied by the field's
`field_boost`), field lengths come from the `_<field>_len` columns (one byte per document, decoded
with Whoosh's own table), and idf and average field length are asked of the searcher, so a word's
score is exactly Whoosh's `scoring.BM25F` (B=0.75, K1=1.2) for every matched document at once.

A phrase scores the sum of its words where it occurs (what Whoosh's phrase matcher scores), so
with the phrase's match set (`index.phrases`) its score is exact too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from . import docsets, postings

_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)
#: Whoosh's length byte -> field length table.
_BYTE_TO_LENGTH = np.asarray([byte_to_length(b) for b in range(256)], dtype=np.float64)


def weighted_postings(leaf: Any, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """A term's (local docnums, weights) in one segment, deletions included, block by block."""
    found = postings.read(leaf, field, text)
    return found.ids, found.weights


def field_lengths(leaf: Any, field: str, n: int) -> np.ndarray:
    """Every document's length in `field` for one segment (Whoosh's byte-rounded lengths)."""
    name = f"_{field}_len"
    perdoc = getattr(leaf, "_perdoc", None)
    if perdoc is not None and hasattr(perdoc, "column_reader") and perdoc.has_column(name):
        reader = perdoc.column_reader(name, LENGTHS_COLUMN)
        if all(hasattr(reader, a) for a in ("_dbfile", "_basepos", "_count")):
            raw = reader._dbfile.get(reader._basepos, reader._count)
            codes = np.frombuffer(raw, dtype=np.uint8)
            if len(codes) < n:  # whoosh leaves trailing defaults unwritten
                codes = np.concatenate([codes, np.zeros(n - len(codes), dtype=np.uint8)])
            return _BYTE_TO_LENGTH[codes[:n]]
    return np.fromiter(
        (float(leaf.doc_field_length(d, field, 0) or 0) for d in range(n)), np.float64, count=n
    )


def words(q: Any) -> Iterator[tuple[str, str]]:
    """The (field, word) pairs a scoring query is scored on, repeats kept (Whoosh sums them)."""
    if isinstance(q, wq.Term):
        yield q.fieldname, q.text
    elif isinstance(q, wq.Phrase):
        for w in q.words:
            yield q.fieldname, w
    elif isinstance(q, wq.Or | wq.And):
        for s in q.subqueries:
            yield from words(s)


def exact(queries: Sequence[Any]) -> bool:
    """True when `Scorer.scores` equals Whoosh's score for these queries: words, phrases and
    ORs of them, unboosted."""

    def plain(q: Any) -> bool:
        if type(q) in (wq.Term, wq.Phrase):
            return q.boost == 1.0
        return type(q) is wq.Or and q.boost == 1.0 and all(plain(s) for s in q.subqueries)

    return all(plain(q) for q in queries)


#: `phrase_docs(phrase, docs)`: which of `docs` the phrase matches (sorted docnums).
PhraseDocs = Callable[[Any, np.ndarray], np.ndarray]


class Scorer:
    """BM25F scores of sorted global docnums for one searcher (see `index.segments.View`).

    A phrase scores what Whoosh's `SpanNear2` matcher scores: the sum of its words' BM25F
    (an intersection of the words' term matchers) in the documents where it occurs, nothing
    elsewhere; an OR sums the parts that match. So for words, phrases and ORs of them the
    scores are Whoosh's (`exact`).
    """

    def __init__(self, searcher: Any, leaves: list[tuple[Any, int]], lengths: Any,
                 phrase_docs: PhraseDocs | None = None,
                 cache: postings.PostingsCache | None = None,
                 terms: postings.IndexPostings | None = None) -> None:  # fmt: skip
        self.searcher = searcher
        self.cache = cache
        self.terms = terms
        self.leaves = leaves
        self.lengths = lengths  # field -> global array of field lengths (View.lengths)
        self.phrase_docs = phrase_docs
        self._slot = np.zeros(0, dtype=np.int64)

    def scores(self, queries: Sequence[Any], docs: np.ndarray) -> np.ndarray:
        """Each doc's summed BM25F score over the queries (0 for a part it does not match).

        Without `phrase_docs`, a phrase scores its words wherever they occur (a ranking of
        candidates, not Whoosh's score)."""
        out = np.zeros(len(docs), dtype=np.float64)
        if not len(docs):
            return out
        # docnum -> index in `docs` (-1: not a match), so each posting finds its match in O(1)
        self._slot = np.full(int(docs[-1]) + 1, -1, dtype=np.int64)
        self._slot[docs] = np.arange(len(docs))
        for q in queries:
            out += self._score(q, docs)
        return out

    def _score(self, q: Any, docs: np.ndarray) -> np.ndarray:
        if isinstance(q, wq.Phrase):
            out = np.zeros(len(docs), dtype=np.float64)
            inside = None
            if self.phrase_docs is not None:
                inside = docsets.member(docs, self.phrase_docs(q, docs))
                if not inside.any():  # (a headline phrase, mostly): nothing to score
                    return out
            for w in q.words:
                out += self._word(q.fieldname, w, docs)
            if inside is not None:
                out[~inside] = 0.0
            return out
        if isinstance(q, wq.Or | wq.And):
            out = np.zeros(len(docs), dtype=np.float64)
            for s in q.subqueries:
                out += self._score(s, docs)
            return out
        out = np.zeros(len(docs), dtype=np.float64)
        for field, text in words(q):
            out += self._word(field, text, docs)
        return out

    def _word(self, field: str, text: str, docs: np.ndarray) -> np.ndarray:
        """One word's BM25F for each of `docs` (0 where it is absent)."""
        out = np.zeros(len(docs), dtype=np.float64)
        weighting = self.searcher.weighting
        K1 = float(getattr(weighting, "K1", 1.2))
        ids, weights = self._postings(field, text)
        slot = self._slot
        pos = slot[np.minimum(ids, len(slot) - 1)]
        inside = (pos >= 0) & (ids < len(slot))
        where, tf = pos[inside], weights[inside]
        if not len(where):
            return out
        if not self.searcher.schema[field].scorable:
            out[where] += tf  # Whoosh's WeightScorer: the weight is the score
            return out
        B = float(getattr(weighting, "_field_B", {}).get(field, getattr(weighting, "B", 0.75)))
        idf = float(self.searcher.idf(field, text))
        avgfl = float(self.searcher.avg_field_length(field) or 1)
        fl = self.lengths(field)[docs[where]]
        out[where] += idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
        return out

    def _postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        if self.terms is not None:
            return self.terms.get(field, text)
        get = self.cache.get if self.cache is not None else postings.read
        found = [(get(leaf, field, text), offset) for leaf, offset in self.leaves]
        if not found:
            return _EMPTY_IDS, _EMPTY_WEIGHTS
        return (
            np.concatenate([p.ids + offset for p, offset in found]),
            np.concatenate([p.weights for p, _ in found]).astype(np.float64),
        )


def best(docs: np.ndarray, scores: np.ndarray, newest: np.ndarray, k: int) -> np.ndarray:
    """Indexes into `docs` of the `k` best scores, best first; ties: newest, then later docnum."""
    n = len(docs)
    if k <= 0 or n == 0:
        return np.zeros(0, dtype=np.int64)
    if k < n:
        threshold = np.partition(scores, n - k)[n - k]
        picked = np.flatnonzero(scores >= threshold)
    else:
        picked = np.arange(n)
    order = np.lexsort((-docs[picked], -newest[docs[picked]], -scores[picked]))
    return picked[order[:k]]
