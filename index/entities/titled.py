"""Names a title or a trade opens, found where the model missed or cut them: "Chief Minister
Rakesh Kumar Sinha", "Minister for Health Orla Ní Dhonnchadha", "hairdresser Siobhán Ní
Bhriain", "Police Staff Sergeant" + "Ramil" + "Tolentino Cruz". A title is the surest sign of a
person, so no other cue is asked for; a trade is weaker and asks for a person-shaped name.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from . import gazetteer, personnames
from .anchored import LedPattern
from .clean import TITLES, Mention, within
from .missed import NAME_WORD, free_span, on_stray
from .nameforms import known_place_name
from .rolewords import OCCUPATIONS
from .styles import unstyled
from .trie import trie_pattern


@cache
def _titled_name() -> LedPattern:
    """A capitalised title, then two or three capitalised words: "Chief Minister Rakesh Kumar
    Sinha", "Prosecutor Diego Salazar", "Dr. Ines Varga" (tried only where a title is
    written: `anchored.py`)."""
    leads = [*(t.capitalize() for t in TITLES), *_SEATS, *_HYPHENED]
    titles = trie_pattern(leads)
    # "Minister for Health", "Secretary of State for Foreign Affairs": a portfolio after "for"
    # or "of", in the words portfolios are named by, belongs to the title.
    area = trie_pattern(w.capitalize() for w in _PORTFOLIO_WORDS)
    portfolio = rf"(?:(?:for|of)(?: the)?(?: (?:{area}|State|and))+\s+)?"
    name = rf"({NAME_WORD}(?: {NAME_WORD}){{1,2}})\b"
    pattern = re.compile(rf"\b(?:(?:{titles})\.?\s+{portfolio})+{name}")
    return LedPattern(pattern, leads)


#: Seats written in capitals before a name: "SDLP MLA Bronagh Devine", "Labour MP Ann Orbury".
_SEATS = ("MLA", "MP", "MEP", "MSP", "TD", "MPP", "MPA", "MNA")
#: Titles with a capital after a hyphen: "Attorney-at-Law Ruwan Senanayake" (Sri Lanka).
_HYPHENED = ("Attorney-at-Law",)


def titled_pieces(
    body: str, mentions: list[Mention], stray: list[tuple[int, int]]
) -> list[Mention]:
    """The mentions with a titled full name the model cut into a person and something else made
    one ("Police Staff Sergeant" + "Ramil" (PERSON) + "Tolentino Cruz" (GPE)), or of which it
    tagged only the surname ("Hon. Rose Kamwendo" + "Nyirenda" (ORG)): a person piece opens
    the name or a given name does, nothing crosses its edges, and no word of it is a title,
    an organisation or place word, a demonym or a day. A relative introduced by one name is
    marked as a titled name is (`_kin_named`), and a style of address comes off the name it
    opens (`styles.unstyled`)."""
    out = list(mentions)
    for x in _titled_matches(body):
        start, end = x.span(1)
        inside = within(out, start, end)
        if (
            not inside
            or not (_opened_by_person(inside, start) or _closed_by_a_piece(x, inside, end))
            or on_stray(start, end, stray)
            or known_place_name(x.group(1))
            or any(_not_a_name_word(w) for w in x.group(1).split())
            # "Mayor Ann Lee" + "Manila": a place the gazetteer knows is where, not who
            or any(known_place_name(body[m.start : m.end]) for m in inside if m.label != "PERSON")
        ):
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "CUED", titled=True))
    return unstyled(body, _kin_named(body, out))


#: What introduces someone by one name only: a relative ("survived by his wife, Thandiwe"),
#: "her first name, Jussara", "identified by relatives as Kauã". (Not a list of sons or
#: daughters: other articles' people of the same given name claim those names.)
_KIN_BEFORE = re.compile(
    r"(?:\b(?:his|her|their) (?:wife|husband|widow|widower|son|daughter|brother|sister"
    r"|mother|father|partner|grandson|granddaughter),?"
    r"|\bfirst name,|\bidentified (?:\w+ ){0,3}as) $"
)
#: What may follow such a one-word name: the clause goes on, or speech.
_KIN_AFTER = re.compile(r"[,.;]| said\b| says\b| told\b")


def _kin_named(body: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word person the sentence introduces by that name alone, as a relative or as
    someone who gave no other ("survived by his wife, Thandiwe", "her first name, Jussara"):
    news names ordinary people so, and a relative is a person whatever the word is."""
    out = []
    for m in mentions:
        if (
            m.label == "PERSON"
            and not m.titled
            and " " not in body[m.start : m.end]
            and _KIN_BEFORE.search(body, max(0, m.start - 60), m.start)
            and _KIN_AFTER.match(body, m.end)
        ):
            m = Mention(m.start, m.end, m.label, True, m.place_word, m.org_word)
        out.append(m)
    return out


