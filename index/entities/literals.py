"""Many literal names found in a text in one pass, as whole words.

The well-known organisations (~45,000 names) were one prefix-factored regex (`trie.py`): fast
to match, but compiling it took ~3 s of every ingestion process's start, and the time grew
with each list. An Aho-Corasick automaton (pyahocorasick, in C) is built in a fraction of
that and matches as fast; the word edges the regex had are checked on the few hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import ahocorasick

#: What may not stand right before a name: a word character, a dot or a hyphen ("e.Bay",
#: "non-Google").
_BEFORE = re.compile(r"[\w.-]")
#: What may not follow it: a word character or a hyphen, or a dot that goes on into a word
#: ("Apple.com"); a full stop ends a name.
_AFTER = re.compile(r"[\w-]|\.\w")


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    text: str


#: Characters by how often English news writes them, most often first. pyahocorasick finds a
#: node's next character by reading its children in the order they were added, so at the root
#: (where the scan returns after almost every character) a lowercase letter was tried after
#: most of the ~90 capitals, digits and accented letters names open with.
_FREQUENT = ' etaoinsrhdlcumfpgyw,.bv\nk"TSACMPBNRIHGDLFWEOKJ-VUYZQX0123456789xjqz'
_RANKED = str.maketrans({c: chr(0x100 + i) for i, c in enumerate(_FREQUENT)})


def in_scan_order(words: Iterable[str]) -> list[str]:
    """`words` in the order to add them to an automaton: each node's children then come in
    the order above, so a scan finds the common characters after few tries (~15% fewer
    instructions). The order changes no match: the automaton holds the same words."""
    return sorted(words, key=lambda w: w.translate(_RANKED))


#: A space or a stop opens no name, so the root had no child for it and read all its
#: children (~90 here, ~45 in `anchored`'s) at each one: a fifth of a text's characters. A
#: word of that character and a NUL, which no text writes, gives the root that child, first;
#: its matches are dropped (here their value is 0, there they belong to no pattern).
SENTINELS = frozenset(c + "\0" for c in ' ,.\n"-')


class LiteralNames:
    """Case-sensitive whole-word matching of many names, leftmost first and, at one start,
    the longest name whose end is a word's end: what a longest-first alternation between
    the edges above finds, without its compile time."""

    def __init__(self, names: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        words = [name for name in names if name]
        self._empty = not words
        if words:
            for word in in_scan_order([*words, *SENTINELS]):
                self._automaton.add_word(word, 0 if word in SENTINELS else len(word))
            self._automaton.make_automaton()
        # (the text last scanned, where names start in it): one tuple, swapped whole
        self._last: tuple[str, dict[int, list[int]]] | None = None

    def _starts(self, text: str) -> dict[int, list[int]]:
        """Where names start in `text`, each start with the lengths of the names there. One
        scan a text: the resolver asks `match` at a name's start for every mention of an
        article (~25 a text) before it asks `finditer` of the same body, and a scan of the
        mention alone cost almost as much as one of the whole body."""
        last = self._last
        if last is not None and last[0] is text:
            return last[1]
        starts: dict[int, list[int]] = {}
        if not self._empty:
            for end, size in self._automaton.iter(text):
                if size:  # (a sentinel's is 0)
                    starts.setdefault(end + 1 - size, []).append(size)
        self._last = (text, starts)
        return starts

    def finditer(self, text: str) -> Iterator[Found]:
        """Each name in `text`, left to right, never overlapping."""
        starts = self._starts(text)
        done = 0
        for start in sorted(starts):
            if start < done or not self._open(text, start):
                continue
            size = self._longest(text, start, starts[start], len(text))
            if size:
                done = start + size
                yield Found(start, done, text[start:done])

    def match(self, text: str, start: int, end: int) -> Found | None:
        """The longest name that starts at `start` and ends by `end` (a word's end there
        counts, as at the end of a string), or None."""
        if self._empty or not self._open(text, start):
            return None
        sizes = [size for size in self._starts(text).get(start, ()) if start + size <= end]
        size = self._longest(text, start, sizes, end)
        return Found(start, start + size, text[start : start + size]) if size else None

    @staticmethod
    def _open(text: str, start: int) -> bool:
        return start == 0 or _BEFORE.match(text, start - 1) is None

    @staticmethod
    def _longest(text: str, start: int, sizes: list[int], end: int) -> int:
        if len(sizes) == 1:  # most starts: one name, nothing to sort
            size = sizes[0]
            return size if _AFTER.match(text, start + size, end) is None else 0
        for size in sorted(sizes, reverse=True):
            if _AFTER.match(text, start + size, end) is None:
                return size
        return 0
