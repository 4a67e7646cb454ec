"""Institutions the model missed, named by what they are at the end of a capitalised run
("Galway County Council began repairs", "Avon and Somerset Police", "Mensah Pillai Attorneys",
"Euro Politics Daily"), and institutions it cut at "and" ("Development Forum" of "Gambella Peace
and Development Forum"). Never a run that is a title or a place, never across the edge of a name
already found; what the model tagged inside as a place it serves ("Avon") is part of it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import commonwords, gazetteer
from .clean import POSSESSIVE_END, TITLES, Mention, within
from .describedorgs import LOWER_TAIL
from .edges import STARTERS, in_prose, sentence_start
from .missed import FIRST_NAME_WORD, NAME_WORD, on_stray
from .nameforms import known_place_name, known_place_or_region
from .namewords import OUTLET_WORDS
from .roads import STREET_NAMED_BEFORE

#: Firms named for their trade ("Arkwright Therapeutics", "Kestrel Holdings"), never "of" a
#: place ("Arkwright Therapeutics of Cambridge" is where the firm is).
_TRADES = frozenset(
    {"therapeutics", "pharmaceuticals", "pharma", "biosciences", "holdings", "technologies"}
    | {"logistics", "airlines", "airways", "laboratories", "industries", "enterprises"}
)
#: Trades that close a small firm's name, which the model often leaves untagged ("Two Rivers
#: Media", "Gully Press", "Reefsure Charters", "Kamau Hardware"): no person's or place's name
#: ends with one. `_FIELDS` also name a sector ("Social Insurance", "Digital Media"), so a
#: firm's name needs a word before them that is no adjective.
_FIELDS = frozenset(
    {"media", "capital", "digital", "energy", "mining", "packaging", "construction", "travel"}
    | {"consulting", "investments", "securities", "insurance", "publishing", "shipping"}
    | {"freight", "textiles", "chemicals", "solutions"}
)
_FIRMS = _FIELDS | frozenset(
    {"press", "pictures", "films", "productions", "partners", "advisory", "advisors"}
    | {"advisers", "ventures", "tours", "charters", "cinemas", "motors", "hardware", "bakery"}
    | {"bookshop", "booksellers", "foods", "farms", "studios", "records", "consultancy"}
    | {"consultants", "builders", "contractors", "editions", "brewery"}
)
#: The last word of an institution's name: "Galway County Council", "Tarn Valley Police".
_INSTITUTIONS = frozenset(
    {"council", "police", "university", "ministry", "commission", "authority", "hospital"}
    | {"court", "party", "union", "agency", "constabulary", "tribunal", "assembly"}
    | {"trust", "foundation", "society", "association", "federation", "institute", "college"}
    | {"school", "academy", "league", "committee", "bureau", "fund", "corporation", "clinic"}
    | {"library", "museum", "gallery", "orchestra", "chamber", "syndicate", "guild", "office"}
    | {"department", "directorate", "secretariat", "cooperative", "alliance", "coalition"}
    | {"sacco", "saccos"}  # a savings and credit cooperative: "Nakuru Wheels Riders SACCO"
    | {"service", "services"}  # "North Wales Fire and Rescue Service"
    # law firms: "Motaung Pillay Attorneys", "Toledo Vasconcellos Advogados"
    | {"advocates", "attorneys", "solicitors", "barristers", "advogados", "abogados", "avocats"}
    | {"fc", "afc", "f.c."}  # clubs: "Lagos Harbour FC"
    | {"company", "club", "schools", "elementary", "gaa"}  # "Dayton Public Schools"
    # "… Peace and Development Forum", "Trinidad and Tobago Cricket Board"
    | {"forum", "network", "initiative", "board"}
    | _TRADES
    | _FIRMS
    | (OUTLET_WORDS - {"journal"})  # "Euro Politics Daily", "Steppe Monitor"
)
#: Words a sentence may open with before an institution's name: "At May Pen Hospital, …",
#: "An Enugu State High Court sitting in …" (never "An Post": no institution word ends it).
_OPENERS = frozenset({"a", "an", "at", "in", "on", "from", "by", "with", "to", "under", "as"})
#: What someone is of an institution, before its name: "Fellow of All Souls College".
_MEMBERSHIPS = frozenset({"fellow", "member", "members", "dean", "head", "principal", "rector"})
#: A club's name ("Lagos Harbour FC"), or a run of two to six capitalised words. Both open
#: with the name's first word, written once and capital first (`FIRST_NAME_WORD`) so that `re`
#: skips to capitals; a space must follow that word either way, so it can end in one place
#: only, and trying both continuations after it finds what the two whole alternatives did.
#: Inside the run, two initialisms a slash joins count as one word ("Karnataka State IT/ITeS
#: Employees Union"): a union or a department named for two trades or fields.
_SLASHED = r"[A-Z]{2}[A-Za-z]*/[A-Z]{2}[A-Za-z]*"
_RUN_TAIL = rf"(?: (?:of |for |and )?(?:{NAME_WORD}|{_SLASHED})){{1,5}}"
_RUN = re.compile(
    rf"({FIRST_NAME_WORD}(?:(?: (?:of |for |and )?{NAME_WORD}){{0,5}} (?:A?FC|F\.C\.|SACCOS?)"
    rf"|{_RUN_TAIL}))(?![\w’'-])"
)
#: The same runs where the body writes no club's or SACCO's form (most bodies): the club's
#: alternative, tried after every capitalised word, cannot match there.
_PLAIN_RUN = re.compile(rf"({FIRST_NAME_WORD}{_RUN_TAIL})(?![\w’'-])")


def institutions(body: str, mentions: list[Mention], stray: list[tuple[int, int]]) -> list[Mention]:
    """The mentions with the institutions the model missed, named by what they are at the end
    of a capitalised run ("Galway County Council began repairs", "Avon and Somerset Police"):
    never a run that is a title ("Prime Minister") or a place ("Pacific Union"), never across
    the edge of a name already found; what the model tagged inside it ("Avon") is part of it.
    Every mention takes the saint's abbreviation or number word that opens its name ("St.
    Joseph Parish School", "Seven Peaks Treks")."""
    out = list(mentions)
    for start, end in _runs(body):
        words = body[start:end].split()
        if _INSTITUTIONS.isdisjoint([w.casefold() for w in words]):
            continue  # (most runs) what is kept below ends in, or holds, an institution's word
        while words and (
            words[0].casefold() in STARTERS
            or words[0].casefold() == "the"
            or words[0].casefold() in _OPENERS
            or LOWER_TAIL.search(words[0])  # "Windhoek-based", "Kremlin-backed"
            # what the firm is, opening a sentence: "Developer Atlantic Uplands Energy says"
            or (len(words) > 2 and _descriptor(body, start, words[0]))
        ):
            start += len(words[0]) + 1
            words = words[1:]
        if len(words) > 3 and words[1] == "of" and _membership(body, start, words[0]):
            start += len(words[0]) + 4  # "Fellow of All Souls College": the college
            words = words[2:]
        cut = next((i for i, w in enumerate(words[1:-1], 1) if w == "of"), 0)
        if cut and words[cut - 1].casefold() in _TRADES:
            end = start + len(" ".join(words[:cut]))  # "Arkwright Therapeutics" of Cambridge
            words = words[:cut]
        if len(words) < 2 or not (words[-1].casefold() in _INSTITUTIONS or _institution_of(words)):
            continue
        if words[-1].casefold() in _FIRMS:
            if "and" in words:  # "Disques Wouri Sound and Ebobolo Records": two names
                cut = len(words) - words[::-1].index("and")
                start += len(" ".join(words[:cut])) + 1
                words = words[cut:]
            if len(words) < 2 or (
                words[-1].casefold() in _FIELDS
                and all(commonwords.is_adjective(w) for w in words[:-1])
            ):
                continue  # "the Law on Social Insurance", "Digital Media": a field, no firm
        if words[-1].casefold() in OUTLET_WORDS and {"for", "of", "and"} & set(words):
            # an outlet's name has no connector: "Souleymane Ag Ahmed for The Sahel Ledger"
            cut = max(i for i, w in enumerate(words) if w in ("for", "of", "and")) + 1
            start += len(" ".join(words[:cut])) + 1
            words = words[cut:]
            if words and words[0] == "The":
                start += 4
                words = words[1:]
            if len(words) < 2:
                continue
        inside = within(out, start, end)
        if (
            inside is None
            # the model's organisation that ends the run is its tail ("Development Forum" of
            # "Gambella Peace and Development Forum"), one that its members' possessive ends is
            # its head ("Elgon Women" of "Elgon Women's SACCO"); any other inside is a place it
            # serves
            or not all(
                _served(body, m)
                or _cut_at_connector(body, start, m, end)
                or _members_head(body, start, m)
                for m in inside
            )
            or on_stray(start, end, stray)
        ):
            continue
        if any(w.casefold() in TITLES for w in words[:-1]) or known_place_name(body[start:end]):
            continue
        if any(POSSESSIVE_END.search(w) and not _MEMBERS.search(w) for w in words[:-2]):
            continue  # "Hong Kong's High Court": an owner and its institution
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "ORG", org_word=True))
    return [_with_opener(body, m) for m in out]


