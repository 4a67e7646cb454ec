"""The attribution frame of a quote: the speech verb near it and who it names as speaker.

Split from `quotes` (which finds the quotations and reported speech, and calls these): a
frame after the quote ('"…," Haddad told reporters', '"…," said the minister'), a frame
before it ('Selin Aydın said: "…"'), and in either the one entity certain to be the speaker
(`speaker_of`), with the speech verbs and the words that may stand between verb and name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .sentences import Span
from .speakers import Who, role_in
from .speakers import words as _words

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
#: Before a speech verb, these make it no speech of the subject ("was told", "not to say").
PASSIVE = frozenset({"was", "were", "is", "are", "be", "been", "being", "not", "to"})
_PRONOUNS = frozenset({"he", "she"})
#: Quote frames are short: the speaker and the verb within this many words of the quote.
FRAME_WORDS = 14

#: A placeholder speaker: "he"/"she", resolved against what came before.
PRONOUN = -1


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


def frame_after(
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
        if k and words[k - 1][0] in PASSIVE:
            return None
        rest = _words(text, we, end)
        if (strict and len(rest) > 4) or any(r[0] == "that" for r in rest):
            return None
        speaker = speaker_of(text, (words[0][1], ws), (we, end), whos, roles, w)
        if speaker is None:
            return None
        return speaker, text[ws:we], (start, min(end + 1, len(text)))
    return None


def frame_before(
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
        who = speaker_of(text, (words[1][2], quote), (quote, quote), whos, roles, "according")
        return (who, "according to", (words[0][1], quote)) if who is not None else None
    for k in range(len(words) - 1, 0, -1):
        w, ws, we = words[k]
        if w not in SPEECH_VERBS:
            continue
        if words[k - 1][0] in PASSIVE:
            return None
        after = [a for a in words[k + 1 :] if a[0] != "that"]
        if len(after) > (6 if w in OBJECT_VERBS else 3):
            return None
        who = speaker_of(text, (words[0][1], ws), (we, we), whos, roles, w)
        return (who, text[ws:we], (words[0][1], quote)) if who is not None else None
    return None


def speaker_of(
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
    else "he"/"she" (the `PRONOUN` placeholder, resolved by the caller).
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
        return PRONOUN
    return None
