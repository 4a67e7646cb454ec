"""Mention cleaning: from the span a model tagged to the name a reader would write.

Raw NER spans carry what surrounds a name: titles ("Defense Minister Thabet al-Abbasi"), a
leading "the", possessives ("Assad’s"), quotes and brackets ("the Hayat Tahrir al-Sham (HTS"),
a second name behind a slash or a dateline dash ("Kurdistan Region - Iraq"), an owner glued to
a person ("Rudaw’s Halkawt Aziz"). `clean` cuts a span down to its name(s) and records what it
cut as evidence for the resolver (a stripped title says "person"; a trailing "province" says
"place"). Everything works on offsets, so every cleaned mention still slices the body exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import gazetteer, nameforms, personnames
from .commalists import comma_parts, fields_of_one_body
from .leadtitles import strip_titles
from .nameforms import known_place_name, name_like, norm_word, person_shaped, plausible_name
from .namewords import SUBJECT_TAILS
from .sited import placed_after, two_institutions, venue_after
from .spans import within
from .wordlists import (
    CONNECTORS,
    MODIFIERS,
    PARTICLES,
    STRONG_TITLES,
    TITLES,
    rank_after,
)

__all__ = [
    "CONNECTORS",
    "MODIFIERS",
    "NUMBERED_UNITS",
    "PARTICLES",
    "POSSESSIVE_END",
    "STRONG_TITLES",
    "TITLES",
    "Mention",
    "clean",
    "known_place_name",
    "name_like",
    "person_shaped",
    "within",
]

# Where one tagged span holds two names: a slash, a spaced dash, a line break, a bracket,
# a semicolon, a double quote, a colon before a space (a caption's or a link's label: "Photo:
# Workers march …", "Also on Radio Live: JDF …"; no name holds one).
_SPLIT_RE = re.compile(
    # (never the slash of a legal form: "Nordvik Holding A/S", "Vale S/A")
    r"\s*(?!(?<=\b[AIKP])/S\b|(?<=\bS)/A\b)/\s*"
    r"|\s+[-\u2013\u2014]\s+|\s*\n\s*|\s*;\s*|[\"“”«»]|\s*(?!\((?:Pty|Pvt)\) (?:Ltd|Limited)\b)"
    r"(?<!\(Pty)(?<!\(Pvt)[()\[\]{}]\s*"  # (never a legal form's: "Umgeni Flow (Pty) Ltd")
    r"|(?<=[a-z]{2})[.!?]\s+"  # a sentence boundary the model ran across ("Pisa. Agency")
    r"|:\s+"  # a label before a caption or a link ("Photo: Workers march")
)
#: What every match of `_SPLIT_RE` holds. Most spans hold none of it, and this plain search
#: costs a tenth of running the splitter's alternatives at each of their characters.
_SPLIT_HINT = re.compile(r"[/\n;\"“”«»()\[\]{}]|\s[-\u2013\u2014]|[.!?:]\s")
POSSESSIVE_END = re.compile(r"[’']s?$")
_INITIALISM_END_RE = re.compile(r"(?:\b[A-Za-z]\.){2,}$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A cleaned mention: body offsets, the model's label and what cleaning learned.

    `label` is a spaCy label, or one of the resolver's own: "OWNER" (the owner in "Rudaw’s
    Halkawt Aziz"), "ACRONYM" (a defined acronym or its later use), "PLACE" (a pattern such as
    "the town of X").
    """

    start: int
    end: int
    label: str
    titled: bool = False
    place_word: bool = False
    org_word: bool = False

    def __eq__(self, other: object) -> bool:
        """The generated comparison, field by field and stopping at the first that differs:
        rules test `m in mentions` on every mention, and most differ in `start` alone. (The
        generated one builds two tuples of all six fields per comparison.)"""
        if other.__class__ is not self.__class__:
            return NotImplemented
        o: Mention = other  # type: ignore[assignment]
        return (
            self.start == o.start
            and self.end == o.end
            and self.label == o.label
            and self.titled == o.titled
            and self.place_word == o.place_word
            and self.org_word == o.org_word
        )


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to begin and end on a letter or digit (keeping "U.S." whole)."""
    while start < end and not body[start].isalnum():
        start += 1
    while end > start and not body[end - 1].isalnum():
        if body[end - 1] == "." and (
            _INITIALISM_END_RE.search(body, start, end)
            or _ABBREVIATION_END_RE.search(body, start, end)
        ):
            break
        end -= 1
    return start, end


#: Abbreviations that end a name with their full stop: "General Electric Co.", "Ray Dunn Jr."
_ABBREVIATION_END_RE = re.compile(r"(?<=\S)\s(?:Co|Corp|Inc|Ltd|Bros|Jr|Sr)\.$")


def word_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where each word between spaces of `body[start:end]` is: the runs `\\S+` finds, as
    `str.split` cuts them (both read Unicode's spaces alike), each found from the end of the
    one before (no word holds a space, so its first occurrence there is the word). This runs
    on every span and name part (~50 an article): a match object a word cost twice as much."""
    out: list[tuple[int, int]] = []
    pos = start
    for word in body[start:end].split():
        pos = body.find(word, pos, end)
        out.append((pos, pos + len(word)))
        pos += len(word)
    return out


