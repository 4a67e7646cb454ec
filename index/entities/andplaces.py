"""A place whose own name holds "and", which the model cut there (`repair` step): "Highlands" +
"Islands" of "Highlands and Islands", "Yorkshire" + "the Humber", "Federation of Bosnia" +
"Herzegovina". Two places listed with "and" ("Kenya and Uganda") stay two: the words are
joined only when the gazetteer knows the whole "A and B" as one place's name.
"""

from __future__ import annotations

import re

from .clean import Mention
from .nameforms import known_place_name
from .spans import widen

#: "and", an optional "the", then one to three capitalised words up to a lowercase word or
#: punctuation: " and Herzegovina", " and the Humber".
_AND_NAME = re.compile(r" and ((?:the )?(?:[A-ZÀ-Þ][\w’'-]* ){0,2}[A-ZÀ-Þ][\w’'-]*)(?![\w’'-])")


def _joined_end(body: str, m: Mention) -> int:
    """Where `m` ends when its last words and the words after "and" are one known place's
    name ("… of Bosnia" + " and Herzegovina"), else its own end. The longest such run wins."""
    x = _AND_NAME.match(body, m.end)
    if x is None:
        return m.end
    words = body[m.start : m.end].split()
    after = x.group(1).split()
    for n_after in range(len(after), 0, -1):
        if after[n_after - 1] == "the":
            continue
        tail = " ".join(after[:n_after])
        for n_before in range(min(3, len(words)), 0, -1):
            head = " ".join(words[-n_before:])
            if not head[:1].isupper():
                continue
            if known_place_name(f"{head} and {tail}"):
                return x.start(1) + len(tail)
    return m.end


def join_and_places(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Highlands" + "and Islands": a name runs on past "and" when the gazetteer knows its last
    words and what follows "and" as one place ("Highlands and Islands", "Bosnia and
    Herzegovina", "Kosovo and Metohija"); a body named for it ("Office for Kosovo") takes the
    whole place into its name. The mentions it swallows are dropped."""
    out = list(mentions)
    present = set(out)  # `m in out` on every mention was quadratic in long articles
    for m in mentions:
        if m.label not in ("GPE", "LOC", "ORG", "FAC", "PLACE", "NORP") or m not in present:
            continue
        end = _joined_end(body, m)
        if end == m.end:
            continue
        label = "GPE" if m.label == "NORP" else m.label
        grown = widen(out, m, Mention(m.start, end, label, m.titled, m.place_word, m.org_word))
        if grown is None:
            continue  # a longer name holds the words after "and"
        out = grown
        present = set(out)
    return out
