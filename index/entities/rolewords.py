"""Occupations and callings news writes right before a person's name ("striker Tomás Ledesma",
"Regional organiser Huw Ffransis said"), read by `context.context_votes` as a sign of a person.

Only words that describe people and never companies: "miner", "lender", "broadcaster",
"publisher" or "operator" introduce organisations as often ("miner Glencore").
"""

from __future__ import annotations

from .wordlists import TITLES

OCCUPATIONS: frozenset[str] = frozenset(
    {"hairdresser", "barber", "baker", "butcher", "publican", "plumber", "electrician"}
    | {"mechanic", "midwife", "chef", "pharmacist", "carpenter", "driver"}
    | {"wing", "full-back", "fullback", "flanker", "hooker", "runner", "sprinter", "athlete"}
    | {"swimmer", "cyclist", "boxer", "striker"}
    | {"midfielder", "defender", "goalkeeper", "forward", "winger", "coach", "captain"}
    | {"player", "singer", "actor", "actress", "author", "writer", "novelist", "poet"}
    | {"artist", "filmmaker", "director", "producer", "professor", "scientist", "physician"}
    | {"doctor", "nurse", "teacher", "student", "activist", "campaigner", "detective"}
    | {"inspector", "sergeant", "soldier", "pilot", "economist", "analyst", "lawyer"}
    | {"attorney", "businessman", "businesswoman", "entrepreneur", "brothers", "sisters"}
    | {"brother", "sister", "son", "daughter", "wife", "husband", "mother", "father"}
    | {"widow", "organiser", "organizer", "founder", "co-founder", "curator", "historian"}
    | {"photographer", "journalist", "reporter", "correspondent", "editor", "columnist"}
    | {"commentator", "presenter", "composer", "musician", "guitarist", "drummer"}
    | {"bassist", "pianist", "violinist", "rapper", "dancer", "choreographer", "designer"}
    | {"architect", "surgeon", "paramedic", "firefighter", "farmer", "fisherman", "priest"}
    | {"pastor", "imam", "rabbi", "lecturer", "epidemiologist", "virologist", "biologist"}
    | {"chemist", "physicist", "geologist", "climatologist", "meteorologist", "strategist"}
    | {"accountant", "banker", "shopkeeper", "landlord", "volunteer", "survivor"}
    | {"protester", "lawmaker", "legislator", "councillor", "councilor", "magistrate"}
    | {"prosecutor", "defendant", "claimant", "plaintiff", "pensioner", "grandmother"}
    | {"grandfather", "uncle", "aunt", "nephew", "niece", "cousin", "colleague"}
    | {"neighbour", "neighbor", "teammate", "skipper", "jockey", "referee", "umpire"}
    | {"batsman", "bowler", "pitcher", "quarterback", "fly-half", "scrum-half"}
    | {"flyhalf", "scrumhalf"}  # the Pacific's and South Africa's spelling
    | {"seamer", "paceman", "spinner", "all-rounder", "wicketkeeper", "herder"}
    | {"guard", "goaltender", "goalie", "netminder", "defenceman", "defenseman", "linebacker"}
    | {"halfback", "batter", "trainer", "rookie", "sophomore", "freshman"}
    # the trades and the people of a local story: "said tour guide …", "resident …"
    | {"guide", "hawker", "fishmonger", "tailor", "welder", "labourer"}
    | {"laborer", "headteacher", "headmaster", "headmistress", "dentist", "vet", "herbalist"}
    | {"nanny", "waiter", "waitress", "cashier", "caretaker", "tutor", "pupil", "resident"}
    | {"motorist", "commuter", "passenger"}
)  # fmt: skip


def role_word(word: str) -> bool:
    """A title or trade before a name ("Wing", "Coach"), even one some locale uses as a name."""
    return word.casefold() in TITLES or word.casefold() in OCCUPATIONS
