"""Match sets as numpy arrays: the structure of a query answered without scoring anything.

Whoosh finds matches one posting at a time in Python (`docs_for_query` on two common words cost
~55 ms at 10,000 articles); here each term's postings are read a block at a time into an array
and the query's AND / OR / NOT become set operations over sorted global docnums
(`index.docsets`). Dates are compared in the `pubtime` column, so `since:` / `until:` never expand into
range terms. Phrases are matched on positions among the documents that hold all their words
and whatever else the query requires (`index.phrases`); anything unexpected falls back to
Whoosh, so the result is always exactly what Whoosh would match; deleted documents are removed
at the end.

`DocsQuery` goes the other way: it hands Whoosh a fixed docnum set as a query (the phrase
fallback, and scoring a bounded pool: `index.ranking.RELEVANCE_POOL`).
"""

from __future__ import annotations

from functools import reduce
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

from . import docsets, phrases
from .phrases import PositionsCache
from .postings import IndexPostings, PostingsCache, read
from .searchschema import UNDATED, seconds

_EMPTY = np.zeros(0, dtype=np.int64)


def postings(leaf: Any, field: str, text: str) -> np.ndarray:
    """A term's local docnums in one segment, deletions included, read block by block."""
    return read(leaf, field, text).ids


class Evaluator:
    """Evaluates Whoosh queries over one searcher's segments (see `index.segments.View`).

    `phrases` holds the match set of every phrase evaluated over the whole index (not narrowed
    by the rest of the query), by `phrase_key`, for the scorer to reuse.
    """

    def __init__(self, searcher: Any, leaves: list[tuple[Any, int]], live: np.ndarray,
                 pubtime: np.ndarray, cache: PostingsCache | None = None,
                 positions: PositionsCache | None = None,
                 terms: IndexPostings | None = None) -> None:  # fmt: skip
        self.searcher = searcher
        self.cache = cache
        self.terms = terms
        self.positions = positions if positions is not None else PositionsCache()
        self.leaves = leaves
        self.live = live
        self.pubtime = pubtime
        self.phrases: dict[tuple[str, tuple[str, ...], int], np.ndarray] = {}

    def docs(self, q: Any) -> np.ndarray:
        """The sorted live docnums `q` matches."""
        out = self._eval(q, None)
        return docsets.intersect(out, self.live)

    def term(self, field: str, text: str) -> np.ndarray:
        """Global docnums of a term, deletions included."""
        if self.terms is not None:
            return self.terms.get(field, text)[0]
        get = self.cache.get if self.cache is not None else read
        parts = [get(leaf, field, text).ids + off for leaf, off in self.leaves]
        return np.concatenate(parts) if parts else _EMPTY

    def phrase(self, q: Any, within: np.ndarray | None) -> np.ndarray:
        """The live docnums where the phrase occurs (only those in `within`, when given)."""
        key = phrase_key(q)
        if key in self.phrases:
            return self.phrases[key]
        if not q.words:
            return _EMPTY
        reader = self.searcher.reader()
        if any((q.fieldname, w) not in reader for w in q.words):
            return _EMPTY  # a word the index lacks: no block need be read
        if within is None and len(q.words) > 1:
            # Every segment's positions will be read: read them first, and the ids and weights
            # come with them (one read of each block instead of two or three).
            for w in set(q.words):
                for leaf, _ in self.leaves:
                    try:
                        self.positions.get(leaf, q.fieldname, w)
                    except phrases.PositionsError:
                        break
        found = sorted((self.term(q.fieldname, w) for w in set(q.words)), key=len)
        candidates = self.live if within is None else within
        for docs in found:
            candidates = docsets.intersect(candidates, docs)
        if len(q.words) == 1 or not len(candidates):
            out = candidates
        else:
            try:
                out = phrases.match(
                    self.positions, self.leaves, q.fieldname, q.words, q.slop, candidates
                )
            except phrases.PositionsError:  # not laid out as we read it: Whoosh matches
                within_q = DocsQuery(candidates, {id(r): o for r, o in self.leaves})
                return self._whoosh(wq.And([within_q, q]))
        if within is None:
            self.phrases[key] = out
        return out

    def _eval(self, q: Any, within: np.ndarray | None) -> np.ndarray:
        """`q`'s docnums; with `within`, only the part inside `within` is guaranteed right."""
        if isinstance(q, wq.Every):
            return self.live
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return _EMPTY
        if isinstance(q, wq.Term):
            return self.term(q.fieldname, q.text)
        if type(q) is wq.Phrase:
            return self.phrase(q, within)
        if isinstance(q, wq.DateRange) and q.fieldname == "published":
            low = seconds(q.startdate, floor=UNDATED + 1) if q.startdate else UNDATED + 1
            high = seconds(q.enddate, floor=UNDATED + 1) if q.enddate else 2**62
            mask = (self.pubtime >= low) & (self.pubtime < high)
            return np.flatnonzero(mask).astype(np.int64)
        if isinstance(q, wq.And):
            # Cheap parts first; phrases (positions) only among what the rest left.
            positive = [s for s in q.subqueries if not isinstance(s, wq.Not)]
            negative = [s.query for s in q.subqueries if isinstance(s, wq.Not)]
            cheap = [s for s in positive if not _has_phrase(s)]
            docs = (
                reduce(docsets.intersect,
                       sorted((self._eval(s, within) for s in cheap), key=len))
                if cheap else (self.live if within is None else within)
            )  # fmt: skip
            for s in positive:
                if _has_phrase(s):
                    docs = docsets.intersect(docs, self._eval(s, docs))
            for s in negative:
                docs = docsets.difference(docs, self._eval(s, docs))
            return docs
        if isinstance(q, wq.Or):
            parts = [self._eval(s, within) for s in q.subqueries]
            return docsets.union(parts)
        if isinstance(q, wq.Not):
            return docsets.difference(self.live, self._eval(q.query, within))
        return self._whoosh(q)

    def _whoosh(self, q: Any) -> np.ndarray:
        found = np.fromiter(self.searcher.docs_for_query(q), dtype=np.int64)
        return np.unique(found)


def phrase_key(q: Any) -> tuple[str, tuple[str, ...], int]:
    return (q.fieldname, tuple(q.words), int(q.slop))


def _has_phrase(q: Any) -> bool:
    if isinstance(q, wq.Phrase):
        return True
    return any(_has_phrase(s) for s in getattr(q, "subqueries", ()))


class DocsQuery(wq.Query):
    """A fixed set of global docnums as a Whoosh query (constant score, adds nothing)."""

    def __init__(self, docs: np.ndarray, offsets: dict[int, int]) -> None:
        self.docs = np.sort(docs)
        self.offsets = offsets  # id(leaf reader) -> its global offset

    def __eq__(self, other: object) -> bool:
        return self is other

    def __hash__(self) -> int:
        return id(self)

    def estimate_size(self, ixreader: Any) -> int:
        return len(self.docs)

    def estimate_min_size(self, ixreader: Any) -> int:
        return 0

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        offset = self.offsets.get(id(reader))
        if offset is None:
            return NullMatcher()
        n = reader.doc_count_all()
        lo, hi = np.searchsorted(self.docs, [offset, offset + n])
        local = (self.docs[lo:hi] - offset).tolist()
        # Zero weights, so the set adds nothing to a score (`all_weights=0.0` is falsy: 1.0).
        return ListMatcher(local, weights=[0.0] * len(local)) if local else NullMatcher()
