"""Where an article writes a word or a name: the searches the rules share, each one plain
`str.find` calls (no pattern compiled per name, which would thrash `re`'s cache of compiled
patterns) or one pass over the article cached for all its questions.

A word here is a run of letters, digits, "_" and "-": "Vasek-owned" is one word,
"O'Brien" two.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=4)
def article_words(body: str) -> frozenset[str]:
    """The words of an article, once per article (hyphenated words whole)."""
    return frozenset(re.findall(r"[\w-]+", body))


class WordsByHead(Mapping[str, list[str]]):
    """The article's capitalised words (`article_words` that open with a capital) by their
    first three letters. A lookup reads only where the body writes those letters (a few
    `str.find`s), not every word of the article: the surnames asked about are few, and the
    full index is built only if the mapping is iterated."""

    __slots__ = ("_body", "_heads")

    def __init__(self, body: str) -> None:
        self._body = body
        self._heads: dict[str, list[str]] = {}

    def _opening(self, head: str) -> list[str]:
        words = self._heads.get(head)
        if words is None:
            words = self._heads[head] = _words_opening(self._body, head)
        return words

    def __getitem__(self, head: str) -> list[str]:
        words = self._opening(head)
        if not words:
            raise KeyError(head)
        return words

    def get(self, head: str, default: Any = None) -> Any:
        return self._opening(head) or default

    def _index(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for w in article_words(self._body):
            if w[:1].isupper():  # names only
                out.setdefault(w[:3], []).append(w)
        return out

    def __iter__(self) -> Iterator[str]:
        return iter(self._index())

    def __len__(self) -> int:
        return len(self._index())


def _words_opening(body: str, head: str) -> list[str]:
    """The distinct words of `body` (runs of letters, digits, "_" and "-") whose first three
    characters are `head` and that open with a capital, in the order they are first written."""
    if not head[:1].isupper() or not all(_word_char(c) for c in head):
        return []  # no such word: a word is all word characters
    found: dict[str, None] = {}
    n = len(body)
    at = body.find(head)
    while at >= 0:
        if not (at and _word_char(body[at - 1])):
            end = at + len(head)
            while end < n and _word_char(body[end]):
                end += 1
            word = body[at:end]
            if word[:3] == head:
                found[word] = None
        at = body.find(head, at + 1)
    return list(found)


@lru_cache(maxsize=4)
def words_by_head(body: str) -> Mapping[str, list[str]]:
    """The article's words by their first three letters, to find spellings of a name."""
    return WordsByHead(body)


def in_lowercase(body: str, word: str) -> bool:
    """Does the article write `word` in lowercase, as a word of its own ("rose", "turnout")?
    A plain word is looked for with `str.find` (no pattern compiled per word, which would
    thrash `re`'s cache, and no set of all the article's words built for a few questions)."""
    low = word.lower()
    if low:  # (`_written_as_word` reads the same boundaries as the pattern, for any text)
        return _written_as_word(body, low)
    return re.search(r"(?<![\w-])(?![\w-])", body) is not None


def _written_as_word(body: str, text: str) -> bool:
    """Is `text` written with no letter, digit, "_" or "-" on either side (the first of
    `find_all`'s positions, without looking for the rest)?"""
    n, size = len(body), len(text)
    at = body.find(text)
    while at >= 0:
        end = at + size
        if not ((at and _word_char(body[at - 1])) or (end < n and _word_char(body[end]))):
            return True
        at = body.find(text, at + 1)
    return False


def word_positions(body: str, word: str) -> list[int]:
    """Where `word` is written as a word of its own (see `find_all`)."""
    return find_all(body, word, whole_words=True)


def recurs(body: str, word: str, start: int, end: int) -> bool:
    """Is `word` (a surname) written elsewhere in the body, outside [start, end)?"""
    return any(not start <= at < end for at in find_all(body, word, whole_words=True))


def find_all(body: str, text: str, *, whole_words: bool = False) -> list[int]:
    """Where `text` is written in `body` (as a word of its own when `whole_words`: no letter,
    digit, "_" or "-" on either side). Plain `str.find`, so no pattern is compiled per name."""
    out: list[int] = []
    at = body.find(text)
    while at >= 0 and text:
        end = at + len(text)
        if not whole_words or not (
            (at and _word_char(body[at - 1])) or (end < len(body) and _word_char(body[end]))
        ):
            out.append(at)
        at = body.find(text, at + 1)
    return out


def written_alone(body: str, text: str) -> list[int]:
    """Where `text` is written in `body` with no letter or digit on either side, left to right
    and never overlapping: the places a name found once is written again."""
    out: list[int] = []
    pos = body.find(text) if text else -1
    while pos != -1:
        end = pos + len(text)
        if (pos == 0 or not body[pos - 1].isalnum()) and (
            end == len(body) or not body[end].isalnum()
        ):
            out.append(pos)
        pos = body.find(text, end)
    return out


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


def _name_char(ch: str) -> bool:
    """A letter, digit, "_", "-" or apostrophe: what goes on a name ("O'Brien", "Al-Rehab")."""
    return ch.isalnum() or ch in "_’'-"


def count_alone(body: str, word: str) -> int:
    """How often `word` is written with no letter, digit, "_", "-" or apostrophe on either
    side, left to right and never overlapping (what `re.findall` of the word so bounded
    counts, without a pattern compiled for each word)."""
    n, size, count = len(body), len(word), 0
    at = body.find(word) if word else -1
    while at >= 0:
        end = at + size
        if not ((at and _name_char(body[at - 1])) or (end < n and _name_char(body[end]))):
            count += 1
            at = body.find(word, end)
        else:
            at = body.find(word, at + 1)
    return count


def before_capital(body: str, name: str) -> bool:
    """Is `name` (no space in it) written, opening a word, before a space and a capital A-Z
    ("Vanderbilt University" for "Vanderbilt")? A plain `str.find` per place it is written."""
    n = len(body)
    at = body.find(name + " ") if name else -1
    while at >= 0:
        nxt = at + len(name) + 1
        if not (at and _name_char(body[at - 1])) and nxt < n and "A" <= body[nxt] <= "Z":
            return True
        at = body.find(name + " ", at + 1)
    return False


def _is_word(ch: str) -> bool:
    """`\\w` of `re`: a letter, digit or "_"."""
    return ch.isalnum() or ch == "_"


def after_capitalised_word(body: str, name: str) -> bool:
    """Is `name` written after a word of a capital A-Z and small a-z letters and a space, and
    ended at a word boundary ("Abdullah Al Kuwari" for "Al Kuwari")? What the pattern
    `\\b[A-Z][a-z]+ NAME\\b` finds, read by `str.find` with no pattern compiled per name."""
    n, size = len(body), len(name)
    at = body.find(name, 2) if name else -1
    while at >= 0:
        end = at + size
        if body[at - 1] == " " and _is_word(body[end - 1]) != (end < n and _is_word(body[end])):
            k = at - 2
            while k >= 0 and "a" <= body[k] <= "z":
                k -= 1
            if (
                k < at - 2
                and k >= 0
                and "A" <= body[k] <= "Z"
                and not (k and _is_word(body[k - 1]))
            ):
                return True
        at = body.find(name, at + 1)
    return False
