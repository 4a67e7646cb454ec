"""The titles, ranks and nationalities that lead a span the model tagged as a name.

"Defense Minister Thabet al-Abbasi", "Garissa Governor Abdullahi Farah Noor", "Kenyan Mercy
Jepkorir": the words before the name are evidence (a title says "person") but no part of it.
Kept apart from `clean.py`, which calls `strip_titles` on every span it finishes.
"""

from __future__ import annotations

from . import gazetteer, personnames
from .nameforms import known_place_name, name_like, norm_word
from .rolewords import OCCUPATIONS
from .wordlists import MODIFIERS, STRONG_TITLES, TITLES


def strip_titles(
    words: list[str], toks: list[tuple[int, int]], label: str
) -> tuple[list[tuple[int, int]], bool]:
    """Drop leading titles ("Syrian President", "Defense Minister", "Member of the").

    Returns the remaining tokens and whether a title was cut. A span made only of title words
    ("Defense", "Interior Minister") is not a name and comes back empty.
    """
    # "Sri Lankan Kavindu Perera", "Kenyan Mercy Jepkorir": a nationality before a person's
    # full name is no part of it (with a title after it, the loop below takes both off).
    if label in ("PERSON", "ORG"):
        for n in (2, 1):
            if (
                len(words) - n >= 2
                # "the Italian Giuseppe Ferrandini" read as an organisation: only before a name
                # shaped like a person's
                # (the demonym first: the rest is read for the few spans that open with one)
                and gazetteer.is_demonym(" ".join(words[:n]))
                and (label == "PERSON" or personnames.person_shaped(" ".join(words[n:])))
                and norm_word(words[n]) not in TITLES
                and name_like(words[n])
                # "Mian", "Taman": tongues and names too; "Italian" is a country's people
                and not (
                    gazetteer.is_language(" ".join(words[:n]))
                    and not gazetteer.is_national(" ".join(words[:n]))
                )
                and not personnames.listed_name(words[0])  # "Jordi" fits "Jordan"'s demonym
            ):
                return toks[n:], False
    i = 0
    saw_title = strong = False
    # "Garissa Governor Abdullahi Farah Noor", "Sindh Chief Minister …": a place the title
    # belongs to, before the title, is no part of the person's name.
    if (
        label == "PERSON"
        and len(words) >= 3
        and norm_word(words[1]) in TITLES
        and known_place_name(words[0])
    ):
        i = 1
    while i < len(words):
        w = norm_word(words[i])
        if (
            w in TITLES
            or w.endswith("ologist")
            # (an organisation's span too: "Nurse Amina Okafor", whose rest is a person's name)
            or (i == 0 and label in ("PERSON", "ORG") and personnames.led_by_style(words))
            # "Pensioner Mrs Saraswathi Naidoo": a calling opening the sentence, then a title
            or (i == 0 and len(words) > 2 and w in OCCUPATIONS and norm_word(words[1]) in TITLES)
        ):
            saw_title = True
            strong |= w in STRONG_TITLES
        elif not (w in MODIFIERS or gazetteer.is_demonym(w)) or (
            # "Prime Minister Emir Ćosić": a surname the lists hold, closing a titled name, is
            # the person's though it reads like a people's ("Ćosić" as if of "Corsica")
            0 < i == len(words) - 1 and personnames.surname(words[i].strip(".,’'"))
        ):
            break
        i += 1
    if i == len(words):
        # Only qualifiers: "Interior Minister" (a title) or a lone "Defense" is no name, but
        # "Republican National Committee" and "Islamic State" (no title among them) are.
        if not saw_title and (len(words) >= 2 or norm_word(words[-1]) in gazetteer.ORG_WORDS):
            return toks, False  # "Islamic State" too
        return [], False
    if not saw_title:
        return toks, False
    rest = [norm_word(w) for w in words[i:]]
    if not name_like(words[i]):
        return toks, False
    has_org_word = any(w in gazetteer.ORG_WORDS for w in rest)
    if (has_org_word or rest[-1] in gazetteer.PLACE_WORDS) and label != "PERSON":
        return toks, False  # "Queen Elizabeth Central Hospital", "King Fahd Road"
    if not strong and len(rest) >= 2 and rest[-1] in gazetteer.ORG_WORDS:
        # "Seri Kembara Consultancy" read as a person: a name after an honorific that ends in
        # the kind of firm it is ("Consultancy") is the firm's, the honorific in it
        return toks, False
    if label != "PERSON" and not (len(rest) >= 2 or strong or personnames.given_name(words[i])):
        return toks, False  # "General Motors", "Major League" stay whole; "Councillor Pieter" not
    if label != "PERSON" and len(rest) == 1 and rest[0] in gazetteer.ORG_WORDS:
        return toks, False  # "Premier League": a title word before a bare org word names it
    if label != "PERSON" and personnames.unlike_a_person(" ".join(words[i:])):
        return toks, False  # "Cardinal Screen Partners", a fund: no person is "Screen Partners"
    return toks[i:], not has_org_word
