"""Football clubs and stadiums the world's news names (`sportsnames.txt`, from openfootball's
public-domain lists; `bench/openfootball.py` makes it).

The small model reads "Aston Villa" as a person, "Fenerbahçe" as a place and "Anfield" as an
organisation. A list of what clubs and grounds are called fixes that, but only for names that
are nothing else: a club named after its town ("Liverpool", "Bologna") is the town until the
sentence says it plays (`matches.py`); one called "Chelsea", "Villa" or "Arsenal" is a given
name, a surname or a word; "Young Boys" is two words. Those are left to context.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from . import commonwords, personnames
from .keys import entity_key
from .nameforms import known_place_or_region


def _rows() -> tuple[list[list[str]], list[list[str]]]:
    text = resources.files(__package__).joinpath("sportsnames.txt").read_text(encoding="utf-8")
    clubs: list[list[str]] = []
    venues: list[list[str]] = []
    into = clubs
    for line in text.splitlines():
        if line.startswith("##"):
            into = venues if line == "## Venues" else clubs
        elif line and not line.startswith("#"):
            into.append(line.split(" | "))
    return clubs, venues


def _unmarked(name: str) -> str:
    return name.removeprefix("~")


def _distinctive(name: str) -> bool:
    """A name nothing else is called: not a place, a person, a word or a short acronym."""
    words = name.split()
    if any(w.isupper() and len(w) <= 4 for w in words) and len(words) == 1:
        return False  # "AEK", "PSV": acronyms of too many other things
    if known_place_or_region(name) or all(_everyday(w) for w in words):
        return False  # "Liverpool", "Young Boys", "Sporting"
    if len(words) == 1:
        return (
            len(name) >= 5
            and not commonwords.is_word(name)
            and not commonwords.plural_noun(name)
            and not personnames.listed_name(name)
            and not _demonym(name)
        )
    return not _person_named(words)


def _everyday(word: str) -> bool:
    """An English word or plural that is no city's name (the word lists hold "Newcastle")."""
    from . import gazetteer

    return (commonwords.is_word(word) or commonwords.plural_noun(word)) and not (
        gazetteer.country(word) or gazetteer.main_city_population(word) >= 100_000
    )


def _person_named(words: list[str]) -> bool:
    """ "Gil Vicente"-shaped: a given name and a surname, neither a word nor a place, which a
    person is called as often as the club named after him ("Aston Villa", "West Ham" are not)."""
    return (
        len(words) == 2
        and not any(w.isupper() or commonwords.is_word(w) for w in words)
        and not known_place_or_region(words[0])
        and personnames.listed_given(words[0])
        and personnames.surname(words[1])
    )


def _demonym(name: str) -> bool:
    from . import gazetteer

    return gazetteer.is_demonym(name) or gazetteer.is_language(name)


@cache
def club_names() -> frozenset[str]:
    """Clubs' names that mean the club wherever they stand ("Aston Villa", "Fenerbahçe"); not
    those marked "~", a town's too."""
    return frozenset(n for row in _rows()[0] for n in row if n[0] != "~" and _distinctive(n))


@cache
def _club_keys() -> frozenset[str]:
    return frozenset(map(entity_key, club_names()))


@lru_cache(maxsize=8192)
def is_club(name: str) -> bool:
    """A name `club_names` holds."""
    return entity_key(name) in _club_keys()


@cache
def club_aliases() -> tuple[tuple[str, ...], ...]:
    """Rows of one club's names (never a town's: "Liverpool" the city is not Liverpool FC), so
    that "Lech" and "Lech Poznań" in one article are one club."""
    out = []
    for row in _rows()[0]:
        names = tuple(n for n in map(_unmarked, row) if not known_place_or_region(n))
        if len(names) >= 2:
            out.append(names)
    return tuple(out)


@cache
def club_town_names() -> dict[str, tuple[str, ...]]:
    """key of a club's short name that is also a town's ("Lech", "Benfica") -> keys of the full
    names of the clubs so called: one only where the article names the club in full."""
    out: dict[str, tuple[str, ...]] = {}
    for row in _rows()[0]:
        canon = entity_key(_unmarked(row[0]))
        for name in map(_unmarked, row[1:]):
            if " " not in name and known_place_or_region(name):
                key = entity_key(name)
                if canon not in out.get(key, ()):
                    out[key] = (*out.get(key, ()), canon)
    return out


@cache
def _venues() -> frozenset[str]:
    """Grounds by their names, but not a saint's ("St Andrew's" is a church and a town too)."""
    keys = (entity_key(n) for row in _rows()[1] for n in row if n[0] != "~" and _distinctive(n))
    return frozenset(k for k in keys if not k.startswith(("st ", "saint ", "san ", "santa ")))


#: What only a hall's or a mall's name ends with: the building where shows, fairs and
#: meetings are held or shops stand, named by its kind ("Queen Sirikit National Convention
#: Centre", "Montego Bay Civic Centre", "Maya Lifestyle Shopping Center"), never the body
#: that runs it (a "Health Centre", a "Research Centre" is one).
_HALL_KINDS = frozenset(
    {"convention", "exhibition", "conference", "civic", "leisure", "shopping", "events"}
)


@lru_cache(maxsize=8192)
def is_venue(name: str) -> bool:
    """A stadium the lists know ("Anfield", "Estadio Mestalla"), or a hall or a mall its
    kind names ("… Convention Centre")."""
    key = entity_key(name)
    if key in _venues():
        return True
    words = key.rsplit(None, 2)[-2:]
    return len(words) == 2 and words[1] in ("centre", "center") and words[0] in _HALL_KINDS
