"""Matching keys for entity names.

Two written forms are the same name when their keys are equal: "Türkiye" ~ "Turkiye",
"Hay’at Tahrir al-Sham" ~ "Hayat Tahrir al Sham", "al-Assad" ~ "Al Assad" ~ "el-Assad",
"U.S." ~ "US", "Erdogan's" ~ "Erdogan". The display form is kept elsewhere; a key is never shown
to a user.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

#: How many names each gazetteer lookup remembers (`functools.lru_cache`): a day of news names
#: tens of thousands of distinct words, and at 8,192 the caches of `is_place`, `is_region` and
#: `city_population` were emptied faster than they were reused (hits under one in two).
LOOKUP_CACHE = 65536

_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\u201b"
_APOS_RE = re.compile(f"[{_APOSTROPHES}']")
# A trailing possessive: "Assad’s", "Forces’". Removed before the apostrophes are dropped so
# that "Erdogan's" and "Erdogan" share a key.
_POSSESSIVE_RE = re.compile(f"[{_APOSTROPHES}'](?:s\\b)?$")
# Dotted initialisms: "U.S." -> "US", "U.N." -> "UN" (a lone "U." is left to the word rules).
_INITIALISM_RE = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_DASHES_RE = re.compile(r"[\u2010-\u2015\u2212\-_/]+")
_NON_WORD_RE = re.compile(r"[^\w\s]+")
_SPACE_RE = re.compile(r"\s+")
# Arabic article spellings that name the same person or place: al-, el-, Al , El .
_PARTICLES = {"el": "al"}
#: ASCII punctuation `fold` reads as a space, and the apostrophes it drops; any other
#: punctuation leaves the fast path of `entity_key` (`isalnum` fails) for `fold` itself.
_ASCII_FOLD = str.maketrans({**{c: " " for c in '-_/,()&+!?;:"*#@[]'}, "'": None, "`": None})
_ASCII_POSSESSIVES = ("'s", "'", "`s", "`")


def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and hyphen-insensitive form of `text` (words kept in order).

    Search folds query words with the same function, so a user typing `turkiye` or `al assad`
    meets the names the extractor folded.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INITIALISM_RE.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _APOS_RE.sub("", text)  # Hay’at -> Hayat
    text = anyascii(text)
    text = _DASHES_RE.sub(" ", text)
    text = _NON_WORD_RE.sub(" ", text).casefold()
    return _SPACE_RE.sub(" ", text).strip()


def strip_possessive(text: str) -> str:
    """`text` without a trailing possessive ("Assad’s" -> "Assad", "Forces’" -> "Forces")."""
    return _POSSESSIVE_RE.sub("", text.rstrip())


@lru_cache(maxsize=4 * LOOKUP_CACHE)
def entity_key(text: str) -> str:
    """The key two mentions must share to be one name.

    Possessives are dropped and "el" is read as "al"; "al" stays a word so that "al-Assad" and
    "Assad" keep different keys (linking a surname to a full name is the resolver's job, which
    knows whether the surname is unique). Cached: the same names recur across a whole import.
    """
    if text.isascii() and "." not in text and not text.rstrip().endswith(_ASCII_POSSESSIVES):
        # Most names are plain ASCII: this gives exactly `fold`'s words without its regexes
        # and transliteration, which loading the lists pays for ~200,000 times.
        words = text.translate(_ASCII_FOLD).lower().split()
        if "".join(words).isalnum() or not words:
            return _joined(words)
    return _joined(fold(strip_possessive(text)).split())


def _joined(words: list[str]) -> str:
    """The key of folded words: "el" read as "al" (most keys hold neither)."""
    if _PARTICLES.keys().isdisjoint(words):
        return " ".join(words)
    return " ".join(_PARTICLES.get(w, w) for w in words)


def tokens(text: str) -> list[str]:
    """The words of `entity_key(text)`: what containment ("Assad" in "Bashar al-Assad") compares."""
    return entity_key(text).split()


def determiner(text: str) -> int:
    """Length of the "the " the model put at the start of a span ("the Senate Foreign
    Relations Committee", as OntoNotes writes names): kept in mention spans, never in names
    or forms. 0 when there is none."""
    return 4 if text[:4] in ("the ", "The ") else 0
