"""When the search index merges segments, so that adding articles never waits on a big merge.

Whoosh's default policy (MERGE_SMALL) may fold most of the index into one segment inside an
ordinary commit: at 50,000 articles one add of 100 articles spent 57 s merging, and a later
bound of 5,000 documents still cost one add in seven 10–12 s at 100,000. Two policies now:

* Inside a commit (`plan_inline`) only segments smaller than the commit's *budget* are merged
  — `INLINE_FACTOR` times the documents the commit itself wrote, at least `INLINE_MIN` — and
  only once `FANOUT` of them have piled up; the group stays within the budget. So what an add
  rewrites is bounded by the size of what it added, whatever the size of the library.
* Everything bigger is consolidated in the background (`index.consolidate`): segments are
  sorted into tiers growing by `FANOUT` from `TIER_BASE` documents, and a tier holding
  `FANOUT` segments is merged into one of the next tier (`plan_background`), up to
  `MAX_MERGED` documents. That keeps about `FANOUT - 1` segments per tier and segments of up to
  `MAX_MERGED` (a dozen or so at 100,000 articles, 34 before), so searches stay fast, while the
  merging happens when the library is idle and gives way to any writer.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

FANOUT = 6
#: An add rewrites at most this many times the documents it wrote ...
INLINE_FACTOR = 4
#: ... and never less than this (so a run of one-article adds still gets folded together).
INLINE_MIN = 400
#: Segments under this many documents form the lowest background tier.
TIER_BASE = 400
#: A background merge never makes a segment of more documents than this. Phrases are matched
#: on positions per segment, and at 100,000 articles segments of ~20,000 documents made the
#: phrase p95 CPU ~35% slower than the ~3,000 of before (bench.search); ~10,000 keeps a dozen
#: or so segments at 100,000 articles.
MAX_MERGED = 10_000


def inline_budget(written: int) -> int:
    """The most documents a commit that wrote `written` documents may rewrite by merging."""
    return max(INLINE_MIN, INLINE_FACTOR * written)


def plan_inline(sizes: list[int], written: int) -> list[int]:
    """Indexes (into `sizes`) of the segments a commit of `written` documents merges; [] for none."""
    budget = inline_budget(written)
    small = sorted((n, i) for i, n in enumerate(sizes) if n < budget)
    if len(small) < FANOUT:
        return []
    group: list[int] = []
    total = 0
    for n, i in small:
        if total + n > budget:
            break
        group.append(i)
        total += n
    return group if len(group) >= 2 else []


def tier(docs: int) -> int:
    """0 below `TIER_BASE` documents, then one more for every `FANOUT` times as many."""
    if docs < TIER_BASE:
        return 0
    return 1 + int(math.log(docs / TIER_BASE, FANOUT) + 1e-9)


def plan_background(sizes: list[int]) -> list[int]:
    """Indexes of the segments the background consolidation merges next; [] when none are due.

    The lowest tier holding `FANOUT` segments first (cheapest, and the one that grows fastest):
    its smallest segments, as many as fit in `MAX_MERGED` documents (at least two)."""
    tiers: dict[int, list[tuple[int, int]]] = {}
    for i, n in enumerate(sizes):
        tiers.setdefault(tier(n), []).append((n, i))
    for t in sorted(tiers):
        if len(tiers[t]) < FANOUT:
            continue
        group: list[int] = []
        total = 0
        for n, i in sorted(tiers[t])[:FANOUT]:
            if total + n > MAX_MERGED:
                break
            group.append(i)
            total += n
        if len(group) >= 2:
            return group
    return []


def merge_policy(plan: Callable[[list[int]], list[int]]) -> Callable[[Any, list[Any]], list[Any]]:
    """A Whoosh `mergetype` merging the segments `plan` picks (from their document counts)."""

    def merge(writer: Any, segments: list[Any]) -> list[Any]:
        from whoosh.reading import SegmentReader

        group = plan([s.doc_count_all() for s in segments])
        for i in group:
            reader = SegmentReader(writer.storage, writer.schema, segments[i])
            writer.add_reader(reader)
            reader.close()
        chosen = set(group)
        return [s for i, s in enumerate(segments) if i not in chosen]

    return merge


def inline_merge(written: int) -> Callable[[Any, list[Any]], list[Any]]:
    """The `mergetype` of an ordinary commit that wrote `written` documents."""
    return merge_policy(lambda sizes: plan_inline(sizes, written))
