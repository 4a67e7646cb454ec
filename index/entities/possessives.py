"""Names with a possessive inside: a family business, a saint's church, a founder's school.

"Hanafin's Bar", "Marcotte's Bakery", "St Hilda's Church", "Ermysted's Grammar School" and
"Skipton Girls' High School" are each one name, but the model stops at the apostrophe: it
tags the owner ("Hanafin" as a town, "Marcotte" as a person) and at most the rest ("Grammar
School"). The same shape is usually an owner and something else ("Britain's Home Office",
"Trump's Justice Department"), so the rule is narrow: after the possessive comes one word
that names a shop, a venue or an institution, at most after one word that only describes
such a place ("Grammar", "Parish"); a saint's name ("St Mary's …") may be followed by
anything capitalised that ends in such a word ("St Mary's Hospital"). The owner is never a
place, a country's people or a well-known organisation ("Harvard's School of …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from . import gazetteer
from .abbreviations import common_abbreviations
from .anchored import LedWords, finditer_at, starts_before
from .clean import Mention, within
from .nameforms import known_place_name

#: What a family business or a venue is called after its owner's name.
_SHOPS = frozenset(
    {"bar", "pub", "inn", "tavern", "bakery", "bakehouse", "butchers", "butcher", "hardware"}
    | {"café", "cafe", "restaurant", "diner", "grill", "kitchen", "deli", "pharmacy"}
    | {"chemist", "chemists", "garage", "store", "stores", "shop", "salon", "bookshop"}
    | {"bookstore", "motors", "farm", "dairy", "hotel", "market", "bistro", "brewery"}
    | {"pizzeria", "takeaway", "jewellers", "jewelers", "florist", "florists", "barbers"}
    | {"nursery", "emporium", "tearoom", "tearooms", "creamery", "distillery", "winery"}
)  # fmt: skip
#: Institutions named after a founder or a saint.
_INSTITUTIONS = frozenset(
    {"school", "college", "academy", "hospital", "clinic", "hospice", "infirmary"}
    | {"university", "institute", "foundation", "home", "orphanage", "seminary"}
)  # fmt: skip
#: Buildings of worship: a saint's church is a building to some writers, a parish to others.
_WORSHIP = frozenset(
    {"church", "chapel", "cathedral", "basilica", "abbey", "minster", "mosque", "temple"}
    | {"synagogue", "shrine", "monastery", "priory", "kirk"}
)  # fmt: skip
#: Words that only describe such a place, between the possessive and what it is.
_DESCRIPTORS = frozenset(
    {"grammar", "high", "primary", "secondary", "junior", "senior", "infant", "infants"}
    | {"community", "memorial", "parish", "general", "catholic", "collegiate", "village"}
    | {"family", "corner", "fish", "coffee", "tea", "book", "pet", "wine"}
)  # fmt: skip
#: Describing words only a founder's school takes after the possessive ("Ashwell's Grammar
#: School"); a town's "Primary School" or "General Hospital" is the town's.
_FOUNDERS = frozenset({"grammar", "collegiate"})
_SAINT = r"(?:St\.?|Saint|Ste\.?|Santa|San|All(?= (?:Saint|Soul|Hallow)))"  # "All Saints’ …"
_NAME = r"[A-ZÀ-ÞĀ-Ž][a-zß-ÿā-ž-]+"
_APOSTROPHE = r"(?:’s|'s|s’|s')"


def _alternation(words: frozenset[str]) -> str:
    return "|".join(sorted((w.capitalize() for w in words), key=len, reverse=True))


@cache
def _pattern() -> re.Pattern[str]:
    words = _alternation(_SHOPS | _INSTITUTIONS | _WORSHIP)
    return re.compile(
        rf"(?<![\w’'.-])(?:(?P<saint>{_SAINT} {_NAME}){_APOSTROPHE}(?: {_NAME}){{0,2}}"
        rf"|(?P<owner>(?:{_NAME} )?(?:Girl|Boy)|{_NAME}){_APOSTROPHE}"
        rf"(?: (?P<described>{_alternation(_DESCRIPTORS)}))?)"
        rf" (?:{words})(?![\w’'-])(?P<more> {_NAME}(?![\w’'-]| [A-Z]))?"
    )


# Every match holds a word for such a place after a space ("… Bar", "… School"): those
# words are found first (in the scan `LedPattern`s share: their own automaton was one more
# scan of every body), the owner's words read back from each (at most four: "St. Mary’s
# Roman Catholic"), and the pattern tried only at their capitals (`anchored.py`).
_PLACE_WORDS = LedWords(w.capitalize() for w in _SHOPS | _INSTITUTIONS | _WORSHIP)


_WORDS_BEFORE = re.compile(r"\S+(?: \S+){0,3}")
_CAPITAL = re.compile("[A-ZÀ-ÞĀ-Ž]")


def _matches(body: str) -> Iterator[re.Match[str]]:
    """`_pattern().finditer(body)`, tried only before a word for such a place."""
    ends = [at - 1 for at in _PLACE_WORDS.starts(body) if at >= 1 and body[at - 1] == " "]
    return finditer_at(_pattern(), body, starts_before(body, ends, _WORDS_BEFORE, _CAPITAL))


def possessive_names(body: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with each possessive name of a business, venue or institution made one
    mention, in place of the parts the model tagged inside it."""
    out = list(mentions)
    for x in _matches(body):
        start, end = x.span()
        described = (x.group("described") or "").casefold() in _FOUNDERS
        if _owner_is_something_else(x.group("owner") or x.group("saint"), described):
            continue
        if x.group("more") is not None and x.group("saint") is None:
            end = x.start("more")  # "Hanafin's Bar Tuesday": only a saint's name runs on
        inside = within(out, start, end)
        if inside is None:
            continue  # a longer name the model or a rule already holds
        last = body[start:end].rsplit(" ", 1)[-1].casefold()
        label = "FAC" if last in _WORSHIP else "ORG"
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, label, org_word=label == "ORG"))
    return sorted(_owned_places(body, common_abbreviations(body, out)), key=lambda m: m.start)


