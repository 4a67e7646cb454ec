"""Who said what: quotations in an article attributed to the entity that spoke them.

Rule-based on purpose. The NER pipeline excludes spaCy's parser (see `index.entities.ner`), and
news attribution is formulaic enough that quote marks, speech verbs and the positions of the
article's entity mentions decide nearly every case, in microseconds:

* direct quotes — a span in quote marks (three words or more: a scare-quoted phrase is not a
  quotation) with its attribution frame after it ('"…," Haddad told reporters', '"…," said the
  minister') or before it ('Selin Aydın said: "…"', 'the spokesman, Colonel Omar Rahim,
  said "…"'). A quote with no frame continues the speaker of the quote before it in the same
  paragraph, or of the paragraph before when it opens its own paragraph (the news convention
  for a long quotation).
* reported speech — a sentence without quote marks whose subject speaks ('Haddad said on
  Monday that …', '…, Haddad told reporters.', 'According to Haddad, …').

The speaker must be an entity mention of the frame (a person, else an organisation, as in
"the Red Crescent said"). "The minister" or "the spokesman" count only when exactly one person
in the article holds that role ("Interior Minister Selin Aydın", "Omar Rahim, the
spokesman,"); "he" or "she" only when a person was named before. Anything less certain is left
out: a missing quote costs less than a quote put in the wrong mouth.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .sentences import Span, paragraphs, sentences
from .speakers import ROLE_NOUNS, Who, pronoun, role_in, surnames
from .speakers import roles as roles_of
from .speakers import words as _words

__all__ = ["ROLE_NOUNS", "Quote", "Who", "attribute"]


@dataclass(frozen=True)
class Quote:
    """A quotation and its speaker; offsets are into the body."""

    speaker: int
    start: int
    end: int
    #: The sentence span holding the quote and its attribution.
    sentence: Span
    #: "direct" (in quote marks) or "reported" (indirect speech).
    kind: str
    #: The speech verb as written ("said", "told"), or "" for a continued quotation.
    cue: str


_SPEECH_VERBS_TEXT = """
    said says say saying told tells tell added adds warned warns stated states announced
    announces insisted insists argued argues claimed claims denied denies noted notes explained
    explains stressed stresses acknowledged acknowledges confirmed confirms declared declares
    predicted predicts recalled recalls wrote writes asked asks replied replies responded
    responds vowed vows promised promises admitted admits complained complains contended
    contends maintained maintains suggested suggests remarked remarks observed observes
    continued concluded cautioned cautions conceded concedes countered counters tweeted posted
    estimated estimates emphasised emphasized reiterated
    """
SPEECH_VERBS = frozenset(_SPEECH_VERBS_TEXT.split())
#: Verbs that take an object before the quotation ("told reporters", "asked the council").
OBJECT_VERBS = frozenset({"told", "tells", "tell", "asked", "asks", "warned", "warns"})
#: Reported speech without "that" is only trusted after these ("Haddad said the pumps …").
BARE_REPORT_VERBS = frozenset({"said", "says", "added", "adds", "warned", "warns", "insisted"})
#: Words that may stand between an inverted verb and the name ("said Dr. Hiba Mansour").
_BEFORE_NAME = frozenset(
    {"the", "dr", "mr", "mrs", "ms", "prof", "professor", "col", "colonel", "gen", "general"}
    | {"capt", "captain", "maj", "major", "sheikh", "judge", "sen", "senator", "lt", "sgt"}
)
_PASSIVE = frozenset({"was", "were", "is", "are", "be", "been", "being", "not", "to"})
_PRONOUNS = frozenset({"he", "she"})

_WORD = re.compile(r"[\w’'-]+")
#: A quick test that a sentence holds a speech verb at all (most sentences do not).
_SPEECH = re.compile(
    r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r"|according)\b",
    re.IGNORECASE,
)
_OPENERS = "“«„"
_MARK = re.compile(r'[“«„"]')
_CLOSERS = "”»“"
#: Quote frames are short: the speaker and the verb within this many words of the quote.
FRAME_WORDS = 14
MIN_QUOTE_WORDS = 3
MIN_REPORTED_WORDS = 4


def attribute(body: str, mentions: Sequence[Who]) -> list[Quote]:
    """Every quotation in `body` whose speaker is one of `mentions`' entities, in order."""
    whos = sorted((m for m in mentions if m.type in ("person", "org")), key=lambda m: m.start)
    whos = sorted([*whos, *surnames(body, whos)], key=lambda m: m.start)
    roles = roles_of(body, whos)
    out: list[Quote] = []
    last_speaker: int | None = None  # of the last direct quote of the previous paragraph
    for p_start, p_end in paragraphs(body):
        marks = _quote_spans(body, p_start, p_end)
        spoken: list[Quote] = []
        for i, (o, c) in enumerate(marks):
            inner = _strip_span(body, o + 1, c)
            if len(_WORD.findall(body[inner[0] : inner[1]])) < MIN_QUOTE_WORDS:
                continue
            nxt = marks[i + 1][0] if i + 1 < len(marks) else p_end
            prev = marks[i - 1][1] + 1 if i else p_start
            trailing_comma = body[inner[1] : c + 1].startswith(",") or body[c - 1 : c] == ","
            if trailing_comma:
                found = _after(body, c + 1, nxt, whos, roles, strict=False)
            else:
                found = _before(body, prev, o, whos, roles) or _after(
                    body, c + 1, nxt, whos, roles, strict=True
                )
            cue = ""
            if found is not None:
                speaker, cue, frame = found
            elif spoken and spoken[-1].kind == "direct":
                speaker, frame = spoken[-1].speaker, (o, c)
            elif o == p_start and last_speaker is not None:
                speaker, frame = last_speaker, (o, c)
            else:
                continue
            if speaker == _PRONOUN:
                resolved = pronoun(whos, out + spoken, o)
                if resolved is None:
                    continue
                speaker = resolved
            lo, hi = min(o, frame[0]), max(c + 1, frame[1])
            spoken.append(
                Quote(speaker, inner[0], inner[1], _sentence_of(body, lo, hi, p_end), "direct", cue)
            )
        covered = [(o, c + 1) for o, c in marks]
        for s_start, s_end in sentences(body, (p_start, p_end)):
            if any(o < s_end and s_start < c for o, c in covered):
                continue
            quote = _reported(body, s_start, s_end, whos, roles, out + spoken)
            if quote is not None:
                spoken.append(quote)
        spoken.sort(key=lambda q: q.start)
        out += spoken
        direct = [q for q in spoken if q.kind == "direct"]
        last_speaker = direct[-1].speaker if direct else None
    return out


