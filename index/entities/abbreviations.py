"""Abbreviations that are common nouns: "his GP", "their MP", "a local GP".

An abbreviation in capitals looks like a body's acronym to the model ("GP" tagged as an
organisation), but one a person owns ("her GP", "their MP") or a "local" one is a role or a
thing: the general practitioner, the member of parliament. Only where it heads its phrase
("visited his GP in Shipley", "local GP Dr Ama Boateng"): before a noun it may be a body's
name used as a modifier ("his ANC colleagues"). Once an article uses it so, it is that noun
everywhere in the article ("GP surgeries"). Called by `possessives.possessive_names`.
"""

from __future__ import annotations

import re

from .clean import Mention

#: The owner or "local" an abbreviation follows ("his GP", "local MP"), ending where the spaces
#: before the abbreviation start.
_OWNER = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Yy]our|[Mm]y|[Oo]ur|[Ll]ocal)$")
#: The abbreviation heading its phrase: what follows it is punctuation, a small word that
#: opens the next phrase or clause, a title, or the end of the text.
_HEADING = re.compile(
    r"([A-Z]{2,4})(?![\w-])"
    r"(?=\s*(?:[.,;:!?)\"”’]|$)|\s+(?:in|or|and|at|on|for|to|who|was|is|had|has|said|about"
    r"|because|when|after|before|with|Dr|Mr|Mrs|Ms|Prof)\b)"
)

#: What an owner can make a common noun: a mention written so is the only one it may take away.
_ABBREVIATION = re.compile(r"[A-Z]{2,4}")


def common_abbreviations(body: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions without the abbreviations the article uses as common nouns. Only the
    mentions' own abbreviations are looked for (a few words found in C), not every owner's
    word of the body, which a pattern tried at each of its letters."""
    written = {
        body[m.start : m.end] for m in mentions if _ABBREVIATION.fullmatch(body, m.start, m.end)
    }
    nouns = {a for a in written if _owned(body, a)}  # (most articles: no abbreviation)
    if not nouns:
        return mentions
    return [m for m in mentions if body[m.start : m.end] not in nouns]


def _owned(body: str, abbreviation: str) -> bool:
    """Is `abbreviation` written somewhere as a whole word after an owner and spaces, heading
    its phrase ("visited his GP in Shipley")?"""
    at = body.find(abbreviation)
    while at >= 0:
        spaces = at
        while spaces > 0 and body[spaces - 1].isspace():
            spaces -= 1
        if (
            spaces < at
            and _OWNER.search(body, max(0, spaces - 5), spaces) is not None
            and (x := _HEADING.match(body, at)) is not None
            and x.group(1) == abbreviation
        ):
            return True
        at = body.find(abbreviation, at + 1)
    return False
