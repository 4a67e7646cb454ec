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

_ROAD_WORD = r"(?:Street|Avenue|Road|Drive|Boulevard|Lane|Sideroad|Concession)"
_POINT = r"(?: (?:East|West|North|South|NE|NW|SE|SW))?"
#: What follows a number that is no road's: "the U.S. 10-year yield", "US 20 percent",
#: "US 500 million", "Route 9's", a decimal or a thousand.
_NO_ROAD_AFTER = r"(?![\w.,%-]\d|-|\w| ?(?:percent|per cent|million|billion|bn|m)\b)"
_ROADS = re.compile(
    # "6th Street", "2nd Avenue East", "42nd Street" (not "2nd Place", "3rd Way")
    rf"\b\d{{1,3}}(?:st|nd|rd|th) {_ROAD_WORD}{_POINT}\b"
    # "100 Avenue", "101 Street": the numbered grid of Canadian prairie towns
    rf"|\b\d{{2,3}} (?:Street|Avenue){_POINT}\b"
    # "State Highway 12", "Highway 401", "Route 9", "Interstate 95", "U.S. 290", "County Road
    # 12": up to three digits, so never a year ("the U.S. 2026 World Cup")
    r"|\b(?:State Highway|Provincial Highway|National Highway|Highway|Route|Interstate"
    rf"|County Road|U\.S\.|US) \d{{1,3}}[A-Z]?{_NO_ROAD_AFTER}"
    # New Zealand's state highways: "SH2", "SH1"
    r"|\bSH\d{1,2}\b"
    # "on I-95", "along I-35": an interstate after a word of travel (never "Form I-9", "an
    # I-130 petition")
    r"|(?:(?<=\bon )|(?<=\balong )|(?<=\boff )|(?<=\bonto )|(?<=\bvia ))I-\d{2,3}\b"
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