#: A placeholder speaker: "he"/"she", resolved against what came before.
_PRONOUN = -1


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(opening mark, closing mark) positions; an unclosed quote runs to the paragraph end."""
    out = []
    i = start
    while i < end:
        found = _MARK.search(text, i, end)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if ch in _OPENERS or (ch == '"' and _opens(text, i, start)):
            closer = "»" if ch == "«" else ('"' if ch == '"' else "”")
            j = text.find(closer, i + 1, end)
            if ch == "„":
                j = min((k for k in (text.find("“", i + 1, end), j) if k >= 0), default=-1)
            if j < 0:
                out.append((i, end))
                break
            out.append((i, j))
            i = j + 1
        else:
            i += 1
    return out


def _opens(text: str, i: int, start: int) -> bool:
    """A straight quote opens when it follows a space, an opening bracket or line start."""
    return i == start or text[i - 1].isspace() or text[i - 1] in "([—–-:"


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in "…"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _bare(text: str, start: int, end: int) -> set[str]:
    return {w for w, _, _ in _words(text, start, end)}


def _frame_end(text: str, start: int, limit: int) -> int:
    for k in range(start, limit):
        if text[k] in ".!?;" and not _abbreviated(text, start, k):
            return k
    return limit


def _abbreviated(text: str, start: int, k: int) -> bool:
    from .sentences import ABBREVIATIONS

    m = re.search(r"([\w.]+)$", text[start:k])
    if text[k] != "." or not m:
        return False
    word = m.group(1).lower().strip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _after(
    text: str,
    start: int,
    nxt: int,
    whos: Sequence[Who],
    roles: dict[str, set[int]],
    *,
    strict: bool,
) -> tuple[int, str, Span] | None:
    """'"…," Haddad told reporters.' / '"…," said the minister': the frame after the quote.

    After a quote that ends its own sentence ('"…." Haddad said.') the frame must be short,
    so a new sentence about someone else ('"…." Aydın said the plan was late.') is not taken
    for the attribution."""
    end = _frame_end(text, start, nxt)
    words = _words(text, start, end)[:FRAME_WORDS]
    if not words or text[start : words[0][1]].strip(" ,—–-"):
        return None
    for k, (w, ws, we) in enumerate(words[:8]):
        if w not in SPEECH_VERBS:
            continue
        if k and words[k - 1][0] in _PASSIVE:
            return None
        rest = _words(text, we, end)
        if (strict and len(rest) > 4) or any(r[0] == "that" for r in rest):
            return None
        speaker = _speaker(text, (words[0][1], ws), (we, end), whos, roles, w)
        if speaker is None:
            return None
        return speaker, text[ws:we], (start, min(end + 1, len(text)))
    return None


def _before(
    text: str, start: int, quote: int, whos: Sequence[Who], roles: dict[str, set[int]]
) -> tuple[int, str, Span] | None:
    """'Selin Aydın said: "…"' / 'the spokesman, Colonel Omar Rahim, said "…"'."""
    for k in range(quote - 2, start, -1):  # the frame starts with the quote's sentence
        if text[k] in ".!?" and text[k + 1].isspace() and not _abbreviated(text, start, k):
            start = k + 1
            break
    words = _words(text, start, quote)
    if not words or text[words[-1][2] : quote].strip() not in ("", ":", ",", "—", "–"):
        return None
    words = words[-FRAME_WORDS:]
    if len(words) >= 2 and words[0][0] == "according" and words[1][0] == "to":
        who = _speaker(text, (words[1][2], quote), (quote, quote), whos, roles, "according")
        return (who, "according to", (words[0][1], quote)) if who is not None else None
    for k in range(len(words) - 1, 0, -1):
        w, ws, we = words[k]
        if w not in SPEECH_VERBS:
            continue
        if words[k - 1][0] in _PASSIVE:
            return None
        after = [a for a in words[k + 1 :] if a[0] != "that"]
        if len(after) > (6 if w in OBJECT_VERBS else 3):
            return None
        who = _speaker(text, (words[0][1], ws), (we, we), whos, roles, w)
        return (who, text[ws:we], (words[0][1], quote)) if who is not None else None
    return None


def _reported(
    text: str,
    start: int,
    end: int,
    whos: Sequence[Who],
    roles: dict[str, set[int]],
    before: Sequence[Quote],
) -> Quote | None:
    """Reported speech in one sentence without quote marks, or None."""
    if not _SPEECH.search(text, start, end):
        return None
    words = _words(text, start, end)
    if len(words) < MIN_REPORTED_WORDS + 2:
        return None
    found: tuple[int, str, Span] | None = None
    # "According to Haddad, the pumps …"
    if words[0][0] == "according" and words[1][0] == "to":
        comma = text.find(",", words[1][2], end)
        if comma > 0:
            who = _speaker(text, (words[1][2], comma), (comma, comma), whos, roles, "according")
            if who is not None:
                found = (who, "according to", _strip_span(text, comma + 1, end))
    # "…, Haddad told reporters." / "…, said the minister."
    commas = [k for k in range(end - 1, start, -1) if text[k] == ","][:3]
    for comma in commas if found is None else ():
        if sum(1 for w in words[:MIN_REPORTED_WORDS] if w[2] <= comma) < MIN_REPORTED_WORDS:
            break
        tail = _words(text, comma + 1, end)
        if len(tail) >= 3 and tail[0][0] == "according" and tail[1][0] == "to":
            stop = text.find(",", tail[1][2], end)
            stop = end if stop < 0 else stop
            who = _speaker(text, (tail[1][2], stop), (stop, stop), whos, roles, "according")
            if who is not None:
                found = (who, "according to", _strip_span(text, start, comma))
            tail = []
        for k, (w, ws, we) in enumerate(tail[:6]):
            if w not in SPEECH_VERBS:
                continue
            stop = text.find(",", we, end)
            stop = end if stop < 0 else stop
            if (k and tail[k - 1][0] in _PASSIVE) or len(_words(text, we, stop)) > 6:
                break
            who = _speaker(text, (comma + 1, ws), (we, stop), whos, roles, w)
            if who is not None:
                found = (who, text[ws:we], _strip_span(text, start, comma))
            break
        if found is not None:
            break
    # "Haddad said on Monday that …" / "Haddad said the pumps would …"
    if found is None:
        for k, (w, ws, we) in enumerate(words[: FRAME_WORDS - 2]):
            if w not in SPEECH_VERBS or k == 0:
                continue
            if words[k - 1][0] in _PASSIVE:
                break
            rest = words[k + 1 :]
            that = next((i for i, r in enumerate(rest[:7]) if r[0] == "that"), None)
            if that is not None:
                q_start = rest[that][2]
            elif w in BARE_REPORT_VERBS and rest and rest[0][0] not in _NOT_A_CLAUSE:
                q_start = we
            else:
                break
            who = _speaker(text, (start, ws), (ws, ws), whos, roles, w)
            if who is not None:
                found = (who, text[ws:we], _strip_span(text, q_start, end))
            break
    if found is None:
        return None
    speaker, cue, (qs, qe) = found
    while qe > qs and text[qe - 1] in ".!?":
        qe -= 1
    if len(_WORD.findall(text[qs:qe])) < MIN_REPORTED_WORDS:
        return None
    if speaker == _PRONOUN:
        resolved = pronoun(whos, before, qs)
        if resolved is None:
            return None
        speaker = resolved
    return Quote(speaker, qs, qe, (start, end), "reported", cue)


#: After a bare "said", these start an adverbial, not the reported clause ("said on Monday").
_NOT_A_CLAUSE = frozenset({"in", "on", "at", "by", "during", "after", "before", "last", "this"})


def _speaker(
    text: str,
    subject: Span,
    after_verb: Span,
    whos: Sequence[Who],
    roles: dict[str, set[int]],
    verb: str,
) -> int | None:
    """The entity speaking in a frame, or None when it is not certain.

    A person mention in the subject (before the verb); else, after a verb that allows
    inversion ("said Haddad", not "told Haddad"), the person right after it; else a role
    only one person holds ("the minister"); else an organisation ("the Red Crescent said");
    else "he"/"she" (the `_PRONOUN` placeholder, resolved by the caller).
    """
    inverted = verb not in OBJECT_VERBS
    inside = [m for m in whos if subject[0] <= m.start and m.end <= subject[1]]
    following = [
        m
        for m in whos
        if inverted
        and after_verb[0] <= m.start < after_verb[1]
        and _bare(text, after_verb[0], m.start) <= _BEFORE_NAME
    ]
    for pool in (inside, following):
        people = [m for m in pool if m.type == "person"]
        if people:
            return people[0].entity
    role = role_in(text, *subject) or (role_in(text, *after_verb) if inverted else None)
    if role is not None:
        holders = roles.get(role, set())
        return next(iter(holders)) if len(holders) == 1 else None
    for pool in (inside, following):
        orgs = [m for m in pool if m.type == "org"]
        if orgs:
            return orgs[0].entity
    subject_words = [w for w, _, _ in _words(text, *subject)]
    after_words = [w for w, _, _ in _words(text, *after_verb)]
    if (subject_words and subject_words[-1] in _PRONOUNS and len(subject_words) <= 2) or (
        inverted and after_words[:1] and after_words[0] in _PRONOUNS
    ):
        return _PRONOUN
    return None


def _sentence_of(text: str, lo: int, hi: int, p_end: int) -> Span:
    """The span of the sentences from `lo` to `hi`, widened to sentence boundaries."""
    para_start = text.rfind("\n", 0, lo) + 1
    for s, e in sentences(text, (para_start, p_end)):
        if s <= lo < e:
            lo = s
        if s < hi <= e:
            hi = e
    return lo, min(hi, p_end)
