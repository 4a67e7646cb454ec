"""A body's name in another language, which the model cut at its first lowercase word (`repair`
step): Slavic and Japanese names are written in sentence case, so "Vodovod i kanalizacija",
"Infrastruktura železnice Srbije" and "Kodomo no Ie Nishinari" reach the model as a capitalised
word it tags alone and lowercase words it leaves out. A name that ends in a word no English
dictionary holds runs on through the connectors and foreign words after it; an English word
(or punctuation) stops it, so "Vodovod said on Monday" stays "Vodovod".
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from . import commonwords
from .clean import Mention
from .nonnames import FUNCTION_WORDS
from .spans import widen

#: Little words that join the words of a name in Slavic, Romance and Japanese names: "i", "a"
#: ("and"), "na", "za", "u", "od", "do", "no" (Japanese "of"), "de", "del", "du", "da", "y".
_CONNECTORS = frozenset(
    {"i", "a", "u", "na", "za", "od", "do", "no", "de", "del", "du", "da", "di", "y", "e"}
)
_WORD = re.compile(r" ([^\W\d_][\w’'-]*)")


#: Endings English puts on a lemma: "lodged", "apologised", "hotlines", "running", "sadly".
_ENDINGS = ("s", "es", "ed", "d", "ing", "ly", "er", "est")


def _foreign(word: str) -> bool:
    """A word of four letters or more that no English dictionary holds, as written or as an
    inflected form of its lemma ("lodged", "apologised", "stopped"), and no stop word."""
    w = word.casefold()
    if len(w) < 4 or w in STOP_WORDS or commonwords.is_word(w):
        return False
    if "-" in w:
        return all(_foreign(p) for p in w.split("-") if p)
    for end in _ENDINGS:
        if w.endswith(end):
            stem = w[: -len(end)]
            if commonwords.is_word(stem) or commonwords.is_word(stem + "e"):
                return False
            if len(stem) > 2 and stem[-1] == stem[-2] and commonwords.is_word(stem[:-1]):
                return False  # "stopped", "planning"
            if stem.endswith("i") and commonwords.is_word(stem[:-1] + "y"):
                return False  # "carried", "studies"
    return True


def _run_end(body: str, end: int) -> int:
    """Where a foreign name that ends at `end` really ends: through connectors and lowercase
    foreign words, then up to two capitalised words right after one ("… kanalizacija
    Podgorica", "… no Ie Nishinari"); never on a connector. `end` itself when nothing goes on."""
    pos, last, lower, capitals = end, end, True, 0
    while (x := _WORD.match(body, pos)) is not None:
        word = x.group(1)
        if word[:1].islower():
            if not lower:
                break
            if word not in _CONNECTORS:
                if not _foreign(word) or (pos == end and word.isascii()):
                    break  # right after the name only a word of other letters: "železnice"
                last = x.end()
        else:
            if pos == end or word in FUNCTION_WORDS or capitals == 2:
                break  # a capitalised word right after the name is the model's to tag
            lower, capitals = False, capitals + 1
            last = x.end()
        pos = x.end()
    return last


def join_foreign_runs(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Vodovod" + " i kanalizacija": an organisation whose last word is foreign runs on
    through the lowercase words and connectors of its own language that follow it. The
    mentions it swallows are dropped; one that crosses its new end keeps it where it was."""
    out = list(mentions)
    present = set(out)  # `m in out` on every mention was quadratic in long articles
    for m in mentions:
        if m.label != "ORG" or m not in present:
            continue
        last = body[m.start : m.end].split()[-1]
        if not last[:1].isupper() or last.isupper() or not _foreign(last):
            continue
        end = _run_end(body, m.end)
        if end == m.end:
            continue
        grown = widen(out, m, Mention(m.start, end, m.label, m.titled, m.place_word, m.org_word))
        if grown is None:
            continue
        out = grown
        present = set(out)
    return out
