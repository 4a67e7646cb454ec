"""Span repairs between cleaning and grouping: what the text around a span proves.

Each repair acts only on evidence in the article itself or in the gazetteer, never on a
guess, so the model's span stands unless something contradicts it:

* `drop_non_names`: holidays ("Hanukkah"), vessels ("the research vessel Orla Finch"), the
  country in an amount ("billion US dollars"), names used as a prefix ("pro-Beijing"), and
  demonym phrases ("Native American") are not entities of ours;
* `trim_edges`: a ticker glued on ("Copper CMCU3"), an "-owned"/"-led" suffix ("Lorn
  Vasek-owned"), a role left at the end ("Virginia Gov.-elect", "UK Home" before "Secretary"),
  and a sentence-initial word glued on ("Latest Nato") come off;
* `join_parts`: two model spans one name apart ("Ardent Foundation" + "the Visual Arts" across
  "for the") become one when the first ends in an organisation word; "Communist" + "party"
  stays "Communist party";
* `extend_truncated`: a name the model cut short ("Amy Berman" of "Amy Berman Jackson") is
  extended by the next capitalised word when the article uses that word as a name elsewhere.
"""

from __future__ import annotations

import re

from . import gazetteer
from .clean import CONNECTORS, MODIFIERS, TITLES, Mention, name_like
from .keys import entity_key

_SHIP_BEFORE = re.compile(
    r"\b(?:ship|vessel|yacht|tanker|freighter|frigate|destroyer|submarine|trawler|aboard"
    r"|RV|R/V|USS|HMS|MV|M/V|USNS)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MONEY_AFTER = re.compile(
    r"^\s*(?:dollars?|cents?|pounds?|euros?|yuan|yen|rupees?|pesos?|francs?|rubles?|roubles?"
    r"|lira|liras|dinars?|riyals?|rials?|shekels?|won|rand|crowns?)\b",
    re.IGNORECASE,
)
_PREFIXED = re.compile(r"(?:\b(?:pro|anti|non|post|pre|ex)-)$", re.IGNORECASE)
_PREFIX_IN = re.compile(r"^(?:pro|anti)-(.+)$", re.IGNORECASE)
_QUALIFIERS = frozenset(
    [
        "native",
        "indigenous",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "black",
        "white",
        "first",
    ]
)
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
    ]
)
_TITLE_AFTER = re.compile(r"^\s+(?:secretary|minister|office|spokes\w+)\b", re.IGNORECASE)
#: Words that start a news sentence without being part of the name after them.
_STARTERS = frozenset(
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
    ]
)
#: Caption and credit labels ("… Washington D.C. Image: the team", "Photo: Reuters"): a label
#: the model read as the last word of the name before it.
_CAPTION_LABELS = frozenset(
    ["image", "photo", "photograph", "picture", "video", "credit", "source", "caption", "file"]
)
_GLUE_ORG = re.compile(r"^ (?:of|for|on|of the|for the|on the|de|del|des|du) $")
_PARTY_AFTER = re.compile(
    r"^ (party|movement|front|alliance|league|bloc|coalition|union|federation)\b"
)
_IDEOLOGY = re.compile(r"(?:ist|ic|al|an|ive|ative|ian|ish|ese)$")


def drop_non_names(body: str, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if not non_name(body, m.start, m.end, m.label, m.titled)]


def non_name(body: str, start: int, end: int, label: str = "", titled: bool = False) -> bool:
    """Is `body[start:end]`, where it stands, not a name of ours (see the module doc)?"""
    text = body[start:end]
    before = body[max(0, start - 40) : start]
    if gazetteer.is_holiday(text):
        return True
    if _SHIP_BEFORE.search(before) and label not in ("GPE", "GAZETTEER"):
        return True
    if gazetteer.country(text) and _MONEY_AFTER.match(body[end : end + 20]):
        return True
    if _PREFIXED.search(before):
        return True
    prefixed = _PREFIX_IN.match(text)  # "Pro-Beijing", never "Anti-Defamation League"
    if prefixed and (_known_place(prefixed.group(1)) or gazetteer.is_demonym(prefixed.group(1))):
        return True
    return _demonym_phrase(text) and not titled


def _demonym_phrase(text: str) -> bool:
    """ "Native American", "South Korean": demonyms with qualifiers (one bare demonym is left
    to the resolver, which knows whether a person is meant)."""
    words = [w.casefold() for w in text.split()]
    if len(words) < 2:
        return False
    return gazetteer.is_demonym(text.split()[-1]) and all(
        w in _QUALIFIERS or gazetteer.is_demonym(w) for w in words[:-1]
    )


