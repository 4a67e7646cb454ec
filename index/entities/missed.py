"""Names the model missed or glued to something else, found again from what the sentence says.

Speech and a role beside a name ("said Corentin Mavel, an economist") mark a person the model
did not tag (a title before it: `titled.py`; what a name is said to be, an organisation:
`describedorgs.py`); a well-known company's name before product words ("Apple AirPods") is the
company.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import accumulate

from . import commonwords, gazetteer, personnames
from .anchored import finditer_at, starts_before
from .clean import NUMBERED_UNITS, TITLES, Mention
from .edges import STARTERS, recurs, sentence_start
from .nameforms import known_place_name
from .rolewords import OCCUPATIONS
from .shortnames import LEGAL_FORMS
from .trie import trie_pattern

#: A capitalised word of a Latin-script name, accents included ("Joaquín", "Łukasz"), with at
#: most one capital inside ("O'Rourke", "McAllister", "Mbeki-Lowe").
UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper())
_LOWER = "".join(c for c in map(chr, range(0x61, 0x250)) if c.islower())
_NAME_TAIL = rf"(?:[{_LOWER}’'-]+[{UPPER}])?[{_LOWER}’'-]+"
NAME_WORD = rf"[{UPPER}]{_NAME_TAIL}"
#: `(?<![\w’'-]){NAME_WORD}`, a name's first word no word goes on before, written capital
#: first: `re` skips to the characters of a pattern's opening set in C, but tries one that
#: opens with a look-behind at every character (twice the time on a whole body). The
#: look-behind, read after the capital, tests the character before it.
FIRST_NAME_WORD = rf"[{UPPER}](?<![\w’'-].){_NAME_TAIL}"


def free_span(
    start: int, end: int, taken: list[tuple[int, int]], stray: list[tuple[int, int]]
) -> bool:
    """Is [start, end) clear of every mention already found, and not inside a stray line
    (a caption, a byline) that the article's text does not count?"""
    return not any(s < end and start < e for s, e in taken) and not on_stray(start, end, stray)


class TakenSpans:
    """The spans of the mentions found before a scan of the body, and those the scan adds:
    does a candidate overlap one? A body's pattern yields hundreds of candidates and an
    article holds dozens of mentions, so the first are sorted once, with the furthest end
    each prefix reaches, and asked in a bisection (what `free_span` asks of every span)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))
        self._added: list[tuple[int, int]] = []  # (few: searched one by one)

    def add(self, start: int, end: int) -> None:
        self._added.append((start, end))

    def clear(self, start: int, end: int) -> bool:
        """Does [start, end) overlap no span (one starting before `end` that ends after
        `start`)?"""
        k = bisect_left(self._starts, end)
        if k and self._reach[k - 1] > start:
            return False
        return not any(s < end and start < e for s, e in self._added)

    def free(self, start: int, end: int, stray: list[tuple[int, int]]) -> bool:
        """`free_span`'s question: clear of every span, and not inside a stray line?"""
        return self.clear(start, end) and not on_stray(start, end, stray)


def on_stray(start: int, end: int, stray: list[tuple[int, int]]) -> bool:
    """Is [start, end) inside a stray line (a caption, a byline) the article does not count?"""
    return any(s <= start and end <= e for s, e in stray)


_BALINESE_OPENER = re.compile(r"(?<![\w’'.-])(?:I|Ni) $")
_CUE_NAME = re.compile(rf"({FIRST_NAME_WORD}(?: {NAME_WORD}){{1,2}})(?![\w’'-])")
_CUE_BEFORE = re.compile(r"\b(?:said|says|according to|told|by)\s+$")
#: What follows only a person's name: a role in apposition, speech, or "who" and a verb.
CUE_AFTER = re.compile(
    r"^(?:,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:spokes\w+|minister|commander|president"
    r"|leader|director|chief|head|member|official|envoy|ambassador|adviser|advisor|economist"
    r"|analyst|researcher|professor|lawyer|journalist|correspondent|historian|scientist"
    r"|expert|author|founder|activist|teacher|doctor|student|resident|farmer|engineer"
    r"|manager|chairman|secretary|mayor|governor|coordinator|candidate|fellow)\b"
    r"|,?\s+(?:said|says|told|added)\b"
    r"|,\s+who\s+(?:was|is|had|has|said|told|runs|ran|lives|lived|works|worked"
    # a verb in the singular only: a side takes the plural ("Arsenal, who lead the table")
    r"|heads|headed|leads|owns|chairs|chaired|founded|manages|managed|coaches|teaches"
    r"|taught|sells|studied|grew\s+up)\b)"
)


