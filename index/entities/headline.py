"""Entities named only in an article's headline.

A feed entry's headline often names who or where the story is about ("Orlova Meets Tanaka in
Lisbon") while its two-line summary says "the minister" and "the capital". Such names belong
in the article's list. But a Title-Case headline makes the model see names everywhere
("Prisoner Releases", "Rose Hill Residents"), so a headline-only name is taken only with
evidence beyond the model's label:

* a place the gazetteer confirms (a country, a city of 100,000 people, also when a
  sentence-case headline opens with it untagged, or with a compass word before it: "East
  Belfast Glider route …"), or any place the lists know after a word
  that places it ("bushfire near Bunbury", "Cases Surge in Metro Manila", "point for Brighton
  at Villa Park"); any name no dictionary holds before "residents" ("Glenorchy residents to
  get …"); a province's or a state's dotted short form ("B.C. glaciers losing ice");
* a well-known organisation (`gazetteer.is_known_org`);
* a person whose every word is no English word, place, demonym or organisation word (a name
  like "Kestrel Vance" passes, "Rose Hill" and "Biden Signs" do not), and whom the body does
  not already name (a headline "Tanaka" is the body's "Hiro Tanaka").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

from ..model import EntityType
from . import LocalEntity, commonwords, gazetteer, personnames, sportsnames
from .clean import clean
from .keys import entity_key
from .nameforms import plain_word_place
from .ner import RawEntity
from .orgnames import spelling_keys
from .patterns import residents_of
from .possessives import OWNED
from .postal import dotted_forms
from .shortnames import same_place
from .wordlists import SURNAME_PARTICLES

_LABELS = ("GPE", "LOC", "PERSON", "ORG", "NORP")


def headline_entities(
    title: str,
    title_raw: Iterable[RawEntity],
    entities: list[LocalEntity],
    vessels: Collection[str] = (),
) -> list[LocalEntity]:
    """What the headline names that the body's `entities` lack, as entities with no mentions.
    A name the body calls a ship (`vessels`: "the KMP Laura Mendes") is none in the headline
    either ("survivors of the Laura Mendes")."""
    known = {entity_key(n) for e in entities for n in (e.name, *e.aliases)}
    # "EU" in the headline is the body's "European Union"; "JPMorgan Chase" its "JPMorgan
    # Chase & Co.".
    known |= {c for n in spelling_keys(known) if (c := gazetteer.org_canonical(n))}
    # Every word of every name the body gives: a headline surname is a person's, and a
    # headline "Hormuz" is the body's "Strait of Hormuz".
    person_words = {
        w for e in entities for n in (e.name, *e.aliases) for w in entity_key(n).split()
    }
    places = [
        entity_key(n).split()
        for e in entities
        if e.type == "place" and not gazetteer.country(e.name)
        for n in (e.name, *e.aliases)
    ]
    # The first words of the body's organisations: a town names its council, its hospital
    # and its schools ("Whanganui District Council"), a river its basin's bodies at most.
    towns = {entity_key(e.name).partition(" ")[0] for e in entities if e.type == "org"}
    inside = _inside_body_names(title, entities)
    out: list[LocalEntity] = []
    for start, end, label in title_raw:
        if label not in _LABELS:
            continue
        for m in clean(title, start, end, label):
            text = title[m.start : m.end]
            owned = OWNED.match(title, m.end)  # "Hawke" + "'s Bay": a place's own name
            if owned and gazetteer.is_place(whole := title[m.start : owned.end()]):
                text = whole
            if inside(m.start, m.end) or text in vessels:
                continue  # "Rwanda" of the headline's "Rwanda Biomedical Centre"
            found = _place(text) or _org(text) or (_person(text) if label == "PERSON" else None)
            if found is None:
                continue
            type_, name = found
            keys = {entity_key(name), entity_key(text)}
            keys |= {c for c in map(gazetteer.org_canonical, (name, text)) if c}
            if not known.isdisjoint(keys):
                continue
            if type_ == "org" and any(
                k.startswith((f"{entity_key(text)} ", f"{entity_key(text)}s ")) for k in known
            ):
                continue  # the body's fuller name of it ("Moody's" of "Moody's Ratings")
            rest = entity_key(title[m.start :])
            if any(k.startswith(f"{entity_key(text)} ") and rest.startswith(k) for k in known):
                continue  # "Porto" of the headline's "Porto Alegre", which the body names
            if type_ == "person" and not person_words.isdisjoint(entity_key(text).split()):
                continue
            if type_ == "place" and _the_body_names(text, places, towns):
                continue  # the headline's "Tillabéri Region" is the body's "Tillabéri"
            known |= keys
            out.append(LocalEntity(type_, name, (text,) if text != name else (), ()))
    # A country the model read as part of something else ("as Kenya Floods Displace 40,000").
    for run in _CAPITALISED.finditer(title):
        words = run.group().split()
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                text = " ".join(words[i : i + n])
                country = gazetteer.country(text)
                if (
                    country
                    and known.isdisjoint({entity_key(country), entity_key(text)})
                    and not inside(at := title.find(text, run.start()), at + len(text))
                ):
                    known.add(entity_key(country))
                    aliases = (text,) if text != country else ()
                    out.append(LocalEntity("place", country, aliases, ()))
    residents = [title[s:e] for s, e in residents_of(title)]  # "Glenorchy residents to get …"
    provinces = dotted_forms(title)  # "B.C. glaciers losing ice …"
    for name in (*_placed_places(title), *_opening_place(title, entities), *residents, *provinces):
        at = title.find(name)
        if (
            known.isdisjoint({entity_key(name)})
            and not _the_body_names(name, places, towns)
            and not inside(at, at + len(name))
        ):
            known.add(entity_key(name))
            out.append(LocalEntity("place", name, (), ()))
    return out


def _inside_body_names(title: str, entities: list[LocalEntity]) -> Callable[[int, int], bool]:
    """Whether a stretch of the headline lies within a longer name the body gives ("Athletics
    Kenya names squad": "Kenya" is the body's "Athletics Kenya", no place of its own)."""
    spans = []
    for n in {n for e in entities for n in (e.name, *e.aliases) if " " in n and n in title}:
        at = title.find(n)
        while at >= 0:
            end = at + len(n)
            if not (at and title[at - 1].isalnum()) and not title[end : end + 1].isalnum():
                spans.append((at, end))
            at = title.find(n, at + 1)
    return lambda start, end: any(s <= start and end <= e and e - s > end - start for s, e in spans)


def _the_body_names(text: str, places: list[list[str]], towns: set[str]) -> bool:
    """Does the body name the headline's place `text` without its kind or its "Mount", or
    with the river it is ("Sava bursts dyke" of the body's "Sava River", "River Sava")? A
    headline leaves "River" off; not the town of that name whose bodies the body names
    (`towns`: "Whanganui families" of the "Whanganui District Council")."""
    words = entity_key(text).split()
    river = len(words) == 1 and words[0] not in towns
    return any(
        same_place(k, words)
        or (river and len(k) == 2 and "river" in k and words[0] in k and k[0] != k[1])
        for k in places
    )


#: A word that places what follows, then a capitalised run (a Title-Case headline capitalises
#: the word too: "Bushfire Near Bunbury").
_PLACED_RUN = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Aa]cross|[Ii]nto)"
    r"(?: (?:north|south|east|west|central|northern|southern|eastern|western|rural|coastal"
    r"|north-?east|north-?west|south-?east|south-?west)(?:ern)?)?"
    r" ((?:[A-Z][\w’'.-]*)(?: [A-Z][\w’'.-]*){0,3})"
)


