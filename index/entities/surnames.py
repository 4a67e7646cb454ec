"""A person's surname alone, and its other spellings, found again where the model missed them.

News introduces a person by full name and then writes the surname ("Steve Whitmore …
Whitmore stated"), sometimes in another outlet's transliteration ("Volodymyr Zelensky …
Zelenskiy thanked"). `resolve._complete` finds these forms again as mentions of the person.
"""

from __future__ import annotations

from ..model import EntityType
from . import commonwords, gazetteer
from .edges import in_lowercase, words_by_head
from .groups import Group, best_name
from .nameforms import known_place_name
from .naming import MIN_VARIANT_TOKEN, close_spelling


def surname_forms(
    body: str, groups: dict[str, Group], types: dict[str, EntityType]
) -> list[tuple[str, str]]:
    """(surname, group key) for each person whose full name the article wrote, when the
    surname can only mean that person: no other entity's name holds it, it is no place or
    demonym, and the article never writes it in lowercase (a common word: "Rose", "Hope")."""
    owners: dict[str, set[str]] = {}
    for key, g in groups.items():
        for text in g.texts(body):
            for word in text.split():
                owners.setdefault(word.strip(".,’'"), set()).add(key)
    out: list[tuple[str, str]] = []
    for key, g in groups.items():
        words = best_name(body, g).split()
        if types.get(key) != "person" or len(words) < 2:
            continue
        surname = words[-1]
        if (
            len(surname) >= 3
            and surname[0].isupper()
            and not surname.isupper()
            and owners.get(surname) == {key}
            and not gazetteer.is_place(surname)
            and not gazetteer.city_population(surname)
            and not gazetteer.is_demonym(surname)
            and not in_lowercase(body, surname)
        ):
            out.append((surname, key))
            out.extend((v, key) for v in spellings(body, surname) if v not in owners)
    return out


def spellings(body: str, surname: str) -> list[str]:
    """Other spellings of a rare surname the article writes on their own: "Zelenskiy" after
    "Volodymyr Zelensky" (a wire copy's transliteration pasted into another outlet's story).
    Only surnames of seven letters or more, one letter apart (see `naming.close_spelling`)."""
    if len(surname) < MIN_VARIANT_TOKEN:
        return []
    size = len(surname)
    found = [w for w in words_by_head(body).get(surname[:3], ()) if abs(len(w) - size) <= 2]
    return [
        w
        for w in found
        if w not in (surname, surname + "s")  # "the Bullocks": the family, a plural
        and close_spelling(w.casefold(), surname.casefold())
        and not commonwords.is_word(w)
        and not known_place_name(w)
    ]
