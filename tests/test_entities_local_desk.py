"""A regional news desk: bushfires, councils, school boards and county sport, where a headline
often names the town its two-line body calls "the town". Each test hands `resolve` the spans the
model returned (no model is loaded); people and small organisations are invented, places real
where the gazetteer is the point.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Residents told to leave as grass fire burns near Bunbury", "Bunbury"),
        ("Grass Fire Near Bunbury Forces Evacuations", "Bunbury"),
        ("Measles cases climb in Metro Manila", "Metro Manila"),
        ("Late Okafor header earns a draw at Villa Park", "Villa Park"),
        # a compass word between the placing word and the place
        ("Lobster season opens late in southwest Nova Scotia", "Nova Scotia"),
        # a country whose name holds an elided "d'" or "and" (listed by its English name)
        ("Côte d'Ivoire keeps cocoa price unchanged", "Ivory Coast"),
        ("Trinidad and Tobago raises fuel prices", "Trinidad and Tobago"),
        # a sentence-case headline opening with a city the lists know
        ("Potosí civic committee rejects lithium contract", "Potosí"),
    ],
)
def test_a_place_the_headline_sets_the_story_in_is_listed(title: str, place: str) -> None:
    # the model tagged nothing in the headline; the body calls it only "the town"
    body = "Crews worked through the night, a fire service spokeswoman said."
    assert ("place", place) in listed(resolve(body, [], title, []))


@pytest.mark.parametrize(
    "title",
    [
        "Pay talks stall at Barclays",  # an organisation the lists know
        "Shops shut in Kenyan capital",  # a demonym
        "Hope fades in Reading",  # an English word: may be the verb's object
        "Chelsea sign striker on loan",  # a club the lists know, not the district
    ],
)
def test_a_headline_name_after_a_placing_word_must_be_a_place_the_lists_know(title: str) -> None:
    body = "The union said members would meet again next week."
    assert not any(t == "place" for t, _ in listed(resolve(body, [], title, [])))


def test_a_listed_club_named_by_the_word_after_its_town_is_one_organisation() -> None:
    # "the Saskatoon Blades … the Blades": the town's name is all the short form lacks
    body = (
        "Dana Kowalczyk scored twice as the Saskatoon Blades beat Brandon 4-1. "
        "The Blades have won five straight at home."
    )
    raw = [
        (body.index("Saskatoon Blades"), body.index("Saskatoon Blades") + 16, "ORG"),
        (body.index("Blades have"), body.index("Blades have") + 6, "ORG"),
    ]
    orgs = [e for e in resolve(body, raw) if e.type == "org"]
    assert [e.name for e in orgs] == ["Saskatoon Blades"], orgs
    assert "Blades" in orgs[0].aliases


def test_a_town_that_ends_a_listed_clubs_name_stays_the_town() -> None:
    # "Prince Albert" before "Raiders" is the club's town, not its short name
    body = (
        "The Prince Albert Raiders lost again. Fans in Prince Albert have waited "
        "six years for a title."
    )
    raw = [(body.index("Prince Albert have"), body.index("Prince Albert have") + 13, "GPE")]
    found = listed(resolve(body, raw))
    assert ("org", "Prince Albert Raiders") in found
    assert ("place", "Prince Albert") in found


def _orgs(body: str, spans: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    raw = [(body.index(s), body.index(s) + len(s), "ORG") for s in spans]
    return sorted((e.name, e.aliases) for e in resolve(body, raw) if e.type == "org")


def test_a_clubs_nickname_is_the_club_the_article_names() -> None:
    body = (
        "Georgetown beat Villanova 78-71 on Saturday. The Wildcats had won six straight "
        "before the trip."
    )
    orgs = _orgs(body, ["Georgetown", "Villanova", "Wildcats"])
    assert ("Villanova", ("Wildcats",)) in orgs and ("Wildcats", ()) not in orgs, orgs


def test_a_nickname_two_of_the_articles_clubs_share_joins_neither() -> None:
    body = (
        "Newcastle United host Notts County in the cup on Tuesday. The Magpies of the "
        "north-east are favourites, said Notts County manager Pete Ormerod."
    )
    orgs = _orgs(body, ["Newcastle United", "Notts County", "Magpies"])
    assert ("Newcastle United", ()) in orgs and ("Notts County", ()) in orgs, orgs


def test_a_party_by_its_members_plural_is_the_articles_party_of_that_name() -> None:
    body = (
        "The Social Democratic Party won 31 seats. Talks with the Social Democrats "
        "resume on Monday, said Ilse Vanhoutte of the Green Party."
    )
    orgs = _orgs(body, ["Social Democratic Party", "Social Democrats", "Green Party"])
    assert ("Social Democratic Party", ("Social Democrats",)) in orgs, orgs


def test_a_plural_two_parties_of_the_article_could_be_joins_neither() -> None:
    body = (
        "The Christian Democratic Union and the Christian Democratic Alliance split the "
        "vote, and the Christian Democrats of both sat out the debate."
    )
    spans = ["Christian Democratic Union", "Christian Democratic Alliance", "Christian Democrats"]
    orgs = _orgs(body, spans)
    assert ("Christian Democrats", ()) in orgs, orgs


@pytest.mark.parametrize(
    "name",
    [
        "Wat Nong Bua Daeng",
        "Taman Sari Ayu",
        "Masjid Jamek Lama",
        "Kafr Abu Samra",
        "Bukit Merah Jaya",
    ],
)
def test_a_place_named_with_its_own_languages_kind_word_is_a_place(name: str) -> None:
    # the kind word ("Wat", a temple; "Taman", a park) opens the name; the model reads a person
    body = f"Volunteers cleared the paths at {name} on Sunday, the district office said."
    start = body.index(name)
    found = listed(resolve(body, [(start, start + len(name), "PERSON")]))
    assert ("place", name) in found, found


def test_a_country_whose_name_ends_in_an_elided_particle_stays_whole() -> None:
    body = "Cocoa buyers in Côte d'Ivoire raised prices on Monday, said trader Kofi Mensah-Obeng."
    start = body.index("Côte")
    found = listed(resolve(body, [(start, start + len("Côte d'Ivoire"), "FAC")]))
    # listed under the country's English name, the article's form an alias of it
    assert found == {("place", "Ivory Coast")}, found


def test_a_dateline_city_the_model_cut_short_is_the_whole_city() -> None:
    body = "DAR ES SALAAM — Port workers walked out on Friday, the dockers' union said."
    found = listed(resolve(body, [(0, 6, "ORG")]))  # the model's "DAR ES"
    assert any(t == "place" and n.casefold() == "dar es salaam" for t, n in found), found
    assert not any(t == "org" for t, _ in found), found


def test_a_nickname_never_joins_a_town_the_article_writes_as_the_town() -> None:
    # "Sydney" is the city here (a dateline and a place); "the Swans" stay the club
    body = (
        "SYDNEY — Heavy rain flooded roads across Sydney on Saturday. "
        "The Swans' home game was moved, a league spokesman said."
    )
    raw = [
        (0, 6, "GPE"),
        (body.index("Sydney on"), body.index("Sydney on") + 6, "GPE"),
        (body.index("Swans"), body.index("Swans") + 5, "ORG"),
    ]
    found = {(e.type, e.name): e.aliases for e in resolve(body, raw)}
    sydney = next(a for (t, n), a in found.items() if t == "place" and n.casefold() == "sydney")
    assert "Swans" not in sydney, found


def test_a_place_the_model_cut_at_of_is_one_place() -> None:
    body = "Fishing boats returned early from the Bay of Bengal as the cyclone neared."
    s = body.index("the Bay of")
    raw = [
        (s, s + len("the Bay of"), "LOC"),
        (body.index("Bengal"), body.index("Bengal") + 6, "GPE"),
    ]
    assert listed(resolve(body, raw)) == {("place", "Bay of Bengal")}


def test_an_abbreviated_given_name_tagged_alone_opens_the_persons_name() -> None:
    body = "Shelters filled fast. Md. Shafiqul Haque, the district's relief officer, said so."
    s = body.index("Md.")
    found = listed(resolve(body, [(s, s + 3, "GPE")]))
    assert found == {("person", "Md. Shafiqul Haque")}, found


def test_the_states_abbreviation_after_a_town_stays_no_person() -> None:
    body = "The firm is based in Bethesda, Md. Tessa Ruiz Orton founded it in 2009."
    s = body.index("Md.")
    found = listed(resolve(body, [(s, s + 3, "GPE")]))
    assert not any(n.startswith("Md") for t, n in found if t == "person"), found


def test_a_quantifier_opening_a_sentence_is_no_part_of_a_place() -> None:
    body = "Production starts in 2029. Several Gulf producers plan similar mills."
    found = listed(resolve(body, []))
    assert ("place", "Several Gulf") not in found, found


def test_a_surname_before_two_syllable_given_names_opens_the_name() -> None:
    body = "Deputy Minister of Trade and Industry Pham Duc Long said exports rose."
    s = body.index("Duc Long")
    found = listed(resolve(body, [(s, s + len("Duc Long"), "PERSON")]))
    assert ("person", "Pham Duc Long") in found, found


def test_a_given_name_tagged_alone_takes_the_surnames_the_report_uses_later() -> None:
    body = (
        "The tribunal barred opposition mayor Awa Ndoye Sow from the race. "
        '"The voters will decide," Sow told supporters in Thiès.'
    )
    s = body.index("Awa")
    found = listed(resolve(body, [(s, s + 3, "PERSON")]))
    assert ("person", "Awa Ndoye Sow") in found, found


def test_a_given_name_before_words_the_report_never_uses_alone_stays_as_it_is() -> None:
    body = "Grace Ndoye Lodge opened in May. The owners said bookings were strong."
    s = body.index("Grace")
    found = listed(resolve(body, [(s, s + 5, "PERSON")]))
    assert ("person", "Grace Ndoye Lodge") not in found, found


def test_a_chamber_named_by_its_kind_word_after_its_full_name_is_one_body() -> None:
    body = (
        "The National Assembly passed the bill on Tuesday. The Assembly will vote on the "
        "budget next week, Speaker Tran Thi Lan said."
    )
    raw = [
        (body.index("National Assembly"), body.index("National Assembly") + 17, "ORG"),
        (body.index("Assembly will"), body.index("Assembly will") + 8, "ORG"),
    ]
    orgs = [e for e in resolve(body, raw) if e.type == "org"]
    assert [(e.name, e.aliases) for e in orgs] == [("National Assembly", ("Assembly",))], orgs


def test_a_kind_word_two_bodies_of_the_article_end_in_joins_neither() -> None:
    body = "The Supreme Court and the Constitutional Court disagreed. The Court said little."
    spans = ["Supreme Court", "Constitutional Court", "Court said"]
    raw = [(body.index(s), body.index(s) + len(s.replace(" said", "")), "ORG") for s in spans]
    names = sorted(e.name for e in resolve(body, raw) if e.type == "org")
    assert "Court" in names, names


def test_a_law_firm_closing_in_its_trade_is_an_organisation() -> None:
    body = "The council hired Mabena Pillai Attorneys to fight the claim, a spokesman said."
    found = listed(resolve(body, []))
    assert ("org", "Mabena Pillai Attorneys") in found, found


def _people(body: str, spans: list[str]) -> list[str]:
    raw = [(body.index(s), body.index(s) + len(s), "PERSON") for s in spans]
    return sorted(e.name for e in resolve(body, raw) if e.type == "person")


def test_a_person_named_with_and_without_a_quoted_nickname_is_one_person() -> None:
    body = (
        'Police arrested Renato "Toto" Villamor on Friday. Neighbours said Renato Villamor '
        "had run the shop for ten years."
    )
    people = _people(body, ['Renato "Toto" Villamor', "Renato Villamor"])
    assert people == ["Renato Villamor"], people


def test_a_name_without_its_second_surname_is_the_same_person() -> None:
    body = (
        "Candidate María Elena Guamán Tituaña led the count. Supporters of María Elena "
        "Guamán gathered in the square."
    )
    people = _people(body, ["María Elena Guamán Tituaña", "María Elena Guamán"])
    assert people == ["María Elena Guamán Tituaña"], people


@pytest.mark.parametrize("club", ["Port Harcourt Mariners FC", "Enyimba FC", "Harbour Rovers AFC"])
def test_a_club_closing_in_fc_is_an_organisation_the_model_missed(club: str) -> None:
    body = f"Tunde Bakare scored twice as {club} came from behind to win on Sunday."
    found = listed(resolve(body, []))
    assert ("org", club) in found, found


def test_institutions_the_model_missed_closing_in_company_or_schools() -> None:
    body = (
        "Willow Creek Theatre Company will tour in May. Akron Public Schools said the "
        "buses would run as usual."
    )
    found = listed(resolve(body, []))
    assert {("org", "Willow Creek Theatre Company"), ("org", "Akron Public Schools")} <= found


def test_two_schools_joined_by_and_are_two_organisations() -> None:
    body = "The board voted to close Maple Grove Elementary and Riverside Elementary in June."
    found = listed(resolve(body, []))
    assert {("org", "Maple Grove Elementary"), ("org", "Riverside Elementary")} <= found, found


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Civil Defence Minister Ana Ruiz said the Government would fund repairs.", "Government"),
        ("Workers at the Ulsan plant will strike on Friday, organisers said.", "Workers"),
    ],
)
def test_a_body_named_by_its_kind_alone_is_no_entity(sentence: str, word: str) -> None:
    s = sentence.index(word)
    found = listed(resolve(sentence, [(s, s + len(word), "ORG")]))
    assert ("org", word) not in found, found


def test_a_site_named_with_its_lowercase_kind_is_one_place_and_keeps_its_bare_name() -> None:
    body = "Mourners gathered at the Dobrinja mosque on Friday, then walked to the Vraca cemetery."
    raw = [
        (body.index("Dobrinja"), body.index("Dobrinja") + 8, "ORG"),
        (body.index("Vraca"), body.index("Vraca") + 5, "GPE"),
    ]
    places = {e.name: e.aliases for e in resolve(body, raw) if e.type == "place"}
    assert places == {"Dobrinja mosque": ("Dobrinja",), "Vraca cemetery": ("Vraca",)}, places


def test_a_football_pass_or_a_training_camp_is_no_site() -> None:
    body = "Villa pass the ball well, and the Arsenal camp was upbeat, Unai Ortega said."
    raw = [(0, 5, "ORG"), (body.index("Arsenal"), body.index("Arsenal") + 7, "ORG")]
    names = {e.name for e in resolve(body, raw)}
    assert not names & {"Villa pass", "Arsenal camp"}, names


def test_a_firm_the_model_cut_before_its_legal_trade_keeps_it() -> None:
    body = "The families are represented by Wambui, Otieno & Co. Advocates, the court heard."
    s = body.index("Wambui")
    e = body.index(" Advocates")
    found = listed(resolve(body, [(s, e, "ORG")]))
    assert ("org", "Wambui, Otieno & Co. Advocates") in found, found


def test_a_small_town_after_a_word_that_places_it_is_a_place_but_a_month_is_not() -> None:
    body = "The runner, 24, trains in Iten with her coach. The race was moved in March."
    found = listed(resolve(body, []))
    assert ("place", "Iten") in found and ("place", "March") not in found, found


@pytest.mark.parametrize(
    ("sentence", "name", "place"),
    [
        ("Trains left Gare du Nord two hours late, the operator said.", "Nord", "Gare du Nord"),
        ("Mothers marched in Plaza de Mayo again on Thursday.", "Mayo", "Plaza de Mayo"),
    ],
)
def test_a_romance_kind_word_and_its_connector_open_the_place(
    sentence: str, name: str, place: str
) -> None:
    s = sentence.index(name)
    found = listed(resolve(sentence, [(s, s + len(name), "GPE")]))
    assert ("place", place) in found, found


def test_a_lowercase_arabic_article_joined_to_a_surname_stays_in_the_name() -> None:
    body = "Antiquities Minister Tarek Fahmy el-Sayed opened the hall on Sunday."
    s = body.index("Tarek")
    found = listed(resolve(body, [(s, s + len("Tarek Fahmy"), "PERSON")]))
    assert ("person", "Tarek Fahmy el-Sayed") in found, found


def test_a_given_name_no_list_holds_takes_the_listed_surnames_the_report_uses() -> None:
    body = (
        "Kenyan runners swept the race, with Lelgo Kipkorir Chebet winning the men's title. "
        "Chebet, a 27-year-old policeman, pulled away after 35km."
    )
    s = body.index("Lelgo")
    found = listed(resolve(body, [(s, s + 5, "PERSON")]))
    assert ("person", "Lelgo Kipkorir Chebet") in found, found


def test_an_institution_the_model_cut_at_and_is_whole_again() -> None:
    body = "Achol Deng, who heads the Akobo Peace and Development Forum, said aid had stopped."
    s = body.index("Development Forum")
    found = listed(resolve(body, [(s, s + len("Development Forum"), "ORG")]))
    assert ("org", "Akobo Peace and Development Forum") in found, found


def test_a_person_of_a_party_the_model_tagged_is_no_longer_institution_name() -> None:
    body = "Critics such as Wing Tat of Civic Party said the vote was rushed."
    s = body.index("Civic Party")
    found = listed(resolve(body, [(s, s + len("Civic Party"), "ORG")]))
    assert not any(n.startswith("Wing Tat of") for _, n in found), found


def test_a_span_the_model_began_at_the_portfolio_is_the_titled_person() -> None:
    body = "Commissioner for Transport Adaeze Okonjo defended the levy. Okonjo said it was fair."
    s = body.index("Transport")
    e = body.index(" defended")
    i = body.rindex("Okonjo")
    found = listed(resolve(body, [(s, e, "ORG"), (i, i + 6, "ORG")]))
    assert found == {("person", "Adaeze Okonjo")}, found


def test_a_firm_named_by_its_partners_is_one_organisation() -> None:
    body = "The Accra law firm Mensah, Owusu & Co acted for the buyer, it said."
    s = body.index("Mensah")
    found = listed(resolve(body, [(s, s + 6, "GPE")]))
    assert ("org", "Mensah, Owusu & Co") in found and ("place", "Mensah") not in found, found


def test_a_name_that_was_started_by_someone_is_an_organisation() -> None:
    body = (
        "Paystride will buy Ose Wallet for $90 million. Ose Wallet was started in Ibadan in "
        "2019 by two brothers. Ose Wallet has 400 staff."
    )
    raw = [(m, m + 10, "PERSON") for m in (body.index("Ose Wallet"), body.index("Ose Wallet was"))]
    raw.append((body.rindex("Ose Wallet"), body.rindex("Ose Wallet") + 10, "PERSON"))
    found = listed(resolve(body, raw))
    assert ("org", "Ose Wallet") in found, found


def test_a_listed_site_the_model_missed_takes_its_lowercase_kind_too() -> None:
    # "Ferhadija" is a place the lists hold; the model tagged nothing
    body = "Worshippers gathered outside the Ferhadija mosque on Friday, the imam said."
    places = {e.name: e.aliases for e in resolve(body, []) if e.type == "place"}
    assert places.get("Ferhadija mosque") == ("Ferhadija",), places


def test_an_outlet_the_model_missed_is_an_organisation_without_its_reporter() -> None:
    body = "Reporting by Amadou Diallo for Sahel Morning Ledger. The Niamey Courier said so too."
    found = listed(resolve(body, []))
    assert ("org", "Niamey Courier") in found, found
    assert not any("Diallo for" in n for _, n in found), found


def test_a_short_name_in_brackets_after_a_bodys_full_name_is_that_body() -> None:
    body = (
        "The Ghana Cocoa Marketing Board (Cocomark) raised the price. Cocomark said "
        "farmers would be paid within a week."
    )
    full = body.index("Ghana Cocoa Marketing Board")
    raw = [
        (full, full + 27, "ORG"),
        (body.index("Cocomark said"), body.index("Cocomark said") + 8, "ORG"),
    ]
    orgs = {e.name: e.aliases for e in resolve(body, raw) if e.type == "org"}
    assert list(orgs) == ["Ghana Cocoa Marketing Board"], orgs
    assert "Cocomark" in orgs["Ghana Cocoa Marketing Board"], orgs
