"""Entities: who and where an article is about.

The pipeline has two halves with one contract between them:

* `extract(articles)` (NER + cleaning + within-article resolution) turns each article's
  `(title, body)` into `LocalEntity` values: one per real entity in that article, with the best
  display name, the other forms it was written in, and its mentions as offsets into `body`.
* `registry.Registry` (across articles, in the library's SQLite) maps each `LocalEntity` to a
  canonical entity, and is what search, the sidebar and `dateline entities` read.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import EntityType


@dataclass(frozen=True)
class LocalEntity:
    """One entity as seen inside one article.

    `name` is the best display form in this article ("Bashar al-Assad", not "Assad");
    `aliases` the other forms it was written in, acronyms included ("HTS");
    `mentions` are `(start, end)` offsets into the body the extractor was given;
    `evidence` says the article typed it on more than the model's label (a place phrase, a
    title, "the X party", a match report), which weighs more in the library-wide type vote;
    `team` that the article shows the organisation playing (a fixture, a result, a squad): a
    club named for its town, which the library keeps apart from the town (typevote.py).
    """

    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    evidence: bool = False
    team: bool = False


from .extract import extract  # noqa: E402

__all__ = ["LocalEntity", "extract"]
