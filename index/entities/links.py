"""More ways one entity is written twice in an article: a well-known organisation's other
names, a team's short name, a scorecard's initial, "X, known as Y", a misspelt given name.
Each joins two groups of mentions (`groups.py`) into one.
"""

from __future__ import annotations

import re

from ..model import EntityType
from . import gazetteer, personnames, sportsnames
from .clean import Mention
from .companies import merge_company_short_names
from .groups import Group, _is_person, best_name
from .keys import entity_key
from .shortnames import founded_by
from .wordlists import SURNAME_PARTICLES


def link_known_org_aliases(body: str, groups: dict[str, Group]) -> None:
    """ "EU" and "European Union", "CDC" and "Centers for Disease Control and Prevention":
    spellings of one well-known organisation (`knownorgs.ORG_ALIASES`, clubs' names) are one
    entity. A spelling several organisations share ("Villa") joins the one of them the article
    names in full."""
    first: dict[str, str] = {}
    shared: list[tuple[str, set[str]]] = []
    for key in list(groups):
        g = groups[key]
        if g.country or _is_person(g):
            continue
        texts = set(g.texts(body))
        canon = next(filter(None, map(gazetteer.org_canonical, texts)), None)
        if canon is not None and _named_otherwise(texts, canon):
            continue
        if canon is None:
            canons = {c for t in texts for c in gazetteer.org_canonicals(t)}
            if canons:
                shared.append((key, canons))
            continue
        if canon in first and first[canon] in groups:
            groups[first[canon]].mentions.extend(groups.pop(key).mentions)
        else:
            first[canon] = key
    for key, canons in shared:
        named = {first[c] for c in canons if c in first and first[c] in groups}
        if len(named) == 1 and key in groups:
            groups[named.pop()].mentions.extend(groups.pop(key).mentions)
    if first:
        _link_club_town_names(body, groups, first)


def _named_otherwise(texts: set[str], canon: str) -> bool:
    """ "SHC" written after "Sindh Healthcare Commission": an acronym the lists hold for another
    body ("Sindh High Court") that the article's own full name for it spells out otherwise is
    that name's, and joins no one the lists know by it. (Not a spelling of the same name:
    "Pakistan People's Party" is the lists' "Pakistan Peoples Party".)"""
    full = [t for t in texts if " " in t and not t.isupper()]
    if not full or any(gazetteer.org_canonical(t) for t in full):
        return False
    return all(_stems(t) != _stems(canon) for t in full)


def _stems(name: str) -> list[str]:
    return [w[:4] for w in name.casefold().split()]


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "GAZETTEER"})


def _link_club_town_names(body: str, groups: dict[str, Group], named: dict[str, str]) -> None:
    """ "Lech" beside "Lech Poznań": a club's short name that is also a town's joins the club
    the article names in full, unless some mention of it is the model's place ("a flat in
    Lech") or a dateline ("WIGAN —"): the town stays a town."""
    towns = sportsnames.club_town_names()
    for key in list(groups):
        g = groups[key]
        if g.country or key not in groups:
            continue
        if any(m.label in _PLACE_LABELS or body[m.start : m.end].isupper() for m in g.mentions):
            continue
        clubs = {
            named[c]
            for t in set(g.texts(body))
            for c in towns.get(entity_key(t), ())
            if c in named and named[c] in groups and named[c] != key
        }
        if len(clubs) == 1:
            groups[clubs.pop()].mentions.extend(groups.pop(key).mentions)


def merge_org_short_names(
    body: str, groups: dict[str, Group], types: dict[str, EntityType]
) -> None:
    """Once typed, a one-word organisation joins the one longer organisation it starts:
    "Brighton" (the team, not the town) is Brighton & Hove Albion; and a company's short name,
    whatever its type, joins the registered name it opens (`companies.py`)."""
    merge_company_short_names(body, groups, types)
    orgs = [k for k in groups if types.get(k) == "org"]
    names = {k: best_name(body, groups[k]) for k in orgs}
    for key in orgs:
        word = names[key]
        if " " in word or key not in groups:
            continue
        longer = [k for k in orgs if k != key and k in groups and names[k].startswith(word + " ")]
        if len(longer) == 1 and not founded_by(word, names[longer[0]]):
            groups[longer[0]].mentions.extend(groups.pop(key).mentions)
            del types[key]


#: A given name's initial, its full stop perhaps dropped as scorecards drop it, then a
#: surname, particles included: "H. Bilal", "S de Silva".
_INITIAL = re.compile(rf"^([A-Z])\.?\s+((?:(?:{'|'.join(sorted(SURNAME_PARTICLES))})\s+)*\S+)$")


