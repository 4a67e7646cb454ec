"""Within one article: the type of each group of mentions, voted over all of them.

Each mention's model label casts a vote; titles, roles, place and org words, the words around a
mention ("the town of X", "X, a spokesman", "In X,"), what the name itself says
(`namevotes.py`) and the other members of an enumeration add evidence; what a person is "of" is an organisation ("Daniel Fraser of Civic
Victoria"), and a lone word paired with a place ("Udhruh and Shobak") leans to a place.
Context alone (`context.py`) never flips the type the model gave a full name
(`_keep_model_type`); demonyms, groups of people and sentence-initial common nouns are no
entities.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from itertools import accumulate

from ..model import ENTITY_TYPES, EntityType
from . import commonwords, gazetteer, personnames, sportsnames
from .clean import Mention
from .context import POSSESSIVE_AFTER, context_votes
from .edges import written_alone
from .groups import Group, best_name
from .groupvotes import affiliation_votes, list_votes
from .matches import nations
from .namevotes import name_votes
from .openingwords import common_word
from .products import product as _product
from .products import versioned as _versioned

#: Votes one mention's label casts. NORP casts none: it only joins a group other evidence types.
_LABEL_VOTES: dict[str, tuple[tuple[EntityType, float], ...]] = {
    "PERSON": (("person", 1.0),),
    "GPE": (("place", 1.0),),
    "LOC": (("place", 1.0),),
    "FAC": (("place", 0.5),),
    "ORG": (("org", 1.0),),
    "OWNER": (("org", 0.5),),
    "ACRONYM": (("org", 0.5),),
    "CUED": (("person", 1.0),),
    "PLACE": (("place", 2.0),),
    "GAZETTEER": (("place", 1.0),),
    "KNOWN_ORG": (("org", 1.0),),
}


#: The model repeats itself: a name it misreads once ("Mairi MacIsaac" as ORG) it misreads
#: at every mention. Past the second, a label is the same guess again, not new evidence
#: against an age or a "said" beside the name: it counts half.
_FULL_LABELS = 2
_REPEATED_LABEL = 0.5
#: The vote keys of each type, built once: the loops below run on every mention.
_MODEL_KEY = {t: "model_" + t for t in ENTITY_TYPES}
_STRONG_KEY = {t: "strong_" + t for t in ENTITY_TYPES}


def vote_types(body: str, groups: dict[str, Group]) -> dict[str, EntityType]:
    """Each group's type, or no entry when it is not an entity (demonyms, unsupported NORP)."""
    # Voting moves no mention, so each group's name is the same throughout: found once.
    names = {key: best_name(body, g) for key, g in groups.items()}
    spans = sorted((m.start, m.end) for g in groups.values() for m in g.mentions)
    taken = ([s for s, _ in spans], list(accumulate((e for _, e in spans), max)))
    for key, g in groups.items():
        votes = g.votes
        name = names[key]
        # News introduces a person by full name before using the surname alone, and linking
        # has already joined such surnames to their full names. A one-word name still alone
        # ("Al-Qaim", "Tuscany") that the model calls a person is as often a town or a group,
        # so its label counts for less; a surname two people share is surely a person.
        person_weight = 0.5 if " " not in name else 1.0
        if g.shared_surname:
            votes["person"] += 2
        said_person = " " not in name and any(m.label == "PERSON" for m in g.mentions)
        acronym = name.isupper()
        seen: dict[str, int] = {}
        for m in g.mentions:
            label = m.label
            for type_, weight in _LABEL_VOTES.get(label, ()):
                seen[type_] = n = seen.get(type_, 0) + 1
                if n > _FULL_LABELS:
                    weight *= _REPEATED_LABEL
                if type_ == "person":
                    weight *= person_weight
                elif label == "ORG" and said_person and POSSESSIVE_AFTER.match(body, m.end):
                    weight *= 0.5  # "Duffy's trial" as ORG beside "Duffy" as PERSON
                votes[type_] += weight
                if label in _MODEL_LABELS and " " in body[m.start : m.end].strip():
                    votes[_MODEL_KEY[type_]] += 1  # what the model said of the full name
                elif label in _STRONG_LABELS:
                    votes[_STRONG_KEY[type_]] += 1
            if m.titled:
                votes["person"] += 2
                votes["person_cue"] += 1
                votes["strong_person"] += 1
            if m.place_word:
                votes["place"] += 1.5
                votes["strong_place"] += 1
            if m.org_word:
                votes["org"] += 1.5
                votes["strong_org"] += 1
            context_votes(body, m, votes, acronym=acronym)
        for m in _unmentioned(body, g, taken):
            context_votes(body, m, votes, acronym=acronym)
        if " " in name and g.labels()["PERSON"] and all(_placed(body, m) for m in g.mentions):
            votes["place"] += 2  # "members in Ahafo Ano and Atwima Mponua": no one is "in" a
            votes["strong_place"] += 1  # person, and the article never says more of it
        if votes["the_person"] and votes["the_person"] == len(g.mentions):
            votes["person"] = 0.0  # every mention had "the" before it
        if (
            votes["club"]
            and not g.country
            and (
                gazetteer.city_population(name)
                or gazetteer.is_place(name)  # "beat arch-rivals Zamalek 2-0": a district
                or not _is_person_named(g)
                or _plural(name)
            )
            and not _someone_in_full(name, votes)
            # "Rookie defenceman Brody Kowalchuk scored": a position before a person's name
            and not (votes["strong_person"] and personnames.person_shaped(name))
        ):
            votes["org"] += 5  # a town's team: "Liverpool, who drew 0-0 at Everton"
            votes["strong_org"] += 1
            if _only_a_side(name, g):
                votes["side"] += 1
        if name.startswith(("City of ", "Town of ")) and any(
            _IN_THE.search(body, max(0, m.start - 20), m.start) for m in g.mentions
        ):
            votes["placed"] += 1  # "born in the City of Manila": the place, not its council
        before = {t: votes[t] for t in ENTITY_TYPES}
        name_votes(name, g, votes)
        for t in ENTITY_TYPES:
            if votes[t] > before[t]:
                votes[_STRONG_KEY[t]] += 1
    affiliation_votes(body, groups, names)
    list_votes(body, groups, names)
    types: dict[str, EntityType] = {}
    # A long article that names its people in full introduces everyone that way; a short
    # excerpt or a results table may say just "Obama" or "Sampras".
    full_names = sum(1 for k, g in groups.items() if g.labels()["PERSON"] and " " in names[k])
    introduces = len(body) >= 1200 and full_names >= 2
    for key, g in groups.items():
        votes = g.votes
        scores: dict[EntityType, float] = {t: votes[t] for t in ENTITY_TYPES}
        # A tie goes to the type the name itself shows ("Valencia CF" in a list of places).
        # Then, with no evidence either way, to a place the sentence puts something "in" or
        # "near" ("farmers in Java and Lampung"): as much a place as the model's lone person.
        type_, score = max(
            scores.items(),
            key=lambda kv: (
                kv[1],
                votes[_STRONG_KEY[kv[0]]],
                kv[0] == "place" and votes["placed"] > 0,
            ),
        )
        if score <= 0:
            continue
        name = names[key]
        if type_ == "place" and votes["side"]:
            type_ = "org"  # "Victoria, who host South Australia …": the state's side
        type_ = _keep_model_type(body, name, g, type_)
        if type_ == "place" and _unplaced_org(name, g):
            type_ = "org"
        elif type_ == "org" and _placed_city(name, g):
            type_ = "place"
        if _product(body, name, g) if type_ != "org" else _versioned(body, g):
            continue
        if (
            gazetteer.is_demonym(name)
            and not gazetteer.is_known_org(name)  # "Republicans", "Democrats": the parties
            and (type_ != "person" or _doubtful_person(name, g))
        ):
            continue
        if _group_of_people(name, g):
            continue
        if common_word(body, name, g):
            continue
        if type_ == "person" and introduces and _unintroduced(name, g):
            # No one, so what the other evidence says if it says as much ("Sulu" as a
            # person and a place, "the Kaisa coalition" as a person and an org).
            rival = max((t for t in scores if t != "person"), key=scores.__getitem__)
            if scores[rival] < score or not g.votes[_STRONG_KEY[rival]]:
                continue
            type_ = rival
        if g.shared_surname:
            # Left alone, not guessed: "Beridze" when Tamar and Nino Beridze are both in the
            # story. Listing it would add a third, unreal person to the sidebar and registry.
            continue
        types[key] = type_  # type: ignore[assignment]
    return types


