"""Roads known by a letter and a number: Britain's "A49", "M25" and "B4368", Ireland's and
South Africa's "N2", Mozambique's and Portugal's "EN4". The model leaves most of them out or
tags them as a body, and a bare letter-and-number is a model number to `products.py`
("IE6", "A380"); a road's own words say which it is: "the A49 road", "the EN4 highway", "along
the A40", "off the nearby M25". Not "on the X", which is as often an exchange's ("listed on
the B3") as a road's.
"""

from __future__ import annotations

import re

#: A road's code: the letters roads take, then one to four digits (no leading zero).
#: (The letter first and the look-behind after it: `re` skips to those letters in C, where a
#: look-behind opening the pattern was tried at every character of the body.)
_CODE = re.compile(r"[ABEMN](?<![\w-].)(?:(?<=E)N)?(?<=[ABMN])[1-9]\d{0,3}(?![\w-]|[.,]\d)")
#: A road's kind right after its code: "the EN4 highway", "the M6 motorway".
_KIND_AFTER = re.compile(
    r" (?:road|highway|motorway|dual carriageway|trunk road|bypass|expressway|corridor"
    r"|toll road|junction|roundabout|interchange|flyover)\b"
)
#: "the" before a code, perhaps after travel along a road ("along the A40") or with a road's
#: adjective ("the nearby A49").
_THE_BEFORE = re.compile(
    r"\b(?P<verb>(?:along|off|onto|via|beside|joins|join|joined) )?"
    r"the (?P<adj>(?:nearby|busy|congested) )?$"
)
#: What makes a code an aircraft's or a gadget's, near it: "flights on the A380".
_NOT_ROADS = re.compile(
    r"\b(?:aircraft|airliners?|planes?|jets?|jumbo|superjumbo|flights?|fleet|Airbus|Boeing"
    r"|carbine|rifle|tank|bomber|masks?|respirators?|chips?|processors?|phones?|cameras?)\b",
    re.IGNORECASE,
)


def lettered_roads(body: str) -> list[tuple[int, int]]:
    """The spans of the roads known by a letter and a number: after "the" and before a
    road's kind ("the EN4 highway"), after travel along a road ("along the A40") or after a
    road's adjective ("the nearby A49"); never near an aircraft's or a gadget's words."""
    out = []
    for x in _CODE.finditer(body):
        start, end = x.span()
        the = _THE_BEFORE.search(body, max(0, start - 30), start)
        if the is None:
            continue
        if not (the.group("verb") or the.group("adj") or _KIND_AFTER.match(body, end)):
            continue
        if _NOT_ROADS.search(body, max(0, start - 80), min(len(body), end + 80)) is None:
            out.append((start, end))
    return out


def road_code(body: str, name: str) -> bool:
    """Does the article write `name` as a road's code somewhere ("the nearby A49")?"""
    return any(body[s:e] == name for s, e in lettered_roads(body))
