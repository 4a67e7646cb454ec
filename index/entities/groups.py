"""Within one article: which cleaned mentions are one entity, and the name it is shown under.

Mentions with one key form a group (every spelling of a country is one key); a short name joins
the unique longer name that contains it ("Assad" -> "Bashar al-Assad", "Xi" -> "Xi Jinping";
`shortnames.py` decides which) and is left alone when two names could claim it; "X, known as Y" makes Y an alias of X; a given
name misspelt once ("Kristen"/"Kristin" with one surname) is one person.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from . import gazetteer
from .clean import CONNECTORS, PARTICLES, Mention, name_like
from .keys import LOOKUP_CACHE, entity_key
from .nameforms import WORD_BREAKS


class Group:
    """Mentions believed to be one entity, with the evidence gathered for its type."""

    __slots__ = (
        "country",
        "labels_memo",
        "mentions",
        "name_memo",
        "secondary",
        "shared_surname",
        "texts_memo",
        "votes",
    )

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.secondary: set[str] = set()  # keys of "known as" names: never the display name
        self.country: str | None = None
        self.votes: defaultdict[str, float] = defaultdict(float)
        self.shared_surname = False
        # `best_name`'s last answer and what it was computed from: linking asks for a group's
        # name a hundred times an article, and most times nothing has moved since.
        self.name_memo: tuple[str, int, int, str] | None = None
        self.labels_memo: tuple[int, Counter[str], bool] | None = None
        self.texts_memo: tuple[str, int, tuple[str, ...]] | None = None

    def texts(self, body: str) -> tuple[str, ...]:
        """The mentions' texts, in order. Linking asks for them ten times an article and they
        change only when mentions are added, so their number says whether the last list holds."""
        memo = self.texts_memo
        if memo is None or memo[0] is not body or memo[1] != len(self.mentions):
            texts = tuple([body[m.start : m.end] for m in self.mentions])
            self.texts_memo = memo = (body, len(self.mentions), texts)
        return memo[2]

    def _counted(self) -> tuple[int, Counter[str], bool]:
        """The labels counted and whether they make a person (`_is_person`), recounted only
        when mentions were added (they are never taken away)."""
        memo = self.labels_memo
        if memo is None or memo[0] != len(self.mentions):
            labels = Counter(m.label for m in self.mentions)
            person = labels["PERSON"] >= max(labels["ORG"], labels["GPE"], 1)
            self.labels_memo = memo = (len(self.mentions), labels, person)
        return memo

    def labels(self) -> Counter[str]:
        """The model's (and the resolver's) labels of the mentions, counted."""
        return self._counted()[1]

    def longest_key(self, body: str) -> str:
        return max((entity_key(t) for t in self.texts(body)), key=len)


def group_mentions(body: str, mentions: list[Mention], aliases: dict[str, str]) -> dict[str, Group]:
    groups: dict[str, Group] = {}
    for m in mentions:
        text = body[m.start : m.end]
        key = entity_key(text)
        if not key:
            continue
        key = aliases.get(key, key)
        country = gazetteer.country(text) if m.label != "ORG" or " " not in text else None
        if country:
            key = "country:" + entity_key(country)
        g = groups.get(key)
        if g is None:
            g = groups[key] = Group()
        g.mentions.append(m)
        if country:
            g.country = country
    # A country the model once called an organisation ("Burkina Faso" as ORG, kept apart
    # above for a government or a team) is the country the article names elsewhere.
    for key, g in list(groups.items()):
        country = (
            None if g.country else gazetteer.country(body[g.mentions[0].start : g.mentions[0].end])
        )
        home = "country:" + entity_key(country) if country else None
        if home in groups and home != key:
            groups[home].mentions.extend(groups.pop(key).mentions)
    return groups


#: ... or with a last part after "-" or "/": "MQM-P", "PPP/C".
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}|[A-Z]{2,6}|[A-Z]{2,5}[-/][A-Z]{1,2}")
#: Words an acronym usually skips ("Council on Foreign Relations" is CFR).
_SKIPPED = frozenset({"of", "the", "and", "for", "on", "in", "at", "to", "&", "de", "del", "la"})


@lru_cache(maxsize=LOOKUP_CACHE)
def _initials(name: str) -> frozenset[str]:
    """The acronyms a name can be written as: every word's initial, or every word's but the
    connectors' ("University of Southern Indiana": USI or UOSI), hyphenated parts counted.
    Cached: every article asks it of each of its names."""
    words = [w for w in WORD_BREAKS.split(name) if w[:1].isalpha()]
    if len(words) < 2:
        return frozenset()
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.casefold() not in _SKIPPED).upper()
    found = {every, content} if len(content) >= 2 else {every}
    if "-" in name:
        # A hyphenated word may give its first part's initial only: "Inter-Secondary
        # Schools Sports Association" is ISSA
        whole = [w for w in name.split() if w[:1].isalpha()]
        firsts = "".join(w[0] for w in whole if w.casefold() not in _SKIPPED).upper()
        if len(whole) >= 2 and len(firsts) >= 2:
            found.add(firsts)
    if len(words) > 3 and words[-2] == "and":
        # a last "and X" the acronym leaves out: "Centers for Disease Control and Prevention"
        # is CDC
        head = "".join(w[0] for w in words[:-2] if w.casefold() not in _SKIPPED).upper()
        if len(head) >= 3:
            found.add(head)
    return frozenset(found)


def link_initials(body: str, groups: dict[str, Group]) -> None:
    """An acronym the article never defines joins the one name it abbreviates: "NPP" beside
    "New People's Party", "U.N." beside "United Nations". Never a person's name, never when
    two names of the article fit, and never a country (they have their own spellings)."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, g in groups.items():
        name = best_name(body, g)
        if g.country or _is_person(g) or " " not in name:
            continue
        for acronym in _initials(name):
            by_initials[acronym].append(key)
    for key in list(groups):
        g = groups[key]
        texts = set(g.texts(body))
        if g.country or not all(_ACRONYM.fullmatch(t) for t in texts):
            continue
        letters = re.sub(r"[./-]", "", next(iter(texts)))
        owners = [k for k in dict.fromkeys(by_initials.get(letters, ())) if k in groups]
        canon = gazetteer.org_canonical(letters) if len(letters) <= 2 else None
        if (
            canon
            and owners
            and gazetteer.org_canonical(best_name(body, groups[owners[0]])) != canon
        ):
            # "AP" is the Associated Press, never the article's "Alto de Patios"; three letters
            # or more mean several bodies the world over ("NRA"), and the article's own wins
            continue
        if len(owners) == 1 and owners[0] != key:
            groups[owners[0]].mentions.extend(groups.pop(key).mentions)