#: A saint's abbreviation right before a name ("St. Joseph Parish School", "Sto. Niño
#: Academy"), whose stop ended the model's span and the capitalised run; not a street's
#: ("Main St. Joseph said"), which a capitalised word opens.
_SAINT_BEFORE = re.compile(r"(?<![\w.’'-])(?:St|Sto|Sta|Ste)\. $")
#: A number word capitalised mid-sentence right before a name opens it ("Kathmandu-based
#: Seven Peaks Treks", "Three Gorges Dam"), as it does nowhere else in prose; not one that
#: ends another name (`_NAME_BEFORE`: "World War Two Germany"; a possessive, "China's Three
#: Gorges Dam", or "Kathmandu-based" is none).
_NUMBER_BEFORE = re.compile(
    r"(?<![\w’'-])(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve) $"
)
#: The last letters of `_NUMBER_BEFORE`'s words.
_NUMBER_LAST = frozenset("eorxnt")
_NAME_BEFORE = re.compile(r"(?<![\w’'-])[A-Z]\w*(?:-[A-Z]\w*)* $")


def _with_opener(body: str, m: Mention) -> Mention:
    """`m` with the saint's abbreviation, or the number word, that opens its name."""
    if m.label == "PERSON":
        return m
    # Both patterns end in a stop or a number word's last letter, then a space: those two
    # characters are read first, as most names follow neither (this runs on every mention).
    tail = body[max(0, m.start - 2) : m.start]
    if tail == ". ":
        x = _SAINT_BEFORE.search(body, max(0, m.start - 5), m.start)
        if x is not None and not STREET_NAMED_BEFORE.search(
            body, max(0, x.start() - 30), x.start()
        ):
            return replace(m, start=x.start())
        return m
    if tail[1:] != " " or tail[:1] not in _NUMBER_LAST:
        return m
    x = _NUMBER_BEFORE.search(body, max(0, m.start - 7), m.start)
    if (
        x is None
        or sentence_start(body, x.start())
        or not in_prose(body, x.start())
        or _NAME_BEFORE.search(body, max(0, x.start() - 30), x.start())
        # nor before a country, a city or a known body: "Phase Two Kenya"
        or gazetteer.country(text := body[m.start : m.end])
        or gazetteer.city_population(text) >= 100_000
        or gazetteer.is_known_org(text)
    ):
        return m
    return replace(m, start=x.start())


