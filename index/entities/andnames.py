"""A body's name the model cut at "and", tagging only what follows it (`repair` step):
"the Pharmacy and" + "Poisons Board", "the Davao Jeepney Operators and" + "Drivers
Association". The words before "and" open the name when they are no name of their own.
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer, personnames
from .clean import TITLES, Mention
from .nameforms import known_place_name
from .rolewords import OCCUPATIONS
from .spans import widen

_AND_BEFORE = re.compile(r"\b(?:the|by|of|from|with)\s+([A-Z][a-z]+) and $")
#: One to three capitalised words after "the", then "and": "the Davao Jeepney Operators and"
#: + "Drivers Association" ("both the" marks two: "both the Hilton and Marriott …").
_RUN_BEFORE = re.compile(r"(?<![Bb]oth )\b[Tt]he\s+((?:[A-Z][\w-]+ ){0,2}[A-Z][\w-]+) and $")


def _run_before(body: str, m: Mention, mentions: list[Mention]) -> int:
    """Where a body's name really starts when the model tagged only what follows "and" and
    the words before it, after "the", are no name of their own: they end in no organisation
    word, hold no title or calling ("the Chief Justice and …", "the Head Teacher and …"), name
    no known body nor a known place but a lone town, and hold no one else's mention but a place they open with ("Davao"
    of "the Davao Jeepney Operators and Drivers Association"). "the Kenya Wildlife Service and
    Kenya Forest Service" are two."""
    x = _RUN_BEFORE.search(body, max(0, m.start - 60), m.start)
    if x is None:
        return m.start
    start = x.start(1)
    run = x.group(1)
    words = run.split()
    inside = [o for o in mentions if o.start < x.end(0) - 5 and o.end > start]
    if (
        words[-1].casefold() in gazetteer.ORG_WORDS
        or any(w.isupper() for w in words)  # "the NTWU and Transport Ministry officials"
        # one town may open a body's name with the name after "and" ("the Glenties and
        # Fintown Environmental Group"), unless that opens with a town too: two bodies
        or (known_place_name(run) and (len(words) > 1 or _opens_with_place(body, m)))
        or gazetteer.is_known_org(run)
        or any(w.casefold() in TITLES or w.casefold() in OCCUPATIONS for w in words)
        or gazetteer.is_known_org(body[m.start : m.end])
        or gazetteer.country(body[m.start : m.end].split()[0]) is not None
        or any(
            o.label not in ("GPE", "LOC") or o.start != start or o.end >= start + len(run)
            for o in inside
            if not (o.label != "PERSON" and (o.start, o.end) == (start, start + len(run)))
        )
    ):
        return m.start
    return start


def join_and_parts(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "the Pharmacy and Poisons Board": the model tagged only the part after "and"; a single
    capitalised word before it, no name of its own, is the start of the organisation's name,
    and so are two or three after "the" (`_run_before`)."""
    taken = [(m.start, m.end) for m in mentions]
    out: list[Mention] = []
    runs: list[tuple[int, int]] = []  # the words a name took in before "and"
    for m in mentions:
        after_and = m.label == "ORG" and body.endswith((" and ", " and \n"), 0, m.start)
        # (an organisation's name right after " and ": tested first, the search scans 40 chars)
        x = _AND_BEFORE.search(body, max(0, m.start - 40), m.start) if after_and else None
        words = body[m.start : m.end].split()
        org_end = words[-1].casefold().strip(".,") in gazetteer.ORG_WORDS
        if (
            x
            and org_end
            and not any(s <= x.start(1) < e for s, e in taken)
            and not known_place_name(x.group(1))
            and not gazetteer.is_known_org(x.group(1))
        ):
            out.append(Mention(x.start(1), m.end, "ORG", m.titled, m.place_word, True))
        elif after_and and org_end and (start := _run_before(body, m, mentions)) < m.start:
            runs.append((start, m.start))
            out.append(Mention(start, m.end, "ORG", m.titled, m.place_word, True))
        else:
            out.append(m)
    out = [m for m in out if not any(s <= m.start and m.end <= e for s, e in runs)]
    return _past_adjective(body, _owners_portfolio(body, out))


#: An owner's body, its "'s" and one capitalised word: "National Assembly's Finance".
_OWNER_AND_WORD = re.compile(r"(.+?)[’']s ([A-Z][a-z]+)")


def _owners_portfolio(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "the National Assembly's Finance" + " and " + "National Planning Committee": the model
    ran the owner's name on across its "'s" into the first field of a committee cut at "and".
    The owner ends at its "'s"; the field opens the body named after "and"."""
    ends = {m.end: m for m in mentions if m.label == "ORG" and "s " in body[m.start : m.end]}
    if not ends:
        return mentions
    out = list(mentions)
    for m in mentions:
        p = ends.get(m.start - 5)
        if (
            p is None
            or m.label != "ORG"
            or body[p.end : m.start] != " and "
            or body[m.start : m.end].split()[-1].casefold() not in gazetteer.ORG_WORDS
            or (x := _OWNER_AND_WORD.fullmatch(body, p.start, p.end)) is None
            or known_place_name(x.group(2))
            or gazetteer.is_known_org(x.group(2))
            or p not in out
            or m not in out
        ):
            continue
        out.remove(p)
        out.remove(m)
        out.append(Mention(p.start, x.end(1), "ORG", p.titled, p.place_word, p.org_word))
        out.append(Mention(x.start(2), m.end, "ORG", m.titled, m.place_word, True))
    return out


def _opens_with_place(body: str, m: Mention) -> bool:
    """Does the name after "and" open with a known place ("the Kisumu and Siaya County …")?
    Two places so listed name two bodies of one kind, not one body."""
    return known_place_name(body[m.start : m.end].split()[0])


#: "and" and the capitalised words after it, to a lowercase word or punctuation: "and
#: Khoi-San Leaders", "and Solidarity Economy", "and Atmospheric Administration".
_AND_RUN = re.compile(r" and ((?:[A-Z][\w’'-]+ ){0,3}[A-Z][\w’'-]+)(?![\w’'-])")


def _past_adjective(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "the House of Traditional" + "and Khoi-San Leaders", "the Ministry of …, Handicrafts
    and Social" + "and Solidarity Economy": what a body is "of" or "for" never ends in an
    adjective, so the model's organisation that does runs on past "and" to the capitalised
    words after it (a name may end in one: "Linden Hollow Elementary", "Toyota Motor"). Not
    when those words are a place, a known body or someone's name, nor after a title's word
    ("Attorney General and …")."""
    out = list(mentions)
    present = set(out)  # `m in out` on every mention was quadratic in long articles
    for m in mentions:
        if m.label != "ORG" or m not in present:
            continue
        text = body[m.start : m.end]
        last = text.rsplit(None, 1)[-1]
        if not (
            (" of " in text or " for " in text)  # what the body is of: "House of Traditional"
            and last[:1].isupper()
            and commonwords.is_adjective(last)
            and last.casefold() not in TITLES
            and not gazetteer.is_demonym(last)
        ):
            continue
        x = _AND_RUN.match(body, m.end)
        if x is None:
            continue
        run = x.group(1)
        if (
            known_place_name(run)
            or gazetteer.country(run)
            or gazetteer.is_known_org(run)
            or personnames.person_shaped(run)
        ):
            continue
        grown = widen(out, m, Mention(m.start, x.end(), "ORG", m.titled, m.place_word, True))
        if grown is None:
            continue  # a longer name holds the words after "and"
        out = grown
        present = set(out)
    return out
