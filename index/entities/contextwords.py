"""The last word each pattern `context.context_votes` reads before a name can end with: checked
first, so a mention whose preceding word ends none of them tries no pattern at all (the
function runs on every mention of every article). Each set is copied from its pattern; a word
added to a pattern must be added here too.

Also the words after a name that make it a place ("X province", "X chiefdom"), kept here
beside the other word lists so context.py holds the reading, not the vocabulary.
"""

from __future__ import annotations

import re

PLACE_STRONG_LAST = frozenset(
    {"of", "the", "and", "around", "near", "outside", "surrounding", "in", "for"}
)
PLACE_STRONG_ENDS = (",", "'s", "’s")
PLACE_WEAK_LAST = frozenset(
    {"in", "near", "at", "from", "via", "into", "toward", "towards", "across", "outside"}
    | {"through", "throughout", "around", "inside", "within", "on"}
)
TRADES = frozenset({"publisher", "distributor", "exporter", "importer", "broadcaster"})
ORG_KINDS_BEFORE = frozenset(
    {"operator", "carrier", "airline", "broadcaster", "regulator", "retailer", "manufacturer"}
    | {"carmaker", "automaker", "chipmaker", "lender", "insurer", "startup", "firm", "company"}
    | {"agency", "newspaper", "band", "trio", "quartet", "duo", "label", "distributor"}
    | {"conglomerate", "cartel", "gang", "fintech", "exporter", "importer", "miner", "refiner"}
    | {"supermarket", "bank", "publisher", "studio", "brand", "platform", "utility", "group"}
    | {"service", "authority", "charity", "union", "club", "association", "gallery"}
)
SPEECH = frozenset(
    {"said", "says", "added", "adds", "explained", "explains", "noted", "notes", "wrote"}
    | {"writes", "argued", "argues", "warned", "warns", "insisted", "insists", "recalled"}
)

#: Nouns after a name that make it a place whatever the model said ("Kaski district",
#: "Tikonko chiefdom"): `NEXT_PLACE_NOUN`, and part of `NEXT_PLACE`.
_PLACE_NOUNS = (
    "province", "governorate", "region", "district", "districts", "city", "town", "village",
    "valley", "neighbourhood", "neighborhood", "suburb", "quarter", "municipality",
    "countryside", "river", "mountains", "monastery", "mosque", "temple", "pagoda", "cemetery",
    "township", r"refugee\s+camp", "chiefdom", "sub-county", "upazila", "tehsil", "taluk",
    "dam", "bazaar", "souq",
)  # fmt: skip
#: Words after a name that place it, more weakly ("X authorities", "X border", "Oslo-based").
_PLACE_AFTER = (
    "border", "plain", "coast", "basin", "delta", "court", "authorities", "residents",
    "airport", "lagoon", "estuary", "wetlands", "marshes", "reservoir", "glacier", "canyon",
    "gorge", "plateau", "peninsula", "archipelago", "rainforest",
    r"(?:railway|train|bus|tram|police|fire)\s+station", "station", r"high\s+street", "beach",
    "harbour", "forest", "pass", "camp",
    # works and crossings named after where they stand: "the Copper Cliff smelter", "the
    # Hazelmere pump station", "the Nadzab turnoff" (not "crossing": "Garcia crossing the road")
    "smelter", "mine", "mines", "quarry", "landfill", "dumpsite", r"(?:pump|pumping)\s+station",
    "substation", "checkpoint", "roundabout", "turnoff", "interchange", "wharf",
    r"taxi\s+rank", r"bus\s+(?:stop|terminal)", r"(?:industrial|technology)\s+park",
)  # fmt: skip
NEXT_PLACE = re.compile(rf"^(?:\s+(?:{'|'.join(_PLACE_NOUNS + _PLACE_AFTER)})\b|-based\b)")
NEXT_PLACE_NOUN = re.compile(
    # a name before "airport" or "station" is the facility's, whoever it honours:
    # "Charles de Gaulle airport", "Châtelet-Les Halles station"
    rf"^\s+(?:{'|'.join(_PLACE_NOUNS)}|airport|(?:railway\s+|train\s+|metro\s+|tube\s+)?station)\b"
)
