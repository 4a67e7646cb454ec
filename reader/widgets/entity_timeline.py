"""The timeline under the entity sidebar: one entity's articles per day, and those days cut
into equal slices for a sparkline (the sidebar, `entity_sidebar`, shows it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from index.model import EntityCount


def timeline_series(points: tuple[tuple[str, int], ...], *, buckets: int = 28) -> list[float]:
    """Article counts over time in at most `buckets` equal slices, quiet days included.

    The back end gives only the days with articles; a sparkline of those alone would hide the
    gaps between bursts of coverage. Unparseable dates are skipped.
    """
    days: list[tuple[date, int]] = []
    for stamp, count in points:
        try:
            days.append((date.fromisoformat(stamp[:10]), count))
        except ValueError:
            continue
    if not days:
        return []
    first = min(day for day, _ in days)
    span = (max(day for day, _ in days) - first).days + 1
    slices = max(1, min(buckets, span))
    series = [0.0] * slices
    for day, count in days:
        series[(day - first).days * slices // span] += count
    return series


@dataclass(frozen=True)
class EntityTimeline:
    """One entity's articles per day, with the entity they count.

    The label under the sidebar names the entity the points belong to. With the points alone,
    a renamed entity's timeline (the same days, the same counts) compared equal to the old
    one, so nothing repainted and the label kept the old name until the cursor moved.
    """

    entity: EntityCount
    points: tuple[tuple[str, int], ...]
