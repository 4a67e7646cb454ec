"""Sentences and paragraphs of an article body, as character spans.

Quote attribution and story alignment both work on sentences, and both must point back into
the stored body (the reader highlights by offset), so this splitter returns `(start, end)`
spans, never copies. It is rule-based on purpose: spaCy's parser is excluded from the NER
pipeline (see `index.entities.ner`), and a regex pass over a few thousand characters costs
microseconds where loading a sentence model costs a second.

A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it) followed by
white space and something that can start a sentence, unless the word before the stop is a
known abbreviation ("Col.", "Mr.", "Jan.") or a lone initial ("J. Haddad"). A line break
always ends a paragraph, and so a sentence.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

#: Words after which a full stop does not end a sentence (lower case, without the stop).
_ABBREVIATIONS_TEXT = """
    mr mrs ms dr prof rev fr sr jr st mt ft gen col lt maj capt cpt sgt cmdr adm brig cpl pvt
    gov sen rep pres supt insp det hon amb sec no nos vol vs etc inc ltd co corp bros dept est
    approx fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun al e.g i.e u.s u.k u.n a.m p.m
    """
ABBREVIATIONS = frozenset(_ABBREVIATIONS_TEXT.split())

_STOP = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_NEXT = re.compile(r"\s+([\"'“‘«(\[]*)(\S)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_PARAGRAPH = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines: the paragraphs of a stored body (sources write one per line)."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        start, end = _strip(text, m.start(), m.end())
        if start < end:
            out.append((start, end))
    return out


def sentences(text: str, span: Span | None = None) -> list[Span]:
    """The sentences of `text` (or of `text[span]`), stripped of surrounding white space."""
    out: list[Span] = []
    for p_start, p_end in [span] if span else paragraphs(text):
        start = p_start
        for m in _STOP.finditer(text, p_start, p_end):
            if not _ends_sentence(text, start, m, p_end):
                continue
            s, e = _strip(text, start, m.end())
            if s < e:
                out.append((s, e))
            start = m.end()
        s, e = _strip(text, start, p_end)
        if s < e:
            out.append((s, e))
    return out


def _ends_sentence(text: str, start: int, stop: re.Match[str], limit: int) -> bool:
    nxt = _NEXT.match(text, stop.end(), limit)
    if nxt is None:
        return False
    first = nxt.group(2)
    if not (first.isupper() or first.isdigit() or nxt.group(1)):
        return False
    if stop.group().startswith(".") and len(stop.group().rstrip("\"'”’»)]")) == 1:
        before = _WORD_BEFORE.search(text, start, stop.start())
        if before:
            word = before.group(1).lower().strip(".")
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                return False
    return True


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