def _is_person(g: Group) -> bool:
    """Does the model call the group a person at least as often as anything else?"""
    return g._counted()[2]


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _proper(text: str) -> bool:
    """Capitalised as a name is, its connectors and particles aside ("Zia ur Rehman",
    "Mohammed bin Salman")."""
    return all(
        name_like(w) or w.casefold() in CONNECTORS or w in PARTICLES or w in _ALIAS_JOINERS
        for w in text.split()
    )


#: What joins a name to the alias after it ("Tan Ah Kow @ Tan Kok Hwa": aliasnames.py).
_ALIAS_JOINERS = frozenset({"@", "alias"})


def best_name(body: str, g: Group) -> str:
    """The longest properly capitalised form; ties go to the most frequent, then the first."""
    if g.country:
        return g.country
    # Mentions and "known as" keys are only ever added, so their numbers say what moved.
    memo = g.name_memo
    if (
        memo is not None
        and memo[0] is body
        and memo[1] == len(g.mentions)
        and memo[2] == len(g.secondary)
    ):
        return memo[3]
    name = _best_name(body, g)
    g.name_memo = (body, len(g.mentions), len(g.secondary), name)
    return name


#: A nickname inside a name ("Zubair "Jugnu" Khattak"), left out of the name shown; group 1
#: is the nickname (`nameparts.nickname_aliases` makes it an alias).
NICKNAME = re.compile(r" [\"“]([^\"”\n]{1,25})[\"”] ")


def _best_name(body: str, g: Group) -> str:
    # (a nickname needs a double quote: most texts have none, and keep their text)
    texts = [NICKNAME.sub(" ", t) if '"' in t or "“" in t else t for t in g.texts(body)]
    if texts.count(texts[0]) == len(texts):
        return texts[0]  # one form, written once or more: the choice below has only it
    counts = Counter(texts)
    first: dict[str, int] = {}
    for i, t in enumerate(texts):
        first.setdefault(t, i)
    acronyms = {t for t in counts if t.isupper() and " " not in t}
    pool = [t for t in counts if t not in acronyms and entity_key(t) not in g.secondary]
    pool = pool or [t for t in counts if t not in acronyms] or list(counts)
    return max(pool, key=lambda t: (_proper(t), len(t.split()), counts[t], len(t), -first[t]))
