"""What the reader tells about the query the user typed, as opposed to the whole query string it
searches (the typed text, then the chips, `is:unread` and the feed or tag scope).

The search box holds only the typed text: an error's position must count from its start, not
from the start of a string that hides the chips' text in front of or around it; and the status
line's order ("by relevance") must say what the back end does, which ranks by words only.
"""

from __future__ import annotations

from index.query import And, Node, Or, Query, QueryError, Text, parse

#: Fields that match names, not words: nothing about them can be ranked.
_NAME_FIELDS = frozenset({"person", "place", "org"})


def typed_error(text: str) -> str | None:
    """The parse error of the typed text alone (positions within what the user typed), or None
    when the typed text parses (a problem is then elsewhere: the back end's message stands)."""
    try:
        parse(text)
    except QueryError as exc:
        return exc.message
    return None


def ranks(query: Query) -> bool:
    """Whether the back end can rank `query` by relevance: it needs a word or phrase that is
    looked for, not excluded. `person:`/`place:`/`org:` and dates only narrow the set, so a
    query of them alone is listed newest first (every score 0) and must be labelled so."""
    try:
        node = parse(query.text)
    except QueryError:
        return False  # no results to order; the status line shows the error instead
    return _has_words(node)


def _has_words(node: Node | None) -> bool:
    if isinstance(node, Text):
        return node.field not in _NAME_FIELDS and bool(node.text.strip())
    if isinstance(node, And | Or):
        return any(_has_words(item) for item in node.items)
    return False  # a Not excludes (nothing to rank by), dates, flags and exact names narrow
