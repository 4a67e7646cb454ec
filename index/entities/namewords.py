"""Hand lists of words the gazetteer (gazetteer.py) weighs as evidence: the words that make a
name an organisation ("… Ministry", "… Editions", "the Landtag"). Data only; gazetteer.py
re-exports it. The words that make a place are in placewords.py, widely reported
organisations in knownorgs.py.
"""

from __future__ import annotations

from .foreignorgwords import FOREIGN_ORG_WORDS
from .placewords import COMPASS, PLACE_PREFIXES, PLACE_WORDS

__all__ = [
    "COMPASS",
    "DENOMINATIONS",
    "ORG_WORDS",
    "OUTLET_WORDS",
    "PLACE_PREFIXES",
    "PLACE_WORDS",
    "SUBJECT_TAILS",
]

#: Words that make a name an organisation wherever they stand in it; those of other languages
#: are in foreignorgwords.py.
ORG_WORDS: frozenset[str] = frozenset(
    {"ministry", "committee", "council", "government", "forces", "army", "party", "front"}
    | {"movement", "organization", "organisation", "agency", "office", "observatory"}
    | {"commission", "authority", "union", "association", "guild", "chamber", "society"}
    | {"syndicate", "trust", "board", "exchange", "bank", "institute", "university", "company"}
    | {"corporation", "corp", "inc", "ltd", "group", "brigade", "brigades", "battalion"}
    | {"battalions", "guard", "guards", "police", "court", "parliament", "assembly", "network"}
    | {"foundation", "fund", "federation", "confederation", "league", "alliance", "coalition"}
    | {"department", "watch", "aid"}  # "Christian Aid", "Water Aid Malawi"
    | {"dynamo", "dinamo"}  # clubs: "Dynamo Bonaberi", "Dinamo Zagreb"
    | {"diocese", "archdiocese", "eparchy"}  # "the Catholic Archdiocese of Blantyre"
    | {"bureau", "tribunal", "senate", "congress", "cabinet", "militia"}
    | FOREIGN_ORG_WORDS
    # Programmes, schools, clubs, newsrooms and firms: words that end or start no person's name.
    | set(
        [
            "program",
            "programme",
            "project",
            "initiative",
            "school",
            # American schools by their level alone: "Linden Hollow Elementary"
            "elementary",
            "college",
            "academy",
            "club",
            "team",
            "hospital",
            "clinic",
            "infirmary",
            "fc",
            "afc",
            "cf",
            "rovers",
            "wanderers",
            # What a company does, closing its name: "Fitzcarraldo Editions", "Corvid
            # Lithium", "Kalbe Farma", "Toledo Vasconcellos Advogados", "Everbright Capital".
            "books",
            "editions",
            "publishing",
            "advogados",
            "advocates",
            "attorneys",
            "solicitors",
            "barristers",
            "llp",
            "abogados",
            "avocats",
            "capital",
            "ventures",
            "investments",
            "securities",
            "insurance",
            "assurance",
            "logistics",
            "shipping",
            "mining",
            "minerals",
            "metals",
            "lithium",
            # energy firms named in their own languages: "Bałtyk Energia", "Energie Steiermark"
            "energia",
            "energie",
            "petroleum",
            "pharma",
            "farma",
            "therapeutics",
            "biotech",
            "biosciences",
            "foods",
            "brewery",
            "breweries",
            # pubs, inns and bakeries are the businesses, wherever they stand
            "tavern",
            "inn",
            "bakery",
            "bistro",
            "distillery",
            "winery",
            "fermentation",
            "telecom",
            "telecoms",
            "entertainment",
            "pictures",
            "cinema",
            "theatre",
            "theater",
            "software",
            "robotics",
            "automotive",
            "engineering",
            "properties",
            "realty",
            "resorts",
            "ratings",
            "division",
            "commodities",
            "trading",
            # trades of the firms a business desk names: "Murrumbidgee Bulk Handling", "Seri
            # Bistari Consultancy", "Sea Breeze Construction" (never "developers", which opens
            # a sentence before a firm's name: "Developers Killiney Point Homes, which …")
            "consultancy",
            "consultants",
            "consulting",
            "handling",
            "storage",
            "haulage",
            "freight",
            "textiles",
            "knitwear",
            "garments",
            "apparel",
            "fabrics",
            "contractors",
            "builders",
            "construction",
            "manufacturing",
            "printing",
            "packaging",
            "plastics",
            "chemicals",
            "cement",
            "beverages",
            "supplies",
            "distributors",
            "distribution",
            "transporters",
            "couriers",
            "solutions",
            "enterprises",
            # firms named by their line or their partnership: "Laurentian Retirement Partners",
            # "Fraserview Kootenay Financial", "Sahm Advisory", "Two Rivers Media", "Feiyu
            # Agritech", "Ridgeline Digital"; and the residents',
            # users' and traders' forums that speak for a town
            "partners",
            "financial",
            "advisors",
            "advisory",
            "media",
            "digital",
            "agritech",
            "forum",
            # Institutions by what they are, in several languages: "Ebute Gallery",
            # "Agência Brasil", "La Biennale di Venezia".
            "gallery",
            "galleries",
            "agência",
            "agencia",
            "agence",
            "biennale",
            "athletic",
            "hotspur",
            "rangers",
            "press",
            "news",
            "times",
            "herald",
            "gazette",
            "tribune",
            "magazine",
            "journal",
            "radio",
            "television",
            "airlines",
            "airways",
            "bus",
            "buses",
            "transit",
            "ferries",
            "global",
            "motors",
            "industries",
            "holdings",
            "systems",
            "technologies",
            "laboratories",
            "labs",
            "services",
            "institution",
            "directorate",
            "administration",
            "secretariat",
            "command",
            "navy",
            "corps",
            "regiment",
            "studios",
            "records",
            # Firms and troupes named after their founders or a word: "Dick Johnson Racing", "Yash
            # Raj Films", "Kalk Bay Collective", "Hallé Choir".
            "racing",
            "films",
            "productions",
            "collective",
            "ensemble",
            "orchestra",
            "choir",
            "publishers",
            "pharmaceuticals",
            "consortium",
            "cooperative",
            "caucus",
            "service",
        ]
    )
)