def trim_edges(body: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        start, end = m.start, m.end
        toks = [(t.start() + start, t.end() + start) for t in re.finditer(r"\S+", body[start:end])]
        # "Washington D.C. Image" before ":": a caption label at the end.
        while (
            len(toks) > 1
            and body[toks[-1][1] : toks[-1][1] + 1] == ":"
            and body[toks[-1][0] : toks[-1][1]].casefold() in _CAPTION_LABELS
        ):
            toks.pop()
        # "Pro-Beijing DAB": a pro-/anti- prefix on a place or people before the name.
        prefixed = _PREFIX_IN.match(body[toks[0][0] : toks[0][1]])
        if (
            len(toks) > 1
            and prefixed
            and (_known_place(prefixed.group(1)) or gazetteer.is_demonym(prefixed.group(1)))
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
        ):
            toks.pop()
        # "UK Home" right before "Secretary": a title's modifier after a place.
        after = body[toks[-1][1] : toks[-1][1] + 20]
        if _TITLE_AFTER.match(after) and all(_modifier(body[s:e]) for s, e in toks):
            continue  # "Shadow Home" before "Secretary": only a title's modifiers
        if len(toks) > 1 and _TITLE_AFTER.match(after):
            keep = list(toks)
            while len(keep) > 1 and _modifier(body[keep[-1][0] : keep[-1][1]]):
                keep.pop()
            if len(keep) < len(toks) and _known_place(body[keep[0][0] : keep[-1][1]]):
                toks = keep
        # "Latest Nato": a sentence starter glued on.
        if len(toks) > 1 and _glued_starter(body, toks):
            toks.pop(0)
        start, end = toks[0][0], toks[-1][1]
        if (start, end) == (m.start, m.end):
            out.append(m)
        elif end - start >= 2:
            out.append(Mention(start, end, m.label, m.titled, m.place_word, m.org_word))
    return out


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
            or not _recurs(body, head, m.start, m.end)
        ):
            out.append(m)
            continue
        out.append(Mention(m.start, m.start + len(head), "FOUND"))
        out.append(Mention(m.start + x.end(), m.end, m.label, org_word=m.org_word))
    return out


def _glued_starter(body: str, toks: list[tuple[int, int]]) -> bool:
    """ "Latest Nato": the first word starts the sentence, is a common word (a news starter, or
    written lowercase in the article), the full span is nowhere else mid-sentence, and the rest
    is written on its own elsewhere. "New York" at a sentence start keeps its "New"."""
    first = body[toks[0][0] : toks[0][1]]
    if not _sentence_start(body, toks[0][0]) or first.casefold() in TITLES:
        return False
    whole = body[toks[0][0] : toks[-1][1]]
    if gazetteer.country(whole) or gazetteer.is_place(whole) or gazetteer.is_known_org(whole):
        return False
    common = first.casefold() in _STARTERS or re.search(
        rf"(?<![\w-]){re.escape(first.lower())}(?![\w-])", body
    )
    if not common:
        return False
    for x in re.finditer(re.escape(whole), body):
        if x.start() != toks[0][0] and not _sentence_start(body, x.start()):
            return False
    rest = body[toks[1][0] : toks[-1][1]]
    return any(
        x.start() != toks[1][0] for x in re.finditer(rf"(?<![\w-]){re.escape(rest)}(?![\w-])", body)
    )


def _modifier(word: str) -> bool:
    w = word.casefold().strip(".")
    return w in MODIFIERS or w in ("home", "justice", "transport", "labour", "culture")


def _role(word: str) -> bool:
    w = word.casefold().strip(".,")
    w = w.removesuffix("-elect").rstrip(".")
    return w in TITLES and w not in ("general", "major", "chief", "head", "member")


def _sentence_start(body: str, pos: int) -> bool:
    before = body[max(0, pos - 3) : pos].rstrip(" ")
    return not before or before[-1] in '.!?\n"“‘(:'


