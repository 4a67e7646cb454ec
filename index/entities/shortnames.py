"""Short names within one article: which shorter name is a way of writing a longer one.

"Assad" is Bashar al-Assad, "Salvation Government" the Syrian Salvation Government, "Hynix"
SK Hynix Inc. and "the Assembly" the National Assembly; but "Hezbollah" is not Kataib
Hezbollah, "Kurdistan" not the Kurdistan Regional Government, and a surname two people of the
article share joins neither (`link_short_names`).
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer, personnames
from .clean import CONNECTORS, known_place_name
from .groups import NICKNAME, Group, _contains, _is_person
from .keys import entity_key
from .nameforms import known_place_or_region
from .nicknames import team_plural
from .personlinks import given_alone, institution_named_for, person_shaped_words, speaks
from .subbodies import OF_WORDS, SCOPES, body_of_its_own


def link_short_names(body: str, groups: dict[str, Group]) -> None:
    """Merge each short name into the one longer name that contains it, if exactly one does."""
    words = {k: _bare_words(body, g) for k, g in groups.items()}
    _join_nicknamed(groups, words)
    # which groups hold each word: a name's candidates are among those holding its first word
    holding: dict[str, set[str]] = {}
    for k, ws in words.items():
        for w in ws:
            holding.setdefault(w, set()).add(k)
    for key in sorted(groups, key=lambda k: len(words[k])):
        if key not in groups:
            continue
        short = words[key]
        g = groups[key]
        if g.country and g.labels().most_common(1)[0][0] != "PERSON":
            continue
        holders = holding.get(short[0], set()) if short else set()
        # (the name itself holds its first word: with no other holder there is no candidate)
        candidates = (
            [
                k
                for k in groups
                if k in holders
                and k != key
                and len(words[k]) > len(short)
                and _contains(words[k], short)
            ]
            if len(holders) > 1
            else []
        )
        candidates = [
            k
            for k in candidates
            if not any(_contains(words[k], words[o]) for o in candidates if o != k)
        ]
        if len(candidates) > 1:
            narrowed = _surname_of(short, g, candidates, groups, words)
            # "Linden Hollow" beside "Linden Hollow Elementary" and a "Linden Hollow Forever"
            # group: the school, which adds only its kind
            named = [k for k in candidates if institution_named_for(short, words[k], g)]
            candidates = (
                narrowed if len(narrowed) == 1 else named if len(named) == 1 else candidates
            )
        if len(candidates) != 1:
            g.shared_surname = len(candidates) > 1 and all(
                _is_person(groups[k]) and words[k][-1] == short[-1] for k in candidates
            )
            first = _first_met(g, candidates, groups) if g.shared_surname else None
            if first is None:
                continue
            candidates = [first]
        target = candidates[0]
        if not team_plural(body, short, words[target], g, groups[target]) and not _may_link(
            short, words[target], g, groups[target], _courtesy(body, g) or speaks(body, g)
        ):
            continue
        if _city_beside_its_region(body, short, words[target], g):
            continue
        g.shared_surname = False
        groups[target].mentions.extend(g.mentions)
        del groups[key]


def _city_beside_its_region(body: str, short: list[str], long: list[str], g: Group) -> bool:
    """ "ANTOFAGASTA —" beside "the Antofagasta Region", "Kericho town" beside "Kericho
    County": a name the article also gives a city (in capitals, as a dateline writes it, or
    "… city") is the city, a place of its own beside the region named after it."""
    return (
        len(long) == len(short) + 1
        and long[-1] in _ADMIN_WORDS
        and any(
            (len(short) == 1 and m.end - m.start > 3 and body[m.start : m.end].isupper())
            or _CITY_AFTER.match(body, m.end) is not None
            for m in g.mentions
        )
    )


_CITY_AFTER = re.compile(r" (?:city|town)\b")


def _bare_words(body: str, g: Group) -> list[str]:
    """The words of a group's longest name, without a nickname quoted inside it: "Ronaldo
    'Bong' Dimaculangan" is written "Ronaldo Dimaculangan" too."""
    longest = max(g.texts(body), key=lambda t: len(entity_key(t)))
    if '"' in longest or "“" in longest:  # (a nickname is quoted: most names have none)
        return entity_key(NICKNAME.sub(" ", f" {longest} ")).split()
    return entity_key(longest).split()  # (the key just read: spaces around it change none)


def _join_nicknamed(groups: dict[str, Group], words: dict[str, list[str]]) -> None:
    """A person named once with a nickname inside the name and once without is one person."""
    by_words: dict[tuple[str, ...], list[str]] = {}
    for k, w in words.items():
        if _is_person(groups[k]):
            by_words.setdefault(tuple(w), []).append(k)
    for keys in by_words.values():
        if len(keys) == 2:
            keep, other = sorted(keys, key=len, reverse=True)
            groups[keep].mentions.extend(groups.pop(other).mentions)


