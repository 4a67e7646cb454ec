"""The parts of an organisation's name the model left outside its span.

The place a council serves ("Fife" + "Council"), the trade that closes a company's name
("Shandong" + "Huaxin Mining"), the plural that makes a town's team ("Sylhet" + "Strikers"),
the word that makes a club ("Kestrel" + "Town"), what a broadcaster is ("TV" + "Gaúcha"),
an institution word of another language ("Fundação" + "Ribeiro Alves"), an office's
holder ("Office of the UN" + "High Commissioner for Human Rights") and what a kind word the
model tagged alone governs ("Alliance" + " for the Park"). Each widens a mention only
over words no other mention holds. Called by `nameparts.complete_names`.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from . import commonwords, gazetteer, personnames
from .clean import TITLES, Mention, within
from .edges import STARTERS, sentence_start
from .matches import score_positions
from .nameforms import known_place_name
from .nonnames import FUNCTION_WORDS
from .placewords import COUNCIL_KINDS
from .registered import whole_registered_names
from .shortnames import LEGAL_FORMS
from .wordsearch import find_all, in_lowercase

#: A broadcaster's name opens with what it is: "TV Gaúcha", "Radio Okapi", "Rádio Nacional".
_CHANNEL_BEFORE = re.compile(r"(?<![\w-])(?:TV|Radio|Rádio|Radyo|Télé|Tele) $")
#: A place written right before a name.
PLACE_BEFORE = re.compile(r"([A-ZÀ-Þ][\w’'-]+(?: [A-ZÀ-Þ][\w’'-]+)?) $")


#: The level of government a council or an assembly serves, between its place and its kind:
#: "Bo" + "District Council", "Ga East" + "Municipal Assembly".
_LEVELS = frozenset(
    {"district", "county", "city", "town", "municipal", "metropolitan", "regional", "borough"}
    | {"provincial", "village", "parish", "shire", "rural", "urban"}
)


def with_its_place(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Fife" + "Council", "Avon and Somerset" + "Police", "Bo" + "District Council": a body
    named only by what it is (and the level it serves) takes the place it serves, written
    right before it, as the start of its name."""
    if m.label != "ORG":
        return m
    words = [w.casefold() for w in body[m.start : m.end].split()]
    if words[-1] not in gazetteer.ORG_WORDS or not all(
        w in gazetteer.ORG_WORDS or w in _LEVELS for w in words
    ):
        return m
    x = PLACE_BEFORE.search(body, max(0, m.start - 40), m.start)
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


#: "the" and up to two capitalised words right before a body's name the model cut short.
_THE_WORDS_BEFORE = re.compile(r"\b[Tt]he ((?:[A-ZÀ-Þ][\w’'./-]* ){1,2})$")


def _title_before_someone(lead: list[str], words: list[str]) -> bool:
    """Is one of `lead` a title right before a person's name ("the Mayor" + "Tendai Moyo
    Trust")? A title word in a body's own name ("the Water Justice" + "Collective") is none."""
    after = lead + words[:-1]
    return any(
        w.casefold().rstrip(".") in TITLES
        and personnames.person_shaped(" ".join(after[i + 1 : i + 3]))
        for i, w in enumerate(lead)
    )


def _ends_in_a_kind(body: str, m: Mention) -> bool:
    """Is `m` a body's name by its last word ("… Association", "… Network"), however the model
    labelled it (a body or a person), so the words before it may open it?"""
    return (
        m.label in ("ORG", "PERSON")
        and body[m.start : m.end].split()[-1].casefold() in gazetteer.ORG_WORDS
    )


