"""Hand lists of the words that make a name a place: "… Province", "… Heights", "Mount …",
"South …". Data only; re-exported by namewords.py and gazetteer.py.
"""

from __future__ import annotations

#: Words that make a name a place when they end it ("Hama Province", "Golan Heights").
PLACE_WORDS: frozenset[str] = frozenset(
    {
        "province",
        "governorate",
        "region",
        "district",
        "county",
        "city",
        "town",  # "Zaman Town", "Stone Town" (a side's "Ipswich Town" the lists know as a club)
        "valley",
        "hall",
        "barrage",
        "reservoir",
        "arena",
        "ranges",
        "range",
        "hills",
        "falls",
        "camp",
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
        "wharf",
        "souq",
        "souk",
        # South Slavic villages and fields: "Rajevo Selo", "Alipašino Polje".
        "selo",
        "polje",
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
        "terminal",  # "Raja Tun Uda Terminal", a port's "Container Terminal"
        "bhavan",  # "Raj Bhavan": a governor's house
        "bhawan",
        "stadium",
        "stadion",  # "Enea Stadion", "Brøndby Stadion"
        "stadyumu",
        "park",
        "gardens",
        "market",
        "bazaar",
        # Nature and roads: "Table Mountain", "Nairobi Expressway", "Franz Josef Glacier".
        "mountain",
        "peak",
        "glacier",
        "volcano",
        "forest",
        "beach",
        "creek",
        "gorge",
        "canyon",
        "plateau",
        "highlands",
        "wetlands",
        "marsh",
        "lagoon",
        "estuary",
        "reef",
        # Where roads meet: "Tech Junction", "Clapham Junction". (Not "Estate": a tea or a
        # wine estate is as often the firm that owns it.)
        "junction",
        "expressway",
        "highway",
        "motorway",
        "freeway",
        # Venues: "Barrowland Ballroom", "Flemington Racecourse".
        "ballroom",
        "racecourse",
        "velodrome",
        # Administrative units the world over: "Kanagawa Prefecture", "Kharkiv Oblast".
        "municipality",
        "prefecture",
        "oblast",
        "krai",
        "voivodeship",
        "canton",
        "township",
        "borough",
        "neighbourhood",
        "neighborhood",
        "suburb",
        "tehsil",
        "taluka",
        "upazila",
        "emirate",
        "wilaya",
        "raion",
        # Streets, squares and wards named in their own language after the name: "Galle Road"
        # is "… Mawatha" in Colombo, "İstiklal Caddesi", "Nevsky Prospekt", a "… woreda".
        *("mawatha", "caddesi", "sokak", "sokağı", "bulvarı", "mahallesi", "ulica", "utca"),
        *("gasse", "straße", "strasse", "platz", "ulitsa", "prospekt", "woreda", "kebele"),
        *("kelurahan", "kecamatan", "aimag"),
        # Rivers of Nepal, named "… Khola": "Imja Khola", "Bhote Khola".
        "khola",
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
        # Village and district words kept untranslated: "Barangay Molino", "Kampung Baru".
        "barangay",
        "kampung",
        "kabupaten",
        # Malay and Indonesian kind words: "Pulau Buru", "Gunung Agung", "Sungai Buloh"
        "pulau",
        "gunung",
        "danau",
        "sungai",
        "teluk",
        "tanjung",
        # Saints' names given to places ("Sao Bento", "San Cristobal", "St Albans").
        "sao",
        "são",
        "santa",
        "santo",
        "san",
        "saint",
        "sainte",
        "st",
        # A ground named in its country's language: "Estadio Nacional", "Stadio Olimpico" (not
        # "Stade", which opens clubs' names: "Stade Rennais").
        "estadio",
        "estádio",
        "stadio",
        "stadionul",
        # Temples, hills, parks and streets of South-East Asia named in their own language:
        # "Wat Arun", "Doi Suthep", "Khao Yai", "Phnom Kulen", "Taman Sari", "Jalan Besar",
        # "Bukit Timah".
        "wat",
        "doi",
        "khao",
        "phnom",
        "taman",
        "jalan",
        "bukit",
        # Mosques, gates, markets, villages, bridges and ruins of the Arabic-speaking world:
        # "Masjid Jamek", "Bab al-Hawa", "Souk Okaz", "Kafr Qasim", "Beit Hanoun", "Jisr
        # al-Shughur", "Khirbet Qeis", "Shatt al-Arab", "Nahr al-Bared", "Qasr al-Hosn".
        "masjid",
        "gurdwara",
        "bab",
        "souk",
        "kafr",
        "beit",
        "jisr",
        "khirbet",
        "shatt",
        "nahr",
        "qasr",
        # Lakes and islands in the Romance languages: "Lago Atitlán", "Isla Margarita".
        "lago",
        "laguna",
        "isla",
        "ilha",
        "lac",
        # Streets, squares, lanes, markets and wards named in their own language before the
        # name: "Lebuh Chulia", "Lorong Kulit", "Souq Waqif", "Avenida Paulista", "Rua
        # Augusta", "Calle Larga", "Soi Nana", "Thanon Nimman", "Comuna 13", "Praça Tiradentes"
        *("lebuh", "lorong", "persiaran", "lebuhraya", "souq", "suq", "avenida", "rua", "calle"),
        *("carrer", "soi", "thanon", "comuna", "barrio", "colonia", "kelurahan", "desa"),
        *("calzada", "carretera", "sangkat"),
        *("kecamatan", "praça", "praca", "piazza"),
    }
)


