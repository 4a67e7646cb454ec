"""Filter chips follow entity corrections.

A chip is an exact (type, name) filter. When the entity is renamed, retyped, merged into
another or blocked (from the sidebar or from another process), its old (type, name) names
nothing and the list would go empty under a chip that still reads the old name. Each chip is
rewritten to what `Library.entity_now` says the entity became; a blocked entity's chip goes.
Runs in a worker thread: it reads the library.
"""

from __future__ import annotations

from typing import Any

from index.query import EntityFilter


def followed_filters(
    library: Any, filters: tuple[EntityFilter, ...]
) -> tuple[EntityFilter, ...] | None:
    """`filters` as the registry now names and types their entities, or None when all stand."""
    out: list[EntityFilter] = []
    for f in filters:
        now = library.entity_now(f.name, f.type)
        if now is not None:
            out.append(EntityFilter(now[0], now[1], f.exclude))
    followed = tuple(out)
    return None if followed == filters else followed
