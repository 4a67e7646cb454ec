"""Within one article, the votes one group's neighbours cast for its type.

A name right after a person and "of" is what the person belongs to ("Daniel Fraser of Civic
Victoria"), the members of one enumeration share a type ("Faber, Granta and Fitzcarraldo
Editions"), a lone word paired with a place leans to a place ("from Ma’an to Udhruh and
Shobak"), and a "person" listed after a place's preposition among places only, or at a route's
end, is a place ("near Newman and Tom Price", "from Wairoa to Hastings"). Called by
`localvote.vote_types` once every group has its own votes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from . import gazetteer, personnames
from .contextwords import NEXT_PLACE_NOUN
from .groups import Group

_LIST_GLUE = re.compile(r"^(?:\s*,\s*|,?\s+(?:and|or)\s+)$")
_PAIR_GLUE = re.compile(r"\s(?:and|or)\s+$")
#: The kind of place a whole enumeration names, after its last member: "Kano, Kaduna and
#: Katsina states", "Hang Dao and Hang Ngang streets"; not "camps", "markets" or "regions",
#: which candidates, firms and clouds have too ("the Sunak and Truss camps"), nor "states"
#: as a verb ("Haddad and Kowalski states that").
_PLACES_AFTER = re.compile(
    r" (?:streets|roads|avenues|lanes|districts|provinces|states|counties|villages|towns"
    r"|cities|islands|rivers|wards|neighbou?rhoods|suburbs|municipalities|governorates"
    r"|townships|communes|valleys|lakes|oblasts|prefectures|sub-?counties|sub-?districts"
    r"|upazilas|hromadas|sectors|territories|(?:informal )?settlements|beaches|dams|reservoirs"
    r"|mines|areas)\b(?! (?:that|the|a|an)\b)"
)


#: A place's preposition right before an enumeration: "near X and Y", "in X, Y and Z",
#: "neighbourhoods such as X and Y".
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|near|outside|around|across|between|from|to|including|such\s+as)\s+$"
)
#: What never follows an enumeration of places: a possessive or speech ("in Lyon and Marie
#: Dubois said", "… and Marie Dubois's flat"): the last name is someone's.
_SOMEONES_AFTER = re.compile(
    r"[’']s?\b|,?\s+(?:said|says|told|tells|added|adds|wrote|writes|asked|replied|insisted)\b"
)


def _placed_like_the_rest(
    groups: dict[str, Group], names: dict[str, str], leaders: dict[str, str], run: list[str]
) -> None:
    """ "mines near Karratha and Tom Price", "farms in Bekwai, Jack Town and Obuasi", "moved
    from Wairoa to Hastings": in an enumeration a place's preposition opens, or a route, a
    name the model read as a person is a place too when every other member is one and
    nothing marks it as someone (no title, role, quote or age). The shape of its words is no
    evidence against that: towns bear people's names."""
    keys = set(run)
    for key in keys:
        g = groups[key]
        others = keys - {key}
        if (
            leaders.get(key) != "person"
            or g.votes["person_cue"]
            or any(m.titled for m in g.mentions)
            or not others
            or any(leaders.get(o) != "place" for o in others)
            or not any(_surely_placed(groups[o], names[o]) for o in others)
        ):
            continue
        g.votes["place"] += g.votes["person"] + 2
        g.votes["strong_place"] += 1


def _surely_placed(g: Group, name: str) -> bool:
    """Is a place so on evidence (a place word or cue, the gazetteer), not on its label only?"""
    return bool(
        g.country
        or g.votes["strong_place"]
        or gazetteer.is_place(name)
        or gazetteer.city_population(name)
    )


def _same_family(name: str, other: str) -> bool:
    """Two full names with one surname, paired by "and": two of a family."""
    mine, theirs = name.split(), other.split()
    return len(mine) >= 2 and len(theirs) >= 2 and mine[-1] == theirs[-1]


def _couple(name: str, other: str) -> bool:
    """ "Terry and Jan Bloomfield": a given name alone, paired with a full name that opens
    with a given name, is two people of one family, the surname written once."""
    one, full = (name, other) if " " not in name else (other, name)
    words = full.split()
    return (
        " " not in one
        and len(words) >= 2
        and personnames.given_name(one)
        and personnames.given_name(words[0])
    )


_AFFILIATION = re.compile(r" of (?:the )?$")


def _placed_by_its_words(name: str) -> bool:
    """ "Barangay Bagong Silang", "Kampung Baru": a village's kind opens the name (a
    barangay's captain "of" her barangay)."""
    words = name.casefold().split()
    return len(words) > 1 and words[0] in _VILLAGE_KINDS


_VILLAGE_KINDS = frozenset({"barangay", "brgy.", "sitio", "purok", "kampung", "desa"})


