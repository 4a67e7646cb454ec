"""The world's given names and surnames, read once: Faker's curated lists of some eighty
locales and `worldnames.txt`, for the cultures Faker misses.

`personnames` asks these lists whether a word is a given name or a surname; reading them
lives here so that the questions stay apart from the loading (nothing is downloaded and no
Faker generator is built).
"""

from __future__ import annotations

import importlib
import pkgutil
import unicodedata
from functools import cache

_GIVEN_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
                "first_romanized_names", "first_names_male_romanized",
                "first_names_female_romanized")  # fmt: skip
_SURNAME_ATTRS = ("last_names", "last_names_male", "last_names_female", "last_romanized_names")


@cache
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames), casefolded, from every locale's person provider; empty when
    Faker is not installed (the rules that read them then never fire)."""
    try:
        import faker.providers.person as people
    except ImportError:  # pragma: no cover - Faker is a pinned dependency
        return frozenset(), frozenset()
    given: set[str] = set()
    surnames: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        provider = getattr(importlib.import_module(f"{people.__name__}.{module.name}"),
                           "Provider", None)  # fmt: skip
        for attrs, out in ((_GIVEN_ATTRS, given), (_SURNAME_ATTRS, surnames)):
            for attr in attrs:
                names = getattr(provider, attr, ())
                if isinstance(names, dict):  # weighted lists: {name: frequency}
                    names = names.keys()
                if isinstance(names, (list, tuple, set, frozenset, type({}.keys()))):
                    out.update(n.casefold() for n in names if isinstance(n, str) and " " not in n)
    world_given, world_surnames = _world_names()
    given |= world_given
    surnames |= world_surnames
    # Some locales list names without their accents ("Ayse" for "Ayşe"): match both ways.
    return frozenset(given | {bare(n) for n in given}), frozenset(
        surnames | {bare(n) for n in surnames}
    )


def _world_names() -> tuple[set[str], set[str]]:
    """(given names, surnames), casefolded, of `worldnames.txt`: the cultures Faker's locales
    miss ("Chidi", "Unai", "Huia", "Okonkwo-" …). Names of several words are left out: the
    lists answer one word at a time."""
    from importlib import resources

    text = resources.files(__package__).joinpath("worldnames.txt").read_text(encoding="utf-8")
    given: set[str] = set()
    surnames: set[str] = set()
    into = given
    for line in text.splitlines():
        if line.startswith("## "):
            into = given if line.startswith("## Given") else surnames
        elif line and not line.startswith("#") and " " not in line:
            into.add(line.casefold())
    return given, surnames


def bare(word: str) -> str:
    """`word` without its diacritics ("ayşe" -> "ayse", "józef" -> "jozef")."""
    if word.isascii():  # most names: nothing to strip
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