def _first_met(g: Group, candidates: list[str], groups: dict[str, Group]) -> str | None:
    """Of several people sharing a surname, the one a reader had met when the surname was
    first used alone: "Ahmed Mohamed … Mohamed said … his father Mohamed El-Hassan Mohamed"
    makes "Mohamed" Ahmed. None when the bare surname first comes after two of them were
    introduced ("Tamar and Nino Beridze … Beridze"), which no reader can resolve."""
    starts = sorted((min(m.start for m in groups[k].mentions), k) for k in candidates)
    bare = min(m.start for m in g.mentions)
    return starts[0][1] if starts[0][0] < bare < starts[1][0] else None


def _surname_of(
    short: list[str],
    g: Group,
    candidates: list[str],
    groups: dict[str, Group],
    words: dict[str, list[str]],
) -> list[str]:
    """Of several longer names holding a one-word name the model calls a person, the people
    it is the surname of: "Warhol" beside "Andy Warhol", "Warhol Factory" and "Warhol
    Polaroid" is Andy Warhol; the names that only use it as a modifier do not compete. When it
    ends no person's name, or several (two people sharing a surname), nothing changes."""
    labels = g.labels()
    if len(short) != 1 or labels["PERSON"] * 2 <= sum(labels.values()):
        return candidates
    people = [k for k in candidates if words[k][-1] == short[0] and _is_person(groups[k])]
    others = [k for k in candidates if words[k][-1] != short[0]]
    return people if people and len(people) + len(others) == len(candidates) else candidates


def _courtesy(body: str, g: Group) -> bool:
    """Is the name written after a courtesy title somewhere ("Dr Reyes said")? Only a
    person's surname is: the model, which often leaves the title outside its span, may have
    called the name a place or an organisation."""
    return any(_COURTESY_BEFORE.search(body, max(0, m.start - 7), m.start) for m in g.mentions)


_COURTESY_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.? $")


