"""Across articles: which canonical entity an article's entity is (creating or merging).

A mixin of `Registry`, in the caller's transaction. Merging is conservative: the same key (of
the name, or of a strong form such as an acronym the article defined), a spelling variant of
one rare long word (naming.py), or, for people only, a unique containment through a rare token.
A name the library-wide vote retypes joins the entity of its new type it is a form of (`_holder`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import EntityType
from . import LocalEntity
from .keys import entity_key, tokens
from .registry_core import (
    CONTAINMENT_TYPES,
    MIN_RARE_TOKEN,
    PARTICLES,
    RegistryCore,
    _content,
    _Entity,
    _is_part,
    _Op,
    _quality,
)


def _common_name(token: str) -> bool:
    """A name word places bear too, so many people bear it (the gazetteer as a frequency list)."""
    from . import gazetteer

    return bool(gazetteer.city_population(token) or gazetteer.is_place(token))


def _plain(alias: str) -> bool:
    """An alias that is one everyday English word ("Amendment", "Festival"): no evidence that
    two articles' entities are one, as an acronym ("HTS") or a name is. Two bills once shared
    an "Amendment" the model had read as an alias."""
    from . import commonwords

    return " " not in alias and alias[1:].islower() and commonwords.is_word(alias)


def _one_body(name: str, other: str) -> bool:
    """Could two names one acronym stands for be one entity? Not two full names with no word
    in common, nor two whose only common words are everyday ones: "Kandy Municipal Council
    (KMC)" is not the "Kathmandu Metropolitan City (KMC)" of another article, though
    "Hay’at Tahrir al-Sham" is "Hayat Tahrir al-Sham". (A name and its translation with no word alike stay apart: "Médecins Sans Frontières" and
    "Doctors Without Borders"; a wrong merge would be worse, and `entities merge` joins them.)"""
    from . import commonwords

    mine, theirs = _content(tokens(name)), _content(tokens(other))
    if len(mine) < 2 or len(theirs) < 2:
        return True  # "HTS" alone: the acronym is all either article says
    shared = mine & theirs
    # One shared name word ("Tahrir") is enough; a shared everyday word ("National") is not,
    # unless the two names are mostly the same words: "National Police of Peru (PNP)" is not
    # the "People's National Party (PNP)" of another article.
    if any(len(w) >= 4 and not commonwords.is_word(w) for w in shared):
        return True
    if 2 * len(shared) >= max(len(mine), len(theirs)):
        return True
    # a word's spelling in another tongue: "Kurdistan Workers' Party" / "Partiya … Kurdistane"
    stems = {w[:5] for w in mine - shared if len(w) >= 5}
    return any(len(w) >= 5 and w[:5] in stems for w in theirs - shared)


def _acronym(name: str) -> bool:
    """One word of two to six capitals ("AFP", "PNP"): an acronym written bare."""
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


def _given_only(word: str, full: str) -> bool:
    """Is one word a given name that opens `full` but is not its surname ("Tomás" of "Tomás
    Echeverría")? An article that names someone by a given name alone does so because it
    named them in full nearby or knows them well; another article's full name that opens with
    it is, as often as not, someone else ("his son Tomás")."""
    from . import personnames

    words = full.split()
    return (
        len(words) >= 2
        and tokens(words[0]) == [word]
        and tokens(words[-1]) != [word]
        and personnames.listed_given(word)
        # given name first, surname last, whole: not "Hong" of "Hong Dae-hyun"
        and personnames.surname(words[-1])
    )


class LinksMixin(RegistryCore):
    """`_resolve`: the canonical entity of one article's entity."""

    if TYPE_CHECKING:  # provided by NamingMixin and UndoMixin (through EditsMixin)

        def _variant_of(self, type_: EntityType, name: str) -> int | None: ...
        def _absorb(self, keep: int, other: _Entity, log: list[_Op] | None) -> None: ...

    def _resolve(self, local: LocalEntity, body: str = "") -> int:
        """The canonical entity of one article's entity; creates or merges when the rules say."""
        t, key = local.type, entity_key(local.name)
        strong = [
            k
            for a in local.aliases
            if (k := entity_key(a)) and k != key and not _is_part(a, local.name) and not _plain(a)
        ]
        eid = self._strong(t, key)
        if eid is not None and not strong and body and _acronym(local.name):
            eid = self._whose_acronym(t, local.name, body, eid)
            if eid is None:
                return self._new_entity(t, local.name)  # "AFP" in Ecuador: not Australia's
        if eid is None:
            hits = {h for k in strong if (h := self._strong(t, k)) is not None}
            hits = {
                h
                for h in hits
                if _one_body(local.name, self._entity(h).name)
                and not self._elsewhere(h, local.name)
            }
            eid = hits.pop() if len(hits) == 1 else None
        if eid is None:
            eid = self._variant_of(t, local.name)  # "Zelenskiy" of "Zelensky"
        if eid is None and t in CONTAINMENT_TYPES:
            eid = self._contained_in(t, local.name) or self._absorbable(t, local.name)
        if eid is None:
            return self._new_entity(t, local.name)
        self._offer_name(eid, local.name)
        blocked = self._blocked(eid)
        for k in strong:  # this article says the two are one: "Hayat Tahrir al-Sham (HTS)"
            other = self._strong(t, k)
            if other is not None and other != eid and k not in blocked:
                o = self._entity(other)
                if (
                    not o.pinned
                    and _one_body(local.name, o.name)
                    and not self._elsewhere(other, local.name)
                ):
                    self._absorb(eid, o, None)
        return eid

    def _whose_acronym(self, type_: EntityType, name: str, body: str, eid: int) -> int | None:
        """The entity a bare acronym this article writes stands for, given `eid`, the one
        `_strong` found; None for a new one. One acronym names bodies of many countries:
        a body whose name says its country ("Australian Federal Police (AFP)") is meant
        when this article names that country, and not when it never does ("LIMA, Peru
        (AFP)"). Bodies that name no country, and entities a user touched (merged, renamed,
        gave this form), keep the acronym wherever it is written: the user said whose it is."""
        from .registry_nations import names_nation, nation_stems

        key = entity_key(name)
        rows = self.conn.execute(
            "SELECT DISTINCT e.id, e.name, e.key, e.pinned OR e.user_named OR a.user"
            " FROM entity_aliases a JOIN entities e ON e.id = a.entity_id"
            " WHERE a.key = ? AND a.type = ? AND NOT EXISTS (SELECT 1 FROM entity_blocks b"
            " WHERE b.entity_id = a.entity_id AND b.key = a.key)",
            (key, type_),
        ).fetchall()
        if any(r[3] for r in rows if r[0] == eid):
            return eid
        stems = {int(r[0]): nation_stems(r[1]) for r in rows if r[2] != key}
        theirs = [i for i, st in stems.items() if st and names_nation(body, st)]
        if len(theirs) == 1:
            return theirs[0]  # "Two Australians were charged, AFP said."
        if not stems.get(eid):
            return eid  # the bare acronym's own entity, or a body of no country
        bare = [int(r[0]) for r in rows if r[2] == key]
        return bare[0] if bare else None

    def _elsewhere(self, eid: int, name: str) -> bool:
        """Is `eid`, an entity only ever written as a bare acronym, another country's body than
        `name`, the expansion an article now gives it? True when `name` says its country
        ("Australian Federal Police (AFP)") and no article of the bare "AFP" names that
        country among its entities: the mirror of `_whose_acronym`, for the other order."""
        from .registry_nations import names_nation, nation_stems

        e = self._entity(eid)
        stems = nation_stems(name)
        if not stems or not _acronym(e.name) or e.pinned or e.user_named:
            return False
        rows = self.conn.execute(
            "SELECT DISTINCT a.name FROM entity_articles l JOIN entity_aliases a"
            " ON a.id = l.alias_id WHERE l.article_id IN (SELECT k.article_id"
            " FROM entity_articles k JOIN entity_aliases f ON f.id = k.alias_id"
            " WHERE f.entity_id = ?)",
            (eid,),
        ).fetchall()
        return not names_nation(" / ".join(r[0] for r in rows), stems)

    def _strong(self, type_: EntityType, key: str) -> int | None:
        """The one entity this key names: by display name first, else by a strong form.

        Forms that are only a part of the entity's name ("Karimi" of "Leila Karimi") do not
        count, nor forms the user split off the entity.
        """
        rows = self.conn.execute(
            "SELECT a.entity_id, a.name, a.user, e.key, e.name FROM entity_aliases a"
            " JOIN entities e ON e.id = a.entity_id WHERE a.key = ? AND a.type = ?"
            " AND NOT EXISTS (SELECT 1 FROM entity_blocks b"
            " WHERE b.entity_id = a.entity_id AND b.key = a.key)",
            (key, type_),
        ).fetchall()
        named = sorted({r[0] for r in rows if r[3] == key})
        if named:
            return int(named[0])
        forms = {r[0] for r in rows if r[2] or not _is_part(r[1], r[4])}
        return int(forms.pop()) if len(forms) == 1 else None

    def _owners(self, type_: EntityType, token: str, besides: int = 0) -> list[int]:
        """Up to two entities with `token` in one of their forms: enough to tell rare."""
        rows = self.conn.execute(
            "SELECT DISTINCT a.entity_id FROM entity_tokens t JOIN entity_aliases a"
            " ON a.id = t.alias_id WHERE t.token = ? AND t.type = ? AND a.entity_id != ?"
            " LIMIT 2",
            (token, type_, besides),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def _rare_owner(self, type_: EntityType, token: str, besides: int = 0) -> int | None:
        """The one entity of `type_` whose forms hold `token`, when the token is rare enough to
        merge on: owned by no entity of another type, and, for people, not the name of a place
        (a surname a town bears, "Jackson", "Lincoln", is borne by many people: "Judge
        Jackson" in one article is not the Jesse Jackson of another). Entity `besides` (one
        being retyped, which holds the token itself) is not counted."""
        if len(token) < MIN_RARE_TOKEN or token in PARTICLES or token.isdigit():
            return None
        if type_ == "person" and _common_name(token):
            return None
        owners = self._owners(type_, token, besides)
        if len(owners) != 1:
            return None
        other = self.conn.execute(
            "SELECT 1 FROM entity_tokens t JOIN entity_aliases a ON a.id = t.alias_id"
            " WHERE t.token = ? AND t.type != ? AND a.entity_id != ? LIMIT 1",
            (token, type_, besides),
        ).fetchone()
        return None if other else owners[0]

    def _contained_in(self, type_: EntityType, name: str, besides: int = 0) -> int | None:
        """The unique entity one of whose forms contains every word of `name`, through a rare
        shared token ("Assad" -> "Bashar al-Assad" when no other person has "assad"); other
        than `besides`, an entity of that name being retyped."""
        words = _content(tokens(name))
        key = entity_key(name)
        for token in sorted(words, key=len, reverse=True):
            eid = self._rare_owner(type_, token, besides)
            if eid is None:
                continue
            # Any entity containing all the words holds `token`, and only `eid` does.
            if key in self._blocked(eid):
                return None
            forms = self.conn.execute(
                "SELECT name FROM entity_aliases WHERE entity_id = ?", (eid,)
            ).fetchall()
            if type_ == "person" and len(words) == 1:  # "Tomás" alone, in another article
                forms = [f for f in forms if not _given_only(token, f[0])]
            return eid if any(words <= set(tokens(f[0])) for f in forms) else None
        return None

    def _absorbable(self, type_: EntityType, name: str) -> int | None:
        """The unique existing shorter entity a new full name takes over ("Assad" when
        "Bashar al-Assad" arrives), through a rare shared token."""
        words = _content(tokens(name))
        key = entity_key(name)
        found: set[int] = set()
        for token in words:
            eid = self._rare_owner(type_, token)
            if eid is None or eid in found:
                continue
            e = self._entity(eid)
            shorter = _content(tokens(e.name))
            if type_ == "person" and len(shorter) == 1 and _given_only(token, name):
                continue  # "Tomás Echeverría" arrives after another article's "Tomás"
            if shorter and shorter < words and key not in self._blocked(eid):
                found.add(eid)
        return found.pop() if len(found) == 1 else None

    def _holder(self, type_: EntityType, eid: int) -> int | None:
        """The entity of `type_` a name retyped to it is a short form of: the one that holds
        it as a form an article wrote for it ("Tumaini" of "Tumaini Pay", which made the lone
        "Tumaini" of another article the firm), or for a person the one whose name holds it
        through a rare word, as a new "Assad" would join "Bashar al-Assad", or else the one
        person holding it whom every article of it names too. None for a name a user gave."""
        e = self._entity(eid)
        if e.user_named:
            return None
        if type_ == "person":
            return self._contained_in(type_, e.name, besides=eid) or self._named_beside(e)
        rows = self.conn.execute(
            "SELECT DISTINCT a.entity_id FROM entity_aliases a WHERE a.key = ? AND a.type = ?"
            " AND a.entity_id != ? AND NOT EXISTS (SELECT 1 FROM entity_blocks b"
            " WHERE b.entity_id = a.entity_id AND b.key = a.key) LIMIT 2",
            (e.key, type_, eid),
        ).fetchall()
        return int(rows[0][0]) if len(rows) == 1 else None

    def _named_beside(self, e: _Entity) -> int | None:
        """The one person whose forms hold every word of `e`'s name and whom every article
        of `e` names as well: "Rahmat", read as a place wherever "Rahmat Zainal Abidin" is
        named, is him once the library calls the name a person. (A given name alone in an
        article of its own may be someone else: `_contained_in` asks for that.)"""
        words = _content(tokens(e.name))
        if not words:
            return None
        rows = self.conn.execute(
            "SELECT DISTINCT a.entity_id, a.name FROM entity_tokens t JOIN entity_aliases a"
            " ON a.id = t.alias_id WHERE t.token = ? AND t.type = 'person' AND a.entity_id != ?",
            (max(words, key=len), e.id),
        ).fetchall()
        holders = {int(h) for h, form in rows if words <= set(tokens(form))}
        fits = [
            h
            for h in sorted(holders)
            if e.key not in self._blocked(h)
            and self.conn.execute(
                "SELECT 1 FROM entity_articles l JOIN entity_aliases a ON a.id = l.alias_id"
                " WHERE a.entity_id = ? AND NOT EXISTS (SELECT 1 FROM entity_articles k"
                " JOIN entity_aliases f ON f.id = k.alias_id WHERE f.entity_id = ?"
                " AND k.article_id = l.article_id) LIMIT 1",
                (e.id, h),
            ).fetchone()
            is None
        ]
        return fits[0] if len(fits) == 1 else None

    def _offer_name(self, eid: int, name: str) -> None:
        """Adopt `name` as display name when it is a better written form (never over a user's)."""
        e = self._entity(eid)
        if e.user_named or entity_key(name) in self._blocked(eid):
            return
        if _quality(name) > _quality(e.name):
            self.conn.execute(
                "UPDATE entities SET name = ?, key = ? WHERE id = ?", (name, entity_key(name), eid)
            )
            self._changed(eid)
