"""Within one article: which cleaned mentions are the same entity, and what type it is.

The model labels each mention on its own, so one person arrives as "Bashar al-Assad" (PERSON),
"Assad" (PERSON) and "Assad’s" (ORG), a militia as three different types, and "Aleppo" as a
nationality. The resolver works the way a careful reader does:

1. acronyms defined in parentheses become aliases of their names ("KRG");
2. a span that glues a title to a name the article also uses alone is cut in two;
3. mentions with one key form a group (every spelling of a country is one key);
4. a short name joins the unique longer name that contains it ("Assad" -> "Bashar al-Assad"),
   and is left alone when two names could claim it;
5. each group's type is voted over all its mentions, with gazetteer and context evidence;
   members of one enumeration ("X, Y and Z") lend each other their types;
6. every kept name is looked for again in the body, so mentions the model missed are found.
"""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..model import ENTITY_TYPES, EntityType
from . import LocalEntity, gazetteer
from .clean import CONNECTORS, Mention, clean, name_like, stray_spans
from .keys import entity_key
from .ner import RawEntity
from .patterns import acronym_definitions, acronym_uses, capitalised_runs, place_phrases
from .repair import (
    cued_names,
    drop_non_names,
    extend_truncated,
    join_parts,
    non_name,
    trim_edges,
)

#: Votes one mention's label casts. NORP casts none: it only joins a group other evidence types.
_LABEL_VOTES: dict[str, tuple[tuple[EntityType, float], ...]] = {
    "PERSON": (("person", 1.0),),
    "GPE": (("place", 1.0),),
    "LOC": (("place", 1.0),),
    "FAC": (("place", 0.5),),
    "ORG": (("org", 1.0),),
    "OWNER": (("org", 0.5),),
    "ACRONYM": (("org", 0.5),),
    "CUED": (("person", 1.0),),
    "PLACE": (("place", 2.0),),
    "GAZETTEER": (("place", 1.0),),
}
#: A city the model missed is added only when this big: a town that small shares its name
#: with too many people and words.
_RECALL_POPULATION = 500_000

