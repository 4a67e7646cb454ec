"""The one checker of the invented news sets' gold (`bench/data/news_*/gold.json`).

Each set's `check_gold.py` runs this on its own folder; every set was written by a colleague
who checked it with a checker of their own, and those had become five near-copies. What a set's
gold must satisfy, for `bench.entities` to score against it fairly:

- `gold.json` loads and has `_doc` and `articles`; every article's file exists, and every
  `NN_*.txt` of the folder is listed;
- `kind` is `page` or `feed`, and `title` is the text's first line exactly;
- every gold and optional string occurs verbatim in its text as whole words ("Lagos" in
  "Lagos-based", never "Ana" inside "Analysts") and has no outer spaces;
- no string is listed twice in one article (across people, places, orgs and optional);
- no entity is an empty list.

Warnings, not errors: a text's word count outside its kind's range (pages 250-700, feeds
40-250), a string that occurs only in another case (the oldest sets list "Karachi" for a
dateline's "KARACHI"), a gold string opening with "the" ("The Sahel Ledger"), an entity whose
first form is not its longest, a gold form that occurs only inside a longer gold form of
another entity. With `-u` it also lists the capitalised words no gold or
optional string covers, for a careful reader to review by hand.

    python3 bench/data/news_x/check_gold.py [-u]
    python -m bench.goldcheck FOLDER [-u]
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

TYPES = ("people", "places", "orgs")
RANGES = {"page": (250, 700), "feed": (40, 250)}
#: Capitalised for grammar, not names: hidden from the `-u` list.
_GRAMMAR = frozenset(
    re.findall(
        r"\S+",
        "A An The In On At Of For And But Or If As By To From With After Before During When While "
        "Where Who What Why How This That These Those It Its He She They We I You His Her Their Our "
        "There Here Some Many Most Few All Both Each Every No Not One Two Three Four Five Six Seven "
        "Eight Nine Ten Mr Mrs Ms Dr Sir Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
        "January February March April May June July August September October November December "
        "Updated Related Read Photo Sign Editing Reporting Additional Source Yet",
    )
)
_WORD = re.compile(r"[A-ZÀ-ÞĀ-Ž][\w’'-]*")
_THE = re.compile(r"the ", re.IGNORECASE)


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _whole(string: str) -> str:
    """A pattern for `string` as whole words (a hyphen is an edge: "Lagos" in "Lagos-based")."""
    return rf"(?<!\w){re.escape(string)}(?!\w)"


def occurs(text: str, string: str) -> bool:
    """`string` in `text` as whole words."""
    return re.search(_whole(string), text) is not None


def check(folder: Path, *, uncovered: bool = False) -> Report:
    """Everything the module's docstring lists, for the set in `folder`."""
    report = Report()
    try:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        report.errors.append(f"gold.json: {exc}")
        return report
    if not isinstance(gold, dict) or "_doc" not in gold or "articles" not in gold:
        report.errors.append('gold.json: needs "_doc" and "articles"')
        return report
    listed = {a.get("file") for a in gold["articles"]}
    for path in sorted(folder.glob("[0-9][0-9]_*.txt")):
        if path.name not in listed:
            report.errors.append(f"{path.name}: not listed in gold.json")
    for article in gold["articles"]:
        _check_article(folder, article, report, uncovered=uncovered)
    return report


def _check_article(folder: Path, article: dict, report: Report, *, uncovered: bool) -> None:
    name = str(article.get("file"))
    path = folder / name
    if not path.is_file():
        report.errors.append(f"{name}: no such file")
        return
    text = path.read_text(encoding="utf-8")
    kind = article.get("kind")
    if kind not in RANGES:
        report.errors.append(f"{name}: kind {kind!r} is neither page nor feed")
    else:
        report.counts[kind] = report.counts.get(kind, 0) + 1
        low, high = RANGES[kind]
        words = len(text.split())
        if not low <= words <= high:
            report.warnings.append(f"{name}: {words} words, outside {low}-{high} for a {kind}")
    if article.get("title") != text.split("\n", 1)[0]:
        report.errors.append(f"{name}: title is not the text's first line")
    seen: set[str] = set()
    strings: list[str] = []
    for type_ in TYPES:
        for entity in article.get(type_, []):
            report.counts[type_] = report.counts.get(type_, 0) + 1
            if not entity:
                report.errors.append(f"{name}: an empty entity in {type_}")
                continue
            if max(entity, key=len) != entity[0]:
                report.warnings.append(f"{name}: {type_} {entity[0]!r} is not the longest form")
            strings += entity
    optional = list(article.get("optional", []))
    for string in strings + optional:
        if not string or string != string.strip():
            report.errors.append(f"{name}: {string!r} is empty or has outer spaces")
        elif string in seen:
            report.errors.append(f"{name}: {string!r} is listed twice")
        elif not occurs(text, string):
            if occurs(text.casefold(), string.casefold()):  # "Karachi" of "KARACHI, May 2 —"
                report.warnings.append(f"{name}: {string!r} occurs only in another case")
            else:
                report.errors.append(f"{name}: {string!r} does not occur as whole words")
        elif string in strings and _THE.match(string) and string.casefold() != "the hague":
            # an outlet may open its name with it ("The Sahel Ledger"); most gold leaves it out
            report.warnings.append(f"{name}: {string!r} starts with the article")
        seen.add(string)
    for string in strings:
        longer = [s for s in strings if s != string and string in s]
        if longer and not occurs(_blank(text, longer), string):
            report.warnings.append(f"{name}: {string!r} occurs only inside {longer[0]!r}")
    if uncovered:
        covered = _blank(text, sorted(strings + optional, key=len, reverse=True))
        report.uncovered += [
            f"{name}: {w}" for w in dict.fromkeys(_WORD.findall(covered)) if w not in _GRAMMAR
        ]


def _blank(text: str, strings: list[str]) -> str:
    """`text` with every occurrence of `strings` blanked out, longest first."""
    for string in sorted(strings, key=len, reverse=True):
        text = re.sub(_whole(string), " ", text)
    return text


def main(folder: Path, argv: list[str]) -> int:
    report = check(folder, uncovered="-u" in argv)
    for line in report.errors:
        print("error  ", line)
    for line in report.warnings:
        print("warning", line)
    for line in report.uncovered:
        print("review ", line)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(report.counts.items()))
    print(
        f"{folder.name}: {counts}; {len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    )
    return 1 if report.errors else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    sys.exit(main(Path(args[0]) if args else Path.cwd(), sys.argv[1:]))
