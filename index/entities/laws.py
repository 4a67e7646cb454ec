"""The titles of laws and bills: "the Cyber Security and Cyber Crimes (Amendment) Bill", "the
Inflation Reduction Act 2022". A law is no entity (the bench's golds list none), yet the small
model reads pieces of its title as names: an organisation "Cyber Crimes" with an alias
"Amendment", and "Bill" a person. The resolver treats a title as it treats page furniture:
nothing inside it is a mention.
"""

from __future__ import annotations

import re

from . import gazetteer
from .nameforms import known_place_name

#: A capitalised word of a title; never a possessive ("Ruto's Finance Bill" is his bill).
_WORD = r"[A-Z][\w’'-]*(?<![’']s)"
_JOIN = r"(?: (?:(?:of|for|on|to|in)(?: the)?|and|&))?"
_QUALIFIER = (
    r"\((?:Amendments?|Miscellaneous Amendments|Repeal|(?:Amendment )?No\. ?\d+"
    r"|(?:Special|Miscellaneous|Temporary) Provisions)\)"
)
#: Its kind closes the title, with a year or a number after it or not; "Bill" never before a
#: capitalised word ("Bill Nelson"), nor "Act" ("the ACT Party" is a party).
_LAW = re.compile(
    rf"(?<![\w’'-]){_WORD}(?:{_JOIN} {_WORD})*(?: {_QUALIFIER})?"
    r" (?:Bill|Act|Ordinance|Decree)(?: (?:No\. ?)?\d{1,4}| of \d{4})?(?![\w’'-]| [A-Z])"
)


def law_titles(body: str) -> list[tuple[int, int]]:
    """Where the body names a law or a bill by its title. Whose law it is stays outside: an
    acronym or a place opening it ("the EU AI Act", "Kenya Finance Bill") is still a name."""
    if not any(k in body for k in (" Bill", " Act", " Ordinance", " Decree")):
        return []
    out = []
    for m in _LAW.finditer(body):
        start = m.start()
        while (word := _FIRST_WORD.match(body, start, m.end())) and (
            word.group(1) in ("The", "the")
            or word.group(1).isupper()
            or known_place_name(word.group(1))
            or gazetteer.country(word.group(1))
        ):
            start = word.end()
        if " " in body[start : m.end()]:  # a title, not its kind alone
            out.append((start, m.end()))
    return out


#: A title's first word, with more of the title after it.
_FIRST_WORD = re.compile(r"([\w’'-]+) (?=[A-Z(])")
