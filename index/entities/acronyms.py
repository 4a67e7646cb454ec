"""Acronyms an article defines: "Name (ACR)" makes the acronym an alias of the name, and
the model's fragments of the name one mention (`resolve` step 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import personnames
from .clean import Mention
from .keys import entity_key
from .nameforms import known_place_name
from .patterns import AcronymDefinition, acronym_uses
from .spans import Cover, overlaps

#: An acronym in brackets: capitals of any alphabet, a small letter for a word it skips
#: ("İESOB", "NiP").
_PAREN_ACRONYM = re.compile(r"\s*\(\s*((?:[A-ZÀ-ÞİŞĞČŠŽĆŁ][a-z]?){1,5}[A-ZÀ-ÞİŞĞČŠŽĆŁ])\s*\)")


def model_definitions(
    body: str, mentions: list[Mention], defs: Sequence[AcronymDefinition]
) -> list[AcronymDefinition]:
    """ "Name (ACR)" where the acronym is of the name in another language ("Securities and
    Exchange Commission (CVM)", "State Secretariat for Economic Affairs (SECO)"): defined
    when the model tagged the name an organisation of two words or more right before it."""
    known = {d.acr_start for d in defs}
    out: list[AcronymDefinition] = []
    for m in mentions:
        if m.label != "ORG" or " " not in body[m.start : m.end].strip():
            continue
        x = _PAREN_ACRONYM.match(body, m.end)
        if x is None or x.start(1) in known:
            continue
        if personnames.person_shaped(body[m.start : m.end]):
            continue  # "Cllr Siobhán Ní Ghráinne (FF)": someone, and her party
        out.append(AcronymDefinition(m.start, m.end, x.start(1), x.end(1)))
        known.add(x.start(1))
    return out


def apply_acronyms(
    body: str, mentions: list[Mention], defs: Sequence, aliases: dict[str, str]
) -> list[Mention]:
    """Make "Name (ACR)" one name with an alias, absorbing model fragments of the name."""
    if not defs:
        return mentions
    cover = Cover(len(body), ((m.start, m.end) for m in mentions))
    for d in defs:
        start, end = d.start, d.end
        absorbed = [m for m in mentions if overlaps((m.start, m.end), (start, end))]
        for m in absorbed:  # "the United Nations Office" + "(OCHA)" definition: widen the name
            if m.start < start and body[m.start : start].count("\n") == 0:
                start = m.start
        keep = [m for m in mentions if m not in absorbed]
        for m in absorbed:
            cover.remove(m.start, m.end)
        labels = [_defined_label(body, m, start, end) for m in absorbed] or ["ACRONYM"]
        added = [Mention(start, end, label) for label in labels]
        added.append(Mention(d.acr_start, d.acr_end, "ACRONYM"))
        for m in added:
            cover.add(m.start, m.end)
        keep.extend(added)
        acronym = d.acronym(body)
        for s, e in acronym_uses(body, acronym, (d.acr_start, d.acr_end)):
            if not cover.overlaps(s, e):
                keep.append(Mention(s, e, "ACRONYM"))
                cover.add(s, e)
        aliases[entity_key(acronym)] = entity_key(body[start:end])
        mentions = keep
    return mentions


def _defined_label(body: str, m: Mention, start: int, end: int) -> str:
    """The label a model fragment gives the whole defined name: a country or region the name
    goes beyond is what a body is named for ("Fire and Emergency" + "New Zealand" (FENZ)),
    unless the whole is a place too ("Democratic Republic of the" + "Congo" (DRC))."""
    if (
        m.label in ("GPE", "LOC")
        and (m.start, m.end) != (start, end)
        and not known_place_name(body[start:end])
    ):
        return "ORG"
    return m.label
