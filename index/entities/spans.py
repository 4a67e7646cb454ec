"""Span helpers the resolver's steps share: sorted non-overlapping spans, and a coverage count.

Both keep an overlap test cheap on long articles (thousands of lines, tens of thousands of
mentions), which the rule layer's time budget depends on.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable
from typing import Protocol, TypeVar


class _Located(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_M = TypeVar("_M", bound=_Located)


def within(mentions: list[_M], start: int, end: int) -> list[_M] | None:
    """The mentions a new name spanning [start, end) takes the place of, or None when one of
    them crosses its edges (a longer name the model or a rule already holds there)."""
    inside = [m for m in mentions if m.start < end and start < m.end]
    if any(m.start < start or end < m.end for m in inside):
        return None
    return inside


def widen(mentions: list[_M], m: _M, joined: _M) -> list[_M] | None:
    """`mentions` with `m` grown into `joined` and the mentions `joined` now covers dropped, or
    None when one of them crosses its edges (`within`): the one step every rule that runs a
    name on over the words beside it ends with."""
    inside = within([o for o in mentions if o is not m], joined.start, joined.end)
    if inside is None:
        return None
    return [joined if o is m else o for o in mentions if o not in inside]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Spans:
    """Sorted spans that do not overlap (stray lines, credits), with a fast "which one holds
    this span" test: a long article has thousands of lines."""

    __slots__ = ("_starts", "spans")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]

    def containing(self, start: int, end: int) -> int | None:
        """The index of the span that holds `[start, end)`, or None."""
        i = bisect_right(self._starts, start) - 1
        return i if i >= 0 and self.spans[i][1] >= end else None


class Cover:
    """How many mentions cover each character of the body: an overlap test costs the length
    of the span tested, not the number of mentions (tens of thousands in a long article)."""

    __slots__ = ("_count",)

    _count: bytearray | array[int]

    def __init__(self, size: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        # One byte a character, counted up and down a span at a time by `translate` (in C,
        # where a loop in Python cost ~1 us a span); a character that 255 mentions cover
        # switches the count to two bytes a character.
        count = self._count = bytearray(size)
        spans = list(spans)
        if len(spans) < 255:  # no character can reach a count of 255: no test needed
            for start, end in spans:
                count[start:end] = count[start:end].translate(_UP)
            return
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int, step: int = 1) -> None:
        count = self._count
        if isinstance(count, bytearray):
            part = count[start:end]
            if step == -1 or (step == 1 and 255 not in part):
                count[start:end] = part.translate(_UP if step == 1 else _DOWN)
                return
            self._count = count = array("H", iter(count))  # (bytes would be read raw)
        for i in range(start, end):
            count[i] += step

    def remove(self, start: int, end: int) -> None:
        self.add(start, end, -1)

    def overlaps(self, start: int, end: int) -> bool:
        part = self._count[start:end]
        return part.count(0) < len(part)


#: Byte tables adding one to a count, and taking one off (a span is only removed once added).
_UP = bytes(range(1, 256)) + b"\0"
_DOWN = b"\xff" + bytes(range(255))
