"""Across articles: which spelling an entity is shown under, and spellings of one rare name.

A mixin of `Registry`, in the caller's transaction like the rest of it.

* The display name of an entity is the full form most articles write: spellings of one name
  share a key ("Hay’at Tahrir al-Sham", "Hayat Tahrir al-Sham"), and the one written by the
  most articles wins, not the first seen or the longest (`_settle_displays`). A user's rename
  always wins.
* Transliterations of one rare name ("Zelensky" / "Zelenskiy", "Qoren" / "Qurren" once long
  enough) are one entity when every other word is the same and the varying word is long, close
  (one edit, two for long words, same first letters) and owned by exactly one entity of the
  type: never on short or shared tokens (`_variant_of`).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from ..model import EntityType
from .keys import entity_key, tokens
from .mentions import spelling_ids
from .registry_core import _content, _quality
from .registry_names import name_starts, prefixed

if TYPE_CHECKING:
    from .registry import _Entity

#: A token must be at least this long to be matched by spelling variants.
MIN_VARIANT_TOKEN = 7


def close_spelling(a: str, b: str) -> bool:
    """One edit apart (two for words of nine letters or more), same first three letters."""
    from rapidfuzz.distance import Levenshtein

    if a == b or a[:3] != b[:3]:
        return False
    limit = 2 if min(len(a), len(b)) >= 9 else 1
    return Levenshtein.distance(a, b, score_cutoff=limit) <= limit


class NamingMixin:
    """Display names by majority of articles, and spelling variants of rare names."""

    conn: sqlite3.Connection

    if TYPE_CHECKING:  # provided by Registry

        def _entity(self, eid: int) -> _Entity: ...
        def _changed(self, eid: int) -> None: ...
        def _blocked(self, eid: int) -> set[str]: ...

    def _settle_displays(self, article_id: str) -> None:
        """Re-elect the display spelling of every entity this article mentions."""
        # Only entities this article wrote in another form than their display name can change.
        rows = self.conn.execute(
            "SELECT DISTINCT a.entity_id FROM mention_spellings m"
            " JOIN entity_aliases a ON a.id = m.alias_id JOIN entities e ON e.id = a.entity_id"
            " WHERE m.id IN (SELECT value FROM json_each(?))"
            " AND m.text != e.name AND e.user_named = 0",
            (spelling_ids(self.conn, article_id),),
        ).fetchall()
        for (eid,) in rows:
            self._settle_display(int(eid))

    def _settle_display(self, eid: int) -> None:
        e = self._entity(eid)
        if e.user_named:
            return
        counts = self.conn.execute(
            "SELECT m.text, a.key, SUM(m.articles) AS n FROM mention_spellings m"
            " JOIN entity_aliases a ON a.id = m.alias_id"
            " WHERE a.entity_id = ? GROUP BY m.text",
            (eid,),
        ).fetchall()
        # A dateline's "MEXICO CITY" never wins over the "Mexico City" extraction wrote for
        # it: capitals are how the wire marks a dateline, not how a reader writes the name.
        shouted = not e.name.isupper()
        proper = [
            (text, key, n)
            for text, key, n in counts
            if text[:1].isupper() and entity_key(text) and not (shouted and text.isupper())
        ]
        # The candidates: spellings of the display name's own form, and every full form of
        # the name ("Reuben Kalo" of "Reuben Tamata Kalo": its first word, two words or more,
        # no word the fullest form lacks), never a part ("Kalo", "Tamata Kalo") or an alias
        # that is another name ("al-Jolani").
        fullest = max([e.name, *(t for t, _, _ in proper)], key=_quality)
        whole = tokens(fullest)
        starts = name_starts(whole, e.type)  # "UK Competition …": "Competition …" is full too
        blocked = self._blocked(eid)
        votes: dict[str, int] = {}
        for text, key, n in proper:
            words = tokens(text)
            full = (
                len(_content(words)) >= 2
                and bool(set(words[:1]) & starts)
                and set(words) <= set(whole)
                and key not in blocked
            )
            if key == e.key or full:
                votes[text] = votes.get(text, 0) + int(n)
        if not votes:
            return
        most = max(votes.values())

        def rank(t: str) -> tuple[bool, int, int, str]:  # unprefixed, most words, longest
            words = tokens(t)
            return (prefixed(words, e.type), -len(_content(words)), -len(t), t)

        tied = [text for text, n in votes.items() if n == most]
        if votes.get(e.name, 0) == most and not prefixed(tokens(e.name), e.type):
            return  # the current name is (one of) the most written: keep it
        best = min(tied, key=rank)
        if best == e.name:
            return
        self.conn.execute(
            "UPDATE entities SET name = ?, key = ? WHERE id = ?", (best, entity_key(best), eid)
        )
        self._changed(eid)

    def _variant_of(self, type_: EntityType, name: str) -> int | None:
        """The one entity whose name is `name` in another spelling of its one rare word."""
        words = tokens(name)
        if not words:
            return None
        rare = [w for w in words if len(w) >= MIN_VARIANT_TOKEN and not w.isdigit()]
        if len(rare) != 1:
            return None
        token = rare[0]
        rows = self.conn.execute(
            "SELECT DISTINCT t.token, a.entity_id, a.name FROM entity_tokens t"
            " JOIN entity_aliases a ON a.id = t.alias_id"
            " WHERE t.type = ? AND t.token >= ? AND t.token < ?",
            (type_, token[:3], token[:3] + "\uffff"),
        ).fetchall()
        owners: dict[str, set[int]] = {}
        for other, eid, _ in rows:
            owners.setdefault(other, set()).add(int(eid))
        if token in owners:
            return None  # the exact spelling exists: ordinary matching decides
        close = {o for o in owners if close_spelling(token, o)}
        if len(close) != 1:
            return None
        variant = close.pop()
        ids = owners[variant]
        if len(ids) != 1:
            return None  # a shared token is no evidence
        eid = next(iter(ids))
        key = entity_key(name)
        if key in self._blocked(eid):
            return None
        for other, owner, form in rows:
            if int(owner) != eid or other != variant:
                continue
            theirs = tokens(form)
            if len(theirs) == len(words) and all(
                a == b or (a == token and b == variant) for a, b in zip(words, theirs, strict=True)
            ):
                return eid
        return None