def join_parts(body: str, mentions: list[Mention]) -> list[Mention]:
    """Glue "Ardent Foundation" + "for the" + "Visual Arts"; keep "Communist party" whole."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    for m in ordered:
        if out:
            prev = out[-1]
            gap = body[prev.end : m.start]
            last = body[prev.start : prev.end].split()[-1].casefold().strip(".,")
            if (
                _GLUE_ORG.match(gap)
                and (last in gazetteer.ORG_WORDS or prev.org_word)
                and prev.label not in ("PERSON",)
                and not _known_place(body[m.start : m.end])
            ):
                out[-1] = Mention(prev.start, m.end, "ORG", org_word=True)
                continue
        out.append(m)
    final: list[Mention] = []
    for m in out:
        text = body[m.start : m.end]
        party = _PARTY_AFTER.match(body[m.end : m.end + 14])
        if party and " " not in text and (gazetteer.is_demonym(text) or _IDEOLOGY.search(text)):
            m = Mention(m.start, m.end + party.end(), "ORG", org_word=True)
        final.append(m)
    return final


def _known_place(name: str) -> bool:
    """A place the gazetteer knows stays its own entity, even inside an org's name."""
    return (
        bool(gazetteer.country(name))
        or gazetteer.is_place(name)
        or (gazetteer.city_population(name) > 0)
    )


def _truncated(text: str, label: str, alone: dict[str, set[str]]) -> bool:
    """Could `text` be the start of a longer name? A full name whose last word is not a
    surname used alone ("Amy Berman"), or one word the model did not call a person ("Dries");
    never one person's name before another's ("Trump Putin")."""
    words = text.split()
    if len(words) >= 2:
        return label == "PERSON" and "PERSON" not in alone.get(entity_key(words[-1]), set())
    return label != "PERSON"


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
        nxt = re.match(r" ([A-Z][\w’'-]+)(?=[\s,.;:!?’']|$)", body[m.end : m.end + 40])
        if nxt and m.end + 1 not in starts and m.label in ("PERSON", "ORG", "NORP"):
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
        out.append(m)
    return out


_CUE_NAME = re.compile(r"\b([A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){1,2})\b")
_CUE_BEFORE = re.compile(r"\b(?:said|says|according to|told|by)\s+$")
_CUE_AFTER = re.compile(
    r"^(?:,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:spokes\w+|minister|commander|president"
    r"|leader|director|chief|head|member|official|envoy|ambassador|adviser|advisor|economist"
    r"|analyst|researcher|professor|lawyer|journalist|correspondent|historian|scientist"
    r"|expert|author|founder|activist|teacher|doctor|student|resident|farmer|engineer"
    r"|manager|chairman|secretary|mayor|governor|coordinator|candidate|fellow)\b"
    r"|\s+(?:said|says|told|added)\b)"
)


_CUE_ROLE = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:spokes\w+|minister|commander|president"
    r"|director|envoy|ambassador|adviser|advisor|economist|analyst|researcher|professor|lawyer"
    r"|journalist|correspondent|historian|scientist|activist|teacher|doctor|engineer"
    r"|chairman|secretary|mayor|governor|coordinator|candidate)\b"
)


def _recurs(body: str, word: str, start: int, end: int) -> bool:
    """Is `word` (a surname) written elsewhere in the body, outside [start, end)?"""
    pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
    return any(not start <= x.start() < end for x in re.finditer(pattern, body))


def cued_names(body: str, mentions: list[Mention], stray: list[tuple[int, int]]) -> list[Mention]:
    """Full names the model missed that the sentence marks as people ("said Corentin Mavel,
    an economist"): two or three capitalised words, mid-sentence, no org, place or title word
    among them, with a speech or role cue right beside them."""
    taken = sorted((m.start, m.end) for m in mentions)
    out: list[Mention] = []
    for x in _CUE_NAME.finditer(body):
        start, end = x.span(1)
        if any(s < end and start < e for s, e in taken) or any(
            s <= start and end <= e for s, e in stray
        ):
            continue
        if _sentence_start(body, start):
            continue
        words = [w.casefold() for w in x.group(1).split()]
        if any(
            w in TITLES
            or w in gazetteer.ORG_WORDS
            or w in gazetteer.PLACE_WORDS
            or w in _STARTERS
            or gazetteer.is_demonym(w)
            for w in words
        ) or _known_place(x.group(1)):
            continue
        if any(_known_place(w) for w in x.group(1).split()):
            continue  # "Air France", "Human Rights Watch"-like names are no people
        before = body[max(0, start - 20) : start]
        after = body[end : end + 80]
        role = _CUE_ROLE.match(after)
        if role or (
            (_CUE_BEFORE.search(before) or _CUE_AFTER.match(after))
            and _recurs(body, x.group(1).split()[-1], start, end)
        ):
            out.append(Mention(start, end, "CUED"))
    return out
