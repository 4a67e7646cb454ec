"""Span edges: what the model glued to either end of a name, and cut off again here.

A ticker ("Copper CMCU3"), an "-owned"/"-led" suffix ("Lorn Vasek-owned"), a role left at the
end ("Virginia Gov.-elect", "UK Home" before "Secretary", "… County Sheriff"), a caption label
("… D.C. Image:"), a pro-/anti- prefix on a place ("Pro-Beijing …"), a trailing connector and
demonym ("… on French"), a sentence-initial word glued on ("Latest Nato"), and a span run
across a lowercase "the" ("Rathbun the Scientology office"). Each cut needs evidence in the
article or the gazetteer. The small helpers at the end are shared with repair.py.
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer, personnames
from .clean import CONNECTORS, MODIFIERS, TITLES, Mention, word_spans
from .nameforms import NAME_GOES_ON, known_place_name, known_place_or_region
from .wordsearch import WordsByHead as WordsByHead
from .wordsearch import article_words as article_words
from .wordsearch import find_all, in_lowercase
from .wordsearch import recurs as recurs
from .wordsearch import word_positions as word_positions
from .wordsearch import words_by_head as words_by_head
from .wordsearch import written_alone as written_alone

PREFIX_IN = re.compile(r"^(?:pro|anti)-(.+)$", re.IGNORECASE)
_TICKER = re.compile(r"^(?=[A-Z0-9.:]*\d)(?=[A-Z0-9.:]*[A-Z])[A-Z0-9.:]{4,}$")
_SUFFIXES = frozenset(
    [
        "owned",
        "led",
        "backed",
        "based",
        "controlled",
        "run",
        "funded",
        "born",
        "style",
        "era",
        "made",
        "linked",
        "allied",
        "aligned",
        "held",
        "occupied",
        "affiliated",
        "sponsored",
        "supported",
        "language",  # "Sinhala-language": a tongue, which no list of ours names
        "speaking",
        "medium",
    ]
)
_TITLE_AFTER = re.compile(r"^\s+(?:secretary|minister|office|spokes\w+)\b", re.IGNORECASE)
#: Words that start a news sentence without being part of the name after them.
STARTERS = frozenset(
    [
        "latest",
        "breaking",
        "exclusive",
        "update",
        "analysis",
        "live",
        "watch",
        "opinion",
        "meanwhile",
        "today",
        "yesterday",
        "however",
        "then",
        "now",
        "also",
        "after",
        "before",
        "when",
        "while",
        "why",
        "how",
        "what",
        # quantifiers and demonstratives: "Several Gulf neighbours", "Many Lagos traders"
        "several",
        "many",
        "some",
        "few",
        "both",
        "various",
        "numerous",
        "these",
        "those",
        "each",
        "every",
        "another",
        # a page's calls to act: "Follow Lanka Sports Wire on X", "Subscribe to …"
        "follow",
        "subscribe",
        "listen",
    ]
)
#: Caption and credit labels ("… Washington D.C. Image: the team", "Photo: Reuters"): a label
#: the model read as the last word of the name before it.
_CAPTION_LABELS = frozenset(
    ["image", "photo", "photograph", "picture", "video", "credit", "source", "caption", "file"]
)


def trim_edges(body: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        start, end = m.start, m.end
        toks = word_spans(body, start, end)
        # "Washington D.C. Image" before ":": a caption label at the end.
        while (
            len(toks) > 1
            and body[toks[-1][1] : toks[-1][1] + 1] == ":"
            and body[toks[-1][0] : toks[-1][1]].casefold() in _CAPTION_LABELS
        ):
            toks.pop()
        # "Pro-Beijing DAB": a pro-/anti- prefix on a place or people before the name.
        prefixed = PREFIX_IN.match(body[toks[0][0] : toks[0][1]])
        if (
            len(toks) > 1
            and prefixed
            and (known_place_name(prefixed.group(1)) or gazetteer.is_demonym(prefixed.group(1)))
        ):
            toks.pop(0)
        # "Scientology on French" (television): a connector and a demonym at the end.
        if (
            len(toks) > 2
            and body[toks[-2][0] : toks[-2][1]] in CONNECTORS
            and gazetteer.is_demonym(body[toks[-1][0] : toks[-1][1]])
        ):
            toks = toks[:-2]
        # "Copper CMCU3": a ticker at the end.
        while len(toks) > 1 and _TICKER.match(body[toks[-1][0] : toks[-1][1]]):
            toks.pop()
        # "Lorn Vasek-owned": the suffix.
        s, e = toks[-1]
        word = body[s:e]
        head, dash, tail = word.rpartition("-")
        if dash and head and tail.casefold() in _SUFFIXES:
            toks[-1] = (s, s + len(head))
        # "Virginia Gov.-elect", "Deputy Governor" at the end: roles, not the name.
        # Never inside a name: "Court of Justice", "Office of the President" keep theirs.
        while (
            len(toks) > 1
            and _role(body[toks[-1][0] : toks[-1][1]])
            and body[toks[-2][0] : toks[-2][1]].casefold() not in CONNECTORS
            and not _title_surname(body, toks, m.label)
            and not _holders_office(body, toks)
        ):
            toks.pop()
        # "UK Home", "Sindh Home" right before "Secretary" or "Minister": a title's modifier after a
        # place or a region.
        title_after = _TITLE_AFTER.match(body[toks[-1][1] : toks[-1][1] + 20]) is not None
        if title_after and all(_modifier(body[s:e]) for s, e in toks):
            continue  # "Shadow Home" before "Secretary": only a title's modifiers
        if len(toks) > 1 and title_after:
            keep = list(toks)
            while len(keep) > 1 and _modifier(body[keep[-1][0] : keep[-1][1]]):
                keep.pop()
            if len(keep) < len(toks) and known_place_or_region(body[keep[0][0] : keep[-1][1]]):
                toks = keep
        # "Latest Nato": a sentence starter glued on.
        if len(toks) > 1 and _glued_starter(body, toks, m.label):
            toks.pop(0)
        # "Sections of Yongfu Road", "Residents of Bekasi": a part of the place, or its people.
        if (
            len(toks) > 2
            and body[toks[0][0] : toks[0][1]].casefold() in _PARTS_OF
            and body[toks[1][0] : toks[1][1]] == "of"
        ):
            toks = toks[2:]
        start, end = toks[0][0], toks[-1][1]
        if (start, end) == (m.start, m.end):
            out.append(m)
        elif end - start >= 2:
            out.append(Mention(start, end, m.label, m.titled, m.place_word, m.org_word))
    return out


#: What a sentence may open with before "of" and a place, and is no part of its name.
_PARTS_OF = frozenset(
    {"parts", "sections", "stretches", "swathes", "swaths", "areas", "much", "most", "residents"}
)

_THE_INSIDE = re.compile(r"\s+the\s+(?=[A-Z])")


def split_at_the(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "According to Rathbun the Scientology office …": a span the model ran across a
    lowercase "the" is two names when the article uses the first on its own elsewhere
    ("Council of the Baltic Sea States" keeps its "of the")."""
    out: list[Mention] = []
    for m in mentions:
        text = body[m.start : m.end]
        x = _THE_INSIDE.search(text)
        head = text[: x.start()] if x else ""
        if (
            x is None
            or head.split()[-1].casefold() in CONNECTORS
            or not recurs(body, head, m.start, m.end)
        ):
            out.append(m)
            continue
        out.append(Mention(m.start, m.start + len(head), "FOUND"))
        out.append(Mention(m.start + x.end(), m.end, m.label, org_word=m.org_word))
    return out


