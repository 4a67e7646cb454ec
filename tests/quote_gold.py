"""Invented articles with a gold list of who said what, for quote attribution.

Every person, quote and event here is made up for Dateline's tests and bench (place names are
real). Each article lists its gold `(speaker, words from the quote)` pairs: a prediction is
right when its speaker is that entity and its quote text contains those words. Articles also
hold things that are *not* quotes of a named speaker (scare quotes, titles, passive "was told",
an anonymous source, an ambiguous "the minister"), which a good attribution leaves out.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

_START = datetime(2026, 3, 2, 8, tzinfo=UTC)

ARTICLES: list[dict] = [
    {
        "title": "Mosul pumping station to reopen before winter",
        "source": "Tigris Courier",
        "body": (
            "MOSUL — Engineers in Mosul expect the Qadisiya pumping station to reopen before the first frost.\n\n"
            "“We will have water in every district by November,” Selin Haddad, the city's water director, told reporters on Tuesday.\n\n"
            "Haddad said the contractor had delivered four of the six pumps ordered in the spring.\n\n"
            "Residents remain sceptical. “We have heard these promises every autumn,” said Karim Darwish, a shopkeeper in the old city.\n\n"
            "The governor, Walid Nasrallah, said the province would pay for the last two pumps itself."
        ),
        "gold": [
            ("Selin Haddad", "We will have water in every district by November"),
            ("Selin Haddad", "the contractor had delivered four of the six pumps"),
            ("Karim Darwish", "We have heard these promises every autumn"),
            ("Walid Nasrallah", "the province would pay for the last two pumps"),
        ],
    },
    {
        "title": "Interior minister defends border closure",
        "source": "Levant Wire",
        "body": (
            "AMMAN — Interior Minister Rasha Obeidat defended the closure of the northern crossing on Wednesday.\n\n"
            "Obeidat told parliament: “The crossing will stay closed until the smuggling routes are shut.”\n\n"
            "Opposition deputies called the measure “a collective punishment for the border towns” and walked out of the session.\n\n"
            "The minister added that trucks carrying medicine would still be allowed through.\n\n"
            "A trader from Ramtha, who asked not to be named, said business had fallen by half since the closure."
        ),
        "gold": [
            ("Rasha Obeidat", "The crossing will stay closed until the smuggling routes are shut"),
            ("Rasha Obeidat", "trucks carrying medicine would still be allowed through"),
        ],
    },
    {
        "title": "Army spokesman says convoy reached Erbil",
        "source": "Gulf Daily Monitor",
        "body": (
            "ERBIL — An aid convoy reached Erbil late on Thursday after a two-day delay at checkpoints.\n\n"
            "The army's spokesman, Colonel Tariq Mahfouz, said the 40 trucks had been escorted from the Syrian border without incident.\n\n"
            "“The road is open, and it will stay open,” Mahfouz said. “Nobody should be afraid to travel.”\n\n"
            "According to Amira Sayegh of the World Food Programme, the convoy carried enough flour for 60,000 people for a month.\n\n"
            "The delay was caused by a dispute over paperwork, the spokesman said."
        ),
        "gold": [
            ("Tariq Mahfouz", "the 40 trucks had been escorted from the Syrian border"),
            ("Tariq Mahfouz", "The road is open, and it will stay open"),
            ("Tariq Mahfouz", "Nobody should be afraid to travel"),
            ("Amira Sayegh", "the convoy carried enough flour for 60,000 people"),
            ("Tariq Mahfouz", "The delay was caused by a dispute over paperwork"),
        ],
    },
    {
        "title": "Port strike enters second week",
        "source": "Anatolian Business Daily",
        "body": (
            "IZMIR — Dock workers at the port of Izmir extended their strike into a second week on Monday.\n\n"
            "Union leader Defne Kaya said in a statement that members would not return until the night-shift bonus was restored.\n\n"
            "“Management has not made a single offer in eight days,” Kaya told a rally outside the port gates.\n\n"
            "The port operator said it had offered talks twice and been refused.\n\n"
            "Shipping agents estimate that more than 30 vessels are waiting offshore."
        ),
        "gold": [
            ("Defne Kaya", "members would not return until the night-shift bonus was restored"),
            ("Defne Kaya", "Management has not made a single offer in eight days"),
        ],
    },
    {
        "title": "Two ministers clash over grain prices",
        "source": "Levant Wire",
        "body": (
            "BEIRUT — Finance Minister Nadim Karam and Economy Minister Layla Haddad disagreed in public on Friday over how to curb grain prices.\n\n"
            "Karam said subsidies would cost the treasury more than it could afford.\n\n"
            "Layla Haddad replied that without subsidies bakeries in the north would close within a month.\n\n"
            "“We cannot let bread become a luxury,” she said.\n\n"
            "The minister said the cabinet would decide next week."
        ),
        "gold": [
            ("Nadim Karam", "subsidies would cost the treasury more than it could afford"),
            ("Layla Haddad", "without subsidies bakeries in the north would close"),
            ("Layla Haddad", "We cannot let bread become a luxury"),
        ],
    },
    {
        "title": "Clinic opens in Homs suburb",
        "source": "Caucasus Post",
        "body": (
            "HOMS — A new clinic opened in the Waer suburb of Homs on Saturday, the first in the area since 2019.\n\n"
            "“People walked two hours to see a doctor. Now they can walk ten minutes,” said Dr. Hiba Mansour, who will run the clinic.\n\n"
            "The Red Crescent said the clinic would treat up to 200 patients a day.\n\n"
            "Mansour added: “We still need nurses, and we still need insulin.”\n\n"
            "The building was described by local officials as “a symbol of recovery”."
        ),
        "gold": [
            ("Hiba Mansour", "People walked two hours to see a doctor"),
            ("Red Crescent", "the clinic would treat up to 200 patients a day"),
            ("Hiba Mansour", "We still need nurses, and we still need insulin"),
        ],
    },
    {
        "title": "Election commission delays count in Kirkuk",
        "source": "Tigris Courier",
        "body": (
            "KIRKUK — The Central Election Commission delayed the count in Kirkuk by 24 hours on Sunday.\n\n"
            "Commission chairman Yusuf Barzani told journalists that 12 ballot boxes had arrived with broken seals.\n\n"
            "“Every box will be checked in front of observers. Every single one,” Barzani said.\n\n"
            "Candidates from three parties said they would accept the delay if the checks were public.\n\n"
            "Observers from the Arab League were told that the results would be announced on Tuesday."
        ),
        "gold": [
            ("Yusuf Barzani", "12 ballot boxes had arrived with broken seals"),
            ("Yusuf Barzani", "Every box will be checked in front of observers"),
        ],
    },
    {
        "title": "Tbilisi metro fares to rise",
        "source": "Caucasus Post",
        "body": (
            "TBILISI — Metro fares in Tbilisi will rise by 20 percent in April, the city council announced on Monday.\n\n"
            "Deputy Mayor Nino Gelashvili said the increase would pay for new carriages on the second line.\n\n"
            "“Nobody likes paying more,” Gelashvili said, “but the trains are forty years old.”\n\n"
            "Commuters interviewed at Rustaveli station were unimpressed. “It is the third rise in two years,” said Levan Abashidze, a teacher.\n\n"
            "The council's transport committee will publish the new timetable next month."
        ),
        "gold": [
            ("Nino Gelashvili", "the increase would pay for new carriages"),
            ("Nino Gelashvili", "Nobody likes paying more"),
            ("Nino Gelashvili", "but the trains are forty years old"),
            ("Levan Abashidze", "It is the third rise in two years"),
        ],
    },
    {
        "title": "Drought cuts Euphrates flow",
        "source": "Gulf Daily Monitor",
        "body": (
            "RAQQA — The flow of the Euphrates at Raqqa has fallen to its lowest level in decades, engineers said on Wednesday.\n\n"
            "Hydrologist Omar Qassab warned that irrigation canals downstream could run dry by August.\n\n"
            "“This is not a bad year. This is a new normal,” Qassab said in an interview.\n\n"
            "Farmers in the valley have begun selling livestock they can no longer water, according to Salma Hijazi, who heads a farmers' cooperative.\n\n"
            "A report titled “Rivers Under Strain” is due to be published by the university in June."
        ),
        "gold": [
            ("Omar Qassab", "irrigation canals downstream could run dry by August"),
            ("Omar Qassab", "This is not a bad year"),
            ("Salma Hijazi", "Farmers in the valley have begun selling livestock"),
        ],
    },
    {
        "title": "Museum recovers stolen tablets",
        "source": "Meridian News",
        "body": (
            "BAGHDAD — The National Museum in Baghdad has recovered 17 clay tablets stolen during the looting of 2003.\n\n"
            "Museum director Faisal Jaber said the tablets had been traced to a private collection in Geneva.\n\n"
            "“They are home now, where they belong,” Jaber told a news conference on Thursday.\n\n"
            "He said the museum was negotiating the return of a further 40 pieces.\n\n"
            "Swiss prosecutor Anna Keller confirmed that the collector had cooperated with the investigation."
        ),
        "gold": [
            ("Faisal Jaber", "the tablets had been traced to a private collection in Geneva"),
            ("Faisal Jaber", "They are home now, where they belong"),
            ("Faisal Jaber", "the museum was negotiating the return of a further 40 pieces"),
            ("Anna Keller", "the collector had cooperated with the investigation"),
        ],
    },
    {
        "title": "Ferry service resumes across the Black Sea",
        "source": "Black Sea Herald",
        "body": (
            "BATUMI — The ferry between Batumi and Chornomorsk resumed on Friday after a six-month pause.\n\n"
            "“The first crossing was full,” the ferry company's chief executive, Giorgi Tsiklauri, said. “We are adding a second boat in May.”\n\n"
            "Tsiklauri said freight bookings were already ahead of last year.\n\n"
            "Port officials expect the route to carry about 8,000 trucks a year."
        ),
        "gold": [
            ("Giorgi Tsiklauri", "The first crossing was full"),
            ("Giorgi Tsiklauri", "We are adding a second boat in May"),
            ("Giorgi Tsiklauri", "freight bookings were already ahead of last year"),
        ],
    },
    {
        "title": "Hospital strike ends in Alexandria",
        "source": "Meridian News",
        "body": (
            "ALEXANDRIA — Junior doctors at Alexandria's main hospital ended a nine-day strike on Tuesday after the health ministry agreed to pay overdue wages.\n\n"
            "“We won, but we should never have had to strike,” said Mariam Fawzi, one of the organisers.\n\n"
            "Fawzi said the doctors had not been paid since October.\n\n"
            "The health ministry said in a statement that the arrears would be cleared within two weeks.\n\n"
            "Patients described the emergency ward during the strike as “chaos”."
        ),
        "gold": [
            ("Mariam Fawzi", "We won, but we should never have had to strike"),
            ("Mariam Fawzi", "the doctors had not been paid since October"),
        ],
    },
]

for _i, _article in enumerate(ARTICLES):
    _article["published"] = (_START + timedelta(hours=9 * _i)).isoformat()
    _article["url"] = f"https://quotes.example/{_i}"