def _opened_by_person(inside: list[Mention], start: int) -> bool:
    """ "Ramil" (PERSON) + "Tolentino Cruz" (GPE): the model's person opens the name, and
    something else it made closes it."""
    first = min(inside, key=lambda m: m.start)
    return (
        len(inside) >= 2
        and first.label == "PERSON"
        and first.start == start
        and not all(m.label == "PERSON" for m in inside)
    )


def _closed_by_a_piece(x: re.Match[str], inside: list[Mention], end: int) -> bool:
    """ "Hon. Rose Kamwendo" + "Nyirenda" (ORG): the model tagged only the surname, whatever
    it made of it; the title and a given name the world uses before it make the person."""
    first = x.group(1).split()[0]
    return (
        len(inside) == 1
        and inside[0].end == end
        and inside[0].start > x.start(1)
        and personnames.listed_given(first)
        and first.casefold() not in OCCUPATIONS
    )


@lru_cache(maxsize=4)
def _titled_matches(body: str) -> list[re.Match[str]]:
    """The titled names of one article, once (`titled_names`, then `titled_pieces`)."""
    return list(_titled_name().finditer(body))


def _not_a_name_word(word: str) -> bool:
    w = word.casefold()
    return (
        w in TITLES
        or w in gazetteer.ORG_WORDS
        or w in gazetteer.PLACE_WORDS
        or w in _DAYS_AND_MONTHS
        or gazetteer.is_demonym(word)
    )


_DAYS_AND_MONTHS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january"}
    | {"february", "march", "april", "may", "june", "july", "august", "september", "october"}
    | {"november", "december"}
)


@cache
def _traded_name() -> LedPattern:
    """A trade in lowercase, then a name: "hairdresser Siobhán Ní Bhriain", "midwife Aroha
    Tane". Weaker than a title (the trade may describe the name's business: "bakery Maison
    Kayser"), so only a name shaped like a person's counts (`titled_names`)."""
    trades = trie_pattern(OCCUPATIONS)
    return LedPattern(
        re.compile(rf"\b(?:{trades}) ({NAME_WORD}(?: {NAME_WORD}){{1,2}})\b"), OCCUPATIONS
    )


#: Forces a rank is "of": "Deputy Superintendent of Police", "Commissioner of Prisons".
_FORCES = ("police", "prisons", "customs")
#: What ministries are for: "Minister for Health", "Secretary of State for Home Affairs".
_PORTFOLIO_WORDS = frozenset(
    {"health", "finance", "foreign", "affairs", "home", "defence", "defense", "education"}
    | {"justice", "interior", "trade", "economy", "agriculture", "energy", "transport"}
    | {"labour", "labor", "culture", "environment", "housing", "communications", "tourism"}
    | {"sport", "industry", "enterprise", "employment", "security", "planning", "fisheries"}
    | {"mines", "works", "information", "youth", "science", "technology", "social", "welfare"}
    | {"development", "water", "lands", "women", "children", "infrastructure", "immigration"}
    | {"minerals", "mineral", "resources", "investment", "public"}  # "Minister of Minerals and
    # Energy", "Minister of Planning and Investment", "Secretary of Public Security"
    | set(_FORCES)  # "Deputy Superintendent of Police Ramesh Thapa"
)


#: A rank "of Police" (or "of Prisons", "of Customs"): a zone or a division may follow it.
_FORCE_BEFORE = re.compile(rf"\bof (?:the )?(?:{'|'.join(f.capitalize() for f in _FORCES)})\s+$")