def _placed_places(title: str) -> list[str]:
    """The longest start of each capitalised run after a placing word that the lists know as a
    place ("Surge in Metro Manila Hospitals" -> "Metro Manila"). Words, demonyms and
    organisations the lists know are not taken ("Hope fades in Reading"), and "to" and "from"
    place nothing here: "move to Chelsea" is a club's."""
    found = []
    for m in _PLACED_RUN.finditer(title):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            text = " ".join(words[:n]).rstrip(".,’'")
            if text.endswith(("’s", "'s")):
                continue
            if _known_place(text):
                found.append(text)
                break
    return found


#: What follows a side's name in a results headline: "Reading beat Bolton", "Leeds fans …".
SIDE_WORDS: frozenset[str] = frozenset(
    {"beat", "beats", "edge", "edges", "thrash", "thrashes", "stun", "stuns", "fans", "star"}
    | {"captain", "coach", "manager", "striker", "boss", "clinch", "clinches", "sack", "sacks"}
    | {"hold", "win", "draw", "sign", "lose", "league"}  # the plural: "Ginebra hold off …"
)
#: A verb a city takes as often as a side ("Colombo signs port deal", "Kigali holds talks"):
#: a side's when a result's word follows it ("Exeter holds off …", "Leeds draws at Luton",
#: "Kolkata loses to Punjab") or the headline is about a match or a player.
SIDE_VERBS: frozenset[str] = frozenset({"wins", "draws", "loses", "holds", "signs"})
_RESULT_NEXT = frozenset({"off", "on", "to", "with", "at", "again", "against", "away", "late"})
_SPORT_WORDS = frozenset(
    {"title", "cup", "derby", "final", "finals", "flag", "stage", "league", "match", "game"}
    | {"clash", "trophy", "playoff", "playoffs", "semi-final", "semifinal", "premiership"}
    | {"championship", "bowler", "batter", "batsman", "striker", "midfielder", "defender"}
    | {"goalkeeper", "keeper", "winger", "forward", "pitcher", "quarterback", "coach"}
    | {"manager", "captain"}
)
#: A sentence-case headline's opening run of capitalised words, then a lowercase word.
_OPENING_RUN = re.compile(r"([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}) [a-z]")