def link_initials_of_people(body: str, groups: dict[str, Group]) -> None:
    """ "H. Bilal" or "S de Silva" in a scorecard is Hamza Bilal or Sahan de Silva when one
    person of the article has that surname and a given name starting with that letter,
    whatever the model made of the short form ("S de Silva 67" as ORG). Run before the
    short names are linked, so "de Silva" alone then has one longer name to join."""
    people = {k: best_name(body, g).split() for k, g in groups.items() if _is_person(g)}
    for key in list(groups):
        x = _INITIAL.match(best_name(body, groups[key]))
        if x is None:
            continue
        letter, surname = x.groups()
        tail = surname.split()
        owners = [
            k
            for k, words in people.items()
            if k != key
            and k in groups
            and len(words) > len(tail)
            and words[-len(tail) :] == tail
            and words[0][0] == letter
            and not _INITIAL.match(" ".join(words))
        ]
        if len(owners) == 1:
            groups[owners[0]].mentions.extend(groups.pop(key).mentions)


_KNOWN_AS = re.compile(
    # what the name is may come first, in lowercase words of its own ("…, the state-owned
    # utility known as SADM"); never "of" something else ("…, owner of the farm known as …")
    r",\s+(?:(?:the|a|an)\s+(?:(?!(?:of|in|at|for|from|on|near|with|by|to|and|who|which|that)\s)"
    r"[a-z][\w-]*\s+){1,4}|also\s+|better\s+|widely\s+|commonly\s+|popularly\s+)?"
    r"(?:(?:known|referred\s+to|nicknamed)\s+as\s+(?:the\s+)?"
    # "…, known by the French acronym FARDC", "known by its initials, PNB,"
    r"|known\s+by\s+(?:its|their|the)\s+(?:[a-zA-Z]+\s+)?(?:acronym|initials|abbreviation),?\s+)"
)
_NAME_AT = re.compile(
    r"(?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w’'-]+(?:\s+(?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w’'-]+){0,3}"
)


def join_known_as(body: str, groups: dict[str, Group]) -> None:
    """ "Ahmed al-Sharaa, known as al-Jolani": the second name is an alias of the first."""
    ends = {m.end: k for k, g in groups.items() for m in g.mentions}
    for x in _KNOWN_AS.finditer(body):
        owner = ends.get(x.start())
        y = _NAME_AT.match(body, x.end())
        if owner is None or y is None or owner not in groups:
            continue
        ykey = entity_key(y.group())
        other = next(
            (k for k, g in groups.items() if k != owner and ykey in map(entity_key, g.texts(body))),
            None,
        )
        target = groups[owner]
        target.secondary.add(ykey)
        if other is not None:
            target.mentions.extend(groups.pop(other).mentions)
        if not any(m.start == y.start() for m in target.mentions):
            target.mentions.append(Mention(y.start(), y.end(), "FOUND"))


_THE_ORG = re.compile(r", the ")
#: The apposition closes with a comma and goes on with the sentence, not a list's next item.
_APPOSITION_END = re.compile(r",\s+(?!and\b|or\b|the\s+[A-Z])[a-z]")  # not "…, the Water Police"


def join_org_appositions(body: str, groups: dict[str, Group]) -> None:
    """ "Cymdeithas yr Iaith, the Welsh Language Society, said": a name, then "the" and an
    institution's name set off by commas, is that institution under its other name. Never a
    list ("…, the Red Cross, and Oxfam", "…, the Navy, the Water Police") nor a person ("Ana
    Ruiz, the Party Secretary")."""
    ends = {m.end: k for k, g in groups.items() for m in g.mentions}
    starts = {m.start: (k, m) for k, g in groups.items() for m in g.mentions}
    for x in _THE_ORG.finditer(body):
        owner, hit = ends.get(x.start()), starts.get(x.end())
        if owner is None or hit is None or hit[0] == owner or owner not in groups:
            continue
        key, m = hit
        if key not in groups or not _APPOSITION_END.match(body[m.end : m.end + 8]):
            continue
        if body[m.start : m.end].split()[-1].casefold() not in gazetteer.ORG_WORDS:
            continue
        mine = groups[owner]
        if any(o.titled for o in mine.mentions) or personnames.person_shaped(best_name(body, mine)):
            continue
        mine.secondary.add(key)
        mine.mentions.extend(groups.pop(key).mentions)


def link_spelling_variants(body: str, groups: dict[str, Group]) -> None:
    """ "Kristen Wilkins" and, a paragraph later, "Kristin Wilkins": one person whose given
    name the article misspelt once. Two people's full names are joined only when the rest of
    the name is the same and the given names (five letters or more) differ in one letter in
    place, so "Jon Reed" and "Jan Reed" stay two people."""
    people: dict[str, list[str]] = {}
    for key, g in groups.items():
        words = best_name(body, g).split()
        if _is_person(g) and len(words) >= 2 and len(words[0]) >= 5 and words[0].isalpha():
            people.setdefault(" ".join(words[1:]), []).append(key)
    for keys in people.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if a not in groups or b not in groups:
                    continue
                first_a = best_name(body, groups[a]).split()[0]
                first_b = best_name(body, groups[b]).split()[0]
                diff = sum(x != y for x, y in zip(first_a, first_b, strict=False))
                if len(first_a) == len(first_b) and diff == 1 and first_a[0] == first_b[0]:
                    early, late = sorted(
                        (a, b), key=lambda k: min(m.start for m in groups[k].mentions)
                    )
                    groups[early].mentions.extend(groups.pop(late).mentions)
