"""Roads known by a number: "6th Street", "2nd Avenue East", "100 Avenue", "State Highway 12",
"Route 9", "Interstate 95", "U.S. 290", "SH2". Local news is full of them, and the model tags
them unevenly: it drops "6th Street", keeps "Avenue East" of "2nd Avenue East" (cleaning then
cuts the ordinal as a number), and reads "U.S." of "U.S. 290" as the country.

Each is a place. The whole road's span takes the place of any mention inside it; a longer name
crossing its edges ("the 6th Street Bridge Authority") keeps its own.
"""

from __future__ import annotations

import re

from .clean import Mention, within
from .spans import Spans

_ROAD_WORD = r"(?:Street|Avenue|Road|Drive|Boulevard|Lane|Way|Place|Line|Sideroad|Concession)"
_POINT = r"(?: (?:East|West|North|South|NE|NW|SE|SW))?"
_ROADS = re.compile(
    # "6th Street", "2nd Avenue East", "42nd Street"
    rf"\b\d{{1,3}}(?:st|nd|rd|th) {_ROAD_WORD}{_POINT}\b"
    # "100 Avenue", "101 Street": the numbered grid of Canadian prairie towns
    rf"|\b\d{{2,3}} (?:Street|Avenue){_POINT}\b"
    # "State Highway 12", "Highway 401", "Route 9", "Interstate 95", "U.S. 290", "County Road 12"
    r"|\b(?:State Highway|Provincial Highway|National Highway|Highway|Route|Interstate"
    r"|County Road|U\.S\.|US) \d{1,4}[A-Z]?(?![\w.,]\d)\b"
    # "I-95", "SH2", "NH44"
    r"|\b(?:I-|SH|NH)\d{1,3}\b"
)


def numbered_roads(body: str, mentions: list[Mention], stray: Spans) -> list[Mention]:
    """The mentions with each numbered road outside a stray line as one place."""
    out = list(mentions)
    for x in _ROADS.finditer(body):
        start, end = x.span()
        inside = within(out, start, end)
        if inside is None or stray.containing(start, end) is not None:
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "PLACE"))
    return out
