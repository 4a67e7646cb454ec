"""Bodies inside other bodies' names, within one article: when a shorter name (a body's, or a
place's) held in a longer one is another entity, not a way of writing the longer one
(shortnames.py asks).

"Interior Ministry" beside the "Special Tasks Department of the Interior Ministry" is the
ministry, and "University of Tirana" beside the "Polytechnic University of Tirana" another
university: joining them lost the parent body from the article's list and, across the library,
listed the article under the longer name only.
"""

from __future__ import annotations

from . import gazetteer
from .clean import CONNECTORS
from .nameforms import known_place_name

#: What puts a place after a body's name: "… of Kenya", "… de Santa Cruz".
OF_WORDS = frozenset({"of", "de", "del", "do", "da", "di", "du", "des", "della"})
#: What a place's own long name opens with, "… of" it: "Province of Western Cape".
TERRITORY_HEADS = frozenset(
    {"republic", "kingdom", "state", "commonwealth", "federation", "principality", "sultanate"}
    | {"province", "county", "city", "town", "municipality", "district", "region", "borough"}
    | {"village", "department", "emirate", "canton", "parish"}
)
#: What a body's full name adds to its kind word: its reach ("Federal Senate").
SCOPES = frozenset(
    {"national", "federal", "state", "provincial", "regional", "supreme", "high", "general"}
    | {"constitutional", "legislative", "people's", "peoples", "grand", "european", "county"}
)


def body_of_its_own(short: list[str], long: list[str], i: int) -> bool:
    """Is the longer name another body than the body `short` names, though it holds it?
    A unit of it ("Special Tasks Department of the Interior Ministry", "Delegation of the
    European Union"); a namesake the lists know apart ("European Council on Foreign
    Relations" beside the "European Council"); or another institution of one kind and town
    ("Polytechnic University of Tirana" beside the "University of Tirana"), set apart by a
    word that is no place, people or reach ("Kenyan", "Federal" Ministry of Health is one)."""
    body = short[-1] in gazetteer.ORG_WORDS or gazetteer.is_known_org(" ".join(short))
    if (
        (body or long[0] not in TERRITORY_HEADS)
        and i >= 2
        and (long[i - 1] in OF_WORDS or (long[i - 1] == "the" and long[i - 2] in OF_WORDS))
    ):
        return True  # and "Friends of the Abbey Gardens" is not the gardens
    mine, theirs = gazetteer.org_canonical(" ".join(short)), gazetteer.org_canonical(" ".join(long))
    if mine and theirs and mine != theirs:
        return True
    return (
        i > 0
        and i + len(short) == len(long)
        and short[0] in gazetteer.ORG_WORDS
        and short[1] in OF_WORDS
        and any(
            w not in CONNECTORS
            and w not in SCOPES
            and not gazetteer.is_demonym(w)
            and not known_place_name(w)  # a town too: "Kisumu Ministry of Health"
            for w in long[:i]
        )
    )
