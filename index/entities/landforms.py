"""A place named as a kind of land or water "of" somewhere, which the model tagged only from the
somewhere on (`repair` step): "the Isthmus of" + "Tehuantepec", "the Port of" + "Guayaquil",
"the Mall of" + "Asia Arena". The kind opens the name when written capitalised right before
"of": "the isthmus of Tehuantepec" in lowercase is only a description.
"""

from __future__ import annotations

import re

from .clean import Mention
from .spans import widen

#: Kinds of land, water or site whose name is "<Kind> of <somewhere>", capitalised, right
#: before the model's place.
_KIND_OF = re.compile(
    r"(?<![\w’'-])(?:Isthmus|Gulf|Bay|Straits?|Cape|Peninsula|Sea|Isles?|Islands?|Lake|Vale"
    r"|Valley|Port|Mall|Plains?|Mouth|Delta) of (?:the )?$"
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "PLACE"})


def with_kind_of(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Isthmus of" + "Tehuantepec": a place the model tagged runs back over the capitalised
    kind of land, water or site and "of" before it; the whole is one place. Mentions inside
    the kind's words are dropped; one crossing them leaves the place as it was."""
    out = list(mentions)
    present = set(out)  # `m in out` on every mention was quadratic in long articles
    for m in mentions:
        if m.label not in _PLACE_LABELS or m not in present:
            continue
        x = _KIND_OF.search(body, max(0, m.start - 30), m.start)
        if x is None:
            continue
        grown = widen(out, m, Mention(x.start(), m.end, "LOC", m.titled, True, m.org_word))
        if grown is None:
            continue
        out = grown
        present = set(out)
    return out
