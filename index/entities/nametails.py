"""Surnames the model left after a person's name (`repair` step, after `nameparts`).

The small model often stops a name of three or four words early: "Cristián Larraín" of
"Cristián Larraín Prieto", "Marco Antonio" of "Marco Antonio Choque Flores", "Dr Claudine" of
"Dr Claudine Mukamana". Hispanic, Portuguese, East African and many other naming traditions
write such names in full at first use, often only once, so the rest is taken back when the
sentence shows it is a surname: it is written alone elsewhere, or the lists of surnames hold it
and the article never writes it as an English word in lowercase.
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer, personnames
from .clean import TITLES, Mention, name_like
from .edges import in_lowercase, in_prose, sentence_start, word_positions
from .missed import CUE_AFTER
from .nameforms import known_place_name

_NAMES_AFTER = re.compile(r" ([A-Z][\w’'-]+)(?: ([A-Z][\w’'-]+))?(?=[\s,.;:!?’']|$)")
#: What follows a surname used alone at a sentence's start: "Sow, 47,", "Sow told …".
_SPOKEN = re.compile(
    r",|\s+(?:said|says|told|added|is|was|has|had|who|wrote|argued|insisted|denied)\b"
)


def _alone_at(body: str, word: str) -> list[int]:
    """Where `word` is written alone: a word of its own, with no apostrophe at either side and
    no capitalised word after it ("Sow told", not "Sow's" nor "Sow Ndiaye")."""
    out = []
    for at in word_positions(body, word):
        end = at + len(word)
        before, after = body[at - 1 : at], body[end : end + 2]
        if before in ("’", "'") or after[:1] in ("’", "'"):
            continue
        if after[:1] == " " and "A" <= after[1:2] <= "Z":
            continue
        out.append(at)
    return out


def _alone_elsewhere(body: str, word: str, at: int) -> bool:
    return any(p != at for p in _alone_at(body, word))


def _written_alone_after(body: str, m: Mention) -> Mention:
    """ "Aminata" + " Ndiaye Sow": a given name the model tagged alone, then the surnames it
    left off, when the last of them is written alone elsewhere in the article, mid-sentence or
    as a sentence's subject ("Sow told a crowd"): the way a report names someone after first
    use."""
    text = body[m.start : m.end]
    if m.label != "PERSON" or " " in text or commonwords.is_word(text.casefold()):
        return m
    x = _NAMES_AFTER.match(body, m.end)
    if x is None:
        return m
    words = [w for w in x.groups() if w]
    if not personnames.given_name(text) and (
        not all(personnames.surname(w) for w in words) or _alone_elsewhere(body, text, m.start)
    ):
        # "Brimin" + " Kipkorir Chebet": a given name no list holds, before surnames, and
        # never used alone ("Varga" of "the Varga Lindqvist summit … Varga left first")
        return m
    for i, w in enumerate(words):
        listed = personnames.surname(w) or personnames.given_name(w)
        # the last word may be a word ("Sow"): its use alone below is the evidence
        if not _more_of_a_name(w) or not (listed or i == len(words) - 1):
            return m
    last = words[-1]
    alone = (at for at in _alone_at(body, last) if not m.start <= at < x.end())
    if not any(not sentence_start(body, at) or _SPOKEN.match(body, at + len(last)) for at in alone):
        return m
    return Mention(m.start, x.end(), "PERSON", m.titled)


def _no_other_word(w: str) -> bool:
    """Is `w` shaped like a name and no title, body, kind of place or demonym?"""
    return (
        name_like(w)
        and w.casefold() not in TITLES
        and w.casefold() not in gazetteer.ORG_WORDS
        and w.casefold() not in gazetteer.PLACE_WORDS
        and not gazetteer.is_demonym(w)
    )


def _more_of_a_name(w: str) -> bool:
    """Could `w` go on a person's name: no title, place, body, kind of place or demonym."""
    return _no_other_word(w) and not known_place_name(w)


#: A capitalised word right after the surnames: the name goes on further than two words.
_GOES_ON = re.compile(r" [A-Z]")


def _listed_after(body: str, m: Mention) -> Mention:
    """ "Cristián Larraín" + " Prieto", "Marco Antonio" + " Choque Flores", "Dr Claudine" + "
    Mukamana": one or two words the lists hold as surnames (or a second given name, then a
    surname), which the article never writes as an English word in lowercase, after a person's
    name of a given name or more. Never on a Title-Case line, whose capitals set people's
    surnames side by side ("Okafor Mensah Talks Stall")."""
    x = _NAMES_AFTER.match(body, m.end)  # most names are followed by no capitalised word
    if x is None or _GOES_ON.match(body, x.end()):
        return m
    text = body[m.start : m.end]
    words = text.split()
    if m.label != "PERSON" and not given_name_alone(text):
        return m
    tail = [w for w in x.groups() if w]
    if (
        len(words) > 3
        or (len(words) == 1 and not (personnames.given_name(text) or _titled_given(m, text, tail)))
        or not in_prose(body, m.start)
    ):
        return m
    # "Ludmila" + " Vicol, a political scientist": a surname no list holds, after a given name
    # alone, when what follows is said only of a person
    cued = len(words) == 1 and len(tail) == 1 and CUE_AFTER.match(body[x.end() : x.end() + 80])
    for i, w in enumerate(tail):
        if (
            # a second given name may come first: "Marta" + " Cecilia Ochoa"
            not (
                personnames.surname(w)
                or (i < len(tail) - 1 and personnames.given_name(w))
                or (cued and not commonwords.is_word(w.casefold()) and not known_place_name(w))
            )
            or _english_here(body, w)
            or gazetteer.is_known_org(w)
            or not _no_other_word(w)
            or (known_place_name(w) and not _a_towns_size(w))
        ):
            return m
    return Mention(m.start, x.end(), "PERSON", m.titled)


def _titled_given(m: Mention, text: str, tail: list[str]) -> bool:
    """ "Chief Magistrate Thilina" + " Gamage": the model's span opened with a title (cut
    since) and stopped after one word no list holds as a given name. After a title that word
    opens a person's name, so one surname the lists hold right after it is hers too."""
    return m.titled and len(tail) == 1 and not commonwords.is_word(text.casefold())


#: Days and months, which news may write right after a name ("Governor Ana Torres Wednesday").
_DATES = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december"}
)


def _english_here(body: str, w: str) -> bool:
    """Is `w` a word here rather than a surname: a day or month, or an English word the
    article also writes in lowercase ("Young" of "young people")? The word index holds many
    surnames ("ochoa"), so being in it is not enough."""
    low = w.casefold()
    return low in _DATES or (commonwords.is_word(low) and in_lowercase(body, w))


def given_name_alone(text: str) -> bool:
    """A given name the model took for a body or a place ("Esteban" + " Ruiz Montoya"): only
    one no body or place is known by."""
    return (
        " " not in text
        and personnames.given_name(text)
        and not gazetteer.is_known_org(text)
        and not known_place_name(text)
    )


#: Towns this size or smaller may share a surname ("Flores", "Quintana", "Salinas"); nobody
#: writes a person's name and then a town with nothing between them.
_TOWN_SIZE = 500_000


def _a_towns_size(w: str) -> bool:
    """Is the place `w` names at most a town: no country, region, capital or big city?"""
    return (
        not gazetteer.is_country_or_region(w)
        and not gazetteer.is_capital(w)
        and gazetteer.city_population(w) <= _TOWN_SIZE
    )


def surnames_after(body: str, m: Mention) -> Mention:
    """`m` with the surnames the model left after it, if the sentence shows any."""
    return _listed_after(body, _written_alone_after(body, m))
