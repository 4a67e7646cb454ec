"""Places the model cut before a word no English dictionary holds: it tags "Cuatro" of
"Cuatro Cañadas", "Sremska" of "Sremska Mitrovica" and "Klein" of "Klein Windhoek", and the
list then shows a name nobody wrote. A capitalised word right after a place's span, with no
punctuation between, that is no English word, stop word, title, month or demonym, that the
article never writes on its own and that no other name holds, is the rest of the same name:
local names of hills, suburbs and towns are two words of a language the model never learnt.
So is a compass word closing a township's name ("Orlando" + " West", not "… West of").

Only the word after: a word before a place's span is as often a club's or a body's ("Olympique
Marseille", "Coordinadora Campesina") as a suburb's.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from . import commonwords, gazetteer
from .clean import TITLES, Mention
from .edges import in_prose
from .nonnames import CALENDAR
from .placewords import PLACE_PREFIXES
from .wordsearch import count_alone

#: A compass word closing a suburb's or a township's name: "Orlando West", "Whanganui East".
_COMPASS = frozenset({"North", "South", "East", "West", "Central"})
#: ... never a direction from the place ("… West of the river").
_OF = re.compile(r" of\b")
#: The labels of a span the model read as a place.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: The word right after a span, and the word right before one.
_AFTER = re.compile(r" ([^\W\d_][\w’'-]*)(?![\w’'-])")
_BEFORE = re.compile(r"(?<![\w’'.-])([^\W\d_][\w’'-]*) $")


def _name_word(word: str) -> bool:
    """A capitalised word no dictionary, stop list, title list or calendar holds."""
    return (
        len(word) >= 3
        and word[0].isupper()
        and any(c.islower() for c in word)
        and "'" not in word
        and "’" not in word
        and not commonwords.is_word(word)
        and word.casefold() not in PLACE_PREFIXES  # "Barangay": joined by its own rule
        and word.casefold() not in STOP_WORDS
        and word.casefold() not in TITLES
        and word.casefold() not in CALENDAR
        and not gazetteer.is_demonym(word)
        and not gazetteer.country(word)
    )


def _named_town(word: str, names: set[str]) -> bool:
    """ "Windhoek" of "Klein Windhoek": the dictionary lists a few towns, as nouns only; one
    the article also names on its own is a name here too."""
    return word in names and commonwords.only_a_noun(word) and gazetteer.city_population(word) > 0


def _only_within(body: str, word: str, start: int, end: int) -> bool:
    """Does the article write `word` only inside the name `body[start:end]`? A word it also
    writes elsewhere is a name of its own ("Lagos Adeyemi", "… Adeyemi said"), unless it is
    a town the article names (`_named_town`)."""
    whole = body[start:end]
    alone = count_alone(body, word) if word else len(re.findall(r"(?<![\w’'-])(?![\w’'-])", body))
    return alone == body.count(whole)


def _capitalised_after(body: str, pos: int) -> bool:
    """Does a capitalised word start right after `pos` ("Puerto General San Martín": the
    name runs on past one word)?"""
    x = _AFTER.match(body, pos)
    return x is not None and x.group(1)[0].isupper()


def _capitalised_before(body: str, pos: int) -> bool:
    """Does a capitalised word end right before `pos` (the run is longer than the span and
    the word after it, and whose name it is no longer clear)?"""
    x = _BEFORE.search(body, max(0, pos - 30), pos)
    return x is not None and x.group(1)[0].isupper()


def with_name_words(body: str, mentions: list[Mention]) -> list[Mention]:
    """Each place span of one or two words grows by the name word right after it ("Cuatro" +
    " Cañadas"), on a line of prose, when no other mention touches that word and no other
    capital stands on either side. Never a country's span ("Kenya" + a surname is two
    names)."""
    taken = [(m.start, m.end) for m in mentions]
    names = {body[m.start : m.end] for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        text = body[m.start : m.end]
        after = _AFTER.match(body, m.end)
        if (
            m.label in _PLACE_LABELS
            and after is not None
            and len(text.split()) <= 2
            and not gazetteer.country(text)
            and (
                (
                    _name_word(after.group(1))
                    and _only_within(body, after.group(1), m.start, after.end())
                )
                or _named_town(after.group(1), names)
                or (after.group(1) in _COMPASS and not _OF.match(body, after.end()))
            )
            and not any(a < after.end() and m.end < b for a, b in taken)
            and not _capitalised_after(body, after.end())
            and not _capitalised_before(body, m.start)
            and in_prose(body, m.start)
        ):
            m = Mention(m.start, after.end(), m.label, m.titled, m.place_word, m.org_word)
        out.append(m)
    return out