def _may_link(
    short: list[str], long: list[str], g: Group, target: Group, courtesy: bool = False
) -> bool:
    """Is `short` a way of writing `long`? People by surname; orgs and places by a fuller part.

    "Assad" is Bashar al-Assad and "Salvation Government" the Syrian Salvation Government; but
    "Hezbollah" is not Kataib Hezbollah, and "Kurdistan" is not the Kurdistan Regional
    Government: a one-word short name joins an org or place only if all that it lacks is
    particles or demonyms.
    """
    if _is_person(target) or person_shaped_words(short, long, g):
        if (
            g.labels().most_common(1)[0][0] != "PERSON"
            and known_place_name(" ".join(short))
            # "Dr Reyes" is Maria Cristina Reyes, and "Derby said" Peter Derby
            and not (courtesy and short[-1] == long[-1])
        ):
            return False  # "Victoria" the city beside "Victoria Lang"
        if g.labels()["PLACE"] and not g.labels()["PERSON"]:
            return False  # "Asad Jatoi, whose family comes from the town of Jatoi"
        if short[-1] == long[-1]:
            return True  # a surname
        if len(short) >= 2 and len(long) == len(short) + 1 and long[: len(short)] == short:
            return True  # "Luis Alfredo Quishpe" of "… Quishpe Tenesaca": one surname of two
        if (
            len(short) == 1
            and len(long) >= 3
            and short[0] in long[1:-1]
            and short[0] not in CONNECTORS
            and g.labels()["PERSON"] + g.votes["person_cue"] > 0
        ):
            # "Cevallos" of "Fernanda Cevallos Andrade", "Luján" of "María Fernanda Luján
            # Ortega": the first of two surnames; "Teo" of "Daniel Teo Chee Keong": a Chinese
            # surname between a Christian name and the given name's syllables
            return True
        # "Xi" of "Xi Jinping": a one-word name that starts exactly one person's full name
        # (surname-first names, or a first name used alone) and is written as a person.
        if (
            len(short) == 1
            and 2 <= len(long) <= 3
            and long[0] == short[0]
            and (g.labels()["PERSON"] + g.votes["person_cue"] > 0 or given_alone(short[0], g))
            and not any(w in gazetteer.ORG_WORDS for w in long)  # "Valencia" of "Valencia CF"
        ):
            return True
        if _is_person(target):
            return False
        # Read as a person, but what it is part of is an organisation ("Serra Verde" of "Serra
        # Verde Commodities"): the organisation's rules below decide.
    if (
        long[: len(short)] == short
        and all(w in DESIGNATORS or w in TRADE_WORDS for w in long[len(short) :])
        and not (g.labels()["GPE"] + g.labels()["LOC"])
    ):
        return True  # "Serra Verde" (a town too) of "Serra Verde Commodities", not read as a place
    governs = any(w in _GOVERNED for w in long) and gazetteer.is_known_org(" ".join(long))
    if (governs or any(w in gazetteer.ORG_WORDS for w in long)) and known_place_name(
        " ".join(short)
    ):
        # "South Carolina" stays a place beside "University of South Carolina", and "Cape Town"
        # beside the "City of Cape Town" that governs it
        return False
    if _company_word(short, long):
        return True  # "Hynix" of "SK Hynix Inc.", "Galicia" of "Grupo Financiero Galicia SA"
    if g.labels().most_common(1)[0][0] == "PERSON" and len(short) == 1:
        # "Merapi" read as someone is the volcano "Mount Merapi" names; a surname is never
        # "Jackson County", and a name some list holds ("Vernon" beside "Mount Vernon") or
        # said of someone stays a person
        return (
            long[0] in _PLACE_HEADS
            and same_place(short, long)
            and not g.country
            and not personnames.listed_name(short[0])
            and not g.votes["person_cue"]
        )
    i = next(i for i in range(len(long)) if long[i : i + len(short)] == short)
    lacking = long[:i] + long[i + len(short) :]
    if founded_by(" ".join(short), " ".join(long)):
        return False  # "Novo Nordisk" beside the "Novo Nordisk Foundation": two bodies
    if any(w in gazetteer.COMPASS for w in lacking):
        return False  # "Los Angeles" is not East Los Angeles, nor "Korea" North Korea
    if (
        i
        and long[i - 1] in OF_WORDS
        and long[0] not in _STATE_FORMS
        and known_place_or_region(" ".join(short))
    ):
        return False  # "Santa Cruz" is not the "Cámara … de Santa Cruz" named after it
    if len(short) >= 2 and body_of_its_own(short, long, i):
        return False
    if len(short) >= 2:
        # "Ardent Foundation" of "Ardent Foundation for the Visual Arts": an org's name cut
        # where its "for/of …" qualifier starts.
        qualified = (
            i == 0
            and short[-1] in gazetteer.ORG_WORDS
            and long[len(short)] in ("for", "of", "on", "in")
        )
        return (
            qualified
            or institution_named_for(short, long, g)
            or all(
                w in CONNECTORS or gazetteer.is_demonym(w) or gazetteer.is_place(w) for w in lacking
            )
            or i + len(short) == len(long)
            # "Serra Verde" of "Serra Verde Commodities": a company without its trade
            or (i == 0 and all(w in DESIGNATORS or w in gazetteer.ORG_WORDS for w in lacking))
        )
    if same_place(short, long):
        # "Lamu" of "Lamu County", "Roxas" of "Roxas City", "Merapi" of "Mount Merapi"; never
        # "Iowa" of the "Iowa State" the model reads as an organisation (a university, its team)
        # unless the lists hold it as a place ("the Alaba International Market").
        return target.labels().most_common(1)[0][0] != "ORG" or known_place_name(" ".join(long))
    if (
        i == 0
        and all(w in gazetteer.ORG_WORDS for w in lacking)
        and not known_place_or_region(" ".join(short))
        and not commonwords.is_word(" ".join(short))
    ):
        return True  # "Karolinska" of "Karolinska Institutet", a word no town bears
    if i == 0 and lacking[-1] in DESIGNATORS:
        # "Samsung" of "Samsung Electronics Co.", "Apple" of "Apple Inc.": a company by the
        # first word of its registered name, when the rest is its line of business and form.
        return all(w in DESIGNATORS or w in gazetteer.ORG_WORDS or w in CONNECTORS for w in lacking)
    if (
        i == len(lacking)
        and gazetteer.is_known_org(" ".join(long))
        and known_place_name(" ".join(lacking))
        and not known_place_or_region(" ".join(short))
    ):
        return True  # "Blades" of the "Saskatoon Blades": a listed club by its nickname
    if len(short) == 1 and short[0] in _CHAMBERS and lacking:
        # "the Senate" of the "Federal Senate", "Congress" of the "Indian National Congress"
        return all(
            w in CONNECTORS or w in SCOPES or gazetteer.is_demonym(w) or known_place_name(w)
            for w in lacking
        )
    return all(w in CONNECTORS or gazetteer.is_demonym(w) for w in lacking)


#: A state's own long name, which is the place: "Republic of Sierra Leone".
_STATE_FORMS = frozenset(
    {"republic", "kingdom", "state", "commonwealth", "federation", "principality", "sultanate"}
)