#: A possessive and a capitalised word after a name: "Hawke" + "'s Bay" (the headline's too).
OWNED = re.compile(r"[’']s [A-Z][\w-]+")


def _owned_places(body: str, mentions: list[Mention]) -> list[Mention]:
    """A place whose name is a possessive ("Hawke's Bay", "Martha's Vineyard") the model cut
    at the owner: the whole is the place when the gazetteer knows it."""
    out = mentions
    for m in mentions:
        x = OWNED.match(body, m.end)
        if x is None or not gazetteer.is_place(body[m.start : x.end()]):
            continue
        inside = within(out, m.start, x.end())
        if inside is not None:
            out = [o for o in out if o not in inside]
            out.append(Mention(m.start, x.end(), "PLACE"))
    return out


def _owner_is_something_else(owner: str, described: bool = False) -> bool:
    """ "Britain's …", "Harvard's …", "San Francisco's …": an owner the world knows as a
    place, a people or an organisation owns something; it does not name it. Before a word
    only a founder's school takes (`described`: "Ashwell's Grammar School") a village the
    lists hold is the founder's name all the same: only a land or a big city owns that
    ("Britain's Grammar Schools")."""
    if gazetteer.is_demonym(owner) or gazetteer.is_known_org(owner):
        return True
    if described:
        return (
            gazetteer.is_country_or_region(owner)
            or gazetteer.main_city_population(owner) >= _OWNING_CITY
        )
    return known_place_name(owner)


#: How big a city must be to own a school or a shop a word describes ("Leeds's Grammar …").
_OWNING_CITY = 100_000


#: Up to four capitalised words right after a plural possessive: "Port Workers'" + " Unity
#: Council".
_NAME_AFTER = re.compile(r"[’'] ((?:[A-Z][\w’'-]+ ){0,3}[A-Z][\w’'-]+)(?![\w’'-])")
#: Bodies of the state or of a sport, which a group's plural possessive owns but never names
#: ("the Democrats' Senate majority", "the Gunners' Premier League title").
_OTHERS_BODIES = frozenset(
    {"senate", "congress", "parliament", "assembly", "court", "cabinet", "government"}
    | {"league", "ministry", "police", "army", "commission", "tribunal"}
)


def members_body_end(body: str, end: int) -> int:
    """Where the body a group's plural possessive names ends, when the model stopped at the
    apostrophe ("Chattogram Port Workers'" + " Unity Council"); else `end`."""
    if body[end - 1 : end] != "s" or not (tail := _NAME_AFTER.match(body, end)):
        return end
    name = tail.group(1)
    last = name.rsplit(None, 1)[-1].casefold()
    if last not in gazetteer.ORG_WORDS or gazetteer.is_known_org(name) or last in _OTHERS_BODIES:
        return end
    return tail.end()


#: A royal possessive right before a name opens it, as a saint's does ("St Canice's Gaels").
_ROYAL_BEFORE = re.compile(r"(?<![\w’'-])(?:Queen|King|Prince|Princess|Duke)(?:’s|'s) $")


def royal_start(body: str, m: Mention) -> int:
    """Where a name opened by a royal possessive starts ("Queen's" + "Park Savannah", "King's"
    + "College Hospital"); else `m.start`. Never before a place of its own: "the Prince's
    London home" is in London."""
    if m.start < 2 or not body.startswith("s ", m.start - 2):
        return m.start
    royal = _ROYAL_BEFORE.search(body, max(0, m.start - 12), m.start)
    if royal is None or known_place_name(body[m.start : m.end]):
        return m.start
    return royal.start()


#: An office holder's court or office: "Magistrate" + "'s Court", "Attorney General" + "'s
#: Office", "Coroner" + "'s Court".
_OFFICE_AFTER = re.compile(
    r"[’']s (?:[A-Z][\w-]+ )?(?:Court|Office|Department|Chambers)(?![\w’'-])"
)
_HOLDERS = frozenset(
    {"magistrate", "coroner", "sheriff", "registrar", "prosecutor", "general", "attorney"}
    | {"governor", "mayor", "premier", "president", "minister"}
)


def office_end(body: str, m: Mention) -> int:
    """Where the court or office an office holder's possessive names ends, when the model
    stopped at the holder ("Jaffna Magistrate" + "'s Court", "Attorney General" + "'s
    Office"); else `m.end`."""
    office = _OFFICE_AFTER.match(body, m.end)
    holder = body[m.start : m.end].rsplit(None, 1)[-1].casefold()
    return office.end() if office is not None and holder in _HOLDERS else m.end
