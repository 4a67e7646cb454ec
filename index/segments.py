"""Per-segment arrays that answer structure without scoring: ids, newest-first keys, live docs.

A Whoosh segment never changes once written (only its deletion set grows), so what we read from
it — the article id and the newest-first key of every docnum, from their columns — is read once
per process and kept under the segment's id. A `View` stitches them into global numpy arrays for
one searcher, so:

* "everything newest first" is an `argpartition` over the live docnums (no query runs at all);
* any other match set is sorted newest first the same way, and its exact size is the length of
  an array (this is also what makes `total` right under `is:unread`: flags are applied to the
  array, never left to Whoosh's count);
* flags become docnum arrays through an id -> docnum table built once per view;
* facets read the `entity_forms` column of a bounded sample (`FACET_SAMPLE` newest matches).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

#: Facets are counted over at most this many matches: the newest ones. Below it they are exact.
FACET_SAMPLE = 2000


class _SegmentData:
    __slots__ = ("ids", "newest")

    def __init__(self, leaf: Any) -> None:
        n = leaf.doc_count_all()
        self.newest = np.fromiter(
            (int(v or 0) for v in leaf.column_reader("newest")), dtype=np.int64, count=n
        )
        self.ids: list[str] = [
            v.decode("utf-8") if isinstance(v, bytes) else str(v)
            for v in leaf.column_reader("id", translate=True)
        ]


class SegmentCache:
    """Per-segment data of one index, shared by every view of it in this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: dict[Any, _SegmentData] = {}

    def get(self, leaf: Any) -> _SegmentData:
        segment = leaf.segment()
        key = segment.segment_id() if segment is not None else None
        with self._lock:
            found = self._data.get(key) if key is not None else None
        if found is None:
            found = _SegmentData(leaf)
            if key is not None:
                with self._lock:
                    self._data[key] = found
        return found

    def forget_except(self, live: set[Any]) -> None:
        with self._lock:
            for key in [k for k in self._data if k not in live]:
                del self._data[key]


class View:
    """Global arrays over one searcher's segments (docnum = segment offset + local docnum)."""

    def __init__(self, searcher: Any, cache: SegmentCache) -> None:
        self.searcher = searcher
        self._lock = threading.Lock()
        self._offsets: list[int] = []
        leaves = [(r, o) for r, o in searcher.reader().leaf_readers() if r.doc_count_all() > 0]
        if not leaves:
            self.leaves: list[tuple[Any, int]] = []
            self.newest = np.zeros(0, dtype=np.int64)
            self.ids: list[str] = []
            self.live = np.zeros(0, dtype=np.int64)
            self._by_id: dict[str, int] | None = {}
            self._forms: list[Any] = []
            return
        self.leaves = leaves
        datas = [cache.get(leaf) for leaf, _ in leaves]
        cache.forget_except(
            {leaf.segment().segment_id() for leaf, _ in leaves if leaf.segment() is not None}
        )
        self.newest = np.concatenate([d.newest for d in datas])
        self.ids = [i for d in datas for i in d.ids]
        live = []
        for leaf, offset in leaves:
            n = leaf.doc_count_all()
            docs = np.arange(offset, offset + n, dtype=np.int64)
            if leaf.has_deletions():
                dead = np.fromiter(leaf.deleted_docs_set, dtype=np.int64) + offset
                docs = np.setdiff1d(docs, dead, assume_unique=True)
            live.append(docs)
        self.live = np.concatenate(live)
        self._by_id = None
        self._forms = [None] * len(leaves)
        self._offsets = [offset for _, offset in leaves]

    def docnums(self, ids: Iterable[str]) -> np.ndarray:
        """Docnums of these article ids (live or not: callers intersect with matches)."""
        with self._lock:
            if self._by_id is None:
                self._by_id = {aid: n for n, aid in enumerate(self.ids)}
            by_id = self._by_id
        found = [by_id[i] for i in ids if i in by_id]
        return np.asarray(found, dtype=np.int64)

    def matches(self, query: Any) -> np.ndarray:
        """The sorted live docnums a Whoosh query matches."""
        from whoosh import query as wq

        if isinstance(query, wq.Every):
            return self.live
        if query is wq.NullQuery:
            return np.zeros(0, dtype=np.int64)
        docs = np.fromiter(self.searcher.docs_for_query(query), dtype=np.int64)
        docs.sort()
        return docs

    def newest_first(self, docs: np.ndarray, k: int) -> np.ndarray:
        """The `k` newest of `docs`, newest first (ties: the later docnum first)."""
        if k <= 0 or len(docs) == 0:
            return docs[:0]
        keys = self.newest[docs]
        if k < len(docs):
            part = np.argpartition(-keys, k - 1)[:k]
            docs, keys = docs[part], keys[part]
        order = np.lexsort((-docs, -keys))
        return docs[order]

    def forms(self, docs: Sequence[int]) -> list[np.ndarray]:
        """The entity form ids of each docnum, from the `entity_forms` column."""
        out = []
        for doc in docs:
            i = int(np.searchsorted(self._offsets, doc, side="right")) - 1
            reader = self._forms[i]
            if reader is None:
                reader = self._forms[i] = self.leaves[i][0].column_reader("entity_forms")
            out.append(np.frombuffer(reader[int(doc) - self._offsets[i]] or b"", dtype="<i4"))
        return out
