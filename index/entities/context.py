"""The words around one mention as evidence for its type.

"the town of X", "X province", "In X," place a name; a title or a role before it ("Senator
X", "X, a spokesman"), speech ("X said", "…, says X") and a pronoun later in the sentence mark
a person; "X group" an organisation. Each cue adds to the group's votes (`localvote.py`);
"strong_" votes are evidence that may override the model on a full name, "place_cue" and
"person_cue" record that such context was seen at all.
"""

from __future__ import annotations

import re
from collections import defaultdict

from . import gazetteer, personnames
from .clean import Mention, known_place_name
from .contextcues import (
    POSSESSIVE_AFTER,
    countrys_own,
    in_region,
    lone_word,
    placed_article_led,
)
from .contextwords import (
    NEXT_PLACE,
    NEXT_PLACE_NOUN,
    ORG_KINDS_BEFORE,
    PLACE_STRONG_ENDS,
    PLACE_STRONG_LAST,
    PLACE_WEAK_LAST,
    SPEECH,
    TRADES,
)
from .matches import club_context
from .placecues import place_strong
from .rolewords import OCCUPATIONS
from .wordlists import ROAD_ENDS, TITLES

_PREV_PLACE_WEAK = re.compile(
    r"\b(?:in|near|at|from|via|into|toward|towards|across|outside|through|throughout|around"
    r"|inside|within|on)\s+$",
    re.IGNORECASE,  # "In Shobak, farmers …" opens a sentence
)
_PREV_IN = re.compile(r"\b(?:in|near|outside|across|throughout|inside|within)\s+$", re.IGNORECASE)
#: What one has "in" an organisation: "invested in X", "a stake in X", "a job in X".
_STAKE_IN = re.compile(
    r"\b(?:invest\w*|stakes?|shares?|holdings?|interest|jobs?|career|role|roles|member"
    r"|members|membership|positions?|trading)\s+in\s+$",
    re.IGNORECASE,
)
#: Titles right before a name: "Senator X", "Dr. X" (the last word before it, any case).
_PREV_TITLES = frozenset(
    {"president", "minister", "spokesman", "spokeswoman", "spokesperson", "mr", "mrs", "ms"}
    | {"dr", "sheikh", "ayatollah", "senator", "lord", "lady", "sir", "dame", "baron", "baroness"}
    | {"earl", "duke", "duchess", "governor", "mayor", "ambassador", "envoy", "chancellor"}
    | {"chair", "chairman", "chairwoman", "commander", "general", "colonel", "judge"}
    | {"prosecutor", "member", "leader", "secretary", "director", "coordinator", "candidate"}
    | {"officer", "manager"}
)
#: Titles that are adjectives too: "major Slavic tribes", "the chief Shia cleric".
_ADJECTIVES = frozenset({"major", "general", "chief", "head", "veteran", "premier", "senior"})
#: An age in apposition: "Remedios Soler, 67, who …" is someone.
_NEXT_AGE = re.compile(r"^,\s+(?:aged\s+)?\d{1,3},(?!\d)")
_PREV_ROLE = re.compile(
    r"\b(?:spokes\w+|minister|commander|president|leader|director|chief|head|member|official"
    r"|envoy|ambassador|adviser|advisor|coordinator|manager|researcher|analyst|economist"
    r"|accountant|lawyer|prosecutor|candidate|chairman|chair|secretary|mayor|governor|officer"
    r"|journalist|correspondent|drivers?|resident|witness|relative|farmer|owner)\b[^.,;:\n]{0,40},\s+$"
)
_NEXT_ORG = re.compile(
    r"^\s+(?:group|militia|faction|movement|party|organi[sz]ation|network|coalition|alliance"
    r"|company|agency|ministry|officials|fighters|militants)\b"
)
#: What an organisation's name is followed by: "the ruling Morena party", "the Semilla and Vamos
#: parties", "DZMM radio", "the Flamengo forward", "Glass Orchard frontman", "the Leinster
#: hooker", "the Lahore batsman".
_NEXT_ORG_STRONG = re.compile(
    r"^\s+(?:party|parties|militia|faction|radio|television|newspaper|broadcaster|forward|striker"
    r"|midfielder|defender|goalkeeper|winger|frontman|frontwoman|shareholders|subsidiary"
    r"|keeper|substitute|manager|boss|squad|fans|supporters|dressing\s+room|head\s+coach"
    r"|coach(?=\s+[A-Z])"
    r"|hooker|flanker|out-half|fly-half|scrum-half|full-back|batsman|batter|bowler|spinner"
    r"|seamer|all-rounder|quarterback|pitcher"
    r"|chief\s+executive|ceo|exchange|coalition|alliance)\b"
)
#: What an organisation is introduced by: "rail operator Renfe", "the Glasgow trio Glass
#: Orchard", "Japan's space agency, JAXA,", "trade union Verdi", "Harare club Takashinga", "the
#: fishermen's association Al Amal", "whose gallery, Olivier Jacobs Fine Art,".
_PREV_ORG = re.compile(
    r"\b(?:operator|carrier|airline|broadcaster|regulator|retailer|manufacturer|carmaker"
    r"|automaker|chipmaker|lender|insurer|start-?up|firm|company|agency|newspaper|band|trio"
    r"|quartet|duo|label|distributor|conglomerate|cartel|gang|fintech|exporter|importer|miner"
    r"|refiner|supermarket|bank|publisher|studio|brand|platform|utility|group|service"
    r"|authority|charity|union|club|association|gallery)(?:,)?\s+$"
    # "Perth-based Yarra Gold", "state-owned Petrobras", "Rwanda-backed M23"
    r"|\b[\w.]+-(?:based|headquartered|listed|owned|registered|controlled|backed)\s+$"
    # "the Brussels office of X", "an analyst at X", "a director at X": where people work is
    # an organisation
    r"|\b(?:office|offices|subsidiary|division|unit|parent)\s+of\s+(?:the\s+)?$"
    r"|\b(?:analyst|economist|strategist|researcher|professor|lecturer|lawyer|partner"
    r"|scientist|fellow|director)\s+at\s+(?:the\s+)?$"
)
#: "chief executive of Rahla Freight": what only a company has (not "chairman of the
#: Khumjung village council", where the name only says where the council is).
_LOWERCASE_NEXT = re.compile(r"\s+[a-z]")
_PREV_COMPANY_ROLE = re.compile(
    r"\b(?:chief\s+executive|ceo|cfo|coo|cto|co-?founder|founder"
    r"|shareholders|employees)\s+(?:of|at)\s+(?:the\s+)?$"
)
#: Trades of firms and of people alike: "publisher Shinchosha", "publisher Mairead Ní …".
_PREV_TRADE = re.compile(r"\b(?:publisher|distributor|exporter|importer|broadcaster)\s+$")
#: The name, a verb or two, then "its": "Fitch affirmed its", "Argonaut will cut its".
_ITS_AFTER = re.compile(r"^\s+(?:[a-z]+\s+){1,2}its\b")
#: What only an organisation has: "Fluxa's chief executive", "Velmora's shares".
_OWNED_BY_ORG = re.compile(
    r"^[’']s?\s+(?:chief\s+executive|ceo|cfo|chief\s+financial|shareholders|shares|stock"
    r"|profits?|revenues?|earnings|board\s+of\s+directors|headquarters|subsidiary|faction"
    r"|singer|drummer|guitarist|bassist|frontman|frontwoman|lead\s+singer)\b"
)
#: An apposition that names what it is: "Gavi, the Vaccine Alliance, …".
_ORG_APPOSITION = re.compile(
    r"^,\s+the\s+(?:[A-Z][\w-]*\s+){0,3}(?:Alliance|Organi[sz]ation|Agency|Foundation"
    r"|Fund|Union|Party|Group|Company|Corporation|Council|Commission|Institute|Society)\b"
)
#: "X, who …": someone, unless a place the world knows is meant (a country's team).
_WHO_AFTER = re.compile(r"^,\s+who\s+(?!beat|drew|lost|won|defeated|play|face|host)")


