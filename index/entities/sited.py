"""Where a tagged span runs on past a name's kind into where it stands: "the Barrowland
Ballroom in Glasgow", "the Chiefs at Apollo Projects Stadium". Read by `clean._finish`, which
cuts the span there into the name and its place.
"""

from __future__ import annotations

from . import commonwords, gazetteer
from .nameforms import known_place_name, name_like, norm_word
from .placewords import ROAD_WORDS, VENUE_WORDS

#: Institutions that stand somewhere: "… School on the Hilltop" is where the school is (an
#: "Authority on Development" or a "Commission on Human Rights" is what it is about).
_SITED = frozenset(
    {"school", "college", "academy", "hospital", "clinic", "library", "museum", "gallery"}
    | {"university", "club", "court", "hotel", "theatre", "theater", "cinema", "church"}
)  # fmt: skip


def venue_after(body: str, toks: list[tuple[int, int]], i: int) -> bool:
    """Does "at" at token `i` begin a venue's name ("… at Apollo Projects Stadium")?"""
    right = toks[i + 1 :]
    last = norm_word(body[right[-1][0] : right[-1][1]]) if right else ""
    return len(right) >= 2 and last in _VENUE_WORDS and all(name_like(body[s:e]) for s, e in right)


#: A ground's words (`placewords.VENUE_WORDS`) and the halls and circuits of other events.
_VENUE_WORDS = VENUE_WORDS | frozenset(
    {"centre", "center", "hall", "theatre", "theater", "racecourse", "circuit", "velodrome"}
    | {"coliseum", "dome"}
)


def placed_after(body: str, toks: list[tuple[int, int]], i: int, label: str = "") -> bool:
    """Does "in"/"on" at token `i` begin where the name before it stands? After a venue
    ("Ballroom", "Stadium") or a sited institution; before a country or a city of 100,000
    people when the span is a place's ("the Gabba in Brisbane"); before a street ("… Rooms on
    Church Street"); after any organisation word, or a body named for its field ("the Ministry
    of Energy in Sofia"), when a place the world knows follows "in" ("the Supreme Court in
    Abuja")."""
    kind = norm_word(body[toks[i - 1][0] : toks[i - 1][1]])
    if kind in gazetteer.PLACE_WORDS or kind in _SITED:
        return True
    if body[toks[i][0] : toks[i][1]] == "on" and _road(body, toks[i + 1 :]):
        return True  # "the Black Isle Bar and Rooms on Church Street": where it stands
    right = body[toks[i + 1][0] : toks[-1][1]]
    if body[toks[i][0] : toks[i][1]] != "in":
        return False
    if label in ("FAC", "LOC", "GPE") and (
        gazetteer.country(right) is not None or gazetteer.city_population(right) >= 100_000
    ):
        return True  # "the Gabba in Brisbane": a ground, then the city it stands in
    return (kind in gazetteer.ORG_WORDS or _named_for_its_field(body, toks, i)) and (
        known_place_name(right) or gazetteer.country(right) is not None
    )


def _named_for_its_field(body: str, toks: list[tuple[int, int]], i: int) -> bool:
    """ "Ministry of Energy", "Institute of Advanced Virology": a body's kind, then "of" its
    field, before "in": the place after it is where it sits. (Not a court's: "High Court in
    Kampala" is the court's own name.)"""
    words = [norm_word(body[s:e]) for s, e in toks[:i]]
    return words[0] in gazetteer.ORG_WORDS and words[0] != "court" and "of" in words[1:-1]


def two_institutions(left: str, right: str) -> bool:
    """ "Harrison College and Combermere School": two institutions, each its own name before
    its kind, that one span drew together. Never one whose second half opens with an English
    word: "Royal Hospital and Medical School" is one. Two streets are always two ("Bank Street
    and Huntly Street", "the junction of Young Street and Ness Walk"), whatever their words."""
    lw, rw = left.split(), right.split()
    if len(lw) < 2 or len(rw) < 2 or not name_like(rw[0]):
        return False
    if norm_word(lw[-1]) in ROAD_WORDS and norm_word(rw[-1]) in ROAD_WORDS:
        return True
    return (
        norm_word(lw[-1]) in _SITED
        and norm_word(rw[-1]) in _SITED
        and not commonwords.is_word(rw[0].casefold())
    )


def _road(body: str, toks: list[tuple[int, int]]) -> bool:
    """Do the tokens name a street: "Church Street", "Forest Avenue"?"""
    return (
        len(toks) >= 2
        and norm_word(body[toks[-1][0] : toks[-1][1]]) in ROAD_WORDS
        and all(name_like(body[s:e]) for s, e in toks)
    )
