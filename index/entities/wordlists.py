"""Word lists the cleaner and the repairs share: titles, their modifiers, the lowercase
words that can sit inside a name, and holidays (never a name of ours).

Kept apart from clean.py because they are data, and several modules (clean, repair, patterns)
read them; clean.py re-exports them under their old names.
"""

from __future__ import annotations

#: Honorifics and local offices news keeps untranslated, and ranks written short: "Kapitan
#: Bong", "Datuk Seri Anwar", "Alhaji Musa", "Hon. Adjoa Mensah", "Ato Tesfaye", "Oba X".
_HONORIFICS: frozenset[str] = frozenset(
    {"pm", "constable", "superintendent", "mep", "cr", "fr", "kapitan", "kagawad", "aling"}
    | {"datuk", "dato", "datin", "seri", "ratu", "ibu", "bapak", "alhaji", "alhaja", "mullah", "haji"}
    | {"hajji", "señor", "señora", "senhor", "senhora", "herr", "frau", "monsieur"}
    | {"madame", "signor", "signora", "shri", "shrimati", "smt", "ustaz", "ustadh"}
    | {"maulana", "pandit", "mzee", "alderman", "councilwoman", "councilman", "corporal"}
    | {"assemblyman", "assemblywoman", "assemblymember", "mla", "congressman", "congresswoman"}
    | {"monsignor", "msgr", "archbishop", "archdeacon", "deacon", "patriarch", "abbot", "swami"}
    | {"venerable", "ven", "sayadaw", "canon", "prebendary", "hon", "barr", "nana", "ato"}
    | {"oba", "ooni", "igwe", "inkosi", "obong", "hajj", "hagg", "hajja", "khun", "weyzero"}
    | {"garda"}  # an Irish police officer's rank: "Garda Siobhán Tracey"
    | {"engr"}  # an engineer's style in Nigeria and Pakistan: "Engr. Tunde Bakare"
    | {"mpa", "mna"}  # Pakistan's provincial and national lawmakers: "MPA Shakeel Ansari"
    | {"mwalimu"}  # Swahili's "teacher", an honorific in East Africa: "Mwalimu Rehema Kimaro"
    | {"mama"}  # a mother's or an elder woman's style in Africa: "fishmonger Mama Esi Aidoo"
    | {"hajia", "serigne"}  # "Hajia Memunatu" (Ghana, Nigeria), "Serigne Mbacké" (Senegal)
    | {"madam", "malam"}  # an elder woman in West Africa, a teacher or "Mr" in Hausa
    | {"aunty", "auntie"}  # an elder in Māori, Pasifika and Aboriginal news: "Aunty Dot Hale"
    | {"dona", "vereador", "vereadora"}  # Brazil's: "Dona Lurdinha"; a city councillor
    | {"rwot", "chieftainess"}  # an Acholi chief ("Rwot Okumu"), a Zambian woman chief
)  # fmt: skip
#: Ranks and seats written after a person's name: "Mark Ledwell, QC,", "Colm de Búrca TD".
POSTNOMINALS: frozenset[str] = frozenset(
    {"QC", "KC", "SC", "MP", "MEP", "MSP", "MBE", "OBE", "CBE", "KBE", "TD", "MLA", "MS", "AM"}
) | {"SAN"}  # Senior Advocate of Nigeria


def rank_after(words: list[str]) -> bool:
    """Does a seat or rank close the name ("Colm de Búrca TD")? After a two-word span only
    when it is "SAN" ("Fashola-Ajayi SAN"): "Zamalek SC", "Sporting KC", "Montreal QC"."""
    if len(words) == 2:
        return words[1] == "SAN" and not words[0].isupper()
    return len(words) >= 3 and words[-1] in POSTNOMINALS


