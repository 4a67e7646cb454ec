"""The short forms North American papers write a state or a province in after a town:
"Tupelo, Miss.", "Grande Prairie, Alta.", "BRATTLEBORO, Vt. —". The model reads them as a
title ("Miss"), a person ("Ont") or nothing; each names a place, as the town's country does
in "NAIROBI, Kenya".

Only the forms with their full stop count, and only right after a capitalised town and a
comma: "Man.", "Miss." and "Wash." are words or titles anywhere else.
"""

from __future__ import annotations

import re

from .clean import Mention
from .spans import Cover, Spans

#: The Associated Press's abbreviations of the states (those it writes in full, such as
#: "Ohio" and "Texas", the model reads as places already), and the Canadian Press's of
#: the provinces.
STATES = (
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.",
    "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.",
    "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.",
    "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
)  # fmt: skip
PROVINCES = (
    "Alta.", "B.C.", "Man.", "N.B.", "N.L.", "Nfld.", "N.S.", "Ont.", "P.E.I.", "Que.",
    "Sask.",
)  # fmt: skip
POSTAL = frozenset((*STATES, *PROVINCES))
_FORMS = "|".join(re.escape(f) for f in sorted(POSTAL, key=len, reverse=True))
#: A comma, the form, then anything but a letter: "Kitimat, B.C., said", "TUPELO, Miss. —"
#: (the town's word before the comma is read apart: a pattern opening with the comma is
#: looked for fast).
_AFTER_TOWN = re.compile(rf", ({_FORMS})(?![A-Za-z])")


def state_abbreviations(
    body: str, mentions: list[Mention], taken: Cover, stray: Spans
) -> list[Mention]:
    """The places a state's or a province's short form names after a town, where no other
    mention and no stray line (a byline, a caption) holds them. Never after a person ("Ana
    Ruiz, Ind.": her party)."""
    found = list(_AFTER_TOWN.finditer(body))
    if not found:
        return []  # most articles: no need to read the mentions
    people = {m.end for m in mentions if m.label in ("PERSON", "CUED")}
    out: list[Mention] = []
    for x in found:
        start, end = x.span(1)
        town = body[max(0, x.start() - 40) : x.start()].rsplit(None, 1)[-1:]
        if not town or not town[0][:1].isupper() or not town[0][-2:].isalpha():
            continue  # a town's word, any case (datelines are upper case), right before
        if x.start() in people or taken.overlaps(start, end):
            continue
        if stray.containing(start, end) is None:
            out.append(Mention(start, end, "GAZETTEER"))
    return out


#: The forms of two letters or more, each with its full stop ("B.C.", "P.E.I.", "N.Y."):
#: no word or title is written so, and a headline uses them with no town before them
#: ("B.C. glaciers losing ice", "pipeline to northern B.C. coast").
_DOTTED = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(f) for f in sorted(POSTAL, key=len, reverse=True) if f.count(".") >= 2)
    + r")(?![\w])"
)
#: A year before the form: "400 B.C." is an era.
_YEAR_BEFORE = re.compile(r"\d\s*$")


def dotted_forms(text: str) -> list[str]:
    """The dotted short forms of states and provinces a headline names, never an era."""
    return [
        x.group(1)
        for x in _DOTTED.finditer(text)
        if not _YEAR_BEFORE.search(text, max(0, x.start() - 3), x.start())
    ]
