"""Roads known by a number: "6th Street", "2nd Avenue East", "100 Avenue", "State Highway 12",
"Route 9", "Interstate 95", "U.S. 290", "SH2", Phnom Penh's "Street 308" and Bangkok's "Soi 7";
and areas known by a number ("Comuna 13", "Woreda 1", "Area 23", "District 9", "Mile 12").
Local news is full of them, and the model tags
them unevenly: it drops "6th Street", keeps "Avenue East" of "2nd Avenue East" (cleaning then
cuts the ordinal as a number), and reads "U.S." of "U.S. 290" as the country.

Each is a place. The whole road's span takes the place of any mention inside it; a longer name
crossing its edges ("the 6th Street Bridge Authority") keeps its own.

Schools, lyceums and districts known by a number ("School No. 41", "Education District No.
1") keep it too: the model's span stops at "No.".
"""

from __future__ import annotations

import re

from .clean import Mention, within
from .edges import ends_before
from .roadcodes import lettered_roads
from .spans import Spans

_ROAD_KINDS = ("Street", "Avenue", "Road", "Drive", "Boulevard", "Lane", "Sideroad", "Concession")
_ROAD_WORD = rf"(?:{'|'.join(_ROAD_KINDS)})"
_POINT = r"(?: (?:East|West|North|South|NE|NW|SE|SW))?"
#: What follows a number that is no road's: "the U.S. 10-year yield", "US 20 percent",
#: "US 500 million", "Route 9's", a decimal or a thousand.
_NO_ROAD_AFTER = r"(?![\w.,%-]\d|-|\w| ?(?:percent|per cent|million|billion|bn|m)\b)"
#: "6th Street", "2nd Avenue East", "42nd Street" (not "2nd Place", "3rd Way"); "100 Avenue",
#: "101 Street": the numbered grid of Canadian prairie towns. Matched at a number's start.
_NUMBERED = re.compile(
    rf"(?:\d{{1,3}}(?:st|nd|rd|th) {_ROAD_WORD}|\d{{2,3}} (?:Street|Avenue)){_POINT}\b"
)
#: Places known by a number after their kind: Medellín's "Comuna 13", Addis Ababa's "Woreda
#: 1", Lilongwe's "Area 23", Singapore's "Lorong 25", Ho Chi Minh City's "District 9", Lagos's
#: "Mile 12", Everest's "Camp 3" (never a project's "Phase 2" or a hospital's "Ward 7").
_AREAS = "Area|Comuna|Woreda|Lorong|Barrio|District|Camp|Mile|Delmas"
_AREA_SET = frozenset(_AREAS.split("|"))
#: The kinds that name other things by a number as often: a council's or a congress's seat
#: ("District 4 supervisor", "Congressional District 9"), a police command ("Area 2
#: commander"), a race's distance ("at Mile 20 of the marathon"), a film ("District 9", "Mile
#: 22"), a training camp's phase. A role's word or a road's right after the number says so;
#: a place's ("Mile 12 market", "Area 23 and Kawale", "Camp 3 on …") does not, nor a body's
#: name that opens with the place ("Mile 12 Perishable Food Traders Association").
_DOUBTED_AREAS = frozenset({"Area", "District", "Camp", "Mile"})
#: What a doubted kind's number is the seat, command, title or event of, said right after it.
_AREA_ROLE_AFTER = frozenset(
    {"commander", "commanders", "command", "councillor", "councilor", "councilman"}
    | {"councilwoman", "council", "member", "members", "supervisor", "supervisors", "seat"}
    | {"seats", "representative", "congressman", "congresswoman", "candidate", "candidates"}
    | {"race", "primary", "election", "manager", "managers", "director", "officer"}
    | {"officers", "police", "chief", "head", "coordinator", "boss", "sales", "team"}
    | {"teams", "title", "titles", "championship", "championships", "champion", "champions"}
    | {"final", "finals", "playoffs", "tournament", "trophy", "marker", "markers", "split"}
    | {"splits", "sequel", "prequel", "bar", "brewery", "gallery", "fight", "meeting"}
    | {"meetings"}
)
#: A capitalised word right before the kind, other than a sentence's opening word: it makes
#: one name of both ("Congressional District 9", "Lobster Fishing Area 34").
_NAME_BEFORE_AREA = re.compile(r"(?<![.!?] )(?<![\n“\"])\b[A-Z][a-z]+ $")
#: Words near a doubted kind that make its number a race's mile or a film's title.
_AREA_OTHER_SENSE = re.compile(
    r"\b(?:marathon|ultra\w*|runners?|races?|splits?|films?|movies?|sequel|prequel"
    r"|documentary|premiered?|cinemas?|screen(?:s|ed|ing)?)\b",
    re.IGNORECASE,
)
#: What names a road by the number after it, read back from the number: "State Highway 12",
#: "Highway 401", "Route 9", "Interstate 95", "U.S. 290", "County Road 12", New Zealand's
#: "SH2", and "on I-95" (an interstate after a word of travel: never "Form I-9").
_ROAD_BEFORE = re.compile(
    r"(?:\b(?:State Highway|Provincial Highway|National Highway|Highway|Route|Interstate"
    rf"|County Road|U\.S\.|US|Street|Soi|{_AREAS}) |\bSH|(?<=\bon )I-|(?<=\balong )I-"
    r"|(?<=\boff )I-|(?<=\bonto )I-|(?<=\bvia )I-)$"
)
#: What `_ROAD_BEFORE` can end with, tested first: most numbers follow none of them.
_ROAD_ENDS = (
    *(f"{kind} " for kind in ("Highway", "Route", "Interstate", "Road", "U.S.", "US", "Street")),
    *(f"{kind} " for kind in ("Soi", *_AREA_SET)),
    *("SH", "I-"),
)
#: The road's number: up to three digits, so never a year ("the U.S. 2026 World Cup").
_ROAD_NUMBER = re.compile(rf"\d{{1,3}}[A-Z]?{_NO_ROAD_AFTER}")
#: A number's first digit. The look-behind comes after the digit: `re` then skips to digits
#: in C, where one opening the pattern was tried at every character of the body.
_DIGITS = re.compile(r"\d(?<!\d\d)")
#: A capitalised word right before a street's word: it closes a named street ("Wall Street 30
#: years", "Market St. Lakeside Bakery"), not one known by a number or a saint's name.
STREET_NAMED_BEFORE = re.compile(r"[A-Z][\w’'-]* $")
_COUNTED = re.compile(r" (?:years?|hours?|days?|weeks?|months?|minutes?|points?|were|are)\b")


