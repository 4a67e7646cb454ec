"""Names that the wording of a sentence gives away, found with plain patterns.

Two constructions are reliable enough to act on without a model:

* an acronym in parentheses right after a name whose initials spell it ("Kurdistan Regional
  Government (KRG)", "Hay’at Tahrir al-Sham (HTS)"): the acronym is an alias of the name, and
  every later bare "KRG" is a mention of it;
* a capitalised name governed by a generic place noun ("the town of Al-Qaim", "the al-Boukamal
  region", "Nineveh province"): the model often misses or mistypes these unfamiliar names.

A page's own lines that name a place (a dateline, a line of place and time) are read in
`placelines.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from . import commonwords, gazetteer
from .anchored import LedPattern, heads
from .clean import CONNECTORS, PARTICLES, TITLES
from .edges import OPENING_PREPOSITIONS, sentence_start, word_positions
from .kindlists import listed_before_kinds, named_after_kinds, named_before_site_kinds
from .nameforms import SAINTS
from .placewords import COMPASS

#: An acronym may end in a part after "/": "(PPP/C)".
_ACRONYM_RE = re.compile(r"\(\s*([A-Z][A-Za-z&]{0,7}(?:/[A-Z]{1,3})?)\s*\)")
_WORD_RE = re.compile(r"[\w’'.&-]+")
# How far back from "(" a name may start: a clause, not the whole paragraph.
_BACK = 120


@dataclass(frozen=True, slots=True)
class AcronymDefinition:
    """`body[start:end]` is a name, `body[acr_start:acr_end]` its acronym, defined in place."""

    start: int
    end: int
    acr_start: int
    acr_end: int

    def acronym(self, body: str) -> str:
        return body[self.acr_start : self.acr_end]


_DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]?")


def _initials(word: str) -> list[str]:
    """The letters `word` may contribute to an acronym, longest option first.

    "Al-Qaeda" may give "AQ" or "A"; "al-Sham" may give "S" (article dropped), "AS" or "A".
    """
    if _DOTTED.fullmatch(word):
        return ["".join(ch for ch in word if ch.isalpha()).upper()]  # "U.S." gives "US"
    parts = [p for p in word.split("-") if p]
    options: list[str] = []
    if len(parts) > 1:
        options.append("".join(p[0] for p in parts).upper())
        if parts[0].casefold() in PARTICLES:
            options.append("".join(p[0] for p in parts[1:]).upper())
    options.append(word[0].upper())
    return sorted(set(options), key=len, reverse=True)


def acronym_definitions(body: str) -> list[AcronymDefinition]:
    """Every "Full Name (FN)" in `body` whose words' initials spell the acronym.

    An acronym written as a word ("Saccawu", "Cosatu", as the South African and Kenyan press
    write a union's) spells all its letters, in order only: "South African Commercial, Catering
    and Allied Workers Union (Saccawu)"."""
    found: list[AcronymDefinition] = []
    for m in _ACRONYM_RE.finditer(body):
        acronym = m.group(1)
        letters = "".join(ch for ch in acronym if ch.isupper())
        worded = len(letters) == 1 and len(acronym) >= 4 and acronym[1:].isalpha()
        if worded and acronym[1:].islower():
            letters = acronym.upper()
        elif len(letters) < 2:
            continue
        window_start = max(0, m.start() - _BACK)
        cut = max(body.rfind(ch, window_start, m.start()) for ch in ';:\n()“”"')
        cut = max(cut, _sentence_end(body, window_start, m.start()))
        window_start = max(window_start, cut + 1)
        words = list(_WORD_RE.finditer(body, window_start, m.start()))
        texts = [w.group().strip(".’'") for w in words]
        first = _spelt_back(texts, len(texts) - 1, letters)
        start = None if first is None else words[first].start()
        if start is None and not worded:
            start = _any_order(words, letters)
        if start is None:
            continue
        end = words[-1].end()
        while end > start and not body[end - 1].isalnum():
            end -= 1
        found.append(AcronymDefinition(start, end, m.start(1), m.end(1)))
    return found


def _sentence_end(body: str, start: int, end: int) -> int:
    """The last full stop in body[start:end] that ends a sentence, not an initialism's ("the
    U.S. Trade Representative"); -1 if none."""
    for x in reversed(list(_STOP.finditer(body, start, end))):
        return x.start()
    return -1


#: A full stop after a word of two letters or more, or a digit: not "U.S." or "J. Smith".
_STOP = re.compile(r"(?<=[\w’'\]]{2})\.|(?<=\d)\.")


def _spelt_back(texts: list[str], i: int, need: str) -> int | None:
    """Where a name ends its way back to, reading `texts[: i + 1]` from the end, whose words'
    initials spell `need`; None if none does. A lowercase connector is skipped, or gives its
    letter when the acronym has one for it ("United Nations Interim Force in Lebanon
    (UNIFIL)"; "Organisation of the Petroleum Exporting Countries (OPEC)" skips "of the")."""
    if i < 0 or not texts[i]:
        return None
    text = texts[i]
    if text.casefold() in CONNECTORS and not text[:1].isupper():
        skipped = _spelt_back(texts, i - 1, need)
        if skipped is not None or not need.endswith(text[0].upper()) or len(need) == 1:
            return skipped  # a name never starts with its connector
        return _spelt_back(texts, i - 1, need[:-1])
    if not text[:1].isupper() and text.partition("-")[0].casefold() not in PARTICLES:
        if not need.endswith(text[0].upper()) or len(need) == 1 or text.casefold() in STOP_WORDS:
            return None
        # "Ligue nationale de rugby (LNR)": a name in its own language's sentence case, whose
        # lowercase words give their letters too; its opening word is no English word, so
        # "Crude palm oil (CPO)" opening a sentence is no name
        found = _spelt_back(texts, i - 1, need[:-1])
        opening = texts[found] if found is not None else ""
        return found if opening[:1].isupper() and not commonwords.is_word(opening) else None
    for option in _initials(text):
        if need.endswith(option):
            rest = need[: -len(option)]
            found = i if not rest else _spelt_back(texts, i - 1, rest)
            if found is not None:
                return found
    return None


def _any_order(words: list[re.Match[str]], letters: str) -> int | None:
    """Where a name starts whose initials spell `letters` in another order: "Basque
    Nationalist Party (PNV)", "Partido Nacional Blanco (PNB)" written in English. Only for
    three letters or more, and only when the words before "(" are exactly that many names."""
    if len(letters) < 3:
        return None
    picked: list[re.Match[str]] = []
    for w in reversed(words):
        text = w.group().strip(".’'")
        if not text:
            break
        if text.casefold() in CONNECTORS and not text[:1].isupper():
            continue
        if not text[:1].isupper():
            break
        picked.append(w)
        if len(picked) == len(letters):
            break
    initials = sorted(w.group()[0].upper() for w in picked)
    return picked[-1].start() if initials == sorted(letters) else None


def acronym_uses(body: str, acronym: str, skip: tuple[int, int]) -> list[tuple[int, int]]:
    """Later bare uses of a defined acronym ("KRG officials"), as body spans."""
    n = len(acronym)
    return [(at, at + n) for at in word_positions(body, acronym) if (at, at + n) != skip]


_NAME = r"(?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w’'-]+(?:\s(?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w’'-]+){0,2}"
_PLACE_NOUNS = (
    "town|city|village|province|region|district|governorate|suburb|outskirts|port"
    "|neighbourhood|neighborhood|valley"
)
#: Settlements named right after their kind: "second city Aleppo", "port Tartus".
_PLACE_SEATS = "city|town|village|capital|port"
#: (Tried only where one of its words is written: `anchored.py`.)
_PLACE_BEFORE_RE = LedPattern(
    re.compile(rf"\b(?:(?:{_PLACE_NOUNS}|capital|area) of|(?:{_PLACE_SEATS})) ({_NAME})"),
    heads(f"{_PLACE_NOUNS}|capital|area|{_PLACE_SEATS}"),
)
#: `\b[Tt]he`, written letter first: `re` skips to the letters a pattern opens with in C, but
#: tries one that opens with `\b` at every character (twice the time on a whole body). The
#: look-behind, read after the letter, tests the character before it.
_THE = r"[Tt](?<!\w.)he"
_PLACE_AFTER_RE = re.compile(
    rf"{_THE} ({_NAME}) (?:{_PLACE_NOUNS}|countryside|area|border crossing|crossing"
    r"|river|canal|creek|lagoon|aquifer|reservoir)\b"
)


#: "Lisbon's Chiado district", "Kitwe's Chimwemwe area": a city's own part, named after its
#: possessive and before its kind (the model keeps half the name, or reads it as someone).
_PLACE_OWNED_RE = re.compile(
    rf"[’']s ({_NAME}) (?:district|neighbourhood|neighborhood|suburb|quarter|area"
    r"|township|region|province|county)\b"
)


# "the Konyaaltı and Lara districts": two names one plural place noun governs.
_PLURAL_PLACES = (
    "districts|neighbourhoods|neighborhoods|provinces"
    "|regions|villages|towns|suburbs|valleys|governorates"
)
_PLACES_AFTER_RE = re.compile(rf"{_THE} ({_NAME}) and ({_NAME}) (?:{_PLURAL_PLACES})\b")
#: The plural noun every match of `_PLACES_AFTER_RE` ends with, looked for first in the head
#: scan every `LedPattern` shares: most articles write none, and `re` tried the pattern at
#: every "the" of the body.
_PLURAL_PLACE = LedPattern(
    re.compile(rf" (?:{_PLURAL_PLACES})\b"), [" " + kind for kind in heads(_PLURAL_PLACES)]
)


#: Ordinals that number the parts of a place, "the First and Second districts", as the compass
#: words place them: an adjective, not the part's name.
_ORDINALS = frozenset(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
)


def _a_direction(name: str) -> bool:
    """ "Northern" of "the Northern and Eastern provinces", "North-Western", "Second": a bare
    compass or ordinal word before a plural kind says which of them, and names none (the
    province is "Northern Province", written whole where the text names it)."""
    return all(
        part.casefold() in COMPASS or part.casefold() in _ORDINALS for part in name.split("-")
    )


@lru_cache(maxsize=4)
def _pairs_before_plural(body: str) -> tuple[tuple[int, int], ...]:
    """The spans of the two names of each "the X and Y districts" in `body`, in order: read
    once for the two questions each article asks of them (`listed_directions`, then
    `place_phrases`)."""
    if next(_PLURAL_PLACE.finditer(body), None) is None:
        return ()
    return tuple(m.span(g) for m in _PLACES_AFTER_RE.finditer(body) for g in (1, 2))


def listed_directions(body: str) -> list[tuple[int, int]]:
    """Spans of the bare compass and ordinal words listed before a plural kind of place ("the
    Northern and Eastern provinces"), which the model often tags as places of their own."""
    return [(s, e) for s, e in _pairs_before_plural(body) if _a_direction(body[s:e])]


def place_phrases(body: str) -> list[tuple[int, int]]:
    """Spans of names a place noun governs: "town of Al-Qaim", "second city Aleppo", "the
    al-Boukamal region", "the Fernwood neighbourhood", "Lisbon's Chiado district", "the X and
    Y districts", "Moonah residents"."""
    spans = [m.span(1) for m in _PLACE_BEFORE_RE.finditer(body)]
    spans += [m.span(1) for m in _PLACE_AFTER_RE.finditer(body)]
    spans += [m.span(1) for m in _PLACE_OWNED_RE.finditer(body)]
    spans += [(s, e) for s, e in _pairs_before_plural(body) if not _a_direction(body[s:e])]
    found = set(spans)
    spans += [
        s
        for s in (
            *listed_before_kinds(body),
            *named_after_kinds(body),
            *named_before_site_kinds(body),
        )
        if s not in found
    ]
    return spans + residents_of(body)


#: (Tried only where one is written, found in the scan every `LedPattern` shares: `re` tried
#: the alternation at every space of the body.)
_RESIDENTS = LedPattern(
    re.compile(r" (?:resident|villager|ratepayer|householder)s?\b"),
    [" resident", " villager", " ratepayer", " householder"],
)
_NAME_BEFORE = re.compile(rf"(?<![\w’'.-])({_NAME})$")


def residents_of(text: str) -> list[tuple[int, int]]:
    """ "Moonah resident Phil Ashby", "Chatsworth residents": the place people live in, by a
    name no dictionary holds (never "Local residents", "Turkish households", "UN resident
    coordinator")."""
    spans = []
    for m in _RESIDENTS.finditer(text):
        x = _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if x is not None and not any(
            w.isupper()
            or commonwords.is_word(w.casefold())
            or w.casefold() in STOP_WORDS  # "How villagers …"
            or gazetteer.is_demonym(w)
            or w.casefold() in TITLES
            for w in x.group(1).split()
        ):
            spans.append(x.span(1))
    return spans


_CAPITALISED_RE = re.compile(r"[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2}")


def capitalised_runs(body: str) -> list[tuple[int, int]]:
    """Runs of one to three capitalised words: where a gazetteer may find a name the model
    missed ("... control of Syria's second city Aleppo")."""
    out: list[tuple[int, int]] = []
    for m in _CAPITALISED_RE.finditer(body):
        start = m.start()
        run = m.group()
        if " " in run:  # (one word has no opener to cut: most runs)
            start, run = _without_opener(body, start, run)
        # "Amman's Grand Mosque" is an owner and a name: cut after the possessive (most runs
        # have no apostrophe to read).
        possessives = _POSSESSIVE_END_RE.finditer(run) if "’" in run or "'" in run else ()
        for p in possessives:
            if run.startswith(SAINTS) and " " not in run[run.index(" ") + 1 : p.start()]:
                continue  # "St Columb's Park": a saint's, in the name
            if m.start() + p.end() < m.end():
                out.append((start, m.start() + p.end() - 1))
                start = m.start() + p.end()
        out.append((start, m.end()))
    return out


_POSSESSIVE_END_RE = re.compile(r"[’']s\s")
#: Three capitalised words and a ground's last word, one past what `capitalised_runs` holds.
_GROUND_RUN_RE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){2} (?:Stadium|Arena)\b")


