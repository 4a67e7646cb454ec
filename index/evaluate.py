"""Match sets as numpy arrays: the structure of a query answered without scoring anything.

Whoosh finds matches one posting at a time in Python (`docs_for_query` on two common words cost
~55 ms at 10,000 articles); here each term's postings are read a block at a time into an array
and the query's AND / OR / NOT become `intersect1d` / `union1d` / `setdiff1d` over sorted global
docnums. Dates are compared in the `pubtime` column, so `since:` / `until:` never expand into
range terms. Phrases (which need positions) and anything unexpected fall back to Whoosh, so the
result is always exactly what Whoosh would match; deleted documents are removed at the end.

`DocsQuery` goes the other way: it hands Whoosh a fixed docnum set as a query, so scoring can be
limited to a bounded pool (`index.searchindex.RELEVANCE_POOL`) instead of every match.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import reduce
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

from .searchschema import UNDATED, seconds

_EMPTY = np.zeros(0, dtype=np.int64)


def postings(leaf: Any, field: str, text: str) -> np.ndarray:
    """A term's local docnums in one segment, deletions included, read block by block."""
    try:
        m = leaf.postings(field, text)
    except Exception:  # TermNotFound and friends: the segment lacks the term
        return _EMPTY
    while hasattr(m, "child") and not hasattr(m, "_read_ids"):
        m = m.child  # the deletion filter: deletions are removed by the caller
    if not hasattr(m, "_read_ids") or not hasattr(m, "_next_block"):
        return np.fromiter(m.all_ids(), dtype=np.int64)
    blocks = []
    while m.is_active():
        if m._ids is None:
            m._read_ids()
        blocks.append(np.asarray(m._ids, dtype=np.int64))
        m._next_block()
    return np.concatenate(blocks) if blocks else _EMPTY


class PostingsCache:
    """Recently read postings arrays, by (segment, field, term); segments never change.

    Bounded by the number of docnums held (`MAX_IDS`, 8 bytes each). A query typed a key at a
    time, or re-run with another filter, reads each of its words' postings once.
    """

    MAX_IDS = 4_000_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[Any, str, str], np.ndarray] = OrderedDict()
        self._size = 0

    def get(self, leaf: Any, field: str, text: str) -> np.ndarray:
        segment = leaf.segment()
        key = (segment.segment_id() if segment is not None else id(leaf), field, text)
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        found = postings(leaf, field, text)
        with self._lock:
            if key not in self._items:
                self._items[key] = found
                self._size += len(found)
            while self._size > self.MAX_IDS and self._items:
                _, old = self._items.popitem(last=False)
                self._size -= len(old)
        return found


class Evaluator:
    """Evaluates Whoosh queries over one searcher's segments (see `index.segments.View`)."""

    def __init__(self, searcher: Any, leaves: list[tuple[Any, int]], live: np.ndarray,
                 pubtime: np.ndarray, cache: PostingsCache | None = None) -> None:  # fmt: skip
        self.searcher = searcher
        self.cache = cache
        self.leaves = leaves
        self.live = live
        self.pubtime = pubtime

    def docs(self, q: Any) -> np.ndarray:
        """The sorted live docnums `q` matches."""
        out = self._eval(q)
        return np.intersect1d(out, self.live, assume_unique=True)

    def _eval(self, q: Any) -> np.ndarray:
        if isinstance(q, wq.Every):
            return self.live
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return _EMPTY
        if isinstance(q, wq.Term):
            read = self.cache.get if self.cache is not None else postings
            parts = [read(leaf, q.fieldname, q.text) + off for leaf, off in self.leaves]
            return np.concatenate(parts) if parts else _EMPTY
        if isinstance(q, wq.DateRange) and q.fieldname == "published":
            low = seconds(q.startdate, floor=UNDATED + 1) if q.startdate else UNDATED + 1
            high = seconds(q.enddate, floor=UNDATED + 1) if q.enddate else 2**62
            mask = (self.pubtime >= low) & (self.pubtime < high)
            return np.flatnonzero(mask).astype(np.int64)
        if isinstance(q, wq.And):
            positive = [s for s in q.subqueries if not isinstance(s, wq.Not)]
            negative = [s.query for s in q.subqueries if isinstance(s, wq.Not)]
            docs = (
                reduce(lambda a, b: np.intersect1d(a, b, assume_unique=True),
                       sorted((self._eval(s) for s in positive), key=len))
                if positive else self.live
            )  # fmt: skip
            for s in negative:
                docs = np.setdiff1d(docs, self._eval(s), assume_unique=True)
            return docs
        if isinstance(q, wq.Or):
            parts = [self._eval(s) for s in q.subqueries]
            return np.unique(np.concatenate(parts)) if parts else _EMPTY
        if isinstance(q, wq.Not):
            return np.setdiff1d(self.live, self._eval(q.query), assume_unique=True)
        found = np.fromiter(self.searcher.docs_for_query(q), dtype=np.int64)
        return np.unique(found)


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