def titled_names(body: str, mentions: list[Mention], stray: list[tuple[int, int]]) -> list[Mention]:
    """Full names the model missed right after a title ("Chief Minister Rakesh Kumar Sinha"):
    a title is the surest sign of a person, so no other cue is asked for."""
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    traded = (x for x in _traded_name().finditer(body) if personnames.person_shaped(x.group(1)))
    for x in (*_titled_matches(body), *traded):
        start, end = x.span(1)
        if not free_span(start, end, taken, stray):
            continue
        if _FORCE_BEFORE.search(body, x.start(), start) and not personnames.person_shaped(
            x.group(1)
        ):
            continue  # "Inspector General of Police Northern Zone": a zone, no one's name
        words = x.group(1).split()
        if any(
            w.casefold() in TITLES
            or w.casefold() in gazetteer.ORG_WORDS
            or w.casefold() in gazetteer.PLACE_WORDS
            or gazetteer.is_demonym(w)
            for w in words
        ) or known_place_name(x.group(1)):
            continue
        out.append(Mention(start, end, "CUED", titled=True))
        taken.append((start, end))
    return out


#: A placing word, then a title: where a town named like a titled person may stand.
_PLACING = r"\b(?:in|at|near|from|to|outside|into|of) "
_TITLE_PLACED = re.compile(_PLACING + r"([A-Z][a-z]+) $")
_TITLE_PLACED_BEFORE = re.compile(_PLACING + "$")


def titled_towns(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "in Prince Albert", "to General Santos": a title and the name after it that together
    are a town the gazetteer knows, after a word that places it, are the town, not a titled
    person (the model tags "Albert" alone, "Prince" making him someone)."""
    out = []
    for m in mentions:
        x = (
            _TITLE_PLACED.search(body, max(0, m.start - 24), m.start)
            if _title_word_before(body, m.start)
            else None
        )
        if (
            x is not None
            and x.group(1).casefold() in TITLES
            and gazetteer.city_population(body[x.start(1) : m.end])
        ):
            out.append(Mention(x.start(1), m.end, "GAZETTEER"))
        elif (
            m.label in ("GPE", "LOC", "FAC")
            and (words := body[m.start : m.end].split())[0].casefold() in TITLES
            and len(words) > 1
            and _TITLE_PLACED_BEFORE.search(body, max(0, m.start - 12), m.start)
            and gazetteer.city_population(body[m.start : m.end])
        ):
            # the model read "in Prince Albert" as the town; its title must not make a person
            out.append(Mention(m.start, m.end, "GAZETTEER"))
        else:
            out.append(m)
    return out


def _title_word_before(body: str, start: int) -> bool:
    """Is the word before `start` and a space (or a space and a newline, where `$` matches
    too) a title? Only then is a match of `_TITLE_PLACED` (`\b`-led, tried at each of 24
    positions) of use: its group is that word."""
    lo = max(0, start - 24)
    end = start - 1 if body.endswith("\n", lo, start) else start
    if not body.endswith(" ", lo, end):
        return False
    return body[lo : end - 1].rpartition(" ")[2].casefold() in TITLES


#: A title and "for" or "of" before a portfolio: "Commissioner for" + "Commerce …".
_PORTFOLIO_TITLE = re.compile(
    r"\b(?:Minister|Commissioner|Secretary|Director|Chairman|Chairwoman|Chairperson|Chair|MEC)"
    r"(?:-General)? (?:for|of) $"
)


def portfolio_cut(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Commissioner for Commerce Funmilayo Bakare": a span the model began at the portfolio
    is the person the title and portfolio name, the longest person-shaped end of it."""
    out = []
    for m in mentions:
        words = body[m.start : m.end].split()
        if (
            m.label in ("ORG", "PERSON", "GPE", "NORP")
            and len(words) >= 3
            and _PORTFOLIO_TITLE.search(body, max(0, m.start - 30), m.start)
        ):
            for k in range(1, len(words) - 1):
                tail = " ".join(words[k:])
                if personnames.person_shaped(tail):
                    m = Mention(m.end - len(tail), m.end, "PERSON", True)
                    break
        out.append(m)
    return out
