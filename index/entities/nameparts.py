"""The parts of a name the model left outside its span.

The small model's tokeniser and training data are English: it cuts names at what English
names rarely have. A hyphen ("Bae Hyun" of "Bae Hyun-woo", "Ayşe Gülnur" of "… Erdem-Kaplan"),
a lowercase particle ("Cllr Dafydd" of "Dafydd ap Iorwerth", "Lula" of "Lula da Silva"), a
given name before a second given name ("Ali Yıldız" of "Mehmet Ali Yıldız") and a surname
with an apostrophe ("Stephen Kariuki" of "Stephen Kariuki Ndung'u"). Each rule adds back only
what the sentence shows is part of the name, and never a word that is something else: an
English word, a place, a demonym or a well-known organisation. Organisations lose parts too
(`orgparts.py`): the place a council serves ("Fife" + "Council"), the word that makes a club
("Kestrel" + "Town"), what a broadcaster is ("TV" + "Gaúcha").
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer, personnames
from .clean import Mention, name_like
from .edges import sentence_start
from .nameforms import known_place_name
from .nicknames import join_nicknames as join_nicknames  # (`resolve` reads them here)
from .nicknames import nickname_aliases as nickname_aliases
from .orgparts import (
    PLACE_BEFORE,
    with_channel,
    with_club_word,
    with_council_kind,
    with_institution,
    with_its_place,
    with_its_team,
    with_its_trade,
    with_kind_rest,
    with_office_holder,
    with_sentence_opener,
    with_words_before,
)
from .rolewords import role_word
from .wordlists import TITLES

#: Lowercase words after a hyphen that make a name an adjective: "Kyiv-based", "Musk-owned".
_ADJECTIVE_TAILS = frozenset(
    {"based", "born", "led", "backed", "owned", "run", "funded", "made", "linked", "like"}
    | {"style", "era", "bound", "controlled", "affiliated", "friendly", "designed", "speaking"}
    | {"majority", "language", "year", "old", "wide", "level", "free", "related", "listed"}
    | {"founded", "registered", "headquartered", "flagged", "built", "produced", "sponsored"}
    | {"allied", "aligned", "dominated", "held", "occupied", "inspired", "centric", "area"}
)
_HYPHEN_TAIL = re.compile(r"-([^\W\d_]+(?:-[^\W\d_]+)*)(?![\w’'-])")
#: Particles inside a person's name in several languages, then the name's next word.
_PARTICLE_TAIL = re.compile(
    r" ((?:ap|ab|ferch|bin|binti|ibn|van|von|van der|van den|de|de la|de los|da|dos|das|del"
    r"|di|du|le|la|Ní|Nic|Mac|Ó|Ua) ([A-ZÀ-ÞĀ-Ž][\w’'-]+))(?![\w’'-])"
)
#: How English names an occupation: "Librarian", "Teacher", "Scientist", "Consultant".
_OCCUPATION = re.compile(r"(?:ian|er|or|ist|ant|ent|ic)$")
_SURNAME_TAIL = re.compile(r" ([A-ZÀ-ÞĀ-Ž][\w]*[’'-][\w]+)(?=,| said| says|\.)")
_LAST_WORD = re.compile(r" ([A-ZÀ-ÞĀ-Ž][^\W\d_]+)(?=, | said| says| told|\. )")


def complete_names(body: str, mentions: list[Mention]) -> list[Mention]:
    """Each mention with the name parts the sentence adds (see the module's docstring)."""
    taken = sorted((m.start, m.end) for m in mentions)
    out: list[Mention] = []
    absorbed: set[tuple[int, int]] = set()
    for m in mentions:
        if (m.start, m.end) in absorbed:
            continue
        m = _without_occupation(body, with_its_place(body, m, taken))
        m = with_channel(body, with_club_word(body, m, taken), taken)
        m = with_office_holder(body, with_institution(body, m, taken), taken)
        m = with_kind_rest(body, m, taken)
        m = with_its_trade(body, with_words_before(body, m, taken), taken)
        m = with_sentence_opener(body, m, taken)
        m = with_its_team(body, _whole_place(body, m, taken), taken)
        m = with_council_kind(body, m, taken)
        end = _hyphen_end(body, m)
        m = _given_before_patronym(body, m, taken)
        if _patronym_after(body, m, end):
            # "Noraini" (NORP) + " binti Abdul Latif": "son of" or "daughter of" is said
            # only of a person, whatever the model made of the given name before it
            m = Mention(m.start, m.end, "PERSON", m.titled, m.place_word, m.org_word)
        if m.label == "PERSON" or m.titled:
            particle = _particle_end(body, end)
            if particle is not None:
                # "Councillor Pieter" + " van der " + "Merwe-Jacobs" (ORG): the particle says
                # the next word is this person's, whatever the model made of it.
                inside = {(s, e) for s, e in taken if end < s and e <= particle}
                absorbed |= inside
                taken = [t for t in taken if t not in inside]
            end = particle or _surname_end(body, m.start, end) or _titled_tail(body, m, end)
        elif end == m.end and personnames.given_name(body[m.start : m.end]):
            # "mayor Giulia" (GPE) + "Castellani-Roth.": a given name the model misread, with
            # the surname it left off; the type vote then reads the whole name.
            end = _surname_end(body, m.start, end) or end
        if end != m.end and not any(m.end <= s < end for s, _ in taken):
            m = Mention(m.start, end, m.label, m.titled, m.place_word, m.org_word)
        out.append(m)
    return _with_given_names(body, [m for m in out if (m.start, m.end) not in absorbed])


#: One or two given names and a particle, right before a surname: "Ana Cláudia dos " +
#: "Santos Rocha", "Pieter van " + "Wyk".
_GIVEN_AND_PARTICLE = re.compile(
    r"(?<![\w’'-])([A-ZÀ-ÞĀ-Ž][\w’'-]+(?: [A-ZÀ-ÞĀ-Ž][\w’'-]+)?)"
    r" (?:dos|das|da|do|de|del|de la|de los|di|du|van|von|van der|van den) $"
)


def _with_given_names(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Ana" + "Cláudia" (ORG) + " dos " + "Santos Rocha": a person the model found from
    the surname on, after a particle, is named in full from the given names before it (the
    first one a given name the world uses, the rest no English words); what the model made
    of those names goes into the person."""
    out = mentions
    present = set(out)  # `m in out` on every mention was quadratic in long articles
    for m in mentions:
        if m.label != "PERSON" or m not in present:
            continue
        x = _GIVEN_AND_PARTICLE.search(body, max(0, m.start - 40), m.start)
        if x is None:
            continue
        first, *more = x.group(1).split()
        if not (
            personnames.listed_given(first)
            and not role_word(first)
            and all(personnames.listed_given(w) or name_word(w) for w in more)
        ):
            continue
        inside = [o for o in out if x.start() <= o.start and o.end <= m.start]
        if any(o.start < x.start() < o.end for o in out):
            continue  # part of a longer name already
        out = [o for o in out if o is not m and o not in inside]
        out.append(Mention(x.start(), m.end, "PERSON", m.titled, m.place_word, m.org_word))
        present = set(out)
    return out


_OF_PLACE = re.compile(r" of ([A-ZÀ-Þ][\w’'-]+(?: [A-ZÀ-Þ][\w’'-]+){0,2})(?![\w’'-]| [A-Z])")


def with_place_of(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "The Law Society" + " of Kenya", "the Bar Association" + " of India": a body named by
    what it is keeps the country or region it belongs to, which the model often leaves off
    (and tags apart). Only after an institution word, and only a place the gazetteer knows."""
    out = list(mentions)
    gone: set[int] = set()  # indices of mentions a longer name took in
    for i, m in enumerate(mentions):
        if i in gone or m.label != "ORG" or _OF_PLACE.match(body, m.end) is None:
            continue
        text = body[m.start : m.end]
        if " of " in text or text.split()[-1].casefold() not in gazetteer.ORG_WORDS:
            continue
        x = _OF_PLACE.match(body, m.end)
        assert x is not None
        place = x.group(1)
        if not (
            gazetteer.country(place)
            or gazetteer.is_place(place)
            or gazetteer.is_region(place)
            or gazetteer.main_city_population(place) >= 100_000  # "Port Authority of Valencia"
        ):
            continue
        inside = [
            j
            for j, o in enumerate(mentions)
            if j != i and j not in gone and m.end <= o.start and o.end <= x.end()
        ]
        if any(
            mentions[j].label not in ("GPE", "LOC", "NORP") and mentions[j].start != x.start(1)
            for j in inside
        ):
            continue
        gone.update(inside)
        out[i] = Mention(m.start, x.end(), "ORG", m.titled, m.place_word, True)
    return [o for j, o in enumerate(out) if j not in gone]


def _whole_place(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Spanish" + "Town", "Nueva" + "Loja": a place whose first word the model left off,
    when the whole is a place the gazetteer knows and the word is part of no other name."""
    if m.label not in ("GPE", "LOC"):
        return m
    x = PLACE_BEFORE.search(body, max(0, m.start - 40), m.start)
    if x is None or any(s < m.start and e > x.start() for s, e in taken):
        return m
    for start in (x.start(1), x.end(1) - len(x.group(1).split()[-1])):
        whole = body[start : m.end]
        if (
            gazetteer.country(whole)
            or gazetteer.is_place(whole)
            or gazetteer.city_population(whole)
        ):
            return Mention(start, m.end, m.label, m.titled, m.place_word, m.org_word)
    return m


def _without_occupation(body: str, m: Mention) -> Mention:
    """ "Librarian Solveig Moen said": a capitalised English word that is no name, before a
    given name the world uses, is the person's occupation (and marks a person)."""
    if m.label != "PERSON":
        return m
    words = body[m.start : m.end].split(" ")
    if (
        len(words) >= 3
        and _OCCUPATION.search(words[0]) is not None
        and commonwords.is_word(words[0])
        and not personnames.listed_name(words[0])
        and personnames.given_name(words[1])
    ):
        start = m.start + len(words[0]) + 1
        return Mention(start, m.end, m.label, True, m.place_word, m.org_word)
    return m


def _hyphen_end(body: str, m: Mention) -> int:
    """ "Hyun" + "-woo", "Weston" + "-super-Mare": a word the tokenizer cut at a hyphen."""
    x = _HYPHEN_TAIL.match(body, m.end)
    if x is None:
        return m.end
    parts = x.group(1).split("-")
    if parts[-1][:1].isupper():
        return x.end()  # "Weston-super-Mare", "Erdem-Kaplan"
    if m.label == "PERSON" and not any(p.casefold() in _ADJECTIVE_TAILS for p in parts):
        return x.end()  # "Hyun-woo", "Ji-seok": a syllable of a given name
    return m.end


def _particle_end(body: str, end: int) -> int | None:
    """ "Dafydd" + " ap Iorwerth", "Lula" + " da Silva", "Karim Shafik" + " el-Naggar"."""
    x = _PARTICLE_TAIL.match(body, end)
    if x is None or not (name_word(x.group(2)) or _fathers_given_name(x)):
        y = _ARTICLE_TAIL.match(body, end)
        return y.end() if y is not None and name_word(y.group(1)) else None
    if x.group(1).startswith(("bin ", "binti ")):
        # "Rozana" + " binti Abdul Hamid": a father's name of more than one word
        more = _FATHERS_NAME.match(body, x.end())
        if more is not None and all(_fathers_word(w) for w in more.group().split()):
            return more.end()
    return x.end()


def _fathers_given_name(x: re.Match[str]) -> bool:
    """ "Abdullahi" + " ibn Musa": after "son of" or "daughter of" comes the father's given
    name, which a list holds though it is a word or a town too ("Musa", "Salem")."""
    return x.group(1).startswith(_SON_OF) and personnames.listed_given(x.group(2))


_SON_OF = ("bin ", "binti ", "bint ", "ibn ")


#: A Malay or Arabic "son of" or "daughter of" between a person's own and father's names.
_PATRONYM = re.compile(r" (?:bin|binti|bint) [A-Z]")
#: The capitalised name words right before a lowercase "bin": "Mohd Faizal " + "bin Ismail".
_GIVEN_NAMES_BEFORE = re.compile(r"(?<![\w’'.-])((?:[A-Z][\w’'-]+ ){1,3})$")


def _patronym_after(body: str, m: Mention, end: int) -> bool:
    """ "Noraini" + " binti Abdul Latif": one or more name words before a patronymic particle
    are a person's given names, whatever the model labelled them."""
    return (
        m.label != "PERSON"
        and _PATRONYM.match(body, end) is not None
        and all(name_word(w) or personnames.listed_given(w) for w in body[m.start : end].split())
    )


def _given_before_patronym(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Mohd Faizal" + "bin Ismail": a person the model tagged from the lowercase particle on
    opens at the given names right before it (no other name's words)."""
    if m.label != "PERSON" or not body.startswith(("bin ", "binti ", "bint "), m.start):
        return m
    x = _GIVEN_NAMES_BEFORE.search(body, max(0, m.start - 40), m.start)
    if x is None or any(s < m.start and x.start() < e for s, e in taken):
        return m
    words = x.group(1).split()
    while words and not (personnames.listed_given(words[0]) or name_word(words[0])):
        words.pop(0)  # "ordered Mohd Faizal": never a word of the sentence
    if not words or words[0].casefold() in TITLES:
        return m
    return Mention(m.start - len(" ".join(words)) - 1, m.end, m.label, m.titled)


#: The rest of a Malay father's name after its first word: "binti Abdul" + " Hamid".
_FATHERS_NAME = re.compile(r"(?: [A-Z][a-z]+){1,2}(?![\w’'-])")


def _fathers_word(word: str) -> bool:
    return personnames.listed_name(word) or name_word(word)  # "Hamid" is a town too


#: The Arabic article joined to a surname, written lowercase: "el-Naggar", "al-Amin".
_ARTICLE_TAIL = re.compile(
    r" (?:al|el|ad|ar|as|at|az|ash|ed|en|er|es|et|an)-([A-ZÀ-Þ][\w’'-]+)(?![\w’'-])"
)


_HYPHENED_NAME = re.compile(r" ([A-ZÀ-ÞĀ-Ž][^\W\d_]+-[A-ZÀ-ÞĀ-Ž][^\W\d_]+)(?![\w’'-])")


def _titled_tail(body: str, m: Mention, end: int) -> int:
    """ "Fr Declan" + " Moriarty-Walsh": after a title, one given name goes on with a
    double-barrelled surname, whatever follows it."""
    x = _HYPHENED_NAME.match(body, end)
    if x is None or " " in body[m.start : end] or not name_word(x.group(1)):
        return end
    if not (m.titled or _title_before(body, m.start)):
        return end  # "said Dr. Rose-Merline" + " Pierre-Louis": a title outside the span too
    return x.end(1)


#: The word right before a name, with its full stop: "Dr. ", "Fr ", "Mayor ".
_TITLE_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+)\.? $")


def _title_before(body: str, start: int) -> bool:
    x = _TITLE_BEFORE.search(body, max(0, start - 16), start)
    return x is not None and x.group(1).casefold() in TITLES


def _surname_end(body: str, start: int, end: int) -> int | None:
    """ "Stephen Kariuki" + " Ndung'u," when the name opens with a given name the world uses
    and the added word, written with an apostrophe or a hyphen, closes the clause; or
    "MP Benedict Maefiti" + " Olisukulu," when a title or trade opens the name, whatever
    the added word's letters."""
    words = body[start:end].split()
    x = _SURNAME_TAIL.match(body, end)
    if x is not None and personnames.given_name(words[0]) and name_word(x.group(1)):
        return x.end(1)
    x = _LAST_WORD.match(body, end)
    if x is None or len(words) != 2 or not role_before(body, start) or not name_word(x.group(1)):
        return None
    return x.end(1)


def name_word(word: str) -> bool:
    """Could `word` be a part of a person's name: capitalised like a name, and no English
    word, place, demonym or well-known organisation?"""
    return (
        name_like(word)
        and not commonwords.is_word(word)
        and not known_place_name(word)
        and not gazetteer.is_demonym(word)
        and not gazetteer.is_known_org(word)
    )


#: The word (and optional comma) right before a name: "director, " or "Sergeant ".
_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([^\W\d_][\w-]*),? $")


def role_before(body: str, start: int) -> bool:
    """Does a title or trade introduce the name at `start` ("MP Benedict …", "Its director,
    Mulugeta …")? Then where the name begins is no guess, whatever its words are."""
    x = _WORD_BEFORE.search(body, max(0, start - 30), start)
    return x is not None and role_word(x.group(1))


def surname_before_syllables(word: str, text: str) -> bool:
    """ "Tran" + "Quoc Bao", "Lee" + "Jae Myung": a surname the lists hold before the two
    one-syllable given names of an East or South-East Asian name, which the model often tags
    without it; or before a Vietnamese middle name and two more ("Vo" + "Thi Minh Chau")."""
    words = text.split()
    return (
        (len(words) == 2 or (len(words) == 3 and words[0] in personnames.VIETNAMESE_MIDDLE))
        and all(len(w) <= 5 and w[:1].isupper() for w in words)
        and personnames.surname(word)
        and not commonwords.is_word(word)
    )


def given_name_before(body: str, m: Mention, word: str, at: int) -> bool:
    """Is `word` (at `at`), right before the multi-word person `m`, a given name of the same
    person ("Mehmet" + "Ali Yıldız")? A given name the world uses, or any word that could be
    part of a name when a title or trade opens the slot ("director, Mulugeta" + "Worku Ayele")."""
    text = body[m.start : m.end]
    if " " not in text:
        return False
    if m.label != "PERSON":
        # "Ana" + "Lucía Bermúdez" read as an organisation: only a given name before a name
        # shaped like a person's (a given name, then no English words).
        return m.label == "ORG" and personnames.given_name(word) and personnames.person_shaped(text)
    if personnames.given_name(word):
        return True
    if surname_before_syllables(word, text):
        return True
    slot = role_before(body, at) or (sentence_start(body, at) and _role_after(body, m.end))
    # a title's slot takes a given name a town or a word bears too ("Mayor Florence" + …)
    return slot and (name_word(word) or personnames.listed_given(word))


#: An apposition naming the role right after a name: ", chairman of …", ", a spokeswoman".
_ROLE_AFTER = re.compile(r", (?:the |a |an |its |their )?([a-z][\w-]*)")


def _role_after(body: str, end: int) -> bool:
    x = _ROLE_AFTER.match(body, end)
    return x is not None and role_word(x.group(1))