#: Titles that name a role held by a person. Seeing one in front of a name is person evidence.
TITLES: frozenset[str] = (
    frozenset(
        [
            "president",
            "presidents",
            "minister",
            "ministers",
            "general",
            "gen",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "dr",
            "mr",
            "mrs",
            "ms",
            "miss",
            "sir",
            "dame",
            "lord",
            "lady",
            "king",
            "queen",
            "prince",
            "princess",
            "emir",
            "sheikh",
            "sheik",
            "shaikh",
            "imam",
            "ayatollah",
            "pope",
            "cardinal",
            "bishop",
            "reverend",
            "rev",
            "rabbi",
            "judge",
            "justice",
            "senator",
            "sen",
            "rep",
            "representative",
            "governor",
            "gov",
            "mayor",
            "secretary",
            "chairman",
            "chairwoman",
            "chair",
            "director",
            "ambassador",
            "envoy",
            "premier",
            "chancellor",
            "treasurer",  # "Treasurer Daniel O'Rourke" (Australia's finance minister)
            "speaker",
            "commissioner",
            "adviser",
            "advisor",
            "colonel",
            "col",
            "lt",
            "lieutenant",
            "major",
            "maj",
            "captain",
            "capt",
            "commander",
            "cmdr",
            "admiral",
            "adm",
            "commodore",
            "sergeant",
            "sgt",
            "brigadier",
            "marshal",
            "officer",
            "chief",
            "leader",
            "member",
            "mp",
            "counterpart",
            "sheriff",
            "undersecretary",
            "head",
            "ceo",
            "founder",
            "journalist",
            "correspondent",
            "reporter",
            "analyst",
            "professor",
            "prof",
            "editor",
            "attorney",
            "attorney-at-law",  # a lawyer's style in Sri Lanka: "Attorney-at-Law Ruwan Perera"
            "lawyer",
            "activist",
            "president-elect",
            # Roles written as titles in news copy ("Organiser Léonie Duchêne").
            "organiser",
            "organizer",
            "coordinator",
            "co-founder",
            "cofounder",
            "campaigner",
            "researcher",
            "economist",
            "cllr",
            "coun",
            "councillor",
            "councilor",
            "atty",
            "supt",
            "insp",
            "magistrate",
            "novelist",
            "author",
            "writer",
            "poet",
            "singer",
            "actor",
            "actress",
            "winger",
            "striker",
            "midfielder",
            "defender",
            "goalkeeper",
            "batsman",
            "bowler",
            "sprinter",
            "runner",
            "opener",
            "skipper",
            "wicketkeeper",
            "batter",
            "keeper",
            "all-rounder",
            "fly-half",
            "scrum-half",
            "flanker",
            "veteran",
            "rookie",
            "debutant",
            "teenager",
            "youngster",
            "negotiator",
            "inspector",
            "detective",
            "prosecutor",
            "mediator",
            "curator",
            "manager",
            "coach",
            # a singer's voice and a conductor's honorific, as opera reviews put them before
            # the name: "Bass Ivo Marchetti", "Maestro Elena Russo"
            "maestro",
            "soprano",
            "mezzo-soprano",
            "contralto",
            "countertenor",
            "tenor",
            "baritone",
            "bass-baritone",
            "bass",
        ]
    )
    | _HONORIFICS
)
#: Titles that never start an organisation's name ("General Motors" and "King Abdullah
#: University" do start with a title; "President X" is always a person).
STRONG_TITLES: frozenset[str] = frozenset(
    [
        "president",
        "minister",
        "mr",
        "mrs",
        "ms",
        "dr",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "sheikh",
        "sheik",
        "ayatollah",
        "senator",
        "sen",
        "rep",
        "gov",
        "governor",
        "mayor",
        "ambassador",
        "envoy",
        "chancellor",
        "premier",
        "chairman",
        "chairwoman",
        "commander",
        "colonel",
        "col",
        "lt",
        "sgt",
        "captain",
        "capt",
        "judge",
        "counterpart",
    ]
)
#: Words that qualify a title ("Prime", "Defense", "Deputy", "former"): stripped only together
#: with a title, so "Defense Ministry" and "Foreign Office" keep their first word.
MODIFIERS: frozenset[str] = frozenset(
    [
        "prime",
        "vice",
        "rear",  # "Rear Admiral"
        "pol",  # Thai police ranks: "Pol Col", "Pol Lt Gen"
        "very",  # a dean's style: "the Very Rev Graham Doyle"
        "paramount",  # chiefs of Sierra Leone and Malawi: "Paramount Chief Hawa Kpaka"
        "most",  # an archbishop's: "the Most Rev"
        "emeritus",
        "shadow",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "economy",
        "health",
        "oil",
        "energy",
        "trade",
        "education",
        "security",
        "army",
        "state",
        "former",
        "acting",
        "interim",
        "then",
        "top",
        "senior",
        "assistant",
        "associate",
        "executive",
        "general",
        "national",
        "grand",
        "crown",
        "supreme",
        "committee",
        "party",
        "presidential",
        "military",
        "opposition",
        "militia",
        "rebel",
        "staff",
        "of",
        "the",
        "and",
        "for",
        "joint",
        "first",
        "second",
        "chief",
        # an office's level: "District Magistrate …", "Provincial Governor …" (before
        # no title, they open a name: "District Council"; never "county": "Prince County")
        "district",
        "regional",
        "provincial",
    ]
)
#: Lowercase words that can sit inside a name ("Kataeb Sayyid al-Shuhada", "Office for the
#: Coordination of Humanitarian Affairs", "bin Salman").
CONNECTORS: frozenset[str] = frozenset(
    [
        "of",
        "for",
        "the",
        "and",
        "on",
        "in",
        "de",
        "del",
        "della",
        "des",
        "du",
        "da",
        "di",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "y",
        "&",
        # Portuguese, Italian, French and German names keep theirs: "Instituto dos Vinhos do
        # Douro e do Porto", "Cassa depositi e prestiti", "Institut für Weltwirtschaft".
        "do",
        "dos",
        "das",
        "e",
        "et",
        "dei",
        "degli",
        "delle",
        "les",
        "für",
        # Tagalog and Welsh: "Partido Federal ng Pilipinas", "Cymdeithas yr Iaith".
        "ng",
        "yr",
        # Spanish and Dutch: "Ecologistas en Acción", "Rijkswaterstaat en …".
        "en",
    ]
) | {"los", "las", "dela", "delos", "ter", "ten", "zu", "af", "es"}
# (inside surnames, "Ernesto de los Santos", "Jericho dela Rosa", "Hilma af Klint"; "Dar es Salaam")
#: What opens a surname in lowercase ("dela Cruz said", "van der Merwe"), kept in the name.
SURNAME_PARTICLES: frozenset[str] = frozenset(
    {"de", "da", "di", "du", "do", "dos", "das", "del", "dela", "della", "delos", "van", "von"}
    | {"der", "den", "ter", "ten", "le", "la", "zu", "af"}
)
#: Arabic and Urdu particles written lowercase inside a name: "al-Sham", "Zia ur Rehman".
PARTICLES: frozenset[str] = frozenset(
    {"al", "el", "ad", "ash", "as", "ar", "at", "az", "an", "ud", "ul", "ur", "bin", "ibn"}
    | {"abu", "bint"}
)
#: Feasts, holidays and seasons that the model takes for people or organisations ("Hanukkah"
#: -> org, "Ramazan" -> person): never an entity of ours. Spelling variants included.
HOLIDAYS: frozenset[str] = frozenset(
    {"ramadan", "ramazan", "ramzan", "eid", "eid al fitr", "eid al adha", "eid ul fitr"}
    | {"eid ul adha", "hanukkah", "chanukah", "hanukah", "passover", "pesach", "yom kippur"}
    | {"rosh hashanah", "sukkot", "purim", "christmas", "christmas eve", "easter", "lent"}
    | {"advent", "pentecost", "diwali", "holi", "navratri", "nowruz", "norouz", "thanksgiving"}
    | {"halloween", "new year", "new years eve", "lunar new year", "hajj", "umrah", "ashura"}
    | {"mawlid", "vesak", "kwanzaa", "chhath", "durga puja", "onam", "pongal", "dussehra"}
    | {"songkran", "tet", "black friday", "cyber monday", "mardi gras", "carnival", "oktoberfest"}
    | {"independence day", "labor day", "labour day", "memorial day", "boxing day"}
)  # fmt: skip

#: A road's last word, which no surname is ("Street", "Lane", "Hill" and "Park" are): a title
#: before it makes no one of a road named after a titled man ("Sheikh Zayed Road").
ROAD_ENDS = frozenset({"road", "avenue", "boulevard", "highway", "expressway"})
