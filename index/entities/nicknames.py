"""Sports clubs' nicknames (`clubnicknames.txt`): "the Wildcats" is Villanova, "the Gin Kings"
Barangay Ginebra San Miguel.

A nickname is joined to a club only inside one article and only when that article names the
club: many clubs share "Wildcats" or "Tigers", so no nickname is ever an organisation of its own
because of this table. A nickname two of the article's clubs share joins neither.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from .groups import Group
from .keys import entity_key


@cache
def club_nicknames() -> dict[str, frozenset[str]]:
    """Nickname key -> the keys of the clubs (full and short names) it may stand for."""
    text = resources.files(__package__).joinpath("clubnicknames.txt").read_text(encoding="utf-8")
    clubs: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        club, *nicknames = (part.strip() for part in line.split(" | "))
        for nickname in nicknames:
            clubs.setdefault(entity_key(nickname), set()).add(entity_key(club))
    return {k: frozenset(v) for k, v in clubs.items()}


def link_club_nicknames(body: str, groups: dict[str, Group]) -> None:
    """Join each group written only as a club's nickname to the one club of the article that
    the nickname stands for; the nickname never becomes the club's display name."""
    table = club_nicknames()
    owners: dict[str, str] = {}  # club key -> the group that names it
    for key, group in groups.items():
        for text in set(group.texts(body)):
            owners.setdefault(entity_key(text), key)
    for key in list(groups):
        g = groups.get(key)
        if g is None:
            continue
        texts = {entity_key(t) for t in g.texts(body)}
        if len(texts) != 1:
            continue
        (nickname,) = texts
        clubs = {owners[c] for c in table.get(nickname, ()) if c in owners}
        clubs = {c for c in clubs if c in groups and c != key}
        if len(clubs) == 1:
            club = groups[clubs.pop()]
            club.secondary.add(nickname)
            club.mentions.extend(groups.pop(key).mentions)
