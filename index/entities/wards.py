"""Korean and Japanese districts and streets written with their kind as a suffix: Seoul's
"Mapo-gu", "Hapjeong-dong", "Mangwon 1-dong" and "Mangwon-ro", Osaka's "Nishinari-ku".

The English press of Korea and Japan writes local places so: the model rarely tags them and
no gazetteer lists them, but the suffix says what they are. A Korean given name may end the
same way ("Lee Min-gu"), so the word before must not be a name's other than a place's.
"""

from __future__ import annotations

import re

from . import commonwords
from .clean import Mention, within
from .nameforms import known_place_name
from .relatedlines import related_places
from .spans import Spans

#: Korean: a district (gu), neighbourhood (dong), county (gun), town (eup), township (myeon),
#: road (ro, gil); Japanese: a ward (ku), a town's quarter (cho, machi).
_SUFFIXED = re.compile(
    r"([A-Z](?<![\w’'-].)[a-z]+)(?: \d{1,2})?-(?:gu|dong|gun|eup|myeon|ro|gil|ku|cho|machi)"
    r"(?![\w’'-])"
)
#: The suffix every match of `_SUFFIXED` ends with, looked for first: `re` skips to hyphens
#: in C, and few articles write one, where `_SUFFIXED` is tried at every capital.
_SUFFIX = re.compile(r"-(?:gu|dong|gun|eup|myeon|ro|gil|ku|cho|machi)(?![\w’'-])")
_WORD_BEFORE = re.compile(r"([A-Z][\w-]*?)(?:[’']s)? $")
_OFFICE = re.compile(r" (?:Office|Council)\b")


def suffixed_places(body: str, mentions: list[Mention], stray: Spans) -> list[Mention]:
    """The mentions with each suffixed district outside a stray line as one place (what the
    model tagged inside it, "Hapjeong" of "Hapjeong-dong", gives way), or with its office
    ("Haeundae-gu Office") as a body."""
    out = mentions
    for x in _SUFFIXED.finditer(body) if _SUFFIX.search(body) else ():
        start, end = x.span()
        if stray.containing(start, end) is not None or commonwords.is_word(x.group(1).lower()):
            continue  # "Machine-gun fire"
        before = _WORD_BEFORE.search(body, max(0, start - 30), start)
        if before is not None and not known_place_name(before.group(1)):
            continue  # "Lee Min-gu"; but "Busan Haeundae-gu"
        office = _OFFICE.match(body, end)
        end = office.end() if office else end
        inside = within(out, start, end)
        if inside is None or any(m.label == "PERSON" and m.end == end for m in inside):
            continue  # a longer name held there, or someone: "Jae-dong, who scored twice"
        out = [m for m in out if m not in inside]
        out.append(Mention(start, end, "ORG" if office else "PLACE"))
    # The resolver's one call for the places a pattern of the page finds where the model saw
    # nothing: the opening place of a related story's headline ("Related: Pinetown taxi …").
    return related_places(body, out, stray)
