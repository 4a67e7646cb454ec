"""The parts of a name the model left outside its span.

The small model's tokeniser and training data are English: it cuts names at what English
names rarely have. A hyphen ("Bae Hyun" of "Bae Hyun-woo", "Ayşe Gülnur" of "… Erdem-Kaplan"),
a lowercase particle ("Cllr Dafydd" of "Dafydd ap Iorwerth", "Lula" of "Lula da Silva"), a
given name before a second given name ("Ali Yıldız" of "Mehmet Ali Yıldız") and a surname
with an apostrophe ("Stephen Kariuki" of "Stephen Kariuki Ndung'u"). Each rule adds back only
what the sentence shows is part of the name, and never a word that is something else: an
English word, a place, a demonym or a well-known organisation. Organisations lose parts too:
the place a council serves ("Fife" + "Council"), the word that makes a club ("Kestrel" +
"Town"), what a broadcaster is ("TV" + "Gaúcha").
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer, personnames
from .clean import Mention, name_like
from .edges import known_place, sentence_start
from .groups import NICKNAME
from .keys import entity_key
from .matches import score_positions
from .rolewords import OCCUPATIONS
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
#: A broadcaster's name opens with what it is: "TV Gaúcha", "Radio Okapi", "Rádio Nacional".
_CHANNEL_BEFORE = re.compile(r"(?<![\w-])(?:TV|Radio|Rádio|Radyo|Télé|Tele) $")
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
        m = _without_occupation(body, _with_its_place(body, m, taken))
        m = _with_channel(body, _with_club_word(body, m, taken), taken)
        m = _with_office_holder(body, _with_institution(body, m, taken), taken)
        m = _with_its_trade(body, m, taken)
        m = _with_its_team(body, _whole_place(body, m, taken), taken)
        end = _hyphen_end(body, m)
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
    return [m for m in out if (m.start, m.end) not in absorbed]


_NICKNAMED = re.compile(
    r"([A-ZÀ-Þ][\w’'-]+)(?: ([A-ZÀ-Þ][\w’'-]+))? [\"“][\w][\w’'. -]{0,20}[\"”]"
    r" [A-ZÀ-Þ][\w’'-]+(?: (?:[A-ZÀ-Þ][\w’'-]+|de|da|dela|del|van|von)){0,3}"
)


def nickname_aliases(body: str, mentions: list[Mention]) -> dict[str, str]:
    """ "Gaz" -> 'Gary "Gaz" Pennington': the nickname alone, later in the article, is him."""
    out: dict[str, str] = {}
    for m in mentions:
        x = NICKNAME.search(body, m.start, m.end) if m.label == "PERSON" else None
        if x is not None and m.start < x.start() and x.end() < m.end:
            out[entity_key(x.group(1))] = entity_key(body[m.start : m.end])
    return out


def _role(word: str) -> bool:
    """A title or trade before a name ("Wing", "Coach"), even one some locale uses as a name."""
    return word.casefold() in TITLES or word.casefold() in OCCUPATIONS


#: Words before a quoted name that make no person of it: 'Operation "Iron" Shield'.
_NOT_NICKNAMED = frozenset({"the", "a", "an", "operation", "project", "team", "club", "its"})


def join_nicknames(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Zubair "Jugnu" Khattak", "Ronaldo "Bong" Dimaculangan": a nickname in quotes inside
    a name cuts it in two for the model; the whole is one person's name (shown without the
    nickname, see `groups.best_name`)."""
    if '"' not in body and "“" not in body:
        return mentions
    out = mentions
    for x in _NICKNAMED.finditer(body):
        s, e = x.span()
        first = x[1]
        if x[2] and (not personnames.given_name(first) or _role(first)):
            s, first = x.start(2), x[2]  # "Secretary Ramon "Monching" Tuazon-Lim"
        inside = [m for m in out if m.start < e and s < m.end]
        if any(m.start < s or m.end > e for m in inside):
            continue  # part of a longer name the model found
        if first.casefold() in _NOT_NICKNAMED or gazetteer.is_known_org(first):
            continue  # a nickname in quotes marks a person: "Santiago "Chispa" Ríos"
        out = [m for m in out if m not in inside] + [Mention(s, e, "PERSON")]
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