_CUE_ROLE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:spokes\w+|minister|commander|president"
    r"|director|envoy|ambassador|adviser|advisor|economist|analyst|researcher|professor|lawyer"
    r"|journalist|correspondent|historian|scientist|activist|teacher|doctor|engineer"
    r"|chairman|secretary|mayor|governor|coordinator|candidate)\b"
)


@cache
def _role_comma() -> re.Pattern[str]:
    """A title or calling, perhaps "of"/"for" what, then an apposition's comma: "Her sister, "."""
    roles = trie_pattern(sorted(TITLES | OCCUPATIONS))
    return re.compile(
        rf"(?<![\w’'-])(?:{roles})(?: (?:of|for|at) [^,;:.!?\"“”()\n]{{1,50}}?)?, $",
        re.IGNORECASE,
    )


def _named_in_apposition(body: str, start: int, end: int) -> bool:
    """A name set off by commas right after a title or calling holds it: "her sister, Ana Ruiz,"."""
    return (
        body.startswith(",", end)
        and body.startswith(", ", start - 2)
        and _role_comma().search(body, max(0, start - 72), start) is not None
    )


#: A verb in the past or present tense right after a sentence's first words: "… defended".
_VERB_AFTER = re.compile(r" (?:[a-z]{3,}ed|said|says|told|tells|warned|won|led|met)\b")


def _opens_a_sentence_as_someone(body: str, name: str, end: int) -> bool:
    """ "Ana Ferreira defended the costs …", "Ana Ferreira, an economist at …", "Ana
    Ferreira, who heads …": at a sentence's start, where any capitalised word may open it,
    only a name shaped like a person's (a given name the world uses, then no English words)
    right before a verb, a role in apposition or "who" and a verb."""
    after = body[end : end + 80]
    if not personnames.person_shaped(name):
        # "Tamaz Diasamidze, who chairs the …": a given name no list holds, but only someone
        # chairs, heads or founded something, and no word of the name is anything else
        return _WHO_DOES.match(after) is not None and all(_only_a_name(w) for w in name.split())
    return (
        _VERB_AFTER.match(body, end) is not None
        or _CUE_ROLE.match(after) is not None
        # "Mika Tsuchiya, who heads the group, said …"
        or (after.startswith(", who") and CUE_AFTER.match(after) is not None)
    )


#: "…, who chairs": what only a person does (a body "has", "was" or "runs" things too).
_WHO_DOES = re.compile(
    r",\s+who\s+(?:chairs|chaired|heads|headed|founded|co-founded|coaches|coached|teaches"
    r"|taught|studied|grew\s+up|lives|lived)\b"
)


def _only_a_name(word: str) -> bool:
    """Could `word` be nothing but a part of someone's name: capitalised, and no English word,
    known place, demonym or well-known organisation?"""
    return (
        word[:1].isupper()
        and not commonwords.is_word(word.casefold())
        and not known_place_name(word)
        and not gazetteer.is_demonym(word)
        and not gazetteer.is_known_org(word)
    )


def cued_names(body: str, mentions: list[Mention], stray: list[tuple[int, int]]) -> list[Mention]:
    """Full names the model missed that the sentence marks as people ("said Corentin Mavel,
    an economist", "Conor Fahy, who was upgraded"): two or three capitalised words,
    mid-sentence, no org, place or title word among them, with a speech or role cue, or "who"
    and a verb, right beside them."""
    taken = TakenSpans([(m.start, m.end) for m in mentions])
    out: list[Mention] = []
    for x in _CUE_NAME.finditer(body):
        start, end = x.span(1)
        name = x.group(1)
        if not taken.free(start, end, stray):
            continue
        opener = sentence_start(body, start)
        if opener and not _opens_a_sentence_as_someone(body, name, end):
            continue
        words = [w.casefold() for w in name.split()]
        if any(
            w in TITLES
            or w in gazetteer.ORG_WORDS
            or w in gazetteer.PLACE_WORDS
            or w in STARTERS
            or gazetteer.is_demonym(w)
            for w in words
        ) or known_place_name(name):
            continue
        given = personnames.given_name(name.split()[0])
        if not given and any(known_place_name(w) for w in name.split()):
            continue  # "Air France", "Human Rights Watch"-like names are no people
        before = body[max(0, start - 20) : start]
        after = body[end : end + 80]
        role = _CUE_ROLE.match(after)
        if (
            role
            or opener
            or _named_in_apposition(body, start, end)
            or (
                (_CUE_BEFORE.search(before) or CUE_AFTER.match(after))
                # the surname used again, or a given name the world uses ("Esteban Vera, said")
                and (recurs(body, name.split()[-1], start, end) or given)
            )
        ):
            if name.split()[0] in personnames.BALINESE_ORDER:
                # "I Gusti Made Suarbawa": a Balinese name opens with "I" or "Ni" before its
                # birth-order name, a word too short for the pattern above
                y = _BALINESE_OPENER.search(body, max(0, start - 4), start)
                start = y.start() if y else start
            out.append(Mention(start, end, "CUED"))
            taken.add(start, end)
    return out + _aged_names(body, taken, stray)


