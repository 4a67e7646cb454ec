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
    {"of", "the", "and", "around", "near", "outside", "surrounding", "in"}
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
    | {"service", "authority", "charity"}
)
SPEECH = frozenset(
    {"said", "says", "added", "adds", "explained", "explains", "noted", "notes", "wrote"}
    | {"writes", "argued", "argues", "warned", "warns", "insisted", "insists", "recalled"}
)

#: Words after a name that place it ("Kaski district", "X authorities", "Oslo-based").
NEXT_PLACE = re.compile(
    r"^(?:\s+(?:province|governorate|region|district|countryside|border|city|town|village|river"
    r"|valley|mountains|plain|coast|basin|delta|court|authorities|residents|municipality"
    r"|airport|neighbourhood|neighborhood|districts|suburb|quarter|lagoon|estuary|wetlands"
    r"|marshes|reservoir|glacier|canyon|gorge|plateau|peninsula|archipelago|rainforest"
    r"|(?:railway|train|bus|tram|police|fire)\s+station|station|high\s+street|beach|harbour"
    r"|monastery|mosque|temple|pagoda|cemetery|forest|pass|township|refugee\s+camp|camp"
    r"|chiefdom|constituency|sub-county|upazila|tehsil|taluk)\b"
    r"|-based\b)"
)
NEXT_PLACE_NOUN = re.compile(
    r"^\s+(?:province|governorate|region|district|districts|city|town|village|valley"
    r"|neighbourhood|neighborhood|suburb|quarter|municipality|countryside|river|mountains"
    r"|monastery|mosque|temple|pagoda|cemetery|township|refugee\s+camp"
    r"|chiefdom|constituency|sub-county|upazila|tehsil|taluk"
    # a name before "airport" or "station" is the facility's, whoever it honours:
    # "Charles de Gaulle airport", "Châtelet-Les Halles station"
    r"|airport|(?:railway\s+|train\s+|metro\s+|tube\s+)?station)\b"
)
