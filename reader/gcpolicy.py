"""Garbage collection paced for an interactive reader holding a large index.

CPython's cyclic collector runs a full (oldest-generation) pass once enough objects have
survived two younger passes. With a 100,000-article library open, the back end keeps large
Python containers alive (term lists, id lists: about a million references) and a full pass
walks all of them: 40–60 ms of CPU with the GIL held, 100–250 ms of frozen screen on a busy
machine — the reader's worst event-loop stalls, measured with `gc.callbacks` in bench runs.
Rendering and searching make a lot of short-lived objects, and the default young-generation
threshold (700 allocations) promoted enough of them, caught mid-life, to trigger a full pass
every second or so of typing.

A larger young generation lets most of those objects die by reference count before any pass
sees them, so far fewer are promoted and full passes become rare; each young pass stays a few
milliseconds. Nothing is turned off: cycles are still collected.
"""

from __future__ import annotations

import gc

#: (young, middle, old) thresholds: see the module docstring. The defaults are (700, 10, 10).
THRESHOLDS = (20_000, 20, 100)


def pace_collector() -> None:
    """Raise the collector's thresholds to THRESHOLDS (never lower ones already higher)."""
    current = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(current, THRESHOLDS, strict=True)))
