"""Span repairs between cleaning and grouping: what the text around a span proves.

Each repair acts only on evidence in the article itself or in the gazetteer, never on a
guess, so the model's span stands unless something contradicts it:

* `drop_non_names`: holidays ("Hanukkah"), vessels ("the research vessel Orla Finch"), the
  country in an amount ("billion US dollars"), names used as a prefix ("pro-Beijing"),
  demonym phrases ("Native American"), fears of creeds and followers ("Islamophobia",
  "Scientologist") and ranks after a name ("…, QC,") are not entities of ours;
* `trim_edges` and `split_at_the` (edges.py), `join_parts` (joins.py), `join_and_parts`
  (andnames.py): what the model glued to a name's ends comes off; two spans that are one
  name become one;
* `extend_truncated`: a name the model cut short ("Amy Berman" of "Amy Berman Jackson") is
  extended by the next capitalised word when the article uses that word as a name elsewhere
  (and by surnames, nametails.py), and a person by the given name right before it
  ("Beatriz" + "Conceição") when that word is no English word, title, place or other name
  (namestarts.py);
* `common_word_start`: one capitalised plural noun ("Forecasters said …") that the article
  only capitalises at sentence starts is not a name (the word index is in commonwords.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import commonwords, gazetteer, nametails, personnames
from .clean import TITLES, Mention, name_like
from .edges import PREFIX_IN, recurs, sentence_start, word_positions
from .keys import LOOKUP_CACHE, entity_key
from .nameforms import known_place_name
from .namestarts import with_abbreviated_given, with_given_name
from .nonnames import CALENDAR, KINDS_ALONE, NEVER_NAMES, PRIZES, amount
from .placewords import COMPASS
from .wordlists import POSTNOMINALS

#: A ship's name after what it is ("the tanker X", "HMS X"); the words test the last one first.
_SHIP_ENDS: tuple[str, ...] = ("ship", "vessel", "yacht", "tanker", "freighter", "frigate")
_SHIP_ENDS += ("destroyer", "submarine", "trawler", "aboard", "ferry", "liner", "dhow")
_SHIP_ENDS += ("catamaran", "barge", "rv", "r/v", "uss", "hms", "mv", "m/v", "usns")  # navies next:
_SHIP_CAPS = ("KMP", "KM", "FV", "RSV", "HMAS", "HMNZS", "HMCS", "INS", "BRP", "KRI", "TCG")
_SHIP_BEFORE = re.compile(
    rf"\b(?:(?i:{'|'.join(_SHIP_ENDS)})|{'|'.join(_SHIP_CAPS)})\s+(?:the\s+)?$"
)
#: Where a study appeared: "published Thursday in the journal Nature", "in The Lancet …".
_JOURNAL_BEFORE = re.compile(
    r"(?:\bpublished\s+(?:[\w-]+\s+){0,2}?in\s+(?:the\s+journal\s+|the\s+)?|\bthe\s+journal\s+)$",
    re.IGNORECASE,
)
#: A named storm is a weather event, not a place or a person: "Storm Bettina", "Typhoon Kalmaegi".
_STORM = re.compile(r"(?:Tropical |Super )?(?:Storm|Hurricane|Typhoon|Cyclone)\s+[A-Z]")
_STORMS = ("Storm", "Hurricane", "Typhoon", "Cyclone")
_STORM_BEFORE = re.compile(rf"\b(?:(?:[Tt]ropical |[Ss]uper )?(?:{'|'.join(_STORMS)}))\s+$")
_MONEY_AFTER = re.compile(
    r"^(?:\$|\s*(?:dollars?|cents?|pounds?|euros?|yuan|yen|rupees?|pesos?|francs?|rubles?|roubles?"
    r"|lira|liras|dinars?|riyals?|rials?|shekels?|won|rand|crowns?)\b)",
    re.IGNORECASE,
)
#: A minister's portfolio before the title ("… Finance Minister", "… Health Secretary").
_PORTFOLIOS = frozenset(
    {"finance", "defence", "defense", "interior", "foreign", "health", "education", "justice"}
    | {"economy", "trade", "agriculture", "energy", "transport", "labour", "labor", "culture"}
    | {"cabinet"}  # "Cabinet Secretary Ruth Wanjala"
    # "Transportation Minister Bambang …", "Tourism Secretary …"
    | {"transportation", "works", "mines", "tourism", "housing", "environment", "fisheries"}
    | {"communications", "information", "planning", "lands", "immigration", "infrastructure"}
)
#: A title and "for" or "of" before a mention ("Minister for Works and Transport Prof. …"):
#: a mention made only of portfolios and "and" is the title's, no body's name.
_TITLE_FOR = re.compile(
    r"\b(?:Minister|Commissioner|Secretary|Ministers|Secretaries|MEC) (?:for|of) (?:the )?$"
)
_PORTFOLIO_TITLE = re.compile(r"\s+(?:Minister|Secretary|Ministers|Secretaries)\b")
#: "Member of Parliament": a title, whose "Parliament" is no mention of the body.
_MEMBER_OF = re.compile(r"\b[Mm]embers? of (?:the )?$")
#: An illness named after where it was found: "Marburg virus", "Lassa fever", "West Nile virus".
_DISEASE_AFTER = re.compile(r" (?:virus|fever|disease|flu|encephalitis)\b")
#: An apposition saying a name is a product or a work: "Qdenga, a vaccine made by …".
_PRODUCT_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:vaccine|drug|medicine|pill|smartphone|handset"
    r"|film|novel|album|single|musical|opera|video\s+game)"
    r"(?=[,.;)]|\s+(?:made|by|from|that|which|for|in|with|starring|about|released|approved)\b)"
)
_PREFIXED = re.compile(r"(?:\b(?:pro|anti|non|post|pre|ex)-)$", re.IGNORECASE)
#: Words that qualify a people before a demonym ("Native American", "Northern Irish"): the
#: compass words but "upper" and "lower", and "native", "indigenous", "black", "white", "first".
_QUALIFIERS = (COMPASS - {"upper", "lower"}) | {"native", "indigenous", "black", "white", "first"}


def drop_non_names(
    body: str,
    mentions: list[Mention],
    kept: set[tuple[int, int, str, bool]] | None = None,
    vessels: set[str] | None = None,
) -> list[Mention]:
    """`mentions` less those that are no name where they stand. Both checks read only the
    body and the mention's span, label and title, so a mention an earlier pass of the same
    article kept (its key in `kept`, which this adds to) is kept again unread: the resolver
    runs this twice, and most mentions reach the second pass unchanged.

    A ship (a storm, a work) is one wherever the article names it: once "the ferry Laura
    Mendes" says so, a bare "Laura Mendes had been carrying …" is the vessel too, and goes.
    The names of the things found are added to `vessels`, which the second pass reads too."""
    out: list[Mention] = []
    ships = vessels if vessels is not None else set()
    for m in mentions:
        key = (m.start, m.end, m.label, m.titled)
        if kept is not None and key in kept:
            out.append(m)
        elif not non_name(body, m.start, m.end, m.label, m.titled) and not common_word_start(
            body, m.start, m.end
        ):
            out.append(m)
            if kept is not None:
                kept.add(key)
        elif m.label not in ("GPE", "GAZETTEER"):
            before = body[max(0, m.start - 40) : m.start]
            if _thing_before(before, before[-24:].split()[-2:], m.label):
                ships.add(body[m.start : m.end])
    if ships:
        out = [m for m in out if body[m.start : m.end] not in ships]
    return out


def _thing_before(before: str, last: list[str], label: str) -> bool:
    """Is a name written right after what it is (`before`, the 40 characters before it, and
    `last`, the last two words of their last 24): a storm ("Hurricane …"), a ship ("the ferry
    …", "MV …") or a work ("her novel …")? `non_name` drops such a mention and
    `drop_non_names` the name's other mentions, both by this one reading."""
    return (
        bool(last and last[-1].endswith(_STORMS) and _STORM_BEFORE.search(" ".join(last) + " "))
        or (label not in ("GPE", "GAZETTEER") and _ship_before(before[-24:], last))
        # "her novel The Salt Orchard": a work, whatever it is named after
        or (label != "GAZETTEER" and _WORK_BEFORE.search(before[-14:]) is not None)
    )


#: A work named after what it is ("her novel The Salt Orchard"); never "play", "show", "series".
_WORK_BEFORE = re.compile(
    r"\b(?:novel|film|documentary|album|memoir|painting|song|opera|poem|sculpture|musical)"
    r"\s+(?:[Tt]he\s+)?$"
)


_WORD = re.compile(r"[A-Z][a-z]+")
_POSSESSIVE_TAIL = re.compile(r"[’']s?$")


def common_word_start(body: str, start: int, end: int) -> bool:
    """ "Forecasters said …", "Hauliers said …": one capitalised word the model took for a
    name, that is the regular plural of an English noun, and that the article only ever
    capitalises where a sentence starts. A surname that is also a word ("Baker", "Stone") is capitalised
    mid-sentence somewhere ("said Ruth Baker"), so it stays; so does anything the gazetteer
    knows as a place, demonym or organisation."""
    word = _POSSESSIVE_TAIL.sub("", body[start:end])
    if not _WORD.fullmatch(word) or len(word) < 4 or not sentence_start(body, start):
        return False
    if not commonwords.plural_noun(word):  # a singular word is caught by the type vote
        return False
    if (
        known_place_name(word)
        or gazetteer.is_demonym(word)
        or gazetteer.is_known_org(word)
        or gazetteer.is_holiday(word)
    ):
        return False
    return all(sentence_start(body, at) for at in word_positions(body, word))


def _kind_alone(text: str, before: str) -> bool:
    key = text.casefold()
    # "fought in the Valley": a place named before, by its kind ("the Tower", "the Island")
    kind = key in KINDS_ALONE or (key in gazetteer.PLACE_WORDS and not before.endswith("the "))
    return kind and " " not in text and not gazetteer.is_place(text)  # "the Gulf"


#: "No. 9 Villanova", "Nos. 3 and 4": "No" is the number's abbreviation there, no name.
_NUMBER_AFTER = re.compile(r"\.\s?\d")
#: Parts of a ground, a station or a road known by a number: "on Court 12", "Gate 4",
#: "Platform 9", "Junction 12": no name of ours.
_NUMBERED_PLACES = frozenset(
    {"Court", "Pitch", "Gate", "Platform", "Terminal", "Stand", "Ward", "Room", "Junction"}
    | {"Exit", "Bay", "Berth", "Hangar", "Block", "Level", "Zone", "Sector", "Lane"}
)  # fmt: skip
_NUMBERED = re.compile(r" (?:No\.? ?)?\d")
#: The number of shares in a market index, after its name: "the S&P 500", "ASX 200", "BIST
#: 100", "Nifty 50", "Stoxx 600", "IBEX 35": an index, no entity (the exchange alone is one).
_INDEX_SIZE = re.compile(
    r" (?:20|25|30|35|40|50|100|150|200|225|250|300|350|500|600|1000|2000)\b(?![.,:]\d|\s?[-–]\s?\d)"
)
#: The last word of a prize's or a cup's name: no entity ("the Booker Prize", "the Davis Cup").
_PRIZE_WORDS = frozenset({"Prize", "Prizes", "Award", "Awards", "Medal", "Trophy", "Cup"})
#: What closes a page's label: "Newsletter: Get our briefing", "Read more: …", "Photo: …".
_LABEL_END = re.compile(r"(?: [a-z]+)?:")


def _line_label(body: str, start: int, end: int, text: str) -> bool:
    """An English word opening a line before a colon is the page's label ("Newsletter:",
    "Read more:"), unless it names a place, a body or someone ("Kenya: …")."""
    return (
        (start == 0 or body[start - 1] == "\n")
        and " " not in text
        and _LABEL_END.match(body, end) is not None
        and commonwords.is_word(text)
        and not known_place_name(text)
        and not gazetteer.is_known_org(text)
        and not personnames.listed_name(text)
    )


@lru_cache(maxsize=LOOKUP_CACHE)
def _never_a_name(text: str) -> bool:
    """What no name of ours is, wherever it is written: a holiday, a day or a month, a prize
    ("the Booker Prize"), a named storm. Asked of every mention of every article, and the same
    names recur: cached."""
    words = text.rsplit(None, 1)
    return bool(
        gazetteer.is_holiday(text)
        or text.rstrip(".") in CALENDAR
        or text in NEVER_NAMES
        or (words and words[-1] in _PRIZE_WORDS)
        or text in PRIZES
        or (text.startswith(("T", "S", "H", "C")) and _STORM.match(text))
    )


def non_name(body: str, start: int, end: int, label: str = "", titled: bool = False) -> bool:
    """Is `body[start:end]`, where it stands, not a name of ours (see the module doc)?"""
    text = body[start:end]
    before = body[max(0, start - 40) : start]
    last = before[-24:].split()[-2:]  # "Storm", "Tropical Storm" right before it
    nxt = body[end : end + 1]  # what patterns read after it open with, tested first
    if (
        _never_a_name(text)
        or amount(text, body[end : end + 12])
        or (text in ("No", "Nos") and _NUMBER_AFTER.match(body, end))
        or (text in _NUMBERED_PLACES and _NUMBERED.match(body, end) is not None)
        # never a player's runs in a scorecard ("Kohli 100")
        or (label != "PERSON" and nxt == " " and _INDEX_SIZE.match(body, end) is not None)
        or _kind_alone(text, before)
        or _line_label(body, start, end, text)
        or _thing_before(before, last, label)
    ):
        return True
    if text.split()[-1].casefold() in _PORTFOLIOS and _PORTFOLIO_TITLE.match(body, end):
        return True  # "Georgian Finance" of "Georgian Finance Minister Nino Beridze": a title
    if (
        before.endswith(("for ", "of ", "the "))
        and _TITLE_FOR.search(before)
        and all(w in _PORTFOLIOS or w in ("and", "&") for w in text.casefold().split())
    ):
        return True  # "Works and Transport" of "Minister for Works and Transport Prof. …"
    if text == "Parliament" and _MEMBER_OF.search(before):
        return True  # "a Member of Parliament for Kasungu": the body is named where it acts
    journal = " in " in before[-14:] or "ournal" in before  # no regex on most mentions
    if journal and _JOURNAL_BEFORE.search(before) and not known_place_name(text):
        return True  # "published this week in Nature Medicine": a journal, a work
    if gazetteer.country(text) and _MONEY_AFTER.match(body[end : end + 20]):
        return True  # "billion US dollars", "US$48m"
    if text.isupper() and body.startswith("$", end):
        return True  # "NZ$", "HK$": a currency's sign
    if nxt == " " and _DISEASE_AFTER.match(body, end):
        return True  # "Marburg virus disease", "Lassa fever": an illness, not the place
    if not titled and nxt == "," and _PRODUCT_APPOSITION.match(body, end):
        return True  # "Qdenga, a vaccine made by Takeda": a product, not its maker
    if before.endswith(("-", "-\n")) and _PREFIXED.search(before[-8:]):
        return True
    prefixed = PREFIX_IN.match(text)  # "Pro-Beijing", never "Anti-Defamation League"
    if prefixed and (
        known_place_name(prefixed.group(1)) or gazetteer.is_demonym(prefixed.group(1))
    ):
        return True
    if _creed(body, text):
        return True
    if text in POSTNOMINALS and _AFTER_NAME.search(before):
        return True  # "Mark Ledwell, QC," "Ann Orbury MP": a rank after a name
    return (not titled and _demonym_phrase(text)) or _shouted_word(body, start, end)


def _ship_before(window: str, last: list[str]) -> bool:
    """`_SHIP_BEFORE` on `window`, whose last two words are `last`."""
    if not window[-1:].isspace() or not last:
        return False
    word = last[0] if last[-1] == "the" and len(last) == 2 else last[-1]
    if word.isascii() and not (  # (IGNORECASE folds some non-ASCII letters to ASCII ones)
        word.lower().endswith(_SHIP_ENDS) or word.endswith(_SHIP_CAPS)
    ):
        return False
    return _SHIP_BEFORE.search(window) is not None


def _shouted_word(body: str, start: int, end: int) -> bool:
    """ "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT": in a headline written in
    capitals, the model takes words for names; English words there ("DEFEAT", "LEADING
    SCORES") that name no place or organisation are no name. Acronyms ("NATO") are no
    English words."""
    text = body[start:end]
    if len(text) < 4 or not text.isupper():
        return False  # (most mentions: before the words are split)
    words = text.split()
    # (the words first: "NATO" is no English word, and counting a long line's letters costs
    # more than every other test of the mention)
    if not all(w.isalpha() for w in words) or not all(commonwords.is_word(w) for w in words):
        return False
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    letters = [
        c for c in body[line_start : line_end if line_end >= 0 else len(body)] if c.isalpha()
    ]
    if len(letters) < 12 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return False
    return (
        not known_place_name(text)
        and not gazetteer.is_known_org(text)
        and not gazetteer.is_demonym(text)
    )


_CREED_WORD = re.compile(r"[A-Z][a-z]{3,}(?:phobia|(ists?))")


def _creed(body: str, text: str) -> bool:
    """ "Islamophobia", "Scientologist": a fear of a creed or a follower, never a name of ours
    (the creed itself may be an organisation: "Quenthism denied …"). A follower ("-ist")
    needs its creed in the article or the word index, so a surname such as "Lindqvist"
    stays."""
    x = _CREED_WORD.fullmatch(text) if text.endswith(("phobia", "ist", "ists")) else None
    if x is None or known_place_name(text) or gazetteer.is_known_org(text):
        return False
    if not x.group(1):
        return True
    stem = text[: x.start(1)]
    return commonwords.is_word(text.removesuffix("s")) or any(
        recurs(body, stem + end, -1, -1) for end in ("ism", "y", "")
    )


_AFTER_NAME = re.compile(r"[A-Z][\w’'-]+,? $")


@lru_cache(maxsize=LOOKUP_CACHE)
def _demonym_phrase(text: str) -> bool:
    """ "Native American", "South Korean": demonyms with qualifiers (one bare demonym is left
    to the resolver, which knows whether a person is meant). Cached: asked of every mention
    not titled, and the same names recur."""
    words = text.split()
    if len(words) < 2:
        return False
    return gazetteer.is_demonym(words[-1]) and all(
        w.casefold() in _QUALIFIERS or gazetteer.is_demonym(w.casefold()) for w in words[:-1]
    )


#: Bodies named by their portfolio: "Department of Health and Human Services".
def _truncated(text: str, label: str, alone: dict[str, set[str]]) -> bool:
    """Could `text` be the start of a longer name? A full name whose last word is not a
    surname used alone ("Amy Berman"), or one word the model did not call a person ("Dries");
    never one person's name before another's ("Trump Putin")."""
    words = text.split()
    if len(words) >= 2:
        return label == "PERSON" and "PERSON" not in alone.get(entity_key(words[-1]), set())
    return label != "PERSON"


_NEXT_WORD = re.compile(r" ([A-Z][\w’'-]+)(?=[\s,.;:!?’']|$)")


def extend_truncated(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Amy Berman" + " Jackson", when "Jackson" is a name elsewhere in the article."""
    alone: dict[str, set[str]] = {}
    for m in mentions:
        text = body[m.start : m.end]
        if " " not in text:
            alone.setdefault(entity_key(text), set()).add(m.label)
    starts = {m.start for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        if (
            m.label in ("PERSON", "ORG", "NORP")
            and m.end + 1 not in starts
            and (nxt := _NEXT_WORD.match(body[m.end : m.end + 40]))
        ):
            word = nxt.group(1)
            labels = alone.get(entity_key(word), set())
            if (
                name_like(word)
                and "PERSON" in labels
                and word.casefold() not in TITLES
                and not gazetteer.is_place(word)
                and _truncated(body[m.start : m.end], m.label, alone)
            ):
                m = Mention(m.start, m.end + nxt.end(), "PERSON", m.titled)
        if m.end + 1 not in starts:
            m = nametails.surnames_after(body, m)
        g = with_given_name(body, m, mentions)  # and a second: "María" + "Fernanda" + "Luján …"
        out.append(
            with_abbreviated_given(body, g if g is m else with_given_name(body, g, mentions))
        )
    return out
