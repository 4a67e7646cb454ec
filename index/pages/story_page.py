"""The story page: a story's versions side by side, aligned sentence by sentence.

A story is small (a handful of outlets' rewrites of one report), so the alignment runs when
the page opens: rapidfuzz compares a few hundred sentence pairs in milliseconds. A story with
more than `MAX_ALIGNED` versions aligns its first ones (oldest first) and lists the rest, so a
runaway story never makes the page slow.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime

from ..model import ArticleSummary
from .align import align, numbers
from .model import NumberConflict, PageError, StoryPage, StorySentence, StoryVersion

MAX_ALIGNED = 8

Summaries = Callable[[Sequence[str]], list[ArticleSummary]]


def story_page(conn: sqlite3.Connection, story_or_article: str, summaries: Summaries) -> StoryPage:
    """The story `story_or_article` names (a story id, or the id of any of its articles)."""
    story = story_or_article
    rows = _rows(conn, story)
    if not rows:
        found = conn.execute(
            "SELECT story FROM articles WHERE id = ?", (story_or_article,)
        ).fetchone()
        if found is None:
            raise PageError(f'No story or article with id "{story_or_article}".')
        story = found[0]
        rows = _rows(conn, story)
    ids = [r[0] for r in rows]
    by_id = {a.id: a for a in summaries(ids)}
    rows = [r for r in rows if r[0] in by_id]
    compared = rows[:MAX_ALIGNED]
    aligned = align([r[1] for r in compared])
    # Group -> {version: its sentences} to find shared groups and disagreeing numbers; a
    # version that split the sentence in two has both halves in the group.
    groups: dict[int, dict[int, str]] = {}
    for v, version in enumerate(aligned):
        for s in version:
            if s.group is not None:
                said = groups.setdefault(s.group, {})
                text = compared[v][1][s.start : s.end]
                said[v] = f"{said[v]} {text}" if v in said else text
    differing: dict[tuple[int, int], tuple[str, ...]] = {}
    conflicts: list[NumberConflict] = []
    for g, members in sorted(groups.items()):
        stated = {v: numbers(text) for v, text in members.items()}
        with_numbers = {v: n for v, n in stated.items() if n}
        if len(with_numbers) < 2 or len({tuple(sorted(n)) for n in with_numbers.values()}) < 2:
            continue
        everywhere = set.intersection(*(set(n) for n in with_numbers.values()))
        own = {v: tuple(x for x in n if x not in everywhere) for v, n in with_numbers.items()}
        # A conflict is two sources each stating a number the other does not ("12" against
        # "14"); one source adding a figure the other leaves out is detail, not disagreement.
        if sum(1 for n in own.values() if n) < 2:
            continue
        for v, n in own.items():
            differing[(v, g)] = n
        conflicts.append(
            NumberConflict(
                g,
                tuple(
                    (compared[v][0], by_id[compared[v][0]].source, n)
                    for v, n in sorted(own.items())
                    if n
                ),
            )
        )
    versions = []
    for v, (aid, body, added) in enumerate(rows):
        if v >= len(aligned):
            versions.append(StoryVersion(by_id[aid], _dt(added), (), aligned=False))
            continue
        shown: list[StorySentence] = []
        for s in aligned[v]:
            shared = s.group is not None and len(groups.get(s.group, {})) > 1
            diff = differing.get((v, s.group), ()) if s.group is not None else ()
            status = "differs" if diff else ("shared" if shared else "unique")
            shown.append(
                StorySentence(
                    s.start, s.end, body[s.start : s.end], s.group, status, s.similarity, diff
                )
            )
        versions.append(StoryVersion(by_id[aid], _dt(added), tuple(shown)))
    return StoryPage(
        story=story,
        title=by_id[rows[0][0]].title,
        versions=tuple(versions),
        shared=sum(1 for m in groups.values() if len(m) > 1),
        conflicts=tuple(conflicts),
    )


def _rows(conn: sqlite3.Connection, story: str) -> list[tuple[str, str, str]]:
    from ..store import body_text

    rows = conn.execute(
        "SELECT id, body, added FROM articles WHERE story = ?"
        " ORDER BY COALESCE(published, added), id",
        (story,),
    ).fetchall()
    return [(aid, body_text(body), added) for aid, body, added in rows]


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
