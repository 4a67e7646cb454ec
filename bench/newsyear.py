"""A year of invented news, any size: the corpus `bench.scale` grows its libraries from.

What a heavy reader's library looks like, in the features that decide search and ingest cost:
300–1,200-word articles dated over twelve months; people, places and organisations drawn with
Zipf frequencies from a pool that grows with the corpus (about 20k distinct names at 100k
articles); about one article in ten a rewrite of a recent report by another outlet (so stories
form); a long-tailed vocabulary (topic words plus invented rare terms); a few undated articles.

Every sentence is generated here from word lists and templates; nothing is copied from real
copy. Each article carries the character spans of the names planted in it (`mentions`), which is
what the NER stand-in in `bench.scale` returns instead of running spaCy.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

#: Bump when the generated text changes: cached libraries keyed on it are rebuilt.
CORPUS_VERSION = 1

#: (start, end, label), the shape `index.entities.ner.pipe` yields.
Span = tuple[int, int, str]

_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "br",
    "dr",
    "gr",
    "kh",
    "sh",
    "st",
    "th",
    "tr",
]
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ou", "ia"]
_CODAS = ["", "", "", "n", "r", "l", "s", "m", "k", "nd", "rt", "sh"]
_PLACE_SUFFIX = ["", "", "ia", "ovo", "abad", "burg", "port", "ene", "istan", "ford", "ville"]
_PLACE_PREFIX = ["", "", "", "", "Port ", "New ", "Upper ", "Lower ", "Saint ", "Lake "]
_ORG_KIND = [
    "Authority", "Commission", "Council", "Union", "Ministry", "Bank", "Front", "Party",
    "Institute", "Agency", "Federation", "Alliance", "Company", "Trust", "Board", "Court",
]  # fmt: skip
_ORG_FIELD = [
    "Water", "Grain", "Energy", "Health", "Rail", "Port", "Labour", "Election", "Trade",
    "Mining", "Fisheries", "Housing", "Transport", "Customs", "Textile", "Aviation", "Forestry",
    "Telecom", "Pension", "Refugee", "Farmers", "Teachers", "Dockworkers", "Press", "Border",
]  # fmt: skip
_ORG_ADJ = ["National", "Central", "Northern", "Southern", "United", "Free", "Federal", "Regional"]

TOPICS: dict[str, str] = {
    "water": "pipeline reservoir drought pumps river rationing tanker canal dam irrigation "
    "wells aquifer shortage desalination floodgates",
    "election": "vote ballot candidate turnout campaign mayor council coalition poll recount "
    "runoff constituency manifesto electorate",
    "trade": "ferry exports tariff shipping port grain customs market prices freight cargo "
    "quota wholesale importers containers",
    "security": "border patrol convoy checkpoint forces militia offensive ceasefire troops "
    "drones artillery curfew detainees raid",
    "health": "hospital clinic vaccine outbreak doctors beds supplies cholera wards nurses "
    "ambulances pharmacy epidemic quarantine",
    "economy": "inflation budget currency wages deficit loans bonds unemployment subsidies "
    "taxes growth recession investors debt",
    "energy": "power grid blackout fuel refinery diesel turbines generators pipeline solar "
    "tariffs outages substations gas",
    "courts": "trial verdict judge appeal prosecutors defendants testimony acquittal sentence "
    "lawyers hearing indictment jury",
    "weather": "storm floods heatwave rainfall snow landslide evacuation winds forecast "
    "harvest frost cyclone",
    "transport": "railway strike airport flights buses motorway bridge tunnel timetable "
    "commuters fares terminal freight",
}
_VERBS = [
    "said",
    "warned",
    "announced",
    "confirmed",
    "denied",
    "argued",
    "insisted",
    "told",
    "promised",
    "admitted",
]
_GENERAL = [
    "officials",
    "residents",
    "plan",
    "week",
    "report",
    "figures",
    "government",
    "statement",
    "meeting",
    "agreement",
    "talks",
    "crisis",
    "decision",
    "months",
    "deal",
    "pressure",
    "response",
    "program",
    "region",
    "support",
    "funding",
    "committee",
    "project",
    "demand",
    "concern",
    "review",
    "measures",
    "authorities",
    "proposal",
    "local",
    "national",
    "spokesman",
    "district",
    "capital",
    "villages",
    "families",
    "workers",
    "critics",
    "analysts",
    "observers",
]
_ROLES = [
    "minister",
    "spokesperson",
    "director",
    "governor",
    "mayor",
    "chairman",
    "deputy",
    "adviser",
    "envoy",
    "commander",
    "economist",
    "lawyer",
    "researcher",
    "organiser",
    "negotiator",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TEMPLATES = [
    "{P} told reporters in {L} that the {t} {t} would matter for {L2} before the end of {g}.",
    "{P}, the {r} of the {O}, {v} on {d} that the {t} plan was under {g}.",
    "According to the {O}, {n} {g} were affected by the {t} in {L}.",
    '"We have asked for {t} and {t}, and we will keep asking," {P} {v}.',
    "The {O} {v} it had spent {n} million on {t} since the {g} began.",
    "In {L}, {g} described {t} and {t} as the main {g} of the week.",
    "{P} {v} that {P2} had not answered questions about the {t} {x}.",
    "Critics of the {O} {v} the {x} {t} came too late for {L}.",
    "Talks between the {O} and the {O2} over {t} {v2} in {L} on {d}.",
    "Prices for {t} rose by {n} percent, {P} {v}, citing {x} {g}.",
    "A {r} close to {P} {v} the {t} would be reviewed by the {O}.",
    "Residents of {L} {v} that {t} had become scarce and that {g} were waiting.",
    "The {x} report from the {O} listed {n} cases of {t} across {L} and {L2}.",
    "{P} and {P2} met in {L} to discuss {t}, {t} and the {x} {g}.",
    "{S} {v} on {d} that the {t} in {L} would continue for {n} more days.",
    "Few expected the {O} to change course on {t}, {S} {v}.",
]
_CONTINUE = ["resumed", "stalled", "collapsed", "continued", "ended"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )


def _name_word(rng: random.Random) -> str:
    return _word(rng, rng.choice((1, 2, 2, 3))).capitalize()


class _Zipf:
    """Draw items by rank with weight 1 / rank**s (bisect over cumulative weights: fast)."""

    def __init__(self, items: list[str], s: float = 1.05) -> None:
        self.items = items
        self.cum = list(itertools.accumulate(1 / (r**s) for r in range(1, len(items) + 1)))

    def draw(self, rng: random.Random) -> str:
        return self.items[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]


def pool_size(n: int) -> int:
    """Distinct names available at a corpus of `n` articles (~26k at 100k, ~20k drawn)."""
    return max(300, int(26_000 * (n / 100_000) ** 0.55))


@dataclass
class Article:
    """One generated article: what `Library.add` reads (as JSONL), plus the planted names."""

    title: str
    body: str
    url: str
    source: str
    published: str | None
    #: Spans into `title` and `body` of the names planted, as the NER stand-in returns them.
    title_mentions: list[Span] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    #: Index of the article this one rewrites, or None for an original report.
    rewrite_of: int | None = None
    names: frozenset[str] = frozenset()

    def record(self) -> dict[str, str | None]:
        return {
            "title": self.title,
            "body": self.body,
            "url": self.url,
            "source": self.source,
            "published": self.published,
        }


class _Text:
    """Builds text from pieces, recording the span of every name put in."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.size = 0

    def add(self, text: str, label: str | None = None) -> None:
        if label:
            self.spans.append((self.size, self.size + len(text), label))
        self.parts.append(text)
        self.size += len(text)

    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class _Cast:
    people: list[str]
    places: list[str]
    orgs: list[str]
    topic: str


