"""A second set of invented articles with gold quotes, written after the attribution rules
were frozen: `bench.quotes` reports it apart, as the honest estimate. Same format as
`quote_gold`; every person and quote is made up (place names are real)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

_START = datetime(2026, 4, 6, 7, tzinfo=UTC)

ARTICLES: list[dict] = [
    {
        "title": "Bakeries in Aleppo ration flour",
        "source": "Levant Wire",
        "body": (
            "ALEPPO — Bakeries across Aleppo began rationing flour on Monday as deliveries from the coast slowed.\n\n"
            "“We bake until the sacks are empty, and then we close,” said Bassam Qatana, who runs a bakery near the citadel.\n\n"
            "The city's supply chief, Rana Shukri, told a council meeting that two shipments were stuck in Latakia.\n\n"
            "Shukri said the shortage would last at least ten days. “I will not promise what I cannot deliver,” she added.\n\n"
            "Some residents said they had queued for three hours."
        ),
        "gold": [
            ("Bassam Qatana", "We bake until the sacks are empty"),
            ("Rana Shukri", "two shipments were stuck in Latakia"),
            ("Rana Shukri", "the shortage would last at least ten days"),
            ("Rana Shukri", "I will not promise what I cannot deliver"),
        ],
    },
    {
        "title": "Cairo court adjourns activists' trial",
        "source": "Meridian News",
        "body": (
            "CAIRO — A Cairo court adjourned the trial of six activists until next month on Sunday.\n\n"
            "Defence lawyer Hossam Abdelaziz said the prosecution had still not shared its evidence.\n\n"
            "“My clients have been in prison for fourteen months without seeing a single document,” Abdelaziz told reporters outside the court.\n\n"
            "The judge gave no reason for the delay.\n\n"
            "Relatives held up photographs and chanted “freedom” as the defendants were led away."
        ),
        "gold": [
            ("Hossam Abdelaziz", "the prosecution had still not shared its evidence"),
            ("Hossam Abdelaziz", "My clients have been in prison for fourteen months"),
        ],
    },
    {
        "title": "Georgian wine exports hit record",
        "source": "Caucasus Post",
        "body": (
            "TBILISI — Georgian wine exports reached a record 110 million bottles last year, the National Wine Agency said on Thursday.\n\n"
            "Agency head Irakli Chkheidze credited new markets in Asia. “Five years ago nobody in Shanghai knew our wine. Now they ask for it by name,” he said.\n\n"
            "Winemaker Tamar Dadiani warned that a late frost in April could cut this year's harvest.\n\n"
            "“The vines are a month early. One cold night and we lose everything,” Dadiani said."
        ),
        "gold": [
            ("National Wine Agency", "Georgian wine exports reached a record 110 million bottles"),
            ("Irakli Chkheidze", "Five years ago nobody in Shanghai knew our wine"),
            ("Tamar Dadiani", "a late frost in April could cut this year's harvest"),
            ("Tamar Dadiani", "The vines are a month early"),
        ],
    },
    {
        "title": "Flood defences tested in Basra",
        "source": "Tigris Courier",
        "body": (
            "BASRA — Emergency crews in Basra tested new flood barriers along the Shatt al-Arab on Saturday.\n\n"
            "Provincial engineer Mustafa Aziz said the barriers could hold back a surge of two metres.\n\n"
            "But environmental researcher Dalia Kamal said the real danger came from salt water pushing upstream, not from floods.\n\n"
            "“We are building walls against the wrong enemy,” Kamal said.\n\n"
            "Aziz disagreed. “Both threats are real, and we are working on both,” the engineer said."
        ),
        "gold": [
            ("Mustafa Aziz", "the barriers could hold back a surge of two metres"),
            ("Dalia Kamal", "the real danger came from salt water pushing upstream"),
            ("Dalia Kamal", "We are building walls against the wrong enemy"),
            ("Mustafa Aziz", "Both threats are real, and we are working on both"),
        ],
    },
    {
        "title": "Ankara raises minimum wage",
        "source": "Anatolian Business Daily",
        "body": (
            "ANKARA — The government raised the minimum wage by 25 percent on Tuesday, less than unions had demanded.\n\n"
            "Labour Minister Cemil Ersoy said the increase balanced workers' needs against inflation.\n\n"
            "“This is the largest rise in a decade,” Ersoy said.\n\n"
            "Union federation chairwoman Zeynep Aksoy called the increase “an insult to every worker who cannot pay rent” and said her members would protest on Friday.\n\n"
            "Economists said the rise could add two points to inflation."
        ),
        "gold": [
            ("Cemil Ersoy", "the increase balanced workers' needs against inflation"),
            ("Cemil Ersoy", "This is the largest rise in a decade"),
            ("Zeynep Aksoy", "her members would protest on Friday"),
        ],
    },
    {
        "title": "Refugee school reopens in Beirut",
        "source": "Gulf Daily Monitor",
        "body": (
            "BEIRUT — A school for refugee children in Beirut's Bourj Hammoud district reopened on Monday after repairs.\n\n"
            "Headteacher Maya Khalil said 340 children had enrolled, up from 210 last year.\n\n"
            "“Some of them have not been in a classroom for two years,” she said. “The first week is about learning to sit still again.”\n\n"
            "The repairs were paid for by UNICEF, according to a statement from the district council."
        ),
        "gold": [
            ("Maya Khalil", "340 children had enrolled"),
            ("Maya Khalil", "Some of them have not been in a classroom for two years"),
            ("Maya Khalil", "The first week is about learning to sit still again"),
        ],
    },
]

for _i, _article in enumerate(ARTICLES):
    _article["published"] = (_START + timedelta(hours=11 * _i)).isoformat()
    _article["url"] = f"https://quotes-heldout.example/{_i}"
