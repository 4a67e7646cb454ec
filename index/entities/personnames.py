"""Given names and surnames the world uses, as evidence that a name is a person's.

The small model reads many people it has rarely seen as organisations or places: "Cristina
Villareal" as an organisation, "Karim El Amrani" as a place, "Marta" and "Szymańska" as two
places. What news writes for a person is a given name and a surname, and whether a word is a
given name somewhere in the world is knowable: Faker keeps curated lists of the common given
names and surnames of some eighty locales (Arabic, Chinese, Hindi, Yoruba, Polish, Spanish,
Vietnamese …, with romanised forms), ~31,000 given names and ~28,000 surnames. They are read
once from the installed package; nothing is downloaded and no Faker generator is built.

Many given names are also English words ("Hope", "Chance", "Mark") or places ("Florence",
"Jordan", "Victoria"), so `given_name` leaves those out: the lists only ever add evidence
where the word is nothing else.
"""

from __future__ import annotations

import re
from functools import cache

from . import commonwords, gazetteer
from .namelists import bare, name_lists
from .namewords import COMPASS
from .rolewords import OCCUPATIONS
from .wordlists import SURNAME_PARTICLES

#: Words inside surnames ("Karim El Amrani", "Ana De Souza") that are English words too.
_PARTICLES = SURNAME_PARTICLES | frozenset(
    {"el", "al", "bin", "ibn", "ben", "abu", "mac", "mc", "ní", "nic", "ó", "ua", "ap", "ab"}
    | {"los", "las"}
)


#: Given names that are everyday English words too, so never evidence: "Grace said", "Will
#: Power", "Mark Stanley". (The word index `commonwords` reads holds "John" and "David" as
#: well, from WordNet's proper nouns, so it cannot tell these apart.)
_WORD_NAMES = frozenset(
    {"grace", "hope", "faith", "joy", "mark", "will", "bill", "rose", "lily", "daisy", "iris"}
    | {"dawn", "may", "june", "april", "august", "summer", "autumn", "winter", "sky", "rain"}
    | {"storm", "river", "ocean", "forest", "chance", "guy", "art", "frank", "sterling", "king"}
    | {"prince", "major", "bishop", "pearl", "ruby", "amber", "jade", "crystal", "holly", "ivy"}
    | {"olive", "violet", "heather", "hazel", "ginger", "candy", "honey", "angel", "precious"}
    | {"patience", "prudence", "charity", "mercy", "trinity", "destiny", "harmony", "melody"}
    | {"sunny", "rusty", "buck", "hunter", "archer", "mason", "carter", "cooper", "baker"}
    | {"taylor", "miles", "penny", "sandy", "misty", "brook", "cliff", "dale", "glen", "heath"}
    | {"lane", "ray", "rich", "rod", "jack", "bob", "don", "nick", "pat", "sue", "van", "bud"}
    | {"chip", "colt", "drew", "gene", "gale", "jay", "kit", "lance", "max", "page", "reed"}
    | {"rob", "wade", "ward", "warren", "wren", "robin", "sage", "cash", "star", "happy", "lucky"}
    | {"young", "royal", "noble", "justice", "liberty", "unity", "victory", "early", "best"}
    | {"general", "colonel", "judge", "abbot", "dean", "rector", "marshal", "gay", "free", "else"}
    | {"atlas", "villa", "ocean", "lion", "fox", "wolf", "bear", "hawk", "stone", "wood", "field"}
)


#: The birth-order names that open Balinese names after "I" or "Ni" ("I Wayan Sumerta").
BALINESE_ORDER = frozenset(
    {
        "Wayan",
        "Putu",
        "Gede",
        "Made",
        "Kadek",
        "Nengah",
        "Nyoman",
        "Komang",
        "Ketut",
        "Luh",
        "Gusti",
    }
)
_STREET_WORDS = frozenset({"ave", "st", "rd", "blvd", "dr", "ln", "sq", "pl", "hwy"})
#: Streets' kinds that end no one's name of three words or more.
_THOROUGHFARES = frozenset(
    {"street", "road", "avenue", "boulevard", "lane", "highway", "mawatha", "caddesi", "ulica"}
)


def _folded(word: str) -> str:
    return bare(word.casefold())


