"""When the search index merges segments, so that adding articles never waits on a big merge.

Whoosh's default policy (MERGE_SMALL) may fold most of the index into one segment inside an
ordinary commit: at 50,000 articles one add of 100 articles spent 57 s merging. Here a commit
merges only *small* segments (under `INLINE_MAX_DOCS / 2` documents), and only once `FANOUT` of
them have piled up: the smallest are merged while their sum stays under `INLINE_MAX_DOCS`. So an
add rewrites at most that many documents, and a segment that grew past "small" is never touched
by an add again: at 100,000 articles the index holds a few dozen segments of 2,500–5,000
documents. Bigger merges run only when asked for: `SearchIndex.optimize()` (and a full
`dateline reindex` writes two segments), never inside an add.
"""

from __future__ import annotations

from typing import Any

FANOUT = 6
INLINE_MAX_DOCS = 5000


def plan(sizes: list[int], max_docs: int = INLINE_MAX_DOCS) -> list[int]:
    """Indexes (into `sizes`) of the segments to merge now; [] when nothing is due."""
    small = sorted((n, i) for i, n in enumerate(sizes) if n < max_docs // 2)
    if len(small) < FANOUT:
        return []
    group: list[int] = []
    total = 0
    for n, i in small:
        if total + n > max_docs:
            break
        group.append(i)
        total += n
    return group if len(group) >= 2 else []


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
