"""A capitalised common word is no name: "Turnout was 61 percent", "Vendors said …".

The model tags many words that only open a sentence; `common_word` tells such a word from a
name that happens to open one. Called by `localvote.vote_types` on each group it would list.
"""

from __future__ import annotations

from . import commonwords, gazetteer, personnames, sportsnames
from .edges import in_lowercase, sentence_start
from .groups import Group


def common_word(body: str, name: str, g: Group) -> bool:
    """A lone capitalised word the body also writes in lowercase ("Turnout" / "turnout") is a
    sentence-initial common noun, not a name: unless something marks it as one."""
    if " " in name or "-" in name or name.isupper() or g.country:
        return False
    if _plural_opening(body, name, g):
        return True
    if g.votes["person_cue"]:
        return False
    if name.lower() not in body:  # most names: no regex to build
        # "Turnout was 61 percent": an English word only ever opening a sentence, that no
        # locale uses as a name, is that word capitalised.
        return (
            all(m.label == "PERSON" and sentence_start(body, m.start) for m in g.mentions)
            and commonwords.is_word(name)
            and not _named_in_lists(name)
        )
    return in_lowercase(body, name)


def _named_in_lists(name: str) -> bool:
    """Does a list know the word as a name: someone's, a known body's, a town's or a place's?
    Such a word opening a sentence is that name, not a common word capitalised."""
    return bool(
        personnames.listed_name(name)
        or gazetteer.is_known_org(name)
        or gazetteer.city_population(name)
        or gazetteer.is_place(name)
    )


def _plural_opening(body: str, name: str, g: Group) -> bool:
    """ "Vendors said the march was peaceful", "CHITTAGONG — Commuters and drivers …": a
    plural noun the model read as a body or a person, only ever opening a sentence, is the
    people it names. Speech is no sign of a name here: crowds speak in news."""
    return (
        commonwords.plural_noun(name)
        and all(
            m.label in ("ORG", "PERSON")
            and (sentence_start(body, m.start) or _after_dash(body, m.start))
            for m in g.mentions
        )
        and not g.votes["club"]  # "Rangers won 2-0", "Warriors beat the Suns"
        and not sportsnames.is_club(name)
        and not _named_in_lists(name)
    )


def _after_dash(body: str, pos: int) -> bool:
    """Right after a dateline's dash: "CHITTAGONG, Nov 29 — Commuters …"."""
    return body[max(0, pos - 3) : pos].rstrip(" ")[-1:] in ("—", "–", "-")