def _glued_starter(body: str, toks: list[tuple[int, int]], label: str = "") -> bool:
    """ "Latest Nato": the first word starts the sentence, is a common word (a news starter, or
    written lowercase in the article), the full span is nowhere else mid-sentence, and the rest
    is written on its own elsewhere. "New York" at a sentence start keeps its "New".

    "Herder Batbayaryn Oyuntsetseg, 45, said …", "Principal Hēmi Paraone said …": a person's
    calling opening the sentence (a trade or a school's role, `personnames.calling`) before a full name
    is no part of it, when the surname is then written alone or the rest is shaped like a
    person's name ("Principal Shaheen Akhtar said …", named once)."""
    first = body[toks[0][0] : toks[0][1]]
    if not sentence_start(body, toks[0][0]) or first.casefold() in TITLES:
        return False
    whole = body[toks[0][0] : toks[-1][1]]
    if gazetteer.country(whole) or gazetteer.is_place(whole) or gazetteer.is_known_org(whole):
        return False
    calling = label == "PERSON" and len(toks) >= 3 and personnames.calling(first)
    common = (
        first.casefold() in STARTERS
        or first.casefold() in OPENING_PREPOSITIONS
        or in_lowercase(body, first)
        or (first.endswith("ed") and commonwords.is_word(first))  # "Suspected al-Shabaab"
        or calling
    )
    if not common:
        return False
    for at in find_all(body, whole):
        if at != toks[0][0] and not sentence_start(body, at):
            return False
    rest = body[toks[1][0] : toks[-1][1]]
    if rest[:1].islower():
        return True  # "Suspected al-Shabaab": a name starting with a particle starts there
    if first.casefold() in OPENING_PREPOSITIONS:
        return True  # "At Balogun Market on Lagos Island, traders said …"
    if any(at != toks[1][0] for at in find_all(body, rest, whole_words=True)):
        return True
    surname = body[toks[-1][0] : toks[-1][1]]
    return calling and (
        personnames.person_shaped(rest)
        or any(at != toks[-1][0] for at in find_all(body, surname, whole_words=True))
    )