def affiliation_votes(body: str, groups: dict[str, Group], names: dict[str, str]) -> None:
    """ "Daniel Fraser of Civic Victoria", "Fraser of the Harbour Party": a name right after a
    person and "of" is what the person belongs to, an organisation, unless the gazetteer knows
    it as a place ("Catherine of Aragon") or a title marks it as a person itself."""
    ends = {m.end: key for key, g in groups.items() for m in g.mentions}
    for key, g in groups.items():
        name = names[key]
        if g.country or g.votes["person_cue"] or gazetteer.is_place(name):
            continue
        if gazetteer.city_population(name) or _placed_by_its_words(name):
            continue
        for m in g.mentions:
            x = _AFFILIATION.search(body, max(0, m.start - 8), m.start)
            before = ends.get(x.start()) if x else None
            if before is None or before == key or NEXT_PLACE_NOUN.match(body[m.end : m.end + 40]):
                continue  # "Chief Hawa Kpaka of Tikonko chiefdom" is of a place
            prev = groups[before].votes
            if prev["person"] > max(prev["place"], prev["org"]):
                g.votes["org"] += 3  # as strong as an org word in the name ("Party")
                g.votes["strong_org"] += 1
                break


def list_votes(body: str, groups: dict[str, Group], names: dict[str, str]) -> None:
    """Members of one enumeration ("Kataib Hezbollah, Al-Nujaba and ...") share a type."""
    owner = {}
    for key, g in groups.items():
        for m in g.mentions:
            owner[(m.start, m.end)] = key
    spans = sorted(owner)
    runs: list[list[str]] = []
    pairs: list[list[str]] = []
    placed_lists: list[list[str]] = []  # what a place's preposition opens: "near X and Y"
    run: list[str] = []
    closed = False  # an "and" or "or" ends a list: "Hunan and Hubei, Lin Zexu" is no list
    first = 0  # where the run's first member starts
    for prev, cur in itertools.pairwise([*spans, (len(body) + 1, len(body) + 1)]):
        if not run:
            run, closed, first = [owner[prev]], False, prev[0]
        glue = body[prev[1] : cur[0]]
        if (
            glue == " to "
            and cur in owner
            and body.endswith("from ", 0, prev[0])
            and not _SOMEONES_AFTER.match(body, cur[1])
            # (a full name shaped like someone's is where money or a letter went: "wired from
            # Lagos to Emeka Okafor"; a route's town is rarely one)
            and not any(personnames.person_shaped(names[owner[x]]) for x in (prev, cur))
        ):
            placed_lists.append([owner[prev], owner[cur]])  # "from Wairoa to Hastings"
        if cur in owner and _LIST_GLUE.match(glue) and not (closed and "," in glue):
            run.append(owner[cur])
            closed = _PAIR_GLUE.search(glue + " ") is not None
        else:
            if len(run) >= 3:
                runs.append(run)
            elif len(run) == 2 and _PAIR_GLUE.search(body, max(0, prev[0] - 9), prev[0]):
                pairs.append(run)  # "X and Y", never an apposition "Mecca, Islam's …"
            if (
                len(run) >= 2
                and closed
                and _PLACE_PREPOSITION.search(body, max(0, first - 12), first)
                and not _SOMEONES_AFTER.match(body, prev[1])
            ):
                placed_lists.append(run)
            if len(run) >= 2 and _PLACES_AFTER.match(body, prev[1]):
                for key in set(run):  # "along Hang Dao, Hang Ngang and Hang Duong streets"
                    if gazetteer.is_known_org(names[key]):
                        continue  # "Shell and Chevron …"
                    groups[key].votes["place"] += 5
                    groups[key].votes["strong_place"] += 1
            run = []
    leaders = {}
    for k, g in groups.items():
        scores = {t: g.votes[t] for t in ("person", "place", "org")}
        best = max(scores, key=scores.__getitem__)
        if scores[best] > 0:
            leaders[k] = best
    for run in runs:
        for key in set(run):
            lent: Counter[str] = Counter()
            for o in run:
                if o != key and o in leaders:
                    # A member typed on evidence ("Fitzcarraldo Editions") lends more than
                    # one the model merely labelled ("Granta").
                    lent[leaders[o]] += 2 if groups[o].votes["strong_" + leaders[o]] else 1
            for type_, n in lent.items():
                groups[key].votes[type_] += min(n, 3)
    # "from Ma'an to Udhruh and Shobak": a lone word with nothing that marks a person, paired
    # with a place, is a place too (a pair of people keeps its people: both are cued or named
    # in full).
    for a, b in pairs:
        for key, other in ((a, b), (b, a)):
            g = groups[key]
            if (
                key != other
                and leaders.get(other) == "person"
                and _same_family(names[key], names[other])
            ):
                g.votes["person"] += 2  # "brothers Jhon Arboleda and Wilmer Arboleda"
                g.votes["strong_person"] += 1
                continue
            if key != other and _couple(names[key], names[other]):
                g.votes["person"] += 2  # "owners Terry and Jan Bloomfield"
                g.votes["strong_person"] += 1
                continue
            if (
                key != other
                and leaders.get(other) == "place"
                and " " not in names[key]
                and not g.votes["person_cue"]
                and not gazetteer.is_known_org(names[key])  # "Israel and Hamas"
            ):
                g.votes["place"] += 1
    # last: what a place's preposition opens outweighs what the pair's shapes said above
    for run in placed_lists:
        _placed_like_the_rest(groups, names, leaders, run)