#: Words that make "… Church" an institution, not a building: "the Catholic Church", "the
#: Greek Orthodox Church" (while "St Mary's Church" is a place).
DENOMINATIONS: frozenset[str] = frozenset(
    [
        "catholic",
        "orthodox",
        "anglican",
        "methodist",
        "baptist",
        "lutheran",
        "presbyterian",
        "evangelical",
        "episcopal",
        "protestant",
        "pentecostal",
        "mormon",
        "coptic",
        "reformed",
        "adventist",
    ]
)


#: What a newspaper's or a news site's name ends with ("Euro Politics Daily", "Mada Wire",
#: "Steppe Monitor", "The Sahel Ledger"): an organisation, when two or more capitalised words
#: close with it.
OUTLET_WORDS: frozenset[str] = frozenset(
    {"daily", "wire", "ledger", "monitor", "gazette", "tribune", "chronicle", "herald"}
    | {"courier", "dispatch", "observer", "examiner", "inquirer", "bulletin", "weekly", "times"}
    | {"journal"}
)

#: Organisation words that, written lowercase after a name, say what the news is about, not
#: whose name it is: "the latest Bristol news", "Leeds buses", "Lagos radio". Capitalised,
#: they close a name ("Bristol News", "Lagos Radio"); lowercase, they mark no organisation.
SUBJECT_TAILS: frozenset[str] = frozenset(
    {"news", "press", "times", "radio", "television", "bus", "buses", "transit", "ferries"}
    | {"global", "services", "service"}
)  # fmt: skip