_PREV_PLACE_STRONG = re.compile(
    r"\b(?:town|city|village|province|region|district|governorate|capital|outskirts|suburbs?"
    r"|port|area|countryside) of\s+(?:the\s+)?$"
)
_PREV_PLACE_WEAK = re.compile(
    r"\b(?:in|near|at|from|via|into|toward|towards|across|outside|through|throughout|around"
    r"|inside|within|on)\s+$"
)
_NEXT_PLACE = re.compile(
    r"^(?:\s+(?:province|governorate|region|district|countryside|border|city|town|village|river"
    r"|valley|mountains|plain|coast|basin|delta|court|authorities|residents|municipality"
    r"|airport)\b|-based\b)"
)
_PREV_TITLE = re.compile(
    r"\b(?:president|minister|spokes(?:man|woman|person)|mr|mrs|ms|dr|sheikh|ayatollah|senator"
    r"|governor|mayor|ambassador|envoy|chancellor|chair|chairman|chairwoman|commander|general"
    r"|colonel|judge|prosecutor|member|leader|secretary|director|coordinator|candidate"
    r"|officer|manager)\.?\s+$",
    re.IGNORECASE,
)
_PREV_ROLE = re.compile(
    r"\b(?:spokes\w+|minister|commander|president|leader|director|chief|head|member|official"
    r"|envoy|ambassador|adviser|advisor|coordinator|manager|researcher|analyst|economist"
    r"|accountant|lawyer|prosecutor|candidate|chairman|chair|secretary|mayor|governor|officer"
    r"|journalist|correspondent|drivers?|resident|witness|relative|farmer|owner)\b[^.,;:\n]{0,40},\s+$"
)
_NEXT_ORG = re.compile(
    r"^\s+(?:group|militia|faction|movement|party|organi[sz]ation|network|coalition|alliance"
    r"|company|agency|ministry|officials|fighters|militants)\b"
)
_NEXT_PERSON_ROLE = re.compile(
    r"^,\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,4}?(?:spokes\w+|minister|commander|president"
    r"|leader|director|chief|head|member|official|envoy|ambassador|adviser|advisor|general"
    r"|colonel|officer|journalist|correspondent|chairman|secretary|mayor|governor|coordinator"
    r"|manager|researcher|analyst|economist|candidate|lawyer|prosecutor|mp|mep|lawmaker"
    r"|legislator|senator|congressman|congresswoman)\b"
)
_NEXT_SPEECH = re.compile(
    r"^,?\s+(?:said|says|told|added|noted|vowed|stated|stressed|warned|explained|insisted"
    r"|confirmed|acknowledged)\b"
)
# "The Port Authority of Valencia said": the speaker is what the name is the object of.
_PREV_OF = re.compile(r"\bof\s+(?:the\s+)?$")
_LIST_GLUE = re.compile(r"^(?:\s*,\s*|,?\s+(?:and|or)\s+)$")


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
    """
    defs = acronym_definitions(body)
    lines = _Spans(stray_spans(body))
    defining = {lines.containing(d.acr_start - 1, d.acr_end + 1) for d in defs}
    stray = _Spans(s for i, s in enumerate(lines.spans) if i not in defining)

    mentions: list[Mention] = []
    for start, end, label in raw:
        if stray.containing(start, end) is not None:
            continue
        mentions.extend(clean(body, start, end, label))
    mentions = drop_non_names(
        body, trim_edges(body, join_parts(body, extend_truncated(body, mentions)))
    )
    mentions += cued_names(body, mentions, stray.spans)

    aliases: dict[str, str] = {}  # acronym key -> name key
    mentions = _apply_acronyms(body, mentions, defs, aliases)
    mentions = _split_glued(body, mentions)
    mentions = _add_place_phrases(body, mentions)
    mentions = drop_non_names(body, _add_gazetteer_places(body, mentions, stray))

    groups = _group(body, mentions, aliases)
    _link_short_names(body, groups)
    _join_known_as(body, groups)
    types = _vote(body, groups)
    kept = {k: g for k, g in groups.items() if k in types}
    _complete(body, kept, stray)
    entities = _entities(body, kept, types)
    return entities + _headline_places(title, title_raw, entities)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Spans:
    """Sorted spans that do not overlap (stray lines, credits), with a fast "which one holds
    this span" test: a long article has thousands of lines."""

    __slots__ = ("_starts", "spans")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]

    def containing(self, start: int, end: int) -> int | None:
        """The index of the span that holds `[start, end)`, or None."""
        i = bisect_right(self._starts, start) - 1
        return i if i >= 0 and self.spans[i][1] >= end else None


class _Cover:
    """How many mentions cover each character of the body: an overlap test costs the length
    of the span tested, not the number of mentions (tens of thousands in a long article)."""

    __slots__ = ("_count",)

    def __init__(self, size: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._count = array("H", bytes(2 * size))
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int, step: int = 1) -> None:
        count = self._count
        for i in range(start, end):
            count[i] += step

    def remove(self, start: int, end: int) -> None:
        self.add(start, end, -1)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self._count[start:end])


def _apply_acronyms(
    body: str, mentions: list[Mention], defs: Sequence, aliases: dict[str, str]
) -> list[Mention]:
    """Make "Name (ACR)" one name with an alias, absorbing model fragments of the name."""
    if not defs:
        return mentions
    cover = _Cover(len(body), ((m.start, m.end) for m in mentions))
    for d in defs:
        start, end = d.start, d.end
        absorbed = [m for m in mentions if _overlaps((m.start, m.end), (start, end))]
        for m in absorbed:  # "the United Nations Office" + "(OCHA)" definition: widen the name
            if m.start < start and body[m.start : start].count("\n") == 0:
                start = m.start
        keep = [m for m in mentions if m not in absorbed]
        for m in absorbed:
            cover.remove(m.start, m.end)
        labels = [m.label for m in absorbed] or ["ACRONYM"]
        added = [Mention(start, end, label) for label in labels]
        added.append(Mention(d.acr_start, d.acr_end, "ACRONYM"))
        for m in added:
            cover.add(m.start, m.end)
        keep.extend(added)
        acronym = d.acronym(body)
        for s, e in acronym_uses(body, acronym, (d.acr_start, d.acr_end)):
            if not cover.overlaps(s, e):
                keep.append(Mention(s, e, "ACRONYM"))
                cover.add(s, e)
        aliases[entity_key(acronym)] = entity_key(body[start:end])
        mentions = keep
    return mentions


