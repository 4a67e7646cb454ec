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

This module finds the quotations and the reported speech; `frames` reads an attribution frame
(its speech verb and the speaker it names) and `speakers` who may be named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .frames import (
    BARE_REPORT_VERBS,
    FRAME_WORDS,
    PASSIVE,
    PRONOUN,
    SPEECH_VERBS,
    frame_after,
    frame_before,
    speaker_of,
)
from .sentences import Span, paragraphs, sentences
from .speakers import ROLE_NOUNS, Who, pronoun, surnames
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


_WORD = re.compile(r"[\w’'-]+")
#: A quick test that a sentence holds a speech verb at all (most sentences do not).
_SPEECH = re.compile(
    r"\b(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r"|according)\b",
    re.IGNORECASE,
)
_OPENERS = "“«„"
_MARK = re.compile(r'[“«„"]')
_CLOSERS = "”»“"
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
                found = frame_after(body, c + 1, nxt, whos, roles, strict=False)
            else:
                found = frame_before(body, prev, o, whos, roles) or frame_after(
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
            if speaker == PRONOUN:
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
            who = speaker_of(text, (words[1][2], comma), (comma, comma), whos, roles, "according")
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
            who = speaker_of(text, (tail[1][2], stop), (stop, stop), whos, roles, "according")
            if who is not None:
                found = (who, "according to", _strip_span(text, start, comma))
            tail = []
        for k, (w, ws, we) in enumerate(tail[:6]):
            if w not in SPEECH_VERBS:
                continue
            stop = text.find(",", we, end)
            stop = end if stop < 0 else stop
            if (k and tail[k - 1][0] in PASSIVE) or len(_words(text, we, stop)) > 6:
                break
            who = speaker_of(text, (comma + 1, ws), (we, stop), whos, roles, w)
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
            if words[k - 1][0] in PASSIVE:
                break
            rest = words[k + 1 :]
            that = next((i for i, r in enumerate(rest[:7]) if r[0] == "that"), None)
            if that is not None:
                q_start = rest[that][2]
            elif w in BARE_REPORT_VERBS and rest and rest[0][0] not in _NOT_A_CLAUSE:
                q_start = we
            else:
                break
            who = speaker_of(text, (start, ws), (ws, ws), whos, roles, w)
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
    if speaker == PRONOUN:
        resolved = pronoun(whos, before, qs)
        if resolved is None:
            return None
        speaker = resolved
    return Quote(speaker, qs, qe, (start, end), "reported", cue)


#: After a bare "said", these start an adverbial, not the reported clause ("said on Monday").
_NOT_A_CLAUSE = frozenset({"in", "on", "at", "by", "during", "after", "before", "last", "this"})


def _sentence_of(text: str, lo: int, hi: int, p_end: int) -> Span:
    """The span of the sentences from `lo` to `hi`, widened to sentence boundaries."""
    para_start = text.rfind("\n", 0, lo) + 1
    for s, e in sentences(text, (para_start, p_end)):
        if s <= lo < e:
            lo = s
        if s < hi <= e:
            hi = e
    return lo, min(hi, p_end)
