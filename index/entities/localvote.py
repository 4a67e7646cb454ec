"""Within one article: the type of each group of mentions, voted over all of them.

Each mention's model label casts a vote; titles, roles, place and org words, the words around a
mention ("the town of X", "X, a spokesman", "In X,"), the gazetteer and the other members of an
enumeration add evidence; what a person is "of" is an organisation ("Daniel Fraser of Civic
Victoria"), and a lone word paired with a place ("Udhruh and Shobak") leans to a place.
Context alone (`context.py`) never flips the type the model gave a full name
(`_keep_model_type`); demonyms, groups of people and sentence-initial common nouns are no
entities.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import ENTITY_TYPES, EntityType
from . import commonwords, gazetteer, personnames
from .clean import Mention
from .context import POSSESSIVE_AFTER, context_votes
from .edges import in_lowercase, sentence_start
from .groups import DESIGNATORS, Group, best_name
from .groupvotes import affiliation_votes, list_votes
from .namewords import COMPASS
from .products import product as _product
from .products import versioned as _versioned
from .spans import Cover

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


def vote_types(body: str, groups: dict[str, Group]) -> dict[str, EntityType]:
    """Each group's type, or no entry when it is not an entity (demonyms, unsupported NORP)."""
    # Voting moves no mention, so each group's name is the same throughout: found once.
    names = {key: best_name(body, g) for key, g in groups.items()}
    taken = Cover(len(body), ((m.start, m.end) for g in groups.values() for m in g.mentions))
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
        for m in g.mentions:
            for type_, weight in _LABEL_VOTES.get(m.label, ()):
                if type_ == "person":
                    weight *= person_weight
                elif m.label == "ORG" and said_person and POSSESSIVE_AFTER.match(body, m.end):
                    weight *= 0.5  # "Duffy's trial" as ORG beside "Duffy" as PERSON
                votes[type_] += weight
                if m.label in _MODEL_LABELS and " " in body[m.start : m.end].strip():
                    votes["model_" + type_] += 1  # what the model said of the full name
                elif m.label in _STRONG_LABELS:
                    votes["strong_" + type_] += 1
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
            context_votes(body, m, votes, acronym=name.isupper())
        for m in _unmentioned(body, g, taken):
            context_votes(body, m, votes, acronym=name.isupper())
        town = bool(gazetteer.city_population(name))
        if votes["the_person"] and votes["the_person"] == len(g.mentions):
            votes["person"] = 0.0  # every mention had "the" before it
        if votes["club"] and not g.country and (town or not _is_person_named(g)):
            votes["org"] += 5  # a town's team: "Liverpool, who drew 0-0 at Everton"
            votes["strong_org"] += 1
        before = {t: votes[t] for t in ENTITY_TYPES}
        _name_votes(name, g, votes)
        for t in ENTITY_TYPES:
            if votes[t] > before[t]:
                votes["strong_" + t] += 1
    affiliation_votes(body, groups, names)
    list_votes(body, groups, names)
    types: dict[str, EntityType] = {}
    # A long article that names its people in full introduces everyone that way; a short
    # excerpt or a results table may say just "Obama" or "Sampras".
    full_names = sum(1 for k, g in groups.items() if g.labels()["PERSON"] and " " in names[k])
    introduces = len(body) >= 1200 and full_names >= 2
    for key, g in groups.items():
        scores: dict[EntityType, float] = {t: g.votes[t] for t in ENTITY_TYPES}
        # A tie goes to the type the name itself shows ("Valencia CF" in a list of places).
        # Then, with no evidence either way, to a place the sentence puts something "in" or
        # "near" ("farmers in Java and Lampung"): as much a place as the model's lone person.
        type_, score = max(
            scores.items(),
            key=lambda kv: (
                kv[1],
                g.votes["strong_" + kv[0]],
                kv[0] == "place" and g.votes["placed"] > 0,
            ),
        )
        if score <= 0:
            continue
        name = names[key]
        type_ = _keep_model_type(name, g, type_)
        if type_ == "place" and _unplaced_org(name, g):
            type_ = "org"
        elif type_ == "org" and _placed_city(name, g):
            type_ = "place"
        if _product(body, name, g) if type_ != "org" else _versioned(body, g):
            continue
        if gazetteer.is_demonym(name) and (type_ != "person" or _doubtful_person(name, g)):
            continue
        if _group_of_people(name, g):
            continue
        if _common_word(body, name, g):
            continue
        if type_ == "person" and introduces and _unintroduced(name, g):
            # No one, so what the other evidence says if it says as much ("Sulu" as a
            # person and a place, "the Kaisa coalition" as a person and an org).
            rival = max((t for t in scores if t != "person"), key=scores.__getitem__)
            if scores[rival] < score or not g.votes["strong_" + rival]:
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