_PLACE_BEFORE = re.compile(r"([A-ZÀ-Þ][\w’'-]+(?: [A-ZÀ-Þ][\w’'-]+)?) $")


def _with_its_place(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Fife" + "Council", "Avon and Somerset" + "Police": a body named only by what it is
    takes the place it serves, written right before it, as the start of its name."""
    words = body[m.start : m.end].split()
    if m.label != "ORG" or not all(w.casefold() in gazetteer.ORG_WORDS for w in words):
        return m
    x = _PLACE_BEFORE.search(body, max(0, m.start - 40), m.start)
    if x is None or any(s < m.start and e > x.start() for s, e in taken):
        return m
    place = x.group(1)
    if not (
        gazetteer.country(place)
        or gazetteer.is_place(place)
        or gazetteer.is_region(place)
        or (gazetteer.main_city_population(place) and not commonwords.is_word(place))
    ):
        return m  # never "The" + "Senate", though some town's other name is "The"
    return Mention(x.start(1), m.end, "ORG", m.titled, m.place_word, True)


_TRADE_AFTER = re.compile(r"(?: [A-ZÀ-Þ][\w’'&-]+){1,3}(?![\w’'-]| [A-ZÀ-Þ])")


def _with_its_trade(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Shandong" + " Huaxin Mining", "Lagos" + " State Government": a place the model tagged
    before the rest of a name that an organisation word closes is the organisation's name."""
    if m.label not in ("GPE", "LOC", "NORP"):
        return m
    x = _TRADE_AFTER.match(body, m.end)
    if x is None or x.group().split()[-1].casefold() not in gazetteer.ORG_WORDS:
        return m
    return _org_through(m, x.end(), taken)


def _org_through(m: Mention, end: int, taken: list[tuple[int, int]]) -> Mention:
    """`m` widened to `end` as an organisation's name, unless another mention starts between."""
    if any(m.end <= s < end for s, _ in taken):
        return m
    return Mention(m.start, end, "ORG", m.titled, m.place_word, True)


def _whole_place(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Spanish" + "Town", "Nueva" + "Loja": a place whose first word the model left off,
    when the whole is a place the gazetteer knows and the word is part of no other name."""
    if m.label not in ("GPE", "LOC"):
        return m
    x = _PLACE_BEFORE.search(body, max(0, m.start - 40), m.start)
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


_TEAM_AFTER = re.compile(r"(?: [A-Z][a-z]+){1,2}(?![\w’'-]| [A-Z])")


def _with_its_team(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Sylhet" + " Strikers", "Karachi" + " Kings": a town the model tagged before a plural
    noun is a team or a band named after it."""
    if m.label not in ("GPE", "LOC") or not gazetteer.city_population(body[m.start : m.end]):
        return m
    x = _TEAM_AFTER.match(body, m.end)
    if x is None or not commonwords.plural_noun(x.group().split()[-1]):
        return m
    return _org_through(m, x.end(), taken)


_CLUB_WORD = re.compile(r" (Town|City|United|Rovers|Athletic|Albion|Wanderers|County|Rangers)\b")


def _with_club_word(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Kestrel" + " Town": a club's name the model cut before the word that makes it a club,
    in a match report (a result within the sentence)."""
    x = _CLUB_WORD.match(body, m.end)
    if x is None or m.label not in ("ORG", "PERSON", "GPE"):
        return m
    if not any(abs(p - m.end) < 80 for p in score_positions(body)):
        return m
    if any(m.end < s < x.end() for s, _ in taken):
        return m  # "City" is a name of its own here
    return Mention(m.start, x.end(), "ORG", m.titled, m.place_word, True)


def _with_channel(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "TV" + "Gaúcha": a broadcaster's name opens with what it is."""
    x = _CHANNEL_BEFORE.search(body, max(0, m.start - 8), m.start)
    if (
        x is None
        or m.label not in ("PERSON", "GPE", "ORG", "NORP")
        or any(s < m.start and m.start - 8 <= e <= m.start for s, e in taken)
    ):
        return m
    return Mention(x.start(), m.end, "ORG", org_word=True)


_OFFICE_OF = re.compile(r"Office of (?:the )?")
#: The rest of an office-holder's title after "Office of the UN", "… of the U.S.": capitalised
#: words and the small words inside a title ("High Commissioner for Human Rights").
_HOLDER_REST = re.compile(r"(?: (?:(?:for|of|on|and) )?[A-Z][\w’'-]*)+")


def _with_office_holder(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Office of the UN" + " High Commissioner for Human Rights", "Office of the U.S." +
    " Trade Representative": an office is named by its holder's title, which the model
    leaves out as a title."""
    if m.label != "ORG" or not _OFFICE_OF.match(body, m.start):
        return m
    x = _HOLDER_REST.match(body, m.end)
    if x is None or any(m.end <= s < x.end() for s, _ in taken):
        return m
    return Mention(m.start, x.end(), "ORG", org_word=True)


_WORD_BEFORE_NAME = re.compile(r"(?<![\w’'-])([A-ZÀ-Þ][^\W\d_]+) $")


def _with_institution(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Fundação" + "Ribeiro Alves", "Instituto" + "Butantan": a name in another language
    opens with what the institution is; the model often tags only the rest (a person)."""
    x = _WORD_BEFORE_NAME.search(body, max(0, m.start - 16), m.start)
    if (
        x is None
        or m.label not in ("PERSON", "GPE", "ORG", "NORP")
        or x.group(1).casefold() not in gazetteer.ORG_WORDS
        or commonwords.is_word(x.group(1))  # "Bank", "Council": English puts them last
        or any(s < m.start and x.start() < e for s, e in taken)
    ):
        return m
    return Mention(x.start(1), m.end, "ORG", org_word=True)


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
    """ "Dafydd" + " ap Iorwerth", "Lula" + " da Silva"."""
    x = _PARTICLE_TAIL.match(body, end)
    if x is None or not name_word(x.group(2)):
        return None
    return x.end()


_HYPHENED_NAME = re.compile(r" ([A-ZÀ-ÞĀ-Ž][^\W\d_]+-[A-ZÀ-ÞĀ-Ž][^\W\d_]+)(?![\w’'-])")


def _titled_tail(body: str, m: Mention, end: int) -> int:
    """ "Fr Declan" + " Moriarty-Walsh": after a title, one given name goes on with a
    double-barrelled surname, whatever follows it."""
    x = _HYPHENED_NAME.match(body, end)
    if x is None or not m.titled or " " in body[m.start : end] or not name_word(x.group(1)):
        return end
    return x.end(1)


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
        and not known_place(word)
        and not gazetteer.is_demonym(word)
        and not gazetteer.is_known_org(word)
    )


#: The word (and optional comma) right before a name: "director, " or "Sergeant ".
_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([^\W\d_][\w-]*),? $")


def role_before(body: str, start: int) -> bool:
    """Does a title or trade introduce the name at `start` ("MP Benedict …", "Its director,
    Mulugeta …")? Then where the name begins is no guess, whatever its words are."""
    x = _WORD_BEFORE.search(body, max(0, start - 30), start)
    return x is not None and _role(x.group(1))


def given_name_before(body: str, m: Mention, word: str, at: int) -> bool:
    """Is `word` (at `at`), right before the multi-word person `m`, a given name of the same
    person ("Mehmet" + "Ali Yıldız")? A given name the world uses, or any word that could be
    part of a name when a title or trade opens the slot ("director, Mulugeta" + "Worku Ayele")."""
    if m.label != "PERSON" or " " not in body[m.start : m.end]:
        return False
    if personnames.given_name(word):
        return True
    slot = role_before(body, at) or (sentence_start(body, at) and _role_after(body, m.end))
    return slot and name_word(word)


#: An apposition naming the role right after a name: ", chairman of …", ", a spokeswoman".
_ROLE_AFTER = re.compile(r", (?:the |a |an |its |their )?([a-z][\w-]*)")


def _role_after(body: str, end: int) -> bool:
    x = _ROLE_AFTER.match(body, end)
    return x is not None and _role(x.group(1))