@cache
def given_name(word: str) -> bool:
    """Is `word` a given name and nothing else a capitalised word could be here: not an
    everyday English word (`_WORD_NAMES`), not a place, a demonym or a well-known organisation?"""
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    folded = _folded(word)
    if folded not in name_lists()[0] or folded in _WORD_NAMES or folded in COMPASS:
        return False
    return not (
        gazetteer.is_place(word)
        or gazetteer.main_city_population(word) >= 100_000  # a town: some are "Cristina"
        or gazetteer.is_demonym(word)
        or gazetteer.is_known_org(word)
    )


def listed_given(word: str) -> bool:
    """In some locale's given names, whatever else the word is ("Bill", "Jack")."""
    return _folded(word) in name_lists()[0]


def listed_name(word: str) -> bool:
    """A given name or a surname in some locale's lists, whatever else the word is."""
    return listed_given(word) or surname(word)


def surname(word: str) -> bool:
    """Is `word` a surname in some locale's list? (Weak alone: "Ford", "Madrid".)"""
    return _folded(word) in name_lists()[1]


def person_shaped(name: str) -> bool:
    """A given name, then one to three capitalised words that are no English words:
    "Cristina Villareal", "Karim El Amrani". The whole name must not be a place or a
    well-known organisation the gazetteer knows."""
    words = name.split()
    if _vietnamese(words):
        return not (gazetteer.is_place(name) or gazetteer.is_known_org(name))
    if not 2 <= len(words) <= 4 or not (
        given_name(words[0]) or _hyphened_given(words[0]) or _word_given(words)
    ):
        return False
    rest = words[1:]
    # A surname that is an English lemma too (WordNet lists "Delorme", "Newton") counts after
    # a given name ("Sabine Delorme"), and anywhere after the first surname. `given_name` has
    # already turned away the everyday words ("Grace", "Will"); WordNet's "Sabine" is no such word.
    # A second given name the lists hold may follow the first ("Mohamed Amine Bennani
    # Smires"), though a dictionary has it too.
    given = given_name(words[0]) or _hyphened_given(words[0])
    if not all(
        w[:1].isupper()
        and (
            w.casefold() in _PARTICLES
            or not commonwords.is_word(w.strip(".,’'"))
            or (surname(w.strip(".,’'")) and (w is not rest[0] or (given and _no_kind(w))))
            or (w is rest[0] and len(rest) >= 2 and given and given_name(w.strip(".,’'")))
            or (w is rest[-1] and w.casefold() in _WORD_SURNAMES)
        )
        for w in rest
    ):
        return False
    last = rest[-1].strip(".,’'")
    if last.casefold() in _STREET_WORDS or (commonwords.plural_noun(last) and not surname(last)):
        return False  # "Collins Ave", "Atlas Lions"
    if len(rest) >= 2 and last.casefold() in _THOROUGHFARES:
        return False  # "Abdel Moneim Street" is named after someone; "Mary Street" may be her
    return not (gazetteer.is_place(name) or gazetteer.is_known_org(name))


#: Surnames that are English words because English took the word from the people or the
#: office they name, so no list of names holds them: the Himalayan "Sherpa" and "Lama" close
#: many a Nepali or Tibetan name ("Ang Dorje Sherpa", "Karma Lama"). Only there: alone, or
#: before a noun ("Sherpa guides"), the word is a people's name.
_WORD_SURNAMES = frozenset({"sherpa", "lama"})


def _hyphened_given(word: str) -> bool:
    """ "Ana-Maria", "Jean-Baptiste": a given name of two, each one the lists hold."""
    parts = word.split("-")
    return len(parts) == 2 and all(given_name(p) for p in parts)


#: The articles of Spanish and Arabic, which open places ("El Olivar", "Al Khor") as often as
#: they open surnames ("El Khomri") or a given name of the same spelling a person's ("Al Gore").
_ARTICLES = frozenset({"El", "Al", "La"})


def article_led(name: str) -> bool:
    """ "El Cuchillo", "Al Nahda": an article before one word no name list holds. Only the
    article's own sentences can say whether someone is meant ("El Khomri said")."""
    words = name.split()
    return len(words) == 2 and words[0] in _ARTICLES and not listed_name(words[1])


