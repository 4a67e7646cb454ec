"""Page furniture: the lines of an extracted page whose names are not news.

A text extractor keeps what surrounds an article: a byline, a section trail ("Local News |
Gwynedd"), a dateline, a photo credit ("(AFP)"), stray one-word lines. Their names are not
what the article is about, except a dateline's place and a byline's author, which
`on_short_line` lets through for the resolver to weigh.
"""

from __future__ import annotations

import re

from . import gazetteer
from .clean import known_place_name, person_shaped

_LINE = re.compile(r"[^\n]+")
_SENTENCE_MARK = re.compile(r"[.!?:;,]")


def stray_spans(body: str) -> list[tuple[int, int]]:
    """Spans whose entities are not news: stray short lines and photo credits.

    A line of one to three words with no sentence punctuation ("TT", "20", a byline fragment),
    and a page's time stamp ("Updated 28 November 2026 14:05 GMT") are page furniture; a parenthesis closing a line ("(AFP)", "(Iraqi Defense Ministry/AFP)")
    credits a photo unless it defines an acronym, which the caller checks.
    """
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(body):
        text = line.group()
        # (The literal words each pattern needs are looked for first: most lines have none.)
        if (
            (len(text.split(None, 3)) <= 3 and not _SENTENCE_MARK.search(text))
            or (_CRUMB_MARK.search(text) and _BREADCRUMB.fullmatch(text))
            or _STAMP.match(text)
        ):
            spans.append(line.span())
            continue
        if text.startswith(_WRITTEN_BY):
            spans.append(line.span())  # "Written by Ana Ruiz": a byline (its author, see below)
            continue
        if text.startswith(_SOURCE_OPENERS) and _SOURCE_LINE.match(text):
            spans.append(line.span())  # "Source: The Japan Times": where the item came from
            continue
        for needle, credit_line in _OUTLET_CREDITS:
            outlet = credit_line.search(text) if needle in text else None
            if outlet:  # "By Ana Ruiz, The Canadian Press", "Read more at The Straits Times."
                spans.append((line.start() + outlet.start(1), line.start() + outlet.end(1)))
        post = _POST_TITLE.search(text) if "The post " in text else None
        if post:  # the feed's own headline again: its names are the headline's, read apart
            spans.append((line.start() + post.start(1), line.start() + post.end(1)))
        slash = _SLASH_CREDIT.search(text) if "/" in text else None
        if slash:  # "Photo / Brett Lam", "INQUIRER FILE PHOTO / Ramon Dizon"
            spans.append((line.start() + slash.start(), line.end()))
        if "," in text and _STAFF_BYLINE.match(text):
            spans.append(line.span())  # "HIROSHI TAKEDA, Staff writer"
            continue
        credit = _CREDIT_RE.search(text)
        # "Robert Allenby (Australia)" in a table of results: a nationality, no credit.
        if credit and not gazetteer.country(credit.group().strip(" ().")):
            spans.append((line.start() + credit.start(), line.start() + credit.end()))
    return spans