#: The kinds of local government whose capitalised name news uses for the council itself
#: ("Kalundborg Municipality", "Giza Governorate" said or demolished), though the gazetteer
#: holds some of them as the region the council governs.
COUNCIL_KINDS: frozenset[str] = frozenset({"municipality", "governorate"})

#: What a ground's name ends with ("Quayside Park", "Enea Stadion"): where a match was
#: played, never the side (`matches.club_context`, `sited.venue_after`).
VENUE_WORDS: frozenset[str] = frozenset(
    {"park", "stadium", "arena", "ground", "field", "oval", "stadion"}
)

#: What a street's name ends with ("Bank Street", "Ness Walk", "Forest Avenue"): a street,
#: whatever words it is made of (`sited.two_institutions`, `namevotes.name_votes`).
ROAD_WORDS: frozenset[str] = frozenset(
    {"street", "road", "avenue", "boulevard", "lane", "walk", "drive", "terrace", "crescent"}
    | {"highway", "parade", "square", "promenade", "esplanade", "roundabout", "flyover"}
)

#: Street kinds written before the name in their own language ("Rua Augusta", "Aleja
#: Róż", "Calle Larga", "Jalan Besar", "Soi Nana", "Avenue Bourguiba", "Calea Victoriei"): a
#: street whatever the name after them, a saint's or a poet's (`namevotes.name_votes`).
STREET_PREFIXES: frozenset[str] = frozenset(
    {"rua", "avenida", "calle", "carrer", "aleja", "aleje", "jalan", "soi", "thanon", "lebuh"}
    | {"lorong", "persiaran", "calzada", "carretera", "rue", "avenue", "praça", "praca"}
    | {"piazza", "paseo", "viale", "ulitsa", "ulica", "calea", "bulevardul", "strada"}
)

#: Street kinds written after the name in their own language: Kyoto's "Shijo-dori", Seoul's
#: "Sejong-daero", Kandy's "Dalada Veediya", Delhi's "Chandni Chowk" (a hyphened kind is
#: read after its hyphen; not "-gil" or "-ro", which end Korean given names too).
STREET_SUFFIXES: frozenset[str] = frozenset(
    {"dori", "dōri", "doori", "daero", "veediya", "chowk", "marg"}
)

#: Kind words of the Romance languages that open a place before "de", "del", "da", "di" …:
#: "Páramo de Sumapaz", "Cerro de Pasco", "Valle del Cauca", "Col du Tourmalet", "Lago di
#: Como". The connector is required: alone, several are surnames or given names ("Sierra",
#: "Valle", "Monte").
ROMANCE_PLACE_KINDS: frozenset[str] = frozenset(
    {
        "alto",
        "bahía",
        "bahia",
        "baía",
        "cabo",
        "cerro",
        "ciudad",
        "col",
        "colle",
        "cordillera",
        "golfo",
        "ile",
        "île",
        "isla",
        "isola",
        "lac",
        "lago",
        "laguna",
        "lagoa",
        "llanos",
        "mont",
        "monte",
        "nevado",
        "páramo",
        "paramo",
        "pico",
        "playa",
        "praia",
        "puerto",
        "punta",
        "quebrada",
        "ría",
        "rio",
        "río",
        "sierra",
        "valle",
        "volcán",
        "volcan",
        # stations, streets, squares, bridges, gates and palaces: "Gare du Nord", "Plaza de
        # Mayo", "Praça da Sé", "Rue de Rivoli", "Pont des Arts", "Palacio de la Moneda"
        "gare",
        "estación",
        "estação",
        "stazione",
        "rue",
        "boulevard",  # "Boulevard de la Liberté"
        "avenue",
        "quai",
        "avenida",
        "avinguda",
        "calle",
        "rua",
        "paseo",
        "plaza",
        "plaça",
        "praça",
        "piazza",
        "puerta",
        "porte",
        "pont",
        "ponte",
        "puente",
        "parc",
        "parque",
        "palacio",
        "palácio",
        "palazzo",
        "castillo",
        "castello",
        "château",
        # churches, markets, grounds, bus terminals and dams, which the model reads as the
        # bodies that run them: "Igreja de Santa Rita", "Mercado de San Miguel", "Arena do
        # Grêmio", "Terminal de Ómnibus", "Presa de la Amistad"
        "igreja",
        "iglesia",
        "catedral",
        "basílica",
        "capela",
        "capilla",
        "mercado",
        "arena",
        "estadio",
        "estádio",
        "terminal",
        "presa",
        "represa",
    }
)

#: What joins a Romance kind word to its proper name.
ROMANCE_CONNECTORS: frozenset[str] = frozenset(
    {"de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "d'"}
)

#: Directions that make another place of a place: "East Los Angeles", "South Caucasus".
COMPASS: frozenset[str] = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
    ]
)