def _opening_place(title: str, entities: list[LocalEntity]) -> list[str]:
    """The place a sentence-case headline opens with ("Potosí civic committee rejects …"):
    a region or a city of 100,000 people the lists know, never a word, a body, a side or the
    first word of a person or a club the body names ("Florence wins …" of "Florence Hughes")."""
    m = _OPENING_RUN.match(title)
    if m is None or m.group(1).endswith(("’s", "'s")):
        return []
    words_after = title[m.end() - 1 :].split()
    after = words_after[0]
    if after in SURNAME_PARTICLES or after in SIDE_WORDS:
        return []  # "Van der Merwe's salt paintings …", "Leeds beat Leicester": no place
    if after in SIDE_VERBS and (
        (len(words_after) > 1 and (words_after[1] in _RESULT_NEXT or words_after[1][0].isdigit()))
        or not _SPORT_WORDS.isdisjoint(w.casefold().strip(",.:;") for w in words_after[1:])
    ):
        return []  # "Exeter holds off Saracens", "Toulouse wins Top 14 title"
    text = m.group(1)
    if any(
        e.name.startswith(f"{text} ")
        and (e.type == "person" or (e.type == "org" and sportsnames.is_club(e.name)))
        for e in entities
    ):
        return []  # "Cardiff wins …" of the body's "Cardiff City" (never its council's)
    big = gazetteer.is_region(text) or gazetteer.city_population(text) >= 100_000
    if big and _known_place(text, opening=True):
        return [text]
    words = text.split()  # "East Belfast Glider route …": a part of a big city, by its compass
    if len(words) >= 2 and words[0].casefold() in gazetteer.COMPASS:
        city = gazetteer.city_population(words[1]) >= 100_000
        return [" ".join(words[:2])] if city else []
    return []


def _known_place(text: str, *, opening: bool = False) -> bool:
    if len(text) < 3 or gazetteer.is_demonym(text) or gazetteer.is_known_org(text):
        return False
    if (
        " " not in text
        and commonwords.is_word(text)
        and not (opening and plain_word_place(text) and not personnames.given_name(text))
    ):
        return False  # "Hope fades in Reading" (the club), but "Colombo court remands …"
    return bool(
        gazetteer.country(text)
        or gazetteer.is_place(text)
        or sportsnames.is_venue(text)
        or (" " in text and gazetteer.is_region(text))
        or gazetteer.city_population(text)
    )


#: A capitalised run; a country's name may hold "and" or an elided "d'" ("Trinidad and Tobago",
#: "Côte d'Ivoire").
_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*(?:(?: | d’| d'| and )[A-Z][\w’'.-]*)*\b")


def _place(text: str) -> tuple[EntityType, str] | None:
    if gazetteer.is_demonym(text):
        return None
    name = gazetteer.country(text) or (
        text if gazetteer.city_population(text) >= 100_000 or gazetteer.is_place(text) else None
    )  # a country, a big city, a continent, region or US state ("Across East Africa")
    return ("place", name) if name else None


def _org(text: str) -> tuple[EntityType, str] | None:
    return ("org", text) if gazetteer.is_known_org(text) else None


def _person(text: str) -> tuple[EntityType, str] | None:
    words = text.split()
    if not 1 <= len(words) <= 3 or text.isupper():
        return None
    for word in words:
        bare = word.strip(".,’'")
        if not bare[:1].isupper() or _english(bare):
            return None
        if (
            gazetteer.is_demonym(bare)
            or gazetteer.is_place(bare)
            or gazetteer.city_population(bare)
        ):
            return None
        if bare.casefold() in gazetteer.ORG_WORDS or bare.casefold() in gazetteer.PLACE_WORDS:
            return None
    return ("person", text)


def _english(word: str) -> bool:
    """An English word in any inflection a headline uses: "Signs", "Warned", "Talks"."""
    w = word.casefold()
    forms = {w}
    if w.endswith("s"):
        forms |= {
            w[:-1],
            w[:-2] if w.endswith("es") else w,
            w[:-3] + "y" if w.endswith("ies") else w,
        }
    if w.endswith("ed"):
        forms |= {w[:-1], w[:-2]}
    if w.endswith("ing"):
        forms |= {w[:-3], w[:-3] + "e"}
    return any(commonwords.is_word(f) for f in forms if len(f) >= 2)
