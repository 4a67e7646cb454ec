"""Phrase matching at array speed: positions decoded a block at a time and chained in numpy.

Whoosh matches a phrase one candidate document at a time in Python (an intersection matcher,
then `SpanNear2` decoding each word's positions per document): a common two-word phrase at
100,000 articles has tens of thousands of candidates and took ~1.6 s. Here:

* the candidates are the intersection of the words' docnum arrays (`index.evaluate`, cached),
  narrowed by whatever else the query requires, so only documents that could match are looked at;
* a word's positions are read per segment from its postings blocks — the block Whoosh already
  unpickles for the ids holds them as one small pickled list per posting — and decoded for
  the whole term at once (`decode`): the layout of a protocol-2 pickle of small integers is
  fixed, so the counts, opcodes and arguments are gathered with numpy; anything else (a list
  over 1,000 positions, an unexpected byte) is decoded by `pickle`, one posting at a time;
* each (document, position) becomes one int64 key, `docnum << 32 | position`, so a phrase is a
  chain of sorted-array searches: the ends reachable after word i are the positions q of word
  i for which some reachable end e of word i-1 has 1 <= q - e <= slop. That is exactly Whoosh's
  `SpanNear2(ordered=True, mindist=1)`, which `Phrase` compiles to (a phrase matches when
  the last word has a reachable end).

Decoded positions of recently used words are kept (bounded by `PositionsCache.MAX_NUMBERS`),
so refining a phrase query re-reads nothing.
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from typing import Any

import numpy as np

from . import docsets, postings

_EMPTY = np.zeros(0, dtype=np.int64)
#: A protocol-2 pickle of a list: PROTO 2, EMPTY_LIST, BINPUT 0.
_HEADER = np.frombuffer(b"\x80\x02]q\x00", dtype=np.uint8)
_K, _M, _J = ord("K"), ord("M"), ord("J")  # BININT1, BININT2, BININT (little-endian)
_APPEND, _APPENDS, _MARK = ord("a"), ord("e"), ord("(")
#: pickle writes a list over this many items in batches (MARK … APPENDS, repeated).
_BATCH = 1000


class PositionsError(Exception):
    """The postings are not laid out as expected; the caller lets Whoosh match instead."""


def decode(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(count of each posting, every posting's positions end to end) for Whoosh `Positions`
    values (`pack_uint(count) + pickle.dumps(deltas, 2)`), vectorised."""
    n = len(values)
    if n == 0:
        return _EMPTY, _EMPTY
    lens = np.fromiter(map(len, values), dtype=np.int64, count=n)
    if int(lens.min()) < 4 + len(_HEADER) + 3:
        raise PositionsError("a positions value is too short")
    # 8 spare bytes: reading an argument's 4 bytes never runs off the end.
    buf = np.frombuffer(b"".join(values) + bytes(8), dtype=np.uint8)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    b = [buf[starts + i].astype(np.int64) for i in range(4)]
    counts = (b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]
    if int(counts.sum()) * 2 > len(buf):  # every position takes at least two bytes
        raise PositionsError("positions values claim more positions than they hold")
    out_start = np.zeros(n, dtype=np.int64)
    np.cumsum(counts[:-1], out=out_start[1:])
    deltas = np.zeros(int(counts.sum()), dtype=np.int64)
    header_ok = np.ones(n, dtype=bool)
    for i, byte in enumerate(_HEADER.tolist()):
        header_ok &= buf[starts + 4 + i] == byte
    single = counts == 1
    first = starts + 4 + len(_HEADER) + (~single)
    bad = ~header_ok | (counts < 1) | (counts > _BATCH)
    bad |= ~single & (buf[np.minimum(first - 1, len(buf) - 1)] != _MARK)
    # Walk the items of every good value together, longest lists first, so the values
    # still walking are always a prefix of `order`.
    good = np.flatnonzero(~bad)
    order = good[np.argsort(-counts[good], kind="stable")]
    cur = first[order]
    left = counts[order]
    base = out_start[order]
    neg = -left
    broken = np.zeros(len(order), dtype=bool)
    for k in range(int(left[0]) if len(left) else 0):
        m = int(np.searchsorted(neg, -k, side="left"))  # how many have more than k items
        at = np.minimum(cur[:m], len(buf) - 5)  # a broken value must not run off the end
        op = buf[at]
        arg = buf[at + 1].astype(np.int64)
        two = arg | (buf[at + 2].astype(np.int64) << 8)
        four = two | (buf[at + 3].astype(np.int64) << 16) | (buf[at + 4].astype(np.int64) << 24)
        is_k, is_m = op == _K, op == _M
        broken[:m] |= ~(is_k | is_m | (op == _J))
        deltas[base[:m] + k] = np.where(is_k, arg, np.where(is_m, two, four))
        cur[:m] = at + np.where(is_k, 2, np.where(is_m, 3, 5))
    end = buf[np.minimum(cur, len(buf) - 1)]
    broken |= end != np.where(left == 1, _APPEND, _APPENDS)
    bad[order[broken]] = True
    for i in np.flatnonzero(bad).tolist():
        deltas[out_start[i] : out_start[i] + counts[i]] = _slow(values[i], int(counts[i]))
    # Deltas -> positions: a cumulative sum restarted at every value.
    total = np.cumsum(deltas)
    before = np.zeros(n, dtype=np.int64)
    nonempty = out_start > 0
    before[nonempty] = total[out_start[nonempty] - 1]
    return counts, total - np.repeat(before, counts)


