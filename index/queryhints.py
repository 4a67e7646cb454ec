"""Why a search found nothing, when it is something the user can fix: one sentence a surface
shows beside "no results" (`dateline search` on stderr and as `hint` in `--json`, the reader
under the empty list), like the note about a blocked entity (`Library.blocked_in_query`).

A query that parses can still match nothing for a reason the user cannot see (QA 6): dates
that leave no day between them (`since:2026-11-24 until:2026-11-20`), a wildcard the language
does not have (`flo*` searches the word "flo"), an exact name typed in another case or with
other accents (`person:="ayşe kılıç"`, while `:=` compares the name as written), or a name
looked for under the wrong type (`person:ankara`). Each is checked only once a search came
back empty, so none of this costs anything on the way to results.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from .compile import ENTITY_FIELDS, EntityLookup
from .entities.keys import entity_key, tokens
from .model import ENTITY_TYPES, EntityType
from .query import And, DateSpan, Exact, Node, Not, Or, QueryError, Text, parse_query

# A `*` touching a word, or a `?` inside one ("fl?od"); a `?` ending a question is punctuation.
_WILDCARD = re.compile(r"\w\*|\*\w|\w\?\w")
_NOUN: dict[str, str] = {"person": "person", "place": "place", "org": "organisation"}
_A: dict[str, str] = {"person": "a person", "place": "a place", "org": "an organisation"}


def no_match_hint(query: Any, entities: EntityLookup | None) -> str | None:
    """What to change so that `query`, which matched nothing, can match; None when nothing
    the user typed explains it (or the query does not parse: its error says what is wrong)."""
    try:
        node = parse_query(query)
    except QueryError:
        return None
    if node is None:
        return None
    return _dates(node) or _wildcard(node) or (_names(node, entities) if entities else None)


def _required(node: Node) -> Iterator[Node]:
    """The items every match must satisfy: the query's top-level AND, never inside OR/NOT."""
    if isinstance(node, And):
        for item in node.items:
            yield from _required(item)
    else:
        yield node


def _dates(node: Node) -> str | None:
    """Date limits that leave no day: the latest start is not before the earliest end."""
    spans = [n for n in _required(node) if isinstance(n, DateSpan)]
    starts = [s.start for s in spans if s.start is not None]
    ends = [s.end for s in spans if s.end is not None]
    if not starts or not ends or max(starts) < min(ends):
        return None
    first, last = max(starts), min(ends) - timedelta(days=1)
    return (
        f"No day is both on or after {first:%Y-%m-%d} and on or before {last:%Y-%m-%d}: "
        "are the dates the wrong way round? (since: is the first day, until: the last)"
    )


def _words(node: Node) -> Iterator[Text]:
    """Every word node, wherever it stands."""
    if isinstance(node, Text):
        yield node
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from _words(item)
    elif isinstance(node, Not):
        yield from _words(node.item)


def _wildcard(node: Node) -> str | None:
    for word in _words(node):
        if _WILDCARD.search(word.text):
            plain = " ".join(w for w in re.split(r"[*?\s]+", word.text) if w)
            searched = f' as "{plain}"' if plain else ""
            return (
                f'Wildcards (* and ?) are not supported: "{word.text}" was searched{searched}. '
                'Type whole words (stemming finds "floods" and "flooded" for "flood").'
            )
    return None


def _names(node: Node, entities: EntityLookup) -> str | None:
    """An entity filter that matches nothing as typed but would in another form or type."""
    for item in _required(node):
        if isinstance(item, Exact):
            said = _exact(item, entities)
        elif isinstance(item, Text) and item.field in ENTITY_FIELDS:
            said = _partial(item, entities)
        else:
            continue
        if said:
            return said
    return None


def _exact(item: Exact, entities: EntityLookup) -> str | None:
    if entities.exact_forms(item.type, item.name):
        return None
    typed = f'{item.type}:="{item.name}"'
    words = tokens(item.name)
    forms = entities.match_forms(item.type, words) if words else set()
    named = sorted({n for _, _, n in entities.describe_forms(forms).values()})
    same = [n for n in named if entity_key(n) == entity_key(item.name)]
    if same:
        return (
            f"{typed} matches a name exactly as written, case and accents too: "
            f'did you mean {item.type}:="{same[0]}"?'
        )
    if named:
        return (
            f"{typed} matches a whole name exactly as written; "
            f'{item.type}:"{item.name}" matches part of a name, in any case or accent '
            f"({_listed(named)})."
        )
    other = _other_type(item.type, lambda t: entities.exact_forms(t, item.name))
    if other:
        return f'"{item.name}" is {_A[other]}, not {_A[item.type]}: {other}:="{item.name}".'
    return None


def _partial(item: Text, entities: EntityLookup) -> str | None:
    type_: EntityType = item.field  # type: ignore[assignment]
    words = tokens(item.text)
    if not words or entities.match_forms(type_, words):
        return None
    other = _other_type(type_, lambda t: entities.match_forms(t, words))
    if other is None:
        return None
    typed = f'"{item.text}"' if item.phrase or " " in item.text else item.text
    return (
        f"No {_NOUN[type_]}'s name holds \"{item.text}\", but {_A[other]}'s does: "
        f"try {other}:{typed}."
    )


def _other_type(type_: EntityType, found: Any) -> EntityType | None:
    return next((t for t in ENTITY_TYPES if t != type_ and found(t)), None)


def _listed(names: list[str], most: int = 3) -> str:
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