class NewsYear:
    """A deterministic stream of `n` articles over a year (same seed, same corpus)."""

    def __init__(self, n: int, *, seed: int = 2026, start: datetime | None = None) -> None:
        self.n = n
        self.seed = seed
        self.start = start or datetime(2025, 1, 1, tzinfo=UTC)
        rng = random.Random(seed)
        size = pool_size(n)
        firsts = sorted({_name_word(rng) for _ in range(max(60, size // 40))})
        rng.shuffle(firsts)
        people: list[str] = []
        seen: set[str] = set()
        while len(people) < int(size * 0.55):
            name = f"{rng.choice(firsts)} {_name_word(rng)}"
            if name not in seen:
                seen.add(name)
                people.append(name)
        places: list[str] = []
        while len(places) < int(size * 0.25):
            name = rng.choice(_PLACE_PREFIX) + _name_word(rng) + rng.choice(_PLACE_SUFFIX)
            if name not in seen:
                seen.add(name)
                places.append(name)
        orgs: list[str] = []
        while len(orgs) < int(size * 0.20):
            kind = rng.choice(_ORG_KIND)
            name = rng.choice(
                (
                    f"{rng.choice(_ORG_ADJ)} {rng.choice(_ORG_FIELD)} {kind}",
                    f"{rng.choice(places)} {rng.choice(_ORG_FIELD)} {kind}",
                    f"{_name_word(rng)} {kind}",
                )
            )
            if name not in seen:
                seen.add(name)
                orgs.append(name)
        self.people, self.places, self.orgs = _Zipf(people), _Zipf(places), _Zipf(orgs, 1.1)
        # The long tail of a real vocabulary: invented terms, Zipf-distributed.
        rare = sorted({_word(rng, rng.choice((2, 3, 3, 4))) for _ in range(8000)})
        rng.shuffle(rare)
        self.rare = _Zipf(rare, 0.9)
        outlets = sorted({f"The {_name_word(rng)} {k}" for k in range(60) for _ in [0]})
        outlets = [
            f"{o} {rng.choice(['Post', 'Herald', 'Wire', 'Ledger', 'Times', 'Daily'])}"
            for o in outlets
        ]
        self.outlets = _Zipf(outlets, 0.8)

    # -- pieces ------------------------------------------------------------------------------
    def _cast(self, rng: random.Random) -> _Cast:
        people = list(dict.fromkeys(self.people.draw(rng) for _ in range(rng.randint(2, 6))))
        places = list(dict.fromkeys(self.places.draw(rng) for _ in range(rng.randint(1, 3))))
        orgs = list(dict.fromkeys(self.orgs.draw(rng) for _ in range(rng.randint(1, 3))))
        return _Cast(people, places, orgs, rng.choice(list(TOPICS)))

    def _sentence(self, rng: random.Random, cast: _Cast, out: _Text, used: set[str]) -> None:
        words = TOPICS[cast.topic].split()
        template = rng.choice(_TEMPLATES)
        for literal, slot, _, _ in _FORMAT.parse(template):
            out.add(literal)
            if slot is None:
                continue
            if slot in ("P", "P2"):
                person = rng.choice(cast.people)
                # A second reference by surname only, as copy does ("Haddad said").
                short = person in used and rng.random() < 0.6
                out.add(person.split()[-1] if short else person, "PERSON")
                used.add(person)
            elif slot == "S":
                out.add(rng.choice(cast.people).split()[-1], "PERSON")
            elif slot in ("L", "L2"):
                out.add(rng.choice(cast.places), "GPE")
            elif slot in ("O", "O2"):
                out.add(rng.choice(cast.orgs), "ORG")
            elif slot == "t":
                out.add(rng.choice(words))
            elif slot == "g":
                out.add(rng.choice(_GENERAL))
            elif slot == "x":
                out.add(self.rare.draw(rng))
            elif slot == "r":
                out.add(rng.choice(_ROLES))
            elif slot == "v":
                out.add(rng.choice(_VERBS))
            elif slot == "v2":
                out.add(rng.choice(_CONTINUE))
            elif slot == "d":
                out.add(rng.choice(_DAYS))
            elif slot == "n":
                out.add(str(rng.choice((2, 3, 5, 12, 40, 75, 120, 300, 1500, rng.randint(6, 999)))))

    def _paragraphs(self, rng: random.Random, cast: _Cast, words: int) -> list[_Text]:
        paras: list[_Text] = []
        used: set[str] = set()
        count = 0
        while count < words:
            para = _Text()
            for k in range(rng.randint(2, 4)):
                if k:
                    para.add(" ")
                before = para.size
                self._sentence(rng, cast, para, used)
                count += (para.size - before) // 6
            paras.append(para)
        return paras

    @staticmethod
    def _join(paras: list[_Text]) -> tuple[str, list[Span]]:
        out = _Text()
        for i, para in enumerate(paras):
            if i:
                out.add("\n\n")
            base = out.size
            out.parts.append(para.text())
            out.spans += [(a + base, b + base, lab) for a, b, lab in para.spans]
            out.size += para.size
        return out.text(), out.spans

    def _title(self, rng: random.Random, cast: _Cast) -> tuple[str, list[Span]]:
        out = _Text()
        word = rng.choice(TOPICS[cast.topic].split())
        form = rng.randrange(3)
        if form == 0:
            out.add(cast.places[0], "GPE")
            out.add(f" {word} {rng.choice(_GENERAL)}: ")
            out.add(cast.people[0], "PERSON")
            out.add(f" {rng.choice(_VERBS)} {self.rare.draw(rng)}")
        elif form == 1:
            out.add(cast.orgs[0], "ORG")
            out.add(f" {rng.choice(_VERBS)} {word} {rng.choice(_GENERAL)} in ")
            out.add(cast.places[0], "GPE")
        else:
            out.add(f"{word.capitalize()} {rng.choice(_GENERAL)} as ")
            out.add(cast.people[0], "PERSON")
            out.add(" meets ")
            out.add(cast.orgs[0], "ORG")
        return out.text(), out.spans

    # -- the stream --------------------------------------------------------------------------
    def articles(self, start: int = 0, stop: int | None = None) -> Iterator[Article]:
        """Articles `start`..`stop` (default n) in publication order; past n the stream goes on
        at the same pace (new articles for a library that holds the first n)."""
        rng = random.Random(self.seed * 1_000_003 + 17)
        step = timedelta(days=365) / self.n
        recent: deque[tuple[int, _Cast, list[_Text], datetime]] = deque(maxlen=200)
        for i in range(self.n if stop is None else stop):
            when = self.start + step * i + timedelta(minutes=rng.randint(0, 90))
            rewrite = recent and rng.random() < 0.10
            if rewrite:
                orig_i, cast, paras, orig_when = rng.choice(recent)
                # Another outlet's version: most paragraphs kept (some reworded), order kept.
                kept = [p if rng.random() < 0.7 else None for p in paras]
                sub_rng = random.Random(rng.random())
                mixed = [
                    p if p is not None else self._paragraphs(sub_rng, cast, 40)[0] for p in kept
                ]
                body, spans = self._join(mixed)
                when = max(when, orig_when + timedelta(hours=rng.randint(1, 36)))
                rewrite_of: int | None = orig_i
            else:
                cast = self._cast(rng)
                words = min(1200, max(300, int(rng.lognormvariate(6.35, 0.35))))
                paras = self._paragraphs(rng, cast, words)
                body, spans = self._join(paras)
                recent.append((i, cast, paras, when))
                rewrite_of = None
            title, title_spans = self._title(rng, cast)
            source = self.outlets.draw(rng)
            slug = "-".join(title.lower().split()[:5]).strip(":")
            dated = rng.random() > 0.01
            art = Article(
                title=title,
                body=body,
                url=f"https://{source.lower().replace(' ', '')}.example/{when:%Y/%m/%d}/{slug}-{i}",
                source=source,
                published=when.isoformat() if dated else None,
                title_mentions=title_spans,
                mentions=spans,
                rewrite_of=rewrite_of,
                names=frozenset([*cast.people, *cast.places, *cast.orgs]),
            )
            if i >= start:
                yield art


class _Formatter:
    """`string.Formatter().parse` without the import cost of string templates per call."""

    @staticmethod
    def parse(template: str) -> list[tuple[str, str | None, str, None]]:
        return _PARSED[template]


def _parse(template: str) -> list[tuple[str, str | None, str, None]]:
    import string

    return [(lit, name, "", None) for lit, name, _, _ in string.Formatter().parse(template)]


_PARSED = {t: _parse(t) for t in _TEMPLATES}
_FORMAT = _Formatter()
