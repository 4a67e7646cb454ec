"""Sentences one outlet splits in two, or joins: the alignment's second pass.

The greedy pass (`align`) pairs sentence with sentence and never puts two sentences of one
version in a group, so when one outlet writes "The NWA said dams had filled within hours but
that releases from the Mujib Dam meant no danger of a breach." and another writes the same in
two sentences, one half is paired and the other is left "only here", though every word of it
is in the first outlet's sentence (QA pass 6, A.8).

So each sentence the greedy pass left alone is compared with every other version's sentences,
one at a time and two adjacent ones together, on *coverage*: the share of its content words
(stop words and numbers left out, words cut to a rough stem) that the other text holds. A
sentence covered at `COVER` or more is said there too — split off from a longer sentence, or
joined from two — and joins the group of the sentence that holds most of it. When that
sentence was left alone too, the two make a group: a longer sentence holding all of a shorter
one, or two halves of one. A sentence must have
`MIN_CONTENT` content words to be matched this way, and in a two-sentence window each
sentence must hold some of it, so a short generic line, or a sentence that merely names the
story's people and places, stays unique.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

#: The share of a sentence's content words another version must hold for it to be shared.
COVER = 0.8
#: Sentences with fewer content words are left to the greedy pass alone.
MIN_CONTENT = 5
#: In a two-sentence window, each sentence must hold at least this many of the words.
MIN_PART = 2
#: Two adjacent sentences at least this share of whose words are the sentence's cover it at
#: `COVER`; down to `PAIR_LOOSE` they must hold `COVER_LOOSE` of it; below, never.
PAIR = 0.5
PAIR_LOOSE = 0.4
COVER_LOOSE = 0.9
#: Of a two-sentence window, a sentence left alone joins too when this share of its own
#: words is in the sentence the window covers (the other half of a split).
PART = 0.6
#: Endings cut for a rough stem, the first that leaves four letters or more.
_SUFFIXES = ("ing", "ed", "es", "s", "e")

_STOP_TEXT = """
    a an the and or but nor so of in on at to for from by with as into onto about over under
    than then that this these those which who whom whose what when where while is are was were
    be been being has have had do does did it its their them they he she his her him we our us
    you your i me my said says say saying told tell would will could can may might shall should
    also after before not no yes there here all any some such very more most other one 0
    """
#: Words a coverage leaves out (align's keys are folded, numbers masked as "0").
_STOP = frozenset(_STOP_TEXT.split())

Key = tuple[int, int]


def content(masked: str) -> frozenset[str]:
    """The words a coverage counts: `masked` (align's folded, number-masked words) without
    stop words, each cut to a rough stem ("releases", "releasing" and "release" are one)."""
    return frozenset(_stem(w) for w in masked.split() if w not in _STOP)


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def attach(
    keys: Sequence[Sequence[str]],
    group_of: dict[Key, int],
    best: dict[Key, int],
    next_id: int,
) -> None:
    """Give a group to each sentence the greedy pass left alone whose content another version
    holds in one sentence or two adjacent ones (see the module's docstring); updates
    `group_of` and `best` (the similarity shown: the coverage x 100) in place."""
    words = [[content(k) for k in version] for version in keys]
    vocab = [frozenset().union(*version) for version in words]
    # Two rounds: a longer sentence left alone is joined to one it holds only after every
    # sentence had its chance at a group or a split pair (it may be two halves joined).
    for late in (False, True):
        for v, i in [(v, i) for v, version in enumerate(words) for i in range(len(version))]:
            next_id = _attach_one(words, vocab, group_of, best, next_id, v, i, late)


def _attach_one(
    words: Sequence[Sequence[frozenset[str]]],
    vocab: Sequence[frozenset[str]],
    group_of: dict[Key, int],
    best: dict[Key, int],
    next_id: int,
    v: int,
    i: int,
    late: bool,
) -> int:
    """`attach` for sentence `i` of version `v`; returns the next free group id."""
    own = words[v][i]
    if (v, i) in group_of or len(own) < MIN_CONTENT:
        return next_id
    found = _covering(words, vocab, v, own)
    if found is None:
        return next_id
    cover, w, window = found
    grouped = [j for j in window if (w, j) in group_of]
    if not late and not grouped and len(window) == 1:
        return next_id
    # The window's sentences left alone too: a longer one holding this one whole, or,
    # of two, those mostly made of this one's words (the other half of a split, or
    # both halves when neither was paired).
    halves = [
        j
        for j in window
        if (w, j) not in group_of
        and (len(window) == 1 or len(words[w][j] & own) >= PART * len(words[w][j]))
    ]
    if grouped:
        # The group of the window's sentence holding most of this one.
        group = group_of[(w, max(grouped, key=lambda j: (len(own & words[w][j]), -j)))]
    elif halves:
        group, next_id = next_id, next_id + 1
    else:
        return next_id
    score = round(100 * cover)
    for key in [(v, i), *((w, j) for j in halves)]:
        group_of[key] = group
        best[key] = max(best.get(key, 0), score)
    return next_id


def _covering(
    words: Sequence[Sequence[frozenset[str]]],
    vocab: Sequence[frozenset[str]],
    v: int,
    own: frozenset[str],
) -> tuple[float, int, tuple[int, ...]] | None:
    """(coverage, version, sentence indexes) of the best other-version window holding at least
    `COVER` of `own`, a single sentence before a pair at equal coverage; None when none does."""
    found: tuple[float, int, tuple[int, ...]] | None = None
    need = COVER * len(own)
    for w, version in enumerate(words):
        # A version whose words together do not cover it has no window that does.
        if w == v or len(own & vocab[w]) < need:
            continue
        shared = [own & sentence for sentence in version]
        for j, part in enumerate(shared):
            windows: list[tuple[tuple[int, ...], int]] = [((j,), len(part))]
            if j + 1 < len(shared) and min(len(part), len(shared[j + 1])) >= MIN_PART:
                both = part | shared[j + 1]
                # Two sentences mostly about something else (a name from one, the wording of
                # the other) are no split of this one; looser ones must hold nearly all of it.
                mine = len(both) / len(version[j] | version[j + 1])
                if mine >= PAIR_LOOSE and len(both) >= (
                    COVER if mine >= PAIR else COVER_LOOSE
                ) * len(own):
                    windows.append(((j, j + 1), len(both)))
            for window, held in windows:
                if held < need:
                    continue
                cover = held / len(own)
                if found is None or (cover, -len(window)) > (found[0], -len(found[2])):
                    found = (cover, w, window)
    return found
