"""Which written forms of one entity may be its library-wide display name.

"UK Competition and Markets Authority" in one article and "Competition and Markets Authority"
in four: the country prefix says whose body it is, which the article's place in the news tells
the reader anyway; it is no part of the body's name. So for a body (not a person: "Georgia"
opens some people's names) the unprefixed form is a full form of the name too, and on a tie
an institution's unprefixed name is preferred to the prefixed one (`naming._settle_display`
votes among them).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import EntityType
from .registry_core import _content, _countries


def country_prefix(words: Sequence[str]) -> int:
    """How many leading key words of `words` are a country's spelling ("uk", "united
    states"), when at least two content words of a name follow them; else 0."""
    best = 0
    for spellings in _countries():
        for toks in spellings:
            n = len(toks)
            if n > best and tuple(words[:n]) == toks:
                best = n
    if best and len(_content(words[best:])) >= 2:
        return best
    return 0


def name_starts(words: Sequence[str], type_: EntityType) -> set[str]:
    """The first words a full form of the name `words` may open with: its own, and for a
    body whose name opens with a country, the word after the country."""
    starts = set(words[:1])
    if type_ != "person":
        n = country_prefix(words)
        if n:
            starts.add(words[n])
    return starts


def prefixed(words: Sequence[str], type_: EntityType) -> bool:
    """True for an institution's name that opens with a country ("us federal trade
    commission"): its last word is an organisation word, so the rest is the body's own name.
    A team's country is its name ("Trinidad and Tobago Red Force" on a tie stays)."""
    from .gazetteer import ORG_WORDS

    return type_ != "person" and country_prefix(words) > 0 and words[-1] in ORG_WORDS
