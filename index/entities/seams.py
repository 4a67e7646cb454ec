"""Where one tagged span holds two names, and where it does not.

The model glues names together across a seam the article itself shows: "High Committee for
National Reconciliation Hassan Soufan" is an org and a person, because "Hassan Soufan" is
used alone later. It never cuts a person's given name off ("Alejandra González Anaya", later
"González Anaya"), nor a place's or an org's own words ("Hong Kong Special Administrative
Region").
"""

from __future__ import annotations

import re
from collections import Counter

from . import commonwords, gazetteer, personnames
from .clean import CONNECTORS, TITLES, Mention, name_like, word_spans
from .edges import word_positions
from .keys import entity_key
from .nameforms import known_place_name
from .shortnames import LEGAL_FORMS
from .wordlists import SURNAME_PARTICLES


def split_glued(body: str, mentions: list[Mention]) -> list[Mention]:
    """Cut "High Committee for National Reconciliation Hassan Soufan" into org and person.

    A span is cut only where the article itself shows the seam: its tail is a full name the
    model tagged as a person elsewhere, or its head is a name the article uses on its own.
    """
    # (each mention's key read once, for the three tables below)
    texts = [body[m.start : m.end] for m in mentions]
    found = [entity_key(t) for t in texts]
    keys = Counter(found)
    # A head the model calls a person elsewhere is a first name, not a glued org: "Mohamed
    # El-Hassan Mohamed" stays whole beside "Mohamed" used alone.
    person_words = {k for k, m in zip(found, mentions, strict=True) if m.label == "PERSON"}
    people = {
        k
        for k, m, t in zip(found, mentions, texts, strict=True)
        if m.label == "PERSON" and " " in t.strip()
    }
    out: list[Mention] = []
    for m, text in zip(mentions, texts, strict=True):
        two = _two_firms(m, text) or _place_then_person(body, m, text)
        if two:
            out.extend(two)
            continue
        if len(text.split()) < 3:
            out.append(m)  # (most mentions: no seam between two words and a third)
            continue
        toks = word_spans(body, m.start, m.end)
        cut = None
        if len(toks) >= 3:
            whole = entity_key(text)
            for i in range(1, len(toks) - 1):
                head = body[toks[0][0] : toks[i - 1][1]]
                tail = body[toks[i][0] : toks[-1][1]]
                tail_key = entity_key(tail)
                if body[toks[i][0] : toks[i][1]] in SURNAME_PARTICLES:
                    continue  # "Luca da Ponte", later "da Ponte": a surname, lowercase
                if (
                    tail_key in people
                    and tail_key != whole
                    and not (
                        m.label == "PERSON"
                        and (
                            (i <= 2 and all(_given_name(w, keys) for w in head.split()))
                            or _patronymic(head)
                        )
                    )
                ):
                    cut = i
                    break
                tail_words = tail.split()
                if (
                    keys[entity_key(head)] > 0
                    # "Gloria Estella Cardona" read as a body, "Gloria" alone as her
                    and not (
                        (m.label == "PERSON" or personnames.given_name(head))
                        and entity_key(head) in person_words
                    )
                    and entity_key(head) != whole
                    and 2 <= len(tail_words) <= 3
                    and all(name_like(w) for w in tail_words)
                    and _person_tail(body, tail_words, m)
                ):
                    cut = i
                    break
        if cut is None:
            out.append(m)
            continue
        head_toks = toks[:cut]
        while head_toks and body[head_toks[-1][0] : head_toks[-1][1]].casefold() in CONNECTORS:
            head_toks.pop()
        if head_toks:
            out.append(Mention(head_toks[0][0], head_toks[-1][1], m.label, org_word=m.org_word))
        titled = False
        while cut < len(toks) - 2 and body[toks[cut][0] : toks[cut][1]].casefold() in TITLES:
            cut, titled = cut + 1, True  # "Montego Bay" + "Councillor" + "Everton Blake"
        out.append(Mention(toks[cut][0], toks[-1][1], "PERSON", titled))
    return out


def _two_firms(m: Mention, text: str) -> list[Mention]:
    """ "Seri Mutiara Development Sdn Bhd and Tanjung Bayu Properties Sdn Bhd": two companies,
    each closed by its legal form, that the model read as one."""
    if m.label != "ORG" or (at := text.find(" and ")) < 0:
        return []
    head, tail = text[:at].split(), text[at + 5 :].split()
    if not (
        len(head) >= 2
        and len(tail) >= 2
        and head[-1].casefold().strip(",").replace(".", "") in LEGAL_FORMS
        and tail[-1].casefold().strip(",").replace(".", "") in LEGAL_FORMS
    ):
        return []
    second = m.start + at + 5
    return [Mention(m.start, m.start + at, "ORG", org_word=True), Mention(second, m.end, "ORG")]


