"""A person's name and the alias written after it, one name: "Imran alias Mithu", the
Malaysian "Tan Ah Kow @ Tan Kok Hwa" (`repair` step).

South Asian court and police reports and the Malaysian press write the other name a person
goes by right after the first, joined by "alias" or "@". The reader, and those papers, treat
the pair as one person's name; the model tags only one side ("Imran") or cuts at the "@", so
the alias became a second, unreal person. A quoted nickname ("a.k.a. 'the Butcher'") is no
such name and stays apart.
"""

from __future__ import annotations

import re

from . import commonwords, personnames
from .clean import Mention
from .spans import widen

#: What joins the two names: a lowercase "alias", or an "@" set apart by spaces (a handle,
#: "@tanahkow", has none).
_JOINER = re.compile(r" (?:alias|@) ")
#: The alias: one to four capitalised words, Malay and Arabic particles between them
#: ("Mohd Ali bin Abu"), ending where the words do (", 67", " said").
_ALIAS = re.compile(
    r"[A-Z][\w’'-]*(?: (?:(?:bin|binti|bte|al|el|de|da|van|von) )?[A-Z][\w’'-]*){0,3}\b"
)


def join_aliases(body: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with each person's name the model tagged before "alias" or "@" run on over
    the alias after it, and an alias it tagged alone run back over the name before it; what
    the joined name covers is absorbed."""
    if " alias " not in body and " @ " not in body:
        return mentions
    for x in _JOINER.finditer(body):
        people = [m for m in mentions if m.label == "PERSON"]
        # the model's span may end at the joiner or run over it ("Tan Ah Kow @ Tan")
        before = [m for m in people if m.end == x.start() or m.start < x.start() < m.end]
        after = [m for m in people if m.start == x.end()]
        alias = _ALIAS.match(body, x.end())
        start: int | None = None
        if len(before) == 1 and alias is not None and alias.end() >= before[0].end:
            m = before[0]
            start = m.start
        elif not before and len(after) == 1 and alias is not None:
            m = after[0]  # "Imran alias Mithu": the model tagged the alias alone
            start = _name_before(body, x.start())
        if start is None or alias is None:
            continue
        end = max(alias.end(), m.end)
        joined = widen(mentions, m, Mention(start, end, "PERSON", m.titled))
        if joined is not None:
            mentions = joined
    return mentions


#: One to three capitalised words closing the text before the joiner.
_NAME_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}$")


def _name_before(body: str, at: int) -> int | None:
    """Where the name right before `at` starts, words a sentence may open with ("On", "Police")
    left out: each kept word is a name some list holds or no English word."""
    x = _NAME_BEFORE.search(body, max(0, at - 60), at)
    if x is None:
        return None
    start = x.start()
    for word in x.group().split():
        if personnames.listed_name(word) or not commonwords.is_word(word):
            return start
        start += len(word) + 1
    return None
