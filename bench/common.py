"""Shared bench helpers: percentiles, Rich tables, and a synthetic news corpus of any size.

Benchmarks print ratios and percentiles as tables; nothing here asserts a time.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rich.console import Console
from rich.table import Table

console = Console(highlight=False)

FIRST = [
    "Karim",
    "Leila",
    "Omar",
    "Dana",
    "Selin",
    "Nino",
    "Tarek",
    "Mona",
    "Yusuf",
    "Hala",
    "Giorgi",
    "Eleni",
    "Rami",
    "Ayşe",
    "Farid",
    "Noor",
    "Samir",
    "Lina",
    "Bassam",
    "Rania",
]
LAST = [
    "al-Jabouri",
    "Haddad",
    "Rahim",
    "Aydın",
    "Beridze",
    "Selim",
    "Farag",
    "Khoury",
    "Kılıç",
    "Lomidze",
    "Papas",
    "Nasser",
    "al-Tamimi",
    "Darwish",
    "Saleh",
    "Mansour",
]
PLACES = [
    "Mosul",
    "Basra",
    "Baghdad",
    "Aleppo",
    "Damascus",
    "Amman",
    "Beirut",
    "Ankara",
    "Izmir",
    "Tbilisi",
    "Cairo",
    "Alexandria",
    "Erbil",
    "Kirkuk",
    "Homs",
    "Tripoli",
]
ORGS = [
    "National Water Authority",
    "Red Crescent",
    "Central Election Commission",
    "Ministry of Trade",
    "Port Authority",
    "World Food Programme",
    "Chamber of Commerce",
]
TOPICS = {
    "water": "pipeline reservoir drought pumps river flow rationing tanker canal dam",
    "election": "vote ballot candidate turnout campaign mayor council coalition poll count",
    "trade": "ferry exports tariff shipping port grain customs market prices freight",
    "security": "border patrol convoy checkpoint forces militia offensive ceasefire troops",
    "health": "hospital clinic vaccine outbreak doctors beds supplies cholera wards",
}


def synthetic_articles(n: int, seed: int = 7) -> list[dict]:
    """`n` wire-style articles (~250–700 words) with recurring people, places and orgs."""
    rng = random.Random(seed)
    people = [f"{f} {l}" for f in FIRST for l in LAST]  # noqa: E741
    start = datetime(2026, 1, 1, tzinfo=UTC)
    out = []
    for i in range(n):
        topic = rng.choice(list(TOPICS))
        words = TOPICS[topic].split()
        who = rng.sample(people, 3)
        where = rng.sample(PLACES, 2)
        org = rng.choice(ORGS)
        paras = [
            f"{who[0]}, a senior official in {where[0]}, said on Monday that the {org} would "
            f"review the {rng.choice(words)} plan after weeks of complaints.",
        ]
        for _ in range(rng.randint(5, 12)):
            bag = " ".join(rng.choice(words) for _ in range(rng.randint(8, 16)))
            paras.append(
                f"{who[0].split()[-1]} told reporters in {rng.choice(where)} that the {bag} "
                f"would matter for {rng.choice(where)}. {who[1]} of the {org} said the "
                f"{rng.choice(words)} figures would be published next week, while {who[2]} "
                f"warned that {rng.choice(words)} and {rng.choice(words)} remained a concern."
            )
        out.append({
            "title": f"{where[0]} {rng.choice(words)} {rng.choice(words)}: {who[0]} speaks",
            "body": "\n\n".join(paras),
            "url": f"https://bench.example/{topic}/{i}",
            "published": (start + timedelta(hours=7 * i)).isoformat(),
            "source": rng.choice(["Levant Wire", "Gulf Daily Monitor", "Caucasus Post"]),
        })  # fmt: skip
    return out


def write_jsonl(articles: Sequence[dict], path: Path) -> Path:
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles) + "\n")
    return path


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return samples


def pct(samples: Sequence[float], p: float) -> float:
    ordered = sorted(samples)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary_row(name: str, samples: Sequence[float]) -> list[str]:
    return [
        name,
        str(len(samples)),
        f"{pct(samples, 50):.1f}",
        f"{pct(samples, 95):.1f}",
        f"{max(samples):.1f}",
        f"{statistics.fmean(samples):.1f}",
    ]


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = Table(title=title, title_justify="left")
    for i, h in enumerate(headers):
        table.add_column(h, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(*row)
    console.print(table)


LATENCY_HEADERS = ("what", "n", "p50 ms", "p95 ms", "max ms", "mean ms")
