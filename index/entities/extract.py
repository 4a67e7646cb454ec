"""`extract`: articles in, resolved entities out (NER, then cleaning and resolution).

The model's spans come from the body: headlines are Title Case, which the model reads as
names ("Prisoner Releases"), and a `LocalEntity`'s mentions are offsets into the body anyway.
The headline is tagged too, but only places a gazetteer confirms survive from it ("..., Ankara
Says"); every other headline name counts only when the body has it.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import LocalEntity, ner
from .resolve import resolve
from .spaces import plain_spaces


def extract(
    articles: Sequence[tuple[str, str]], *, batch_size: int = 32
) -> list[list[LocalEntity]]:
    """Entities of each `(title, body)` article, one `LocalEntity` per real entity.

    The model runs over all bodies in batches (`nlp.pipe`); the rule layer then resolves each
    article on its own, so the result for one article never depends on its neighbours.
    """
    # the model reads what the rules read: no-break spaces as plain ones, offsets unchanged
    titles = [plain_spaces(title) for title, _ in articles]
    bodies = [plain_spaces(body) for _, body in articles]
    tagged = list(ner.pipe([*bodies, *titles], batch_size=batch_size))
    n = len(articles)
    return [resolve(bodies[i], tagged[i], titles[i], tagged[n + i]) for i in range(n)]