_AGED = re.compile(rf"({FIRST_NAME_WORD}(?: {NAME_WORD}){{0,2}}), (?:aged )?\d{{1,3}},(?!\d)")
# The age is looked for first (the comma opens it: `re` skips to commas in C), then the name
# before it, read back on the reversed body up to its three words (`anchored.py`).
_AGE = re.compile(r",(?= (?:aged )?\d{1,3},(?!\d))")
_NAME_BEFORE = re.compile(r"[\w’'-]+(?: [\w’'-]+){0,2}")
_CAPITAL = re.compile(f"[{UPPER}]")


def _aged_names(body: str, taken: TakenSpans, stray: list[tuple[int, int]]) -> list[Mention]:
    """ "Suparman, 52, a fried-rice vendor from Bekasi": an age in apposition marks a person
    even when the model saw nothing, one-word names and sentence openers included."""
    out: list[Mention] = []
    ages = [x.start() for x in _AGE.finditer(body)]
    for x in finditer_at(_AGED, body, starts_before(body, ages, _NAME_BEFORE, _CAPITAL)):
        start, end = x.span(1)
        words = x.group(1).split()
        if not taken.free(start, end, stray) or known_place_name(x.group(1)):
            continue
        if any(
            (commonwords.is_word(w) and not personnames.given_name(w))
            or w.casefold() in TITLES
            or w.casefold() in STARTERS
            or gazetteer.is_demonym(w)
            or gazetteer.is_known_org(w)
            for w in words[:1]
        ):
            continue  # "Monday, 12,", "However, 40," never
        if any(w.casefold() in gazetteer.ORG_WORDS or w.casefold() in TITLES for w in words):
            continue
        out.append(Mention(start, end, "CUED"))
    return out


def brands_before_products(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Apple AirPods", "Samsung Galaxy Buds": a well-known company's name before product
    words is the company; the product is no entity. A fuller company name ("Samsung
    Electronics", "Apple Inc.") keeps its organisation words."""
    out = []
    names = gazetteer.known_org_names()
    for m in mentions:
        # the label first: the lookup of a known name costs more than the rest
        labelled = m.label in ("ORG", "PERSON", "PRODUCT")
        x = names.match(body, m.start, m.end) if labelled else None
        rest = body[x.end : m.end].split() if x else []
        if x and rest and _product_words(rest):
            out.append(Mention(m.start, x.end, "ORG"))
        else:
            out.append(m)
    return out


_PRODUCT_NOUNS = frozenset(
    {"buds", "earbuds", "pods", "phone", "phones", "watch", "tablet", "laptop", "console"}
    | {"headphones", "speaker", "speakers", "glasses", "headset", "app", "browser"}
)


def _product_words(words: list[str]) -> bool:
    """Do the words after a brand name a product ("AirPods", "Galaxy Buds", "Model 3"), not a
    part of the organisation ("World Service", "News")?"""
    if any(w.strip(".,").casefold() in gazetteer.ORG_WORDS for w in words):
        return False
    if words[-1].strip(",").replace(".", "").casefold() in LEGAL_FORMS:
        return False  # "KTZ" + "Container Express JSC": a firm of the group, no product
    if words[0].casefold() in NUMBERED_UNITS:
        return False  # "United Steelworkers Local 6500": a union's local, no product
    shaped = any(
        any(c.isdigit() for c in w) or (any(c.isupper() for c in w[1:]) and w[:1].isupper())
        for w in words
    )  # "AirPods", "Model 3"; never "al-Shuhada"
    return shaped or words[-1].strip(".,").casefold() in _PRODUCT_NOUNS
