"""What a name itself says of its type, whatever the sentence around it says.

The gazetteer knows it ("Aleppo", "Reuters"); a word in it names a kind ("… Province", "…
Party", "… SA"); its shape is a person's (a given name the world uses, then words that are
no English words) or no one's ("Paper Lanterns"). Called by `localvote.vote_types` for each
group after the mentions' own votes.
"""

from __future__ import annotations

from collections import defaultdict

from . import commonwords, gazetteer, personnames, sportsnames
from .groups import Group
from .nameforms import known_place_name
from .namewords import COMPASS, OUTLET_WORDS
from .placewords import (
    COUNCIL_KINDS,
    ROAD_WORDS,
    ROMANCE_CONNECTORS,
    ROMANCE_PLACE_KINDS,
    STREET_PREFIXES,
    STREET_SUFFIXES,
)
from .shortnames import DESIGNATORS

_REGION_WORDS = frozenset({"state", "region", "province", "territory", "division"})
#: What only a ground's name ends with, whatever company it is named after.
_GROUNDS = frozenset({"arena", "stadium", "stadion", "racecourse", "velodrome", "ballpark"})


#: Where buses, taxis and trains stop, named after the place: never the firm that runs them.
_VEHICLES = frozenset({"bus", "taxi", "railway", "train", "metro", "ferry", "coach", "matatu"})
_STOPS = frozenset({"station", "stand", "park", "terminal", "terminus", "stop", "depot", "rank"})

#: The colours a metro line or a border line is named by ("Purple Line", "Blue Line"); a
#: shipping line is named otherwise ("NYK Line").
_COLOURS = frozenset(
    {"red", "blue", "green", "yellow", "orange", "purple", "pink", "brown", "grey", "gray"}
    | {"silver", "gold", "black", "white", "violet", "magenta", "aqua", "teal", "lilac"}
)

#: The wards of a city or a district, named before their kind: Ho Chi Minh City's "Thao Dien
#: Ward", Rwanda's "Kinigi Sector", Vietnam's "Lê Minh Xuân Commune" (never "Callum Ward").
_WARDS = frozenset({"ward", "sector", "commune"})

#: The kinds of local government whose capitalised name news uses for the council itself:
#: "Kalundborg Municipality", and the Arab world's "Giza Governorate", which "said" and
#: "demolished" as its governor's administration (where a sentence places it, "villages in
#: Idlib Governorate", it stays the place).
_COUNCILS = COUNCIL_KINDS


#: What opens the corporate name of a town's government: "the City of Kigali", "the Town of
#: Antigonish" (while "Ho Chi Minh City" is the place).
_CORPORATIONS = _COUNCILS | {"city", "town"}


def _local_government(name: str, words: list[str]) -> bool:
    """ "Kalundborg Municipality", "Municipality of Valparaíso", "City of Harare": a local
    government named so is the body that governs, which acts and says ("the city said"); a
    city's nickname is none ("the City of Light")."""
    if len(words) < 2:
        return False
    if words[-1] in _COUNCILS or (words[0] in _COUNCILS and words[1] == "of"):
        return True
    return (
        words[0] in _CORPORATIONS and words[1] == "of" and known_place_name(name.split(" ", 2)[2])
    )


def _region_named(name: str) -> bool:
    """ "Rakhine State", never "Iowa State" (a US state's name and "State" is its university,
    and the gazetteer already knows "Iowa")."""
    region = name.rsplit(None, 1)[0]
    return gazetteer.is_region(region) and not gazetteer.is_place(region)


def _compass_place(name: str) -> bool:
    """A direction before a place the gazetteer knows: "South Caucasus", "Northern Kivu"."""
    first, _, rest = name.partition(" ")
    return (
        first.casefold() in COMPASS
        and bool(rest)
        and (gazetteer.is_place(rest) or gazetteer.city_population(rest) >= 100_000)
    )


