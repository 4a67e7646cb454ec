"""Sites a report names with their kind in lowercase after the name ("the Ferhadija mosque",
"the Boni forest", "Kashveti church") or with a Romance kind word and its connector before it
("Gare du Nord", "Plaza de Mayo"). The model tags the name alone and, as often as not, as a
body or a person; the site is the place, and readers write and search it both ways.
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer
from .clean import Mention
from .edges import ends_before, in_prose
from .nameforms import SAINTS
from .namewords import DENOMINATIONS
from .placewords import PLACE_PREFIXES, ROMANCE_PLACE_KINDS

#: A kind of site written lowercase after its name, which news and its readers count as part of
#: the name: "the Ferhadija mosque", "the Boni forest", "the Gerdab dam" (not "pass" or "camp":
#: "Villa pass the ball", "the Arsenal camp").
_KIND_AFTER = re.compile(
    r" (mosque|church|cathedral|monastery|temple|shrine|cemetery|forest|valley|gorge|dam|bazaar"
    r"|refugee camp|refugee site|iela|gatvė|tänav|utca|sokak)(?![\w’'-])"  # "Jēkaba iela"
)


#: A street's kind capitalised right after a name the model tagged alone, and no name going on
#: ("Syria Street", "Cairo Road"; not "Kenya Road Safety Authority").
_STREET_AFTER = re.compile(
    r" (?:Street|Road|Avenue|Boulevard|Highway|Lane|Square|Bridge)(?![\w’'-]| [A-Z])"
)
#: A kind word that opens places, tagged alone, and the name after it ("Jalan" + "Kuala
#: Kangsar").
_NAME_AFTER = re.compile(r" [A-ZÀ-Þ][\w’'-]+(?: [A-ZÀ-Þ][\w’'-]+){0,2}(?![\w’'-]| [A-Z])")


def site_without_kind(name: str) -> str:
    """ "Bellu" of "Bellu cemetery": the name alone, which readers also write and search."""
    x = _KIND_AFTER.search(name)
    return name[: x.start()] if x is not None and x.end() == len(name) else name


def _office_of(kind: str, name: str) -> bool:
    """ "Barangay" + " Captain Rodolfo": a village's office, then its holder. (Streets and
    barangays are often named after a titled person: "Jalan Sultan Ismail", "Barangay Judge
    Juan Luna".)"""
    return kind.casefold() == "barangay" and name.split()[0].casefold() in _BARANGAY_OFFICES


#: Kinds of site also named after the river or region they stand on: "the Nile dam" is the
#: Nile's, so these take in only a name the gazetteer does not hold ("the Taleqan dam").
_KINDS_OF_UNLISTED = frozenset({"dam", "bazaar"})


#: Kinds of site no faith, sect or dynasty names ("the Maronite church", "the Mughal mosque"
#: are a people's): before one, a name the model read as a people is an unknown name.
_KINDS_OF_LAND = frozenset({"dam", "bazaar", "forest", "valley", "gorge"})


#: The offices of a Philippine barangay written before their holder's name.
_BARANGAY_OFFICES = frozenset(
    {"captain", "chairman", "chairwoman", "chairperson", "kagawad", "kapitan", "councilor"}
    | {"councillor", "tanod", "secretary", "treasurer"}
)


