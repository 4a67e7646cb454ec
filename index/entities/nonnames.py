"""Capitalised words that are no names of ours, whatever the model says: a date line's days,
months and time zones, words that only say what kind of thing a name is, and amounts of money
the model takes for names ("Sh1" of "Sh1.4bn"). Read by `repair.non_name`.
"""

from __future__ import annotations

import re
from functools import cache

from .foreignorgwords import ARTS_KINDS

#: Days, months and time zones as a page's date line writes them ("Sat 8 Nov 2026 17.58
#: GMT"): the model takes them for places and organisations.
CALENDAR: frozenset[str] = frozenset(
    {"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"}
    | {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
    | {"GMT", "BST", "UTC", "CET", "CEST", "EET", "EEST", "EST", "EDT", "CST", "CDT", "MST"}
    | {"MDT", "PST", "PDT", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT", "JST", "KST"}
    | {"HKT", "SGT", "WAT", "CAT", "EAT", "SAST", "PKT", "WIB"}
)  # fmt: skip


#: Words that say what kind of thing a name is and name none alone ("Bank", "Radio", "Hotel",
#: "Sea"): what is left when the model's span lost the name around it. Bodies a country has
#: one of ("Senate", "Parliament", "Police") do name one alone and are not here.
KINDS_ALONE: frozenset[str] = frozenset(
    {"bank", "radio", "hotel", "company", "group", "club", "team", "network", "television"}
    | {"fund", "school", "hospital", "university", "college", "church", "station", "airport"}
    # a body by its kind alone: "the Government would fund it", "Council member X", "Workers at
    # Hyundai"; the article's full name of it carries the entity
    | {"government", "council", "workers", "police", "ministry", "department", "committee"}
    # a museum or a conservatory by its kind in its own language, its name cut off after a
    # lowercase word ("the Musée du quai Branly"): `foreignorgwords.py` makes an org of it
    | ARTS_KINDS
    | {"teatro"}
)  # fmt: skip


#: Acronyms of common nouns, never a name: "named the series MVP", "the ICU", "its IPO".
COMMON_ACRONYMS: frozenset[str] = frozenset(
    {"MVP", "CEO", "CFO", "COO", "CTO", "GDP", "GNP", "VIP", "VIPs", "ICU", "IVF", "DNA", "RNA"}
    | {"IPO", "ETF", "ETFs", "VAT", "GST", "SUV", "SUVs", "ATM", "ATMs", "PhD", "MBA", "NFT"}
    | {"NFTs", "KPI", "CCTV", "GPS", "SMS", "PDF", "FAQ", "DIY", "CPI", "PMI", "ESG", "NGO"}
    | {"NGOs", "UFO", "LED", "LCD", "USB", "RSVP", "LGBT", "LGBTQ", "LGBTQ+", "HGV", "MRI", "VAR"}
    | {"AI", "EV", "EVs", "LNG", "LPG", "CPO", "API", "APIs", "GPU", "GPUs", "SME", "SMEs", "EPS"}
    | {"AGM", "EGM", "PPE", "FDI", "NPL", "NPLs", "ODI", "ODIs", "T20I", "T20Is"}
)  # fmt: skip
#: What a family calls its own, capitalised as a name in quotes ("Dad always said …").
KINSHIP: frozenset[str] = frozenset(
    {"Dad", "Mum", "Mom", "Daddy", "Mummy", "Mommy", "Grandad", "Granddad", "Grandpa", "Grandma"}
    | {"Granny", "Gran"}
)  # fmt: skip
#: Diseases the model takes for someone or a body ("long Covid", "a TB vaccine"). Not those
#: named after a place that is also news ("Ebola", "Marburg", "Zika"), nor "SARS", once a
#: Nigerian police squad.
DISEASES: frozenset[str] = frozenset(
    {"Covid", "COVID", "Covid-19", "COVID-19", "HIV", "HIV/AIDS", "AIDS", "TB", "Mpox"}
)  # fmt: skip
#: Words that are never a name of ours, wherever they stand.
NEVER_NAMES = COMMON_ACRONYMS | KINSHIP | DISEASES


#: Prizes named without "Prize" or "Award": "won the Golden Bear", "a Palme d'Or".
PRIZES: frozenset[str] = frozenset(
    {"Golden Bear", "Silver Bear", "Golden Lion", "Silver Lion", "Palme d'Or", "Palme d’Or"}
    | {"Golden Globe", "Golden Globes", "Golden Boot", "Golden Ball", "Ballon d'Or"}
    | {"Ballon d’Or", "Grammy", "Grammys", "Emmy", "Emmys", "Bafta", "Baftas", "Oscars"}
)  # fmt: skip


#: Capitalised words that name nothing, mostly opening sentences: the gazetteer's search for
#: places the model missed skips a run that is exactly one of them, anywhere, before cleaning
#: it (a fifth of the runs it reads). Towns that share a spelling ("Most" in Czechia) are
#: found by the model's tag, not by this search.
FUNCTION_WORDS: frozenset[str] = frozenset(
    {"The", "A", "An", "We", "He", "She", "It", "Its", "They", "I", "You", "His", "Her"}
    | {"Our", "Their", "This", "That", "These", "Those", "There", "In", "On", "At", "For"}
    | {"But", "And", "Or", "As", "If", "When", "While", "After", "Before", "No", "Every"}
    | {"What", "Why", "How", "Who", "Some", "Many", "Most", "All", "By", "With", "From"}
    | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)  # fmt: skip


#: An amount of money written as a currency's sign or code glued to a number: "Sh1.4bn",
#: "RM2.3mil", "Rs187.40". A one-letter sign (the rand's "R", the naira's "N", the peso's "P")
#: counts only with a decimal or a scale after it: "N1" and "R21" are roads too.
_AMOUNT = re.compile(
    r"(?:(Rs\.?|RM|K?Sh|Ksh|Tk|Rp|GH[S₵]|US\$|[ANCSR]\$|NZ\$|HK\$|\$|£|€|¥|₹|₦)|([NRPK]))"
    r"\s?\d[\d,]*(\.\d+)?\s?(bn|mn|m|mil|k|tn|trn|cr|crore|lakh|billion|million|trillion)?\b"
)

#: A digit, as `_AMOUNT` reads one: a name with none is no amount (asked of every mention,
#: and a search in C costs a fifth of testing each character in Python).
_DIGIT = re.compile(r"\d")


def amount(text: str, after: str) -> bool:
    """Is `text`, followed by `after`, an amount of money (and nothing more)? A currency's
    ISO code before a number counts too: "EGP 200,000", "GEL 3.2 million"."""
    if len(text) == 3 and text.isupper() and after[:1] == " " and after[1:2].isdigit():
        return _currency(text)
    if text[:1] not in "RKSTGUANCHP$£€¥₹₦" or _DIGIT.search(text) is None:
        return False
    m = _AMOUNT.match(text + after)
    if m is None or m.end() < len(text):
        return False
    return bool(m.group(1) or m.group(3) or m.group(4))


@cache
def _currency(code: str) -> bool:
    import pycountry  # loaded on first use: most articles name no currency by its code

    return pycountry.currencies.get(alpha_3=code) is not None
