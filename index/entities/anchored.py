"""A pattern's matches over a whole body, found from words every match holds.

`re` tries a pattern that opens with `\b` or a look-behind at every character of an article,
and an alternation of many words ("President|Minister|…", "broadcaster|carrier|…") there costs
more than the rest of the step that reads the matches. The words are found first instead (an
Aho-Corasick automaton or a pattern `re` skips to in C), and the pattern is tried only where a
match can start: at such a word that opens it (`LedPattern`), or at the capitals of the few
words a match holds before one (`starts_before`: "Fluxa GmbH", "Suparman, 52,"). Left to
right, each match's end the next search's start, as `finditer` does, so the matches are the
same as long as no match can start anywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick

from .literals import SENTINELS, in_scan_order


def finditer_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, tried only at `starts`: the same matches when every match
    of the pattern in `text` starts at one of them (`pattern.match` at a position sees the
    text before it, as `finditer` does)."""
    done = 0
    for start in sorted(set(starts)):
        if start >= done and (x := pattern.match(text, start)) is not None:
            done = x.end()
            yield x


def line_starts(text: str) -> list[int]:
    """Where each line of `text` starts: all a pattern that opens with `^` (`re.MULTILINE`)
    can match at, which `re` otherwise tries at every character of the body."""
    out = [0]
    at = text.find("\n")
    while at >= 0:
        out.append(at + 1)
        at = text.find("\n", at + 1)
    return out


def starts_before(
    text: str, ends: list[int], back: re.Pattern[str], first: re.Pattern[str]
) -> list[int]:
    """Where a match can start that holds, right before one of `ends` (the space before a
    legal form, the comma of an age), what `back` reads back from there on the reversed text
    (a name's few words): each position from there to the end that `first` matches."""
    backwards = text[::-1] if ends else ""
    out: list[int] = []
    for end in ends:
        x = back.match(backwards, len(text) - end)
        if x is not None:
            out.extend(y.start() for y in first.finditer(text, len(text) - x.end(), end))
    return out


class _Heads:
    """The heads of every `LedPattern`, found in one scan of a text for all of them: each
    pattern reads the same body, and the scan, not the few matches, is what costs."""

    def __init__(self) -> None:
        self._sets: list[frozenset[str]] = []
        self._found: ahocorasick.Automaton | None = None
        # (the text last scanned, each pattern's starts in it): one tuple, swapped whole
        self._last: tuple[str, list[list[int]]] | None = None

    def register(self, heads: Iterable[str]) -> int:
        """A new pattern's heads; its number, for `starts`."""
        self._sets.append(frozenset(heads))
        self._found = None
        self._last = None
        return len(self._sets) - 1

    def starts(self, text: str, which: int) -> list[int]:
        """Where pattern `which`'s heads start in `text` (in no order)."""
        last = self._last
        if last is None or last[0] is not text:
            found = self._found if self._found is not None else self._build()
            per: list[list[int]] = [[] for _ in self._sets]
            for end, (size, ids) in found.iter(text):
                for i in ids:
                    per[i].append(end + 1 - size)
            self._last = last = (text, per)
        return last[1][which]

    def _build(self) -> ahocorasick.Automaton:
        ids: dict[str, list[int]] = {}
        for i, words in enumerate(self._sets):
            for word in words:
                assert word, "an empty word would start everywhere"
                ids.setdefault(word, []).append(i)
        found = ahocorasick.Automaton()
        for word in in_scan_order([*ids, *SENTINELS]):  # (a sentinel's is no pattern's)
            found.add_word(word, (len(word), tuple(ids.get(word, ()))))
        found.make_automaton()
        self._found = found
        return found


_HEADS = _Heads()


class LedPattern:
    """A pattern every match of which starts with one of `heads` (a title, a trade): its
    matches, tried only where one of those words is written (found with every other
    pattern's heads, in one scan of the text)."""

    __slots__ = ("_which", "pattern")

    def __init__(self, pattern: re.Pattern[str], heads: Iterable[str]) -> None:
        self.pattern = pattern
        self._which = _HEADS.register(heads)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return finditer_at(self.pattern, text, _HEADS.starts(text, self._which))


class LedWords:
    """Where any of `words` starts in a text, found in the scan `LedPattern`s share: for a
    pattern whose words are read elsewhere than at its start ("… GmbH", "… School"), which
    had its own automaton and so its own scan of every body."""

    __slots__ = ("_which",)

    def __init__(self, words: Iterable[str]) -> None:
        self._which = _HEADS.register(words)

    def starts(self, text: str) -> list[int]:
        """Each start of one of the words in `text`, in no order (shared: not to be changed)."""
        return _HEADS.starts(text, self._which)


def heads(alternation: str) -> list[str]:
    """The literal text each alternative of a flat `alternation` starts with, the part every
    match of it holds: "start-?up" -> "start", "news\\s+agency" -> "news", "S\\.A\\." -> "S.A."."""
    out = []
    for alt in alternation.removeprefix("(?:").removesuffix(")").split("|"):
        x = _LITERAL_HEAD.match(alt)  # up to the first regex syntax
        head = x.group() if x else ""
        if alt[len(head) :].startswith("?"):  # "start-?up": its last character is optional
            head = head[:-2] if head.endswith("\\.") else head[:-1]
        out.append(head.replace("\\.", "."))
    return out


_LITERAL_HEAD = re.compile(r"(?:[\w&-]|\\\.)*")