#: Place words that are also surnames ("Chloe Marsh", "Dana Forest", "Ivy Peak").
_FAMILY_PLACE_WORDS = frozenset({"marsh", "forest", "peak", "beach", "creek", "reef", "gorge"})


def _given_and_surname(name: str) -> bool:
    parts = name.split()
    return len(parts) == 2 and personnames.given_name(parts[0]) and personnames.surname(parts[1])


def _unmentioned(body: str, g: Group, taken: Cover) -> list[Mention]:
    """Where the article writes one of the group's names of two words or more and the model
    tagged nothing: "the Viv Ansanm coalition" untagged, "Viv Ansanm, an alliance" tagged as a
    person. What the sentence says of the name there says as much of the same name."""
    out = []
    for text in {t for t in g.texts(body) if " " in t}:
        pos = body.find(text)
        while pos != -1:
            end = pos + len(text)
            if (
                (pos == 0 or not body[pos - 1].isalnum())
                and (end == len(body) or not body[end].isalnum())
                and not taken.overlaps(pos, end)
            ):
                out.append(Mention(pos, end, "FOUND"))
            pos = body.find(text, end)
    return out


def _keep_model_type(name: str, g: Group, winner: EntityType) -> EntityType:
    """Only evidence overrides the model on a full name: "Julian Assange" stays a person
    when nothing but context words ("in", "said", a list) voted for another type."""
    if " " not in name:
        return winner
    model = {t: g.votes["model_" + t] for t in ENTITY_TYPES}
    said = max(model, key=model.__getitem__)
    if said == "person" and g.votes["unlike_person"]:
        return winner  # "Valencia CF" is no one's name, whatever the model said
    labelled = sum(model.values())
    if not labelled or said == winner or model[said] * 2 <= labelled:
        return winner
    if winner == "person" and g.labels()["PERSON"] >= model[said]:
        return winner  # the model itself wrote the surname alone as a person
    return winner if g.votes["strong_" + winner] > 0 else said


def _unplaced_org(name: str, g: Group) -> bool:
    """A "place" nothing places: the gazetteer does not know it, no place word or phrase
    ("the town of", "X province") backs it, and the model itself called it an organisation
    in a third or more of its mentions ("within Scientology" as LOC, "members of Scientology"
    as ORG). Such a name is an organisation the model half read as a location."""
    if g.country or g.votes["strong_place"] or g.votes["place_cue"]:
        return False
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


_REGION_WORDS = frozenset({"state", "region", "province", "territory", "division"})


def _region_named(name: str) -> bool:
    """ "Rakhine State", never "Iowa State" (a US state's name and "State" is its university,
    and the gazetteer already knows "Iowa")."""
    region = name.rsplit(None, 1)[0]
    return gazetteer.is_region(region) and not gazetteer.is_place(region)


