"""A term's postings read a block at a time into numpy arrays, and a bounded cache of them.

Whoosh's own matchers hand out one posting at a time, and even their block readers decode ids
in Python (`delta_decode`, a generator). Here each block's stored tuple (delta-coded ids,
weights, values) — already one zlib + unpickle in C — is collected as is, and the ids of all
blocks are decoded with one cumulative sum. Match sets (`index.evaluate`), BM25F
(`index.bm25`) and phrases (`index.phrases`) all read postings this way.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from itertools import chain
from typing import Any

import numpy as np

EMPTY_IDS = np.zeros(0, dtype=np.int64)
EMPTY_WEIGHTS = np.zeros(0, dtype=np.float32)


class Postings:
    """One term's postings in one segment: local docnums (deletions included), weights, and
    the raw values (position lists) when asked for."""

    __slots__ = ("ids", "values", "weights")

    def __init__(self, ids: np.ndarray, weights: np.ndarray, values: list[Any] | None) -> None:
        self.ids = ids
        self.weights = weights
        self.values = values


def read(leaf: Any, field: str, text: str, *, values: bool = False) -> Postings:
    """The term's postings in one segment (empty when the segment lacks it)."""
    try:
        m = leaf.postings(field, text)
    except Exception:  # TermNotFound and friends: the segment lacks the term
        return Postings(EMPTY_IDS, EMPTY_WEIGHTS, [] if values else None)
    while hasattr(m, "child") and not hasattr(m, "_read_data"):
        m = m.child  # the deletion filter: callers intersect with live documents
    if not all(hasattr(m, a) for a in ("_read_data", "_next_block", "_data", "_byteids")):
        return _one_by_one(m, values)
    if m._byteids:
        return _one_by_one(m, values)
    ids: list[Any] = []
    weights: list[Any] = []
    vals: list[Any] = []
    sizes: list[int] = []
    while m.is_active():
        if m._data is None:
            m._read_data()
        block_ids, block_weights, block_values = m._data
        n = len(block_ids)
        sizes.append(n)
        ids.append(block_ids)
        if block_weights is None:
            weights.append(np.ones(n, dtype=np.float32))
        elif isinstance(block_weights, float | int):
            weights.append(np.full(n, block_weights, dtype=np.float32))
        else:
            weights.append(np.asarray(block_weights, dtype=np.float32))
        if values:
            vals.append(block_values if block_values is not None else (None,) * n)
        m._next_block()
    if not ids:
        return Postings(EMPTY_IDS, EMPTY_WEIGHTS, [] if values else None)
    # Ids are delta-coded within each block: a cumulative sum restarted at every block.
    total = np.cumsum(np.fromiter(chain.from_iterable(ids), dtype=np.int64))
    counts = np.asarray(sizes, dtype=np.int64)
    ends = np.cumsum(counts)
    before = np.zeros(len(counts), dtype=np.int64)
    before[1:] = total[ends[:-1] - 1]
    docs = total - np.repeat(before, counts)
    flat = list(chain.from_iterable(vals)) if values else None
    return Postings(docs, np.concatenate(weights), flat)


def _one_by_one(m: Any, values: bool) -> Postings:
    ids: list[int] = []
    weights: list[float] = []
    vals: list[Any] = []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        if values:
            vals.append(m.value())
        m.next()
    return Postings(
        np.asarray(ids, dtype=np.int64),
        np.asarray(weights, dtype=np.float32),
        vals if values else None,
    )


def _key(leaf: Any, field: str, text: str) -> tuple[Any, str, str]:
    segment = leaf.segment()
    return (segment.segment_id() if segment is not None else id(leaf), field, text)


class PostingsCache:
    """Recently read (docnums, weights), by (segment, field, term); segments never change.

    Bounded by the number of postings held (`MAX_IDS`, 12 bytes each). A query typed a key at
    a time, or re-run with another filter, reads each of its words' postings once; BM25F reads
    the weights from the same entry.
    """

    MAX_IDS = 4_000_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[Any, str, str], Postings] = OrderedDict()
        self._size = 0

    def get(self, leaf: Any, field: str, text: str) -> Postings:
        key = _key(leaf, field, text)
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        return self.put(leaf, field, text, read(leaf, field, text))

    def put(self, leaf: Any, field: str, text: str, found: Postings) -> Postings:
        """Keep postings read elsewhere (`index.phrases` reads them with positions)."""
        key = _key(leaf, field, text)
        with self._lock:
            if key not in self._items:
                self._items[key] = found
                self._size += len(found.ids)
            while self._size > self.MAX_IDS and len(self._items) > 1:
                _, old = self._items.popitem(last=False)
                self._size -= len(old.ids)
        return found


class IndexPostings:
    """A term's postings over every segment of one searcher, as global docnums and float64
    weights; recently asked terms are kept (per searcher, beside the per-segment
    `PostingsCache`), so the match set and BM25F of one search stitch each word's segments
    together once, not once each. Bounded by the postings held (`MAX_POSTINGS`, 16 bytes
    each)."""

    MAX_POSTINGS = 1_000_000

    def __init__(self, leaves: list[tuple[Any, int]], cache: PostingsCache | None) -> None:
        self.leaves = leaves
        self.cache = cache
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._size = 0

    def get(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        key = (field, text)
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        get = self.cache.get if self.cache is not None else read
        parts = [(get(leaf, field, text), offset) for leaf, offset in self.leaves]
        if parts:
            found = (
                np.concatenate([p.ids + offset for p, offset in parts]),
                np.concatenate([p.weights for p, _ in parts]).astype(np.float64),
            )
        else:
            found = (EMPTY_IDS, EMPTY_WEIGHTS.astype(np.float64))
        with self._lock:
            if key not in self._items:
                self._items[key] = found
                self._size += len(found[0])
            while self._size > self.MAX_POSTINGS and len(self._items) > 1:
                _, old = self._items.popitem(last=False)
                self._size -= len(old[0])
        return found