def _place_then_person(body: str, m: Mention, text: str) -> list[Mention]:
    """ "The mayor of Quetzaltenango, Julio César Monterroso, said": a place, a comma and a
    person's full name, which the model read as one name; after a title and "of", no comma is
    needed ("Governor of Alexandria Ahmed Salah El-Din told …")."""
    at = text.find(", ")
    if at < 0:
        return _titled_place_then_person(body, m)
    if ", " in text[at + 2 :]:
        return []
    head, tail = text[:at], text[at + 2 :]
    if not (known_place_name(head) and personnames.person_shaped(tail)):
        return []
    return [Mention(m.start, m.start + at, "GPE"), Mention(m.start + at + 2, m.end, "PERSON")]


_TITLE_OF = re.compile(r"\b([A-Za-z]+) of $")
#: The offices of a place's government, whose holder news names right after the place; a
#: peer's or a bishop's title keeps its "of" ("Archbishop of Canterbury").
_CIVIC_TITLES = frozenset({"governor", "mayor", "president", "premier", "minister"})


def _titled_place_then_person(body: str, m: Mention) -> list[Mention]:
    """ "Governor of" + "Alexandria Ahmed Salah El-Din": the place a title is "of", then its
    holder's full name, the longest known place first."""
    if not body.endswith(" of ", 0, m.start):
        return []  # (most mentions: tested before the search)
    x = _TITLE_OF.search(body, max(0, m.start - 24), m.start)
    if x is None or x.group(1).casefold() not in _CIVIC_TITLES:
        return []
    words = word_spans(body, m.start, m.end)
    for n in range(min(3, len(words) - 2), 0, -1):
        head, tail = body[m.start : words[n - 1][1]], body[words[n][0] : m.end]
        if (
            known_place_name(head)
            and head.casefold() not in gazetteer.ORG_WORDS  # "Inspector General of Police"
            and personnames.person_shaped(tail)
        ):
            return [Mention(m.start, words[n - 1][1], "GPE"), Mention(words[n][0], m.end, "PERSON")]
    return []


#: Words that chain a person's name to a parent's or a family's: "Mohammed bin Abdulrahman"
#: goes on with "Al Thani", even when the article later says "Al Thani" alone.
_PATRONYMIC = frozenset({"bin", "binti", "bint", "ibn", "ben", "ould", "wad", "ap", "ferch"})


def _patronymic(head: str) -> bool:
    return any(w in _PATRONYMIC for w in head.split()[1:])


def _given_name(head: str, keys: Counter[str]) -> bool:
    """Is the one word before a person's surname(s) their given name ("Alejandra" of
    "Alejandra González Anaya", later "González Anaya"), not a place or org glued on?"""
    return (
        name_like(head)
        # used alone elsewhere, it is still the given name when the lists know it as one
        # ("When Brigid Jepkosgei Rotich crossed …", later "Brigid" and "Jepkosgei Rotich")
        and (not keys[entity_key(head)] or personnames.given_name(head))
        and not gazetteer.is_place(head)
        and not gazetteer.is_known_org(head)
        and not gazetteer.city_population(head)
    )


#: What a venue's name ends with that no family is named (a "Hall" or a "Field" may be), beside
#: the organisation and place words `_person_tail` refuses first ("Theatre", "Stadium", …).
_VENUE_KINDS = frozenset(
    {"centre", "center", "museum", "library", "hotel", "auditorium", "pavilion"}
)


def _person_tail(body: str, tail_words: list[str], m: Mention) -> bool:
    """May the tail of a span be a person glued to a name ("... Reconciliation Hassan Soufan")?

    Only when nothing in it names an org or a place ("Special Administrative Region",
    "Independent School District", "Battleground Tracker" are no people) and the article uses
    its last word, the surname, on its own elsewhere.
    """
    words = [w.strip(".,’'").casefold() for w in tail_words]
    if any(w in gazetteer.ORG_WORDS or w in gazetteer.PLACE_WORDS for w in words):
        return False
    if words[-1].replace(".", "") in LEGAL_FORMS:
        return False  # "KTZ" + "Container Express JSC": a firm, whatever else says "JSC"
    if words[-1] in _VENUE_KINDS:
        return False  # "Swansea" + "Grand Pavilion", though "Pavilion" ends another name too
    first = tail_words[0].strip(".,’'")
    if commonwords.is_adjective(first) and not personnames.listed_given(first):
        return False  # "Cairo" + "International Film Festival": no one is named "International"
    surname = tail_words[-1].strip(".,’'")
    # Uses of the surname inside another copy of the whole tail prove nothing: "Andy Warhol
    # Photographic Legacy Program", written three times, never uses "Program" alone.
    tail = " ".join(tail_words)
    inside = [(at, at + len(tail)) for at in word_positions(body, tail)]
    others = [
        at
        for at in word_positions(body, surname)
        if not m.start <= at < m.end and not any(s <= at < e for s, e in inside)
    ]
    return bool(others)
