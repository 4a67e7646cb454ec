"""Small original news fixtures for back-end and CLI tests.

Invented people and quotes, real places. Two outlets report the Mosul water story (a rewrite,
not a copy) so stories can be tested; the dump mimics the shape of real copy-paste dumps.
"""

from __future__ import annotations

import json
from pathlib import Path

WATER_A = {
    "title": "Iraq opens emergency water pipeline to Mosul as drought deepens",
    "body": (
        "Iraq opened an emergency pipeline on Tuesday to carry drinking water to Mosul, where "
        "a second dry summer has left reservoirs at their lowest level in forty years.\n\n"
        "Water Resources Minister Karim al-Jabouri said the line would deliver 90,000 cubic "
        "metres a day from the Tigris to the city's eastern districts within a week.\n\n"
        '"Nobody in Mosul should queue for water in 2026," al-Jabouri told reporters at the '
        "pumping station. Jabouri added that the National Water Authority (NWA) would publish "
        "daily flow figures.\n\n"
        "The NWA said tanker deliveries to Nineveh province would continue until the pipeline "
        "reached full pressure."
    ),
    "url": "https://levantwire.example/2026/11/10/mosul-water-pipeline?utm_source=rss",
    "published": "2026-11-10T08:30:00+00:00",
    "source": "Levant Wire",
    "author": "Dana Rahim",
}

WATER_B = {
    "title": "Emergency pipeline brings Tigris water to drought-hit Mosul",
    "body": (
        "An emergency pipeline began carrying drinking water to Mosul on Tuesday, Iraqi "
        "officials said, after a second dry summer left the city's reservoirs at their lowest "
        "level in forty years.\n\n"
        "Water Resources Minister Karim al-Jabouri said the line would deliver 90,000 cubic "
        "metres a day from the Tigris to eastern districts of the city within a week.\n\n"
        "Speaking at the pumping station, al-Jabouri said nobody in Mosul should have to queue "
        "for water. The National Water Authority (NWA) will publish daily flow figures, he "
        "added.\n\n"
        "Tanker deliveries to Nineveh province will continue until the pipeline reaches full "
        "pressure, the NWA said."
    ),
    "url": "https://gulfmonitor.example/news/mosul-pipeline-opens",
    "published": "2026-11-10T14:05:00+00:00",
    "source": "Gulf Daily Monitor",
    "author": "Omar Haddad",
}

ELECTION = {
    "title": "Tbilisi mayor Nino Beridze wins second term",
    "body": (
        "Nino Beridze won a second term as mayor of Tbilisi on Sunday, taking 54 percent of the "
        "vote according to Georgia's Central Election Commission.\n\n"
        'Beridze promised to finish the new metro line to the airport before 2029. "The city '
        'voted for trains, not slogans," she told supporters in Freedom Square.\n\n'
        "Her rival Giorgi Lomidze conceded late on Sunday night."
    ),
    "url": "https://caucasuspost.example/tbilisi-mayor-beridze",
    "published": "2026-11-08T21:00:00+00:00",
    "source": "Caucasus Post",
    "author": None,
}

TRADE = {
    "title": "Ankara and Athens agree to reopen ferry route",
    "body": (
        "Türkiye and Greece agreed on Thursday to reopen the ferry route between Izmir and "
        "Chios, closed since the spring, Turkish trade minister Selin Aydın said in Ankara.\n\n"
        "Aydın said the first crossings would run before the end of November. Greek officials "
        "in Athens confirmed the date.\n\n"
        "Exporters in Izmir welcomed the decision, which they said would cut the cost of "
        "shipping fruit to the islands."
    ),
    "url": "https://aegeanledger.example/ferry-izmir-chios",
    "published": "2026-11-12T10:00:00+00:00",
    "source": "Aegean Ledger",
    "author": "Eleni Papas",
}

DUMP = (
    "Flood Waters Recede in Basra After Week of Rain\n\n"
    "Residents wade through a flooded street in Basra on November 4, 2026. (AFP)\n"
    "Residents wade through a flooded street in Basra on November 4, 2026. (AFP)\n"
    "TT\n"
    "20\n\n"
    "Flood Waters Recede in Basra After Week of Rain\n\n"
    "Residents wade through a flooded street in Basra on November 4, 2026. (AFP)\n\n"
    "Flood waters began to recede in Basra on Wednesday after a week of record rain that "
    "forced hundreds of families from their homes along the Shatt al-Arab.\u00a0\n\n"
    "Provincial governor Hamid al-Tamimi said pumps borrowed from Kuwait had cleared most "
    "of the main roads. \u201cThe worst is behind us,\u201d Tamimi said.\n\n"
    "The Iraqi Red Crescent said it had handed out blankets and food parcels to 3,000 "
    "families in the province.\n\n\n\n"
    "Kuwait Sends Second Convoy of Pumps to Iraq\n\n"
    "Kuwaiti trucks cross the border at Safwan. (KUNA)\n"
    "Kuwaiti trucks cross the border at Safwan. (KUNA)\n"
    "TT\n\n"
    "Kuwait Sends Second Convoy of Pumps to Iraq\n\n"
    "Kuwait sent a second convoy of water pumps and generators to southern Iraq on Thursday, "
    "its foreign ministry said, as Basra cleared the last flooded districts.\n\n"
    "The convoy crossed at Safwan and will be handed to the Basra provincial council, the "
    "ministry said in a statement.\n\n"
    "Share this article\n"
    "Comments\n"
    "Add your comment\n"
    "Your email address will not be published.\n"
)

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Nile Desk</title><link>https://niledesk.example/</link><description>News</description>
<item><title>Cairo metro extension opens to passengers</title>
<link>https://niledesk.example/cairo-metro</link>
<pubDate>Mon, 09 Nov 2026 07:00:00 GMT</pubDate><author>desk@niledesk.example (Mona Farag)</author>
<description>&lt;p&gt;The third line of the Cairo metro reached Giza on Monday, transport minister Tarek Selim said.&lt;/p&gt;&lt;p&gt;Selim said trains would run every four minutes at peak hours.&lt;/p&gt;</description>
</item>
<item><title>Alexandria port reports record grain arrivals</title>
<link>https://niledesk.example/alexandria-grain</link>
<pubDate>Tue, 10 Nov 2026 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Alexandria handled more grain in October than in any month since 2019, the port authority said.&lt;/p&gt;</description>
</item>
</channel></rss>
"""


def write_corpus(root: Path) -> dict[str, Path]:
    """Write the fixture inputs under `root`; returns them by name."""
    root.mkdir(parents=True, exist_ok=True)
    jsonl = root / "wire.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps(a, ensure_ascii=False) for a in (WATER_A, WATER_B, ELECTION, TRADE))
        + "\n",
        encoding="utf-8",
    )
    dump = root / "dump.txt"
    dump.write_text(DUMP, encoding="utf-8")
    rss = root / "nile.rss"
    rss.write_text(RSS, encoding="utf-8")
    return {"jsonl": jsonl, "dump": dump, "rss": rss}
