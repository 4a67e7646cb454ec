"""The first words of a person's name the model left outside its span (`repair.extend_truncated`).

* `with_given_name`: "Beatriz" + "Conceição", "Vo" + "Thi Minh Chau": the word right before a
  person's name is her given name (or, before an East Asian name's syllables, her surname)
  when it is no English word, title, place or other name;
* `with_abbreviated_given`: "Ma." + "Luisa Ocampo-Tan", "Md." + "Rafiqul Islam", and the
  Balinese "I" + "Wayan Sumerta".
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from . import commonwords, gazetteer, personnames
from .clean import TITLES, Mention, name_like
from .edges import STARTERS, sentence_start
from .missed import CUE_AFTER
from .nameforms import known_place_name
from .nameparts import given_name_before, role_before, surname_before_syllables
from .nonnames import CALENDAR
from .rolewords import OCCUPATIONS, role_word

#: Given names news abbreviates before a second given name: Filipino "Ma." (María),
#: Bangladeshi "Md." and Malaysian "Mohd." (Mohammad): "Ma. Luisa Ocampo-Tan".
_ABBREVIATED_GIVEN = re.compile(r"(?<![\w.])(?:Ma|Md|Mohd|Muhd)\. $")


_ABBREVIATION_ALONE = re.compile(r"(?:Ma|Md|Mohd|Muhd)\.?")  # ... tagged alone, then the rest
#: A capitalised word and a comma before "Md.": a town and its state ("Bethesda, Md.").
_TOWN_BEFORE = re.compile(r"[A-Z][\w’'.-]*, $")
_NAME_AFTER = re.compile(r"\.? ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2})\b")


def with_abbreviated_given(body: str, m: Mention) -> Mention:
    """A person's name with the abbreviated given name the model left before it."""
    if _ABBREVIATION_ALONE.fullmatch(body, m.start, m.end) and not _TOWN_BEFORE.search(
        body, max(0, m.start - 40), m.start
    ):
        # "Md. Rafiqul Islam" with only "Md." tagged (as Maryland, which "Bethesda, Md." is;
        # "the ward member, Md. Shamim Ansari" is no town's state)
        x = _NAME_AFTER.match(body, m.end)
        if x is not None and all(name_like(w) for w in x.group(1).split()):
            return Mention(m.start, x.end(), "PERSON", m.titled)
        return m
    if m.label != "PERSON" or " " not in body[m.start : m.end]:
        return m
    x = _ABBREVIATED_GIVEN.search(body, max(0, m.start - 6), m.start)
    if x is None and body[m.start : m.end].split()[0] in personnames.BALINESE_ORDER:
        x = _BALINESE_PREFIX.search(body, max(0, m.start - 4), m.start)  # "I Wayan Sumerta"
    return Mention(x.start(), m.end, m.label, m.titled) if x else m


#: Balinese names open with "I" (a man) or "Ni" (a woman), then the child's birth order.
_BALINESE_PREFIX = re.compile(r"(?<![\w’'.-])(?:I|Ni) $")


#: Titles that are given names too, and never close a compound title as "Major" ("Sergeant
#: Major"), "General" or "Captain" ("Group Captain") do: "Nana" (a Ghanaian chief; a Georgian or
#: Ghanaian given name), "Prince" (a Liberian or Nigerian given name).
_GIVEN_TITLES = frozenset({"nana", "prince", "princess", "king"})


_BEFORE = re.compile(r"(?<![\w’'.-])([^\W\d_]{2,}(?:-[^\W\d_]+)?) $")


