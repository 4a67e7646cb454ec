"""Who can be the speaker of a quote: the article's mentions, and how a frame names them.

Split from `quotes` (which finds quotes; `frames` reads their attribution): the mentions
attribution works with (`Who`), the roles an article gives its people ("the minister"),
surnames NER missed, and "he"/"she" resolved to the speaker before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True)
class Who:
    """A mention of an entity in the body: its span, type and (any stable) entity id."""

    start: int
    end: int
    type: str
    entity: int


class Spoken(Protocol):
    """A quote as far as pronoun resolution cares: where it starts and who said it."""

    @property
    def start(self) -> int: ...

    @property
    def speaker(self) -> int: ...


#: Words naming a role "the minister" may refer back to.
_ROLE_NOUNS_TEXT = """
    minister spokesman spokeswoman spokesperson mayor governor president premier general colonel
    commander chief director ambassador envoy official chairman chairwoman chair ceo head
    secretary senator judge prosecutor lawyer attorney coach captain leader negotiator economist
    analyst professor doctor researcher founder manager inspector officer engineer mediator
    activist chancellor king queen prince emir sheikh deputy lieutenant major sergeant admiral
    adviser advisor superintendent commissioner representative delegate owner editor author
    """
ROLE_NOUNS = frozenset(_ROLE_NOUNS_TEXT.split())


def words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def role_in(text: str, start: int, end: int) -> str | None:
    """The role noun of a definite description in a frame ("the interior minister")."""
    found = [w for w, _, _ in words(text, start, end)]
    for i, w in enumerate(found):
        if w == "the":
            for x in found[i + 1 : i + 4]:
                if x in ROLE_NOUNS:
                    return x
    return None


def roles(text: str, whos: Sequence[Who]) -> dict[str, set[int]]:
    """Role noun -> the person entities the article gives that role.

    From titles before a name ("Interior Minister Selin Aydın", "spokesman Omar Rahim") and
    appositions after it ("Omar Rahim, the army's spokesman,").
    """
    out: dict[str, set[int]] = {}
    for m in whos:
        if m.type != "person":
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        before = words(text, max(line_start, m.start - 40), m.start)[-3:]
        found = {w for w, _, _ in before if w in ROLE_NOUNS}
        after = re.match(r",\s+(?:the|a|an|[\w’']+['’]s)\s+([^,.;:\n]{1,60})", text[m.end :])
        if after:
            found |= {w for w, _, _ in words(after.group(1), 0, len(after.group(1)))[:5]} & (
                ROLE_NOUNS
            )
        for role in found:
            out.setdefault(role, set()).add(m.entity)
    return out


def surnames(text: str, whos: Sequence[Who]) -> list[Who]:
    """Bare surnames NER missed ("Fawzi said …" after "Mariam Fawzi"), when the surname
    belongs to one person of the article only."""
    owners: dict[str, set[int]] = {}
    for m in whos:
        parts = text[m.start : m.end].split()
        if m.type == "person" and len(parts) >= 2 and parts[-1][:1].isupper():
            owners.setdefault(parts[-1], set()).add(m.entity)
    taken = {i for m in whos for i in range(m.start, m.end)}
    out = []
    for surname, people in owners.items():
        if len(people) != 1:
            continue
        for hit in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            if hit.start() not in taken and hit.end() - 1 not in taken:
                out.append(Who(hit.start(), hit.end(), "person", next(iter(people))))
    return out


def pronoun(whos: Sequence[Who], before: Sequence[Spoken], at: int) -> int | None:
    """'he said': the speaker of the quote just before, else the last person named."""
    earlier = [q for q in before if q.start < at]
    if earlier:
        return earlier[-1].speaker
    people = [m for m in whos if m.type == "person" and m.end <= at]
    return people[-1].entity if people else None