#: Prepositions a sentence opens with before a place or a body, and no name's first word
#: ("Outside Trafalgar Square" is outside it). Not "Near" or "Beyond", which open names
#: ("Near East Foundation", "Beyond Meat").
OPENING_PREPOSITIONS = frozenset(
    {"at", "in", "on", "from", "across", "outside", "along", "throughout", "despite", "during"}
    | {"since", "until", "amid", "inside", "behind", "beneath", "among"}
)


def _modifier(word: str) -> bool:
    w = word.casefold().strip(".")
    return w in MODIFIERS or w in ("home", "justice", "transport", "labour", "culture")


#: Honorifics that became families' names in South Asia and East Africa ("Nargis Shaikh",
#: "Mwanaisha Khamis Haji"): the lists of surnames hold one spelling at most.
_FAMILY_TITLES = frozenset({"shaikh", "sheikh", "sheik", "haji", "hajji", "pandit"})


def _title_surname(body: str, toks: list[tuple[int, int]], label: str) -> bool:
    """ "Nargis Shaikh", "Imran Sheikh": a title that is a surname too, closing a person's
    name after a given name, with no other name after it ("Sheikh Hamdan"). A title that is a
    family's name in the world closes a person's name after any name word ("Khamis Haji"),
    never after another title or its modifier ("Grand Sheikh")."""
    if label != "PERSON" or NAME_GOES_ON.match(body, toks[-1][1]):
        return False
    last = body[toks[-1][0] : toks[-1][1]]
    first = body[toks[0][0] : toks[0][1]]
    if last.casefold() in _FAMILY_TITLES and len(toks) > 1:
        before = body[toks[-2][0] : toks[-2][1]]
        return (
            before[:1].isupper()
            and before.casefold().strip(".") not in TITLES
            and not _modifier(before)
            and not gazetteer.is_demonym(before)
        )
    return personnames.listed_given(first) and personnames.surname(last)


#: The bodies named "… of the" their holder's title: "Office of the Prime Minister".
_HOLDERS_BODIES = frozenset({"office", "offices", "chambers", "secretariat", "residence"})


def _holders_office(body: str, toks: list[tuple[int, int]]) -> bool:
    """ "Office of the Prime Minister", "Office of the Chief Justice": a title closes the name
    of its holder's office when only a title's modifiers stand between it and "of the"."""
    words = [body[s:e].casefold() for s, e in toks]
    return (
        len(words) >= 4
        and words[0] in _HOLDERS_BODIES
        and words[1:3] == ["of", "the"]
        and all(_modifier(w) for w in words[3:-1])
    )


def _role(word: str) -> bool:
    w = word.casefold().strip(".,")
    w = w.removesuffix("-elect").rstrip(".")
    return w in TITLES and w not in ("general", "major", "chief", "head", "member")


def sentence_start(body: str, pos: int) -> bool:
    before = body[max(0, pos - 3) : pos].rstrip(" ")
    return not before or before[-1] in '.!?\n"“‘(:'


#: A lowercase word of four letters or more that a Title-Case line would capitalise.
_PROSE_WORD = re.compile(r"(?<![\w’'-])(?!(?:with|from|into|over|upon|than|that|amid)\b)[a-z]{4,}")


def in_prose(body: str, pos: int) -> bool:
    """Is `pos` on a line of prose, not a Title-Case line (a related story's headline, a
    caption's label), where capitals set names side by side ("Okafor Mensah Talks Stall")?"""
    start, end = body.rfind("\n", 0, pos) + 1, body.find("\n", pos)
    return _PROSE_WORD.search(body, start, end if end != -1 else len(body)) is not None


def ends_before(body: str, endings: tuple[str, ...], lo: int, at: int) -> bool:
    """Does one of `endings` end at `at`, or at a newline right before it? The cheap test
    before a pattern anchored by `$` (which matches before a final newline too) is tried."""
    if body.endswith(endings, lo, at):
        return True
    return body[at - 1 : at] == "\n" and body.endswith(endings, lo, at - 1)
