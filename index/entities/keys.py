"""Matching keys for entity names.

Two written forms are the same name when their keys are equal: "Türkiye" ~ "Turkiye",
"Hay’at Tahrir al-Sham" ~ "Hayat Tahrir al Sham", "al-Assad" ~ "Al Assad". The display form is
kept elsewhere; a key is never shown to a user.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\u201b"
_APOS_RE = re.compile(f"[{_APOSTROPHES}']")
_DASHES_RE = re.compile(r"[\u2010-\u2015\u2212\-_/]+")
_NON_WORD_RE = re.compile(r"[^\w\s]+")
_SPACE_RE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and hyphen-insensitive form of `text` (words kept in order)."""
    text = unicodedata.normalize("NFKC", text)
    text = _APOS_RE.sub("", text)  # Hay’at -> Hayat, Erdogan's -> Erdogans (callers strip 's first)
    text = anyascii(text)
    text = _DASHES_RE.sub(" ", text)
    text = _NON_WORD_RE.sub(" ", text).casefold()
    return _SPACE_RE.sub(" ", text).strip()


def entity_key(text: str) -> str:
    """The key two mentions must share to be one name; "al"/"el" particles are kept as words."""
    return fold(text)


def tokens(text: str) -> list[str]:
    return fold(text).split()
