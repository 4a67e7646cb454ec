"""Teams the model missed or cut, found from the match report around them: a town's team by
its nickname ("the Perth Scorchers") or by the town alone ("Leinster beat Toulouse 24-22")."""

from __future__ import annotations

import re

from . import gazetteer, personnames
from .anchored import LedPattern, finditer_at, heads, starts_before
from .clean import Mention, within
from .matches import (
    PARTY_MEMBERS,
    club_context,
    match_beside,
    nations,
    result_spans,
    score_positions,
)
from .missed import FIRST_NAME_WORD, NAME_WORD, UPPER, TakenSpans, on_stray

#: A town's team by its nickname: "the Perth Scorchers beat the Sydney Sixers", "to beat
#: Rangpur Riders by seven wickets".
_TOWN_TEAM = re.compile(rf"(?<![\w’'-])(?:the )?((?:{NAME_WORD} ){{1,2}}[A-Z][a-z]+s)(?![\w’'-])")
#: Its plural nickname after a space is found first (`re` skips to capitals in C), then the
#: town's words and "the" read back from it (`anchored.py`).
_NICKNAME = re.compile(r"[A-Z](?<= .)[a-z]+s(?![\w’'-])")
_WORDS_BEFORE = re.compile(r"\S+(?: \S+){0,2}")
_TEAM_START = re.compile(f"[{UPPER}t]")
#: A verb some match verb of `match_beside` starts with: without one, no team is playing.
_MATCH_VERBS = (
    r"beat|defeat|drew|draw|los|won|win|victor|equali|thrash|edge|rout|trail|led|scor"
    r"|held|host|visit|came\s+back|fought\s+back|fac|meet|lift|send|sent|play"
)
#: (Tried only where one of the verbs is written, found in the scan every `LedPattern`
#: shares: `re` tried the pattern's `\b` at every character of a body with none.)
_MATCH_WORD = LedPattern(re.compile(rf"\b(?:{_MATCH_VERBS})"), heads(_MATCH_VERBS))


def result_sides(body: str, mentions: list[Mention], stray: list[tuple[int, int]]) -> list[Mention]:
    """The clubs of a results line: "Middlesbrough 3 Sunderland 2", or several results on
    one line, "Leeds Utd 1 Hull City 1; Stoke 0 West Brom 2". Only a line that is results and
    nothing else counts (no prose reads "A 3 B 2"); a country or a home nation there is its
    national side, which the lists type as the place, so it is left to the model. A side the
    model missed is added; one it tagged there is marked as a club's name."""
    out = list(mentions)
    for start, end in sorted(result_spans(body)):
        name = body[start:end]
        if gazetteer.country(name) or name in nations() or on_stray(start, end, stray):
            continue
        inside = within(out, start, end)
        if inside is None:
            continue  # the model's span runs across it
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "ORG", org_word=True))
    return out


_TOWN_ALONE = re.compile(rf"({FIRST_NAME_WORD}(?: {NAME_WORD})?)(?![\w’'-])")


def town_sides(body: str, mentions: list[Mention], stray: list[tuple[int, int]]) -> list[Mention]:
    """Teams the model missed that a match report names by their town or region alone
    ("Leinster beat Toulouse 24-22", "Bath host Munster"): a place the gazetteer knows (no
    country: a country's side is the country), untagged, with a match verb right beside it
    and a result in the article (`club_context`)."""
    if not score_positions(body):
        return mentions
    taken = TakenSpans([(m.start, m.end) for m in mentions])
    out = list(mentions)
    for x in _TOWN_ALONE.finditer(body):
        start, end = x.span(1)
        name = x.group(1)
        if (
            not taken.free(start, end, stray)
            or not (gazetteer.city_population(name) or gazetteer.is_region(name))
            or gazetteer.country(name)
            or personnames.listed_name(name.split()[0])
            or not club_context(body, Mention(start, end, "GPE"))
        ):
            continue
        out.append(Mention(start, end, "ORG"))
        taken.add(start, end)
    return out


def town_teams(body: str, mentions: list[Mention], stray: list[tuple[int, int]]) -> list[Mention]:
    """The mentions with each town's team the sentence shows playing ("the Perth Scorchers
    beat the Sydney Sixers by 23 runs"): a town or region, then a plural nickname, then a
    match verb beside it. The team takes the place of the town the model tagged inside it."""
    out = list(mentions)
    if next(_MATCH_WORD.finditer(body), None) is None:
        return out  # no match report: no town's team to find
    nicknames = [x.start() - 1 for x in _NICKNAME.finditer(body)]  # the space before each
    for x in finditer_at(
        _TOWN_TEAM, body, starts_before(body, nicknames, _WORDS_BEFORE, _TEAM_START)
    ):
        start, end = x.span(1)
        *town_words, nick = x.group(1).split()
        town = " ".join(town_words)
        if (
            not (gazetteer.city_population(town) or gazetteer.is_region(town))
            or gazetteer.country(town)
            or nick.casefold() in PARTY_MEMBERS
            or nick.endswith("ss")
            or gazetteer.is_demonym(nick)
            or not match_beside(body, start, end)
            or on_stray(start, end, stray)
            or (inside := within(out, start, end)) is None
        ):
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "ORG", org_word=True))
    return out