#: A time stamp on a line of its own: "Updated 28 November 2026", "Last modified: 3 March".
#: (A newsletter promo is not furniture: "… our newsletter on Jordan and Syria" names places.)
_STAMP = re.compile(
    r"\s*(?:Last |First )?(?:Updated|Published|Posted|Modified)\b[^\n]{0,40}\d[^\n]{0,30}$",
    re.IGNORECASE,
)
#: A byline that says what its author did: "Written by Ana Ruiz", "Words by Tom Kerr".
_BYLINE_DEEDS = ("Written", "Words", "Story", "Text")
_WRITTEN_BY = tuple(f"{deed} by " for deed in _BYLINE_DEEDS)
#: A line naming where the item came from: "Source: The New Times", "Via: Reuters".
_SOURCE_OPENERS = ("Source", "Sources", "Via", "SOURCE")
_SOURCE_LINE = re.compile(r"(?:Sources?|Via|SOURCE)\s*:\s")
#: An outlet credited on a byline or a footer, each pattern after the words it needs (looked
#: for before it is run): "By Ana Ruiz, The Canadian Press", "This report by The Canadian
#: Press was first published …", "Read more at The Straits Times."
_OUTLET = r"(The [A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,3})"
_OUTLET_CREDITS = (
    ("By ", re.compile(rf"^By [^,\n]{{3,40}}, {_OUTLET}\s*$")),
    ("first published", re.compile(rf"report by {_OUTLET} was first published")),
    ("Read more at", re.compile(rf"Read more at {_OUTLET}\.?\s*$")),
)
#: A feed entry's footer repeats its headline: "The post <headline> appeared first on <site>."
_POST_TITLE = re.compile(r"\bThe post (.+?) appeared first on\b")
#: A site's section trail on a line of its own: "Local News | Gwynedd", "World › Europe".
_BREADCRUMB = re.compile(r"\s*[^.!?\n|›»>]{1,40}(?:\s[|›»>]\s+[^.!?\n|›»>]{1,40}){1,4}\s*")
_CRUMB_MARK = re.compile(r"[|›»>]")


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: A date closing a dateline: "1996-08-30", "30/08/1996", "Aug. 30", "30 August 2026". The
#: separators before it are read from the first of them only (the look-behind): tried inside
#: a run of spaces, the pattern backtracked over the rest of the run at each of its positions,
#: quadratic on a line padded with thousands (the same leftmost match: it starts at the run).
_LINE_DATE = re.compile(
    rf"(?<![\s,–—-])[\s,–—-]*(?:\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)\s*$",
    re.IGNORECASE,
)


#: What may stand before a name alone on its line: "By ", "Written by " or a leaderboard's rank.
_BYLINE_OR_RANK = re.compile(rf"(?:(?:{'|'.join(_BYLINE_DEEDS)}) )?[Bb][Yy]\s+|\d+\s+")


def on_short_line(body: str, line: tuple[int, int], start: int, end: int, label: str) -> bool:
    """Is a span on a short line still news? A dateline's place ("LONDON 1996-08-30",
    "Kabul, Aug. 3") and a byline's author ("By Mara Quist") are; other short lines are page
    furniture (see `stray_spans`)."""
    text = body[line[0] : line[1]].strip()
    name = body[start:end]
    if label == "PERSON":
        # A byline, or a row of a leaderboard ("64 Ian Woosnam").
        name = re.sub(r"^\d+\s+", "", name)
        shaped = person_shaped(name) or person_shaped(name.title())
        lead = _BYLINE_OR_RANK.match(text)
        return shaped and name in (text, text[lead.end() :] if lead else None)
    rest = _LINE_DATE.sub("", text)
    if rest == text or not rest.startswith(name):
        return False
    return known_place_name(name) or gazetteer.country(name) is not None


#: A photo or agency credit closing a line: "(AFP)", "(Photo: Ana Ruiz/Reuters)"; never a
#: scorecard's "(H. Bilal 112*, R. Akhtar 61)", which has figures.
_CREDIT_RE = re.compile(r"\([^()\n\d]{1,80}\)\s*[.\]]?\s*$")  # "… (AP Photo/Ana Ruiz)]" too
#: A credit after a slash closing a caption: "Photo / Brett Lam", "INQUIRER FILE PHOTO / Ana
#: Cruz": the outlet's and the photographer's names are no news. Only names after the slash
#: ("… its Image/Video unit to Lumen Partners." is prose).
_SLASH_CREDIT = re.compile(
    r"(?<![\w-])(?:[A-Z]{2,} )*(?:FILE )?(?:PHOTO|Photo|PICTURE|Picture|IMAGE|Image)S? ?/ ?"
    r"[A-Z][\w’'.-]*(?:[ /][A-Z][\w’'.-]*){0,4}\s*$"
)
#: A byline naming the writer's post: "HIROSHI TAKEDA, Staff writer". (A byline opening with
#: "By" is read by `on_short_line`, which keeps its author for the resolver to weigh.)
_STAFF_BYLINE = re.compile(
    r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}, (?:(?:Staff|Senior|Chief|Political|Business"
    r"|Sports|Foreign|Special|Our|Deputy|Bureau|Local|Health|Education) )*(?:[Ww]riter|[Rr]eporter"
    r"|[Cc]orrespondent|[Ee]ditor|[Cc]olumnist|[Cc]hief)\s*$"
)
