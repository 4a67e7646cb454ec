"""Search-result fragments: a ~200-character excerpt around the matched words, marked `**word**`.

Text from outside is hostile: control and bidi characters never reach the screen, and the only
double stars in a fragment are our marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any

from whoosh import highlight

from .searchschema import APOSTROPHES

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


def fragment(
    title: str,
    body: str,
    terms: set[str],
    analyzer: Any,
    phrases: Phrases = (),
    *,
    title_terms: set[str] | None = None,
) -> str:
    """A ~200-character excerpt of `body` around its first matched word, marked `**word**`.

    The body is analysed only up to its first match (the analyzer is a generator), then only the
    excerpt is analysed again to mark every match in it: cost follows the excerpt, not the
    article, and needs no stored text or term vectors. A hit that matched only in its headline
    shows the marked headline before the article's lead, so the reader still sees why. With
    `phrases` ((analysed words, Whoosh slop) of the query's phrases), the excerpt is cut around
    the first place a phrase occurs, not around the first of its words. `title_terms` (when
    they differ from `terms`, which the caller leaves empty for a body known to hold none of
    them) are marked in the headline.
    """
    title_terms = terms if title_terms is None else title_terms
    if not terms:
        marked = _mark(title, title_terms, analyzer) if title_terms else ""
        return f"{marked} — {lead(body)}" if "**" in marked else lead(body)
    first = _phrase_start(body, phrases, terms, analyzer) if phrases else None
    if first is None:
        first = _first_match(body, terms, analyzer)
    if first is None:
        marked = _mark(title, title_terms, analyzer)
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


#: A word whose analysis may not begin with its own letters: one with a letter or an accent
#: outside ASCII ("Zürich" is "zurich", "İzmir" is "izmir") or an apostrophe ("Hay’at" is
#: "hayat"). A dash or a curly quote after a plain word does not make it one.
_UNSURE = rf"(?=\w*(?:[^\W\x00-\x7f]|[\u0300-\u036f]|[{APOSTROPHES}]\w))"


def _pattern(terms: set[str]) -> re.Pattern[str] | None:
    prefixes = sorted({t[:4] for t in terms if t})
    if not prefixes:
        return None
    words = "|".join(map(re.escape, prefixes))
    return re.compile(rf"(?<!\w)(?:{words}|{_UNSURE})", re.IGNORECASE)


def _iter_likely(text: str, terms: set[str], analyzer: Any) -> Iterator[tuple[int, int, str]]:
    """(start, end, term) of the words of `text` that analyse to one of `terms`, found cheaply.

    Stemming every word cost ~0.6 ms a hit; a regular expression on the terms' first letters
    finds the likely words at C speed and only those are analysed, with every word whose
    folding may change its first letters: matching only the prefixes, "zurich convicts" marked
    "convicted" and never "Zürich" (QA 6).
    """
    pattern = _pattern(terms)
    if pattern is None:
        return
    first = _first_token(analyzer)
    end = 0
    for m in pattern.finditer(text):
        if m.start() < end:
            continue
        found = first(text, m.start())
        if found is not None and found[1] in terms:
            end = m.start() + found[0]
            yield m.start(), end, found[1]


#: analyzer id -> (the analyzer, its word -> first token cache).
_STEMS: dict[int, tuple[Any, dict[str, tuple[int, str] | None]]] = {}
_STEMS_MAX = 50_000
_ANALYZERS = 4


def _first_token(analyzer: Any) -> Callable[[str, int], tuple[int, str] | None]:
    """`first(text, at)`: (end offset from `at`, indexed text) of the token starting at `at`.

    Analysing a word runs six Python generator filters (~10 µs); news repeats its words, so
    each distinct word is analysed once and kept (bounded). The word is cut by the analyzer's
    own tokenizer pattern; without one, 40 characters are analysed every time.
    """
    held = _STEMS.get(id(analyzer))
    if held is None or held[0] is not analyzer:
        held = _STEMS[id(analyzer)] = (analyzer, {})
        while len(_STEMS) > _ANALYZERS:  # analyzers come and go with their schema
            del _STEMS[next(iter(_STEMS))]
    cache = held[1]
    items = getattr(analyzer, "items", None)
    expression = getattr(items[0], "expression", None) if items else None

    def slow(text: str, at: int) -> tuple[int, str] | None:
        for t in analyzer(text[at : at + 40], chars=True):
            return (t.endchar, t.text) if t.startchar == 0 else None
        return None

    if expression is None:
        return slow

    def first(text: str, at: int) -> tuple[int, str] | None:
        m = expression.match(text, at)
        if m is None:
            return None
        word = m.group()
        if word in cache:
            return cache[word]
        found = slow(word, 0)
        if len(cache) >= _STEMS_MAX:
            cache.clear()
        cache[word] = found
        return found

    return first


def _likely(
    text: str, terms: set[str], analyzer: Any, *, first: bool = False
) -> list[tuple[int, int]]:
    """(start, end) of the words of `text` that analyse to one of `terms` (see `_iter_likely`)."""
    found = _iter_likely(text, terms, analyzer)
    return [(a, b) for a, b, _ in islice(found, 1 if first else None)]


def _phrase_start(body: str, phrases: Phrases, terms: set[str], analyzer: Any) -> int | None:
    """Where the first occurrence of one of `phrases` starts in `body` (None if the cheap pass
    finds none): its words in order, with fewer than `slop` indexed words between neighbours.

    The body is read only up to the end of that occurrence; each phrase is matched backwards
    from its last word, to the nearest earlier occurrence of each word before it.
    """
    found: list[tuple[int, int, str]] = []
    for token in _iter_likely(body, terms, analyzer):
        found.append(token)
        for words, slop in phrases:
            if token[2] != words[-1]:
                continue
            at, start = len(found) - 1, token[0]
            for word in reversed(words[:-1]):
                prev = next((j for j in range(at - 1, -1, -1) if found[j][2] == word), None)
                if prev is None or _words_between(body[found[prev][1] : start], analyzer, slop):
                    break
                at, start = prev, found[prev][0]
            else:
                return start
    return None


def _words_between(gap: str, analyzer: Any, slop: int) -> bool:
    """Whether `gap` holds `slop` or more indexed words (too many for the phrase)."""
    return sum(1 for _ in islice(analyzer(gap), slop)) >= slop


def _first_match(body: str, terms: set[str], analyzer: Any) -> int | None:
    """Where the first word of `body` that analyses to one of `terms` starts. When the cheap
    pass finds nothing (an analyzer without a tokenizer pattern), the whole body is analysed."""
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