#: What a business is, written before its name at a sentence's start ("Developer Atlantic
#: Uplands Energy says"): agent nouns that open no name themselves (never "Trust", "Group",
#: "King": "King Saud University").
_DESCRIPTORS = frozenset(
    {"developer", "operator", "contractor", "investor", "retailer", "producer", "supplier"}
    | {"distributor", "lender", "insurer", "publisher", "broadcaster", "broker", "miner"}
    | {"carmaker", "chipmaker", "brewer", "builder", "exporter", "importer", "manufacturer"}
)


def _descriptor(body: str, start: int, word: str) -> bool:
    """Does `word`, opening a sentence at `start`, say what the name after it is ("Developer
    Atlantic Uplands Energy"), being no part of that name?"""
    return word.casefold() in _DESCRIPTORS and sentence_start(body, start)


def _cut_at_connector(body: str, start: int, m: Mention, end: int) -> bool:
    """The model's organisation ends the run, which it cut at "and" or "of": "Development
    Forum" of "Gambella Peace and Development Forum". Never at "of": "Alvin Yeung of Civic
    Party" is a person and his party."""
    return m.label == "ORG" and m.end == end and bool(_CONNECTOR.search(body, start, m.start))


_CONNECTOR = re.compile(r" and ")


def _runs(body: str) -> list[tuple[int, int]]:
    """The capitalised runs, each cut after an institution's word that "and" follows: "Linden
    Hollow Elementary and Cedarcrest Elementary" are two schools."""
    out = []
    club = "FC" in body or "F.C." in body or "SACCO" in body
    for x in (_RUN if club else _PLAIN_RUN).finditer(body):
        start, end = x.span(1)
        # (most runs hold no "and": the pattern, tried at each character, is not)
        for y in _AND.finditer(body, start, end) if body.find(" and ", start, end) >= 0 else ():
            if y.group(1).casefold() in _INSTITUTIONS:
                out.append((start, y.start(1) + len(y.group(1))))
                start = y.end()
        out.append((start, end))
    return out