def name_votes(name: str, g: Group, votes: defaultdict[str, float]) -> None:
    """What the name itself says of its type: the gazetteer, the words it is made of (an
    organisation word, a place word, a legal form), its shape (a given name and surnames)."""
    words = [w.strip(".,’'").casefold() for w in name.split()]
    if len(words) >= 2 and words[-1].isdigit():
        words = words[:-1]  # "State Highway 1", "Local 6500": the number names which one
    if g.country:
        votes["place"] += 10
        return
    # "Giza Governorate said": the gazetteer holds the region, the sentence its government
    council = (
        len(words) > 1 and words[-1] in _COUNCILS and not (votes["place_cue"] or votes["placed"])
    )
    if council:
        votes["strong_org"] += 1  # the library's vote weighs it against the gazetteer's place
    elif gazetteer.is_place(name) or _compass_place(name) or sportsnames.is_venue(name):
        votes["place"] += 3  # "Anfield", "Estadio Mestalla": a ground, not its club
    elif " " in name and gazetteer.is_region(name):
        votes["place"] += 3  # "Republika Srpska", "Andhra Pradesh": a region by its full name
    elif len(words) == 2 and words[0] == "co" and gazetteer.is_region(name.split()[1]):
        votes["place"] += 4  # "Co Clare", "Co. Galway": an Irish county as Irish news writes it
    elif len(words) >= 2 and words[-1] in _REGION_WORDS and _region_named(name):
        votes["place"] += 4  # "Rakhine State", "Sagaing Region": a region by its full name
    elif " " not in name and gazetteer.is_capital(name) and not votes["strong_person"]:
        votes["place"] += 4  # "Ankara said", "Kigali accused": a government by its capital
    placed = votes["place_cue"] or votes["placed"]
    if " " not in name and placed and not votes["club"] and sportsnames.is_club(name):
        pass  # "a flat in Beşiktaş": the district, when nothing says the club plays
    elif (
        gazetteer.is_known_org(name)
        or _club(words)
        or _registered(words)
        or (len(words) == 2 and sportsnames.is_club(name.split()[0]))  # "Fenerbahçe Beko"
    ):
        votes["org"] += 3
    elif g.labels()["PERSON"] and not votes["strong_person"] and _street_kind(words):
        votes["person"] = 0.0  # "Rua Garrett", "Aleja Róż": a street named after someone
        votes["unlike_person"] = 1
    elif (
        g.labels()["PERSON"]
        and not votes["strong_person"]  # "spokesman General Moqdad Miri": titled, someone
        and personnames.unlike_a_person(name)
    ):
        # "Paper Lanterns", "Xanh SM": no person, whatever the model said. What else it is,
        # other evidence says ("the indie group …"); with none, it is a film, a product or an
        # event as often as an organisation, and is left out.
        votes["person"] = 0.0
        votes["unlike_person"] = 1
        if gazetteer.city_population(name.split()[0]) and commonwords.plural_noun(words[-1]):
            votes["org"] += 2  # "Sylhet Strikers", "Karachi Kings": a town's team
    elif (
        g.labels()["PERSON"]
        and not votes["person_cue"]
        and _article_and_one_word(name)
        and all(m.end - m.start == len(name) for m in g.mentions)
    ):
        # "Al Khor", "Al Mirqab": an Arabic article and one word, never after a given name,
        # never titled, described or written without its article, as an Arab's family name
        # is after the article has introduced him ("Abdullah Al Kuwari … Al Kuwari scored").
        # A district, a club or a firm: what else it is, other evidence says.
        votes["person"] = 0.0
        votes["unlike_person"] = 1
    elif (
        " " not in name
        and votes["person_cue"]
        and personnames.surname(name)
        and not commonwords.is_word(name)
        and not gazetteer.city_population(name)
    ):
        votes["person"] += 1  # "…, Okonkwo, said": a surname the world uses, and it speaks
    elif (
        personnames.person_shaped(name)
        and (votes["person_cue"] or not personnames.article_led(name))
        # "flights to Phu Bai airport", "the Hoa Binh district": a facility's or an area's
        # noun after the name says what it names, and its shape says nothing against that
        and (votes["person_cue"] or not (votes["place_cue"] and votes["strong_place"]))
    ):
        # A given name the world uses before words that are no English words ("Cristina
        # Villareal"): outweighs one mention the model read as an organisation, not two (firms
        # bear founders' names, but seldom a given name and two surnames: "Nadeem Hasan
        # Qadri"). A place the gazetteer does not know is rarely named so.
        votes["person"] += 1.25 if g.labels()["ORG"] and len(words) < 3 else 2.0
    if gazetteer.is_place(name) and not gazetteer.is_known_org(name) and not council:
        pass  # "Soviet Union", "Gaza Strip": a place the gazetteer knows, whatever its words
    elif len(words) > 1 and words[-1] in OUTLET_WORDS:
        votes["org"] += 3  # "Pacific Beat Wire", "Steppe Monitor": a newspaper or a news site
    elif len(words) > 1 and words[-1] in _GROUNDS:
        votes["place"] += 3  # "Capital One Arena", "Bank of America Stadium": a sponsor's ground
    elif len(words) > 1 and words[-1] in ROAD_WORDS and not _given_and_surname(name):
        votes["place"] += 3  # "Bank Street", "College Road": a street, whatever its words
    elif len(words) > 1 and words[-1] in _WARDS and not _given_and_surname(name):
        votes["place"] += 3  # "Thao Dien Ward", "Kinigi Sector": a city's ward by its name
    elif len(words) == 2 and words[0] in _COLOURS and words[1] == "line":
        votes["place"] += 3  # "Purple Line", "Blue Line": a metro line or a border, by a colour
    elif len(words) > 2 and words[-2] in _VEHICLES and words[-1] in _STOPS:
        votes["place"] += 3  # "Kisumu Bus Park", "Al Karama Bus Station": where buses stop
    elif (
        not gazetteer.ORG_WORDS.isdisjoint(words)
        or (words[-1] == "church" and any(w in gazetteer.DENOMINATIONS for w in words))
        or (len(words) > 1 and words[-1].endswith("works"))  # "Ostrava Glassworks"
    ):
        votes["org"] += 3
        if _closed_by_org_word(name, words):
            # "pension manager Laurentian Retirement Partners said": a role before a firm
            # made the sentence's cue a person's, but no one's name ends so
            votes["person"] = 0.0
    elif _local_government(name, words) and not (votes["place_cue"] or votes["placed"]):
        votes["org"] += 3  # "Kalundborg Municipality", "City of Harare": its council
    elif words and words[-1] in _FAMILY_PLACE_WORDS and _given_and_surname(name):
        pass  # "Chloe Marsh", "Dana Forest": a place word some families bear
    elif (
        words
        and words[-1] in _SURNAME_PLACE_WORDS
        and votes["person_cue"]
        and g.labels()["PERSON"]
        and _given_and_surname(name)
    ):
        pass  # "administrator John Park said": many families' name, and the sentence's person
    elif words and words[-1] in gazetteer.PLACE_WORDS and len(words) > 1:
        votes["place"] += 3  # "Ho Chi Minh City", "Tana River": no person's name ends so
    elif _street_kind(words):
        votes["place"] += 3  # "Rua Garrett", "Shijo-dori": a street's kind in its own language
    elif len(words) >= 3 and words[0] in ROMANCE_PLACE_KINDS and words[1] in ROMANCE_CONNECTORS:
        votes["place"] += 3  # "Páramo de Sumapaz", "Valle del Cauca": a kind word, then "de …"
    elif words and (words[-1] in gazetteer.PLACE_WORDS or words[0] in gazetteer.PLACE_PREFIXES):
        votes["place"] += 2
    elif (
        len(words) >= 2
        and (gazetteer.is_region(words[-1]) or gazetteer.country(words[-1]))
        and not personnames.listed_name(name.split()[0])
        and not any(commonwords.is_word(w) for w in words[:-1])
    ):
        votes["place"] += 2  # "Castelfranco Veneto", "Reggio Emilia": a town and its region
    elif _acronym(name):
        return
    elif gazetteer.is_region(name) and not gazetteer.city_population(name):
        # A province or county ("Sindh", "Lancashire"): as strong as a mid-sized city
        # against other labels, a tie-breaker against the model's "person".
        # A region of two words or more ("Andhra Pradesh", "Republika Srpska") is nobody's name.
        # A region some people are named after ("Devon", "Nelson"), or one the model read as
        # someone twice or more ("Valais wept"), only breaks a tie.
        said = g.labels()["PERSON"]
        named = " " not in name and (personnames.listed_name(name) or said >= 2)
        votes["place"] += 0.5 if said and named else 3
    elif votes["person_cue"] and not votes["strong_person"] and not g.labels()["PERSON"]:
        # A big city the model calls a place that "declared" or "said" something is its
        # government ("Madrid declared a disaster zone"), not a person.
        if gazetteer.main_city_population(name) >= 1_000_000:
            votes["place"] += 4
    elif not votes["person_cue"]:
        # Named like a city and never titled, described by a role or quoted: the model's
        # "person" guess is weaker than the gazetteer. ("Paris" said something: a person.)
        if not g.labels()["PERSON"]:
            pop = gazetteer.city_population(name)
            votes["place"] += 4 if pop >= 1_000_000 else 3 if pop >= 100_000 else 1.5 if pop else 0
            return
        # Against the model's "person", only a city's own name counts ("Stalin" was one), and
        # only a big city outvotes it: some town bears most surnames and given names
        # ("Clinton", "Alice", "Mishima"); below 100,000 people the town only breaks a tie.
        # A name of two words or more is no surname: any spelling of a city counts ("Wad
        # Madani" for Wad Medani).
        if " " in name:
            pop = gazetteer.city_population(name)  # "Vila Nova de Gaia": nobody's full name
            votes["place"] += 4 if pop >= 1_000_000 else 1.5 if pop else 0
            return
        pop = gazetteer.main_city_population(name)
        votes["place"] += 4 if pop >= 1_000_000 else 1.5 if pop >= 100_000 else 0.25 if pop else 0