def _bare_name(name: str) -> bool:
    """Capitalised words and nothing that names a body: "Friends of Skipton Library, who
    …" is a group of people, not someone."""
    words = name.split()
    return all(w[:1].isupper() and w.casefold() not in gazetteer.ORG_WORDS for w in words)


#: "Mowi shares were up 4%": a company's stock moves ("Smith shares his view" does not).
_SHARES_AFTER = re.compile(
    r"^\s+(?:shares|stock)\s+(?:were|was|are|rose|fell|jumped|slumped|dropped|gained|climbed"
    r"|closed|ended|opened|traded|surged|soared|tumbled|plunged|sank|slid|edged|have|had)\b"
)
#: People are born, bodies are founded: "Rahla, founded in 2021 by …", "Kobo Ledger was
#: started in Ibadan in 2020 by …".
_FOUNDED_AFTER = re.compile(
    r"^(?:,\s+(?:which\s+was\s+)?|\s+was\s+)(?:co-?founded|founded|set\s+up|launched|started)"
    r"(?:\s+in\s+[A-Z][\w’'-]+)?\s+(?:in\s+\d{4}\s+)?by\b"
)
#: An apposition that says what kind of body it is: "Viv Ansanm, an alliance of gangs",
#: "Rahla Freight, a Dubai-based app that …", never "…, a union official".
_ORG_KIND_APPOSITION = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:alliance|coalition|company|firm|start-?up"
    r"|charity|app|platform|lender|insurer|retailer|chain|operator|cooperative|co-operative"
    r"|consortium|agency|ngo|non-?profit|militia|faction|movement|conglomerate|manufacturer"
    r"|carmaker|broadcaster|newspaper|outlet|label|band|party|union|federation|association"
    r"|group|organi[sz]ation|network|collective|society|club|trust|foundation|institute"
    r"|think\s+tank|watchdog|lobby|regulator|bank|university|college|hospital)"
    r"(?=[,.;)]|\s+(?:of|that|which|in|with|based|founded|formed|set|run|owned|whose|for)\b)"
)
_NEXT_PERSON_ROLE = re.compile(
    r"^,\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,4}?(?:spokes\w+|minister|commander|president"
    r"|leader|director|chief|head|member|official|envoy|ambassador|adviser|advisor|general"
    r"|colonel|officer|journalist|correspondent|chairman|secretary|mayor|governor|coordinator"
    r"|manager|researcher|analyst|economist|candidate|lawyer|prosecutor|mp|mep|lawmaker"
    r"|legislator|senator|congressman|congresswoman)\b(?!\s+[A-Z])"  # not the next name's title
)
_NEXTSPEECH = re.compile(
    r"^,?\s+(?:said|says|told|tells|added|adds|noted|notes|vowed|stated|stressed|warned|warns"
    r"|explained|explains|insisted|insists|confirmed|acknowledged|wrote|writes|argued|argues"
    r"|asked|replied|tweeted|declared|claimed|admitted|recalled|joked|mocked|complained"
    r"|urged|conceded|testified)\b"
)
#: Attribution after a quote or a clause: `", says Tarlo.`
_PREVSPEECH = re.compile(
    r"[,\"”’]\s*(?:said|says|added|adds|explained|explains|noted|notes|wrote|writes|argued"
    r"|argues|warned|warns|insisted|insists|recalled|told\s+\w+)\s+$"
)
# "The Port Authority of Valencia said": the speaker is what the name is the object of.
_PREV_OF = re.compile(r"\bof\s+(?:the\s+)?$")
#: A place's preposition and "the" before a name: what speaks after it is someone else.
_PREP_THE = re.compile(r"\b(?:at|in|near|outside|inside|from|into)\s+the\s+$")
#: A personal pronoun later in the sentence, no other name or "said" between: "X had begun
#: … his", not "X, he said" (the speaker is someone else).
_PRONOUN_AFTER = re.compile(
    r"(?:(?![.!?]\s|\n|\b(?:said|says|told|where|which|whose)\b)[^A-Z\n])*?"
    r"\b(?:he|she|his|her|him|himself|herself)\b(?!\s+(?:said|says|told|added)\b)"
)


