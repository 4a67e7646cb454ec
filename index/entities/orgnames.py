"""Well-known organisations by name: the hand lists of `knownorgs.py` (companies, agencies,
parties) and the clubs of `sportsnames.py`, as one set for the type vote, one regex for finding
the ones the model missed, and one table of each organisation's other spellings ("EU" and
"European Union"). `gazetteer` re-exports these; every table is built lazily, on first use.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .keys import entity_key
from .knownorgs import KNOWN_ORGS
from .trie import trie_pattern


@cache
def _orgs() -> frozenset[str]:
    from .sportsnames import club_names

    return frozenset(entity_key(n) for n in (*KNOWN_ORGS, *club_names()))


@cache
def known_org_pattern() -> re.Pattern[str]:
    """The known organisations' names as written (case-sensitive, whole words, longest
    first), for finding the ones the model missed; two-letter acronyms ("AP", "UN") are left
    out: too many other things are written that way."""
    from .sportsnames import club_names

    names = [n for n in KNOWN_ORGS if len(n.replace(".", "")) > 2]
    # Clubs of two words or more ("Aston Villa"); one word ("Fenerbahçe") only where the model
    # tagged it.
    names += [n for n in club_names() if " " in n]
    return re.compile(rf"(?<![\w.-])(?:{trie_pattern(names)})(?![\w-]|\.\w)")


@cache
def _org_aliases() -> dict[str, tuple[str, ...]]:
    """key -> keys of the full names of the organisations written so; a club's short name may
    be several clubs' ("Villa")."""
    from .knownorgs import ORG_ALIASES
    from .sportsnames import club_aliases

    out: dict[str, tuple[str, ...]] = {}
    for row in (*ORG_ALIASES, *club_aliases()):
        canon = entity_key(row[0])
        for key in {entity_key(n) for n in row}:
            if canon not in out.get(key, ()):
                out[key] = (*out.get(key, ()), canon)
    return out


@lru_cache(maxsize=8192)
def org_canonical(name: str) -> str | None:
    """The key of the full name of a well-known organisation that `name` is one spelling of
    ("EU" -> "european union"), or None (also when the spelling is several organisations')."""
    canons = _org_aliases().get(entity_key(name), ())
    return canons[0] if len(canons) == 1 else None


@lru_cache(maxsize=8192)
def org_canonicals(name: str) -> tuple[str, ...]:
    """Every well-known organisation `name` is a spelling of ("Villa": Aston Villa, Villarreal)."""
    return _org_aliases().get(entity_key(name), ())


@lru_cache(maxsize=8192)
def is_known_org(name: str) -> bool:
    return entity_key(name) in _orgs()


def warm() -> None:
    known_org_pattern()
    _orgs()
    _org_aliases()
