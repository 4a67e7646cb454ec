"""Person evidence for linking a one-word name to a longer one within an article.

`shortnames.link_short_names` asks these two questions of a one-word name: is it the surname
or the given name of a two- or three-word name nothing makes an organisation or a place
("Jepkorir" of "Mercy Jepkorir"), and is it a given name alone the model read as a place or
an organisation ("Kelsey wanted the ball")?
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer, personnames
from .clean import CONNECTORS, known_place_name
from .groups import Group, _is_person
from .nameforms import known_place_or_region


def person_shaped_words(short: list[str], long: list[str], g: Group) -> bool:
    """A one-word name that ends a two- or three-word name which nothing makes an org or a
    place: a surname, whatever the model called the full name ("Jepkorir" of "Mercy
    Jepkorir", which it read as an organisation); or starts it, when the model wrote the one
    word as a person (a given name: "Gethin" of "Gethin Rowlands")."""
    given = (
        short[:1] == long[:1]
        and _is_person(g)
        and not any(commonwords.is_word(w) for w in long[1:])  # "Danube" of "Danube Daily"
    )
    return (
        len(short) == 1
        and 2 <= len(long) <= 3
        and (long[-1] == short[0] or given)
        and not any(
            w in gazetteer.ORG_WORDS or w in gazetteer.PLACE_WORDS or w in CONNECTORS for w in long
        )
        and not known_place_name(" ".join(long))
        and not gazetteer.is_known_org(" ".join(long))
        and not gazetteer.is_known_org(short[0])
    )


def given_alone(word: str, g: Group) -> bool:
    """ "Kelsey wanted the ball", "“Maeve could silence a room,” he said": a given name the
    world uses and nothing else (no town, no body, no English word), which the model read as a
    place or an organisation, is the one person of the article so named."""
    labels = g.labels()
    name = word.capitalize()
    return (
        labels["GPE"] + labels["LOC"] + labels["ORG"] > 0
        and personnames.given_name(name)
        and not known_place_or_region(name)
        and not (labels["ORG"] and (gazetteer.is_known_org(name) or commonwords.is_word(name)))
    )


#: What an institution named after someone adds to the name ("Edwin Allen High School",
#: "Linden Hollow Elementary"), which news then writes by the name alone.
_INSTITUTIONS = frozenset(
    {"school", "elementary", "college", "academy", "university", "hospital", "clinic"}
    | {"polytechnic", "seminary", "stadium", "airport"}
)
_INSTITUTION_MODIFIERS = _INSTITUTIONS | frozenset(
    {"high", "primary", "secondary", "middle", "junior", "senior", "memorial", "community"}
    | {"technical", "international", "state", "teaching", "general", "children's", "girls"}
    | {"boys", "girls'", "boys'", "grammar", "comprehensive", "public", "catholic", "national"}
)


def institution_named_for(short: list[str], long: list[str], g: Group) -> bool:
    """ "Edwin Allen" of "Edwin Allen High School": a name of two words or more that opens an
    institution's name, which adds only what kind of institution it is, is the institution
    written short ("Edwin Allen have won the girls' title"), when nothing in the article styles
    the short name as someone's (a title before it)."""
    lacking = long[len(short) :]
    return (
        len(short) >= 2
        and long[: len(short)] == short
        and bool(lacking)
        and lacking[-1] in _INSTITUTIONS
        and all(w in _INSTITUTION_MODIFIERS for w in lacking)
        and not any(m.titled for m in g.mentions)
        and not known_place_or_region(" ".join(short))  # "Chiang Mai" beside its university
    )


#: A verb of saying right after a name: "Derby said", "Nakuru told reporters".
_SAID_AFTER = re.compile(r"[’']?\s+(?:said|says|told|added|explained|insisted|warned)\b")


def speaks(body: str, g: Group) -> bool:
    """Is a one-word name written right before a verb of saying? A town never says anything
    that the surname of the article's person of that name could (a city's government that
    "said" is named by its capital, which no person of the article bears)."""
    return any(_SAID_AFTER.match(body, m.end) is not None for m in g.mentions)
