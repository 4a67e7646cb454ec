"""One body's name written in two halves around a spaced dash, joined again (for `resolve.py`).

Party alliances and renamed bodies are written "Homeland Union – Lithuanian Christian
Democrats", "Health New Zealand – Te Whatu Ora": one name whose dash the model reads as a
break, so it lists two halves (or a half and a stray word) that no reader would list. A dash
between two names is also how a sentence goes on ("… said Acme Corp – Jane Smith, its chief,
…"), so the halves are joined only where the second reads as part of one noun phrase: two
capitalised words or more, no given name first, written nowhere else in the article, and the
sentence goes on after it as it would after one name (no second dash closing an aside) and
ends on that line (a masthead's "Daily Dispatch — Highlands desk" is no sentence).
"""

from __future__ import annotations

from . import gazetteer, personnames
from .clean import Mention
from .nonnames import FUNCTION_WORDS

#: The spaced dashes a name's halves are written around.
_DASHES = (" \u2013 ", " \u2014 ", " - ")
#: Lowercase words inside the second half: "We Continue the Change", "Friends of the Earth".
_INSIDE = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "del", "di"})
#: The labels a first half names a body under (the model's or the lists').
_ORG_LABELS = frozenset({"ORG", "KNOWN_ORG"})


def join_dashed_names(body: str, mentions: list[Mention]) -> list[Mention]:
    """Each body's name written "X – Y Z" as one mention of the whole, labelled ORG."""
    firsts = {d: i for d in _DASHES if (i := body.find(d)) >= 0}
    if not firsts:  # most articles: three plain searches and done
        return mentions
    ends = {m.end: m for m in mentions if m.label in _ORG_LABELS}
    for dash, at in firsts.items():
        while at >= 0:
            left = ends.get(at)
            end = _second_half(body, at + len(dash)) if left else None
            if left and end and _first_half(body, left):
                s = left.start
                mentions = [m for m in mentions if not (m.start < end and s < m.end)]
                mentions.append(Mention(s, end, "ORG", org_word=left.org_word))
            at = body.find(dash, at + 1)
    return mentions


def _first_half(body: str, left: Mention) -> bool:
    """A body's name, not a dateline's city ("SINGAPORE – …") or a place the lists know."""
    text = body[left.start : left.end]
    return not text.isupper() and not gazetteer.is_place(text)


def _second_half(body: str, start: int) -> int | None:
    """Where the second half of a dashed name that starts at `start` ends, or None when what
    follows the dash is no such half."""
    words: list[tuple[int, int]] = []
    pos = start
    n = len(body)
    while pos < n:
        end = pos
        while end < n and not body[end].isspace() and body[end] not in ',;:()\u2013\u2014"“”':
            end += 1
        word = body[pos:end].rstrip(".")
        if not word or not (word[0].isupper() or (word in _INSIDE and words)):
            break
        words.append((pos, pos + len(word)))
        if end >= n or body[end] != " " or len(word) < end - pos:
            break  # a comma, a bracket, a full stop, a line break: the half ends here
        pos = end + 1
    while words and body[words[-1][0] : words[-1][1]] in _INSIDE:
        words.pop()
    if len(words) < 2:
        return None
    first = body[words[0][0] : words[0][1]]
    if first in FUNCTION_WORDS or personnames.given_name(first):
        return None
    s, e = words[0][0], words[-1][1]
    if body.count(body[s:e]) > 1 or body.startswith(_DASHES, e):
        return None  # a name the article uses alone, or an aside between two dashes
    line_end = body.find("\n", e)
    if body.find(".", e, line_end if line_end >= 0 else n) < 0:
        return None  # a page's furniture, no sentence: "Daily Dispatch — Highlands desk"
    return e
