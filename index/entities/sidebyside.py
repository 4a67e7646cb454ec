"""Two spans side by side with nothing between them that are one name (`joins.join_parts`
asks): a town opening a body's name ("Macapá" + "Saúde Distribuidora"), a company's arm in a
country ("Penguin Random House" + "India"), a given name before a surname the model tagged
apart ("Marta" + "Szymańska").

Kept apart from `joins.py`, whose loop reads them, so each stays small.
"""

from __future__ import annotations

import re

from . import gazetteer, personnames
from .clean import Mention
from .nameforms import NAME_GOES_ON, known_place_name
from .nameparts import name_word
from .nametails import given_name_alone


def town_opens(body: str, prev: Mention, m: Mention) -> bool:
    """A town, one space, then a body's name the lists lack or a "person" whose last word makes
    a body ("Saúde Distribuidora"): one name. Never a country ("US" + "Senate" is the country's
    senate, written either way) but before its national body, a body the lists know ("Federal Reserve"), or "The …"."""
    if prev.label != "GPE" or prev.titled or m.label not in ("ORG", "PERSON"):
        return False
    text = body[m.start : m.end]
    last = text.rsplit(None, 1)[-1].casefold()
    return (
        (m.label == "ORG" or (last in gazetteer.ORG_WORDS and not m.titled))
        and not text.startswith("The ")
        and (not gazetteer.country(body[prev.start : prev.end]) or _national(body, prev, text))
        and not gazetteer.is_known_org(text)
    )


def _national(body: str, prev: Mention, text: str) -> bool:
    """ "Iran" + "National Carpet Center": a country's national body is named with it (but
    "US" + "National Weather Service": a code is only whose it is)."""
    return text.startswith("National ") and not body[prev.start : prev.end].isupper()


def branch_of(body: str, prev: Mention, m: Mention) -> bool:
    """An organisation's name, then a country's with nothing between, and no name going on
    after it: the organisation's branch there ("Amazon India", "Nestlé Nigeria"). Never an
    acronym's ("EU Ukraine summit": a body beside a country it deals with)."""
    org = body[prev.start : prev.end]
    return (
        prev.label == "ORG"
        and m.label in ("GPE", "LOC")
        and not org.replace(".", "").isupper()
        and not known_place_name(org)
        and gazetteer.country(body[m.start : m.end]) is not None
        and NAME_GOES_ON.match(body, m.end) is None
    )


#: One to three capitalised words right after a name: a country's, maybe ("… South Africa").
_WORDS_AFTER = re.compile(r" ([A-Z][\w’'-]+)(?: ([A-Z][\w’'-]+))?(?: ([A-Z][\w’'-]+))?")


def branch_end(body: str, end: int) -> int:
    """Where a well-known body's name ends when its branch in a country follows it with
    nothing between and no name going on after ("Transparency International" + " Vanuatu",
    "Save the Children" + " South Africa"): past the country; else `end`."""
    x = _WORDS_AFTER.match(body, end)
    if x is None:
        return end
    words = [w for w in x.groups() if w]
    for n in range(len(words), 0, -1):
        stop = x.end(n)
        if gazetteer.country(" ".join(words[:n])) and NAME_GOES_ON.match(body, stop) is None:
            return stop
    return end


def given_then_surname(body: str, prev: Mention, m: Mention) -> bool:
    """Two spans side by side, the first opening with a given name the world uses (one word,
    or a person's name: "Ayşe Gülnur"), the second one word that is no place, English word or
    organisation: one person the model read as two spans. Lists always put something between
    two names. A given name the model took for something else before a person's name is
    that person's too ("Mauro" + "Sérgio Teixeira Barbosa")."""
    first, second = body[prev.start : prev.end], body[m.start : m.end]
    if " " in second:
        return m.label == "PERSON" and given_name_alone(first)
    return (
        (" " not in first or prev.label == "PERSON")
        and personnames.given_name(first.split()[0])
        and name_word(second)
    )
