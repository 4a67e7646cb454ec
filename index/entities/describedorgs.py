"""Organisations the model missed, found from what the sentence says they are.

A trade before a name ("public broadcaster TVP"), a legal form after it ("Fluxa GmbH"), a kind
of body named after it ("the Semilla movement", "the Imedi television channel"), its former
staff ("former Stripe engineers") or an apposition saying what body it is ("Health Sciences
North, the city's main hospital,") make an organisation of a name the model did not tag. The
names it read as people that the sentence says are bodies are `describedbodies.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from . import commonwords, gazetteer
from .anchored import LedWords, finditer_at, heads, starts_before
from .clean import TITLES, Mention, within
from .describedbodies import described_bodies
from .edges import STARTERS
from .missed import NAME_WORD, UPPER, on_stray
from .nameforms import known_place_name

#: Legal forms that close a company's registered name, written as companies write them.
_LEGAL = (
    r"(?:GmbH|AG|SA|S\.A\.|SE|NV|N\.V\.|BV|B\.V\.|Ltd\.?|Inc\.?|LLC|plc|PLC|SpA|S\.p\.A\.|ASA|AB|Oyj"
    r"|Pty|Tbk|PJSC|JSC|SARL|LLP|Limited|Bhd|Berhad|Sdn\.? Bhd|Pte\.? Ltd\.?|Pvt\.? Ltd\.?|Ltda\.?)"
)
#: A word or acronym of an organisation's name: "Fluxa", "TVP", "N26", "Be".
_ORG_WORD = rf"(?:{NAME_WORD}|[A-Z][A-Z0-9&-]{{1,7}}|[A-Z][a-z]+[A-Z0-9][\w-]*)"


#: What a name is, said right after it: "the Semilla movement", "Fano militias", "the Imedi
#: television channel", "the left-wing Together for Peru party".
_KINDS = (
    r"party|militias?|movement|gang|cartel|television|radio|newspaper|channel|broadcaster"
    r"|news\s+agency|daily|trade\s+union"
)


#: What only a firm or a regulator is, read before its name (`_TRADES`) and in an apposition
#: after it (`_BODIES`).
_FIRMS = (
    r"broadcaster|start-?up|airline|lender|insurer|retailer|conglomerate|carmaker|automaker"
    r"|drugmaker|regulator"
)
#: Trades only a company has, written before its name: "public broadcaster TVP".
_TRADES = (
    rf"{_FIRMS}|fintech|carrier|operator|exporter|chipmaker|miner|paytech|insurtech|proptech"
    r"|agritech|edtech|healthtech|brewer|shipbuilder|steelmaker"
)


@cache
def _described_org() -> re.Pattern[str]:
    """What only an organisation is called, the name right after it or right before a legal
    form: "public broadcaster TVP", "Fluxa GmbH", "the centrist Republicanos party", "former
    Stripe engineers", "Health Sciences North, the city's main hospital"."""
    particle = r"(?:del|de|di|da|do|dos|du|des|la|le|of|for|y|&)"
    name = rf"({_ORG_WORD}(?: (?:{particle} )?{_ORG_WORD}){{0,2}})"
    return re.compile(
        rf"\b(?:{_TRADES})\s+{name}"
        rf"(?![\w’'-])|(?<![\w’'-]){name}\s+{_LEGAL}(?![\w-])"
        rf"|(?:\b(?:the|a)\s+(?:[a-z-]+\s+)?|(?<=[a-z,;:(] )){name}\s+(?:{_KINDS})\b"
        rf"|\bformer\s+{name}\s+(?:engineer|employee|executive|staff|worker|banker|analyst"
        rf"|manager|trader)s?\b"
    )


# The pattern above tried at every character costs more than all the rest of
# `described_orgs`: two of its alternatives try a name at each capital letter. Every match
# holds a word from a short list at a known place: a trade or "former" where it starts, a
# legal form or a kind after the name. Those words are found first (`anchored.py`, in the
# scan `LedPattern`s share: their own automaton was one more scan of every body), and the
# pattern is tried only at the starts they allow.


#: The words every match of `_described_org()` holds: one that starts the match, one that
#: follows the name.
_OPENS = LedWords([*heads(_TRADES), "former"])
_FOLLOWS = LedWords([*heads(_LEGAL), *heads(_KINDS)])


