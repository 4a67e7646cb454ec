"""What the Whoosh index holds for an article, and how its text is analysed.

Design choices (issue 2, then issue 7 for 100,000 articles):

* Title and body are stemmed and accent-folded ("Turkiye" finds "Türkiye"); apostrophes inside
  words are dropped ("Hay’at" is "hayat"). BM25F with the title's field boost at 2.0. Folding
  runs on the word as written, before and after lower-casing (`FoldFilter`): lower-casing
  first turned the Turkish "İ" into "i" plus a combining dot, so "İzmir" was indexed as a word
  "izmir" never matched and "did you mean" offered with an invisible mark (QA 6).
* Entities are held as the ids of the entity *forms* an article links to (see
  `Registry.index_forms`), never as names: names, aliases and types are resolved to form ids at
  query time. So a merge, split, rename, alias, retype or a new spelling never rewrites the
  index document of an article whose text did not change, and indexing an article never counts
  anything. The same ids sit in a column (`entity_forms`) so facets read one value per sampled
  document instead of walking postings.
* The body is indexed with positions only and not stored: SQLite already holds it, and storing
  it twice was a third of the index on disk. The caller hands bodies in for the hits it shows,
  and `index.fragments` finds the matched words in them itself (analysing only the few words a
  regular expression points at), so character offsets in the postings — a further ~30% of
  their size — are not needed either.
* `newest` is the newest-first key: the publication date, or when Dateline first saw an undated
  article, in seconds; `id` is also a column, so per-segment arrays map docnums to ids and keys.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from whoosh.analysis import (
    STOP_WORDS,
    Filter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)
from whoosh.analysis.analyzers import Analyzer
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.support.charset import accent_map

from .entities.keys import fold

#: Bump when the schema or analyzers change: an index with another version is rebuilt.
#: 5: `FoldFilter` ("İzmir" is "izmir", "Straße" is "strasse", "Ærø" is "aero"); a word keeps
#: its combining marks ("दिल्ली", "Zu\u0308rich" are one word each).
SCHEMA_VERSION = 5
#: `pubtime` of an undated article (dates are filtered from this column, not from terms).
UNDATED = -(2**62)

#: What an apostrophe may be written as; dropped inside a word ("Hay’at" is "hayat").
APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\u201b"


def _marks() -> str:
    """The combining marks `\\w` leaves out, as a character-class body: Devanagari's vowel
    signs, Arabic's harakat, an accent in decomposed text. `\\w` alone cut "दिल्ली" into
    letters too short to index and "Zu\u0308rich" in two, so such words could not be found.
    The blocks where scripts keep their marks, read once (~1 ms)."""
    spans: list[list[int]] = []
    for lo, hi in ((0x300, 0x2000), (0x20D0, 0x2100), (0x3099, 0x309B), (0xFE20, 0xFE30)):
        for c in range(lo, hi):
            if unicodedata.category(chr(c))[0] == "M" and not chr(c).isalnum():
                if spans and spans[-1][1] == c - 1:
                    spans[-1][1] = c
                else:
                    spans.append([c, c])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in spans)


# A word letter, or a mark on one.
_W = rf"[\w{_marks()}]"
_WORD = rf"{_W}+(?:[{APOSTROPHES}.]{_W}+)*"
_NAME_WORD = rf"\w+(?:[{APOSTROPHES}]\w+)*"
# "us" and "may" are news words (the US, the month of May), not noise.
_STOPWORDS = frozenset(STOP_WORDS) - {"us", "may"}


@dataclass(frozen=True)
class IndexDoc:
    """What the index needs of one article. `entities` are form ids (`Registry.index_forms`);
    `added` is when Dateline first saw the article (the sort key of an undated one)."""

    id: str
    title: str
    body: str
    published: datetime | None
    source: str | None
    url: str | None
    story: str
    entities: tuple[int, ...] = ()
    added: datetime | None = None


class NameFoldFilter(Filter):
    """Folds each name word with `fold()` (the entity registry's folding)."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for t in tokens:
            text = fold(t.text).replace(" ", "")
            if not text:
                continue
            t.text = text
            yield t


#: Latin letters folded to ASCII (Whoosh's map), the ligatures it leaves, and the combining
#: accents NFKC cannot compose onto a letter ("i" + U+0307, what "İ".lower() gives) dropped;
#: so are Arabic's short-vowel marks and its stretching tatweel ("مُحَمَّد" is "محمد").
_FOLDS: dict[int, str] = {
    **accent_map,
    **{c: "" for c in range(0x300, 0x370)},
    **{c: "" for c in (*range(0x64B, 0x660), 0x670, 0x640)},
    ord("æ"): "ae",
    ord("œ"): "oe",
}


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """`word` lower-cased with its accents folded: "İZMİR" and "İzmir" are "izmir", "Straße"
    is "strasse", "Ærø" is "aero". Compatibility forms are read as their letters first
    ("ﬁnance" is "finance"), and the case is folded before the accents so that no letter's
    lower case brings a combining mark of its own. Letters of other scripts keep their marks
    (Cyrillic "й" is not "и"). Cached: news repeats its words."""
    return unicodedata.normalize("NFKC", word).casefold().translate(_FOLDS)


class FoldFilter(Filter):
    """Lower case and accent folding in one pass (`fold_word`); plain ASCII words, most of
    English news, only need `lower()`."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        for t in tokens:
            t.text = t.text.lower() if t.text.isascii() else fold_word(t.text)
            yield t


def text_analyzer() -> Analyzer:
    """Title and body: words, lower case, accents folded, apostrophes dropped, stemmed."""
    return (
        RegexTokenizer(_WORD)
        | SubstitutionFilter(f"[{APOSTROPHES}]", "")
        | FoldFilter()
        | StopFilter(stoplist=_STOPWORDS, minsize=2)
        | StemFilter()
    )


def name_analyzer() -> Analyzer:
    """Sources: folded words, no stemming, no stop words."""
    return RegexTokenizer(_NAME_WORD) | NameFoldFilter()


def schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        title=TEXT(analyzer=text_analyzer(), stored=True, field_boost=2.0, spelling=True),
        body=TEXT(analyzer=text_analyzer(), spelling=True),
        published=DATETIME(),
        newest=NUMERIC(int, bits=64, signed=False, sortable=True),
        pubtime=COLUMN(NumericColumn("q", default=UNDATED)),
        source=TEXT(analyzer=name_analyzer()),
        story=ID,
        entities=KEYWORD(scorable=False),
        entity_forms=COLUMN(VarBytesColumn()),
    )


def naive_utc(dt: datetime | None) -> datetime | None:
    if dt is None or dt.tzinfo is None:
        return dt
    return dt.astimezone(UTC).replace(tzinfo=None)


def seconds(dt: datetime | None, *, floor: int = 0) -> int:
    """Seconds since 1970 (UTC for a naive datetime); `floor` for None and anything earlier."""
    if dt is None:
        return floor
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return max(floor, int(dt.timestamp()))


def pack_forms(forms: Iterable[int]) -> bytes:
    import numpy as np

    return np.asarray(sorted(set(forms)), dtype="<i4").tobytes()


def fields(doc: IndexDoc) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "body": doc.body,
        "story": doc.story,
        "newest": seconds(doc.published or doc.added),
        "pubtime": seconds(doc.published, floor=UNDATED),
        "entity_forms": pack_forms(doc.entities),
    }
    if doc.published is not None:
        out["published"] = naive_utc(doc.published)
    if doc.source:
        out["source"] = doc.source
    if doc.entities:
        out["entities"] = " ".join(str(f) for f in sorted(set(doc.entities)))
    return out
