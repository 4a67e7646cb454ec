"""Sentence alignment across versions of one story, and the numbers they disagree on.

Outlets rewrite wire copy: they reorder clauses, swap "said" for "told reporters", trim a
sentence or add one. Sentences are compared on their folded words with numbers masked (so
"killed 12" and "killed 14" match — and then their numbers are compared and the difference
flagged). Two sentences match at a score of `THRESHOLD`: sentences sharing most of their words
(Dice >= `DICE_SURE`) are the same sentence; sentences sharing under `DICE_FLOOR` are not;
between the two, the better of rapidfuzz's token-sort ratio and the word overlap decides.
The word overlap of every sentence with every other comes from one matrix product, so only
the uncertain pairs pay for an edit distance.

Groups are built greedily: every cross-version pair above the threshold, best first, joins two
groups unless that would put two sentences of one version in a group. Each version is
compared with every other (not only with the first), so a sentence two late versions add is
still marked shared between them. A sentence left alone then joins a group when another
version holds its content in one sentence or two adjacent ones (`index.pages.splits`): one
outlet split in two what another wrote as one, so a group may hold two sentences of one
version.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..entities.keys import fold
from .sentences import Span, sentences
from .splits import attach

THRESHOLD = 72
#: Word-set Dice below which two sentences are not compared at all: far below what a
#: token-sort ratio of 72 needs, so no match is lost, and most pairs are skipped.
DICE_FLOOR = 0.35
#: From this word overlap on, two sentences are the same sentence (score = overlap x 100).
DICE_SURE = 0.85
#: Sentences shorter than this many words are not matched (datelines, "Photo: …").
MIN_WORDS = 4

_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w])|(?<![\w.,])\d+(?:\.\d+)?%?")
_WORDS = re.compile(r"[a-z0-9%]+")
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_NUMBER_WORDS |= {"ninety": 90, "hundred": 100, "dozen": 12}
_DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


@dataclass(frozen=True)
class Aligned:
    """One sentence of one version: its span, its group (None when unmatched), best score."""

    version: int
    start: int
    end: int
    group: int | None
    similarity: int


#: A wire dateline opening a story ("ZURICH, Nov 25 (Reuters) -"): its date is not a claim.
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]+,?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]*\))?\s*[-—–]\s*"
)


def numbers(text: str) -> tuple[str, ...]:
    """The numbers and dates a sentence states, normalised ("1,200" -> "1200", "twelve" ->
    "12", "Tuesday" -> "tuesday"), in order; a leading wire dateline is not counted."""
    text = _DATELINE.sub("", text)
    out = [m.group().replace(",", "") for m in _NUMBER.finditer(text)]
    for word in _WORDS.findall(text.lower()):
        if word in _NUMBER_WORDS and word not in ("one",):
            out.append(str(_NUMBER_WORDS[word]))
        elif word in _DAYS or (word in _MONTHS and word != "may"):
            out.append(word)
    return tuple(out)


def _masked(text: str) -> str:
    """Folded words with numbers masked: what two sentences are compared on."""
    words = _WORDS.findall(fold(_NUMBER.sub(" 0 ", text)))
    return " ".join("0" if w.isdigit() or w in _NUMBER_WORDS else w for w in words)


def similarity(a: str, b: str) -> int:
    """0-100: how much two sentences say the same thing (numbers aside)."""
    return _score(_masked(a), _masked(b))


def _score(a: str, b: str) -> int:
    """The rule `_pairs` applies to every candidate, for one pair: word overlap (Dice) decides
    near-copies and rules out strangers; between the two, rapidfuzz's token-sort ratio."""
    from rapidfuzz import fuzz

    wa, wb = set(a.split()), set(b.split())
    if not wa or not wb:
        return 0
    dice = 2 * len(wa & wb) / (len(wa) + len(wb))
    if dice >= DICE_SURE or dice < DICE_FLOOR:
        return round(dice * 100)
    return round(max(fuzz.token_sort_ratio(a, b), dice * 100))