_AND = re.compile(r"(\S+) and ")


def _institution_of(words: list[str]) -> bool:
    """ "Greater Sudbury Chamber of Commerce": an institution word, then "of" and what it is
    of, closing a run that something names before the institution word."""
    if "of" not in words[2:-1]:
        return False
    i = len(words) - 1 - words[::-1].index("of")
    before = words[i - 1].casefold()
    return before in _INSTITUTIONS and before not in _TRADES and i >= 2 and len(words) - i <= 3


def _membership(body: str, start: int, word: str) -> bool:
    """ "Fellow of …", and at a sentence's start "Officers of …", "Pupils of …": who belongs
    to the institution, not its name."""
    return word.casefold() in _MEMBERSHIPS or (
        sentence_start(body, start) and commonwords.plural_noun(word)
    )


#: A group's possessive, which names the members of a body, not its owner: "Fishermen's" of
#: "Point Pedro Fishermen's Cooperative Society", "Women's" of "Elgon Women's SACCO".
_MEMBERS = re.compile(r"(?:men|children|people)[’']s$", re.IGNORECASE)


def _members_head(body: str, start: int, m: Mention) -> bool:
    """The model's organisation opens the run and ends at its members' possessive: "Elgon
    Women" + "'s SACCO"."""
    return (
        m.label == "ORG"
        and m.start == start
        and bool(_MEMBERS.search(body, max(0, m.end - 9), m.end + 2))
    )


def _served(body: str, m: Mention) -> bool:
    """Is a mention inside an institution's name only a place it serves ("Avon" and
    "Somerset" of "Avon and Somerset Police", whatever label the model gave a lone word),
    never an organisation or a person's full name ("X University and Y University")?"""
    text = body[m.start : m.end]
    return m.label in ("GPE", "LOC", "NORP", "FAC") or (
        # a lone word, a place and a word ("Queensland Fire" of "… and Emergency Services"), or
        # a place of two words ("Wagga Wagga" of "… Agricultural and Pastoral Society")
        m.label == "PERSON"
        and (" " not in text or known_place_or_region(text.split()[0]) or known_place_name(text))
    )