#: spaCy's own labels (what the model said) and the resolver's labels that are evidence.
_MODEL_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG"})
_STRONG_LABELS = frozenset({"PLACE", "GAZETTEER"})


def _unmentioned(body: str, g: Group, taken: tuple[list[int], list[int]]) -> list[Mention]:
    """Where the article writes one of the group's names of two words or more and the model
    tagged nothing: "the Viv Ansanm coalition" untagged, "Viv Ansanm, an alliance" tagged as a
    person. What the sentence says of the name there says as much of the same name."""
    out = []
    for text in set(g.texts(body)):
        if " " not in text:
            continue
        for pos in written_alone(body, text):
            if not _overlaps(taken, pos, pos + len(text)):
                out.append(Mention(pos, pos + len(text), "FOUND"))
    return out


def _overlaps(taken: tuple[list[int], list[int]], start: int, end: int) -> bool:
    """Does [start, end) overlap a mention? `taken` holds the sorted starts and, for each,
    the furthest end of any mention starting there or before."""
    starts, reach = taken
    i = bisect_left(starts, start)
    return (i < len(starts) and starts[i] < end) or (i > 0 and reach[i - 1] > start)


#: Where a name is only ever placed: "in", "near" … in lowercase, never after what one has in
#: someone ("confidence in", "a stake in") nor before a possessive ("in Tom Ruiz's view").
_PLACED_BEFORE = re.compile(r"\b(?:in|near|outside|across|throughout|inside|within) $")
_IN_THE = re.compile(
    r"\b(?:in|into|to|near|across|around|throughout|[Rr]esidents of|[Pp]eople of) the $"
)
_HELD_IN = re.compile(
    r"\b(?:confidence|faith|trust|belief|interest|stakes?|shares?|invest\w*|role|roles|part"
    r"|starring|starred|stars) $"
)


