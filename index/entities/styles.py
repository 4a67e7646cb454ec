"""Styles of address news keeps untranslated before a person's name, which are no part of it.

"U Than Htike" and "Daw Khin Sandar Win" (Myanmar), "Nkosi Mandla Shezi" (a Zulu chief), "Naa
Abukari Mahama" (a Dagbon chief), "Adi Litia Vakaloloma" (a Fijian chiefly woman), "Bi
Mwanaisha Khamis Haji" (Swahili's "Ms"), "Doña Teresa Montemayor", "Tan Sri Lim Boon Keat"
(a Malaysian honour) and "SP Funmilayo Adeniran" (a police rank written short). Cleaning
takes such a style off a span the model called a person (`personnames.led_by_style`); this
pass takes it off whatever is left: a span the model called an organisation ("U Than Htike"
as ORG), and a name joined from its pieces after cleaning ("Kak Sardar" + "Mahmoud Aziz").
A style is a title, so what remains is marked as titled: a person.
"""

from __future__ import annotations

import re

from . import gazetteer, personnames
from .clean import Mention
from .nameforms import known_place_name

#: Styles of two words: Malaysia's federal honours ("Tan Sri", "Puan Sri" his wife's, "Toh
#: Puan") — "Tan" alone is a surname.
_PAIRED = frozenset({("Tan", "Sri"), ("Puan", "Sri"), ("Toh", "Puan")})
#: Myanmar's styles of a young man and a young woman, which are also Korean and Chinese
#: surnames ("Ko Kheng Hwa"): styles only in an article that styles someone "U" or "Daw".
_MYANMAR_YOUNG = frozenset({"Ko", "Ma"})
_MYANMAR_ELDER = re.compile(r"\b(?:U|Daw) [A-Z][a-z]+ [A-Z][a-z]+")
#: A word of a name after a style: capitalised, perhaps hyphenated ("Owusu-Ansah") or with
#: an apostrophe ("Ng'andu").
_NAME_WORD = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ’']+(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ’']+)*")


def unstyled(body: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions with a leading style cut off, where two name words or more follow it. A
    style before one word ("Kak Sardar", later in the text) is cut only when the article
    also writes that word, so styled, at the head of a longer name."""
    mentions = [m for m in mentions if not _lone_style(body, m)]
    # (the pattern opens with `\b`, tried at every character: its words are looked for first)
    myanmar = ("U " in body or "Daw " in body) and _MYANMAR_ELDER.search(body) is not None
    cut: dict[int, int] = {}  # mention index -> words of style
    heads: set[tuple[str, str]] = set()  # (style, first word of the name) of the long ones
    short: list[int] = []
    for i, m in enumerate(mentions):
        words = body[m.start : m.end].split()
        n = _style_words(words, myanmar)
        if not n:
            continue
        rest = words[n:]
        if not rest or not all(_NAME_WORD.fullmatch(w) for w in rest):
            continue
        if len(rest) == 1:
            short.append(i)
            continue
        if not _person_rest(rest, m.label):
            continue
        cut[i] = n
        heads.add((" ".join(words[:n]), rest[0]))
    for i in short:
        words = body[mentions[i].start : mentions[i].end].split()
        if (" ".join(words[:-1]), words[-1]) in heads:
            cut[i] = len(words) - 1
    if not cut:
        return mentions
    out = []
    for i, m in enumerate(mentions):
        if i in cut:
            start = m.start
            for _ in range(cut[i]):
                start = body.index(" ", start, m.end) + 1
            while body[start].isspace():
                start += 1
            m = Mention(start, m.end, m.label, True, m.place_word, m.org_word)
        out.append(m)
    return out


#: Styles written short with a full stop, which the model tags alone as someone: Egypt's
#: engineer's "Eng." ("said Eng. Hisham …"), Nigeria's "Engr.".
_SHORT_STYLES = frozenset({"Eng", "Engr"})
_NAME_AFTER = re.compile(r"\.? [A-ZÀ-Þ]")


def _lone_style(body: str, m: Mention) -> bool:
    """A style tagged on its own right before the name it styles ("Eng" of "Eng. Hisham
    Abdel-Rahman"): no one's name."""
    text = body[m.start : m.end]
    if text not in personnames.LEADING_HONORIFICS and not (
        text in _SHORT_STYLES and body.startswith(".", m.end)
    ):
        return False
    return _NAME_AFTER.match(body, m.end) is not None


def _style_words(words: list[str], myanmar: bool) -> int:
    """How many of the first words are a style: 0, 1 or 2."""
    if len(words) >= 3 and (words[0], words[1]) in _PAIRED:
        return 2
    if not words:
        return 0
    first = words[0]
    if first in personnames.LEADING_HONORIFICS or (myanmar and first in _MYANMAR_YOUNG):
        return 1
    return 0


def _person_rest(rest: list[str], label: str) -> bool:
    """Is what follows the style a person's name? No word of it says place or body, and a
    span the model did not call a person shows a given name or a surname the lists hold."""
    name = " ".join(rest)
    if any(
        w.casefold() in gazetteer.PLACE_WORDS or w.casefold() in gazetteer.ORG_WORDS for w in rest
    ):
        return False
    if known_place_name(name) or gazetteer.is_known_org(name):
        return False
    return (
        label == "PERSON"
        or personnames.person_shaped(name)
        or personnames.listed_name(rest[0])
        or personnames.surname(rest[-1])
    )
