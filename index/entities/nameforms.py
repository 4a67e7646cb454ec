"""What a word or a name looks like: a word that can be part of a name, a name shaped like a
person's, a name the gazetteer knows as a place. Small checks every cleaning and linking step
asks; `clean` re-exports them.
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer
from .wordlists import CONNECTORS, PARTICLES, SURNAME_PARTICLES

#: A name written with a lowercase prefix before its capital: "iTaukei", "eThekwini",
#: "kwaMashu" (never an acronym's "mRNA", "xAI").
PREFIXED_NAME = re.compile(r"[a-z]{1,3}[A-Z][a-z]+")
#: A saint's name opens many a church's, school's, park's or club's: "St Columb's Park".
SAINTS = ("St ", "St. ", "Saint ", "Ste ", "Ste. ")
#: A capitalised word right after a name: another name goes on there ("India Today", "Sheikh
#: Hamdan").
NAME_GOES_ON = re.compile(r" [A-Z]")


def norm_word(word: str) -> str:
    """A word as the word lists hold it: lowercase, without edge punctuation ("Minister,")."""
    return word.strip(".,:’'").casefold()


def name_like(word: str) -> bool:
    """A word that can be part of a name: capitalised, or a particle-hyphen form ("al-Sham")."""
    if not word[:1].isalpha():
        return word[:1].isdigit() and any(ch.isupper() for ch in word)
    if word[0].isupper():
        return True
    head, dash, tail = word.partition("-")
    return bool(dash) and head in PARTICLES and tail[:1].isupper()


def person_shaped(name: str) -> bool:
    """Two or three capitalised words, none an organisation, place or people word ("Chinese
    People’s …", "Workers"), not a place."""
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words if w.isalpha())
        and not any(
            norm_word(w) in gazetteer.ORG_WORDS
            or norm_word(w) in gazetteer.PLACE_WORDS
            or norm_word(w) in _GROUP_WORDS
            or gazetteer.is_demonym(w)
            for w in words
        )
        and not known_place_name(name)
    )


#: Words for groups of people that name an org's members, never a person: "People’s".
_GROUP_WORDS = frozenset({"people", "peoples", "workers", "women", "men", "children", "citizens"})


def known_place_name(name: str) -> bool:
    """A place the gazetteer knows by this name, a country, region or town of any size."""
    return gazetteer.is_place(name) or gazetteer.city_population(name) > 0


def plain_word_place(word: str) -> bool:
    """Is a word the lemma index holds (its lowercase copies of place names included) a
    place's name first: a country, or a noun and nothing else that names a city of 300,000
    people or a region with no big town of that name ("Colombo", "Punjab", "Yorkshire"),
    never a plain word ("Gold", "Mobile") or a smaller town ("Rugby", "Paradise")?"""
    if gazetteer.country(word):
        return True
    if not commonwords.only_a_noun(word):
        return False
    population = gazetteer.city_population(word)
    if population >= 300_000:
        return True
    return population < 100_000 and (gazetteer.is_region(word) or gazetteer.is_place(word))


def two_places(left: str, right: str) -> bool:
    """Are `left` and `right`, written with "and" between them, two places ("Florence and
    Rome") rather than one ("Bosnia and Herzegovina", "Trinidad and Tobago")?"""
    return (
        known_place_name(left)
        and known_place_name(right)
        and not known_place_name(f"{left} and {right}")
    )


def known_place_or_region(name: str) -> bool:
    """`known_place_name`, or a first-level region of some country ("Queensland", "Gwynedd"),
    which is weaker evidence alone (`gazetteer.is_region`) but is a place all the same."""
    return known_place_name(name) or gazetteer.is_region(name)


def latin_script(text: str) -> bool:
    """Are the letters of `text` Latin, accents included ("Łódź", "Nguyễn"), as English news
    writes names? Not Cyrillic, Greek, Arabic, Hebrew, Devanagari or Han."""
    if text.isascii():
        return True
    return all(not ch.isalpha() or ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF for ch in text)


