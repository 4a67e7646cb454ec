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

#: An owner's or "local" abbreviation heading its phrase: what follows it is punctuation, a
#: small word that opens the next phrase or clause, a title, or the end of the text.
_OWNED = re.compile(
    # (each owner's first letter, then `\b` before it as a look-behind: `re` skips to those
    # letters in C, where a `\b` opening the pattern was tried at every character)
    r"(?:H(?<!\w.)is|h(?<!\w.)is|H(?<!\w.)er|h(?<!\w.)er|T(?<!\w.)heir|t(?<!\w.)heir"
    r"|Y(?<!\w.)our|y(?<!\w.)our|M(?<!\w.)y|m(?<!\w.)y|O(?<!\w.)ur|o(?<!\w.)ur"
    r"|L(?<!\w.)ocal|l(?<!\w.)ocal)\s+([A-Z]{2,4})(?![\w-])"
    r"(?=\s*(?:[.,;:!?)\"”’]|$)|\s+(?:in|or|and|at|on|for|to|who|was|is|had|has|said|about"
    r"|because|when|after|before|with|Dr|Mr|Mrs|Ms|Prof)\b)"
)

#: What `_OWNED` can find: a mention written so is the only one it may take away.
_ABBREVIATION = re.compile(r"[A-Z]{2,4}")


def common_abbreviations(body: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions without the abbreviations the article uses as common nouns."""
    if not any(_ABBREVIATION.fullmatch(body, m.start, m.end) for m in mentions):
        return mentions  # (most articles: no scan of the body for owners)
    nouns = {x.group(1) for x in _OWNED.finditer(body)}
    if not nouns:
        return mentions
    return [m for m in mentions if body[m.start : m.end] not in nouns]