#: Read on the reversed body from a word after a name: the whitespace before it, then up to
#: seven runs of name characters (a name's five words, "the" and an adjective before them).
_RUNS_BEFORE = re.compile(r"\s+[\w’'&-]+(?:\s+[\w’'&-]+){0,6}")
#: Where a match can start: a name's capital, or "the" / "a".
_MATCH_START = re.compile(rf"[{UPPER}ta]")


def _described_matches(body: str) -> Iterator[re.Match[str]]:
    """`_described_org().finditer(body)`, tried only where a match can start."""
    kinds = _FOLLOWS.starts(body)  # where a legal form or a kind follows a name
    starts = [*_OPENS.starts(body), *starts_before(body, kinds, _RUNS_BEFORE, _MATCH_START)]
    return finditer_at(_described_org(), body, starts)


#: What an apposition may say a name is, when only a body is that: "Health Sciences North,
#: the city's main hospital,".
_BODIES = (
    rf"{_FIRMS}|hospital|university|school|college|charity|company|firm|bank|newspaper|union"
    r"|agency|think\s+tank|foundation|trust|museum|gallery|studio|supermarket|co-?operative"
    r"|manufacturer|exchange|club|orchestra|bookshop|bookstore|group|watchdog|non-?profit|NGO"
    r"|lobby"
)
#: An apposition saying what body the name before it is (`_apposed`).
_BODY_APPOSITION = re.compile(
    rf", (?:the|a|an) (?:(?!(?:of|for|at|with|to|from|in|on)\b)[\w’'-]+ ){{0,4}}?(?:{_BODIES})"
    r"(?=[,.;)]|\s+(?:of|that|which|in|with|based|founded|for|on|run|where)\b)"
)


@cache
def _name_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'-])({_ORG_WORD}(?: {_ORG_WORD}){{0,2}})$")


def _apposed(body: str) -> list[tuple[int, int]]:
    """Names right before an apposition that says which body they are: "Health Sciences
    North, the city's main hospital," (found from the commas, not tried at every word)."""
    out = []
    for x in _BODY_APPOSITION.finditer(body):
        name = _name_before().search(body, max(0, x.start() - 60), x.start())
        if name is not None:
            out.append(name.span(1))
    return out


def described_orgs(
    body: str, mentions: list[Mention], stray: list[tuple[int, int]]
) -> list[Mention]:
    """The mentions with the organisations the sentence says are organisations (see
    `_described_org`): never a name that is an English word, a place or a demonym. A name
    with its kind after it ("the Together for Peru party") takes the place of what the
    model tagged inside it ("Peru")."""
    out = list(mentions)
    spans: list[tuple[int, int, int]] = []
    for x in _described_matches(body):
        group = next(i for i in range(1, 5) if x.group(i))
        start, end = x.span(group)
        # the legal form is part of the registered name
        spans.append((start, x.end() if group == 2 else end, group))
    spans += [(start, end, 5) for start, end in _apposed(body)]
    for start, end, group in spans:
        if body.startswith("The ", start):
            start += 4  # "The Migraine Trust, a charity": a name never carries its "the"
        text = body[start:end]
        inside = within(out, start, end)
        # Only a kind named after it ("the … party") outweighs what the model tagged inside.
        if inside is None or (inside and group != 3) or on_stray(start, end, stray):
            continue
        words = text.split()
        if (
            # "a Jalisco-based cartel", "the Urdu-language daily": an adjective, not the name
            LOWER_TAIL.search(text) is not None
            # "Stripe" is a word too; before a legal form or staff it is the company's name
            or (len(words) == 1 and group in (1, 3) and commonwords.is_word(text))
            or known_place_name(text)
            or gazetteer.is_demonym(words[0])
            or words[0].casefold() in TITLES
            or words[0].casefold() in STARTERS
        ):
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "ORG", org_word=True))
    return described_bodies(body, out)  # "a private contractor, Boletia Andina" as a person


#: A word ending in a lowercase part after a hyphen: "Jalisco-based", "Kremlin-backed".
LOWER_TAIL = re.compile(r"-[a-z]+$")
