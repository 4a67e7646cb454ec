"""The headlines of related stories that a page's body carries: "Related: Pinetown taxi rank
upgrade stalls again", "Also read: Fermoy solicitor struck off …".

Such a line is a headline in sentence case, and like the article's own headline it opens with
the place its story is about. The model reads the line as prose and, its first word capitalised
by the headline and nothing placing it, tags no name there; the gazetteer's places are taken
only away from a sentence's start. So the line's opening place is read as a headline's is
(`headline.py`): a place the lists know, whole, never a word, a side or someone the article
names.
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer, personnames, sportsnames
from .anchored import finditer_at, line_starts
from .clean import Mention
from .headline import SIDE_VERBS, SIDE_WORDS
from .nameforms import plain_word_place
from .spans import Spans, within

#: What opens a related story's line ("Related:", "More in Culture:", "MORE FROM CITIES:", or
#: an en or em dash for the colon: "Related – "), then its headline's opening capitalised run
#: (up to three words) and the lowercase word after it.
_RELATED = re.compile(
    r"^(?i:Related(?: stories| story| articles?)?|Also read|Read also|Read more|See also"
    r"|Read next|More|(?:More|Also) (?:from|in) [a-z&]+(?: [a-z&]+)?)\s*[:–—]\s*"
    r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}) ([a-z][\w-]*)",
    re.MULTILINE,
)
#: Where the headline's opening run has its owner ("Durban's Playhouse", "Joburg's").
_POSSESSIVE = re.compile(r"[’']s(?= |$)")
#: What follows a side's name in a results headline ("Leeds beat Bolton", "Pirates fined"): the
#: headline's words, its result verbs whatever follows them (a related line is never read
#: for a match), and the club news a related line carries.
_SIDE_WORDS = (
    SIDE_WORDS | SIDE_VERBS | {"fined", "squad", "name", "names", "named", "academy", "appeal"}
)
#: A town smaller than this must be a place first in the lists ("Fermoy"), not only a city's
#: name that is someone's too.
_TOWN = 20_000


def related_places(body: str, mentions: list[Mention], stray: Spans) -> list[Mention]:
    """The mentions with the place opening each related story's headline, where nothing was
    tagged, as a place."""
    out = mentions
    for x in finditer_at(_RELATED, body, line_starts(body)):
        start, end = x.span(1)
        text = x.group(1).rstrip(".")
        if x.group(2) in _SIDE_WORDS:
            continue  # "Leeds beat …"
        owner = _POSSESSIVE.search(text)
        if owner is not None:
            text = text[: owner.start()]  # "Durban's Playhouse to reopen …": the owner's
        end = start + len(text)
        if stray.containing(start, end) is not None or not _a_place(text):
            continue
        if _someone_or_a_side(body, text, out):
            continue
        if within(out, start, end) != []:
            continue  # what the model or a rule read there stands
        out = [*out, Mention(start, end, "PLACE")]
    return out


def _a_place(text: str) -> bool:
    """A place the lists know by this whole name: a country, a region, a place the lists hold or
    a town of 20,000 people; never a demonym, a known body or a side, and a word of English only
    when it names a place first ("Colombo", not "Reading" or "Mobile")."""
    if len(text) < 3 or gazetteer.is_demonym(text) or gazetteer.is_known_org(text):
        return False
    if sportsnames.is_club(text):
        return False  # "Göztepe academy opens …": the club's
    if (
        " " not in text
        and commonwords.is_word(text.casefold())
        and (not plain_word_place(text) or personnames.given_name(text))
    ):
        return False
    return bool(
        gazetteer.country(text)
        or gazetteer.is_region(text)
        or gazetteer.is_place(text)
        or gazetteer.city_population(text) >= _TOWN
    )


def _someone_or_a_side(body: str, text: str, mentions: list[Mention]) -> bool:
    """Does the article name someone whose name holds `text` ("Haldane has run out …" of the
    body's "Mick Haldane"), or a club opening with it ("Cardiff" of "Cardiff City")?"""
    for m in mentions:
        name = body[m.start : m.end]
        if m.label == "PERSON" and f" {text} " in f" {name} ":
            return True
        if name.startswith(f"{text} ") and sportsnames.is_club(name):
            return True
    return False
