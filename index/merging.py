"""When the search index merges segments, so that adding articles never waits on a big merge.

Whoosh's default policy (MERGE_SMALL) may fold most of the index into one segment inside an
ordinary commit: at 50,000 articles one add of 100 articles spent 57 s merging. Here a commit
only merges segments of the same size tier (by powers of `FANOUT`), and only while the merged
segment stays under `INLINE_MAX_DOCS`: an add rewrites at most that many documents, and each
document is rewritten about log_FANOUT(INLINE_MAX_DOCS) times over its life. Bigger merges run
only when asked for: `SearchIndex.optimize()` (after `dateline reindex`, or by a maintenance
job), never inside an add.
"""

from __future__ import annotations

import math
from typing import Any

FANOUT = 8
INLINE_MAX_DOCS = 10_000


def _tier(docs: int) -> int:
    return int(math.log(max(docs, 1), FANOUT))


def plan(sizes: list[int], max_docs: int = INLINE_MAX_DOCS) -> list[int]:
    """Indexes (into `sizes`) of the segments to merge now: FANOUT segments of the smallest
    crowded tier, as long as their sum stays under `max_docs`; [] when nothing is due."""
    by_tier: dict[int, list[int]] = {}
    for i, n in enumerate(sizes):
        by_tier.setdefault(_tier(n), []).append(i)
    for tier in sorted(by_tier):
        members = sorted(by_tier[tier], key=lambda i: sizes[i])
        if len(members) < FANOUT:
            continue
        group = members[:FANOUT]
        if sum(sizes[i] for i in group) <= max_docs:
            return group
    return []


def bounded_merge(writer: Any, segments: list[Any]) -> list[Any]:
    """A Whoosh `mergetype`: merge one crowded small tier (see `plan`), keep the rest."""
    from whoosh.reading import SegmentReader

    group = plan([s.doc_count_all() for s in segments])
    if not group:
        return segments
    for i in group:
        reader = SegmentReader(writer.storage, writer.schema, segments[i])
        writer.add_reader(reader)
        reader.close()
    chosen = set(group)
    return [s for i, s in enumerate(segments) if i not in chosen]
