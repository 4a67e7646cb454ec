"""A model span that stops inside a list of names: "utes from Junee, Lockhart and Tumut" gives
"Junee, Lockhart" as one ORG, "Residents of Dobrinja, Alipašino Polje and parts of Novi Grad"
one body. No name holds a comma between capitalised words alone (a firm of several names
writes "&": "Langat, Omondi & Co."; a ministry's portfolios come after "of" and end with "and":
"Ministry of Lands, Housing and Survey"), so each part is a name of its own. Never at a suffix
("Martin Luther King, Jr.", "Acme, Inc."); a province's postal form after its town ("Grande
Prairie, Alta.") is no name here: `postal.py` reads it.
"""

from __future__ import annotations

import re

from . import gazetteer

#: One to three capitalised words.
_PART = re.compile(r"[A-ZÀ-Þ][\w’'-]*(?: [A-ZÀ-Þ][\w’'-]*){0,2}")
#: Two parts or more, with a comma and a space between each two, and nothing else.
_COMMA_LIST = re.compile(rf"{_PART.pattern}(?:, {_PART.pattern})+")
#: What follows a name after a comma and is part of it.
_SUFFIXES = frozenset(
    {"jr", "sr", "inc", "ltd", "llc", "llp", "plc", "co", "corp", "esq", "ii", "iii", "iv"}
    | {"phd", "md", "sa", "ag", "nv", "bv", "gmbh", "kc", "qc", "sc", "mp", "obe", "mbe"}
)


def comma_parts(body: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The names of a span `body[start:end]` that lists them with commas ("Landhi, Malir"), or
    None when it is no such list."""
    if body.find(", ", start, end) < 0 or _COMMA_LIST.fullmatch(body, start, end) is None:
        return None
    from .postal import POSTAL  # (postal.py reads cleaned mentions: imported here, not above)

    parts = []
    for x in _PART.finditer(body, start, end):
        text = x.group()
        if text.casefold() in _SUFFIXES:
            return None  # "Acme, Inc": one name
        if text in POSTAL or f"{text}." in POSTAL:
            continue  # "Alta" of "Grande Prairie, Alta."
        parts.append(x.span())
    return parts


#: The kinds of body named for a list of fields: "Meteorology, Climatology and Geophysics
#: Agency", "Police, Fire and Rescue Service".
_FIELD_BODIES = frozenset(
    {"agency", "ministry", "department", "authority", "commission", "council", "board"}
    | {"committee", "institute", "service", "bureau", "directorate", "office", "centre"}
    | {"center", "administration"}
)


def fields_of_one_body(body: str, start: int, end: int) -> bool:
    """Is a span that lists names with commas and "and" one body's name, its fields listed
    before its kind ("Meteorology, Climatology and Geophysics Agency")? Every word but the kind
    is an English word, never a place's or a firm's name ("Tesla, Uber and Snapchat", "Kandy,
    Galle and Matara Municipal Council")."""
    words = body[start:end].replace(",", "").split()
    if words[:1] in (["The"], ["the"]):
        words = words[1:]  # the model's "The" before the name
    if len(words) < 4 or words[-1].casefold() not in _FIELD_BODIES:
        return False
    from . import commonwords  # (reads the model's vocabulary: imported only when asked)

    return all(
        w == "and"
        or (commonwords.is_word(w) and not gazetteer.is_place(w) and not gazetteer.country(w))
        for w in words[:-1]
    )
