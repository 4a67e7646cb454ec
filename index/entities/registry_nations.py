"""Whose body is it? The country a body's name says it belongs to, for cross-article merges.

One acronym stands for bodies of many countries: "AFP" is the Australian Federal Police in one
article and a French news agency credited in another's dateline. An article that writes the bare
acronym gives no expansion to compare (registry_links.py `_one_body` compares two), but a body
whose name says its country ("Australian Federal Police", "National Police of Peru") is
seldom meant by an article that never names that country. International bodies ("European
Union", "International Monetary Fund") name no country and are never held apart here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .keys import entity_key
from .placenames import DEMONYM_SUFFIXES


@lru_cache(maxsize=4096)
def nation_stems(name: str) -> tuple[str, ...]:
    """How the countries a name says it belongs to begin ("australi" of "Australian Federal
    Police", "peru" of "National Police of Peru"); () when it names none."""
    from . import demonyms, gazetteer

    out: list[str] = []
    for word in name.split():
        key = entity_key(word)
        if not key or " " in key:
            continue
        if gazetteer.country(word):
            out.append(key)
        elif word[:1].isupper() and demonyms.is_national(word):
            countries = gazetteer._countries()
            out.extend(
                stem
                for stem in (key[: -len(s)] for s in DEMONYM_SUFFIXES if key.endswith(s))
                if len(stem) >= 3
                and any(c.startswith(stem) and len(c) - len(stem) <= 2 for c in countries)
            )
    return tuple(dict.fromkeys(out))


def names_nation(text: str, stems: tuple[str, ...]) -> bool:
    """Does `text` name one of these countries, by its name or its people ("Peruvian")? A
    short one ("US", "UK") only as a whole word."""
    return any(
        re.search(rf"\b{re.escape(stem)}" + ("" if len(stem) >= 4 else r"\b"), text, re.I)
        for stem in stems
    )