def align(texts: Sequence[str], *, threshold: int = THRESHOLD) -> list[list[Aligned]]:
    """The sentences of each text with alignment groups (group ids are small ints)."""
    spans: list[list[Span]] = [sentences(t) for t in texts]
    keys = [[_masked(t[s:e]) for s, e in sp] for t, sp in zip(texts, spans, strict=True)]
    pairs = _pairs(keys, threshold)  # (score, version a, i, version b, j)
    pairs.sort(key=lambda p: (-p[0], p[1], p[2], p[3], p[4]))
    # Union of groups; each group maps version -> sentence index.
    group_of: dict[tuple[int, int], int] = {}
    members: dict[int, dict[int, int]] = {}
    best: dict[tuple[int, int], int] = {}
    next_id = 0
    for score, a, i, b, j in pairs:
        ga, gb = group_of.get((a, i)), group_of.get((b, j))
        if ga is None:
            ga, next_id = next_id, next_id + 1
            members[ga] = {a: i}
            group_of[(a, i)] = ga
        if gb is None:
            if b in members[ga]:
                continue
            members[ga][b] = j
            group_of[(b, j)] = ga
        elif gb != ga:
            if set(members[ga]) & set(members[gb]):
                continue
            for v, k in members.pop(gb).items():
                members[ga][v] = k
                group_of[(v, k)] = ga
        for key in ((a, i), (b, j)):
            best[key] = max(best.get(key, 0), score)
    # What the pairs left alone may be half of a sentence another outlet wrote whole, or
    # two of its sentences joined: a second pass on word coverage (index.pages.splits).
    attach(keys, group_of, best, next_id)
    # Renumber groups in reading order of the first version that has them.
    order: dict[int, int] = {}
    for v, sp in enumerate(spans):
        for i in range(len(sp)):
            g = group_of.get((v, i))
            if g is not None and g not in order:
                order[g] = len(order)
    return [
        [
            Aligned(
                v,
                s,
                e,
                order[group_of[(v, i)]] if (v, i) in group_of else None,
                best.get((v, i), 0),
            )
            for i, (s, e) in enumerate(sp)
        ]
        for v, sp in enumerate(spans)
    ]


def _pairs(keys: list[list[str]], threshold: int) -> list[tuple[int, int, int, int, int]]:
    """Every cross-version sentence pair scoring at least `threshold`.

    Comparing every pair with rapidfuzz costs microseconds each, and a 12-version story has
    ~100k of them. So the candidates come first from one matrix product — the word overlap of
    every sentence with every other (Dice coefficient) — and only pairs sharing a good part of
    their words are scored.
    """
    import numpy as np

    flat = [(v, i, k) for v, version in enumerate(keys) for i, k in enumerate(version)]
    if len(flat) < 2:
        return []
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for n, (_v, _i, k) in enumerate(flat):
        for w in set(k.split()):
            rows.append(n)
            cols.append(vocab.setdefault(w, len(vocab)))
    m = np.zeros((len(flat), len(vocab)), dtype=np.float32)
    m[rows, cols] = 1.0
    sizes = m.sum(axis=1)
    overlap = m @ m.T
    dice = 2 * overlap / np.maximum(sizes[:, None] + sizes[None, :], 1)
    version = np.array([v for v, _, _ in flat])
    enough = sizes >= MIN_WORDS
    dice[version[:, None] == version[None, :]] = 0  # never within one version
    dice[~enough, :] = 0
    dice[:, ~enough] = 0
    upper = np.triu(dice)
    # Near-copies (most of a rewrite) need no edit distance: their word overlap decides.
    xs, ys = np.nonzero(upper >= DICE_SURE)
    score = np.round(upper[xs, ys] * 100)
    bx, by = np.nonzero((upper >= DICE_FLOOR) & (upper < DICE_SURE))
    if len(bx):
        from rapidfuzz import fuzz, process

        left = [flat[x][2] for x in bx]
        right = [flat[y][2] for y in by]
        # Token-sort ratio for every candidate at once (rapidfuzz's element-wise cpdist); the
        # word overlap stands in for the token-set ratio (a trimmed copy of a sentence).
        sort = process.cpdist(left, right, scorer=fuzz.token_sort_ratio)
        band = np.round(np.maximum(sort, upper[bx, by] * 100))
        xs, ys, score = (
            np.concatenate([xs, bx]),
            np.concatenate([ys, by]),
            np.concatenate([score, band]),
        )
    out = []
    for pick in np.nonzero(score >= threshold)[0].tolist():
        (va, i, _), (vb, j, _) = flat[int(xs[pick])], flat[int(ys[pick])]
        sc = int(score[pick])
        out.append((sc, va, i, vb, j) if va < vb else (sc, vb, j, va, i))
    return out