def calling(word: str) -> bool:
    """A trade or a role a report puts before a name: "Herder", "Seamer", "Principal"; never
    a word a list holds as a given name or surname ("Baker", "Hunter"). Not any noun: "Gift",
    "Memory" and "Sultan" open names."""
    return _trade(word) and not listed_name(word)


def _trade(word: str) -> bool:
    w = word.strip(".,’'").casefold()
    return _trade_before_name(w) or w in _ROLES


#: The endings of English nouns for someone who does something: "Hotelier", "Restaurateur",
#: "Florist", and the compounds of a trade: "Farmworker", "Shopowner", "Coffee-grower".
_AGENT_ENDINGS = ("ier", "eur", "ist")
_AGENT_WORDS = ("worker", "owner", "grower", "keeper", "dealer", "trader", "maker")


#: Dictionary nouns with an agent's ending that are things, or firms ("Carmaker Stellantis").
_THINGS = frozenset(
    {"barrier", "glacier", "frontier", "dossier", "premier", "cavalier", "schist", "trivet"}
    | {"automaker", "carmaker", "chipmaker", "drugmaker", "planemaker", "steelmaker"}
)


def agent_noun(word: str) -> bool:
    """Is `word` (lowercase) an English noun for a person by what she does, which the hand
    list of callings lacks? A dictionary noun with an agent's ending, or a compound closing
    with a trade; never a people's name ("Brazilian"), nor a name a list holds ("Glazier")."""
    tail = next((t for t in _AGENT_WORDS if word.endswith(t)), "")
    if tail:
        known = word in commonwords.nouns() or (
            len(word) > len(tail) + 2 and word[: -len(tail)].rstrip("-") in commonwords.nouns()
        )
    elif word.endswith(_AGENT_ENDINGS) and len(word) >= 6:  # not "wrist", "heist", "tier"
        known = word in commonwords.nouns()
    else:
        return False
    return (
        known
        and word not in _THINGS
        and not gazetteer.is_demonym(word)
        and not listed_name(word.title())
    )


#: Roles a local report writes capitalised before a name at a sentence's start.
_ROLES = frozenset({"principal", "headteacher", "headmaster", "headmistress", "chairperson"})


def led_by_trade(words: list[str]) -> bool:
    """ "Jockey Luke Tarrant", "Farmer Ngaio Hura": a trade before a full name is no part of
    it. Unlike `calling`, a surname's trade counts ("Farmer"): the full name after it already
    has its surname; a given name's does not ("Baker Mayfield"); nor a school's role, which
    `edges._glued_starter` takes off when the surname recurs or the rest is a person's name."""
    return (
        len(words) >= 3
        and _trade_before_name(words[0].strip(".,’'").casefold())
        and not listed_given(words[0])
        and person_shaped(" ".join(words[1:]))
    )


#: Honorifics that only ever open a name, before two words or more of it: Myanmar's "U" and
#: "Daw" ("U Kyaw Zin Htet"; "Ko" and "Ma" only where one is styled so: `styles.py`), the
#: "Sayyed" of Lebanon and Iraq and the Kurdish "Kak" (both surnames too when they close a
#: name: "Jamil Sayyed", "Subhash Kak"; and "Sayyid Qutb" is a given name before one word);
#: a Zulu or Tswana chief's "Nkosi" and "Kgosi", a Dagbon chief's "Naa", a Fijian chiefly
#: woman's "Adi", Swahili's "Bi" (Ms), Spanish "Doña", and police ranks written short before a
#: name in South Asia and Nigeria ("SP Funmilayo Adeniran").
LEADING_HONORIFICS = frozenset(
    {"U", "Daw", "Sayyed", "Sayyid", "Kak", "Nkosi", "Kgosi", "Naa", "Adi", "Bi", "Doña"}
    | {"SP", "ASP", "DSP", "SSP"}
)


def led_by_style(words: list[str]) -> bool:
    """A trade ("Jockey Luke Tarrant") or a leading honorific before a person's name of two
    words or more ("Daw Khin Sandar Win", "Kak Sardar Mahmoud Aziz"): no part of it."""
    if words[0] in LEADING_HONORIFICS:
        rest = words[1:]
        return len(rest) >= 2 and all(_syllable(w) for w in rest)
    return led_by_trade(words)


def _syllable(word: str) -> bool:
    """A name's word: "Kyaw", "Nasrallah", or one with its Arabic article, "al-Sadr"."""
    return _NAME_WORD.fullmatch(word) is not None


