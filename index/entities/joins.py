"""Two spans that are one name: what the model cut in two, joined again (`repair` step).

* `join_parts`: two model spans one name apart ("Ardent Foundation" + "the Visual Arts" across
  "for the") become one when the first ends in an organisation word; "Communist" + "party"
  stays "Communist party"; a portfolio goes on after "and" ("Department of Education" + "and"
  + "Workforce"); a person the model cut in two ("María Fernanda" + "Ochoa Garza"); a
  company's arm in a country ("Penguin Random House" + "India").

A body the model cut at "and" from the words before it is `andnames.join_and_parts`.
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer, personnames
from .clean import NUMBERED_UNITS, TITLES, Mention
from .nameforms import SAINTS, known_place_name
from .possessives import members_body_end, office_end, royal_start
from .sidebyside import branch_of, given_then_surname, town_opens

_GLUE_ORG = re.compile(
    r"^ (?:of|for|on|of the|for the|on the|de|del|des|du)(?: \d{1,3}(?:st|nd|rd|th))? $"
)
#: Bodies named for what they sit "on" ("Committee on the Rights of the Child"); a school
#: "on the Hilltop" is only somewhere.
_ON_BODIES = frozenset({"committee", "commission", "council", "conference", "panel", "board"})
_MEMBER_OF = re.compile(r"\bMembers? of (?:the )?\Z")
_PARTY_AFTER = re.compile(
    r"^ (party|movement|front|alliance|league|bloc|coalition|union|federation)\b"
)
_IDEOLOGY = re.compile(r"(?:ist|ic|al|an|ive|ative|ian|ish|ese)$")


#: Bodies named for their field of work, which may be two fields joined by "and": "Ministry of
#: Culture and Sport", "Centre for Volcanology and Geological Hazard Mitigation".
_PORTFOLIO_BODIES = frozenset(
    {"department", "ministry", "secretariat", "office", "bureau", "centre", "center"}
    | {"institute", "commission", "agency", "directorate", "authority"}
)


def _portfolio_shaped(words: list[str]) -> bool:
    """A body word, then "of" or "for" and its field: "ministry of culture"."""
    i = next((i for i, w in enumerate(words[1:-1], 1) if w in ("of", "for")), 0)
    return bool(i) and any(w in _PORTFOLIO_BODIES for w in words[:i])


#: Plurals no rule makes of their lemma: "Merkato Women Traders Savings and Credit …".
_IRREGULAR_PLURALS = frozenset({"women", "men", "children", "people", "youth"})


def _english(word: str) -> bool:
    """An English word, a plural no dictionary lists as a lemma included ("Mines", "Women"),
    or a compound of them ("Anti-Discrimination", "Geo-Informatics")."""
    if "-" in word.strip("-"):
        return all(p.casefold() in _PREFIXES or _english(p) for p in word.split("-"))
    return (
        commonwords.is_word(word)
        or commonwords.plural_noun(word)
        or word.casefold() in _IRREGULAR_PLURALS
    )


#: What opens an English compound without being a word of its own.
_PREFIXES = frozenset({"anti", "geo", "non", "inter", "multi", "socio", "bio", "eco", "agro"})


def _field_words(rest: list[str]) -> bool:
    """English words that name no body, place, people or title of their own: a field of work."""
    return len(rest) <= 3 and all(
        _english(w)  # "Energy and Mines"
        and w.casefold() not in gazetteer.ORG_WORDS
        and w.casefold() not in TITLES
        and not known_place_name(w)
        and not gazetteer.is_demonym(w)
        for w in rest
    )


def _portfolio_goes_on(body: str, prev: Mention, m: Mention, words: list[str]) -> bool:
    """Is `m`, after "and", the rest of the portfolio `prev` names ("Ministry of Culture" +
    "Sport", "Department of Education" + "Workforce")?"""
    return (
        prev.label == "ORG"
        and _portfolio_shaped(words)
        and _field_words(body[m.start : m.end].split())
    )


#: More fields that the model left out of a body's name, and no name going on: " and Mines",
#: ", Science and Youth", ", Labour, and Welfare".
_AND_FIELD = re.compile(
    r"((?:, (?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)*),? and ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)"
    r"(?![\w’'-]| [A-Z])"
)
#: Fields listed before the ones the model tagged: "the Meteorology, " + "Climatology and
#: Geophysics Agency"; the list opens after "the" or a possessive, never at a sentence's start
#: ("Meanwhile, " + "Fisheries and Wildlife Agency").
_FIELDS_BEFORE = re.compile(r"(?:(?<=\bthe )|(?<=\bThe )|(?<=’s )|(?<='s ))((?:[A-Z][a-z]+, )+)$")


#: "… and Spatial Planning Ministry": more fields, then the kind of body they all name.
_AND_BODY = re.compile(
    r" and ((?:[A-Z][\w’'-]+ ){0,3}([A-Z][\w’'-]+))(?![\w’'-]| [A-Z]| of\b| for [A-Z])"
)
#: The kinds of body whose name may join two fields before them: "Savings and Credit
#: Cooperative", "Fire and Disaster Headquarters" (not a firm's legal form: two firms are
#: listed so, "Kestrel Logistics and Apex Freight Ltd").
_FIELD_BODIES = frozenset(
    {"ministry", "agency", "cooperative", "co-operative", "headquarters", "department"}
    | {"authority", "commission", "council", "board", "committee", "association", "union"}
    | {"society", "institute", "centre", "center", "directorate", "office", "bureau"}
)


def _body_after(body: str, m: Mention) -> int:
    """Where a body's name really ends when the model cut it at "and": "Public Works" + "and
    Spatial Planning Ministry", "Merkato Women Traders Savings" + "and Credit Cooperative".
    The part before "and" is no body of its own (it ends in no organisation word and names no
    known body or place), and every word but its first (the place a body may open with) and
    the kind is an English word: a field, never a second name ("Toyota Motor and Honda …")."""
    x = _AND_BODY.match(body, m.end)
    if x is None or x.group(2).casefold() not in _FIELD_BODIES:
        return m.end
    left, right = body[m.start : m.end].split(), x.group(1).split()
    if (
        len(left) < 2
        or left[-1].casefold() in gazetteer.ORG_WORDS
        or "of" in left
        or "for" in left
        or gazetteer.is_known_org(body[m.start : m.end])
        or known_place_name(body[m.start : m.end])
        or gazetteer.is_known_org(x.group(1))
        or not all(_english(w) for w in (*left[1:], *right[:-1]))
    ):
        return m.end
    return x.end()


def _field_after(body: str, m: Mention, starts: set[int]) -> int:
    """Where a portfolio body's name really ends: past "and Geological Hazard Mitigation", or
    past ", Science and Youth" (a list's fields may be mentions of their own the model drew)."""
    x = _AND_FIELD.match(body, m.end)
    if (
        x is None
        or (not x.group(1) and x.start(2) in starts)
        or not _portfolio_shaped([w.casefold().strip(".,") for w in body[m.start : m.end].split()])
        or not all(_field_words(f.split()) for f in (*x.group(1).split(", ")[1:], x.group(2)))
    ):
        return m.end
    return x.end()


#: A body whose name is "… of the" another's, written before the one the model tagged:
#: "Presidency of the" + "Council of Ministers", "Secretariat of the" + "Pacific Community".
_BODY_OF_THE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+) of the $")
_OF_THE_BODIES = frozenset({"presidency", "secretariat", "office", "registry", "directorate"})


