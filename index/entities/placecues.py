"""The phrases before a name that place it even against the model: "the town of X", "villages
around X", "born in X", "the MP for X", "Tendai Moyo, 47, of X". Read by `context.py` on every
mention, so each phrase is tried only when the word before the name can end it.
"""

from __future__ import annotations

import re

#: "the town of X": each of the three ends with its own last words (`place_strong`).
_PREV_PLACE_OF = re.compile(
    r"\b(?:town|city|village|province|region|district|governorate|capital|outskirts|suburbs?"
    r"|port|area|countryside|north|south|east|west|north-?east|north-?west|south-?east"
    r"|south-?west|centre|center|heart|strait|straits|gulf|bay|isle|island|lake|[Rr]esidents|people"
    r"|townships|towns|villages|suburbs|parts|community|municipality|township|hamlet|commune"
    r"|parish|borough|neighbourhood|neighborhood|slum) of\s+(?:the\s+)?"
    # ... and the next of a pair or a list: "residents of Huntly and Epsom"
    r"(?:[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?(?:,\s+|\s+and\s+)){0,3}$"
)
# "families in villages around Shobak", "towns near X": settlements placed by a name.
_PREV_PLACE_AROUND = re.compile(
    r"\b(?:villages|towns|cities|areas|settlements|communities|neighbourhoods|neighborhoods)"
    r"\s+(?:around|near|outside|surrounding)\s+$"
)
# "born in X", "its new space in Ikoyi", "based in London's King's Cross"
_PREV_PLACE_IN = re.compile(
    r"\b(?:born|raised|based|headquartered|lives|lived|grew\s+up|settled|headquarters|offices?"
    r"|branch|studio|space|shop|home|factory|plant|camp|works|worked|living|stationed|died)"
    r"\s+in\s+(?:[A-Z][\w’'-]+[’']s\s+)?$"
)
_AROUND = frozenset({"around", "near", "outside", "surrounding"})
#: "the Member of Parliament for Subin", "MP for Salima Central": a seat's constituency.
_PREV_SEAT_FOR = re.compile(
    r"(?:\bMembers? of (?:the )?(?:[A-Z][\w-]* ){0,3}(?:Parliament|Assembly|Representatives)"
    r"|\b(?:MPs?|MNA|MPA|MLA|MHA|TD|[Ll]awmaker|[Ll]egislator|[Pp]arliamentarian|[Ss]enator"
    r"|[Cc]ouncill?or|Congress(?:wo)?man|Assembly(?:wo)?man))\s+for\s+$"
)


#: Where someone lives, in apposition after their age: "Tendai Moyo, 47, of Ibex Hill".
_AGED_OF = re.compile(r",\s+(?:aged\s+)?\d{1,3},\s+of\s+(?:the\s+)?$")


def place_strong(w1: str, before: str) -> bool:
    """The strong place phrase that can end with `w1`, searched in `before` (each scans it all)."""
    if w1 in ("of", "the") and _AGED_OF.search(before):
        return True
    if w1 in _AROUND:
        return _PREV_PLACE_AROUND.search(before) is not None
    if w1 == "for":
        return _PREV_SEAT_FOR.search(before) is not None
    if w1 == "in" or w1.endswith(("'s", "’s")):
        return _PREV_PLACE_IN.search(before) is not None
    return _PREV_PLACE_OF.search(before) is not None