def with_kind_after(body: str, mentions: list[Mention]) -> list[Mention]:
    """A name of up to three words the model read as a place, a body or a person, then the
    lowercase kind of site it names, is that site: one place with its kind ("Kashveti
    church"). Not a country's, a region's or a known body's ("the Kenya valley" is no site)."""
    starts = {m.start for m in mentions}
    out: list[Mention] = []
    swallowed = (-1, -1)  # the span a kind word took in with the name after it
    # each name's answer once per article: asked per mention, a name written a thousand times
    # would rescan the body a thousand times
    alone: dict[str, bool] = {}
    for m in mentions:
        if swallowed[0] < m.start and m.end <= swallowed[1]:
            continue  # "Kuala Kangsar", now part of "Jalan Kuala Kangsar"
        x = _KIND_AFTER.match(body, m.end)
        text = body[m.start : m.end]
        # "Barangay" alone, which the model read as a body: a kind that opens places, whatever
        # the label, takes the name after it
        prefix = text.casefold() in PLACE_PREFIXES
        if m.label in ("GPE", "LOC", "FAC") or (prefix and m.label in ("ORG", "PERSON")):
            y = _STREET_AFTER.match(body, m.end) if m.end + 1 not in starts else None
            if y is not None and in_prose(body, m.start):
                out.append(Mention(m.start, y.end(), "FAC"))  # "Syria" + " Street"
                continue
            y = _NAME_AFTER.match(body, m.end) if prefix else None
            if y is not None and _office_of(text, y.group()):
                continue  # the office's "Barangay" is no place of its own
            if y is not None and in_prose(body, m.start):
                out.append(Mention(m.start, y.end(), "FAC"))  # "Jalan" + " Kuala Kangsar"
                swallowed = (m.start, y.end())
                continue
        if (
            x is not None
            and (
                m.label in ("GPE", "LOC", "FAC", "ORG", "PERSON", "GAZETTEER")
                or (
                    m.label == "NORP"
                    and x.group(1) in _KINDS_OF_LAND
                    and _no_peoples_word(text)
                    and _never_alone(body, text, alone)
                )
            )
            and len(text.split()) <= 3
            and m.end + 1 not in starts
            and not gazetteer.country(text)
            and not (gazetteer.is_region(text) and not _saints(text))
            and not gazetteer.is_known_org(text)
            and not (x.group(1) in _KINDS_OF_UNLISTED and gazetteer.is_place(text))
        ):
            m = Mention(m.start, x.end(), "FAC")
        out.append(m)
    return out


def _no_peoples_word(text: str) -> bool:
    """Is a name the model read as a people ("NORP") a word no list knows: no demonym, faith,
    denomination or English word? Then the label is the model's guess at an unknown name ("the
    Peechi dam"), never "the Kurdish mosque" or "the Catholic church"."""
    key = text.casefold()
    return not (gazetteer.is_demonym(text) or key in DENOMINATIONS or commonwords.is_word(key))


def _never_alone(body: str, text: str, known: dict[str, bool]) -> bool:
    """Does the body write `text` only with a kind of site after it ("Peechi dam" each time)?
    A name also written alone ("in Zaatari") is what readers call the place itself. `known`
    holds the answers already found in this body."""
    if text not in known:
        known[text] = _only_with_kind(body, text)
    return known[text]


def _only_with_kind(body: str, text: str) -> bool:
    """`_never_alone`'s scan of the body, once per name."""
    at = body.find(text)
    while at >= 0:
        if _KIND_AFTER.match(body, at + len(text)) is None:
            return False
        at = body.find(text, at + 1)
    return True


#: The words that name a site after a saint ("Saint George church", "San Lorenzo church",
#: "St. Helens church"): the English ones names open with (`nameforms.SAINTS`) and the Romance
#: ones. They open people's names too ("Ian St John"), so `with_romance_kind` never takes one
#: as a kind word.
_SAINTS = frozenset(
    {s.strip().casefold() for s in SAINTS} | {"san", "santa", "santo", "são", "sao", "sainte"}
)


def _saints(text: str) -> bool:
    """A saint's name that the lists also hold as a region ("Saint George"): before a kind of
    site, the site is the saint's, not the region's (as "the Kenya valley" would be)."""
    return " " in text and text.split()[0].casefold() in _SAINTS


#: A kind word of the Romance languages and its connector, right before a name: "Gare du" +
#: "Nord", "Plaza de" + "Mayo", "Praça da" + "Sé".
_ROMANCE_BEFORE = re.compile(
    r"(?<![\w’'-])([A-ZÀ-Þ][\w’'-]+) (?:de la |de los |de las |del |de |du |des |da |do |dos |das "
    r"|della |di |d['’])$"
)

#: What `_ROMANCE_BEFORE` ends with, tested first: most names follow no connector.
_CONNECTORS = tuple(
    f" {c}" for c in ("de la ", "de los ", "de las ", "del ", "de ", "du ", "des ", "da ", "do ")
) + tuple(f" {c}" for c in ("dos ", "das ", "della ", "di ", "d'", "d’"))


