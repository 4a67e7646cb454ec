#!/usr/bin/env python3
"""Check gold.json against the texts in this folder.

Written for the Dateline project; same licence as the project.

Usage:  python3 check_gold.py        # structural checks, exit 1 on any problem
        python3 check_gold.py -u     # also list capitalised words that no
                                     # gold/optional string covers (for review by hand)
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RANGES = {"page": (250, 700), "feed": (40, 250)}
TYPES = ("people", "places", "orgs")
# words that are capitalised only because of grammar or furniture; -u skips them
SKIP = set(
    [
        "A",
        "An",
        "The",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "And",
        "But",
        "Or",
        "If",
        "As",
        "By",
        "To",
        "From",
        "With",
        "Without",
        "After",
        "Before",
        "During",
        "Since",
        "Until",
        "While",
        "When",
        "Where",
        "What",
        "Who",
        "Why",
        "How",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
        "Updated",
        "Related",
        "Read",
        "More",
        "Photo",
        "Editing",
        "Reporting",
        "Sign",
        "Subscribe",
        "Newsletter",
        "Source",
        "Share",
        "Advertisement",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Some",
        "Many",
        "Most",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "All",
        "No",
        "Not",
        "There",
        "Here",
        "Last",
        "Next",
        "Other",
        "Both",
        "Each",
        "Even",
        "Also",
        "Only",
        "Still",
        "Yet",
        "So",
        "Then",
        "Now",
        "About",
        "Under",
        "Over",
        "Into",
        "Across",
        "Between",
        "Among",
        "Against",
        "Around",
        "Up",
        "Down",
        "Just",
        "Another",
        "Several",
        "Police",
        "Officials",
        "Residents",
        "Critics",
        "Supporters",
        "Analysts",
        "Under",
        "Despite",
        "Although",
        "Because",
        "However",
        "Meanwhile",
        "Instead",
        "Earlier",
        "Later",
        "Asked",
        "Speaking",
        "According",
        "Minister",
        "President",
    ]
)

WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*", re.UNICODE)


def occurrences(text, s):
    """Spans where s occurs as whole words (not inside a longer word)."""
    out, i = [], text.find(s)
    while i != -1:
        e = i + len(s)
        before = text[i - 1] if i > 0 else " "
        after = text[e] if e < len(text) else " "
        if not (before.isalnum() and s[0].isalnum()) and not (after.isalnum() and s[-1].isalnum()):
            out.append((i, e))
        i = text.find(s, i + 1)
    return out


def main():
    show_uncovered = "-u" in sys.argv[1:]
    problems = []
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    if not isinstance(gold.get("_doc"), str) or not gold["_doc"].strip():
        problems.append("gold.json: _doc missing or empty")
    arts = gold.get("articles", [])
    files = sorted(n for n in os.listdir(HERE) if re.match(r"\d\d_.+\.txt$", n))
    listed = [a.get("file") for a in arts]
    for n in files:
        if n not in listed:
            problems.append(f"{n}: text file not in gold.json")
    for n in listed:
        if n not in files:
            problems.append(f"{n}: in gold.json but no such file")
    if len(set(listed)) != len(listed):
        problems.append("gold.json: a file is listed twice")
    totals = {t: 0 for t in TYPES}
    kinds = {}
    for a in arts:
        fn = a.get("file")
        if fn not in files:
            continue
        with open(os.path.join(HERE, fn), encoding="utf-8") as f:
            text = f.read()
        first = text.split("\n", 1)[0].strip()
        if a.get("title") != first:
            problems.append(f"{fn}: title {a.get('title')!r} != line 1 {first!r}")
        kind = a.get("kind")
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind not in RANGES:
            problems.append(f"{fn}: bad kind {kind!r}")
        else:
            lo, hi = RANGES[kind]
            wc = len(text.split())
            if not lo <= wc <= hi:
                problems.append(f"{fn}: {wc} words, outside {lo}-{hi} for a {kind}")
        seen = {}
        strings = []
        for t in TYPES:
            ents = a.get(t)
            if not isinstance(ents, list):
                problems.append(f"{fn}: {t} missing or not a list")
                continue
            totals[t] += len(ents)
            for ent in ents:
                if not isinstance(ent, list) or not ent:
                    problems.append(f"{fn}: {t}: empty or non-list entity {ent!r}")
                    continue
                for s in ent:
                    strings.append((t, s))
        for s in a.get("optional", []):
            strings.append(("optional", s))
        for t, s in strings:
            if not isinstance(s, str) or not s.strip() or s != s.strip():
                problems.append(f"{fn}: {t}: bad string {s!r}")
                continue
            if s in seen:
                problems.append(f"{fn}: {s!r} listed twice ({seen[s]} and {t})")
            seen[s] = t
            if s not in text:
                problems.append(f"{fn}: {t}: {s!r} not in text")
            elif not occurrences(text, s):
                problems.append(f"{fn}: {t}: {s!r} occurs only inside longer words")
            if re.match(r"(?i)the\s", s) and t != "optional":
                problems.append(f"{fn}: {t}: {s!r} starts with 'the'")
        if show_uncovered:
            covered = [False] * len(text)
            for _, s in strings:
                if isinstance(s, str) and s:
                    for b, e in occurrences(text, s):
                        for k in range(b, e):
                            covered[k] = True
            miss = {}
            for m in WORD.finditer(text):
                w = m.group().rstrip(".'’-")
                if not w or w in SKIP or (w.isupper() and len(w) == 1):
                    continue
                if not any(covered[m.start() : m.start() + len(w)]):
                    miss[w] = miss.get(w, 0) + 1
            if miss:
                print(
                    f"{fn}: uncovered: "
                    + ", ".join(f"{w}×{c}" if c > 1 else w for w, c in sorted(miss.items()))
                )
    for p in problems:
        print("PROBLEM", p)
    ent = sum(totals.values())
    print(
        f"{len(arts)} articles ({', '.join(f'{k}: {v}' for k, v in sorted(kinds.items()))}); "
        f"{ent} entities ({', '.join(f'{t}: {totals[t]}' for t in TYPES)}); "
        f"{len(problems)} problem(s)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
