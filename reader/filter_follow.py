"""Filter chips follow entity corrections.

A chip is an exact (type, name) filter. When the entity is renamed, retyped, merged into
another or blocked (from the sidebar or from another process), its old (type, name) names
nothing and the list would go empty under a chip that still reads the old name. Each chip is
looked up again by its old name, which the registry keeps as a form of whatever the entity
became, and rewritten to the entity's current type and name; a blocked entity's chip goes.
Runs in a worker thread: it reads the library.
"""

from __future__ import annotations

from typing import Any

from index.entities.keys import entity_key
from index.query import EntityFilter


def followed_filters(
    library: Any, filters: tuple[EntityFilter, ...]
) -> tuple[EntityFilter, ...] | None:
    """`filters` as the registry now names and types their entities, or None when all stand.
    An entity no article mentions any more (a blocked one) loses its chip."""
    out: list[EntityFilter] = []
    changed = False
    for f in filters:
        key = entity_key(f.name)
        exact = [
            c
            for c in library.entity_candidates(f.name)
            if c.count and key in {entity_key(c.name), *(entity_key(a) for a in c.aliases)}
        ]
        if any(c.name == f.name and c.type == f.type for c in exact):
            out.append(f)
            continue
        changed = True
        now = next((c for c in exact if c.type == f.type), None) or (exact[0] if exact else None)
        if now is not None:
            out.append(EntityFilter(now.type, now.name, f.exclude))
    return tuple(out) if changed else None