def _body_of_the_before(body: str, m: Mention) -> int:
    """Where a body named after the one `m` names really starts ("Presidency of the …")."""
    x = _BODY_OF_THE.search(body, max(0, m.start - 24), m.start)
    return x.start() if x is not None and x.group(1).casefold() in _OF_THE_BODIES else m.start


def _fields_before(body: str, m: Mention) -> int:
    """Where a body named for a list of fields really starts: at "Meteorology, " before the
    "Climatology and Geophysics Agency" the model tagged."""
    words = body[m.start : m.end].split()
    if len(words) < 4 or words[1] != "and" or words[-1].casefold() not in _FIELD_BODIES:
        return m.start
    x = _FIELDS_BEFORE.search(body, max(0, m.start - 80), m.start)
    if x is None or not all(_field_words([f]) for f in x.group(1).split(", ")[:-1]):
        return m.start
    return x.start(1)


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


#: A law firm's trade after the name the model tagged: "… & Co. Advocates", "… Partners LLP".
_FIRM_AFTER = re.compile(
    r" (?:Advocates|Attorneys|Solicitors|Barristers|LLP|Advogados|Abogados|Avocats)(?![\w’'-])"
)


#: A kind of body right after the name the model tagged, no name going on after it: "the EU
#: Civil Protection" + " Mechanism", "Nour al-Shifa Medical" + " Society", a radio station's
#: "Coastal" + " FM". Never a product's ("Apple" + " Watch", "Samsung" + " TV").
_KIND_AFTER = re.compile(r" ([A-Z][a-z]+|FM)(?![\w’'-]| [A-Z])")
_KINDS_AFTER = (gazetteer.ORG_WORDS - {"watch", "aid"}) | {"mechanism", "fm"}


