"""The other names a report gives a body it also names in full: a sports club's nickname
(`clubnicknames.txt`: "the Wildcats" is Villanova, "the Gin Kings" Barangay Ginebra San Miguel)
and a party's members' plural ("the Christian Democrats" of the Christian Democratic Union).

Both are joined only inside one article and only when that article names the body: many clubs
share "Wildcats" or "Tigers", many countries have Christian Democrats, so no such name is ever
an organisation of its own because of this module. A name two of the article's bodies could
take joins neither.

A person's nickname is written inside the name ('Zubair "Jugnu" Khattak'), which the model
cuts in two: `join_nicknames` makes the whole one person, and `nickname_aliases` lets the
nickname alone, later, stand for that person.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from . import commonwords, gazetteer, personnames
from .anchored import finditer_at, starts_before
from .clean import Mention
from .groups import NICKNAME, Group, best_name
from .keys import entity_key
from .matches import PARTY_MEMBERS
from .nameforms import known_place_or_region
from .rolewords import role_word


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


def team_plural(body: str, short: list[str], long: list[str], g: Group, owner: Group) -> bool:
    """Is a plural written only as "the X" ("the Canadiens") the last word of an
    organisation's full name in the article ("Montreal Canadiens")? A side's nickname is its
    name's plural, which the model reads as someone; it is that side, not a person."""
    word = short[0] if len(short) == 1 else ""
    if len(long) < 2 or long[-1] != word or not word.endswith("s") or word.endswith("ss"):
        return False
    if word in PARTY_MEMBERS or gazetteer.is_demonym(word) or known_place_or_region(word):
        return False  # "the Visayas" of "Central Visayas", a region
    labels = owner.labels()
    places = sum(labels[x] for x in ("GPE", "LOC", "FAC", "GAZETTEER", "PLACE"))
    if places or labels["ORG"] + labels["KNOWN_ORG"] + labels["OWNER"] <= labels["PERSON"]:
        return False
    return all(body[max(0, m.start - 4) : m.start].casefold() == "the " for m in g.mentions)


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
        if groups[owner].labels().most_common(1)[0][0] == "PERSON" or any(
            m.label == "PERSON" and " " in body[m.start : m.end] for m in groups[owner].mentions
        ):
            # "Ana Ruiz (Sevilla)": where someone is from; "1 Ruiz (Ferrari)": the team of a
            # driver the model once tagged in full, though it took the surname for a firm
            continue
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


_NICKNAMED = re.compile(
    r"([A-ZÀ-Þ][\w’'-]+)(?: ([A-ZÀ-Þ][\w’'-]+))? [\"“][\w][\w’'. -]{0,20}[\"”]"
    r" (?:(?:de|da|dela|del|delos|van|von|di|dos|das|bin|al|el|Ó) )?"  # 'Jericho "Echo" dela Rosa'
    r"[A-ZÀ-Þ][\w’'-]+(?: (?:[A-ZÀ-Þ][\w’'-]+|de|da|dela|del|van|von)){0,3}"
)
#: (An Irish surname's "Ó", one letter, is a particle there too: 'Pádraig "Podge" Ó Súilleabháin'.)
#: Its opening quote after a space is found first, then the one or two names read back.
_NICK_QUOTE = re.compile(r"[\"“](?<= .)(?=\w)")
_NICK_NAMES, _NICK_CAPITAL = re.compile(r"[\wÀ-Þ’'-]+(?: [\wÀ-Þ’'-]+)?"), re.compile("[A-ZÀ-Þ]")


def nickname_aliases(body: str, mentions: list[Mention]) -> dict[str, str]:
    """ "Gaz" -> 'Gary "Gaz" Pennington': the nickname alone, later in the article, is him."""
    out: dict[str, str] = {}
    for m in mentions:
        x = NICKNAME.search(body, m.start, m.end) if m.label == "PERSON" else None
        if x is not None and m.start < x.start() and x.end() < m.end:
            out[entity_key(x.group(1))] = entity_key(body[m.start : m.end])
    return out


#: Words before a quoted name that make no person of it: 'Operation "Iron" Shield'.
_NOT_NICKNAMED = frozenset({"the", "a", "an", "operation", "project", "team", "club", "its"})


def join_nicknames(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Zubair "Jugnu" Khattak", "Ronaldo "Bong" Dimaculangan": a nickname in quotes inside
    a name cuts it in two for the model; the whole is one person's name (shown without the
    nickname, see `groups.best_name`)."""
    out = _single_quoted(body, mentions)
    if '"' not in body and "“" not in body:
        return out
    quoted = [x.start() - 1 for x in _NICK_QUOTE.finditer(body)]  # the space before the quote
    for x in finditer_at(_NICKNAMED, body, starts_before(body, quoted, _NICK_NAMES, _NICK_CAPITAL)):
        s, e = x.span()
        first = x[1]
        if x[2] and (not personnames.given_name(first) or role_word(first)):
            s, first = x.start(2), x[2]  # "Secretary Ramon "Monching" Tuazon-Lim"
        inside = [m for m in out if m.start < e and s < m.end]
        if any(m.start < s or m.end > e for m in inside):
            continue  # part of a longer name the model found
        if first.casefold() in _NOT_NICKNAMED or gazetteer.is_known_org(first):
            continue  # a nickname in quotes marks a person: "Santiago "Chispa" Ríos"
        out = [m for m in out if m not in inside] + [Mention(s, e, "PERSON")]
    return out


#: A one-word nickname in single quotes between a given name and a surname: "Ramon 'Bigga'
#: Whyte" (looked for only where a space and a quote open a capitalised word).
_SINGLE_NICKNAMED = re.compile(
    r"(?<![\w’'-])([A-ZÀ-Þ][\w-]+) ['‘]([A-Z][\w-]{1,15})['’] ([A-ZÀ-Þ][\w’'-]+)(?![\w’'-])"
)
_SINGLE_QUOTE = re.compile(r" ['‘][A-Z]")


def _single_quoted(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Ramon 'Bigga' Whyte": single quotes open far more quotations than nicknames, so only
    a given name the world uses, no title or trade, before one quoted word and a surname that
    is no English word makes the whole one person."""
    if _SINGLE_QUOTE.search(body) is None:
        return mentions
    out = mentions
    for x in _SINGLE_NICKNAMED.finditer(body):
        s, e = x.span()
        first, last = x[1], x[3]
        if (
            not personnames.listed_given(first)
            or role_word(first)
            or commonwords.is_word(last)
            or gazetteer.is_known_org(last)
        ):
            continue
        inside = [m for m in out if m.start < e and s < m.end]
        if any(m.start < s or m.end > e for m in inside):
            continue  # part of a longer name the model found
        out = [m for m in out if m not in inside] + [Mention(s, e, "PERSON")]
    return out