def _placed(body: str, m: Mention) -> bool:
    x = _PLACED_BEFORE.search(body, max(0, m.start - 12), m.start)
    return (
        x is not None
        and _HELD_IN.search(body, max(0, x.start() - 14), x.start()) is None
        and POSSESSIVE_AFTER.match(body, m.end) is None
    )


def _keep_model_type(body: str, name: str, g: Group, winner: EntityType) -> EntityType:
    """Only evidence overrides the model on a full name: "Julian Assange" stays a person
    when nothing but context words ("in", "said", a list) voted for another type."""
    if " " not in name:
        return winner
    model = {t: g.votes[_MODEL_KEY[t]] for t in ENTITY_TYPES}
    said = max(model, key=model.__getitem__)
    if said == "person" and g.votes["unlike_person"]:
        return winner  # "Valencia CF" is no one's name, whatever the model said
    labelled = sum(model.values())
    if not labelled or said == winner or model[said] * 2 <= labelled:
        return winner
    if winner == "person" and g.labels()["PERSON"] >= model[said]:
        return winner  # the model itself wrote the surname alone as a person
    if _short_form_labels(body, name, g, winner) >= max(3, 2 * model[said] + 1):
        # ... or wrote the name's opening words as the winner's type, again and again
        # ("Tumaini Pay" once as PERSON, "Tumaini" four times as ORG)
        return winner
    return winner if g.votes[_STRONG_KEY[winner]] > 0 else said


_WINNER_LABELS: dict[str, tuple[str, ...]] = {"org": ("ORG",), "place": ("GPE", "LOC")}


def _short_form_labels(body: str, name: str, g: Group, winner: EntityType) -> int:
    """How often the model gave the winner's type to the opening words of the name alone
    ("Tumaini" of "Tumaini Pay"), never its last (a surname's possessive reads as ORG:
    "Okonjo-Reyes's firm")."""
    labels = _WINNER_LABELS.get(winner, ())
    return sum(
        1 for m in g.mentions if m.label in labels and name.startswith(body[m.start : m.end] + " ")
    )


def _unplaced_org(name: str, g: Group) -> bool:
    """A "place" nothing places: the gazetteer does not know it, no place word or phrase
    ("the town of", "X province") or most of its sentences ("farmers in Lumle") back it, and
    the model itself called it an organisation in a third or more of its mentions ("within
    Scientology" as LOC, "members of Scientology" as ORG). Such a name is an organisation the
    model half read as a location."""
    if g.country or g.votes["strong_place"] or g.votes["place_cue"]:
        return False
    if g.votes["placed"] >= max(2, len(g.mentions) / 2):
        return False  # "in Lumle" at most mentions; "in Scientology" at a few of many
    if gazetteer.is_place(name) or gazetteer.city_population(name):
        return False
    labels = g.labels()
    org = labels["ORG"]
    return org >= 2 and org * 3 >= org + labels["GPE"] + labels["LOC"]