def _roads(body: str) -> list[tuple[int, int]]:
    """The numbered roads' spans, found from the article's numbers (a few dozen) rather than
    by trying every position for every road's pattern."""
    out = []
    for d in _DIGITS.finditer(body):
        p = d.start()
        at_start = p == 0 or not body[p - 1].isalnum()
        if at_start and (x := _NUMBERED.match(body, p)) is not None:
            out.append((p, x.end()))
            continue
        if not ends_before(body, _ROAD_ENDS, max(0, p - 20), p):
            continue
        before = _ROAD_BEFORE.search(body, max(0, p - 20), p)
        if before is not None and (n := _ROAD_NUMBER.match(body, p)) is not None:
            if before.group().startswith("SH") and n.end() - p > 2:
                continue  # "SH2", never "SH123"
            if before.group().startswith(("Street", "Soi")) and (
                STREET_NAMED_BEFORE.search(body, max(0, before.start() - 30), before.start())
                or _COUNTED.match(body, n.end())
            ):
                continue  # "Wall Street 30 years", "Fleet Street 4": "Street 308" stands alone
            kind = before.group()[:-1]
            if kind in _AREA_SET and (
                _COUNTED.match(body, n.end())
                or (kind in _DOUBTED_AREAS and _doubted(body, before.start(), n.end()))
            ):
                continue  # "Camp 3 days later", "the District 4 supervisor seat"
            out.append((before.start(), n.end()))
    return out


def _doubted(body: str, start: int, end: int) -> bool:
    """Whether a doubted kind's number names a seat, a command, a mile of a race or a film
    rather than a place: by the word after it, a name it closes, or the words around it."""
    rest = body[end : end + 30]
    word = rest.split(None, 1)[0].rstrip(".,;:!?)’'\"") if rest[:1] == " " and rest.strip() else ""
    if word.casefold() in _AREA_ROLE_AFTER or word in _ROAD_KINDS:
        return True  # "District 9 Gallery", "Mile 3 Road", "the Area 2 commander"
    name = _NAME_BEFORE_AREA.search(body, max(0, start - 20), start)
    if name is not None and name.start() > 0:
        return True  # "Congressional District 9" (never a sentence's opening "The")
    return _AREA_OTHER_SENSE.search(body, max(0, start - 80), min(len(body), end + 80)) is not None


#: A name's last word "No" (the model left the number and maybe the stop outside).
_NO_END = re.compile(r"(?<= )No\.?$")
_NUMBER_AFTER = re.compile(r"\.? ?\d{1,5}(?![\w.,-]\d|\w)")


def numbered_roads(body: str, mentions: list[Mention], stray: Spans) -> list[Mention]:
    """The mentions with each numbered road outside a stray line as one place, and each name
    closed by "No." with its number."""
    out = [_with_number(body, m) for m in mentions]
    for start, end in [*_roads(body), *lettered_roads(body)]:
        inside = within(out, start, end)
        if inside is None or stray.containing(start, end) is not None:
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "PLACE"))
    return out


def _with_number(body: str, m: Mention) -> Mention:
    """ "School No" + ". 41": the number after a name's "No"."""
    if m.label == "PERSON" or _NO_END.search(body, m.start, m.end) is None:
        return m
    x = _NUMBER_AFTER.match(body, m.end)
    return Mention(m.start, x.end(), m.label, m.titled) if x else m
