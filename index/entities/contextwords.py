"""The last word each pattern `context.context_votes` reads before a name can end with: checked
first, so a mention whose preceding word ends none of them tries no pattern at all (the
function runs on every mention of every article). Each set is copied from its pattern; a word
added to a pattern must be added here too.
"""

from __future__ import annotations

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
