"""Did you mean: the query with each word the index lacks replaced by the closest one it has.

Each segment's spelling vocabulary is read once and kept (`index.segments`), and rapidfuzz
compares a missing word with the words sharing its first letter (Whoosh built a Levenshtein
automaton per segment and field for every word); `person:`/`place:`/`org:` words are compared
with the registry's name words.

Only offered for a word that finds nothing, as the index reads it (stemmed: "ferry" finds
"ferries", so it is never "fear"; "evacuate" finds "evacuates", so it is never "evacuated"),
or that finds a word of `RARE_LETTERS` or more in at most `RARE` articles while a spelling
one letter away is in `FAR_MORE` times as many: a misprint in the text itself ("goverment")
still gets its correction at 100,000 articles. Links and addresses are never corrected ("https" is no
misspelled "hits").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .compile import ENTITY_FIELDS, TEXT_FIELDS, EntityLookup, words
from .entities.keys import tokens
from .model import EntityType
from .query import Node
from .segments import View

#: A word found in at most this many articles may be a misprint there (see the module doc).
RARE = 2
#: ... when a spelling one letter away is found in this many times as many articles,
FAR_MORE = 100
#: ... and it has at least this many letters (short words are often one letter apart).
RARE_LETTERS = 5
_LINKISH = re.compile(r"://|^www\.|\w@\w")


def suggestion(
    searcher: Any,
    view: View,
    node: Node | None,
    text: str,
    entities: EntityLookup | None,
) -> str | None:
    """The query with each word the index lacks replaced by the closest one it has."""
    reader = searcher.reader()
    edits: list[tuple[int, int, str]] = []
    for word in words(node):
        if word.span is None or text[word.span[0] : word.span[1]] != word.text:
            continue  # an escaped quote shifted the text: do not risk a wrong edit
        if word.field == "source":
            continue  # few distinct sources: nothing worth correcting
        if word.field in ENTITY_FIELDS:
            if entities is not None:
                edits += _entity_edits(word.span[0], word.text, word.field, entities)  # type: ignore[arg-type]
            continue
        if _LINKISH.search(word.text):
            continue  # a link or an address: its parts are no misspelled words
        fieldnames = TEXT_FIELDS[word.field] if word.field else ("body", "title")
        analyzer = searcher.schema[fieldnames[0]].analyzer
        for tok in analyzer(word.text, chars=True, no_morph=True, mode="query"):
            if len(tok.text) < 3 or tok.text.isdigit():
                continue
            found = _found(reader, fieldnames, _stems(analyzer, tok.text))
            if found > RARE or (found and len(tok.text) < RARE_LETTERS):
                continue  # it matched: a short word one letter from another is seldom a typo
            spell = [searcher.schema[f].spelling_fieldname(f) for f in fieldnames]
            better = _correct(view, reader, spell, tok.text, maxdist=1 if found else 2)
            if better and _stems(analyzer, better) == _stems(analyzer, tok.text):
                continue  # "pipelines" already finds "pipeline": stemming matched it
            if better and found:
                more = _found(reader, fieldnames, _stems(analyzer, better))
                better = better if more >= FAR_MORE * found else None
            if better:
                start = word.span[0] + tok.startchar
                original = text[start : word.span[0] + tok.endchar]
                end = start + len(original)
                if tok.startchar == 0:
                    start = _unsigned(text, start)
                edits.append((start, end, _same_case(original, better)))
    if not edits:
        return None
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _unsigned(text: str, start: int) -> int:
    """Where the signs before a word end: `--weird` is `weird` (a NOT of a NOT; `+` is no
    sign at all), and only positive words are corrected, so a suggestion writes the word
    plain. Kept, the signs read as an exclusion: "Did you mean: --were" (QA 5)."""
    while start > 0 and text[start - 1] in "-+":
        start -= 1
    return start


def _entity_edits(
    at: int, text: str, type_: EntityType, entities: EntityLookup
) -> list[tuple[int, int, str]]:
    """Edits for name words no entity of `type_` has: `person:kovak` -> `person:kovac`."""
    edits = []
    for m in re.finditer(r"\w+", text):
        word = m.group(0)
        folded = tokens(word)
        if len(folded) != 1 or folded[0].isdigit():
            continue
        better = entities.suggest_token(type_, folded[0])
        if better:
            edits.append((at + m.start(), at + m.end(), _same_case(word, better)))
    return edits


def _found(reader: Any, fields: Sequence[str], terms: Sequence[str]) -> int:
    """In how many articles the rarest of `terms` (a word as the index reads it) is found in
    one of `fields`: 0 when one of them is in none."""
    return min(
        (max(reader.doc_frequency(f, t) for f in fields) for t in terms),
        default=0,
    )


def _correct(
    view: View, reader: Any, fields: list[str], word: str, *, maxdist: int = 2
) -> str | None:
    """The closest other word the index has: edit distance 1 (up to `maxdist` for words over
    4 letters), same first letter, the most frequent on a tie.

    Whoosh's correctors build a Levenshtein automaton per segment and field for every word;
    here each segment's vocabulary is read once and kept, and rapidfuzz compares the word with
    the words sharing its first letter.
    """
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extract

    candidates = [w for w in view.words_starting(fields, word[0]) if w != word]
    for distance in range(1, maxdist + 1 if len(word) > 4 else 2):
        found = extract(
            word, candidates, scorer=Levenshtein.distance, score_cutoff=distance, limit=None
        )
        if found:
            best = min(d for _, d, _ in found)
            closest = [w for w, d, _ in found if d == best]
            return max(
                sorted(closest), key=lambda w: sum(reader.doc_frequency(f, w) for f in fields)
            )
    return None


def _stems(analyzer: Any, word: str) -> list[str]:
    return [t.text for t in analyzer(word, mode="query")]


def _same_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