def _split_glued(body: str, mentions: list[Mention]) -> list[Mention]:
    """Cut "High Committee for National Reconciliation Hassan Soufan" into org and person.

    A span is cut only where the article itself shows the seam: its tail is a full name the
    model tagged as a person elsewhere, or its head is a name the article uses on its own.
    """
    keys = Counter(entity_key(body[m.start : m.end]) for m in mentions)
    people = {
        entity_key(body[m.start : m.end])
        for m in mentions
        if m.label == "PERSON" and " " in body[m.start : m.end].strip()
    }
    out: list[Mention] = []
    for m in mentions:
        toks = [
            (t.start() + m.start, t.end() + m.start)
            for t in re.finditer(r"\S+", body[m.start : m.end])
        ]
        cut = None
        if len(toks) >= 3:
            for i in range(1, len(toks) - 1):
                head = body[toks[0][0] : toks[i - 1][1]]
                tail = body[toks[i][0] : toks[-1][1]]
                tail_key = entity_key(tail)
                if tail_key in people and tail_key != entity_key(body[m.start : m.end]):
                    cut = i
                    break
                tail_words = tail.split()
                if (
                    keys[entity_key(head)] > 0
                    and entity_key(head) != entity_key(body[m.start : m.end])
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
        out.append(Mention(toks[cut][0], toks[-1][1], "PERSON"))
    return out


def _person_tail(body: str, tail_words: list[str], m: Mention) -> bool:
    """May the tail of a span be a person glued to a name ("... Reconciliation Hassan Soufan")?

    Only when nothing in it names an org or a place ("Special Administrative Region",
    "Independent School District", "Battleground Tracker" are no people) and the article uses
    its last word, the surname, on its own elsewhere.
    """
    words = [w.strip(".,’'").casefold() for w in tail_words]
    if any(w in gazetteer.ORG_WORDS or w in gazetteer.PLACE_WORDS for w in words):
        return False
    surname = tail_words[-1].strip(".,’'")
    others = [
        x.start()
        for x in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", body)
        if not m.start <= x.start() < m.end
    ]
    return bool(others)


def _add_place_phrases(body: str, mentions: list[Mention]) -> list[Mention]:
    for span in place_phrases(body):
        for s, e in _clean_spans(body, span):
            mentions.append(Mention(s, e, "PLACE"))
    return mentions


def _add_gazetteer_places(body: str, mentions: list[Mention], stray: _Spans) -> list[Mention]:
    """Countries and big cities the model did not tag at all."""
    taken = _Cover(len(body), ((m.start, m.end) for m in mentions))
    for start, end in capitalised_runs(body):
        if taken.overlaps(start, end) or stray.containing(start, end) is not None:
            continue
        for s, e in _clean_spans(body, (start, end)):
            text = body[s:e]
            if gazetteer.is_demonym(text):
                continue
            if gazetteer.country(text) or (
                len(text) >= 4
                and not _sentence_start(body, s)
                and gazetteer.city_population(text) >= _RECALL_POPULATION
            ):
                mentions.append(Mention(s, e, "GAZETTEER"))
    return mentions


def _sentence_start(body: str, pos: int) -> bool:
    before = body[max(0, pos - 3) : pos].rstrip(" ")
    return not before or before[-1] in '.!?\n"“‘(:'


def _clean_spans(body: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in clean(body, span[0], span[1], "PLACE")]


class _Group:
    """Mentions believed to be one entity, with the evidence gathered for its type."""

    __slots__ = ("country", "mentions", "secondary", "shared_surname", "votes")

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.secondary: set[str] = set()  # keys of "known as" names: never the display name
        self.country: str | None = None
        self.votes: defaultdict[str, float] = defaultdict(float)
        self.shared_surname = False

    def texts(self, body: str) -> list[str]:
        return [body[m.start : m.end] for m in self.mentions]

    def labels(self) -> Counter[str]:
        return Counter(m.label for m in self.mentions)

    def longest_key(self, body: str) -> str:
        return max((entity_key(t) for t in self.texts(body)), key=len)


def _group(body: str, mentions: list[Mention], aliases: dict[str, str]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for m in mentions:
        text = body[m.start : m.end]
        key = entity_key(text)
        if not key:
            continue
        key = aliases.get(key, key)
        country = gazetteer.country(text) if m.label != "ORG" or " " not in text else None
        if country:
            key = "country:" + entity_key(country)
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group()
        g.mentions.append(m)
        if country:
            g.country = country
    return groups


def _link_short_names(body: str, groups: dict[str, _Group]) -> None:
    """Merge each short name into the one longer name that contains it, if exactly one does."""
    words = {k: g.longest_key(body).split() for k, g in groups.items()}
    for key in sorted(groups, key=lambda k: len(words[k])):
        short = words[key]
        g = groups[key]
        if g.country and g.labels().most_common(1)[0][0] != "PERSON":
            continue
        candidates = [
            k
            for k in groups
            if k != key and len(words[k]) > len(short) and _contains(words[k], short)
        ]
        candidates = [
            k
            for k in candidates
            if not any(_contains(words[k], words[o]) for o in candidates if o != k)
        ]
        if len(candidates) != 1:
            g.shared_surname = len(candidates) > 1 and all(
                _is_person(groups[k]) and words[k][-1] == short[-1] for k in candidates
            )
            continue
        target = candidates[0]
        if not _may_link(short, words[target], g, groups[target]):
            continue
        groups[target].mentions.extend(g.mentions)
        del groups[key]


_KNOWN_AS = re.compile(
    r",\s+(?:also\s+|better\s+|widely\s+|commonly\s+|popularly\s+)?"
    r"(?:known|referred\s+to|nicknamed)\s+as\s+(?:the\s+)?"
)
_NAME_AT = re.compile(
    r"(?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w’'-]+(?:\s+(?:(?:[Aa]l|[Ee]l)-)?[A-Z][\w’'-]+){0,3}"
)


def _join_known_as(body: str, groups: dict[str, _Group]) -> None:
    """ "Ahmed al-Sharaa, known as al-Jolani": the second name is an alias of the first."""
    ends = {m.end: k for k, g in groups.items() for m in g.mentions}
    for x in _KNOWN_AS.finditer(body):
        owner = ends.get(x.start())
        y = _NAME_AT.match(body, x.end())
        if owner is None or y is None or owner not in groups:
            continue
        ykey = entity_key(y.group())
        other = next(
            (k for k, g in groups.items() if k != owner and ykey in map(entity_key, g.texts(body))),
            None,
        )
        target = groups[owner]
        target.secondary.add(ykey)
        if other is not None:
            target.mentions.extend(groups.pop(other).mentions)
        if not any(m.start == y.start() for m in target.mentions):
            target.mentions.append(Mention(y.start(), y.end(), "FOUND"))


def _is_person(g: _Group) -> bool:
    labels = g.labels()
    return labels["PERSON"] >= max(labels["ORG"], labels["GPE"], 1)


def _known_place(name: str) -> bool:
    return gazetteer.is_place(name) or gazetteer.city_population(name) > 0


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _may_link(short: list[str], long: list[str], g: _Group, target: _Group) -> bool:
    """Is `short` a way of writing `long`? People by surname; orgs and places by a fuller part.

    "Assad" is Bashar al-Assad and "Salvation Government" the Syrian Salvation Government; but
    "Hezbollah" is not Kataib Hezbollah, and "Kurdistan" is not the Kurdistan Regional
    Government: a one-word short name joins an org or place only if all that it lacks is
    particles or demonyms.
    """
    if _is_person(target):
        if g.labels().most_common(1)[0][0] != "PERSON" and _known_place(" ".join(short)):
            return False  # "Victoria" the city beside "Victoria Lang"
        if short[-1] == long[-1]:
            return True  # a surname
        # "Xi" of "Xi Jinping": a one-word name that starts exactly one person's full name
        # (surname-first names, or a first name used alone) and is written as a person.
        return (
            len(short) == 1
            and 2 <= len(long) <= 3
            and long[0] == short[0]
            and g.labels()["PERSON"] + g.votes["person_cue"] > 0
        )
    if any(w in gazetteer.ORG_WORDS for w in long) and _known_place(" ".join(short)):
        return False  # "South Carolina" stays a place beside "University of South Carolina"
    if g.labels().most_common(1)[0][0] == "PERSON" and len(short) == 1:
        return False
    i = next(i for i in range(len(long)) if long[i : i + len(short)] == short)
    lacking = long[:i] + long[i + len(short) :]
    if len(short) >= 2:
        return all(
            w in CONNECTORS or gazetteer.is_demonym(w) or gazetteer.is_place(w) for w in lacking
        ) or i + len(short) == len(long)
    return all(w in CONNECTORS or gazetteer.is_demonym(w) for w in lacking)


def _vote(body: str, groups: dict[str, _Group]) -> dict[str, EntityType]:
    """Each group's type, or no entry when it is not an entity (demonyms, unsupported NORP)."""
    for g in groups.values():
        votes = g.votes
        name = _best_name(body, g)
        # News introduces a person by full name before using the surname alone, and linking
        # has already joined such surnames to their full names. A one-word name still alone
        # ("Al-Qaim", "Tuscany") that the model calls a person is as often a town or a group,
        # so its label counts for less; a surname two people share is surely a person.
        person_weight = 0.5 if " " not in name else 1.0
        if g.shared_surname:
            votes["person"] += 2
        for m in g.mentions:
            for type_, weight in _LABEL_VOTES.get(m.label, ()):
                votes[type_] += weight * (person_weight if type_ == "person" else 1.0)
                if m.label in _MODEL_LABELS and " " in body[m.start : m.end].strip():
                    votes["model_" + type_] += 1  # what the model said of the full name
                elif m.label in _STRONG_LABELS:
                    votes["strong_" + type_] += 1
            if m.titled:
                votes["person"] += 2
                votes["person_cue"] += 1
                votes["strong_person"] += 1
            if m.place_word:
                votes["place"] += 1.5
                votes["strong_place"] += 1
            if m.org_word:
                votes["org"] += 1.5
                votes["strong_org"] += 1
            _context_votes(body, m, votes, acronym=name.isupper())
        before = {t: votes[t] for t in ENTITY_TYPES}
        _name_votes(name, g, votes)
        for t in ENTITY_TYPES:
            if votes[t] > before[t]:
                votes["strong_" + t] += 1
    _list_votes(body, groups)
    types: dict[str, EntityType] = {}
    for key, g in groups.items():
        scores: dict[EntityType, float] = {t: g.votes[t] for t in ENTITY_TYPES}
        type_, score = max(scores.items(), key=lambda kv: kv[1])
        if score <= 0:
            continue
        name = _best_name(body, g)
        type_ = _keep_model_type(name, g, type_)
        if gazetteer.is_demonym(name) and (type_ != "person" or _doubtful_person(name, g)):
            continue
        if _common_word(body, name, g):
            continue
        if g.shared_surname:
            # Left alone, not guessed: "Beridze" when Tamar and Nino Beridze are both in the
            # story. Listing it would add a third, unreal person to the sidebar and registry.
            continue
        types[key] = type_  # type: ignore[assignment]
    return types


#: spaCy's own labels (what the model said) and the resolver's labels that are evidence.
_MODEL_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG"})
_STRONG_LABELS = frozenset({"PLACE", "GAZETTEER"})


def _keep_model_type(name: str, g: _Group, winner: EntityType) -> EntityType:
    """Only evidence overrides the model on a full name: "Julian Assange" stays a person
    when nothing but context words ("in", "said", a list) voted for another type."""
    if " " not in name:
        return winner
    model = {t: g.votes["model_" + t] for t in ENTITY_TYPES}
    said = max(model, key=model.__getitem__)
    labelled = sum(model.values())
    if not labelled or said == winner or model[said] * 2 <= labelled:
        return winner
    return winner if g.votes["strong_" + winner] > 0 else said


def _doubtful_person(name: str, g: _Group) -> bool:
    """Is a demonym that won the person vote ("Afghan") really the group, not someone?"""
    # Without a title or a role beside it, a lone demonym ("Afghan") names a nationality.
    return not g.votes["person_cue"]


def _common_word(body: str, name: str, g: _Group) -> bool:
    """A lone capitalised word the body also writes in lowercase ("Turnout" / "turnout") is a
    sentence-initial common noun, not a name: unless something marks it as one."""
    if " " in name or "-" in name or name.isupper() or g.country or g.votes["person_cue"]:
        return False
    return re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", body) is not None


def _context_votes(body: str, m: Mention, votes: defaultdict[str, float], *, acronym: bool) -> None:
    before = body[max(0, m.start - 60) : m.start]
    after = body[m.end : m.end + 60]
    placed = False
    if _PREV_PLACE_STRONG.search(before):
        votes["place"] += 1.5
        placed = True
    elif not acronym and _PREV_PLACE_WEAK.search(before):
        votes["place"] += 0.5
        placed = True
    if _NEXT_PLACE.match(after):
        votes["place"] += 1.5
    if _NEXT_ORG.match(after):
        votes["org"] += 1
    if acronym:
        return
    cue = 0.0
    if _PREV_TITLE.search(before):
        cue += 2
    elif _PREV_ROLE.search(before):
        cue += 1
    if _NEXT_PERSON_ROLE.match(after):
        cue += 1
    elif not placed and _NEXT_SPEECH.match(after) and not _PREV_OF.search(before):
        cue += 0.5
    if cue:
        votes["person"] += cue
        votes["person_cue"] += 1
        if cue >= 1:  # a title or a role beside the name, not just "said"
            votes["strong_person"] += 1


def _name_votes(name: str, g: _Group, votes: defaultdict[str, float]) -> None:
    words = [w.strip(".,’'").casefold() for w in name.split()]
    if g.country:
        votes["place"] += 10
        return
    if gazetteer.is_place(name):
        votes["place"] += 3
    if gazetteer.is_known_org(name):
        votes["org"] += 3
    if any(w in gazetteer.ORG_WORDS for w in words):
        votes["org"] += 3
    elif words and (words[-1] in gazetteer.PLACE_WORDS or words[0] in gazetteer.PLACE_PREFIXES):
        votes["place"] += 2
    elif not votes["person_cue"] and not name.isupper():
        # Named like a city and never titled, described by a role or quoted: the model's
        # "person" guess is weaker than the gazetteer. ("Paris" said something: a person.)
        pop = gazetteer.city_population(name)
        if pop >= 1_000_000:
            votes["place"] += 4
        elif pop >= 100_000:
            votes["place"] += 3
        elif pop:
            votes["place"] += 1.5


def _list_votes(body: str, groups: dict[str, _Group]) -> None:
    """Members of one enumeration ("Kataib Hezbollah, Al-Nujaba and ...") share a type."""
    owner = {}
    for key, g in groups.items():
        for m in g.mentions:
            owner[(m.start, m.end)] = key
    spans = sorted(owner)
    runs: list[list[str]] = []
    run: list[str] = []
    for prev, cur in itertools.pairwise(spans):
        if not run:
            run = [owner[prev]]
        if _LIST_GLUE.match(body[prev[1] : cur[0]]):
            run.append(owner[cur])
        else:
            if len(run) >= 3:
                runs.append(run)
            run = []
    if len(run) >= 3:
        runs.append(run)
    leaders = {}
    for k, g in groups.items():
        scores = {t: g.votes[t] for t in ("person", "place", "org")}
        best = max(scores, key=scores.__getitem__)
        if scores[best] > 0:
            leaders[k] = best
    for run in runs:
        for key in set(run):
            lent = Counter(leaders[o] for o in run if o != key and o in leaders)
            for type_, n in lent.items():
                groups[key].votes[type_] += min(n, 2)


def _proper(text: str) -> bool:
    return all(name_like(w) or w.casefold() in CONNECTORS for w in text.split())


def _best_name(body: str, g: _Group) -> str:
    """The longest properly capitalised form; ties go to the most frequent, then the first."""
    if g.country:
        return g.country
    texts = g.texts(body)
    counts = Counter(texts)
    first: dict[str, int] = {}
    for i, t in enumerate(texts):
        first.setdefault(t, i)
    acronyms = {t for t in counts if t.isupper() and " " not in t}
    pool = [t for t in counts if t not in acronyms and entity_key(t) not in g.secondary]
    pool = pool or [t for t in counts if t not in acronyms] or list(counts)
    return max(pool, key=lambda t: (_proper(t), len(t.split()), counts[t], len(t), -first[t]))


def _complete(body: str, groups: dict[str, _Group], stray: _Spans) -> None:
    """Find again, as mentions, every written form of a kept entity the model did not tag."""
    taken = _Cover(len(body), ((m.start, m.end) for g in groups.values() for m in g.mentions))
    forms: list[tuple[str, str]] = []
    for key, g in groups.items():
        for text in set(g.texts(body)):
            if len(text) >= 3 or text.isupper():
                forms.append((text, key))
    forms.sort(key=lambda f: -len(f[0]))
    for text, key in forms:
        pos = body.find(text)
        while pos != -1:
            end = pos + len(text)
            if (
                (pos == 0 or not body[pos - 1].isalnum())
                and (end == len(body) or not body[end].isalnum())
                and not taken.overlaps(pos, end)
                and stray.containing(pos, end) is None
                and not non_name(body, pos, end, "FOUND")
            ):
                groups[key].mentions.append(Mention(pos, end, "FOUND"))
                taken.add(pos, end)
            pos = body.find(text, end)


def _entities(
    body: str, groups: dict[str, _Group], types: dict[str, EntityType]
) -> list[LocalEntity]:
    out: list[tuple[int, LocalEntity]] = []
    for key, g in groups.items():
        name = _best_name(body, g)
        spans = sorted({(m.start, m.end) for m in g.mentions})
        aliases = sorted({body[s:e] for s, e in spans} - {name})
        out.append((spans[0][0], LocalEntity(types[key], name, tuple(aliases), tuple(spans))))
    out.sort(key=lambda x: x[0])
    return [e for _, e in out]


def _headline_places(
    title: str, title_raw: Iterable[RawEntity], entities: list[LocalEntity]
) -> list[LocalEntity]:
    """Places named only in the headline that the gazetteer confirms (a country, a city).

    A Title-Case headline makes the model see names everywhere ("Prisoner Releases"), so no
    other headline-only name is trusted.
    """
    known = {entity_key(n) for e in entities for n in (e.name, *e.aliases)}
    out: list[LocalEntity] = []
    for start, end, label in title_raw:
        if label not in ("GPE", "LOC", "PERSON", "ORG", "NORP"):
            continue
        for m in clean(title, start, end, label):
            text = title[m.start : m.end]
            name = gazetteer.country(text) or (
                text if gazetteer.city_population(text) >= 100_000 else None
            )
            if not name or gazetteer.is_demonym(text):
                continue
            if known.isdisjoint({entity_key(name), entity_key(text)}):
                known.add(entity_key(name))
                aliases = (text,) if text != name else ()
                out.append(LocalEntity("place", name, aliases, ()))
    return out