def _group_of_people(name: str, g: Group) -> bool:
    """Only ever a nationality, creed or party to the model ("German", "Czech", "Romans",
    "San Franciscans"): no entity of ours unless the name itself is one the gazetteer knows
    (a country, a region, a city, a well-known organisation: "Houthis") or a place phrase frames it
    ("the X district"). Context words and a town of that name are not enough."""
    if any(m.label != "NORP" for m in g.mentions):
        return False
    if g.country or gazetteer.is_place(name) or gazetteer.is_known_org(name):
        return False
    if gazetteer.main_city_population(name) >= 100_000:  # "Aleppo", the model's slip
        return False
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


def _common_word(body: str, name: str, g: Group) -> bool:
    """A lone capitalised word the body also writes in lowercase ("Turnout" / "turnout") is a
    sentence-initial common noun, not a name: unless something marks it as one."""
    if " " in name or "-" in name or name.isupper() or g.country or g.votes["person_cue"]:
        return False
    if name.lower() not in body:  # most names: no regex to build
        # "Turnout was 61 percent": an English word only ever opening a sentence, that no
        # locale uses as a name, is that word capitalised.
        return (
            all(m.label == "PERSON" and sentence_start(body, m.start) for m in g.mentions)
            and commonwords.is_word(name)
            and not personnames.listed_name(name)
            and not gazetteer.is_known_org(name)
            and not gazetteer.city_population(name)
            and not gazetteer.is_place(name)
        )
    return in_lowercase(body, name)


def _compass_place(name: str) -> bool:
    """A direction before a place the gazetteer knows: "South Caucasus", "Northern Kivu"."""
    first, _, rest = name.partition(" ")
    return (
        first.casefold() in COMPASS
        and bool(rest)
        and (gazetteer.is_place(rest) or gazetteer.city_population(rest) >= 100_000)
    )


