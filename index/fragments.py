"""Search-result fragments: a ~200-character excerpt around the matched words, marked `**word**`.

Text from outside is hostile: control and bidi characters never reach the screen, and the only
double stars in a fragment are our marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Any

from whoosh import highlight

FRAGMENT_CHARS = 200
#: (analysed words, Whoosh slop) of each phrase of a query.
Phrases = Sequence[tuple[Sequence[str], int]]


_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
_SPACES = re.compile(r"\s+")
_STARS = re.compile(r"\*{2,}")


# Category Cc is exactly U+0000-U+001F and U+007F-U+009F.
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")


def screen_safe(text: str) -> str:
    """No control or bidi characters, one space between words, no `**` but ours."""
    return _STARS.sub("*", _SPACES.sub(" ", _UNSAFE.sub(" ", text)))


class MarkFormatter(highlight.Formatter):
    between = " … "

    def _text(self, text: str) -> str:
        return screen_safe(text)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"**{screen_safe(highlight.get_text(text, token, replace)).strip()}**"


def lead(text: str) -> str:
    """The start of an article, cut at a word, for hits no search word shows up in."""
    text = screen_safe(text[: FRAGMENT_CHARS + 50]).strip()
    if len(text) <= FRAGMENT_CHARS:
        return text
    cut = text.rfind(" ", 0, FRAGMENT_CHARS)
    return text[: cut if cut > FRAGMENT_CHARS // 2 else FRAGMENT_CHARS].rstrip() + " …"


def fragment(title: str, body: str, terms: set[str], analyzer: Any, phrases: Phrases = ()) -> str:
    """A ~200-character excerpt of `body` around its first matched word, marked `**word**`.

    The body is analysed only up to its first match (the analyzer is a generator), then only the
    excerpt is analysed again to mark every match in it: cost follows the excerpt, not the
    article, and needs no stored text or term vectors. A hit that matched only in its headline
    shows the marked headline before the article's lead, so the reader still sees why. With
    `phrases` ((analysed words, Whoosh slop) of the query's phrases), the excerpt is cut around
    the first place a phrase occurs, not around the first of its words.
    """
    if not terms:
        return lead(body)
    first = _phrase_start(body, phrases, terms, analyzer) if phrases else None
    if first is None:
        first = _first_match(body, terms, analyzer)
    if first is None:
        marked = _mark(title, terms, analyzer)
        return f"{marked} — {lead(body)}" if "**" in marked else lead(body)
    start = max(0, first - 60)
    if start:
        space = body.rfind(" ", 0, start + 1)
        start = space + 1 if space > first - 90 else start
    end = min(len(body), start + FRAGMENT_CHARS)
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > first else end
    text = _mark(body[start:end], terms, analyzer)
    return ("… " if start else "") + text + (" …" if end < len(body) else "")


def _pattern(terms: set[str]) -> re.Pattern[str] | None:
    prefixes = sorted({t[:4] for t in terms if t})
    if not prefixes:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, prefixes)) + ")", re.IGNORECASE)


def _iter_likely(text: str, terms: set[str], analyzer: Any) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) of the words of `text` that analyse to one of `terms`, found cheaply.

    Stemming every word cost ~0.6 ms a hit; a regular expression on the terms' first letters
    finds the likely words at C speed and only those are analysed.
    """
    pattern = _pattern(terms)
    if pattern is None:
        return
    end = 0
    for m in pattern.finditer(text):
        if m.start() < end:
            continue
        for t in analyzer(text[m.start() : m.start() + 40], chars=True):
            if t.startchar == 0 and t.text in terms:
                end = m.start() + t.endchar
                yield m.start(), end, t.text
            break


def _likely(
    text: str, terms: set[str], analyzer: Any, *, first: bool = False
) -> list[tuple[int, int]]:
    """(start, end) of the words of `text` that analyse to one of `terms` (see `_iter_likely`)."""
    found = _iter_likely(text, terms, analyzer)
    return [(a, b) for a, b, _ in islice(found, 1 if first else None)]


def _phrase_start(body: str, phrases: Phrases, terms: set[str], analyzer: Any) -> int | None:
    """Where the first occurrence of one of `phrases` starts in `body` (None if the cheap pass
    finds none): its words in order, with at most slop - 1 indexed words between neighbours."""
    found = list(_iter_likely(body, terms, analyzer))
    for words, slop in phrases:
        for i, (start, end, text) in enumerate(found):
            if text != words[0]:
                continue
            at, last = i, end
            for word in words[1:]:
                nxt = next((j for j in range(at + 1, len(found)) if found[j][2] == word), None)
                if nxt is None or _words_between(body[last : found[nxt][0]], analyzer, slop):
                    break
                at, last = nxt, found[nxt][1]
            else:
                return start
    return None


def _words_between(gap: str, analyzer: Any, slop: int) -> bool:
    """Whether `gap` holds `slop` or more indexed words (too many for the phrase)."""
    return sum(1 for _ in islice(analyzer(gap), slop)) >= slop


def _first_match(body: str, terms: set[str], analyzer: Any) -> int | None:
    """Where the first word of `body` that analyses to one of `terms` starts. When the cheap
    pass finds nothing sure (accents, apostrophes), the whole body is analysed."""
    head = _likely(body, terms, analyzer, first=True)
    if head:
        return head[0][0]
    return next((t.startchar for t in analyzer(body, chars=True) if t.text in terms), None)


def _mark(text: str, terms: set[str], analyzer: Any) -> str:
    spans = _likely(text, terms, analyzer) or [
        (t.startchar, t.endchar) for t in analyzer(text, chars=True) if t.text in terms
    ]
    out: list[str] = []
    at = 0
    for start, end in spans:
        out.append(screen_safe(text[at:start]))
        out.append(f"**{screen_safe(text[start:end]).strip()}**")
        at = end
    out.append(screen_safe(text[at:]))
    return "".join(out).strip()
