"""`Query`, the value the TUI stacks: typed text plus exact-entity filters, rendered back to the
query language; and the one entry point to parsing (`parse`, `parse_query`).

The language itself is parsed in `index.queryparse` into the tree of `index.querytree`; both
are re-exported here, where the rest of Dateline imports them from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import EntityType
from .queryparse import MAX_SLOP, parse
from .querytree import (
    FIELDS,
    And,
    DateSpan,
    Exact,
    Flag,
    FlagName,
    Node,
    Not,
    Or,
    QueryError,
    Text,
    TextField,
)

__all__ = [
    "FIELDS",
    "MAX_SLOP",
    "And",
    "DateSpan",
    "EntityFilter",
    "Exact",
    "Flag",
    "FlagName",
    "Node",
    "Not",
    "Or",
    "Org",
    "Person",
    "Place",
    "Query",
    "QueryError",
    "Text",
    "TextField",
    "parse",
    "parse_query",
]


# -- the value the TUI stacks -----------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class EntityFilter:
    """An exact canonical entity from the sidebar; `exclude` turns it into NOT."""

    type: EntityType
    name: str
    exclude: bool = False

    def __neg__(self) -> EntityFilter:
        return replace(self, exclude=not self.exclude)

    # So that `q & Person(a) - Place(b)` (where `-` binds first) still means what it says.
    def __and__(self, other: EntityFilter | Query) -> Query:
        return Query(filters=(self,)) & other

    def __sub__(self, other: EntityFilter) -> Query:
        return Query(filters=(self,)) - other

    def __str__(self) -> str:
        return f"{'-' if self.exclude else ''}{self.type}:={_quote(self.name)}"

    def node(self) -> Node:
        exact = Exact(self.type, self.name)
        return Not(exact) if self.exclude else exact


def Person(name: str) -> EntityFilter:
    return EntityFilter("person", name)


def Place(name: str) -> EntityFilter:
    return EntityFilter("place", name)


def Org(name: str) -> EntityFilter:
    return EntityFilter("org", name)


def _root_is_or(text: str) -> bool:
    try:
        return isinstance(parse(text), Or)
    except QueryError:
        return True  # keep a broken text in its own group; searching it reports the error


def _group(text: str) -> str:
    return f"({text})" if _root_is_or(text) else text


@dataclass(frozen=True)
class Query:
    """Typed text plus stacked exact-entity filters: `q & Person("…")`, `q - Place("…")`.

    `str(q)` renders the whole thing in the query language, so the CLI, saved searches and the
    TUI's search box all speak one language and `parse(str(q))` means the same as `q`.
    """

    text: str = ""
    filters: tuple[EntityFilter, ...] = ()

    def __and__(self, other: EntityFilter | Query) -> Query:
        if isinstance(other, EntityFilter):
            return Query(self.text, (*self.filters, other))
        if isinstance(other, Query):
            texts = [t for t in (self.text.strip(), other.text.strip()) if t]
            text = " ".join(_group(t) for t in texts) if len(texts) > 1 else "".join(texts)
            return Query(text, self.filters + other.filters)
        return NotImplemented

    def __sub__(self, other: EntityFilter) -> Query:
        if isinstance(other, EntityFilter):
            return Query(self.text, (*self.filters, replace(other, exclude=True)))
        return NotImplemented

    def without_last(self) -> Query:
        return Query(self.text, self.filters[:-1])

    def __str__(self) -> str:
        text = self.text.strip()
        if not self.filters:
            return text
        parts = [_group(text)] if text else []
        return " ".join([*parts, *(str(f) for f in self.filters)])

    def node(self) -> Node | None:
        """The parsed tree (raises `QueryError` when the typed text is malformed)."""
        text = parse(self.text)
        items: list[Node] = list(text.items) if isinstance(text, And) else []
        if text is not None and not isinstance(text, And):
            items.append(text)
        items += [f.node() for f in self.filters]
        if not items:
            return None
        return items[0] if len(items) == 1 else And(tuple(items))


def parse_query(query: str | Query) -> Node | None:
    """`parse` for a string, `Query.node` for a value: what the index searches with."""
    return query.node() if isinstance(query, Query) else parse(query)
