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

from . import commonwords, gazetteer, personnames
from .clean import TITLES, Mention
from .edges import in_prose, sentence_start
from .nonnames import CALENDAR
from .placewords import PLACE_PREFIXES, PLACE_WORDS, ROAD_WORDS, VENUE_WORDS
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


#: The capitalised kind that ends a place's name ("… Road", "… City", "… Stadium").
_KIND_WORDS = PLACE_WORDS | ROAD_WORDS | VENUE_WORDS
#: Titles a place is named after with its namesake: "Sheikh Zayed Road", "King Fahd Airport",
#: "Queen Elizabeth Park" (a mayor's or a coach's title opens no place's name).
_NAMESAKE_TITLES = frozenset({"sheikh", "king", "queen", "prince", "princess", "sultan", "emir"})
#: A day or a month written in full before a place's name, as `CALENDAR` holds their
#: abbreviations: "On Tuesday" + "Victoria Station", "Last Friday" + "Marina Bay City".
_DAYS_AND_MONTHS = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    | {"January", "February", "March", "April", "May", "June", "July", "August"}
    | {"September", "October", "November", "December"}
)
#: Up to three capitalised words right before a span, one space apart.
_RUN_BEFORE = re.compile(r"(?<![\w’'.-])((?:[A-ZÀ-ÞĀ-Ž][\w’'-]* ){1,3})$")


def _run_start(body: str, start: int) -> int:
    """Where the capitalised words right before `start` that can open a place's name begin
    (`start` when none can): no stop word ("In", "The"), no owner ("Istanbul's"), no day or
    month, and no common English word opening a sentence ("Outside Green Park")."""
    x = _RUN_BEFORE.search(body, max(0, start - 60), start)
    if x is None:
        return start
    pos = start
    for w in reversed(x.group(1).split()):
        f = w.casefold()
        if (
            f in STOP_WORDS
            or f.endswith(("'s", "’s", "'", "’"))
            or w in CALENDAR
            or w in _DAYS_AND_MONTHS
        ):
            break
        if w.isupper() and len(w) > 1:
            break  # "MRT" + "Queen Sirikit station": an operator's acronym, not the place's
        if f in TITLES and f not in _NAMESAKE_TITLES:
            break  # "Head Coach" + "Brian Field": an office holder's, never a place's name
        pos -= len(w) + 1
    if pos < start and sentence_start(body, pos):
        first = body[pos : body.index(" ", pos)]
        if commonwords.is_word(first) and not gazetteer.is_place(first):
            pos += len(first) + 1
    return pos


def with_words_before_kind(body: str, mentions: list[Mention]) -> list[Mention]:
    """A span that ends with a place's capitalised kind ("Road", "City", "Stadium") runs back
    over the capitalised words written right before it: the model cut "Sheikh" off "Sheikh
    Khalifa Bin Zayed Road", "Old" off "Old Peter Mokaba Stadium", "Kigali" off "Kigali Green
    City", and the list showed a name nobody wrote. A place's span among those words goes
    into the name; a person's or a body's there stops it (two names side by side)."""
    out: list[Mention] = []
    gone: set[tuple[int, int]] = set()
    for m in mentions:
        space = body.rfind(" ", m.start, m.end)  # (a kind alone, "Town", is left as it is)
        last = body[space + 1 : m.end]
        if space < 0 or not last[:1].isupper() or last.casefold() not in _KIND_WORDS:
            continue
        if m.label == "PERSON" and personnames.surname(last):
            continue  # "Sarah Park", "Stuart Hall": someone whose surname is a kind of place
        if m.start < 2 or body[m.start - 1] != " " or not in_prose(body, m.start):
            continue
        pos = _run_start(body, m.start)
        if pos == m.start:
            continue
        inside = [o for o in mentions if o is not m and o.start < m.start and pos < o.end]
        if any(o.start < pos or o.label not in _PLACE_LABELS for o in inside):
            continue
        gone |= {(o.start, o.end) for o in inside}
        gone.add((m.start, m.end))
        out.append(Mention(pos, m.end, m.label, m.titled, m.place_word, m.org_word))
    if not gone:
        return mentions
    return [m for m in mentions if (m.start, m.end) not in gone] + out