def context_votes(body: str, m: Mention, votes: defaultdict[str, float], *, acronym: bool) -> None:
    before = body[max(0, m.start - 60) : m.start]
    after = body[m.end : m.end + 60]
    name = body[m.start : m.end]
    placed = False
    # Every pattern read on `before` ends at the name; the words it must end with are checked
    # first, so most mentions try none of them (this function runs on every mention).
    tail = before.rsplit(None, 2)[-2:] or [""]  # the last two words (split from the end)
    w1 = tail[-1]
    w1l = w1.lower()
    if (
        (w1l in PLACE_STRONG_LAST or w1.endswith(PLACE_STRONG_ENDS))
        # a "the" there ends only "… of the": "at the", "by the" try no pattern
        and (w1l != "the" or tail[0] == "of")
        and place_strong(w1, before)
    ):
        votes["place"] += 1.5
        votes["place_cue"] += 1
        votes["strong_place"] += 1  # "the town of X": evidence even against the model
        placed = True
    elif (
        not acronym
        and w1l in PLACE_WEAK_LAST
        # Both patterns' match is the last word and the spaces after it: read from there.
        and _PREV_PLACE_WEAK.search(before, last_at := len(before.rstrip()) - len(w1))
    ):
        votes["place"] += 0.5
        if _PREV_IN.search(before, last_at) and not POSSESSIVE_AFTER.match(after):
            votes["placed"] += 1  # "farmers in Java", never "the judge in Duffy's trial"
            if (
                m.label == "ORG"
                and " " not in name
                and not (w1l == "in" and _STAKE_IN.search(before))
                and not gazetteer.is_known_org(name)
            ):
                votes["place"] += 1  # "a pharmacist in Azilda": a town the model misread
        elif w1l in ("at", "from") and m.label == "ORG" and lone_word(body, m, name, after):
            votes["place"] += 1  # "fish processors at Bantuma", "I left home from Wanale"
        placed = True
    if m.label in ("PERSON", "ORG") and name[:3] in _ARTICLES and placed_article_led(body, m):
        votes["place"] += 2.5  # "fans living in Lusail and Al Khor", "a site at Al Tareef"
        votes["place_cue"] += 1
        votes["strong_place"] += 1
    # Most names are followed by a space or a stop: the patterns read after one open with a
    # space, a comma or an apostrophe, tested first.
    space, comma = after[:1].isspace(), after[:1] == ","
    if comma and in_region(after):
        votes["place"] += 1.5  # "Marawi, Lanao del Sur": placed by the region it lies in
        votes["place_cue"] += 1
        votes["strong_place"] += 1
    elif (space or after[:1] == "-") and NEXT_PLACE.match(after):
        votes["place"] += 1.5
        votes["place_cue"] += 1
        if NEXT_PLACE_NOUN.match(after):  # "X province", not "X authorities"
            votes["strong_place"] += 1
    if m.label == "PERSON" and " " not in name and before.endswith(" the "):
        votes["the_person"] += 1  # "the Bundeskartellamt", "along the Danube": no one's name
    elif m.label == "FAC" and before.endswith(" the ") and personnames.person_shaped(name):
        # "at the Benito Villamarín": a ground named after someone, never the man himself,
        # whom no one writes after "the"; the model read it as a building
        votes["place"] += 1.5
        votes["place_cue"] += 1
        votes["strong_place"] += 1
    role = w1.endswith(",") and _PREV_ROLE.search(before) is not None
    of = w1 in ("of", "the") and _PREV_OF.search(before) is not None
    if (
        w1 in TRADES
        and _PREV_TRADE.search(before)
        and m.label in ("PERSON", "ORG")
        and personnames.person_shaped(name)
    ):
        # "publisher Mairead Ní Fhlannagáin", "the broadcaster Peadar Mac …": firms and
        # people have these trades, so a person's name after one is only weak evidence, never
        # the strong vote the trade gives a firm's name ("the broadcaster TVP")
        votes["org"] += 1
    elif (
        (space and _NEXT_ORG_STRONG.match(after))
        or (_prev_org(w1, before) and not role)  # "a spokesman
        # for the regulator, Haruna Yakubu," is the spokesman, not the regulator
        or (after[:1] in ("’", "'") and _OWNED_BY_ORG.match(after))
        or (comma and (_ORG_APPOSITION.match(after) or _ORG_KIND_APPOSITION.match(after)))
        or ((comma or space) and _FOUNDED_AFTER.match(after))
        or (space and _SHARES_AFTER.match(after))
        or (
            w1 in ("of", "at", "the")
            and _PREV_COMPANY_ROLE.search(before)
            and not _LOWERCASE_NEXT.match(after)
        )
    ):
        votes["org"] += 5  # "the ruling Morena party", "rail operator Renfe", "DZMM radio"
        votes["strong_org"] += 1
    elif space and _NEXT_ORG.match(after):
        votes["org"] += 1
    elif space and _ITS_AFTER.match(after):
        votes["org"] += 1.5  # "Fitch affirmed its rating": people have "his" or "her"
    if club_context(body, m):
        votes["club"] += 1
    if acronym:
        return
    cue = 0.0
    last = _last_word(before, w1)
    if name.rsplit(None, 1)[-1].casefold() in ROAD_ENDS:
        pass  # "Sheikh Khalifa Bin Zayed Road": a road named after a titled man
    elif last in _PREV_TITLES:
        cue += 2
    elif last in OCCUPATIONS or (last in TITLES and last not in _ADJECTIVES) or role:
        cue += 1  # "state commissioner Folasade Ijeomah", "striker …"
    if comma and _NEXT_AGE.match(after):
        cue += 2  # "Khattak, 21, from Bannu": only people have ages in apposition
    elif (
        comma
        and _WHO_AFTER.match(after)
        and not of  # "Henk de Wolde of Rabo-Lindt, who …": Henk is
        and not known_place_name(name)
        and _bare_name(name)
    ):
        cue += 1  # "with Folake Adeyemi-Cole, who previously ran …"
    elif comma and _NEXT_PERSON_ROLE.match(after):
        cue += 1
    elif (
        comma
        and m.label != "ORG"  # a body may be "a driver of" or "a founder of" something
        and after.startswith((", a ", ", an "))
        and _occupation_apposed(after)
    ):
        cue += 1  # "Ketut, a farmer who …", "Ama, a 40-year-old trader from …"
    elif countrys_own(body, m, before):
        cue += 1  # "Argentina's Sofía Castellanos", "Japan's Takumi Sato"
    elif not placed and (
        (
            (comma or space)
            and _NEXTSPEECH.match(after)
            and not of
            # "investors at a meeting at the Old Fort said": the speaker came before it
            and not (w1 == "the" and _PREP_THE.search(before))
        )
        or ((w1 in SPEECH or tail[0] == "told") and _PREVSPEECH.search(before))
    ):
        # Organisations speak too ("Reuters said"), places only as their governments do
        # ("Beijing says"): a "place" no gazetteer knows that speaks is someone ("Tarlo
        # explains", "…, says Tarlo").
        unknown = not (gazetteer.is_place(name) or gazetteer.city_population(name))
        cue += 1.0 if m.label in ("GPE", "LOC") and unknown else 0.5
    if not (cue or placed) and m.label == "PERSON" and _PRONOUN_AFTER.match(body, m.end):
        cue += 0.5  # "Mishima took up weight training and his workout regimen …"
    if cue:
        votes["person"] += cue
        votes["person_cue"] += 1
        if cue >= 1:  # a title or a role beside the name, not just "said"
            votes["strong_person"] += 1


