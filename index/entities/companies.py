"""A company's registered name and the short name an article writes it by.

A report names a firm in full once ("Murrumbidgee Bulk Handling Pty Ltd", "Lionpay Pte Ltd",
"Al Nahda Logistics Holding") and then by its first words ("Murrumbidgee Bulk Handling",
"Lionpay", "Al Nahda"). The model often reads the full name as someone and the short one as
someone or somewhere, so the general short-name linker (`shortnames.py`), which must keep
"Kurdistan" apart from the "Kurdistan Regional Government", leaves the two apart. Once the
groups are typed, the registered name is known to be a company's, and what its short name
lacks is what only a firm's name holds: its trade and its legal form.
"""

from __future__ import annotations

import re

from ..model import EntityType
from . import gazetteer
from .groups import Group, best_name
from .keys import entity_key
from .nameforms import known_place_or_region
from .shortnames import DESIGNATORS, LEGAL_FORMS, TRADE_WORDS

#: What else closes a company's registered name after the name it trades under: its line of
#: business ("Seven Peaks Treks", "Kootenay Ridge Savings", "Tumaini Pay") or its holding form.
FIRM_TAILS = (
    DESIGNATORS
    | TRADE_WORDS
    | {"holding", "sdn", "pte", "pvt", "ltda", "sp", "z", "oo", "gmbh", "kg", "nv", "bv"}
    | {"savings", "credit", "finance", "financial", "pay", "payments", "bank", "banking"}
    | {"treks", "tours", "travel", "travels", "expeditions", "airways", "airlines", "shipbuilding"}
    | {"dredging", "plantations", "freight", "transport", "haulage", "construction", "builders"}
    | {"engineering", "restructuring", "advisory", "consulting", "partners", "technologies"}
    | {"technology", "tech", "labs", "systems", "solutions", "media", "foods", "textiles"}
    | {"mills", "steel", "cement", "petroleum", "oil", "gas", "power", "agri", "agro"}
    | {"therapeutics", "biotech", "composite", "knit", "garments", "apparel", "brewery"}
)
#: A group's parent, which its short name means when two of its firms are named in full
#: ("Calderbrook" beside "Calderbrook Freight Holdings plc" and "Calderbrook Logistics Ltd").
_PARENTS = frozenset({"holdings", "holding", "group"})


def _registered(words: list[str], n: int) -> bool:
    """Does a firm's name of key `words` go on from its first `n` words with only what a
    registered name adds: a legal form closing it, or trade and form words alone?"""
    tail = words[n:]
    if not tail or any(gazetteer.country(w) or gazetteer.is_demonym(w) for w in tail):
        return False  # "Tumaini Pay Uganda Ltd" is the Ugandan arm, not Tumaini Pay itself
    return tail[-1] in LEGAL_FORMS or all(w in FIRM_TAILS for w in tail)


def merge_company_short_names(
    body: str, groups: dict[str, Group], types: dict[str, EntityType]
) -> None:
    """Each organisation or person that opens exactly one company's registered name of the
    article joins it; of several, the one that is the holding company.

    Never a name typed as a place (a firm is often named after its town: "a depot in
    Kwinana" beside "Kwinana Haulage Ltd"), nor an organisation the lists know on its own ("Emirates"
    beside "Emirates NBD PJSC"), nor a name that is also a person's of the article (the
    founder "Houten" of "Pieter van Houten" beside "Van Houten Brood Holding NV").
    """
    firms = {
        k: entity_key(best_name(body, groups[k])).split() for k in groups if types.get(k) == "org"
    }
    if not firms:
        return
    # The firms by their first word: each name asks only those it can open, not every firm
    # of the article (in the same order, so the same holding company is picked).
    by_first: dict[str, list[str]] = {}
    for k, words in firms.items():
        if words:
            by_first.setdefault(words[0], []).append(k)
    people = [
        entity_key(best_name(body, g)).split()
        for k, g in groups.items()
        if types.get(k) == "person"
    ]
    for key in list(groups):
        if key not in groups or key not in types:
            continue
        g = groups[key]
        name = best_name(body, g)
        short = entity_key(name).split()
        if not short or g.country:
            continue
        n = len(short)
        longer = [
            k
            for k in by_first.get(short[0], ())
            if k != key
            and k in firms  # (a firm merged into another is gone)
            and k in groups
            and firms[k][:n] == short
            and _registered(firms[k], n)
        ]
        if len(longer) > 1:
            longer = [k for k in longer if _PARENTS & set(firms[k][n:])]
        if len(longer) != 1:
            continue
        if types[key] == "place" or (
            types[key] == "person" and not _may_be_firm(body, g, name, short, people)
        ):
            continue
        if gazetteer.is_known_org(name) and not gazetteer.is_known_org(
            best_name(body, groups[longer[0]])
        ):
            continue
        firm = groups[longer[0]]
        firm.secondary.add(entity_key(name))  # shown by its registered name, even as "… plc"
        firm.mentions.extend(groups.pop(key).mentions)
        del types[key]
        firms.pop(key, None)


def _may_be_firm(body: str, g: Group, name: str, short: list[str], people: list[list[str]]) -> bool:
    """Can a name the article types as a person be a firm's short name? Not when it is a
    place the lists hold, nor where the article writes it as a place ("a depot in Kwinana"),
    nor when it is a part of a person's name the article gives in full."""
    if known_place_or_region(name) or gazetteer.country(name):
        return False
    if any(_PLACED.search(body, max(0, m.start - 12), m.start) for m in g.mentions):
        return False
    return not any(
        words != short and any(words[i : i + len(short)] == short for i in range(len(words)))
        for words in people
    )


#: Words before a name that make it a place.
_PLACED = re.compile(r"\b(?:in|at|near|outside|from|via|across)\s+$")
