"""Demonyms and languages: "Iraqi", "Syrians", "North Korean", "Yoruba" name peoples and
tongues, not places or people. Derived from the gazetteer's countries (a country's name with its
last letters swapped for a demonym suffix) and pycountry's living languages; re-exported by
`gazetteer`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from . import gazetteer as g
from .keys import LOOKUP_CACHE, entity_key
from .placenames import DEMONYM_SUFFIXES, DEMONYMS


@lru_cache(maxsize=LOOKUP_CACHE)
def is_demonym(name: str) -> bool:
    """True for "Iraqi", "Syrians", "Turkish", "Kurdish": people and adjectives, not places.

    A word is a demonym when it is not itself a place and is a country's name with its last
    letters swapped for a demonym suffix ("Syri-an" <- Syria, "Iraq-i" <- Iraq, "Leban-ese" <-
    Lebanon). Only a name whose type is otherwise unknown should be dropped on this test: a
    lone "Francis" or "Ghani" also fits it, and the resolver keeps those when they are people.
    """
    return _demonym(entity_key(name), tongues=True)


@lru_cache(maxsize=LOOKUP_CACHE)
def is_national(name: str) -> bool:
    """A country's people ("Italian", "Kenyan", "Afghan"), not only a tongue's ("Mian",
    "Taman", which are names too)."""
    return _demonym(entity_key(name), tongues=False)


def _demonym(key: str, *, tongues: bool) -> bool:
    if not key:
        return False
    if " " in key:
        return _compound_demonym(key)
    if key in DEMONYMS:
        return True
    if key in g._countries() or key in g._other_places():
        return False  # "Philippines" is no plural of "Philippine"
    if key.endswith("s") and key[:-1] in DEMONYMS:
        return True
    if tongues and key in _languages():
        return True  # "Yoruba short stories", "a Tagalog film": a tongue and its people
    countries = g._countries()
    for word in (key, key[:-1]) if key.endswith("s") else (key,):
        if word + "istan" in countries or word + "stan" in countries:
            return True  # "Afghan(s)", "Uzbek", "Kazakh", "Tajik", "Turkmen"
    stems = _country_stems()
    for word in (key, key[:-1]) if key.endswith("s") else (key,):
        # (the word's stems first, once: most words end in no demonym suffix at all)
        if (word_stems := _stems(word, DEMONYM_SUFFIXES)) and any(
            place_word != word and _of_stems(place_word, word_stems)
            for place_word in stems.get(word[:3], ())
        ):
            return True
    return False


def is_language(name: str) -> bool:
    """A living language's name ("Yoruba", "Tagalog"); `is_demonym` counts these too."""
    return entity_key(name) in _languages()


@cache
def _languages() -> frozenset[str]:
    """Keys of the world's living languages (ISO 639-3 via pycountry: "Yoruba", "Tagalog",
    "Quechua"), leaving out the short ones and those that are places, cities or given names
    ("Sara", "Tonga", "Lao")."""
    import pycountry

    from .personnames import listed_name

    out = set()
    for lang in pycountry.languages:
        if getattr(lang, "type", "") != "L" or getattr(lang, "scope", "") not in ("I", "M"):
            continue
        name = re.sub(r"\s*\(.*$", "", lang.name)
        key = entity_key(name)
        if len(key) < 4 or " " in key or key in g._countries() or key in g._other_places():
            continue
        if g.city_population(name) or g.is_region(name) or listed_name(name):
            continue
        out.add(key)
    return frozenset(out)


def _stems(word: str, suffixes: tuple[str, ...]) -> list[str]:
    """What `word` is before each demonym suffix it ends in, where three letters or more are
    left: "kor" ("-ean") and "kore" ("-an") of "korean"."""
    return [word[: -len(s)] for s in suffixes if word.endswith(s) and len(word) - len(s) >= 3]


def _of_stems(place_word: str, stems: list[str]) -> bool:
    """ "korean" of "korea", "lankan" of "lanka", "zealander" of "zealand": the place's word
    starts with one of the demonym's `_stems` and goes on for at most two letters."""
    return any(place_word.startswith(stem) and len(place_word) - len(stem) <= 2 for stem in stems)


def _compound_demonym(key: str) -> bool:
    """ "North Korean", "Sri Lankan", "New Zealander": a country of several words with its
    last word turned into a demonym; never a place itself ("South Sudan")."""
    if key in g._countries() or key in g._other_places():
        return False
    head, _, last = key.rpartition(" ")
    lasts = _compound_countries().get(head, ())
    if not lasts:
        return False
    last_stems = _stems(last, _COMPOUND_SUFFIXES)
    return bool(last_stems) and any(_of_stems(c, last_stems) for c in lasts)


_COMPOUND_SUFFIXES = (*DEMONYM_SUFFIXES, "er")


@cache
def _compound_countries() -> dict[str, tuple[str, ...]]:
    """The last words of the several-word countries, by the words before them ("north" ->
    "korea", "macedonia"): a name's head finds its few countries without reading them all."""
    out: dict[str, list[str]] = {}
    for k in g._countries():
        if " " in k:
            head, _, last = k.rpartition(" ")
            out.setdefault(head, []).append(last)
    return {head: tuple(lasts) for head, lasts in out.items()}


#: Last words of several-word countries that name no nation on their own.
_GENERIC_LAST = frozenset(
    {"republic", "islands", "island", "states", "kingdom", "coast", "territory", "territories"}
    | {"federation", "emirates", "britain", "guinea", "sahara", "faso", "verde", "leste"}
)


@cache
def _country_stems() -> dict[str, tuple[str, ...]]:
    """Country and region words grouped by their first three letters: single-word names, and
    the last word of a several-word country ("korea" of "North Korea", so "Korean")."""
    out: dict[str, set[str]] = {}
    countries = g._countries()
    for key in (*countries, *g._regions_named()):
        words = key.split() or [""]
        if len(words[0]) >= 4:
            out.setdefault(words[0][:3], set()).add(words[0])
        last = words[-1]
        if key in countries and len(words) > 1 and len(last) >= 4 and last not in _GENERIC_LAST:
            out.setdefault(last[:3], set()).add(last)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def warm() -> None:
    _country_stems()
    _compound_countries()