def ground_runs(body: str) -> list[tuple[int, int]]:
    """ "Zahur Ahmed Chowdhury Stadium": a ground named after a person in full is four words,
    one more than `capitalised_runs` reads, and the model often misses all of it."""
    if "Stadium" not in body and "Arena" not in body:
        return []  # (the pattern opens with a look-behind, tried at every character)
    return [x.span() for x in _GROUND_RUN_RE.finditer(body)]


#: A name with a Romance particle inside: "Rio de Janeiro", "Pays de la Loire", "Mar del Plata".
_PARTICLE_RUN_RE = re.compile(
    r"(?<![\w’'-])[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? (?:de la|de los|de las|de|da|do|dos|das|del|di|du)"
    r" [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?(?![\w’'-])"
)


#: What every such run holds, the particle between capitals: `re` skips to its " d" in C,
#: but tries the run's pattern, which opens with a look-behind, at every character, and
#: nine articles in ten have no particle at all.
_PARTICLE = LedPattern(  # (tried only where a particle is written, as `_RESIDENTS`)
    re.compile(r" (?:de|da|do|dos|das|del|di|du|de la|de los|de las) [A-Z]"),
    [" de ", " da ", " do ", " dos ", " das ", " del ", " di ", " du "],
)


def particle_runs(body: str) -> list[tuple[int, int]]:
    """Runs of capitalised words with a Romance particle inside, which `capitalised_runs`
    cuts at the particle."""
    out: list[tuple[int, int]] = []
    if next(_PARTICLE.finditer(body), None) is None:
        return out
    for m in _PARTICLE_RUN_RE.finditer(body):
        start, run = _without_opener(body, m.start(), m.group())
        out.append((start, start + len(run)))
    return out