#: What a saint's name in the possessive goes on with: "St Canice's" + " Gaels", never a day.
_SAINTS_KIND = re.compile(
    r" (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}\b"
)
#: An article of the Romance languages, which opens a name and is never one alone.
_ROMANCE_ARTICLES = frozenset({"La", "Las", "Los", "El", "Le", "Les", "Il", "Lo", "Os"})
#: The number of a union's local or a lodge, which the model leaves after the name.
_UNIT_NUMBER = re.compile(r" \d{1,5}\b")


def join_parts(body: str, mentions: list[Mention]) -> list[Mention]:
    """Glue "Ardent Foundation" + "for the" + "Visual Arts"; keep "Communist party" whole."""
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    out: list[Mention] = []
    for m in ordered:
        if out:
            prev = out[-1]
            gap = body[prev.end : m.start]
            words = [w.casefold().strip(".,") for w in body[prev.start : prev.end].split()]
            if (
                _GLUE_ORG.match(gap)
                # "Ardent Foundation for …", "U.S. Court of Appeals for the 11th Circuit"
                and (
                    words[-1] in gazetteer.ORG_WORDS
                    or prev.org_word
                    or _court(words)
                    # "Association of Traders" + " of " + "Tripoli": its members' town
                    or (gap == " of " and m.label == "GPE" and _body_of(words))
                )
                and prev.label not in ("PERSON",)
                # a body "of" a place is named for it ("Catholic Archdiocese" + "Blantyre");
                # "for" or "on" one is only somewhere
                and (gap == " of " or not known_place_name(body[m.start : m.end]))
                and (not gap.startswith(" on ") or words[-1] in _ON_BODIES)
                # "Member of Parliament" + " for " + "Subin": a seat, then its constituency
                and not (
                    gap == " for " and _MEMBER_OF.search(body, max(0, prev.start - 16), prev.start)
                )
            ):
                out[-1] = Mention(prev.start, m.end, "ORG", org_word=True)
                continue
            if (
                gap == " of "
                and prev.label in _PLACE_LABELS
                and m.label in _PLACE_LABELS
                and (
                    words[-1] in gazetteer.PLACE_WORDS or known_place_name(body[prev.start : m.end])
                )
            ):
                # "the Bay of" + "Bengal", "Gulf of" + "Aden": one place the model cut at "of"
                out[-1] = Mention(prev.start, m.end, prev.label)
                continue
            if gap == " and " and _portfolio_goes_on(body, prev, m, words):
                # "Ohio Department of Education" + "and" + "Workforce": one department
                out[-1] = Mention(prev.start, m.end, "ORG", org_word=True)
                continue
            if (
                prev.label == m.label == "PERSON"
                and gap == " "
                and not any(w in TITLES for w in words)  # "Garissa Governor" + a name
            ):
                # "María Fernanda" + "Ochoa Garza": the model cut one name in two; English
                # never writes two people side by side with nothing between them.
                out[-1] = Mention(prev.start, m.end, "PERSON", m.titled)
                continue
            if gap == " " and body[prev.start : prev.end] in _ROMANCE_ARTICLES:
                out[-1] = Mention(prev.start, m.end, m.label)  # "Las" + "Bambas": one name
                continue
            if gap == " " and town_opens(body, prev, m):
                # "Macapá" + "Saúde Distribuidora": a town opens a body's name, tagged apart
                out[-1] = Mention(prev.start, m.end, "ORG", org_word=True)
                continue
            if gap == " " and branch_of(body, prev, m):
                # "Penguin Random House" + "India": a company's arm in a country is named so
                out[-1] = Mention(prev.start, m.end, "ORG", org_word=True)
                continue
            if gap == " " and given_then_surname(body, prev, m):
                out[-1] = Mention(prev.start, m.end, "PERSON", m.titled)  # "Marta" + "Szymańska"
                continue
        out.append(m)
    final: list[Mention] = []
    starts = {m.start for m in out}
    swallowed = -1  # where a name that took in the mentions after it ends
    for m in out:
        if m.start < swallowed:
            continue
        text = body[m.start : m.end]
        firm = _FIRM_AFTER.match(body, m.end) if m.label == "ORG" else None
        named = m.label == "ORG" or (m.label == "PERSON" and _ends_in_a_word(text))
        kind = _KIND_AFTER.match(body, m.end) if named and firm is None else None
        if firm is not None:  # "Langat, Omondi & Co." + " Advocates": the firm's whole name
            m = Mention(m.start, firm.end(), "ORG", org_word=True)
        elif kind is not None and kind.group(1).casefold() in _KINDS_AFTER:
            m = Mention(m.start, kind.end(), "ORG", org_word=True)  # "… Protection" + " Mechanism"
        elif (
            text.startswith(SAINTS)
            and text.endswith(("'s", "’s"))
            and text.count(" ") == 1
            and (kind := _SAINTS_KIND.match(body, m.end))
        ):
            m = Mention(m.start, kind.end(), m.label)  # "St Canice's" + " Gaels"
        elif (
            m.label == "ORG"
            and text.rsplit(None, 1)[-1].casefold() in NUMBERED_UNITS
            and (num := _UNIT_NUMBER.match(body, m.end))
        ):
            m = Mention(m.start, num.end(), "ORG", org_word=True)  # "… Union Local" + " 508"
        elif m.label == "ORG" and (end := _field_after(body, m, starts)) > m.end:
            m = Mention(m.start, end, "ORG", org_word=True)  # "… for Volcanology" + "and …"
            swallowed = end
        elif m.label == "ORG" and (end := _body_after(body, m)) > m.end:
            m = Mention(m.start, end, "ORG", org_word=True)  # "Public Works" + "and … Ministry"
            swallowed = end
        elif m.label == "ORG" and (start := _body_of_the_before(body, m)) < m.start:
            m = Mention(start, m.end, "ORG", org_word=True)  # "Presidency of the" + "Council …"
            while final and final[-1].start >= start:
                final.pop()
        elif (
            m.label == "ORG"
            and (end := members_body_end(body, m.end)) > m.end
            # a longer name the model read there stands ("… Council of Unions")
            and not any(x.start == m.end + 2 and x.end > end for x in ordered)
        ):
            m = Mention(m.start, end, "ORG", org_word=True)  # "… Workers'" + "… Council"
            swallowed = end
        elif m.label == "ORG" and (end := office_end(body, m)) > m.end:
            m = Mention(m.start, end, "ORG", org_word=True)  # "… Magistrate" + "'s Court"
            swallowed = end
        elif m.label not in ("PERSON", "GPE", "NORP") and (start := royal_start(body, m)) < m.start:
            m = Mention(start, m.end, m.label, org_word=m.org_word)  # "Queen's" + "Park …"
            while final and final[-1].start >= start:
                final.pop()
        elif m.label == "ORG" and (start := _fields_before(body, m)) < m.start:
            m = Mention(start, m.end, "ORG", org_word=True)  # "Meteorology, " + "… Agency"
            while final and final[-1].start >= start:
                final.pop()
        party = _PARTY_AFTER.match(body[m.end : m.end + 14])
        if party and " " not in text and (gazetteer.is_demonym(text) or _IDEOLOGY.search(text)):
            m = Mention(m.start, m.end + party.end(), "ORG", org_word=True)
        final.append(m)
    return final


def _ends_in_a_word(text: str) -> bool:
    """Does a "person" end in an English word no one is called ("Nour al-Shifa Medical")? It is
    then a body's name, whose kind may follow it (" Society")."""
    last = text.rsplit(None, 1)[-1]
    return commonwords.is_word(last.casefold()) and not personnames.surname(last)


def _body_of(words: list[str]) -> bool:
    """ "Association of Traders": a body named by its kind, then "of" whom it gathers."""
    return words[0] in gazetteer.ORG_WORDS and "of" in words


def _court(words: list[str]) -> bool:
    """ "Court of Appeals", "Court of Justice": a court's name goes on past its last word."""
    return "court" in words and words[-1] != "court"
