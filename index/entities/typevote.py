"""One name, one type, library-wide: the type of a name decided from every article.

The extractor types a name from one article, and one article can be wrong: a three-line feed
item that says "Aleppo" once gives the model nothing to go on, and it may say "person". The
registry therefore keeps, per article, the type that article's extraction gave each name and
how strongly (its mentions), and decides the name's type from all of them together with what
the world knows (the gazetteer): a country is a place whatever one article says, a big city
needs more than a passing mention to become a person, a well-known organisation stays one.

The decision is a weighted vote; a user's `retype` is final and is never out-voted.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import ENTITY_TYPES, EntityType
from . import gazetteer
from .placewords import COUNCIL_KINDS

#: One article's vote is its mention count, capped: one long article about a namesake must not
#: outweigh many shorter ones, and a single passing mention still counts.
MAX_ARTICLE_WEIGHT = 4.0

SCHEMA = (
    # What each article's extraction said about a name (by key): its type and mention count.
    """CREATE TABLE IF NOT EXISTS entity_type_votes (
        article_id TEXT NOT NULL,
        key TEXT NOT NULL,
        type TEXT NOT NULL,
        weight REAL NOT NULL,
        PRIMARY KEY (key, article_id, type)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS entity_type_votes_article ON entity_type_votes (article_id)",
    # Types a user set with `retype`: final for that entity and every name it has.
    """CREATE TABLE IF NOT EXISTS entity_user_types (
        entity_id INTEGER PRIMARY KEY,
        type TEXT NOT NULL
    )""",
    # Names a user said are not entities (`block`): never extracted into the registry again.
    "CREATE TABLE IF NOT EXISTS entity_stoplist (key TEXT PRIMARY KEY, name TEXT NOT NULL)",
)


#: What an article's typing weighs extra when the article gave evidence for it beyond the
#: model's label: as much as the gazetteer's word for a city of 100,000 people, so "Liverpool,
#: who drew 0-0" or "the ruling Morena party" is not out-voted by the town of that name.
EVIDENCE_WEIGHT = 3.0


def article_weight(mentions: int, evidence: bool = False) -> float:
    """How much one article's typing of a name counts."""
    base = min(MAX_ARTICLE_WEIGHT, 1.0 + 0.5 * max(0, mentions - 1))
    return base + (EVIDENCE_WEIGHT if evidence else 0.0)


def world_prior(name: str) -> dict[EntityType, float]:
    """What the gazetteer says about `name`, as votes: a country outweighs any number of
    articles; a big city or a well-known organisation outweighs a few passing mentions."""
    prior: dict[EntityType, float] = {}
    if gazetteer.country(name):
        prior["place"] = 1000.0
        return prior
    population = gazetteer.city_population(name)
    if name.rpartition(" ")[2].casefold() in COUNCIL_KINDS:
        pass  # "Giza Governorate": the gazetteer's region, which news names for its council
    elif gazetteer.is_place(name) or population >= 1_000_000:
        prior["place"] = 6.0
    elif population >= 100_000 or gazetteer.is_region(name):
        prior["place"] = 3.0
    if gazetteer.is_known_org(name):
        prior["org"] = prior.get("org", 0.0) + 6.0
    return prior


def decide(name: str, votes: Mapping[str, float], user: EntityType | None = None) -> EntityType:
    """The library-wide type of `name` given the articles' votes (type -> summed weight)."""
    if user is not None:
        return user
    scores: dict[EntityType, float] = {t: float(votes.get(t, 0.0)) for t in ENTITY_TYPES}
    for type_, weight in world_prior(name).items():
        scores[type_] += weight
    # Ties go to the type articles voted most for, then to people: the gazetteer has already
    # spoken for known places, so an unknown name voted both ways is more often a person.
    order = {"person": 2, "org": 1, "place": 0}
    return max(scores, key=lambda t: (scores[t], float(votes.get(t, 0.0)), order[t]))