_NAME_WORD = re.compile(r"(?:(?:al|el|ad|as|ash|an|ar|at)-)?[A-ZÀ-Þ][a-zà-ÿ’']+")


def _trade_before_name(word: str) -> bool:
    return word in OCCUPATIONS or agent_noun(word)


def _no_kind(word: str) -> bool:
    """Not a word that says what a place or a body is ("Margaret Bridge", "Lydia Hall")."""
    w = word.strip(".,’'").casefold()
    return w not in gazetteer.PLACE_WORDS and w not in gazetteer.ORG_WORDS


#: The middle names that mark most Vietnamese names, a woman's and a man's: "Pham Thi Thu Ha".
VIETNAMESE_MIDDLE = frozenset({"Thi", "Thị", "Van", "Văn"})


def _vietnamese(words: list[str]) -> bool:
    """A surname, a middle name, then one or two given names: "Nguyen Van An"."""
    return (
        3 <= len(words) <= 4
        and words[1] in VIETNAMESE_MIDDLE
        and surname(words[0])
        and all(w[:1].isupper() and len(w) <= 6 for w in words)
        # never the street, market or ward named after someone: "Nguyen Van Cu Street" (but
        # "Bay" and "Dam" are given names too: "Nguyen Van Bay")
        and words[-1].casefold() not in _VIETNAMESE_KINDS
    )


#: Kinds of place and body Vietnamese news writes after a person's name.
_VIETNAMESE_KINDS = frozenset(
    {"street", "road", "avenue", "boulevard", "ward", "commune", "canal", "market", "bridge"}
    | {"park", "school", "hospital", "university", "college", "district", "square", "station"}
)


def _word_given(words: list[str]) -> bool:
    """ "Mercy Chepkorir", "Grace Mwangi": a given name that is also a word ("Mercy"), before
    a surname the lists hold that is no word: the surname settles it."""
    last = words[-1].strip(".,’'")
    return (
        len(words) == 2
        and listed_given(words[0])
        and words[0][:1].isupper()
        and surname(last)
        and not commonwords.is_word(last)
    )


def unlike_a_person(name: str) -> bool:
    """A name of two words or more that no person bears: it ends in a plural noun ("Paper
    Lanterns", a band) or holds a shouted word past the first ("Xanh SM"). Surnames that are
    words ("Woods", "Young") are in the surname lists and never count. (A name ending in any
    English word is no such sign: the word index holds "Trump" and "Wilkins" too.)"""
    words = [w.strip(".,’'") for w in name.split()]
    if len(words) < 2 or not all(words):
        return False
    last = words[-1]
    if surname(last) or listed_given(last):
        return False
    if last.casefold() in _KINDS:
        return True  # "Zaman Town", "Gerald Estates", "Arts Festival", "Wagga Show"
    if commonwords.plural_noun(last) and not listed_given(words[0]):
        return True  # "Paper Lanterns", never "Lachlan Oakes"
    if (
        len(words) == 2
        and len(last) >= 4
        and gazetteer.main_city_population(last) >= 20_000
        and not surname(words[0])
        and not listed_given(words[0])
    ):
        return True  # a club or a firm and its town: "Lech Poznań", "Raków Częstochowa"
    return any(len(w) >= 2 and w.isalpha() and w.isupper() and not _ROMAN.fullmatch(w)
               for w in words[1:])  # fmt: skip


_ROMAN = re.compile(r"[IVX]+|JR|SR")
#: Kinds of place and of gathering that close a name and no person's (a family name of the
#: same spelling, "Fair" or "Mall", is in the surname lists and read first): a district named
#: after a man ("Zaman Town", "Gerald Estates") or a show ("Wagga Show") is his no more.
_KINDS = frozenset(
    {"town", "estate", "estates", "centre", "center", "village", "colony", "settlement"}
    | {"crossing", "circle", "sector", "cemetery", "building", "complex", "compound", "terrace"}
    | {"festival", "show", "meeting", "carnival", "expo", "convention", "conference", "summit"}
    | {"rally", "parade", "concert", "briefing", "tournament", "championship", "marathon"}
    | {"primary", "secondary"}  # schools named so: "Cascade Hill Secondary", "Kamwala Primary"
)
