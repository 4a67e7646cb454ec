#!/usr/bin/env python3
"""Check gold.json against the texts in this folder.

Written for the Dateline project; same licence as the project.

Usage: python3 check_gold.py [-u]
  -u  also list capitalised words that no gold/optional string covers
      (for review by hand; most are sentence starts, demonyms, titles...).
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RANGES = {"page": (250, 700), "feed": (40, 250)}
TYPES = ("people", "places", "orgs")
# words that are capitalised for grammatical reasons; hidden from -u output
COMMON = set(
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
        "After",
        "Before",
        "During",
        "When",
        "While",
        "Where",
        "Who",
        "What",
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
        "There",
        "Here",
        "Some",
        "Many",
        "Most",
        "Few",
        "All",
        "Both",
        "Each",
        "Every",
        "No",
        "Not",
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
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Sir",
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
        "Updated",
        "Related",
        "Read",
        "Photo",
        "Sign",
        "Editing",
        "Reporting",
        "Additional",
        "Source",
        "Yet",
        "So",
        "Than",
        "Then",
        "Also",
        "Still",
        "Under",
        "Over",
        "Since",
        "Until",
        "Last",
        "Next",
        "More",
        "Meanwhile",
        "However",
        "Asked",
        "Police",
    ]
)


def fail(problems, msg):
    problems.append(msg)


def main(argv):
    show_uncovered = "-u" in argv
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    problems = []
    if not isinstance(gold.get("_doc"), str) or not gold["_doc"].strip():
        fail(problems, "_doc missing")
    arts = gold.get("articles", [])
    seen_files = set()
    counts = {t: 0 for t in TYPES}
    counts["optional"] = 0
    kinds = {"page": 0, "feed": 0}
    for art in arts:
        fname = art.get("file", "?")
        if fname in seen_files:
            fail(problems, f"{fname}: listed twice")
        seen_files.add(fname)
        path = os.path.join(HERE, fname)
        if not os.path.exists(path):
            fail(problems, f"{fname}: file missing")
            continue
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        first = text.split("\n", 1)[0]
        if art.get("title") != first:
            fail(problems, f"{fname}: title != line 1: {art.get('title')!r} vs {first!r}")
        kind = art.get("kind")
        if kind not in RANGES:
            fail(problems, f"{fname}: bad kind {kind!r}")
        else:
            kinds[kind] += 1
            n = len(text.split())
            lo, hi = RANGES[kind]
            if not lo <= n <= hi:
                fail(problems, f"{fname}: {n} words, {kind} wants {lo}-{hi}")
        strings = []
        for t in TYPES:
            ents = art.get(t)
            if not isinstance(ents, list):
                fail(problems, f"{fname}: {t} missing")
                continue
            counts[t] += len(ents)
            for ent in ents:
                if not isinstance(ent, list) or not ent:
                    fail(problems, f"{fname}: {t} entry not a non-empty list: {ent!r}")
                    continue
                if max(ent, key=len) != ent[0] and len(ent[0]) < max(len(s) for s in ent):
                    print(f"note {fname}: {t} {ent[0]!r} is not the longest form", file=sys.stderr)
                strings.extend(ent)
        opt = art.get("optional", [])
        counts["optional"] += len(opt)
        strings.extend(opt)
        seen = set()
        for s in strings:
            if not isinstance(s, str) or not s.strip():
                fail(problems, f"{fname}: empty/non-string {s!r}")
                continue
            if s in seen:
                fail(problems, f"{fname}: {s!r} listed twice")
            seen.add(s)
            if s not in text:
                fail(problems, f"{fname}: {s!r} not in text")
            if s.lower().startswith("the "):
                fail(problems, f"{fname}: {s!r} has a leading 'the'")
            if s != s.strip():
                fail(problems, f"{fname}: {s!r} has outer spaces")
        if show_uncovered:
            covered = [False] * len(text)
            for s in seen:
                for m in re.finditer(re.escape(s), text):
                    for i in range(m.start(), m.end()):
                        covered[i] = True
            loose = []
            for m in re.finditer(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*", text):
                word = m.group().rstrip(".'’-")
                if word in COMMON or (m.start() < len(first) and False):
                    continue
                if not any(covered[m.start() : m.end()]):
                    loose.append(word)
            if loose:
                print(f"{fname}: " + ", ".join(dict.fromkeys(loose)))
    expected = {f for f in os.listdir(HERE) if re.match(r"\d\d_.*\.txt$", f)}
    for f in sorted(expected - seen_files):
        fail(problems, f"{f}: text has no gold entry")
    for p in problems:
        print("PROBLEM", p)
    print(
        f"{len(arts)} articles ({kinds['page']} page, {kinds['feed']} feed); "
        + ", ".join(f"{k} {v}" for k, v in counts.items())
        + f"; {len(problems)} problem(s)"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
