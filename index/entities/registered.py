"""A company's registered name, whole: the words of its name up to its legal form.

The model cuts such a name where its words stop looking like a name to it: before the form
("Highveld Vanadium Steel" of "… (Pty) Ltd", "Lubuska Energia" of "… sp. z o.o."), after the
first word of a name that opens a sentence ("Emas Bhd" of "Sawit Emas Bhd"), or at a
connector of another language ("Farmácias Popular" of "Farmácias Popular do Sul SA"); and
the cleaning cuts it there too ("Ambulances Réunies" of "… de l'Ouest SA"). A legal form says
where the name ends, and the capitalised words right before it (with the small words of a
name in another language) say where it starts. Called by `orgparts.firm_names`.
"""

from __future__ import annotations

import re

from . import commonwords
from .anchored import LedPattern
from .clean import TITLES, Mention
from .edges import STARTERS

#: Legal forms as companies write them; the longer spellings first.
_FORMS = (
    r"\((?:Pty|Pvt)\)\s+(?:Ltd|Limited)\.?|(?:Pty|Pvt|Pte|Sdn)\.?\s+(?:Ltd|Bhd)\.?"
    r"|sp\.\s+z\s+o\.\s?o\.|S\.A\.(?:\s+de\s+C\.V\.)?|SA\s+de\s+CV|S\.p\.A\.|N\.V\.|B\.V\.|K\.K\."
    r"|GmbH(?:\s+&\s+Co\.\s+KG)?|Ltda\.?|Ltd\.?|Limited|Inc\.?|LLC|LLP|plc|Plc|PLC|Bhd|Berhad"
    r"|Tbk|PJSC|JSC|SpA|SARL|AG|SA|SE|NV|BV|KG|ASA|Oyj|AB"
)
#: What each legal form above opens with, every match's first letters.
_FORM_HEADS = [
    "(Pty)",
    "(Pvt)",
    "Pty",
    "Pvt",
    "Pte",
    "Sdn",
    "sp.",
    "S.A.",
    "SA",
    "S.p.A.",
    "N.V.",
    "B.V.",
    "K.K.",
    "GmbH",
    "Ltd",
    "Limited",
    "Inc",
    "LLC",
    "LLP",
    "plc",
    "Plc",
    "PLC",
    "Bhd",
    "Berhad",
    "Tbk",
    "PJSC",
    "JSC",
    "SpA",
    "AG",
    "SE",
    "NV",
    "BV",
    "KG",
    "ASA",
    "Oyj",
    "AB",
]
#: A legal form after a word and a space (which the match holds). Tried only where a space
#: and a form's first letters are written, found in the scan every `LedPattern` shares: `re`
#: tried it at every space of the body.
_FORM = LedPattern(
    re.compile(rf" (?<=\S )({_FORMS})(?![\w-])"), [" " + head for head in _FORM_HEADS]
)
#: The name before a legal form: capitalised words and the small words a name in another
#: language holds between them ("Farmácias Popular do Sul", "Ambulances Réunies de l'Ouest").
_NAME_BEFORE = re.compile(
    r"(?<![\w’'.-])((?:[A-ZÀ-Þ][\w’'&.-]*|&)"
    r"(?:\s(?:(?:de|do|da|dos|das|del|du|des|di|der|den|van|von|y|e|&)\s|d[’']|l[’']|de\sl[’'])?"
    r"(?:[A-ZÀ-Þ][\w’'&.-]*|&)){0,5})\s$"
)
#: A word ending in a lowercase part after a hyphen, which describes the name after it:
#: "Ecuador-based", "Lusaka-listed".
_LOWER_TAIL = re.compile(r"-[a-z]+$")
_CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun"}
    | {"jul", "aug", "sept", "sep", "oct", "nov", "dec", "the", "a", "an", "and", "or", "by"}
    | {"on", "in", "at", "for", "of", "to", "with", "from", "as", "but", "if", "said", "says"}
)


def registered_names(body: str) -> list[tuple[int, int]]:
    """Spans of the registered company names of `body`: a name's capitalised words, then its
    legal form. Never a date's or a title's word at the start, nor an owner ("On Monday …",
    "Chairman …", "Malaysia's …"): those are read off."""
    out = []
    for form in _FORM.finditer(body):
        x = _NAME_BEFORE.search(body, max(0, form.start(1) - 80), form.start(1))
        if x is None:
            continue
        start = x.start(1)
        words = x.group(1).split()
        owner = max(
            (i for i, w in enumerate(words) if w.endswith(("'s", "’s")) or _LOWER_TAIL.search(w)),
            default=-1,
        )
        for w in words[: owner + 1]:  # "Malaysia's Maybank Bhd", "Ecuador-based Frutera SA"
            start += len(w) + 1
        for w in words[owner + 1 :]:
            bare = w.casefold().rstrip(".")
            if not (bare in _CALENDAR or bare in STARTERS or bare in TITLES):
                break
            start += len(w) + 1
        if start < form.start(1) and body[start].isupper():
            out.append((start, form.end(1)))
    return out


def whole_registered_names(body: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with each registered name the model cut or split made whole: the
    mentions inside it give way to it. Only where the model saw part of it (what it never
    saw, `describedorgs.described_orgs` finds), and never across a mention that crosses its
    edges."""
    if not mentions:
        return mentions
    out = mentions
    for start, end in registered_names(body):
        inside = [m for m in out if start <= m.start and m.end <= end]
        if inside:
            start = _without_leading_word(body, start, min(m.start for m in inside))
        if not inside or any(m.start < end and start < m.end for m in out if m not in inside):
            continue
        if any(m.start == start and m.end == end for m in inside):
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "ORG", org_word=True))
    return out


def _without_leading_word(body: str, start: int, tagged: int) -> int:
    """Where the name starts once an English word the model left out before it is read off:
    "Rival" of "Rival SK Hynix Inc.", a sentence's first word (never "Sawit" of "Sawit Emas
    Bhd", no English word)."""
    if start >= tagged:
        return start
    word = body[start:].split(maxsplit=1)[0]
    if commonwords.is_word(word) and not word.isupper():
        return start + len(word) + 1
    return start
