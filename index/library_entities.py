"""Entity corrections (undoable) and the entity and story pages, as `Library` methods."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterator
from typing import Any

from . import pages
from .entities.keys import entity_key, tokens
from .entities.registry import Registry
from .library_base import _clean
from .library_read import Reading
from .lock import writes
from .model import (
    EntityCount,
    EntityType,
)
from .query import And, Exact, Or, QueryError, Text, parse_query
from .store import transaction

#: The query fields that filter by entity (`person:`, `place:`, `org:`).
_ENTITY_FIELDS = frozenset({"person", "place", "org"})


class Corrections(Reading):
    """Merge, split, rename, alias, retype, block and undo; entity and story pages."""

    # -- entity corrections (undoable) --------------------------------------------------------
    @writes
    def _correct(self, change: Callable[[Registry], tuple[str, set[str]] | None]) -> str | None:
        """Apply a registry correction. The search index needs nothing: it holds entity form
        ids, and names, aliases and types are resolved through the registry at query time."""
        with transaction(self._conn):
            outcome = change(self._registry)
        if outcome is None:
            return None
        return outcome[0]

    def merge_entities(self, keep: str, other: str, *, type_: EntityType | None = None) -> str:
        keep, other = _clean(keep), _clean(other)
        return self._correct(lambda r: r.merge(keep, other, type_)) or ""

    def split_entity(self, name: str, alias: str, *, type_: EntityType | None = None) -> str:
        name, alias = _clean(name), _clean(alias)
        return self._correct(lambda r: r.split(name, alias, type_)) or ""

    def rename_entity(
        self, name: str, new_name: str, *, type_: EntityType | None = None, force: bool = False
    ) -> str:
        """Rename; a name an entity of another type has raises `NameTaken` unless `force`."""
        name, new_name = _clean(name), _clean(new_name)
        return self._correct(lambda r: r.rename(name, new_name, type_, force=force)) or ""

    def alias_entity(
        self, name: str, alias: str, *, type_: EntityType | None = None, force: bool = False
    ) -> str:
        """Add an alias; another type's entity name raises `NameTaken` unless `force`."""
        name, alias = _clean(name), _clean(alias)
        return self._correct(lambda r: r.alias(name, alias, type_, force=force)) or ""

    def undo_entity_change(self) -> str | None:
        return self._correct(lambda r: r.undo())

    # -- "not an entity": what is blocked, and taking a block back -----------------------------
    def unblock_entity(self, name: str, *, type_: EntityType | None = None) -> str:
        """Take back a block ("not an entity") whenever it was made, not only as the last
        correction; undoable. A name that is not blocked raises `EntityError` saying so."""
        name = _clean(name)
        return self._correct(lambda r: r.unblock(name, type_, present=self._present)) or ""

    def blocked_entities(self) -> list[EntityCount]:
        """The entities marked "not an entity", by name; `count` is the number of articles
        the block took each out of."""
        return self._registry.blocked()

    def blocked_entity(self, name: str, type_: EntityType | None = None) -> str | None:
        """The display name of the blocked entity `name` means (a name or alias), else None:
        whether a name the user typed is one they marked "not an entity"."""
        return self._registry.blocked_match(_clean(name), type_)

    def blocked_in_query(self, query: Any) -> str | None:
        """Why a search found nothing when one of its entity filters (`place:lisbon`,
        `person:="Ana Ferreira"`) names only a blocked entity: one sentence that says so and
        gives the command that takes the block back; None otherwise (or when the query does
        not parse: its error says what is wrong). A surface shows it with "no results"."""
        from .entities.registry_blocks import blocked_filter_message as said

        try:
            node = parse_query(query)
        except QueryError:
            return None
        registry = self._registry
        for item in _positive(node):
            if isinstance(item, Exact):
                if registry.exact_forms(item.type, item.name):
                    continue
                name = registry.blocked_match(item.name, item.type)
                if name is not None:
                    return said(f'{item.type}:="{item.name}"', name)
            elif item.field in _ENTITY_FIELDS:
                words = tokens(item.text)
                type_: EntityType = item.field  # type: ignore[assignment]
                if not words or registry.match_forms(type_, words):
                    continue
                names = registry.blocked_matching(type_, words)
                if names:
                    typed = f'"{item.text}"' if item.phrase or " " in item.text else item.text
                    return said(f"{item.field}:{typed}", names[0])
        return None

    def _present(self, article_ids: Collection[str]) -> set[str]:
        """Which of these articles the library still has (an unblock relinks only those)."""
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(article_ids)),),
        )
        return {str(r[0]) for r in rows}

    # -- pages: an entity's and a story's page (index.pages) ---------------------------------
    def entity_page(self, name: str, type_: EntityType | None = None) -> pages.EntityPage:
        """Everything about one entity; `pages.AmbiguousEntity` lists candidates."""
        from .pages.entity_page import entity_page, find_entity

        eid = find_entity(self._conn, self._registry, _clean(name), type_)
        # The search index's own postings give "seen with" counts search agrees with (an
        # unavailable index has none: the page tables count instead).
        docs = self._search if hasattr(self._search, "forms_beside") else None
        return entity_page(self._conn, eid, self.articles, docs=docs)

    def story_page(self, story_id: str) -> pages.StoryPage:
        """A story's versions side by side, aligned (a story id or any of its article ids)."""
        from .pages.story_page import story_page

        return story_page(self._conn, story_id.strip(), self.articles)

    def retype_entity(
        self, name: str, new_type: EntityType, *, type_: EntityType | None = None
    ) -> str:
        name = _clean(name)
        return self._correct(lambda r: r.retype(name, new_type, type_)) or ""

    def block_entity(self, name: str, *, type_: EntityType | None = None) -> str:
        name = _clean(name)
        return self._correct(lambda r: r.block(name, type_)) or ""

    def entity_candidates(self, name: str, type_: EntityType | None = None) -> list[EntityCount]:
        """Entities a name may mean, for a user to pick from (exact names first)."""
        return self._registry.candidates(_clean(name), type_)

    def entity_now(self, name: str, type_: EntityType) -> tuple[EntityType, str] | None:
        """What the entity once shown as (`type_`, `name`) is now called and typed, after
        renames, retypes and merges (the registry keeps every name it was written as); None
        when no article mentions it any more (blocked). Filter chips follow corrections by it.
        """
        key = entity_key(name)
        exact = [
            c
            for c in self._registry.candidates(_clean(name), None)
            if c.count and key in {entity_key(c.name), *(entity_key(a) for a in c.aliases)}
        ]
        now = next((c for c in exact if c.name == name and c.type == type_), None)
        now = now or next((c for c in exact if c.type == type_), None) or next(iter(exact), None)
        return (now.type, now.name) if now is not None else None


def _positive(node: Any) -> Iterator[Exact | Text]:
    """The entity filters and words a match must have (inside AND and OR, never NOT)."""
    if isinstance(node, Exact | Text):
        yield node
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from _positive(item)