def _closed_by_org_word(name: str, words: list[str]) -> bool:
    """A name of two words or more that ends in an organisation word no list of names holds
    ("… Partners", "… Children's Hospital"); never one that is an English surname too
    ("Margaret Court", "Hilda Bank")."""
    last = words[-1]
    return (
        len(words) >= 2
        and last in gazetteer.ORG_WORDS
        and last not in _SURNAME_ORG_WORDS
        and not personnames.listed_name(name.split()[-1].strip(".,’'"))
    )


#: Organisation words that are English surnames too.
_SURNAME_ORG_WORDS = frozenset({"court", "bank", "watch", "aid", "guard", "press", "times"})


#: Place words that are common surnames ("John Park", "Ruth Hall"), which only a person cue
#: and the model's "person" together make a person's: "Albert Park" is a park.
_SURNAME_PLACE_WORDS = frozenset({"park", "hall", "hill", "street", "field"})
#: Place words that are also surnames ("Chloe Marsh", "Dana Forest", "Ivy Peak").
_FAMILY_PLACE_WORDS = frozenset({"marsh", "forest", "peak", "beach", "creek", "reef", "gorge"})


def _article_and_one_word(name: str) -> bool:
    """ "Al Khor", "El Tareef": the Arabic article, capitalised and apart, and one word; or the
    Māori "Te" so ("Te Kawerau", an iwi), which opens a person's surname only after her given
    name ("Aroha Te Whata")."""
    words = name.split()
    return len(words) == 2 and words[0] in ("Al", "El", "Te") and words[1][:1].isupper()


