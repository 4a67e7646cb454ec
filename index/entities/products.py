"""Products the model calls people, places or organisations: "Explorer 6", "IE6", "the
Chrome browser", and a product line written with two versions ("Navigator 7" … "Navigator 9").

Kept apart from localvote.py, which asks these questions of each group before it lists it.
"""

from __future__ import annotations

import re

from . import commonwords, gazetteer
from .groups import Group
from .roadcodes import road_code

#: What follows a product's name: a version number ("Explorer 6"), or the kind of thing it is.
_PRODUCT_NEXT = re.compile(
    r"^[^\S\n]+(?:\d{1,2}(?:\.\d+)*(?![\d,.]*\s*(?:%|percent|per\b|times\b|years?\b))"
    r"(?![^\S\n]*[-–]?[^\S\n]*\d)"  # a score or a table row ("Arsenal 3 1", "United 2-0")
    r"|(?:web\s+)?browsers?\b|software\b|apps?\b|smartphones?\b|phones?\b|cameras?\b"
    r"|consoles?\b|operating\s+system\b|laptops?\b|tablets?\b|users\b)"
)
#: A model number for a name: letters then digits in one word ("IE6", "A380").
_MODEL_NUMBER = re.compile(r"[A-Za-z]{1,4}\d{1,4}[A-Za-z]?")


def product(body: str, name: str, g: Group) -> bool:
    """A product, not a person or place: a model number ("IE6"), or a name the article writes
    with a version or a product noun after it ("Explorer 6", "the Chrome browser"), when
    nothing marks it as a person and the gazetteer does not know it as a place."""
    if g.country or g.votes["person_cue"] or gazetteer.is_place(name):
        return False
    if g.votes["model_person"] and " " in name and not any(map(commonwords.is_word, name.split())):
        return False  # a full name with runs or a score after it: "Rizwan Akhtar (61)"
    if g.votes["model_person"] >= 2 and " " in name:
        return False  # read in full as someone twice: "Nelson Afamasaga 2" is his two tries
    if _MODEL_NUMBER.fullmatch(name):
        return not road_code(body, name)  # "the nearby A49" is a road
    if gazetteer.city_population(name):
        return False
    return any(_PRODUCT_NEXT.match(body[m.end : m.end + 30]) for m in g.mentions)


#: A version after a name: "Explorer 6", "Explorer 9.1"; never a score ("Arsenal 3 – 1").
_VERSION_NEXT = re.compile(
    r" (\d{1,2}(?:\.\d+)?)(?!\d|,\d|\s*[–:-]|,(?: [A-Z]\w+)+ \d|\s*(?:%|per\b|times\b|years?\b)"
    # never a rank ("Everton 15th") or a result line ("Brentford 2 Everton 1")
    r"|(?:st|nd|rd|th)\b|[ \t]*(?:\n|$)|(?: [A-Z][\w’'-]*)+ \d)"
)


def versioned(body: str, g: Group) -> bool:
    """An "organisation" the article writes with two different version numbers after it
    ("Internet Explorer 6" … "Internet Explorer 9") is a product line, not an organisation."""
    if g.country:
        return False
    versions: set[str] = set()
    for text in set(g.texts(body)):  # everywhere the article writes the name: the model
        at = body.find(text + " ")  # tags few of them
        while at != -1:
            end = at + len(text)
            whole = at == 0 or not body[at - 1].isalnum()
            if (
                whole
                and body[end + 1 : end + 2].isdigit()
                and (x := _VERSION_NEXT.match(body, end))
            ):
                versions.add(x.group(1))
            at = body.find(text + " ", end)
    return len(versions) >= 2
