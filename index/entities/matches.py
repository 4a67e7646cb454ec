"""Match reports: where a town's or a country's name is its team.

"Liverpool, who drew 0-0 at Everton", "a 2-1 win over Brighton", "the match against
Sevilla", "signed from Benfica": a result nearby and a match verb beside the name, or a
fixture or a transfer before it, make a club of a name the gazetteer calls a town. Read by
the type vote (`context.py`) and by the finders of teams the model missed (`missed.py`,
`nameparts.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from . import gazetteer
from .clean import Mention
from .placewords import VENUE_WORDS

#: A result nearby ("2-1", "0-0") and a match verb right beside the name: "Liverpool,
#: who drew 0-0 at Everton", "a 2-1 win over Brighton", "Leicestershire beat Somerset".
#: (A full stop may end the sentence after it: "won 2-1."; not "2-1.5".)
#: (Written digit first, the look-behind read after it, so that `re` skips to digits in C
#: instead of trying a look-behind at every character.)
_SCORE = re.compile(r"\d(?<![\d:.-].)\d{0,2}\s?[-–]\s?\d{1,3}(?![\d:-]|\.\d)")
_MATCH_AFTER = re.compile(
    r"^(?:,\s+who)?\s+(?:had\s+|have\s+|has\s+)?(?:beat|defeated|drew|lost|won|equali[sz]ed|thrashed|edged|routed"
    r"|trailed|led|scored|held|hosted|host|visit|visited|came\s+back|fought\s+back"
    # a town does not travel to a fixture or take the lead: "Clermont travel to Pau"
    r"|travel\s+to|took\s+the\s+lead|taken\s+the\s+lead)\b"
)
_MATCH_BEFORE = re.compile(
    r"\b(?:win|victory|defeat|draw|loss|beat|defeated|thrashed|edged|drew|lost|held|hosted"
    r"|visit\s+to|visited|at|against|over|to|with|face|faces|facing|meet|meets|host|hosts"
    r"|lifts|lifted|sends|sent|play|plays|rivals)\s+$"
)
_MATCH_BEFORE_VERB = re.compile(
    r"\b(?:win|victory|defeat|draw|loss|beat|defeated|thrashed|edged|drew|lost|held|hosted"
    r"|face|faces|facing|meet|meets|host|hosts|lifts|lifted|sends|sent|play|plays)\b"
)
#: A move in the table after a team's name: "Villa drop to seventh", "… climb into the top
#: four", "lifts Newcastle to fourth".
_STANDING_AFTER = re.compile(
    r"\s+(?:(?:climb|climbs|climbed|rise|rises|rose|drop|drops|dropped|fall|falls|fell|move"
    r"|moves|moved|go|goes|went|stay|stays|stayed|sit|sits|slip|slips|slipped)\s+)?"
    r"(?:to|into|in)\s+(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|top|bottom|\d{1,2}(?:st|nd|rd|th))\b"
)


#: A side's place in the table in apposition: "Clermont, who sit ninth, face …", "Zamalek,
#: ninth in the Egyptian Premier League, were booed off", "Genk, third in the table, …".
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|bottom|top|\d{1,2}(?:st|nd|rd|th))"
)
_STANDING_APPOSED = re.compile(
    rf",\s+(?:who\s+(?:sit|sits|lie|lies)\s+{_ORDINAL}\b"
    rf"|{_ORDINAL}\s+(?:in|of)\s+the\s+(?:[\w-]+\s+){{0,3}}?(?:table|standings|ladder|group|pool"
    r"|league|conference|division|League|Conference|Division|Premiership|Championship)\b)"
)
#: A gap in the table before a side: "two points behind Leeds", "clear of leaders Celtic";
#: never a poll's or a rate's "percentage points behind Michigan".
_GAP_BEFORE = re.compile(
    r"\b(?<!percentage )points?\s+(?:behind|ahead\s+of|clear\s+of|adrift\s+of)\s+"
    r"(?:leaders\s+)?$"
)
_GAP_ENDS = ("behind", "of", "leaders")  # the words it can end with
#: A side at the head of its group: "Mumbai top the group with 19 points". Only the plural
#: verb a side takes: a place tops or topped a table of anything ("Texas tops the table for
#: new jobs").
_TOPS_AFTER = re.compile(
    r"\s+top\s+the\s+(?:group|table|standings|ladder|pool|league|conference)\b"
)
#: The side a player plays or scores for: "plays county cricket for Leicestershire",
#: "kicked 52 goals for Subiaco" (a country's side is the country). Not "plays for" alone:
#: measured, it makes sides of towns a held-out set reads as places. Nor a part played for a
#: town: "played a key role for Houston", "playing politics for Denver voters".
_PLAYS_FOR_BEFORE = re.compile(
    r"\b(?:(?:plays|played|playing)(?:\s+(?!(?:role|roles|part|parts|politics|host)\b)[a-z]+){1,3}"
    r"|(?:goals|tries|wickets|caps|appearances)"
    r"(?:\s+[a-z]+){0,2})\s+for\s+$"
)


def table_place(body: str, start: int, end: int, before: str | None = None) -> bool:
    """Does the sentence give the name a place in a table ("Clermont, who sit ninth", "two
    points behind Leeds", "Mumbai top the group")? Only a side has one. Read first after the
    name's comma or space, and before it from the word ending the gap. This runs on every
    mention, so each pattern waits for the one character it needs; `before` is the caller's
    forty characters before the name, stripped, when it has read them already."""
    after = body[end : end + 1]
    if after == "," and _STANDING_APPOSED.match(body, end):
        return True
    if after == " " and _TOPS_AFTER.match(body, end):
        return True
    if body[start - 1 : start] != " ":  # (at 0: empty) the gap ends in a space
        return False
    if before is None:
        before = body[max(0, start - 40) : start].rstrip()
    return (
        before.endswith(_GAP_ENDS)
        and _GAP_BEFORE.search(body[max(0, start - 40) : start]) is not None
    )


#: A poll ranking before a team ("No. 22 Creighton") and its record after it ("Creighton
#: (6-3)"): how American college and professional sport writes its sides.
_RANKED_BEFORE = re.compile(r"\bNo\.\s?\d{1,2}\s+$")
_RECORD_AFTER = re.compile(r"\s+\(\d{1,2}-\d{1,2}(?:-\d{1,2})?(?:,\s+\d{1,2}-\d{1,2}\s+\w+)?\)")

#: Where someone comes from, written before the town: not a side, whatever follows it.
_ORIGIN_BEFORE = re.compile(r"\b(?:from|native\s+of|born\s+in|hometown\s+of)\s+$")
_ORIGIN_ENDS = ("from", "of", "in")  # the words it can end with

#: What a place in a league table is counted in: "… to fourth on 24 points", "… of the table".
_TABLE_WORDS = re.compile(r"\b(?:points|pts|table|standings|league|ladder|conference|group)\b")


def match_beside(body: str, start: int, end: int) -> bool:
    """Is a match verb right beside body[start:end] ("X beat …", "… a win over the X")?"""
    before = body[max(0, start - 40) : start]
    if before.endswith("the "):
        before = before[:-4]
    return bool(_MATCH_AFTER.match(body[end : end + 40]) or _MATCH_BEFORE_VERB.search(before[-12:]))


_FIXTURE_BEFORE = re.compile(
    r"\b(?:match|game|tie|fixture|clash|derby|final|semi-final|quarter-final)\s+"
    r"(?:against|with|versus|vs\.?)\s+$"
)
_FIXTURE_ENDS = ("against", "with", "versus", "vs", "vs.")  # the words it can end with


_TRANSFER_BEFORE = re.compile(
    r"\b(?:(?:signed|joined|bought|recruited|poached)\s+(?:\w+\s+)?from|on\s+loan\s+(?:from|at|to))"
    r"\s+$"
)
_TRANSFER_ENDS = ("from", "at", "to")  # the words it can end with


#: A side's players named after its town: "Canterbury lock Hemi Tawhiri", "the Munster
#: out-half", "Como's striker, …". No town has a striker or a lock; a country has (its
#: national side, which `club_context`'s callers leave a country). The position is followed
#: by a name or by speech, not by a noun. (Not "coach" or "captain": measured, they make
#: clubs of names the lists keep as places.) The spaces are possessive and bounded: what
#: follows them opens with a letter, so giving one back never helps, and a run of thousands
#: (a page's padding) cost a backtrack per space, at every mention ending in it.
_SQUAD_AFTER = re.compile(
    r"(?:’s|'s)?\s{1,10}+(?:striker|goalkeeper|keeper|defender|midfielder|winger|forward|lock"
    r"|prop|hooker|flanker"
    r"|fly-half|out-half|scrum-half|full-back|fullback|batter|batsman|bowler|opener|spinner"
    r"|all-rounder|wicketkeeper|wicket-keeper|quarterback|pitcher|playmaker"
    # hockey's and the other codes' positions: "Toronto defenceman Erik …"
    r"|defenceman|defenseman|goaltender|netminder|centre-back|center-back"
    r"|left-back|right-back|wing-back|shortstop|linebacker)"
    r"(?=,?\s{1,10}+[A-Z]|\s{1,10}+(?:said|says|has|had|was|is)\b)"
    # "Ospreys wing Tomos …" only right before the player's name: a building's or a party's
    # wing is followed by a verb or a comma ("the new Kensington wing was opened")
    r"|(?:’s|'s)?\s{1,10}+wing(?=\s{1,10}+[A-Z])"
)


@lru_cache(maxsize=1)
def nations() -> frozenset[str]:
    """The regions news names like countries ("England", "Scotland", "Catalonia"): "Scotland
    coach …" is their national side, which the lists type as the place, like a country's."""
    return frozenset(gazetteer.REGIONS)


#: Plural names of a party's members, never a team's nickname: "the Texas Democrats" (read
#: by teams.py and nicknames.py).
PARTY_MEMBERS = frozenset({"democrats", "republicans", "conservatives", "liberals", "socialists"})

#: A singular town's name with a plural verb is its team, in the British way: "Thomastown
#: are through to the semi-finals", "Genk have rejected an offer" (never a name ending in
#: "s", which may be a plural place: "the Midlands are").
_PLURAL_VERB = re.compile(r"\s+(?:are|were|have)\s+(?!been\s+(?:hit|told|warned))[a-z\d]")
#: "the X are", "both X have": the name qualifies a plural noun or is one of several.
_ORDINARY_SUBJECT = re.compile(r"(?:the|and|both|,) $")


#: A cricket innings, runs for wickets: "were 240 for 6", "reached 98 for 1 at lunch" (not
#: "12 for 3 years", "100 for 5 million"). Tried only where " for " is written; written digit
#: first, as `_SCORE` is.
_INNINGS = re.compile(
    r"\d(?<![\w.,].)\d{1,2} for (?:[1-9]|10)\b(?![.,]\d)"
    r"(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|million|billion|per|percent)\b)"
)


#: An innings right after a side's plural verb ("In the other match, Vidarbha were 240 for
#: 6"), and the side it was made against ("… 240 for 6 against Tamil Nadu"): no town bats.
_INNINGS_AFTER = re.compile(r"\s+(?:are|were)\s+\d{1,3} for (?:[1-9]|10)\b")
_INNINGS_BEFORE = re.compile(r"\b\d{1,3} for (?:[1-9]|10)\s+against$")


@lru_cache(maxsize=4)
def score_positions(body: str) -> list[int]:
    """Where the article writes a result ("2-1", or a cricket innings: "240 for 6"), once per
    article, not once per mention."""
    found = [x.start() for x in _SCORE.finditer(body)]
    if " for " in body:
        found = sorted(found + [x.start() for x in _INNINGS.finditer(body)])
    return found


#: A side in a results line, then its score: "Leeds Utd 1", "Estudiantes de La Plata 0".
_SIDE = r"[A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|de|da|do|del|di|du|la|le)){0,4}"
#: One result of a results line: two sides, each with its score ("Stoke 0 West Brom 2").
_RESULT = re.compile(rf"({_SIDE}) \d{{1,3}} ({_SIDE}) \d{{1,3}}")


@lru_cache(maxsize=4)
def result_spans(body: str) -> frozenset[tuple[int, int]]:
    """The sides' spans in each line made of results only, one result or several joined by
    ";": "Middlesbrough 3 Sunderland 2", "Leeds Utd 1 Hull City 1; Stoke 0 West Brom 2". No
    prose reads "A 3 B 2", so only a whole line of them counts. (Most lines end in a stop,
    not a digit: they are skipped before any pattern.)"""
    spans: list[tuple[int, int]] = []
    offset = 0
    for text in body.split("\n"):
        start, offset = offset, offset + len(text) + 1
        text = text.rstrip()
        if not text[-1:].isdigit() or len(text) > 300:
            continue
        sides: list[tuple[int, int]] = []
        at = start
        for part in text.split("; "):
            x = _RESULT.fullmatch(part)
            if x is None:
                sides = []
                break
            sides += [(at + x.start(1), at + x.end(1)), (at + x.start(2), at + x.end(2))]
            at += len(part) + 2
        spans += sides
    return frozenset(spans)


def club_context(body: str, m: Mention) -> bool:
    """Is the name a team here: a fixture against it, or a result nearby and a match verb
    beside it? Never a venue: "a 2-1 win at Quayside Park" is where it was played."""
    last = body[m.start : m.end].rsplit(" ", 1)[-1].casefold()
    if last in VENUE_WORDS:
        return False
    if (
        body[m.end : m.end + 1] == " "
        and body[m.end + 1 : m.end + 2].isdigit()
        and (m.start, m.end) in result_spans(body)
    ):
        return True  # "Stoke 0 West Brom 2", a line of results
    # The three patterns read before the name end with a word, then a space: that word is
    # checked first, so most mentions try none of them (this runs on every mention).
    before = body[max(0, m.start - 40) : m.start]
    spaced = before[-1:].isspace()
    before = before.rstrip()
    if (
        spaced
        and before.endswith(_FIXTURE_ENDS)
        and _FIXTURE_BEFORE.search(body, max(0, m.start - 40), m.start)
    ):
        return True
    if (
        spaced
        and before.endswith(_TRANSFER_ENDS)
        and _TRANSFER_BEFORE.search(body, max(0, m.start - 30), m.start)
    ):
        return True  # "the striker signed from Benfica", "on loan at Lille"
    if (
        spaced
        and before.endswith("for")
        and _PLAYS_FOR_BEFORE.search(body, max(0, m.start - 40), m.start)
    ):
        return True  # "plays county cricket for Leicestershire"
    if spaced and before.endswith("against") and _INNINGS_BEFORE.search(before):
        return True  # "Vidarbha were 240 for 6 against Tamil Nadu"
    if _RECORD_AFTER.match(body, m.end):
        return True  # "Creighton (6-3) trailed by 15"
    if table_place(body, m.start, m.end, before):
        return True  # "Clermont, who sit ninth", "two points behind Leeds"
    if _SQUAD_AFTER.match(body, m.end) and body[m.start : m.end] not in nations():
        return True  # "Como's coach, Jordi …", "Canterbury lock Hemi Tawhiri"
    if (
        spaced
        and before.endswith(_ORIGIN_ENDS)
        and _ORIGIN_BEFORE.search(body, max(0, m.start - 12), m.start)
    ):
        return False  # "the guard from Baltimore scored 31": where a player is from
    standing = _STANDING_AFTER.match(body, m.end)
    if standing and _TABLE_WORDS.search(body, standing.end(), standing.end() + 40):
        return True  # "lifts Newcastle to fourth on 24 points"
    scores = score_positions(body)
    if (
        scores
        and body[m.end - 1 : m.end] != "s"
        and _PLURAL_VERB.match(body, m.end)
        and (
            not _ORDINARY_SUBJECT.search(body, max(0, m.start - 5), m.start)
            or _INNINGS_AFTER.match(body, m.end)
        )
    ):
        return True  # "Thomastown are through", in a report with a result
    i = bisect_left(scores, m.start - 400)
    if i == len(scores) or scores[i] > m.end + 400:
        return False
    if _RANKED_BEFORE.search(body, max(0, m.start - 8), m.start):
        return True  # "held off No. 22 Creighton 78-71"
    start = max(body.rfind(". ", 0, m.start), body.rfind("\n", 0, m.start)) + 1
    if _MATCH_AFTER.match(body[m.end : m.end + 30]):
        return True
    before = body[max(start, m.start - 40) : m.start]
    return bool(_MATCH_BEFORE.search(before) and _MATCH_BEFORE_VERB.search(before))


def plays(body: str, start: int, end: int) -> bool:
    """Does the name at body[start:end] act in a match, not only stand for a side: it won,
    drew or lost by a result nearby ("La Rochelle beat Toulon 24-21"), stands in a results
    line or in the table, has a squad ("Genk striker …") or a record? A fixture to come
    ("they will meet Mooncoin") or a plural verb ("Thomastown are through") makes a club of a
    name within one article (`club_context`), but some desks write the town for its side
    there; only this keeps a club apart from its town across the library
    (`LocalEntity.team`, registry_teams.py). Read once per team-typed name, not per mention
    of every name."""
    if (start, end) in result_spans(body):
        return True
    if _SQUAD_AFTER.match(body, end) or _RECORD_AFTER.match(body, end):
        return True
    if table_place(body, start, end):
        return True
    standing = _STANDING_AFTER.match(body, end)
    if standing and _TABLE_WORDS.search(body, standing.end(), standing.end() + 40):
        return True
    scores = score_positions(body)
    i = bisect_left(scores, start - 400)
    if i == len(scores) or scores[i] > end + 400:
        return False
    return bool(_MATCH_AFTER.match(body[end : end + 30]))