def with_words_before(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "the Izmir" + "Amateur Referees Association", "the Riverlands Senior" + "Hockey
    League": the capitalised words between "the" and a body's name are the start of the name.
    Never a country ("the UK" + "Competition and Markets Authority" is the UK's) or a title
    before someone's name; a title word of the name itself ("the Water Justice") is its own."""
    if not _ends_in_a_kind(body, m):
        return m
    x = _THE_WORDS_BEFORE.search(body, max(0, m.start - 60), m.start)
    if x is None or any(s < m.start and e > x.start(1) for s, e in taken):
        return m
    lead = x.group(1).split()
    if gazetteer.country(lead[0]) or _title_before_someone(lead, body[m.start : m.end].split()):
        return m
    return Mention(x.start(1), m.end, "ORG", m.titled, m.place_word, True)


#: The capitalised word right before a name, with nothing but a space between.
_WORD_BEFORE = re.compile(r"(?<![\w’'.&-])([A-ZÀ-Þ][\w’'&-]*) $")


def with_sentence_opener(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Swan" + "River Capital analyst Priya Nair said": the model often leaves out the first
    word of a body's name when it opens the sentence, where any word is capitalised. The word
    is the name's when the article writes it capitalised mid-sentence too and never in
    lowercase (a verb or an adjective opening the sentence is written in lowercase elsewhere,
    or nowhere else), and it is no title, starter, country or demonym."""
    if not _ends_in_a_kind(body, m):
        return m
    x = _WORD_BEFORE.search(body, max(0, m.start - 30), m.start)
    if x is None or not sentence_start(body, x.start(1)):
        return m
    word = x.group(1)
    if (
        word.casefold() in STARTERS
        or word.casefold() in TITLES
        or word in FUNCTION_WORDS
        or word.casefold() in STOP_WORDS
        or gazetteer.country(word)
        or gazetteer.is_demonym(word)
        or any(s < m.start and e > x.start(1) for s, e in taken)
        or (not word.isupper() and in_lowercase(body, word))
        or not any(not sentence_start(body, at) for at in find_all(body, word, whole_words=True))
    ):
        return m
    return Mention(x.start(1), m.end, "ORG", m.titled, m.place_word, True)


def places_opening_bodies(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "the Doi Suthep" + " Clean Air Network", "the Ho Chi Minh City" + " University of
    Education": a place the gazetteer knows (no country: "the US Federal Reserve" is the
    Fed), tagged right before a body's name that says what it is (or before a level word
    such as "City" and the body's name), is where the body is named for and the start of its
    name; the model tags the two apart."""
    starts = {m.start: m for m in mentions if m.label == "ORG"}
    if not starts:
        return mentions
    out = list(mentions)
    for m in mentions:
        if m.label == "ORG" or body[m.end : m.end + 1] != " ":
            continue
        n = starts.get(m.end + 1) or _after_its_level(body, m.end, starts)
        if n is None or m not in out or n not in out:
            continue
        words = body[n.start : n.end].split()
        place = body[m.start : m.end]
        if (
            len(words) < 2
            or not (
                words[-1].casefold() in gazetteer.ORG_WORDS
                or (words[0].casefold() in gazetteer.ORG_WORDS and words[1] == "of")
            )
            or not known_place_name(place)
            or gazetteer.country(place)
            or gazetteer.is_demonym(place)
            or not _THE_BEFORE.search(body, max(0, m.start - 4), m.start)
        ):
            continue
        out.remove(m)
        out.remove(n)
        out.append(Mention(m.start, n.end, "ORG", n.titled, n.place_word, True))
    return out


_THE_BEFORE = re.compile(r"\b[Tt]he $")
#: The level word a place's name may go on with before a body named for it: "Ho Chi Minh" +
#: " City " + "University of Education" (the gazetteer knows the place without it).
_LEVEL_WORD = re.compile(r" ([A-Z][a-z]+) ")


def _after_its_level(body: str, end: int, starts: dict[int, Mention]) -> Mention | None:
    """The body's mention starting after one capitalised level word ("City", "District")
    that follows a place ending at `end`, if any."""
    x = _LEVEL_WORD.match(body, end)
    if x is None or x.group(1).casefold() not in _LEVELS:
        return None
    return starts.get(x.end())


_TRADE_AFTER = re.compile(r"(?: [A-ZÀ-Þ][\w’'&-]+){1,3}(?![\w’'-]| [A-ZÀ-Þ])")


def with_its_trade(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
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


_TEAM_AFTER = re.compile(r"(?: [A-Z][a-z]+){1,2}(?![\w’'-]| [A-Z])")


def with_its_team(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Sylhet" + " Strikers", "Karachi" + " Kings": a town the model tagged (as whatever:
    "Rangpur" is a person to it) before a plural noun is a team or a band named after it."""
    # (the words after it first: most mentions end where the capitals do, and the town's
    # lookup costs more)
    x = _TEAM_AFTER.match(body, m.end) if m.label in ("GPE", "LOC", "PERSON", "ORG") else None
    if x is None or not gazetteer.city_population(body[m.start : m.end]):
        return m
    if not commonwords.plural_noun(x.group().split()[-1]):
        return m
    return _org_through(m, x.end(), taken)


_CLUB_WORD = re.compile(r" (Town|City|United|Rovers|Athletic|Albion|Wanderers|County|Rangers)\b")


def with_club_word(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Kestrel" + " Town": a club's name the model cut before the word that makes it a club,
    in a match report (a result within the sentence)."""
    # (the label first, the pattern after: each mention is asked, and most are no club)
    x = _CLUB_WORD.match(body, m.end) if m.label in ("ORG", "PERSON", "GPE") else None
    if x is None:
        return m
    if not any(abs(p - m.end) < 80 for p in score_positions(body)):
        return m
    if any(m.end < s < x.end() for s, _ in taken):
        return m  # "City" is a name of its own here
    return Mention(m.start, x.end(), "ORG", m.titled, m.place_word, True)


def with_channel(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "TV" + "Gaúcha": a broadcaster's name opens with what it is."""
    if m.label not in ("PERSON", "GPE", "ORG", "NORP"):
        return m  # (read first: the search costs more)
    x = _CHANNEL_BEFORE.search(body, max(0, m.start - 8), m.start)
    if x is None or any(s < m.start and m.start - 8 <= e <= m.start for s, e in taken):
        return m
    return Mention(x.start(), m.end, "ORG", org_word=True)


_OFFICE_OF = re.compile(r"Office of (?:the )?")
#: The rest of an office-holder's title after "Office of the UN", "… of the U.S.": capitalised
#: words and the small words inside a title ("High Commissioner for Human Rights").
_HOLDER_REST = re.compile(r"(?: (?:(?:for|of|on|and) )?[A-Z][\w’'-]*)+")


def with_office_holder(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Office of the UN" + " High Commissioner for Human Rights", "Office of the U.S." +
    " Trade Representative": an office is named by its holder's title, which the model
    leaves out as a title."""
    if m.label != "ORG" or not _OFFICE_OF.match(body, m.start):
        return m
    x = _HOLDER_REST.match(body, m.end)
    if x is None or any(m.end <= s < x.end() for s, _ in taken):
        return m
    return Mention(m.start, x.end(), "ORG", org_word=True)


#: What a body named by its kind alone goes on with, untagged: " for the Park", " of Fine Arts
#: and Crafts" (capitalised words, the small words inside a name between them).
_KIND_REST = re.compile(
    r" (?:for|of) (?:the )?[A-Z][\w’'-]*(?: (?:(?:of|for|and|the) )*[A-Z][\w’'-]*)*"
)
#: Seats, whose "for" names a constituency ("Member of Parliament for Zomba").
_SEATS = frozenset({"parliament", "assembly", "congress", "senate", "council"})


def with_kind_rest(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Alliance" + " for the Park": a body's kind word the model tagged alone is no name;
    the capitalised words it governs after "for" or "of" are the rest of its name."""
    if m.label != "ORG" or body[m.end : m.end + 1] != " ":
        return m  # (read first: most mentions are followed by more)
    word = body[m.start : m.end].casefold()
    if " " in word or word not in gazetteer.ORG_WORDS or word in _SEATS:
        return m
    x = _KIND_REST.match(body, m.end)
    if x is None or any(m.end <= s < x.end() for s, _ in taken):
        return m
    return Mention(m.start, x.end(), "ORG", org_word=True)


_WORD_BEFORE_NAME = re.compile(r"(?<![\w’'-])([A-ZÀ-Þ][^\W\d_]+) $")


def with_institution(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Fundação" + "Ribeiro Alves", "Instituto" + "Butantan": a name in another language
    opens with what the institution is; the model often tags only the rest (a person)."""
    if m.label not in ("PERSON", "GPE", "ORG", "NORP"):
        return m  # (read first: the search costs more)
    x = _WORD_BEFORE_NAME.search(body, max(0, m.start - 16), m.start)
    if (
        x is None
        or x.group(1).casefold() not in gazetteer.ORG_WORDS
        or commonwords.is_word(x.group(1))  # "Bank", "Council": English puts them last
        or any(s < m.start and x.start() < e for s, e in taken)
    ):
        return m
    return Mention(x.start(1), m.end, "ORG", org_word=True)


#: The kinds of local government written capitalised after their place's name, which the model
#: leaves out of its span: "the Alexandria" + " Governorate said", "Jeddah" + " Municipality".
_COUNCIL_KINDS = tuple(" " + kind.capitalize() for kind in sorted(COUNCIL_KINDS))


def with_council_kind(body: str, m: Mention, taken: list[tuple[int, int]]) -> Mention:
    """ "Alexandria" + " Governorate": the place a local government is named after takes the
    kind written right after it, so the name is the government's (`namevotes` types it, an
    organisation unless the sentence places it: "villages in Idlib Governorate")."""
    if m.label not in ("GPE", "LOC", "PERSON") or m.titled:
        return m
    if not body.startswith(_COUNCIL_KINDS, m.end):
        return m  # (one test of all the kinds, in C: most mentions have none after them)
    kind = next(k for k in _COUNCIL_KINDS if body.startswith(k, m.end))
    if body[m.end + len(kind) : m.end + len(kind) + 1].isalnum():
        return m
    end = m.end + len(kind)
    if any(m.end <= s < end for s, _ in taken):
        return m
    return Mention(m.start, end, "GPE", m.titled, m.place_word, m.org_word)


#: A firm named by its partners, closing with "& Co", "& Partners", "& Associates" or "& Sons":
#: "Banjo, Okeke & Co", "Mwangi & Partners". The names before it may be cut by commas.
_FIRM = re.compile(
    r"(?<![\w’'-])([A-Z][\w’'-]+(?:,? [A-Z][\w’'-]+)*(?:,)? & (?:Co\b\.?|Partners|Associates|Sons))"
)


#: A company whose legal form opens its name, as Indonesia's and the former Soviet states' do:
#: "PT Selat Bahari Lestari", "PJSC Aeroflot" (every capitalised word after it, up to five).
_PREFIXED_FIRM = re.compile(
    r"(?<![\w’'-])(?<!\d )(?<![ap]m )(?<!\.m\. )"  # never a time zone: "9am PT Friday"
    r"((?:PT|PJSC|OJSC|JSC|OAO|ZAO) [A-Z][\w’'&-]+(?: [A-Z][\w’'&-]+){0,4})"
    r"(?![\w’'-])"
)


def firm_names(body: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with the partners' firms the model missed or cut ("Banjo" of "Banjo,
    Okeke & Co") and the firms named after their legal form ("Bahari Lestari", read as someone,
    of "PT Selat Bahari Lestari"); what it tagged inside one is part of it, never a name
    crossing its edges."""
    mentions = whole_registered_names(body, _before_legal_forms(body, mentions))
    firms: list[re.Match[str]] = []
    if " & " in body:
        firms += _FIRM.finditer(body)
    if "PT " in body or "JSC " in body or "OAO " in body or "ZAO " in body:
        firms += _PREFIXED_FIRM.finditer(body)
    if not firms:
        return mentions
    out = list(mentions)
    for x in firms:
        start, end = x.span(1)
        inside = within(out, start, end)
        if inside is None:
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "ORG", org_word=True))
    return out


#: One to three capitalised words right before a legal form the model tagged alone.
_NAMES_BEFORE = re.compile(r"(?:[A-Z][\w&’'-]* ){1,3}$")
_NO_OPENERS = STARTERS | {"the", "a", "an", "and", "or", "of", "for", "by", "at", "in", "on"}


def _before_legal_forms(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Sunmesa Energy" + " LLC": the firm's name before a legal form the model tagged alone.
    (Not before a firm's name the model cut elsewhere: that took words that were no name's.)"""
    alone = [m for m in mentions if body[m.start : m.end].casefold().rstrip(".") in LEGAL_FORMS]
    out = mentions
    for m in alone:
        x = _NAMES_BEFORE.search(body, max(0, m.start - 60), m.start)
        if x is None:
            continue
        start = x.start()
        for w in x.group().split():  # "The Sunmesa Energy LLC": no "The"
            if w.casefold() not in _NO_OPENERS and w.casefold() not in TITLES:
                break
            start += len(w) + 1
        inside = within(out, start, m.end) if start < m.start else None
        if inside is not None:
            out = [o for o in out if o not in inside]
            out.append(Mention(start, m.end, "ORG", org_word=True))
    return out
