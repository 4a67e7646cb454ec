"""Well-known organisations by name: the hand lists of `knownorgs.py` (companies, agencies,
parties) and the clubs of `sportsnames.py`, as one set for the type vote, one regex for finding
the ones the model missed (`literals.py`), and one table of each organisation's other spellings ("EU" and
"European Union"). `gazetteer` re-exports these; every table is built lazily, on first use.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from .keys import entity_key
from .knownorgs import KNOWN_ORGS
from .literals import LiteralNames


@cache
def _org_tables() -> tuple[frozenset[str], frozenset[str]]:
    """Keys of the names, and of the names written in capitals ("SWIFT", "MARTA", "NATO"),
    which other text answers only in capitals or where it is no word or person's name
    (`_caps_answer`)."""
    from .sportsnames import club_names

    names = (*KNOWN_ORGS, *club_names())
    caps = frozenset(entity_key(n) for n in names if _acronym(n))
    return frozenset(entity_key(n) for n in names if not _acronym(n)), caps


def _acronym(name: str) -> bool:
    return name.isupper() and len(name) >= 3 and " " not in name


@lru_cache(maxsize=8192)
def _caps_answer(name: str) -> bool:
    """May `name` be an acronym the lists write in capitals? Written so, yes; "Nato" and
    "Unesco" too, as British news writes them; never "Swift", "Marta" or "Bart": a surname or
    a given name first."""
    if name.isupper():
        return True
    from . import personnames

    return " " not in name and not personnames.listed_name(name)


def _orgs() -> frozenset[str]:
    return _org_tables()[0]


@cache
def known_org_names() -> LiteralNames:
    """The known organisations' names as written (case-sensitive, whole words, longest
    first), for finding the ones the model missed; two-letter acronyms ("AP", "UN") are left
    out: too many other things are written that way."""
    from .sportsnames import club_names

    names = [n for n in KNOWN_ORGS if len(n.replace(".", "")) > 2]
    # Clubs of two words or more ("Aston Villa"); one word ("Fenerbahçe") only where the model
    # tagged it.
    names += [n for n in club_names() if " " in n]
    return LiteralNames(names)


@cache
def _alias_tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(key -> keys of the full names of the organisations written so, the same for the
    spellings in capitals only). A club's short name may be several clubs' ("Villa"). An
    acronym ("SWIFT", "MARTA") answers only text in capitals: "Swift" and "Marta" are people."""
    from .knownorgs import ORG_ALIASES
    from .sportsnames import club_aliases

    out: dict[str, tuple[str, ...]] = {}
    caps: dict[str, tuple[str, ...]] = {}
    for row in (*ORG_ALIASES, *club_aliases()):
        canon = entity_key(row[0])
        for name in row:
            table = caps if _acronym(name) else out
            key = entity_key(name)
            if canon not in table.get(key, ()):
                table[key] = (*table.get(key, ()), canon)
    return out, caps


def _org_aliases(name: str) -> tuple[str, ...]:
    words, caps = _alias_tables()
    key = entity_key(name)
    found = words.get(key, ())
    if key in caps and _caps_answer(name):
        found += tuple(c for c in caps.get(key, ()) if c not in found)
    return found


@lru_cache(maxsize=8192)
def org_canonical(name: str) -> str | None:
    """The key of the full name of a well-known organisation that `name` is one spelling of
    ("EU" -> "european union"), or None (also when the spelling is several organisations')."""
    canons = _org_aliases(name)
    return canons[0] if len(canons) == 1 else None


def spelling_keys(keys: Iterable[str]) -> list[str]:
    """The `keys` (each an `entity_key`) that spell some well-known organisation, the only
    ones `org_canonical` can answer: tested here on the tables, not through its cache, for the
    headline's every name (most of them no organisation's)."""
    words, caps = _alias_tables()
    return [k for k in keys if k in words or k in caps]


@lru_cache(maxsize=8192)
def org_canonicals(name: str) -> tuple[str, ...]:
    """Every well-known organisation `name` is a spelling of ("Villa": Aston Villa, Villarreal)."""
    return _org_aliases(name)


@lru_cache(maxsize=8192)
def is_known_org(name: str) -> bool:
    key = entity_key(name)
    return key in _orgs() or (key in _org_tables()[1] and _caps_answer(name))


def warm() -> None:
    known_org_names()
    _org_tables()
    _alias_tables()