#: A place's first word and its particle before the rest the model tagged: "Dar es" + "Salaam".
_PLACE_HEAD = re.compile(r"(?<![\w’'-])[A-ZÀ-Þ][\w’'-]+ (?:es|el|al|de|del|da|do|di|la|sur) $")


def _place_head(body: str, m: Mention, ends: set[int]) -> int:
    """Where a place the model cut after its particle starts, when the gazetteer knows the
    whole ("Dar es Salaam") and no other name ends in the words before."""
    if not body[max(0, m.start - 5) : m.start].islower():  # (" es ", " de ": tested first)
        return m.start
    x = _PLACE_HEAD.search(body, max(0, m.start - 20), m.start)
    if x is None or any(x.start() < e <= m.start for e in ends):
        return m.start
    whole = body[x.start() : m.end]
    return x.start() if gazetteer.is_place(whole) or gazetteer.city_population(whole) else m.start


#: A capitalised word right before a name: a kind word that opens places ("Souq" + "Al Arsah").
_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-ZÀ-Þ][\w’'-]+) $")


def with_romance_kind(body: str, mentions: list[Mention]) -> list[Mention]:
    """The place a kind word opens, whose name alone the model tagged: a Romance kind and its
    connector ("Gare du Nord", not "Nord"; "Plaza de Mayo", not "Mayo"), or a kind word that
    opens places on its own ("Souq Al Arsah", "Jalan Kuala Kangsar", "Mount Kenya")."""
    ends = {m.end for m in mentions}
    starts = {m.start for m in mentions}
    out = []
    for m in mentions:
        x = (
            _ROMANCE_BEFORE.search(body, max(0, m.start - 24), m.start)
            if ends_before(body, _CONNECTORS, max(0, m.start - 24), m.start)
            else None
        )
        if m.label not in ("GPE", "LOC", "FAC", "ORG", "PERSON"):
            pass
        elif (
            x is not None and x.group(1).casefold() in ROMANCE_PLACE_KINDS and x.end(1) not in ends
        ):
            m = Mention(x.start(1), m.end, "FAC")
        elif m.label in ("GPE", "LOC") and (start := _place_head(body, m, ends)) < m.start:
            m = Mention(start, m.end, m.label)  # "Dar es" + "Salaam"
        elif (y := _WORD_BEFORE.search(body, max(0, m.start - 16), m.start)) is not None:
            kind = y.group(1).casefold()
            if (
                kind in PLACE_PREFIXES
                and kind not in _SAINTS  # "Ian St John": a saint's word opens people's names
                and not any(o.start <= y.start(1) < o.end for o in mentions)  # a name holds it
            ):
                m = Mention(y.start(1), m.end, "LOC")
        out.append(_with_particle_tail(body, m, starts))
    return out


#: A connector and one or two capitalised words after a place's first word: "Viña" + " del
#: Mar", "Cerro" + " de Pasco", "Pozo" + " de la Reina".
_PARTICLE_TAIL = re.compile(
    r" (?:de la|de los|de las|del|de|do|da|dos|das|di|della) [A-ZÀ-Þ][\w’'-]+(?: [A-ZÀ-Þ][\w’'-]+)?"
)


def _with_particle_tail(body: str, m: Mention, starts: set[int]) -> Mention:
    """ "Viña" + " del Mar": a place the model cut at its connector, when the gazetteer
    knows the whole name as a place (the longer reading first)."""
    x = _PARTICLE_TAIL.match(body, m.end) if m.label in ("GPE", "LOC") else None
    if x is None or any(m.end < s < x.end() for s in starts):
        return m
    if gazetteer.is_place(body[m.start : x.end()]):
        return Mention(m.start, x.end(), m.label)
    shorter = body.rfind(" ", m.end, x.end())  # "Cerro de Pasco" of "Cerro de Pasco Mine"
    if body[body.rfind(" ", 0, shorter) + 1].isupper() and gazetteer.is_place(
        body[m.start : shorter]
    ):
        return Mention(m.start, shorter, m.label)
    return m