def _name_votes(name: str, g: Group, votes: defaultdict[str, float]) -> None:
    words = [w.strip(".,’'").casefold() for w in name.split()]
    if g.country:
        votes["place"] += 10
        return
    if gazetteer.is_place(name) or _compass_place(name):
        votes["place"] += 3
    elif len(words) >= 2 and words[-1] in _REGION_WORDS and _region_named(name):
        votes["place"] += 4  # "Rakhine State", "Sagaing Region": a region by its full name
    elif " " not in name and gazetteer.is_capital(name) and not votes["strong_person"]:
        votes["place"] += 4  # "Ankara said", "Kigali accused": a government by its capital
    if gazetteer.is_known_org(name) or _club(words) or _registered(words):
        votes["org"] += 3
    elif (
        g.labels()["PERSON"]
        and not votes["strong_person"]  # "spokesman General Moqdad Miri": titled, someone
        and personnames.unlike_a_person(name)
    ):
        # "Paper Lanterns", "Xanh SM": no person, whatever the model said. What else it is,
        # other evidence says ("the indie group …"); with none, it is a film, a product or an
        # event as often as an organisation, and is left out.
        votes["person"] = 0.0
        votes["unlike_person"] = 1
        if gazetteer.city_population(name.split()[0]) and commonwords.plural_noun(words[-1]):
            votes["org"] += 2  # "Sylhet Strikers", "Karachi Kings": a town's team
    elif (
        " " not in name
        and votes["person_cue"]
        and personnames.surname(name)
        and not commonwords.is_word(name)
        and not gazetteer.city_population(name)
    ):
        votes["person"] += 1  # "…, Okonkwo, said": a surname the world uses, and it speaks
    elif personnames.person_shaped(name):
        # A given name the world uses before words that are no English words ("Cristina
        # Villareal"): outweighs one mention the model read as an organisation, not two (firms
        # bear founders' names). A place the gazetteer does not know is rarely named so.
        votes["person"] += 1.25 if g.labels()["ORG"] else 2.0
    if (
        any(w in gazetteer.ORG_WORDS for w in words)
        or (words[-1] == "church" and any(w in gazetteer.DENOMINATIONS for w in words))
        or (len(words) > 1 and words[-1].endswith("works"))  # "Ostrava Glassworks"
    ):
        votes["org"] += 3
    elif words and words[-1] in _FAMILY_PLACE_WORDS and _given_and_surname(name):
        pass  # "Chloe Marsh", "Dana Forest": a place word some families bear
    elif words and words[-1] in gazetteer.PLACE_WORDS and len(words) > 1:
        votes["place"] += 3  # "Ho Chi Minh City", "Tana River": no person's name ends so
    elif words and (words[-1] in gazetteer.PLACE_WORDS or words[0] in gazetteer.PLACE_PREFIXES):
        votes["place"] += 2
    elif (
        len(words) >= 2
        and (gazetteer.is_region(words[-1]) or gazetteer.country(words[-1]))
        and not personnames.listed_name(name.split()[0])
        and not any(commonwords.is_word(w) for w in words[:-1])
    ):
        votes["place"] += 2  # "Castelfranco Veneto", "Reggio Emilia": a town and its region
    elif _acronym(name):
        return
    elif gazetteer.is_region(name) and not gazetteer.city_population(name):
        # A province or county ("Sindh", "Lancashire"): as strong as a mid-sized city
        # against other labels, a tie-breaker against the model's "person".
        votes["place"] += 0.5 if g.labels()["PERSON"] else 3
    elif votes["person_cue"] and not votes["strong_person"] and not g.labels()["PERSON"]:
        # A big city the model calls a place that "declared" or "said" something is its
        # government ("Madrid declared a disaster zone"), not a person.
        if gazetteer.main_city_population(name) >= 1_000_000:
            votes["place"] += 4
    elif not votes["person_cue"]:
        # Named like a city and never titled, described by a role or quoted: the model's
        # "person" guess is weaker than the gazetteer. ("Paris" said something: a person.)
        if not g.labels()["PERSON"]:
            pop = gazetteer.city_population(name)
            votes["place"] += 4 if pop >= 1_000_000 else 3 if pop >= 100_000 else 1.5 if pop else 0
            return
        # Against the model's "person", only a city's own name counts ("Stalin" was one), and
        # only a big city outvotes it: some town bears most surnames and given names
        # ("Clinton", "Alice", "Mishima"); below 100,000 people the town only breaks a tie.
        pop = gazetteer.main_city_population(name)
        votes["place"] += 4 if pop >= 1_000_000 else 1.5 if pop >= 100_000 else 0.25 if pop else 0


def _is_person_named(g: Group) -> bool:
    """Did the model call this a person in most of its mentions ("Ward scored")?"""
    labels = g.labels()
    return labels["PERSON"] * 2 > sum(labels.values())


def _registered(words: list[str]) -> bool:
    """A company's legal form closing the name ("Grupo Financiero Galicia SA", "… AŞ"), or a
    country or region closing a name that is not itself a place ("Creative Wales", "Yiaga
    Africa", "Air France"): no person's name ends so."""
    if len(words) < 2:
        return False
    if words[-1] in DESIGNATORS and words[-1] not in ("group", "international"):
        return True
    whole = " ".join(words)
    return (
        len(words) == 2
        and not personnames.given_name(words[0].capitalize())  # "Michael Jordan"
        and words[0] not in COMPASS
        and words[0] not in ("new", "greater", "upper", "lower", "old", "great")
        and gazetteer.is_place(words[-1])
        and not (gazetteer.is_place(whole) or gazetteer.city_population(whole))
    )


def _club(words: list[str]) -> bool:
    """ "Manchester United", "Dundee United": a town's team (never "United States")."""
    if len(words) < 2 or words[-1] != "united":
        return False
    town = " ".join(words[:-1])
    return gazetteer.city_population(town) > 0 and not gazetteer.is_place(" ".join(words))


def _acronym(name: str) -> bool:
    """ "NPP", "CNN"; not a place written in capitals in a dateline or headline ("AL-AIN",
    "BRUSSELS"), which the gazetteer may still place."""
    return name.isupper() and len(name) < 5 and name.isalpha()