def _without_opener(body: str, start: int, run: str) -> tuple[int, str]:
    """A run without the preposition opening its sentence ("At Balogun Market, traders …";
    mid-sentence, "In Salah" is a town)."""
    first, space, rest = run.partition(" ")
    if space and first.casefold() in OPENING_PREPOSITIONS and sentence_start(body, start):
        return start + len(first) + 1, rest
    return start, run


#: A ground's name in its country's language: "Estadio Nacional", "Stadio Olimpico".
_GROUND_PREFIXES = frozenset({"estadio", "estádio", "stadio", "stadionul"})
#: The last words of a sports ground, which may be named after a person in full.
_GROUNDS = frozenset({"stadium", "arena"})


def landmark(text: str) -> bool:
    """ "Shandao Station", "Grand Mosque", "Kossuth Square": two or three capitalised words
    ending in a landmark noun name a place even when the model missed them. Not "… Church",
    which is as often the denomination (an organisation) as the building. A ground may take
    four: grounds are named after a person in full ("Zahur Ahmed Chowdhury Stadium")."""
    from .edges import STARTERS
    from .namewords import PLACE_WORDS

    words = text.split()
    last = words[-1].casefold()
    return (
        2 <= len(words) <= (4 if last in _GROUNDS else 3)
        and (last in PLACE_WORDS or words[0].casefold() in _GROUND_PREFIXES)
        and last != "church"
        and all(w[:1].isupper() and w[1:2].islower() for w in words)
        and words[0].casefold() not in STARTERS
        and words[0].casefold() not in TITLES
    )
