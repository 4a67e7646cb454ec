"""The other names a report gives a body it also names in full: a sports club's nickname
(`clubnicknames.txt`: "the Wildcats" is Villanova, "the Gin Kings" Barangay Ginebra San Miguel)
and a party's members' plural ("the Christian Democrats" of the Christian Democratic Union).

Both are joined only inside one article and only when that article names the body: many clubs
share "Wildcats" or "Tigers", many countries have Christian Democrats, so no such name is ever
an organisation of its own because of this module. A name two of the article's bodies could
take joins neither.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from .groups import Group, best_name
from .keys import entity_key
from .nameforms import known_place_or_region


@cache
def club_nicknames() -> dict[str, frozenset[str]]:
    """Nickname key -> the keys of the clubs (full and short names) it may stand for."""
    text = resources.files(__package__).joinpath("clubnicknames.txt").read_text(encoding="utf-8")
    clubs: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        club, *nicknames = (part.strip() for part in line.split(" | "))
        for nickname in nicknames:
            clubs.setdefault(entity_key(nickname), set()).add(entity_key(club))
    return {k: frozenset(v) for k, v in clubs.items()}


def link_club_nicknames(body: str, groups: dict[str, Group]) -> None:
    """Join each group written only as a club's nickname to the one club of the article that
    the nickname stands for; the nickname never becomes the club's display name."""
    table = club_nicknames()
    owners: dict[str, str] = {}  # club key -> the group that names it
    for key, group in groups.items():
        for text in set(group.texts(body)):
            owners.setdefault(entity_key(text), key)
    for key in list(groups):
        g = groups.get(key)
        if g is None:
            continue
        texts = {entity_key(t) for t in g.texts(body)}
        if len(texts) != 1:
            continue
        (nickname,) = texts
        clubs = {owners[c] for c in table.get(nickname, ()) if c in owners}
        clubs = {c for c in clubs if c in groups and c != key}
        if len(clubs) == 1 and not _town_read_as_place(body, groups[next(iter(clubs))]):
            club = groups[clubs.pop()]
            club.secondary.add(nickname)
            club.mentions.extend(groups.pop(key).mentions)


def _town_read_as_place(body: str, g: Group) -> bool:
    """ "Sydney" the model reads as the city, not the Swans: a club named by its town takes
    its nickname only where the article writes the town as the club."""
    labels = g.labels()
    places = sum(labels[x] for x in ("GPE", "LOC", "FAC", "GAZETTEER", "PLACE"))
    return places * 2 > sum(labels.values()) and any(
        known_place_or_region(t) for t in set(g.texts(body))
    )


#: What closes a party's name after the adjective its members' plural comes from.
_PARTY_WORDS = frozenset(
    {"party", "union", "alliance", "movement", "front", "congress", "league", "coalition"}
)


def _adjective(plural: str) -> str | None:
    """ "Christian Democrats" -> "christian democratic", "Greens" -> "green"."""
    words = entity_key(plural).split()
    if not words or not words[-1].endswith("s") or len(words[-1]) < 5:
        return None
    last = words[-1]
    words[-1] = "democratic" if last == "democrats" else last[:-1]
    return " ".join(words)


def link_party_plurals(body: str, groups: dict[str, Group]) -> None:
    """ "the Christian Democrats" beside the "Christian Democratic Union", "the Greens" beside
    the "Green Party": a party written as its members' plural is the one party of the article
    whose name is that adjective and a party word. Two such parties (a country's and a
    region's) take neither."""
    names = {k: {entity_key(t) for t in g.texts(body)} for k, g in groups.items()}
    # Only a name with a party word after its first word can be the party: most articles
    # have none, and their plurals need no search.
    partied = {
        k: texts
        for k, texts in names.items()
        if any(not _PARTY_WORDS.isdisjoint(t.split()[1:]) for t in texts)
    }
    if not partied:
        return
    for key in list(groups):
        if key not in groups or len(names[key]) != 1:
            continue
        adjective = _adjective(next(iter(names[key])))
        if adjective is None:
            continue
        parties = {
            k
            for k, texts in partied.items()
            if k != key
            and k in groups
            and any(
                t.startswith(adjective + " ") and t[len(adjective) + 1 :].split()[0] in _PARTY_WORDS
                for t in texts
            )
        }
        if len(parties) == 1:
            party = groups[parties.pop()]
            party.secondary.add(key)
            party.mentions.extend(groups.pop(key).mentions)


#: A short name in brackets right after a body's full name: " (Cocobod)", " (ConCourt)".
_BRACKETED = re.compile(r" \(([A-Z][\w’'-]{2,14})\)")


def link_bracketed_short_names(body: str, groups: dict[str, Group]) -> None:
    """ "the Ghana Cocoa Board (Cocobod)", "the Constitutional Court (ConCourt)": a one-word
    short name a report introduces in brackets after a body's full name is that body, though
    its letters spell no acronym of it."""
    ends = {m.end: k for k, g in groups.items() for m in g.mentions}
    for x in _BRACKETED.finditer(body):
        owner = ends.get(x.start())
        if owner is None or owner not in groups or " " not in best_name(body, groups[owner]):
            continue
        if groups[owner].labels().most_common(1)[0][0] == "PERSON":
            continue  # "Ana Ruiz (Sevilla)": where someone is from
        short = entity_key(x.group(1))
        other = next(
            (
                k
                for k, g in groups.items()
                if k != owner and {short} == {entity_key(t) for t in g.texts(body)}
            ),
            None,
        )
        if other is not None:
            groups[owner].mentions.extend(groups.pop(other).mentions)
