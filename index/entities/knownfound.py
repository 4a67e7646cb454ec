"""Organisations the lists know that the model did not tag, found in the body after cleaning
("outreach from Google and …", "Doctors" + "Without Borders" made whole), for `resolve.py`.
"""

from __future__ import annotations

from . import gazetteer
from .clean import Mention
from .sidebyside import branch_end
from .spans import Cover, Spans

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "GAZETTEER", "PLACE"})


def known_orgs(body: str, mentions: list[Mention], stray: Spans) -> list[Mention]:
    """Widely reported organisations the model did not tag ("outreach from Google and …").

    Not when the article writes the name in lowercase too (a word: "apple", "meta") or a
    person's name holds it ("Michael Bloomberg")."""
    taken = Cover(len(body), ((m.start, m.end) for m in mentions))
    people = {
        w.casefold() for m in mentions if m.label == "PERSON" for w in body[m.start : m.end].split()
    }
    for x in gazetteer.known_org_names().finditer(body):
        s, e, text = x.start, x.end, x.text
        if stray.containing(s, e) is not None:
            continue
        if taken.overlaps(s, e):
            # "Doctors" + "Without Borders" (PERSON): a known name the model cut is whole.
            inside = [m for m in mentions if m.start < e and s < m.end]
            if " " not in text or not all(s <= m.start and m.end <= e for m in inside):
                continue
            # (the mentions `inside` are all that overlap it: a test of offsets, not of equality)
            mentions = [m for m in mentions if not (m.start < e and s < m.end)]
            for m in inside:
                taken.remove(m.start, m.end)
        if text.casefold() in people or (
            " " not in text and not text.isupper() and text.lower() in body
        ):
            continue
        branch = branch_end(body, e) if " " in text else e  # "Transparency International Vanuatu"
        country = [m for m in mentions if e < m.start < branch] if branch > e else []
        if branch > e and all(m.label in _PLACE_LABELS and m.end <= branch for m in country):
            mentions = [m for m in mentions if m not in country]
            for m in country:
                taken.remove(m.start, m.end)
            e = branch
        mentions.append(Mention(s, e, "KNOWN_ORG"))
        taken.add(s, e)
    return mentions