def _street_kind(words: list[str]) -> bool:
    """ "Rua Garrett", "Shijo-dori": a street's kind in its own language opens or closes the
    name, which the model reads as the poet's or the saint's it is named after."""
    first, last = words[0], words[-1]
    if len(words) > 1 and (first in STREET_PREFIXES or last in STREET_SUFFIXES):
        return True
    return "-" in last and last.rpartition("-")[2] in STREET_SUFFIXES  # one word or more


def _given_and_surname(name: str) -> bool:
    parts = name.split()
    return len(parts) == 2 and personnames.given_name(parts[0]) and personnames.surname(parts[1])


def _registered(words: list[str]) -> bool:
    """A company's legal form closing the name ("Grupo Financiero Galicia SA", "… AŞ"), or a
    country or region closing a name that is not itself a place ("Creative Wales", "Yiaga
    Africa", "Air France"): no person's name ends so."""
    if len(words) < 2:
        return False
    # "Tanabe Hamono K.K.", "Enel S.p.A.": the form without its dots; after one word, two
    # letters are as often a surname's initials ("Nagarathna B.V.")
    form = words[-1].replace(".", "")
    form = form if len(words) > 2 or len(form) > 2 else words[-1]
    if form in DESIGNATORS and form not in ("group", "international"):
        return True
    whole = " ".join(words)
    return (
        len(words) == 2
        and not personnames.given_name(words[0].capitalize())  # "Michael Jordan"
        and words[0] not in COMPASS
        and words[0] not in ("new", "greater", "upper", "lower", "old", "great")
        and gazetteer.is_country_or_region(words[-1])
        and not (gazetteer.is_place(whole) or gazetteer.city_population(whole))
    )


def _club(words: list[str]) -> bool:
    """ "Manchester United", "Dundee United": a town's team (never "United States")."""
    if len(words) < 2 or words[-1] != "united":
        return False
    town = " ".join(words[:-1])
    return gazetteer.city_population(town) > 0 and not gazetteer.is_place(" ".join(words))


def _acronym(name: str) -> bool:
    """ "NPP", "CNN"; not a place written in capitals in a dateline or headline ("AL-AIN",
    "BRUSSELS"), which the gazetteer may still place."""
    return name.isupper() and len(name) < 5 and name.isalpha()
