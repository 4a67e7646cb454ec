"""Within one article: which cleaned mentions are the same entity, and what type it is.

The model labels each mention on its own, so one person arrives as "Bashar al-Assad" (PERSON),
"Assad" (PERSON) and "Assad’s" (ORG), a militia as three different types, and "Aleppo" as a
nationality. The resolver works the way a careful reader does:

1. acronyms defined in parentheses become aliases of their names ("KRG");
2. a span that glues a title to a name the article also uses alone is cut in two;
3. mentions with one key form a group (every spelling of a country is one key);
4. a short name joins the unique longer name that contains it ("Assad" -> "Bashar al-Assad"),
   and is left alone when two names could claim it (groups.py);
5. each group's type is voted over all its mentions, with gazetteer and context evidence;
   members of one enumeration ("X, Y and Z") lend each other their types (localvote.py);
6. every kept name is looked for again in the body, so mentions the model missed are found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..model import EntityType
from . import LocalEntity, commonwords, gazetteer, sportsnames
from .acronyms import apply_acronyms, model_definitions
from .aliasnames import join_aliases
from .andnames import join_and_parts
from .andplaces import join_and_places
from .clean import Mention, clean
from .connectors import join_foreign_runs
from .dashednames import join_dashed_names
from .describedorgs import described_orgs
from .edges import sentence_start, split_at_the, trim_edges, written_alone
from .furniture import on_short_line, stray_spans
from .groups import Group, best_name, group_mentions, link_initials
from .headline import headline_entities
from .institutions import institutions
from .joins import join_parts
from .keys import LOOKUP_CACHE, determiner
from .knownfound import known_orgs
from .landforms import with_kind_of
from .laws import law_titles
from .links import (
    join_known_as,
    join_org_appositions,
    link_initials_of_people,
    link_known_org_aliases,
    link_spelling_variants,
    merge_org_short_names,
)
from .localvote import vote_types
from .matches import plays
from .missed import brands_before_products, cued_names
from .nameforms import latin_script
from .nameparts import complete_names, join_nicknames, nickname_aliases, with_place_of
from .ner import RawEntity
from .nicknames import link_bracketed_short_names, link_club_nicknames, link_party_plurals
from .nonnames import FUNCTION_WORDS
from .orgparts import firm_names, places_opening_bodies
from .patterns import (
    acronym_definitions,
    capitalised_runs,
    ground_runs,
    landmark,
    listed_directions,
    particle_runs,
    place_phrases,
)
from .placeedges import with_name_words, with_words_before_kind
from .placelines import compound_place_spans, dateline_region, dateline_spans, place_line_spans
from .possessives import possessive_names
from .postal import POSTAL, state_abbreviations
from .repair import drop_non_names, extend_truncated, non_name
from .roads import numbered_roads
from .romanceorgs import romance_orgs
from .seams import split_glued
from .shortnames import link_short_names
from .sitekinds import site_without_kind, with_kind_after, with_romance_kind
from .spaces import plain_spaces
from .spans import Cover, Spans, overlaps
from .surnames import surname_forms
from .teams import result_sides, town_sides, town_teams
from .titled import portfolio_cut, titled_names, titled_pieces, titled_towns
from .wards import suffixed_places

#: A city the model missed is added only when this big: a town that small shares its name
#: with too many people and words.
_RECALL_POPULATION = 500_000
#: ... or this big after a word that places it ("flown home to Christchurch").
_PLACED_POPULATION = 20_000
_PLACED = re.compile(r"\b(?:in|to|from|near|outside|into|across|around)\s+$")
#: The labels of a mention that is a place before "and" ("Patna and Gaya").
_PLACE_LABELS = frozenset({"GPE", "LOC", "GAZETTEER", "PLACE"})
#: ... or any town the gazetteer knows after words that only places take ("parts of Charsadda",
#: "via Grimsargh", "on the outskirts of Hola").
_PLACED_ANY = re.compile(
    r"\b(?:near|via|parts\s+of|outskirts\s+of|[Rr]esidents\s+of|(?:town|city|village)\s+of)\s+$"
)


def resolve(
    body: str,
    raw: Iterable[RawEntity],
    title: str = "",
    title_raw: Iterable[RawEntity] = (),
) -> list[LocalEntity]:
    """The entities of one article, from the raw `(start, end, label)` NER spans of its body.

    The headline's spans (`title_raw`, offsets into `title`) add only what the body cannot
    contradict: a place the gazetteer knows ("..., Ankara Says"). Such an entity has no
    mentions, since it does not occur in the body.

    A span in another script ("Владимир Путин", "القاهرة") is dropped: the English model never
    learnt those letters, so what it tags there ("России Владимир Путин" as one person) is a
    guess no rule here can check.

    No-break spaces are read as plain ones (`spaces.py`): `extract` gives the model the same
    text, and the offsets are the same in both.
    """
    body, title = plain_spaces(body), plain_spaces(title)
    defs = acronym_definitions(body)
    lines = Spans(stray_spans(body))
    defining = {lines.containing(d.acr_start - 1, d.acr_end + 1) for d in defs}
    kept_lines = [s for i, s in enumerate(lines.spans) if i not in defining]
    laws = [x for x in law_titles(body) if not any(overlaps(x, s) for s in lines.spans)]
    stray = Spans(kept_lines + laws)  # nothing in a law's title is a name either

    raw = [r for r in raw if latin_script(body[r[0] : r[1]])]
    mentions: list[Mention] = []
    for start, end, label in raw:
        # Each name the span holds is checked on its own line: the model's span may run across
        # a line break ("Fatoumata Diallo-Kane\nUpdated").
        for m in clean(body, start, end, label):
            line = stray.containing(m.start, m.end)
            if line is None or on_short_line(body, stray.spans[line], m.start, m.end, label):
                mentions.append(m)
    mentions = portfolio_cut(body, join_aliases(body, mentions))
    mentions = complete_names(body, extend_truncated(body, join_nicknames(body, mentions)))
    mentions = with_romance_kind(body, with_place_of(body, mentions))
    mentions = with_words_before_kind(body, with_name_words(body, join_parts(body, mentions)))
    passed: set[tuple[int, int, str, bool]] = set()  # what drop_non_names read and kept
    ships: set[str] = set()  # the vessels it found, whose every mention goes
    mentions = drop_non_names(body, split_at_the(body, trim_edges(body, mentions)), passed, ships)
    mentions += cued_names(body, mentions, stray.spans)
    mentions += titled_names(body, mentions, stray.spans)
    mentions = titled_pieces(body, mentions, stray.spans)
    mentions = town_teams(body, described_orgs(body, mentions, stray.spans), stray.spans)
    mentions = result_sides(body, town_sides(body, mentions, stray.spans), stray.spans)
    mentions = firm_names(body, institutions(body, mentions, stray.spans))
    mentions = possessive_names(body, mentions)
    mentions = join_and_parts(body, brands_before_products(body, mentions))
    mentions = with_kind_of(body, join_and_places(body, mentions))
    mentions = romance_orgs(body, join_foreign_runs(body, mentions), stray.spans)

    aliases = nickname_aliases(body, mentions)  # acronym or nickname key -> name key
    defs = [*defs, *model_definitions(body, mentions, defs)]
    mentions = apply_acronyms(body, mentions, defs, aliases)
    mentions = titled_towns(body, split_glued(body, mentions))
    mentions = numbered_roads(body, _add_place_phrases(body, mentions), stray)
    mentions = drop_non_names(body, _add_gazetteer_places(body, mentions, stray), passed, ships)
    mentions = suffixed_places(body, mentions, stray)  # "Mapo-gu", "Hapjeong-dong"
    # after the gazetteer's places, so a listed name the model missed takes its kind too
    mentions = with_kind_after(body, mentions)  # "Ferhadija" + " mosque"
    datelines = dateline_spans(body)
    mentions = _without_credits(body, _add_dateline_places(body, mentions, datelines), datelines)
    mentions = join_dashed_names(body, known_orgs(body, mentions, stray))
    mentions = places_opening_bodies(body, mentions)  # after the gazetteer's places

    groups = group_mentions(body, mentions, aliases)
    link_spelling_variants(body, groups)
    link_initials_of_people(body, groups)
    link_short_names(body, groups)
    link_initials(body, groups)
    link_known_org_aliases(body, groups)
    link_club_nicknames(body, groups)
    link_party_plurals(body, groups)
    link_bracketed_short_names(body, groups)
    join_known_as(body, groups)
    join_org_appositions(body, groups)
    types = vote_types(body, groups)
    merge_org_short_names(body, groups, types)
    kept = {k: g for k, g in groups.items() if k in types}
    _complete(body, kept, stray, types)
    # The model's span conventions are its training data's: "the Senate Foreign Relations
    # Committee" is one ORG span there. Names never carry the "the", but a mention keeps it
    # where the model put it, so the layer's spans agree with the model's own.
    the = {  # where a name starts -> where the model's span, "the" included, started
        s + n: s for s, _, label in raw if label != "PERSON" and (n := determiner(body[s : s + 4]))
    }
    entities = _entities(body, kept, types, the)
    title_raw = [r for r in title_raw if latin_script(title[r[0] : r[1]])]
    return entities + headline_entities(title, title_raw, entities, ships)


def _add_place_phrases(body: str, mentions: list[Mention]) -> list[Mention]:
    """Names a place noun governs, unless a longer name holds them ("port of Dar" of "Dar es
    Salaam": the phrase stops at the lowercase word). A bare compass or ordinal word listed
    before the plural kind ("the Northern and Eastern provinces") names none of them: no
    mention."""
    directions = set(listed_directions(body))
    if directions:
        mentions = [m for m in mentions if (m.start, m.end) not in directions]
    spans = [(m.start, m.end) for m in mentions]
    for span in place_phrases(body):
        for s, e in _clean_spans(body, span):
            if not any(a <= s and e <= b and b - a > e - s for a, b in spans):
                mentions.append(Mention(s, e, "PLACE"))
    return mentions


def _add_gazetteer_places(body: str, mentions: list[Mention], stray: Spans) -> list[Mention]:
    """Countries, big cities and landmarks ("Shandao Station") the model did not tag."""
    taken = Cover(len(body), ((m.start, m.end) for m in mentions))
    places = {m.end for m in mentions if m.label in _PLACE_LABELS}  # for "Patna and Gaya"
    for start, end in (*ground_runs(body), *particle_runs(body), *capitalised_runs(body)):
        run = body[start:end]
        if run in FUNCTION_WORDS:
            continue  # "The", "We", "Monday": cleaning would leave nothing a list holds
        if taken.overlaps(start, end) or stray.containing(start, end) is not None:
            continue
        if run.isalnum() and not _listed_word(run):
            continue  # one plain word, which cleaning leaves whole or drops, that no list holds
        for s, e in _clean_spans(body, (start, end)):
            text = body[s:e]
            if gazetteer.is_demonym(text) or body.startswith("$", e):
                continue  # "Dutch"; "US$48m", "NZ$": a currency
            if (
                gazetteer.country(text)
                or landmark(text)
                or sportsnames.is_venue(text)
                or (" " in text and gazetteer.is_region(text))  # "Central Luzon"
                # a state, a river, a district the lists hold ("the Irrawaddy", "Khumbu")
                or (gazetteer.is_place(text) and (" " in text or not sentence_start(body, s)))
                or (gazetteer.is_capital(text) and _GOVERNMENT_SPEAKS.match(body, e) is not None)
                or (
                    len(text) >= 4
                    and not sentence_start(body, s)
                    # no town of that name: no need to read the words before it (at least 1)
                    and (population := gazetteer.city_population(text)) > 0
                    and population >= _recall_at(body, s, text, places)
                )
            ):
                mentions.append(Mention(s, e, "GAZETTEER"))
                taken.add(s, e)  # "Rio de Janeiro" whole, then no "Rio" in it
                places.add(e)
    return mentions + state_abbreviations(body, mentions, taken, stray)  # "Tupelo, Miss."


@lru_cache(maxsize=LOOKUP_CACHE)
def _listed_word(word: str) -> bool:
    """Could one word pass a test of `_add_gazetteer_places` (`landmark` and the regions want
    two)? Asked before cleaning such a run: no list holds most of them ("Photo", "Police").
    Cached: the same capitalised words open sentences in every article."""
    return bool(
        gazetteer.country(word)
        or sportsnames.is_venue(word)
        or gazetteer.is_place(word)
        or gazetteer.is_capital(word)
        or gazetteer.city_population(word)
    )


def _recall_at(body: str, s: int, text: str, places: set[int]) -> int:
    """How big a town the gazetteer knows must be to be taken at `s`: any after words only
    places take, a small one after a word that places it ("trains in Iten", but never "in
    March": an English word needs a big city) or after a place and "and" or "or" ("between
    Patna and Gaya", "Bristol and Bath", a word too: `places` holds where the places found so
    far end), else a city of half a million."""
    if _PLACED_ANY.search(body, max(0, s - 20), s):
        return 1
    if (body.endswith(" and ", 0, s) and s - 5 in places) or (
        body.endswith(" or ", 0, s) and s - 4 in places
    ):
        # "Bristol and Bath", "Gulu or Lira": paired with a place, a town that is a word too
        return _PLACED_POPULATION
    if _PLACED.search(body, max(0, s - 14), s):
        return _PLACED_POPULATION * (5 if commonwords.is_word(text.casefold()) else 1)
    return _RECALL_POPULATION


#: "Kigali denies arming …": a capital that speaks is its government, even opening a sentence.
_GOVERNMENT_SPEAKS = re.compile(
    r" (?:has |have |had )?(?:say|said|denie|denied|accuse|reject|warn|insist|claim|call"
    r"|condemn|demand|announce|summon|respond|protest|retaliate|vow)\w*\b"
)


_CREDIT = re.compile(r"[^\n]{0,40}?\(([A-Z]{2,5})\)\s*[—–-]")


def _without_credits(
    body: str, mentions: list[Mention], datelines: list[tuple[int, int]]
) -> list[Mention]:
    """ "TARNOW, Poland (VW) —": an agency's initials crediting a dateline are no entity of
    the story, unless the gazetteer knows the agency ("(AP)", "(AFP)")."""
    credits = set()
    for _, e in datelines:
        x = _CREDIT.match(body, e)
        if x and not gazetteer.is_known_org(x.group(1)):
            credits.add(x.span(1))
    return [m for m in mentions if (m.start, m.end) not in credits] if credits else mentions


def _add_dateline_places(
    body: str, mentions: list[Mention], datelines: list[tuple[int, int]]
) -> list[Mention]:
    """ "MEXICO CITY (AP) —": the city a wire story was filed from, "Accra-born", "a
    Nairobi-based lender", and a page's "Mumbai | Updated …", when the gazetteer knows it."""
    taken = Cover(len(body), ((m.start, m.end) for m in mentions))
    for s, e in [*datelines, *compound_place_spans(body), *place_line_spans(body)]:
        text = body[s:e]
        region = dateline_region(body, e) if (s, e) in datelines else None
        placed = region is not None and (
            bool(gazetteer.country(region))
            or gazetteer.is_place(region)
            or gazetteer.is_region(region)
            or region in POSTAL  # "BRATTLEBORO, Vt. —"
        )
        known = bool(gazetteer.country(text) or gazetteer.city_population(text))
        if taken.overlaps(s, e) and not placed and not (known and _cut_short(mentions, s, e)):
            continue
        if not (placed or known):
            continue
        if taken.overlaps(s, e):  # the model's label for it ("KILRENNY" as ORG) gives way
            mentions = [m for m in mentions if not (m.start < e and s < m.end)]
            taken = Cover(len(body), ((m.start, m.end) for m in mentions))
        mentions.append(Mention(s, e, "PLACE"))
        taken.add(s, e)
    return mentions


def _cut_short(mentions: list[Mention], s: int, e: int) -> bool:
    """Do the model's spans over a dateline's city lie inside it ("DAR ES" of "DAR ES
    SALAAM —")? The gazetteer's whole city then gives way to nothing."""
    inside = [m for m in mentions if m.start < e and s < m.end]
    return bool(inside) and all(s <= m.start and m.end <= e for m in inside)


def _clean_spans(body: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in clean(body, span[0], span[1], "PLACE")]


def _complete(
    body: str, groups: dict[str, Group], stray: Spans, types: dict[str, EntityType]
) -> None:
    """Find again, as mentions, every written form of a kept entity the model did not tag,
    and the bare surname of a person introduced by full name ("Steve Whitmore … Whitmore
    stated")."""
    taken = Cover(len(body), ((m.start, m.end) for g in groups.values() for m in g.mentions))
    forms: list[tuple[str, str]] = []
    for key, g in groups.items():
        for text in set(g.texts(body)):
            if len(text) >= 3 or text.isupper():
                forms.append((text, key))
    forms.extend(surname_forms(body, groups, types))
    forms.sort(key=lambda f: -len(f[0]))
    for text, key in forms:
        for pos in written_alone(body, text):
            end = pos + len(text)
            if (
                not taken.overlaps(pos, end)
                and stray.containing(pos, end) is None
                and not non_name(body, pos, end, "FOUND")
            ):
                groups[key].mentions.append(Mention(pos, end, "FOUND"))
                taken.add(pos, end)


def _entities(
    body: str, groups: dict[str, Group], types: dict[str, EntityType], the: dict[int, int]
) -> list[LocalEntity]:
    out: list[tuple[int, LocalEntity]] = []
    for key, g in groups.items():
        name = _unshouted(best_name(body, g), types[key])
        spans = sorted({(m.start, m.end) for m in g.mentions})
        forms = {body[s:e] for s, e in spans}
        if types[key] == "place":
            forms |= {site_without_kind(f) for f in forms}  # "Bellu" of "Bellu cemetery"
        aliases = sorted(forms - {name})
        if types[key] != "person":
            spans = [(the.get(s, s), e) for s, e in spans]
        evidence = g.votes["strong_" + types[key]] > 0
        team = (  # a club named for its town, shown playing: kept apart from the town
            types[key] == "org"
            and g.votes["club"] > 0
            and any(plays(body, m.start, m.end) for m in g.mentions)
        )
        local = LocalEntity(types[key], name, tuple(aliases), tuple(spans), evidence, team)
        out.append((spans[0][0], local))
    out.sort(key=lambda x: x[0])
    return [e for _, e in out]


def _unshouted(name: str, type_: EntityType) -> str:
    """ "LONDON", "MEXICO CITY", "AL-AIN" from a dateline are written as a reader writes a place
    ("London", "Mexico City", "Al-Ain"); acronyms ("NATO", "UAE") stay as they are."""
    if type_ != "place" or not name.isupper() or len(name.replace(" ", "")) < 4:
        return name
    if any(c.isdigit() for c in name):
        return name  # "U.S. 290", a road
    if not (
        gazetteer.city_population(name)
        or gazetteer.is_region(name)
        or gazetteer.country(name)
        or len(name.replace(" ", "")) >= 5  # "KILRENNY": no place's acronym is that long
    ):
        return name
    return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in name.split())
