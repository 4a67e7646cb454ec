"""Dateline's query tree (`index.query`) compiled to a Whoosh query, a flag list and facts.

Entity fields never reach the index as names: `person:assad`, `place:turkey` or
`org:="Hayat Tahrir al-Sham"` are resolved by an `EntityLookup` (the registry) to the ids of every
form of every matching entity, and become an OR of those ids on the `entities` field. Aliases,
merges and renames are the registry's business, read at the moment of the query.

Flags (`is:unread`, `is:read`, `is:starred`) live in SQLite and only narrow a search; they come
out as a list the index turns into docnum sets. `is:unread` and `-is:read` both ask for the
*unread* ids, so their cost follows the number of unread articles, not of read ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from whoosh import query as wq
from whoosh.fields import Schema

from .entities.keys import tokens
from .model import EntityType
from .query import And, DateSpan, Exact, Flag, Node, Not, Or, QueryError, Text
from .queryparse import field_example
from .searchschema import naive_utc


class EntityLookup(Protocol):
    """Resolves entity names to the form ids the index holds (`Registry` implements it)."""

    def match_forms(self, type_: EntityType, words: Sequence[str]) -> set[int]: ...

    def exact_forms(self, type_: EntityType, name: str) -> set[int]: ...

    def describe_forms(self, form_ids: Iterable[int]) -> dict[int, tuple[int, EntityType, str]]: ...

    def suggest_token(self, type_: EntityType, word: str) -> str | None: ...


#: Which fields a typed word searches.
TEXT_FIELDS: dict[str | None, tuple[str, ...]] = {
    None: ("title", "body"),
    "title": ("title",),
    "source": ("source",),
}
ENTITY_FIELDS: frozenset[str] = frozenset({"person", "place", "org"})


@dataclass
class Compiled:
    query: wq.Query
    #: (flag, wanted): is:unread is ("unread", True), -is:starred is ("starred", False).
    flags: list[tuple[str, bool]]
    #: Stemmed title/body terms of the positive words: for highlighting.
    terms: set[str] = field(default_factory=set)
    #: Whether any words score the matches (else relevance order is meaningless).
    scored: bool = False
    #: The positive word and phrase queries: what relevance is scored on (the structure is
    #: already applied to the match set, see `index.evaluate`).
    scoring: list[wq.Query] = field(default_factory=list)
    #: The positive title/body phrases as (analysed words, Whoosh slop): for fragments.
    phrases: list[tuple[tuple[str, ...], int]] = field(default_factory=list)


class Compiler:
    def __init__(self, schema: Schema, entities: EntityLookup | None) -> None:
        self.schema = schema
        self.entities = entities
        self.terms: set[str] = set()
        self.scored = False
        self.scoring: list[wq.Query] = []
        self.phrases: list[tuple[tuple[str, ...], int]] = []

    def compile(self, node: Node | None) -> Compiled:
        if node is None:
            return Compiled(wq.Every(), [])
        items = list(node.items) if isinstance(node, And) else [node]
        flags: list[tuple[str, bool]] = []
        rest: list[Node] = []
        for item in items:
            if isinstance(item, Flag):
                flags.append(_flag(item, negated=False))
            elif isinstance(item, Not) and isinstance(item.item, Flag):
                flags.append(_flag(item.item, negated=True))
            else:
                rest.append(item)
        parts = [q for q in (self.node(n, positive=True) for n in rest) if q is not None]
        if rest and not parts and not flags:
            raise QueryError(
                "Nothing to search for: the query has only very common words, symbols or "
                'punctuation. Try other words, "a phrase", or a field such as person:NAME.'
            )
        q: wq.Query = wq.And(parts) if len(parts) > 1 else (parts[0] if parts else wq.Every())
        return Compiled(q, flags, self.terms, self.scored, self.scoring, self.phrases)

    def node(self, node: Node, *, positive: bool) -> wq.Query | None:
        if isinstance(node, Text):
            if node.field in ENTITY_FIELDS:
                return self.entity(node)
            return self.text(node, positive=positive)
        if isinstance(node, Exact):
            forms = self.entities.exact_forms(node.type, node.name) if self.entities else set()
            return _any_form(forms)
        if isinstance(node, DateSpan):
            return wq.DateRange(
                "published", naive_utc(node.start), naive_utc(node.end), endexcl=True
            )
        if isinstance(node, Flag):
            raise QueryError(
                f"is:{node.name} can only narrow a search: combine it with AND "
                "(e.g. `ceasefire is:unread`), not with OR or inside parentheses."
            )
        if isinstance(node, Not):
            inner = self.node(node.item, positive=not positive)
            return wq.Not(inner) if inner is not None else None
        parts = [q for q in (self.node(n, positive=positive) for n in node.items) if q]
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return wq.And(parts) if isinstance(node, And) else wq.Or(parts)

    def entity(self, node: Text) -> wq.Query:
        type_: EntityType = node.field  # type: ignore[assignment]
        if not node.text.strip():
            raise QueryError(f'"{type_}:" needs a value, e.g. {field_example(type_)}.')
        words = tokens(node.text)
        if not words:
            raise QueryError(
                f'"{node.field}:{node.text}" has no letters or digits to look for in a name.'
            )
        forms = self.entities.match_forms(type_, words) if self.entities else set()
        return _any_form(forms)

    def text(self, node: Text, *, positive: bool) -> wq.Query | None:
        fields = TEXT_FIELDS[node.field]
        if node.field and not node.text.strip():
            raise QueryError(f'"{node.field}:" needs a value, e.g. {field_example(node.field)}.')
        words = [t.text for t in self.schema[fields[0]].analyzer(node.text, mode="query")]
        if not words:
            return None  # only stop words or punctuation: nothing to look for
        if positive and fields[0] in ("title", "body"):
            self.terms.update(words)
        self.scored = True
        if len(words) == 1:
            qs = [wq.Term(f, words[0]) for f in fields]
        else:
            # Whoosh's slop is the position difference allowed: 1 for neighbours.
            qs = [wq.Phrase(f, words, slop=node.slop + 1) for f in fields]
            if positive and fields[0] in ("title", "body"):
                self.phrases.append((tuple(words), node.slop + 1))
        out = qs[0] if len(qs) == 1 else wq.Or(qs)
        if positive:
            self.scoring.append(out)
        return out


def _any_form(forms: set[int]) -> wq.Query:
    if not forms:
        return wq.NullQuery
    terms = [wq.Term("entities", str(f)) for f in sorted(forms)]
    return terms[0] if len(terms) == 1 else wq.Or(terms)


def _flag(node: Flag, *, negated: bool) -> tuple[str, bool]:
    """is:unread -> (unread, True); -is:read -> (unread, True); -is:unread -> (unread, False)."""
    if node.name == "read":
        return ("unread", False) if not negated else ("unread", True)
    return node.name, not negated


def words(node: Node | None) -> Iterator[Text]:
    """The positive word nodes of a tree, for spelling suggestions."""
    if isinstance(node, Text):
        yield node
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from words(item)
