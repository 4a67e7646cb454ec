"""Names the model read as people that the sentence says are bodies.

The model tags many two- and three-word names of small firms, co-operatives and news sites
as people ("Boletia Andina", "Janyly Kun", "Ascensores Porteños"): nothing in the name says
otherwise. The sentence often does, right beside it: "a private contractor, Boletia Andina,",
"the Kyrgyz news site Janyly Kun", "Attiko Metro, the state company building the line",
"Glasgow Life, which runs the city's museums". No person is called a contractor's or a news
site's name, and no person is "which". Such a mention becomes an organisation's, unless the
name is shaped like a person's (a given name first: "the investor Marta Quiroga").
"""

from __future__ import annotations

import re

from . import gazetteer, personnames
from .clean import CONNECTORS, Mention
from .wordsearch import find_all

#: What a body is, said right before or after its name. Never a role a person has
#: ("manager", "owner", "member"): "pension manager Laurentian …" is left to other evidence.
_NOUN_WORDS = (
    *("contractor", "subcontractor", "consultancy", "cooperative", "co-operative", "firm"),
    *("company", "conglomerate", "group", "association", "institution", "investor"),
    *("operator", "developer", "news site", "website", "outlet", "portal", "broadcaster"),
    *("newspaper", "magazine", "publisher", "gallery", "charity", "lender", "insurer"),
    *("retailer", "roaster", "producer", "maker", "supplier", "distributor", "shipyard"),
    *("subsidiary", "agency", "movement", "organisation", "organization", "ngo", "nonprofit"),
    *("non-profit", "collective", "chain", "startup", "start-up", "studio", "brokerage"),
    *("bakery", "brewery", "label", "foundation", "trust", "federation", "society"),
)
_NOUNS = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _NOUN_WORDS)

#: The description before the name: a determiner, up to three words, the noun, and the name
#: after a comma ("a private contractor, Boletia Andina") or right after it ("the Buenos
#: Aires consultancy Pampa Consultores", "its parent Groupe Santé Mobilité").
_BEFORE = re.compile(
    # never a body's role-holder: "The head of the Denpasar Transportation Agency, Ni Luh …"
    r"(?<!\bof )(?<!\bat )(?<!\bfor )(?<!\bfrom )(?<!\bwith )"
    rf"\b(?:the|a|an|its|their|whose)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_NOUNS}|parent),?\s+$",
    re.IGNORECASE,
)

#: The description after the name, in apposition (a bracketed other name may come between:
#: "Croatian Waters (Hrvatske vode), the state water management company,"), or "which".
_AFTER = re.compile(
    r"(?:\s*\([^()\n]{1,60}\))?,\s+(?:"
    r"(?:a|an|the|its)\s+(?:(?!(?:of|for|at|with|to|from|in|on|who)\b)[\w’'-]+\s+){0,4}?"
    rf"(?:{_NOUNS})(?=[,.;:)]|\s+(?:of|that|which|in|with|based|founded|for|on|run|where"
    r"|whose|owned|backed|set|and|is|was|has|had|said|says|[a-z]+ing)\b)"
    r"|which\s+[a-z]+)"
)


def described_bodies(body: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions, with each the model called a person that a description beside it makes a
    body relabelled an organisation's (with the weight of an organisation word), and so is
    the model's "person" of two words or more that ends such a name ("Runa Allpa" of
    "Asociación Runa Allpa, a Cusco-based organisation"); an organisation's span so described
    takes the weight of a kind word too (a place's word in it must not out-vote it)."""
    people = [m for m in mentions if m.label == "PERSON" and not m.titled]
    described = {(m.start, m.end) for m in people if _described(body, m.start, m.end)}
    names = {body[s:e] for s, e in described}
    # a body's name the model tagged as one, a place's word in it ("Koleje Dolnośląskie
    # Tabor, a Wrocław-based rolling-stock maker"): the description weighs as its kind word
    described |= {
        (m.start, m.end)
        for m in mentions
        if m.label in ("ORG", "FAC")
        and not m.org_word
        and " " in body[m.start : m.end]  # "Chubut, which owns the land": its government
        and _described(body, m.start, m.end)
    }
    tagged = {(m.start, m.end) for m in people}  # read above already
    for text in {body[m.start : m.end] for m in people if " " in body[m.start : m.end]} - names:
        # "workers at auto parts maker Forjados del Norte" tagged, "Forjados del Norte, which
        # supplies …" not: a description at any of the name's places describes it
        if any(
            _described(body, at, at + len(text))
            for at in find_all(body, text, whole_words=True)
            if (at, at + len(text)) not in tagged
        ):
            names.add(text)
    if not names and not described:
        return mentions
    out = []
    for m in mentions:
        text = body[m.start : m.end]
        if (m.start, m.end) in described or (
            m.label == "PERSON"
            and not m.titled
            and " " in text
            and any(n == text or n.endswith(" " + text) for n in names)
        ):
            m = Mention(m.start, m.end, "ORG", org_word=True)
        out.append(m)
    return out


#: The last word of every `_BEFORE` match, lowercased: its noun ("news site" ends in "site").
_BEFORE_LAST = frozenset({w.rsplit(None, 1)[-1] for w in _NOUN_WORDS} | {"parent"})


def _before(body: str, start: int) -> bool:
    """`_BEFORE` before `start`, tried only when the word before the name (and its comma)
    is one of its nouns: it is read at every character of sixty, and most names follow none.
    (A word in other letters than ASCII is left to the pattern: its case-blind match knows
    more equivalences than `lower`.)"""
    before = body[max(0, start - 60) : start]
    if not before[-1:].isspace():
        return False  # the pattern ends in spaces
    words = before.rsplit(None, 1)
    if not words:
        return False
    last = words[-1]
    if last.endswith(","):
        last = last[:-1]
    if last.isascii() and last.lower() not in _BEFORE_LAST:
        return False
    return _BEFORE.search(body, max(0, start - 60), start) is not None


def _after(body: str, end: int) -> bool:
    """`_AFTER` at `end`, tried only when a comma, a space or a bracket comes first."""
    c = body[end : end + 1]
    return (c in (",", "(") or c.isspace()) and _AFTER.match(body, end) is not None


def _described(body: str, start: int, end: int) -> bool:
    """Does a body's description stand right before or after [start, end), and is the name
    there no person's (a given name first) nor a place's?"""
    if not (_before(body, start) or _after(body, end)):
        return False
    name = body[start:end]
    words = name.split()
    if not all(
        (w[:1].isupper() or (0 < i < len(words) - 1 and w in CONNECTORS))
        and not any(c.isdigit() for c in w)
        for i, w in enumerate(words)
    ):
        return False  # "the serotype DENV-3, which …": a code, no body's name
    if personnames.given_name(words[0]) or personnames.person_shaped(name):
        return False
    return not (gazetteer.is_place(name) or gazetteer.country(name))