def with_given_name(body: str, m: Mention, mentions: list[Mention]) -> Mention:
    """ "Beatriz" + "Conceição": a person the model found without the word right before it,
    when that word is a given name by every test the article allows: capitalised, no English
    word, title, place, demonym or organisation, and part of no other name of the article."""
    text = body[m.start : m.end]
    if m.label not in ("PERSON", "ORG", "GPE", "NORP"):
        return m
    # The word holds no space: searched for from the last space before it, not at each of
    # the 30 characters (the final space, or " \n", is the pattern's own).
    lo = max(0, m.start - 30)
    space = body.rfind(" ", lo, max(lo, m.start - 2))
    x = _BEFORE.search(body, space + 1 if space >= 0 else lo, m.start)
    if x is None:
        return m
    word = x.group(1)
    traded = _trade_slot(body, m, word, x.start(1))
    if " " in text and not (traded or given_name_before(body, m, word, x.start(1))):
        return m  # "Mehmet" + "Ali Yıldız" only
    if m.label != "PERSON" and not (  # "Olumide" + "Okonkwo" read as an organisation
        personnames.given_name(word)
        and not known_place_name(text)
        and not gazetteer.is_known_org(text)
        and not commonwords.is_word(text)
    ):
        return m
    # "Ana" + "Ferreira" (GPE): a given name the lists hold before a surname the model misread,
    # though "Ana" is a lemma (a collection of sayings) and a town.
    surnamed = m.label != "PERSON" and personnames.surname(text)
    # Before a name shaped like a person's, `given_name_before` has vetted the word already,
    # and a given name a dictionary has too mid-sentence ("Paul" + "Chileshe …"; not "Wing"),
    # or one no dictionary has anywhere ("Isabel" + "Vergara Rojas", though a town is Isabel).
    given = personnames.given_name(word)
    given = given and not (sentence_start(body, x.start(1)) and commonwords.is_word(word.lower()))
    multi = " " in text and (m.label != "PERSON" or given)
    syllables = surname_before_syllables(word, text)  # "Vo" of "Vo Van Ngan Street" too
    # "Carmen" + "Vasiliu, a doctor who …": a given name a town bears too, before a surname
    # the model tagged alone, when what follows is said only of a person
    cued = m.label == "PERSON" and given and CUE_AFTER.match(body[m.end : m.end + 80])
    # "Mayor" + "Florence" + "Namaganda Ssali": a title or a calling opens the slot, and a
    # given name there is the person's, though a town or a word bears it too
    slotted = (
        " " in text
        and m.label == "PERSON"
        and personnames.listed_given(word)
        and role_before(body, x.start(1))
    )
    # "finance minister" + "Nana" + "Surmanidze", "Mayor" + "Prince" + "Kollie Toe": after a
    # title or a calling, a title the lists hold as a given name is hers, not a second title
    titled_given = word.casefold() in _GIVEN_TITLES and role_before(body, x.start(1))
    vetted = surnamed or multi or syllables or cued or slotted or titled_given or traded
    if (
        not (word[0].isupper() and word[1:].replace("-", "").islower())
        or (not vetted and (commonwords.is_word(word) or known_place_name(word)))
        or (word.casefold() in TITLES and not titled_given)
        or word in personnames.LEADING_HONORIFICS  # "Sayyed" + "Hassan Nasrallah"
        # a calling before a given name and more: "Pastor" + "Gabriel Adebayo"
        or (
            " " in text
            and word.casefold() in OCCUPATIONS
            and personnames.listed_given(text.split()[0])
        )
        or word.casefold() in STARTERS
        or word.casefold() in STOP_WORDS  # "For Svalbard, that is no longer true"
        or gazetteer.is_demonym(word)
        or gazetteer.is_known_org(word)
        or any(
            o.start <= x.start() < o.end or (word in body[o.start : o.end] and not syllables)
            for o in mentions
        )
    ):
        return m
    return Mention(x.start(), m.end, "PERSON", m.titled)


#: A trade written in lowercase right before a name: "midfielder", "lawyer", "councillor".
_TRADE_BEFORE = re.compile(r"(?<![\w’'.-])([a-z][\w-]*) $")
#: Words that address or honour someone and that no title list holds: after a trade they open
#: no name ("founder Prophet …", "lawyer Advocate …").
_HONOURING = frozenset(
    {"prophet", "apostle", "comrade", "mister", "honourable", "honorable", "advocate", "elder"}
    | {"senior", "junior", "excellency", "lady", "lord", "saint", "brother", "sister"}
)
#: How English names a trade or an office ("Engineer", "Barrister", "Evangelist").
_AGENT_END = re.compile(r"(?:er|or|ist|ian|ant|ent)$")


def _trade_slot(body: str, m: Mention, word: str, at: int) -> bool:
    """ "midfielder" + "Given" + "Kaunda Mulenga": after a trade in lowercase, the capitalised
    word right before a person's name of two words or more is the first of that name, though
    it is an English word (Southern Africa names children Given, Memory, Gift). Never an
    honorific or a title ("lawyer Barrister …", "founder Prophet …"), a place or a day."""
    if m.label != "PERSON" or " " not in body[m.start : m.end]:
        return False
    # The trade holds no space: searched for from the last space before its own, not at each
    # of the 30 characters (this runs for most people's names).
    lo = max(0, at - 30)
    space = body.rfind(" ", lo, max(lo, at - 1))
    x = _TRADE_BEFORE.search(body, space + 1 if space >= 0 else lo, at)
    if x is None or not role_word(x.group(1)):
        return False
    key = word.casefold()
    return not (
        role_word(word)
        or key in _HONOURING
        or (commonwords.is_word(word) and _AGENT_END.search(key) is not None)
        or word in CALENDAR
        or known_place_name(word)
    )