#: What opens an article-led Arabic name ("Al Khor", "El-Marg"), tested before the pattern.
_ARTICLES = frozenset({"Al ", "El ", "Al-", "El-"})


#: An apposition whose head noun closes it: "…, a farmer who", "…, a 58-year-old nurse in",
#: "…, a mother of three,". The head is the first word a clause word or a stop follows, so
#: "…, a group of farmers" has "group" for its head, no trade of a person.
_APPOSED_HEAD = re.compile(
    r"^,\s+an?\s+(?:[\w’'-]+\s+){0,3}?([a-z][a-z-]+)"
    r"(?=\s+(?:who|whose|from|in|at|of|with|for|since|and)\b|[,.;])"
)


def _occupation_apposed(after: str) -> bool:
    """Is the name followed by an apposition that names a person's trade or kin ("…, a
    farmer who")? Only people have them; a body's apposition names its kind."""
    x = _APPOSED_HEAD.match(after)
    return x is not None and x.group(1) in OCCUPATIONS


def _prev_org(w1: str, before: str) -> bool:
    """`_PREV_ORG` on `before`, tried only when its last word can end one of its phrases,
    and only from its last three words on: each phrase, and the spaces to the end, is in them
    ("office of the "), and a search from its middle sees the text before (`\\b`), so one
    from there finds a match if there is one, without trying every other word of `before`."""
    if not (w1.rstrip(",") in ORG_KINDS_BEFORE or "-" in w1 or w1 in ("of", "at", "the")):
        return False
    parts = before.rsplit(None, 3)
    return _PREV_ORG.search(before, len(parts[0]) if len(parts) == 4 else 0) is not None


def _last_word(before: str, w1: str) -> str:
    """The word right before a name, folded ("Dr." -> "dr"), or "" when punctuation or a line
    break stands between. `w1` is the last word of `before` ("" when it has none)."""
    if before[-1:] != " ":
        return ""
    return w1.rstrip(".").casefold() if w1[-1:] not in ',;:)"”' else ""