#: Characters no name is written with: markup ("[bold]", "<b>"), pipes, escapes, controls.
_MARKUP_RE = re.compile(r"[\[\]<>{}|\\=*#@^~`_\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plausible_name(name: str) -> bool:
    """Could a reader write `name` as a name? Never with markup characters in it, and only
    with a word whose first letter is a capital ("Léonie Duchêne", "3M", "al-Sham")."""
    if _MARKUP_RE.search(name):
        return False
    if name[:1].isalpha() and name[:1].isupper():
        return True  # most names: their first word's first letter, with no split
    return any(_first_letter(w).isupper() for w in WORD_BREAKS.split(name))


#: What separates the words of a name, hyphens included ("al-Sham").
WORD_BREAKS = re.compile(r"[\s-]+")


def _first_letter(word: str) -> str:
    return next((ch for ch in word if ch.isalpha()), "")


def surname_opening(words: list[str]) -> bool:
    """ "dela Cruz", "van der Merwe", "de los Santos": a surname that opens with its lowercase
    particles, and goes on with a capitalised word."""
    if words[0] not in SURNAME_PARTICLES:
        return False
    rest = [w for w in words[1:] if w not in CONNECTORS]
    return bool(rest) and all(name_like(w) for w in rest)


#: Irish words after "An", the Irish article, in the names of bodies: "An Post", "An Garda
#: Síochána", "An Bord Pleanála", "An Taisce", "An Chomhairle Ealaíon", "An Roinn Oideachais".
_IRISH_AFTER_AN = frozenset(
    {"post", "garda", "bord", "taisce", "chomhairle", "roinn", "coimisiún", "cosán", "phoblacht"}
)


def opening_article(body: str, toks: list[tuple[int, int]]) -> bool:
    """Is the span's first word an article that opens no name? "the Hayat Tahrir al-Sham",
    "an Oyo State High Court"; never "The Hague" (a city whose name holds it), the Irish
    article ("An Post", "An Bord Pleanála") or a name ("An Se-young", "A Plus Academy")."""
    first = body[toks[0][0] : toks[0][1]]
    if first.casefold() == "the":
        city = first == "The" and gazetteer.main_city_population(body[toks[0][0] : toks[-1][1]])
        return not city
    if first.casefold() not in ("a", "an"):
        return False
    if body[toks[1][0] : toks[1][1]].casefold() in _IRISH_AFTER_AN:
        return False
    if first.islower():
        return True  # "said an Oyo State High Court": mid-sentence, an article
    # Capitalised, it is the article only opening a sentence, before a body's name, and no
    # city or body the lists know holds it: not "An Se-young", "An Giang", "A Plus Academy".
    last = body[toks[-1][0] : toks[-1][1]].casefold()
    whole = body[toks[0][0] : toks[-1][1]]
    return (
        # a sentence's start: "… said. An Oyo …", "IBADAN, Nigeria — An Oyo …"
        (body[max(0, toks[0][0] - 8) : toks[0][0]].rstrip()[-1:] in ("", *'.!?\n"“—–:'))
        and last in gazetteer.ORG_WORDS
        and not (gazetteer.main_city_population(whole) or gazetteer.is_known_org(whole))
    )


#: What says the number after it is a body's own: "Sindicato … Número 1", "Branch No. 4".
_NUMBER_WORDS = frozenset({"no", "nº", "nr", "number", "número", "numero", "numéro", "nummer"})
#: The small words a body's name holds between its words, joined once (not for every word).
_SMALL_WORDS = CONNECTORS | PARTICLES


def numbered_body(words: list[str], i: int) -> bool:
    """Is the number `words[i]` of an organisation's span part of its name: after a word that
    numbers it ("Número 1"), or short, before more of a name that ends in the kind of body it
    is ("Mile 12 Perishable Food Traders Association")? A year between two names is no part
    of one, and the model's span then holds two."""
    if norm_word(words[i - 1]) in _NUMBER_WORDS:
        return True
    return (
        len(words[i]) <= 3
        and norm_word(words[-1]) in gazetteer.ORG_WORDS
        and all(name_like(w) or w.casefold() in _SMALL_WORDS for w in words[i + 1 :])
    )
