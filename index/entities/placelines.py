"""A page's own lines that name a place: a wire dateline, a line of place and time, a
"-born" compound.

These are read from the layout of the page, not from a sentence, so they live apart from the
sentence patterns (`patterns.py`); the caller asks the gazetteer whether each span is a place.
"""

from __future__ import annotations

import re

from . import commonwords
from .anchored import finditer_at, line_starts
from .nameforms import plain_word_place

#: A wire dateline opening a paragraph: "MEXICO CITY (AP) —", "ACCRA, Ghana —", "KYIV, March
#: 3 (Reuters) -", "KARACHI:".
_CAPS = "A-ZÀ-ÖØ-ÞȘȚ" + "".join(c for c in map(chr, range(0x100, 0x17F)) if c.isupper())
# (accents too: "BRASÍLIA", "SÃO PAULO", and Central Europe's "CHIȘINĂU", "ŁÓDŹ")
_DATELINE = re.compile(
    rf"^([{_CAPS}][{_CAPS}'’.-]+(?: [{_CAPS}][{_CAPS}'’.-]+){{0,4}})(?=,\s|:\s|\s+\(|\s+[—–-]\s)",
    re.MULTILINE,
)
#: What follows a dateline's city when it names its country or region: ", Scotland —".
_DATELINE_REGION = re.compile(
    r",\s+([A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){0,2})(?:\s*(?:[—–-]\s|\()|[ \t]*(?=\n|$)"
    r"|,\s+(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d))"
)


def dateline_region(body: str, end: int) -> str | None:
    """The country or region a dateline names after its city ("KILRENNY, Scotland —"), if
    any: such a city is a place even when no gazetteer knows a town that small."""
    x = _DATELINE_REGION.match(body, end)
    return x.group(1) if x else None


def dateline_spans(body: str) -> list[tuple[int, int]]:
    """Where a paragraph opens with a dateline's city in capitals, the city's span (the caller
    asks the gazetteer whether it is one)."""
    out = []
    for x in finditer_at(_DATELINE, body, line_starts(body)):
        line_end = body.find("\n", x.end())
        rest = body[x.end() : line_end if line_end >= 0 else len(body)]
        if rest.strip() in ("—", "–", "-") and line_end >= 0:  # "LAGOS —" on a line alone
            rest = body[line_end : line_end + 41]
        if any(c.islower() for c in rest[:40]):  # "RUGBY - PORTUGAL SUFFER …" is a headline
            out.append(x.span(1))
    return out


#: A page's line of place and time: "Mumbai | Updated: November 27, 2026 11:02 IST",
#: "Freetown, Sierra Leone | Monday, November 30, 2026".
_PLACE_LINE = re.compile(
    r"^([A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)?)(?:, ([A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+)?))? [|·] "
    r"(?=Updated|Published|Posted|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d)",
    re.MULTILINE,
)


#: A site's sections and topics that the gazetteer also knows as towns: "Rugby | 27 Nov",
#: "Gold | Updated …", "Metro | …", "Mobile | …" name no place.
_SECTIONS = frozenset(
    {"rugby", "football", "soccer", "cricket", "golf", "tennis", "racing", "boxing"}
    | {"sport", "sports", "metro", "mobile", "gold", "silver", "copper", "oil", "cocoa"}
    | {"coffee", "sugar", "cotton", "money", "markets", "tech", "travel", "style", "life"}
    | {"opinion", "world", "nation", "home", "local", "weather"}
)


def place_line_spans(body: str) -> list[tuple[int, int]]:
    """The names of a page's line of place and time (the caller asks the gazetteer whether
    each is a place: the line may name the writer instead, "Sipho Ndlovu | 27 Nov 2026"). A
    word that is mostly a word ("Bath", "Split") is a town there unless it is a site's section
    or the story uses the word again ("Gold | …" then "Gold rose …", "Orange | …" then
    "Orange reported …"): a section's tag repeats the story's topic, a town's line need not."""
    if " | " not in body and " · " not in body:
        return []
    return [
        x.span(i)
        for x in finditer_at(_PLACE_LINE, body, line_starts(body))
        for i in (1, 2)
        if (name := x.group(i)) and (x.group(2) or not _section_word(body, name, x.end()))
    ]


def _section_word(body: str, name: str, line_end: int) -> bool:
    """Whether a line's one word is a section's: the story's topic, used again as a word
    ("Gold rose", "Cocoa futures", "Orange reported"), not inside a name ("Kent County
    Council", "Port of Cork") or as an owner ("Mobile's parades")."""
    if " " in name or not commonwords.is_word(name) or plain_word_place(name):
        return False
    if name.casefold() in _SECTIONS:
        return True
    again = re.compile(rf"(?<!\bof )\b{re.escape(name)}\b(?![’'-])", re.IGNORECASE)
    return any(
        not body[x.end() + 1 : x.end() + 2].isupper() for x in again.finditer(body, line_end)
    )


_BORN_IN = re.compile(r"\b([A-Z][\w’'.]+(?: [A-Z][\w’'.]+)?)-(?:born|based|bound|headquartered)\b")
#: What every match of `_BORN_IN` holds, looked for first: two articles in three have none.
_BORN_WORD = re.compile(r"-(?:born|based|bound|headquartered)\b")


def compound_place_spans(body: str) -> list[tuple[int, int]]:
    """ "Accra-born writer", "a Nairobi-based lender": the place before "-born" or "-based"
    (the caller asks the gazetteer)."""
    if _BORN_WORD.search(body) is None:
        return []
    return [x.span(1) for x in _BORN_IN.finditer(body)]