#: Bodies a report names by the kind word alone after their full name.
#: ("Council" alone is no name at all: `nonnames.KINDS_ALONE`.)
_CHAMBERS = frozenset(
    {"senate", "assembly", "congress", "parliament", "legislature", "court"}
    | {"commission", "tribunal", "cabinet", "senedd", "duma", "knesset", "majlis", "diet"}
)


#: Bodies a company or a movement founds, which are not it: "… Foundation", "… Institute".
_BODIES_OF_THEIR_OWN = frozenset(
    {"foundation", "trust", "institute", "university", "hospital", "museum", "prize", "award"}
    | {"school", "college", "academy", "charity", "fund", "stadium", "arena", "centre", "center"}
)


def founded_by(short: str, long: str) -> bool:
    """Is `long` a body that the known organisation `short` founded or owns, and not `short`
    written in full? "Novo Nordisk" beside the "Novo Nordisk Foundation", a dairy company
    beside the shareholders' fund named after it: the longer name adds a kind of body of its
    own, and the lists know the shorter name as an organisation by itself."""
    words = entity_key(long).split()
    mine = entity_key(short).split()
    return any(
        w in _BODIES_OF_THEIR_OWN for w in words if w not in mine
    ) and gazetteer.is_known_org(" ".join(mine))


#: What a region's full name adds to the name news also writes alone.
_ADMIN_WORDS = frozenset(
    {"county", "province", "region", "state", "district", "department", "prefecture"}
    | {"oblast", "territory"}  # never "municipality" nor "governorate": its council (namevotes)
)
#: What else a place's full name adds after the name news also writes alone: "Roxas City",
#: "Tawila Camp", "Alaba International Market"; and what it puts before it: "Mount Merapi",
#: "Greater Sudbury". Never "Lake" or "River": "Lake Victoria" is not the city of Victoria.
_PLACE_TAILS = _ADMIN_WORDS | {"city", "town", "camp", "bazaar", "market", "international"}
_PLACE_HEADS = frozenset({"mount", "mt", "greater"})


def same_place(short: list[str], long: list[str]) -> bool:
    """Is the place of key words `short` the one `long` names in full ("roxas" of "roxas
    city", "merapi" of "mount merapi")? The caller makes sure `short` is no country:
    "Mexico" is not Mexico City. Nor is a state or a province its namesake city ("Quebec"
    and "Quebec City", "Cebu" and "Cebu City")."""
    n = len(short)
    if len(long) <= n:
        return False
    if long[:n] == short:
        tails = long[n:]
        if any(w in ("city", "town") for w in tails) and gazetteer.is_region(" ".join(short)):
            return False
        return all(w in _PLACE_TAILS for w in tails)
    return len(long) == n + 1 and long[1:] == short and long[0] in _PLACE_HEADS


#: What a company trades in, closing its registered name ("… Commodities", "… Mining").
TRADE_WORDS = frozenset(
    {"commodities", "trading", "mining", "minerals", "metals", "resources", "logistics"}
    | {"shipping", "foods", "pharma", "farma", "capital", "ventures", "investments", "energy"}
    | {"securities", "insurance", "telecom", "telecoms", "properties", "realty", "lithium"}
)
#: The legal forms that close a company's registered name, casefolded, without their dots
#: ("S.A." is "sa"); `seams._two_firms` splits two firms each closed by one.
LEGAL_FORMS = frozenset(
    {"co", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "plc", "ag"}
    | {"sa", "se", "nv", "gmbh", "spa", "bhd", "oyj", "asa", "ab", "aş", "as", "pty", "tbk"}
    | {"jsc", "pjsc", "kk", "llp", "lp", "sarl", "bv", "oy", "pte", "sas", "srl", "sl"}
)
#: A company's legal form and the words that stand beside it in a registered name. (Not the
#: four forms the firm splitter added later, "pte", "sas", "srl" and "sl": the votes that
#: read this list were measured without them.)
DESIGNATORS = (
    (LEGAL_FORMS - {"pte", "sas", "srl", "sl"})
    | {"s.a", "holdings", "group", "company"}
    | {"electronics", "motor", "motors", "international", "industries", "pharmaceuticals"}
)


def _company_word(short: list[str], long: list[str]) -> bool:
    """The one distinctive word of a registered company name, used alone: the name ends in a
    legal form, and the word is its last before the form and names no country."""
    if len(short) != 1 or len(long) < 3 or long[-1] not in DESIGNATORS:
        return False
    core = [w for w in long if w not in DESIGNATORS and w not in CONNECTORS]
    return bool(core) and core[-1] == short[0] and not gazetteer.country(short[0])


#: Words of a local government's name around its place's: "City of Cape Town", "eThekwini
#: Metropolitan Municipality".
_GOVERNED = frozenset({"municipality", "municipal", "metropolitan", "city", "county", "borough"})
