"""Reads of the registry for the UI, the CLI and the search index.

A mixin of `Registry`. The search index holds, per article, the ids of the *forms*
(entity_aliases rows) it links to; names, aliases and types are resolved to forms at query time
here, so no correction or new spelling rewrites an index document whose article did not change.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence

from ..model import EntityCount, EntityType
from .keys import entity_key, tokens
from .registry_core import EntityError, RegistryCore, _country_keys, _holds, _ids_json


class ReadsMixin(RegistryCore):
    """Counts, finds, and the form ids search matches."""

    def counts(
        self,
        type_: EntityType | None = None,
        *,
        article_ids: Collection[str] | None = None,
        limit: int | None = None,
    ) -> list[EntityCount]:
        """Entities with the number of articles mentioning them, most first."""
        where: list[str] = []
        params: list[str] = []
        if type_ is not None:
            where.append("e.type = ?")
            params.append(type_)
        if article_ids is not None:
            where.append("l.article_id IN (SELECT value FROM json_each(?))")
            params.append(_ids_json(article_ids))
        sql = (
            "SELECT e.id, COUNT(DISTINCT l.article_id) AS n FROM entity_articles l"
            " JOIN entity_aliases a ON a.id = l.alias_id JOIN entities e ON e.id = a.entity_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?"
        )
        rows = self.conn.execute(sql, (*params, -1 if limit is None else limit)).fetchall()
        described = self._describe([r[0] for r in rows], counts={r[0]: r[1] for r in rows})
        return [described[r[0]] for r in rows]

    def find(self, name: str, type_: EntityType | None = None) -> list[EntityCount]:
        """Entities called `name` (by name or any alias), then those whose name contains it."""
        exact, contained = self._find_ids(name, type_)
        described = self._describe([*exact, *contained])
        order = sorted(exact, key=lambda i: (-described[i].count, described[i].name))
        order += sorted(contained, key=lambda i: (-described[i].count, described[i].name))
        return [described[i] for i in order]

    def changed_articles(self) -> set[str]:
        """Articles whose canonical names changed behind their back since the last call, and
        clears the record.

        During ingestion a later article can improve an entity's display name ("HTS" becomes
        "Hayat Tahrir al-Sham") or merge two entities; reads through this registry follow at
        once, but index docs written earlier hold the old name and must be rewritten. (User
        corrections return their affected articles instead.)
        """
        ids = [r[0] for r in self.conn.execute("SELECT entity_id FROM entity_changed")]
        self.conn.execute("DELETE FROM entity_changed")
        return self._articles(ids)

    def articles_of(self, name: str, type_: EntityType | None = None) -> set[str]:
        """Articles of every entity `find` returns; a part of a name matches ("assad")."""
        exact, contained = self._find_ids(name, type_)
        if not exact and not contained:
            raise EntityError(self._unknown(name, type_))
        return self._articles([*exact, *contained])

    # -- what the search index holds (issue 7) -----------------------------------------------
    # The index holds, per article, the ids of the *forms* (entity_aliases rows) it links to.
    # Forms are stable: a merge, split, undo or retype moves them between entities, a rename or
    # alias adds one, a new spelling adds one linked to the new article only. So names, aliases
    # and types are resolved to forms at query time here, and no correction or new spelling
    # ever rewrites an index document whose article did not change.

    def index_forms(self, article_ids: Sequence[str]) -> dict[str, list[int]]:
        """The form ids each article links to (what its index document holds)."""
        out: dict[str, list[int]] = {aid: [] for aid in article_ids}
        rows = self.conn.execute(
            "SELECT article_id, alias_id FROM entity_articles"
            " WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, alias_id",
            (_ids_json(article_ids),),
        )
        for aid, fid in rows:
            out[aid].append(int(fid))
        return out

    def match_forms(self, type_: EntityType, words: Sequence[str]) -> set[int]:
        """Every form of the entities of `type_` one of whose names holds `words` in a row.

        `words` are `tokens()` of what the user typed (`person:assad`, `org:"hayat tahrir"`).
        Countries also answer to every spelling the gazetteer knows (`place:turkey`).
        """
        words = [w for w in words if w]
        if not words:
            return set()
        names: set[str] = set()
        probe = max(words, key=len)
        for form in self.conn.execute(
            "SELECT DISTINCT a.name FROM entity_tokens t JOIN entity_aliases a ON a.id = t.alias_id"
            " JOIN entities e ON e.id = a.entity_id WHERE t.token = ? AND e.type = ?",
            (probe, type_),
        ):
            if _holds(tokens(form[0]), words):
                names.add(entity_key(form[0]))
        eids = {
            int(r[0])
            for r in self.conn.execute(
                "SELECT DISTINCT a.entity_id FROM entity_aliases a JOIN entities e"
                " ON e.id = a.entity_id WHERE a.key IN (SELECT value FROM json_each(?))"
                " AND e.type = ?",
                (json.dumps(sorted(names | _country_keys(words) if type_ == "place" else names)),
                 type_),
            )
        }  # fmt: skip
        return self._forms_of(eids)

    def exact_forms(self, type_: EntityType, name: str) -> set[int]:
        """Every form of the entities of `type_` whose display name is exactly `name`."""
        eids = [
            int(r[0])
            for r in self.conn.execute(
                "SELECT id FROM entities WHERE name = ? AND type = ?", (name, type_)
            )
        ]
        return self._forms_of(eids)

    def describe_forms(self, form_ids: Iterable[int]) -> dict[int, tuple[int, EntityType, str]]:
        """form id -> (entity id, type, display name) for the forms that still exist."""
        rows = self.conn.execute(
            "SELECT a.id, e.id, e.type, e.name FROM entity_aliases a JOIN entities e"
            " ON e.id = a.entity_id WHERE a.id IN (SELECT value FROM json_each(?))"
            " AND a.key NOT IN (SELECT key FROM entity_stoplist)",
            (_ids_json(form_ids),),
        )
        return {int(f): (int(e), t, n) for f, e, t, n in rows}

    def suggest_token(self, type_: EntityType, word: str) -> str | None:
        """The name word of `type_` closest to a word no name holds (for "did you mean")."""
        from rapidfuzz.distance import Levenshtein
        from rapidfuzz.process import extractOne

        if len(word) < 3:
            return None
        known = self.conn.execute(
            "SELECT 1 FROM entity_tokens t JOIN entity_aliases a ON a.id = t.alias_id"
            " JOIN entities e ON e.id = a.entity_id WHERE t.token = ? AND e.type = ? LIMIT 1",
            (word, type_),
        ).fetchone()
        if known:
            return None
        candidates = [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT token FROM entity_tokens WHERE token >= ? AND token < ?"
                " AND type = ?",
                (word[0], chr(ord(word[0]) + 1), type_),
            )
        ]
        best = extractOne(
            word, candidates, scorer=Levenshtein.distance, score_cutoff=2 if len(word) > 4 else 1
        )
        return str(best[0]) if best else None

    def forget_changes(self) -> None:
        """Clear the record `changed_articles` reads (the index no longer needs it)."""
        self.conn.execute("DELETE FROM entity_changed")

    def _forms_of(self, eids: Iterable[int]) -> set[int]:
        rows = self.conn.execute(
            "SELECT id FROM entity_aliases WHERE entity_id IN (SELECT value FROM json_each(?))"
            # A name the user blocked ("not an entity") stays in the index documents of the
            # articles that had it; it is dropped here, at query time, so blocking re-indexes
            # nothing and undo brings it back.
            " AND key NOT IN (SELECT key FROM entity_stoplist)",
            (_ids_json(eids),),
        )
        return {int(r[0]) for r in rows}