def _slow(value: bytes, count: int) -> list[int]:
    body = value[4:] if value.endswith(b".") else value[4:] + b"."
    try:
        deltas = pickle.loads(body)
    except Exception as e:
        raise PositionsError(f"a positions value cannot be read: {e}") from None
    if not isinstance(deltas, list) or len(deltas) != count:
        raise PositionsError("a positions value does not hold its count of positions")
    return deltas


def term_positions(
    leaf: Any, field: str, text: str, ids: postings.PostingsCache | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(local docnums, positions count of each, positions end to end) of a term in a segment,
    deletions included. The docnums and weights read on the way are handed to `ids`, so the
    blocks are not read again for the match set or the scores."""
    found = postings.read(leaf, field, text, values=True)
    try:
        counts, positions = decode(found.values or [])
    except TypeError:  # values that are not bytes: a field without positions
        raise PositionsError(f"the {field!r} field holds no positions") from None
    if ids is not None:
        ids.put(leaf, field, text, postings.Postings(found.ids, found.weights, None))
    return found.ids, counts, positions


class PositionsCache:
    """Recently used terms' positions as keys, by (segment, field, term).

    Each entry is (local docnums, where each docnum's keys start, `local docnum << 32 |
    position` keys), bounded by the numbers held (`MAX_NUMBERS`, 8 bytes each: 32 MiB).
    """

    MAX_NUMBERS = 4_000_000

    def __init__(self, ids: postings.PostingsCache | None = None) -> None:
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[Any, str, str], tuple[np.ndarray, ...]] = OrderedDict()
        self._size = 0
        self._ids = ids  # primed with what reading positions reads anyway

    def get(self, leaf: Any, field: str, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        segment = leaf.segment()
        key = (segment.segment_id() if segment is not None else id(leaf), field, text)
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found  # type: ignore[return-value]
        docs, counts, positions = term_positions(leaf, field, text, self._ids)
        starts = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        item = (docs, starts, (np.repeat(docs, counts) << 32) | positions)
        with self._lock:
            if key not in self._items:
                self._items[key] = item
                self._size += sum(len(a) for a in item)
            while self._size > self.MAX_NUMBERS and len(self._items) > 1:
                _, old = self._items.popitem(last=False)
                self._size -= sum(len(a) for a in old)
        return item  # type: ignore[return-value]


def match(
    cache: PositionsCache, leaves: list[tuple[Any, int]], field: str, words: list[str],
    slop: int, candidates: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """The sorted docnums among `candidates` where the phrase occurs.

    Segment by segment (the arrays of one segment stay in the processor's cache), in segment
    docnums; a segment without candidates is never read.
    """
    out = []
    for leaf, offset in leaves:
        lo, hi = np.searchsorted(candidates, [offset, offset + leaf.doc_count_all()])
        if lo == hi:
            continue
        local = candidates[lo:hi] - offset
        per_word = []
        for word in words:
            found = _keys(cache.get(leaf, field, word), local)
            if not len(found):
                break
            per_word.append(found)
        else:
            docs = chain_ends(per_word, slop)
            out.append(docsets.intersect(docs, local) + offset)
    return np.concatenate(out) if out else _EMPTY


def _keys(entry: tuple[np.ndarray, np.ndarray, np.ndarray], candidates: np.ndarray) -> np.ndarray:
    """Sorted keys of a term's positions in one segment: those of the candidates, and of other
    documents where that is cheaper than leaving them out (`match` keeps only candidates)."""
    docs, starts, keys = entry
    if 2 * len(candidates) >= len(docs):  # most of the term's documents: take them all
        return keys
    picked = np.flatnonzero(docsets.member(docs, candidates))
    if not len(picked):
        return _EMPTY
    counts = starts[picked + 1] - starts[picked]
    first = np.repeat(starts[picked] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
    return keys[first + np.arange(int(counts.sum()))]


def chain_ends(per_word: list[np.ndarray], slop: int) -> np.ndarray:
    """The documents where the words occur in order, each within `slop` positions of the one
    before (Whoosh's `SpanNear2(ordered=True, mindist=1)`): sorted unique docnums."""
    ends = per_word[0]
    for nxt in per_word[1:]:
        if not len(ends) or not len(nxt):
            return _EMPTY
        if slop == 1:
            # neighbours: the next word's keys that are an end + 1; one sort of both (keys
            # are unique within a word) finds them faster than a binary search
            both = np.concatenate([ends + 1, nxt])
            both.sort(kind="stable")  # two sorted runs: timsort merges them in linear time
            ends = both[1:][both[1:] == both[:-1]]
            continue
        # the nearest reachable end before each position of the next word
        i = np.searchsorted(ends, nxt, side="left") - 1
        ok = i >= 0
        ok[ok] = ends[i[ok]] >= nxt[ok] - slop
        ends = nxt[ok]
    return docsets.unique_sorted(ends >> 32)
