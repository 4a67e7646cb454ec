"""Names listed before the plural kind of place they share: "the Birim and Pra rivers",
"Gaines, Terry and Lubbock counties", "in Wedi, Bayat and Cawas districts". Each name is a
place of that kind, whatever the model read (a river as a body, a county as a person): news
names bodies, people and works in such a list only with a kind of their own ("the Labour and
Green parties", "the Dawn and Nation newspapers"). Not "camps": a politician's ("the Sunak and
Truss camps") or a firm's are as common as a refugees'.
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer
from .anchored import LedPattern, heads
from .namewords import DENOMINATIONS
from .personnames import surname

#: A plural kind of place, lowercase (the capitalised "Rivers" opens names: "Rivers State"),
#: not read as a verb ("Haddad and Kowalski states that", "... stations the troops").
_KIND_WORDS = (
    "rivers|lakes|islands|counties|states|provinces|regions|districts|sub-districts"
    "|divisions|municipalities|communes|townships|wards|parishes|cantons|oblasts|prefectures"
    "|governorates|constituencies|neighbourhoods|neighborhoods|suburbs|villages|towns"
    "|valleys|reservoirs|dams|cells|stations|sub-counties|sub-cities"
)
#: (Tried only where a space and a kind are written, found in the scan every `LedPattern`
#: shares: `re` tried the alternation at every space of the body.)
_KINDS = LedPattern(
    re.compile(
        rf" (?:{_KIND_WORDS})(?![\w’'-])"
        r"(?! (?:that|the|a|an|his|her|its|their|our|how|what|why|whether)\b)"
    ),
    [" " + kind for kind in heads(_KIND_WORDS)],
)
_WORD = r"(?:(?:[Aa]l|[Ee]l)-)?[A-ZÀ-Þ][\w’'-]*"
_NAME = rf"{_WORD}(?: {_WORD}){{0,2}}"
#: Two names or more right before the kind, with commas and a last "and" ("A, B, and C").
_LIST = re.compile(rf"(?<![\w’'-])({_NAME}(?:, {_NAME})*),? and ({_NAME})$")
_NAME_RE = re.compile(_NAME)
#: How far back from the kind word a list may start.
_BACK = 120
#: Opening words a sentence capitalises before the list ("In Wedi, Bayat and Cawas districts").
_OPENERS = frozenset({"in", "at", "from", "the", "both", "between", "across", "and", "of"})


def listed_before_kinds(body: str) -> list[tuple[int, int]]:
    """Spans of the names listed right before a plural kind of place, when every one of them
    is a name (no demonym, faith, known body or English word the lists do not hold as a
    place): "the Kurdish and Arab districts" or "the Northern and Eastern provinces" give
    none."""
    out: list[tuple[int, int]] = []
    for k in _KINDS.finditer(body):
        x = _LIST.search(body, max(0, k.start() - _BACK), k.start())
        if x is None:
            continue
        spans = []
        for n in _NAME_RE.finditer(body, x.start(), x.end()):
            s, e = n.span()
            words = body[s:e].split(" ")
            while len(words) > 1 and words[0].casefold() in _OPENERS:
                s += len(words.pop(0)) + 1
            cut = max(body.rfind("’s ", s, e), body.rfind("'s ", s, e))
            if cut >= 0:  # "Aden's Crater"
                s = cut + 3
            spans.append((s, e))
        names = [body[s:e] for s, e in spans]
        passed = [n for n in names if _a_name(n)]
        if len(passed) == len(names) or (passed and all(n in passed or _a_noun(n) for n in names)):
            out.extend(spans)
    return out


def _a_noun(text: str) -> bool:
    """ "Crater" of "Aden's Crater and Sheikh Othman districts", "Terry" of "Gaines, Terry and
    Lubbock counties": a capitalised word that is an English noun and nothing else, listed
    with a name, is one more name of the kind. (Not an adjective: "the Northern and Eastern
    provinces", "the Old and New towns".)"""
    return " " not in text and commonwords.only_a_noun(text) and not gazetteer.is_demonym(text)


def _a_name(text: str) -> bool:
    if text.isupper() or gazetteer.is_known_org(text):
        return False  # "the BBC and ITV stations"
    for word in text.split(" "):
        key = word.casefold()
        if gazetteer.is_demonym(word) or key in DENOMINATIONS or key in _OPENERS:
            return False
    return not (
        " " not in text
        and commonwords.is_word(text.casefold())
        and not (gazetteer.is_place(text) or gazetteer.city_population(text))
    )


#: Settlements a report names by example after their plural kind: "suburbs such as Karori",
#: "villages including Nawakote and Klatanlo", "neighbourhoods such as Al Nahda and Karama".
_SETTLEMENTS = (
    "towns|villages|cities|suburbs|neighbourhoods|neighborhoods|districts|settlements"
    "|townships|provinces|regions|municipalities|communities|islands"
)
_SUCH_AS = LedPattern(
    re.compile(
        rf" (?:{_SETTLEMENTS}) (?:such as|including|like) "
        rf"({_NAME}(?:, {_NAME})*(?:,? (?:and|or) {_NAME})?)(?![\w’'-])"
    ),
    [" " + kind for kind in heads(_SETTLEMENTS)],
)


def named_after_kinds(body: str) -> list[tuple[int, int]]:
    """Spans of the names a plural kind of settlement gives as its examples ("communities
    such as Thompson and The Pas"), when every one of them is a name: "communities such as
    Muslim and Hindu families" or "towns like Bigger" give none."""
    out: list[tuple[int, int]] = []
    for k in _SUCH_AS.finditer(body):
        names = _NAME_RE.finditer(body, k.start(1), k.end(1))
        # ("The Pas": a town's own article, which `_a_name` reads as an opening word)
        spans = [n.span() for n in names if not n.group().startswith("The ")]
        if all(_a_name(body[s:e]) or _a_surname(body[s:e]) for s, e in spans):
            out.extend(spans)
    return out


def _a_surname(text: str) -> bool:
    """ "Thompson" of "communities such as Thompson": a surname the word index holds as a
    noun only (a person's lemma: "thompson", "lincoln", "nelson"), given as a settlement's
    example, is the town named after someone, not an English word ("Bigger", "Rural", "Brown"
    are more than a noun)."""
    return " " not in text and commonwords.only_a_noun(text) and surname(text)


#: A site's kind in lowercase after "the" and its name: "the Xiquelene terminal", "its
#: Nakamozu campus", "the Long Hau industrial park". (Only after a name that passes `_a_name`:
#: "the Chinese terminal" is none. Not "market": writers split on "the Mushir market" and
#: "Mushir", and a market's name is the one the model tags most often.)
#: (Tried only where one is written, found in the scan every `LedPattern` shares.)
_SITE = LedPattern(
    re.compile(r" (?:terminal|campus|industrial park)(?![\w’'-])"),
    [" terminal", " campus", " industrial park"],
)
#: ... and "the", "its" or "their" and the name right before it (read back from the kind).
_SITE_NAME = re.compile(rf"(?:(?<![\w’'-])(?:[Tt]he|[Ii]ts|[Tt]heir)) ({_NAME})$")


def named_before_site_kinds(body: str) -> list[tuple[int, int]]:
    """Spans of the names right before a lowercase kind of site, when they are names."""
    out = []
    for k in _SITE.finditer(body):
        x = _SITE_NAME.search(body, max(0, k.start() - 60), k.start())
        if x is not None and _a_name(x.group(1)):
            out.append(x.span(1))
    return out