def _glue_possessives(body: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Tokenised copy writes "People ’s Republic", "Duffy 's": the possessive is its owner's."""
    out: list[tuple[int, int]] = []
    for s, e in toks:
        if out and body[s:e] in _SPLIT_POSSESSIVES:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


_SPLIT_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
#: The first word of a "… General’s Office" the model left off, being a title alone.
_OFFICE_OF_TITLE = re.compile(r"\b(?:Attorney|Solicitor|Auditor|Inspector|Accountant) $")


def clean(body: str, start: int, end: int, label: str) -> list[Mention]:
    """The names inside one tagged span `body[start:end]`, as cleaned mentions (maybe none)."""
    out: list[Mention] = []
    if label == "ORG" and body.startswith("General", start):
        office = _OFFICE_OF_TITLE.search(body, max(0, start - 14), start)
        start = office.start() if office else start  # "Attorney" + "General’s Office"
    pos = start
    if _SPLIT_HINT.search(body, start, end):
        for sep in _SPLIT_RE.finditer(body, start, end):
            _clean_part(body, pos, sep.start(), label, out)
            pos = sep.end()
    if (
        body.find(" and ", pos, end) >= 0
        and _LIST.fullmatch(body, pos, end)
        and not fields_of_one_body(body, pos, end)  # "Meteorology, Climatology and … Agency"
    ):
        # "Tesla, Uber and Snapchat": a list the model tagged as one name (a firm's name of
        # several names is written with "&": "Langat, Omondi & Co.")
        for part in _LIST_PART.finditer(body, pos, end):
            _clean_part(body, part.start(), part.end(), label, out)
        return out
    parts = comma_parts(body, pos, end)  # "from Junee, Lockhart and Tumut"
    if parts is not None:
        for s, e in parts:
            _clean_part(body, s, e, label, out)
        return out
    pair = _PLACE_PAIR.fullmatch(body, pos, end) if label in ("GPE", "LOC", "FAC") else None
    if pair and not known_place_name(pair.group()):
        # "from Horsforth and Bramley": two places in one span, unless the pair is itself a
        # place the gazetteer knows ("Trinidad and Tobago", "Brighton and Hove").
        _clean_part(body, pair.start(1), pair.end(1), label, out)
        pos = pair.start(2)
    _clean_part(body, pos, end, label, out)
    return out


_LIST_NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?"
#: Three names or more in one span, listed with commas and a final "and".
_LIST = re.compile(rf"{_LIST_NAME}(?:, {_LIST_NAME})+,? and {_LIST_NAME}")
_LIST_PART = re.compile(_LIST_NAME)
#: Two one-word names joined by "and" in one place-typed span.
_PLACE_PAIR = re.compile(r"([A-Z][^\W\d_]+) and ([A-Z][^\W\d_]+)")


def _clean_part(body: str, start: int, end: int, label: str, out: list[Mention]) -> None:
    start, end = _trim(body, start, end)
    toks = word_spans(body, start, end)
    # Possessives are looked for only where an apostrophe is: most spans have none.
    text = body[start:end]
    apostrophe = "'" in text or "’" in text
    if apostrophe:
        toks = _glue_possessives(body, toks)
    if not toks:
        return
    # A possessive on the last word ("Assad’s", "Forces’") is not part of the name.
    s, e = toks[-1]
    m = POSSESSIVE_END.search(body, s, e) if apostrophe else None
    if (
        m
        and m.start() > s
        and not (len(toks) == 2 and body.startswith(nameforms.SAINTS, toks[0][0]))
    ):
        toks[-1] = (s, m.start())  # but "St. John's", "St Canice's": a saint's, in the name
    # "the Hayat Tahrir al-Sham": the article is not part of the name, unless a city's own
    # name starts with it ("The Hague", "The Bronx").
    if len(toks) > 1 and nameforms.opening_article(body, toks):
        toks = toks[1:]  # "an Oyo State High Court" too, but never "An Post"
    # "Rudaw’s Halkawt Aziz", "Syria’s High Committee": an owner glued to a name.
    for i in range(len(toks) - 1 if apostrophe else 0):
        s, e = toks[i]
        m = POSSESSIVE_END.search(body, s, e)
        if not m or m.start() == s or not m.group().endswith("s"):
            continue
        owner = body[toks[0][0] : m.start()]
        rest = [norm_word(body[a:b]) for a, b in toks[i + 1 :]]
        place = gazetteer.is_place(owner) or gazetteer.main_city_population(owner) >= 100_000
        if (
            not place
            and rest
            and all(
                w in gazetteer.ORG_WORDS or w in gazetteer.PLACE_WORDS or w in CONNECTORS
                for w in rest
            )
        ) or (i == 1 and body.startswith(nameforms.SAINTS, toks[0][0])):
            # "Korean People’s Army", "Workers’ Party", "St Columb’s Park": the possessive
            # is in the name.
            break
        if label == "ORG" and rest[:1] and rest[0] in _OFFICES and _office_holder(owner):
            break  # "the Prosecutor’s Office for Organised Crime": an office is its holder’s
        if label == "PERSON" or place:  # "Lahore's Alhamra": a city's, no part of the name
            _finish(body, [*toks[:i], (s, m.start())], "OWNER", out)
            toks = toks[i + 1 :]
        elif label == "ORG" and gazetteer.is_known_org(owner):
            # "The European Union's Copernicus service": a known body owns another.
            _finish(body, [*toks[:i], (s, m.start())], "ORG", out)
            toks = toks[i + 1 :]
        elif label == "ORG" and person_shaped(owner):
            # "Dorran Pike’s Blue Meridian": an org's owner written as a full name is a person.
            _finish(body, [*toks[:i], (s, m.start())], "PERSON", out)
            toks = toks[i + 1 :]
        elif label == "ORG" and len(rest) > 1 and rest[0] in _BODY_WORDS:
            # "the Assembly’s Committee for Social Affairs": a body's own committee or office
            # is named apart from it.
            _finish(body, [*toks[:i], (s, m.start())], "ORG", out)
            toks = toks[i + 1 :]
        break
    _finish(body, toks, label, out)


def _two_people(left: list[str], right: list[str]) -> bool:
    """ "Kwame Asante and Efua Asante", "Maria and José Okafor": no person's name holds "and",
    so a person's span that does is two people, when after "and" comes a full name (a given
    name and more) and before it another full name or a given name alone. ("Marks and
    Spencer", a firm the model calls someone, is no given name before a surname.)"""
    return (
        len(right) >= 2
        and personnames.given_name(right[0])
        and (len(left) >= 2 or personnames.given_name(left[0]))
    )


#: Words a number completes in a name: a union's local, a lodge, a numbered road.
#: (The first four name a part of an organisation: "Local 6500" is no product's model number.)
NUMBERED_UNITS = frozenset({"local", "lodge", "chapter", "branch"})
_NUMBERED = NUMBERED_UNITS | {"highway", "route", "precinct", "interstate"}
#: What an institution has inside it, named in its own right after a possessive.
_BODY_WORDS = frozenset(
    {"committee", "subcommittee", "office", "commission", "board", "council", "school", "faculty"}
    | {"department", "institute", "college", "centre", "center"}
)


#: What an office holder's possessive names as a body: "the Prosecutor's Office", "the
#: Divisional Special Judge's Court", "the Ombudsman's Office".
_OFFICES = frozenset({"office", "court", "department", "chambers", "bureau", "directorate"})


def _office_holder(owner: str) -> bool:
    """Does `owner` end with an office its holder is called by ("Chief Public Prosecutor",
    "Judge", "Ombudsman"), not a person's or a body's name ("Ruto", "the Assembly")?"""
    last = owner.rsplit(None, 1)[-1].casefold()
    return last in TITLES or last in ("ombudsman", "auditor-general", "registrar", "coroner")


#: Lowercase words a name holds: "Bosnia and Herzegovina", "Umgeni Flow Solutions (Pty) Ltd".
_INSIDE_NAMES = CONNECTORS | PARTICLES | {"(pty)", "(pvt)"}
#: A word that starts with an elided article or particle: "d'Ivoire", "l'Aquila".
_ELIDED = re.compile(r"[a-z][’'][A-Z]")


def _finish(body: str, toks: list[tuple[int, int]], label: str, out: list[Mention]) -> None:
    words = [body[s:e] for s, e in toks]
    # A lowercase word that cannot sit inside a name joins two names ("Victoria from Accra",
    # "Alpine Courier that Monteiro"); so does "and" between two places ("Florence and Rome").
    for i in range(1, len(words) - 1):
        w = words[i]
        joins = not name_like(w) and w.casefold() not in _INSIDE_NAMES
        if joins and label == "ORG" and w.isdigit() and nameforms.numbered_body(words, i):
            continue  # "the Mile 12 … Traders Association", "Sindicato … Número 1 Chuquicamata"
        if w == "&" and label == "PERSON":
            joins = True  # "Jenny Seaton & Harvey Deegan": two people, not one name
        elif not joins and w == "and":
            left = body[toks[0][0] : toks[i - 1][1]]
            right = body[toks[i + 1][0] : toks[-1][1]]
            joins = (
                nameforms.two_places(left, right)
                or (gazetteer.is_known_org(left) and gazetteer.is_known_org(right))
                or two_institutions(left, right)  # "Harrison College and Combermere School"
                or (i == 1 and left.isalpha() and left.isupper() and len(left) >= 2)
                # an acronym is a whole name: "the GMOA and Health Ministry"
                or (label == "PERSON" and _two_people(words[:i], words[i + 1 :]))
            )
        elif label == "PERSON" and w == "of" and i >= 2 and name_like(words[i + 1]):
            # "Bram van der Kolk of Visma-Lease": where someone is from or works is not part
            # of their name (what it is, the affiliation vote decides).
            _finish(body, toks[:i], label, out)
            _finish(body, toks[i + 1 :], "OWNER", out)
            return
        elif label != "PERSON" and w == "at" and venue_after(body, toks, i):
            # "the Chiefs at Apollo Projects Stadium": a side, then the ground it played at.
            _finish(body, toks[:i], label, out)
            _finish(body, toks[i + 1 :], "FAC", out)
            return
        elif label != "PERSON" and w in ("in", "on") and placed_after(body, toks, i, label):
            # "the Barrowland Ballroom in Glasgow", "Sullivant Avenue Middle School on the
            # Hilltop": a venue's name ends at its kind, and what follows places it.
            right = body[toks[i + 1][0] : toks[-1][1]]
            _finish(body, toks[:i], label, out)
            _finish(body, toks[i + 1 :], "GPE" if known_place_name(right) else "LOC", out)
            return
        if joins:
            _finish(body, toks[:i], label, out)
            _finish(body, toks[i + 1 :], label, out)
            return
    # Leading and trailing words that are not names: "pro-Iran", "province", "group".
    place_word = org_word = False
    postnominal = rank_after(words)
    if postnominal:  # "Colm de Búrca TD": a seat after the name marks a person
        words.pop()
        toks.pop()
    # "Côte d'Ivoire": a country or place the gazetteer knows keeps its lowercase last word
    whole_place = (
        label in ("GPE", "LOC", "FAC")
        and _ELIDED.match(words[-1]) is not None
        and known_place_name(" ".join(words))
    )
    while words and not whole_place and not name_like(words[-1]):
        if len(words) >= 2 and words[-1].isdigit() and norm_word(words[-2]) in _NUMBERED:
            break  # "United Steelworkers Local 6500", "State Highway 1"
        tail = norm_word(words[-1])
        place_word |= tail in gazetteer.PLACE_WORDS
        org_word |= tail in gazetteer.ORG_WORDS and tail not in SUBJECT_TAILS
        words.pop()
        toks.pop()
    while (
        words
        and not name_like(words[0])
        and words[0].casefold() not in PARTICLES
        # "the iTaukei Land Trust Board": the model's body opens with a name so written
        and not (label == "ORG" and len(words) >= 2 and nameforms.PREFIXED_NAME.fullmatch(words[0]))
        # "11th Infantry Division"; "the 3rd Health Region of Macedonia": a body of three
        # words or more keeps the ordinal that numbers it among its like
        and not (
            _ORDINAL.fullmatch(words[0])
            and (norm_word(words[-1]) in _UNITS or (label == "ORG" and len(words) >= 3))
        )
        and not (label == "PERSON" and nameforms.surname_opening(words))
    ):
        words.pop(0)
        toks.pop(0)
    if not words:
        return
    # "General Electric Co.": a company's name may start with a word that is also a title.
    # (The pattern ends with a full stop: that character is read first, the pattern seldom.)
    last = toks[-1][1]
    if (
        label == "PERSON"
        or body[last - 1] != "."
        or not _ABBREVIATION_END_RE.search(body, toks[0][0], last)
    ):
        toks, titled = strip_titles(words, toks, label)
    else:
        titled = False
    if not toks:
        return
    # (a name's last word is most often a name's: read first, before every word is read)
    if not name_like(body[toks[-1][0] : toks[-1][1]]) and not any(
        name_like(body[s:e]) for s, e in toks
    ):
        return
    start, end = _trim(body, toks[0][0], toks[-1][1])
    if end - start < 2 or not plausible_name(body[start:end]):
        return
    out.append(Mention(start, end, label, titled or postnominal, place_word, org_word))


#: "11th Infantry Division", "82nd Airborne", "9th Circuit": a numbered unit keeps its number.
_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
_UNITS = frozenset(
    {"division", "brigade", "battalion", "regiment", "corps", "army", "fleet", "squadron"}
    | {"infantry", "airborne", "armoured", "armored", "cavalry", "marines", "circuit", "precinct"}
)
