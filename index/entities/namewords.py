"""Hand lists of words the gazetteer (gazetteer.py) weighs as evidence: the words that make a
name an organisation ("… Ministry", "… Editions", "the Landtag"). Data only; gazetteer.py
re-exports it. The words that make a place are in placewords.py, widely reported
organisations in knownorgs.py.
"""

from __future__ import annotations

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

#: Words that make a name an organisation wherever they stand in it. Arabic ones included:
#: news transliterates militia names ("Kataib" = brigades, "Jaish" = army, "Liwa" = brigade).
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
    | {"bureau", "tribunal", "senate", "congress", "cabinet", "militia", "kataib", "kataeb"}
    | {"katibat", "liwa", "jaish", "harakat", "hezbollah", "hizbollah", "hizballah", "jabhat"}
    | {"saraya", "asaib"}
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
            "grupo",
            "banco",
            "banca",
            "bankasi",
            "bankası",
            "compañía",
            "société",
            "fundação",
            "fundación",
            "université",
            "universität",
            # institutes, universities and hospitals of northern and central Europe and Italy:
            # "Karolinska Institutet", "Uniwersytet Warszawski", "Ospedale San Raffaele"
            "institutet",
            "instituut",
            "istituto",
            "universitet",
            "universiteit",
            "uniwersytet",
            "univerzita",
            "hochschule",
            "högskola",
            "högskolan",
            "politecnico",
            "politechnika",
            "klinikum",
            "sjukhus",
            "sjukhuset",
            "ospedale",
            "ministère",
            "compania",
            "empresa",
            "societe",
            "gesellschaft",
            "fundacao",
            "fundacion",
            "fondation",
            "stiftung",
            "universidad",
            "universidade",
            "universite",
            "universitat",
            "partido",
            "parti",
            "partei",
            "ministerio",
            "ministere",
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
            # Institutions by what they are, in several languages: "Ebute Gallery",
            # "Agência Brasil", "La Biennale di Venezia".
            "gallery",
            "galleries",
            "agência",
            "agencia",
            "agence",
            "biennale",
            # Parliaments by their own names: "the Landtag", "the Sejm", "the Knesset".
            "landtag",
            "bundestag",
            "bundesrat",
            "sejm",
            "knesset",
            "duma",
            "riksdag",
            "storting",
            "stortinget",
            "folketing",
            "eduskunta",
            "althing",
            "oireachtas",
            "dáil",
            "seanad",
            "majlis",
            "sabha",
            "rada",
            "seimas",
            "saeima",
            "riigikogu",
            "sabor",
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
            # Schools, clubs and societies named in other languages: "Ysgol Bryn Eithin",
            # "Clwb Plant Nantlle", "Escola Estadual …", "Sindicato dos Bancários".
            "ysgol",
            "clwb",
            "cymdeithas",
            "prifysgol",
            "cyngor",
            "undeb",
            "coleg",
            "escola",
            "escuela",
            "colegio",
            "liceo",
            "lycée",
            "instituto",
            "institut",
            "sindicato",
            "syndicat",
            "associação",
            "asociación",
            "caixa",
            # Public bodies named in their own language: "Rekabet Kurumu", "Badan Pusat
            # Statistik", "Fiscalía General", "Câmara Municipal", "Conseil d'État".
            "kurumu",
            "kurulu",
            "bakanlığı",
            "belediyesi",
            "üniversitesi",
            "derneği",
            "vakfı",
            "sendikası",
            "badan",
            "kementerian",
            "yayasan",
            "universitas",
            "partai",
            "secretaría",
            "comisión",
            "consejo",
            "fiscalía",
            "policía",
            "ayuntamiento",
            "alcaldía",
            "federación",
            "confederación",
            "asamblea",
            "cámara",
            "câmara",
            "prefeitura",
            "assembleia",
            "conselho",
            "federação",
            "conseil",
            "assemblée",
            "gendarmerie",
            "fédération",
            "banque",
            "verband",
            "ministerium",
            "gewerkschaft",
            "ministero",
            "consiglio",
            "tribunale",
            "agenzia",
            "università",
            "fondazione",
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
