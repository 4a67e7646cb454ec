"""Context cues that read more than the words beside one mention: the whole article, the
name's own shape and the gazetteer.

An article-led Arabic name where places stand ("in Lusail and Al Khor"), a lone word "at" or
"from" which something comes ("fish processors at Bantuma"), a country's possessive before a
name ("Kenya's Mercy Jepkorir") and the region after a comma ("Marawi, Lanao del Sur,"). Kept
apart from `context.py`, whose `context_votes` asks them of each mention.
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer, personnames, sportsnames
from .clean import Mention
from .wordsearch import after_capitalised_word, before_capital

#: A possessive right after a name, also as a tokenised copy writes it ("Duffy 's").
POSSESSIVE_AFTER = re.compile(r" ?[’']s?\b")


#: An Arabic name led by its article, as the region's towns and districts are ("Al Khor", "El
#: Marg", "Al-Rehab"). A family's name is written so too ("Al Kuwari"), but that stands after
#: a given name, or alone where someone acts, rarely "in" or "at"; the model reads "Al" as
#: the English given name ("Al Gore") and calls most of them people.
_ARTICLE_LED = re.compile(r"(?:Al|El)[ -][A-Z][a-z’'-]+")
#: Where a place stands: "in X", "at X", and the second of a pair so placed ("in Lusail and X").
_PLACED_BEFORE = re.compile(
    r"\b(?i:in|at|near|outside|inside|around|across|within)\s+"
    r"(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?,?\s+(?:and|or)\s+)?$"
)


def placed_article_led(body: str, m: Mention) -> bool:
    """Is the mention an article-led Arabic name of two words, standing where places stand
    ("living in Lusail and Al Khor"), that no given name opens elsewhere in the article
    ("Abdullah Al Kuwari") and that is no known body or club ("at Al Jazeera", "Al Sadd")?"""
    name = body[m.start : m.end]
    if not _ARTICLE_LED.fullmatch(name):
        return False
    if _PLACED_BEFORE.search(body, max(0, m.start - 50), m.start) is None:
        return False
    if gazetteer.is_known_org(name) or sportsnames.is_club(name):
        return False
    return not after_capitalised_word(body, name)


#: A name that goes on past the word the model tagged: "Ole Miss", "Ollscoil na Gaillimhe".
_NAME_GOES_ON = re.compile(r"^ (?:[A-Z]|(?:na|de|del|da|di|do|du|of|al|el) )")
#: A capital after a small letter: a brand's or a firm's coinage ("JoJo", "UniQuest").
_CAMEL = re.compile(r"[a-z][A-Z]")


def lone_word(body: str, m: Mention, name: str, after: str) -> bool:
    """One word the model called an organisation, "at" or "from" which something stands or
    someone comes ("fish processors at Bantuma", "I left home from Hanguranketa"): a village
    as often as a firm, and a firm is rarely met alone, untyped. Not a known body, a coinage,
    nor the first word of a longer name ("Vanderbilt" of "Vanderbilt University")."""
    return (
        " " not in name
        and not POSSESSIVE_AFTER.match(after)
        and not _NAME_GOES_ON.match(after)
        and not _CAMEL.search(name)
        and not gazetteer.is_known_org(name)
        and not before_capital(body, name)
    )


_POSSESSOR = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)[’']s\s+$")


def countrys_own(body: str, m: Mention, before: str) -> bool:
    """A country's possessive before a name no English word is in: the country's athlete,
    minister or citizen ("Kenya's Mercy Jepkorir"), not its company ("Germany's Deutsche
    Bank", "Britain's Royal Mail"); anyone's before a person-shaped name."""
    if not before[-1:].isspace() or not before.rstrip().endswith(("’s", "'s")):
        return False  # what `_POSSESSOR` ends with, checked first: most names have none
    x = _POSSESSOR.search(before)
    if not x:
        return False
    words = body[m.start : m.end].split()
    if not gazetteer.country(x.group(1)):
        # Anyone's possessive before a given name and words that are no English words: a
        # team's driver, a firm's chief ("Porsche's Lucas Moreau-Santini").
        return personnames.person_shaped(body[m.start : m.end])
    return 2 <= len(words) <= 3 and not any(
        commonwords.is_word(w) or w.casefold() in gazetteer.ORG_WORDS for w in words
    )


_COMMA_NAME = re.compile(
    r"^, ((?:[A-Z][\w’'-]+)(?: (?:del|de|do|da|[A-Z][\w’'-]+)){0,3})(?=[,.;]| on\b)"
)


def in_region(after: str) -> bool:
    """ "X, Lanao del Sur,": a name followed by the province, state or country it lies in."""
    x = _COMMA_NAME.match(after)
    if x is None:
        return False
    region = x.group(1)
    return bool(gazetteer.is_region(region) or gazetteer.country(region))