def _placed_city(name: str, g: Group) -> bool:
    """An "organisation" only the model's labels make one, that the gazetteer knows as a town
    and a sentence places ("in Hinche", "Banja Luka's mayor … in Banja Luka"): the town."""
    if g.votes["strong_org"] or g.votes["club"] or any(m.org_word for m in g.mentions):
        return False
    return bool((g.votes["placed"] or g.votes["place_cue"]) and gazetteer.city_population(name))


def _group_of_people(name: str, g: Group) -> bool:
    """Only ever a nationality, creed or party to the model ("German", "Czech", "Romans",
    "San Franciscans"): no entity of ours unless the name itself is one the gazetteer knows
    (a country, a region, a city, a well-known organisation: "Houthis") or a place phrase frames it
    ("the X district"). Context words and a town of that name are not enough."""
    if any(m.label != "NORP" for m in g.mentions):
        return False
    if g.country or gazetteer.is_place(name) or gazetteer.is_known_org(name):
        return False
    if (" " in name or g.votes["placed"]) and gazetteer.is_region(name):
        return False  # "Central Luzon", or a region a sentence places ("townships in Cavite")
    if gazetteer.main_city_population(name) >= 100_000:  # "Aleppo", the model's slip
        return False
    if g.votes["strong_place"] and gazetteer.city_population(name) >= 100_000:
        return False  # "routes to Tampere, Split and Aarhus": a city among places
    if any(m.place_word or m.org_word for m in g.mentions):
        return False
    if g.votes["strong_person"] and not gazetteer.is_demonym(name):
        return False  # "goalkeeper Wahyudi": a title or a trade before it makes it someone
    return not (g.votes["place_cue"] and g.votes["strong_place"])


def _unintroduced(name: str, g: Group) -> bool:
    """A one-word "person" nothing else marks: never given a full name (linking would have
    joined it), never titled, quoted, described or referred back to. News introduces people;
    such a word is far more often a company, party, club or venue the model misread
    ("Stagecoach", "Golkar", "Olympiacos")."""
    return (
        " " not in name
        and "-" not in name
        and not g.votes["person_cue"]
        and not any(m.titled for m in g.mentions)
    )


def _doubtful_person(name: str, g: Group) -> bool:
    """Is a demonym that won the person vote ("Afghan") really the group, not someone?"""
    # Without a title or a role beside it, a lone demonym ("Afghan") names a nationality.
    return not g.votes["person_cue"]


def _someone_in_full(name: str, votes: Mapping[str, float]) -> bool:
    """ "Chidi Okonkwo" with "Okonkwo scored" beside a result: the model read the full name as
    a person, and as nothing else, so the match verbs around the surname make no club of it
    (a club the lists know excepted)."""
    return (
        votes["model_person"] > 0
        and not votes["model_org"]
        and not votes["model_place"]
        and not gazetteer.is_known_org(name)
        and not sportsnames.is_club(name)
    )


def _only_a_side(name: str, g: Group) -> bool:
    """Is a town or a state the match report plays as a team never placed in the article (no
    "in X", no "the town of X")? Then it is only the side, however well known the place:
    "Victoria, who host South Australia", "Toronto defenceman Erik …". Not a country or a
    home nation (its side is the place, by the lists' convention) nor a national capital,
    which news writes for its government ("the semi-final against Suva"), unless a state or
    region has the name too ("Victoria", "Madrid")."""
    return not (
        g.votes["placed"]
        or g.votes["place_cue"]
        or gazetteer.country(name)
        or name in nations()
        or (gazetteer.is_capital(name) and not gazetteer.is_region(name))
    )


def _plural(name: str) -> bool:
    """Is a one-word name the plural of an English noun that no list holds as someone's name
    ("Dragons", "Ospreys"; not "Banks")? Such a side's name is no person's, whatever the model
    read ("Dragons beat Zebre")."""
    return (
        name.endswith("s")
        and " " not in name
        and commonwords.is_word(name[:-1])
        and not personnames.listed_name(name)
    )


def _is_person_named(g: Group) -> bool:
    """Did the model (or a cue the layer read: "said Sunday Ekpo") call this a person in most
    of its mentions ("Ward scored")?"""
    labels = g.labels()
    return (labels["PERSON"] + labels["CUED"]) * 2 > sum(labels.values())
