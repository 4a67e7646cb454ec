#!/usr/bin/env python3
"""Consistency checker for the news_n entity evaluation set.

Usage:
    python3 check_gold.py        # structural checks; exit status 1 on any problem
    python3 check_gold.py -u     # also list capitalised words that no gold or
                                 # optional string covers (for review by hand)

Checks:
  * gold.json loads and has "_doc" and "articles";
  * every article's file exists, and every NN_*.txt file has an article;
  * "title" equals line 1 of the file exactly; "kind" is "page" or "feed";
  * every gold / optional string occurs verbatim in the text, on word boundaries;
  * no gold string starts with "the " / "The ";
  * no string is listed twice in one article (across people, places, orgs, optional);
  * word counts: page 250-700, feed 40-250 (whitespace-separated tokens of the whole file).

Written for the Dateline project; same licence as the project.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"page": (250, 700), "feed": (40, 250)}
TYPES = ("people", "places", "orgs")

# Function words and furniture that are capitalised only because they start a
# sentence or a line; hidden from the -u listing to keep it readable.
STOP = set(
    [
        "A",
        "An",
        "And",
        "As",
        "At",
        "But",
        "By",
        "For",
        "From",
        "He",
        "Her",
        "His",
        "How",
        "I",
        "If",
        "In",
        "It",
        "Its",
        "Me",
        "My",
        "No",
        "Not",
        "Now",
        "Of",
        "On",
        "One",
        "Or",
        "Our",
        "She",
        "So",
        "That",
        "The",
        "Their",
        "Them",
        "Then",
        "There",
        "These",
        "They",
        "This",
        "Those",
        "To",
        "Two",
        "Three",
        "We",
        "What",
        "When",
        "Where",
        "Which",
        "While",
        "Who",
        "Why",
        "With",
        "You",
        "Your",
        "Yes",
        "Last",
        "After",
        "Before",
        "Since",
        "Until",
        "Some",
        "Many",
        "Most",
        "More",
        "All",
        "Both",
        "Each",
        "Every",
        "Just",
        "Still",
        "Even",
        "Also",
        "Only",
        "Here",
        "Is",
        "Was",
        "Were",
        "Be",
        "Been",
        "Are",
        "Do",
        "Did",
        "Don't",
        "Didn't",
        "It's",
        "I'm",
        "I've",
        "I'd",
        "We'll",
        "We're",
        "We've",
        "You're",
        "You'd",
        "You've",
        "He's",
        "She's",
        "That's",
        "There's",
        "They're",
        "Nobody",
        "Somebody",
        "Everybody",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
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
        "Updated",
        "Published",
        "By",
        "Photo",
        "Photograph",
        "Caption",
        "Pictured",
        "Picture",
        "Related",
        "Read",
        "Source",
        "Sign",
        "Get",
        "Don't",
        "Tickets",
        "Results",
        "Men",
        "Today",
        "Coach",
    ]
)


def occurrences(text, s):
    """Character spans where s occurs in text on word boundaries."""
    pat = r"(?<!\w)" + re.escape(s) + r"(?!\w)"
    return [m.span() for m in re.finditer(pat, text)]


def main(argv):
    show_uncovered = "-u" in argv
    problems = []
    try:
        with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
            gold = json.load(fh)
    except (OSError, ValueError) as exc:
        print("cannot load gold.json:", exc)
        return 1
    if not isinstance(gold.get("_doc"), str) or not gold["_doc"].strip():
        problems.append("gold.json: missing or empty _doc")
    arts = gold.get("articles")
    if not isinstance(arts, list):
        print("gold.json: no articles list")
        return 1

    on_disk = sorted(f for f in os.listdir(HERE) if re.match(r"\d\d_.+\.txt$", f))
    listed = [a.get("file") for a in arts]
    for f in on_disk:
        if f not in listed:
            problems.append(f"{f}: text file has no article in gold.json")
    if len(set(listed)) != len(listed):
        problems.append("gold.json: a file is listed more than once")

    counts = {"page": 0, "feed": 0}
    totals = {t: 0 for t in TYPES}
    totals["optional"] = 0
    uncovered_report = []
    notes = []
    for art in arts:
        f = art.get("file", "?")
        path = os.path.join(HERE, f)
        if not os.path.isfile(path):
            problems.append(f"{f}: file missing")
            continue
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        first = text.split("\n", 1)[0]
        if art.get("title") != first:
            problems.append(f"{f}: title != line 1 ({art.get('title')!r} vs {first!r})")
        kind = art.get("kind")
        if kind not in KINDS:
            problems.append(f"{f}: bad kind {kind!r}")
        else:
            counts[kind] += 1
            lo, hi = KINDS[kind]
            n = len(text.split())
            if not lo <= n <= hi:
                problems.append(f"{f}: {n} words, outside {lo}-{hi} for {kind}")
        seen = {}
        covered = [False] * len(text)
        groups = [(t, g) for t in TYPES for g in art.get(t, [])]
        groups += [("optional", [s]) for s in art.get("optional", [])]
        for t in TYPES:
            if not isinstance(art.get(t), list):
                problems.append(f"{f}: {t} missing or not a list")
        for t, group in groups:
            if not isinstance(group, list) or not group:
                problems.append(f"{f}: empty or malformed {t} entry {group!r}")
                continue
            totals[t] += 1
            for s in group:
                if not isinstance(s, str) or not s.strip() or s != s.strip():
                    problems.append(f"{f}: bad string {s!r} in {t}")
                    continue
                if t != "optional" and re.match(r"(?i)the\s", s):
                    problems.append(f"{f}: {t} string {s!r} starts with 'the'")
                if s in seen:
                    problems.append(f"{f}: {s!r} listed twice ({seen[s]} and {t})")
                seen[s] = t
                spans = occurrences(text, s)
                if not spans:
                    problems.append(f"{f}: {t} string {s!r} not found verbatim")
                for a, b in spans:
                    for i in range(a, b):
                        covered[i] = True
        # A later form that never occurs on its own (only inside a longer
        # listed gold string) is probably redundant: report it as a note.
        all_spans = [
            (sp, x)
            for t0, g in groups
            if t0 != "optional"
            for x in g
            if isinstance(x, str)
            for sp in occurrences(text, x)
        ]
        for t, group in groups:
            if t == "optional" or not isinstance(group, list):
                continue
            for x in group[1:]:
                own = occurrences(text, x)
                if own and all(
                    any(
                        a <= s0 and e0 <= b and (b - a) > (e0 - s0)
                        for (a, b), y in all_spans
                        if y != x
                    )
                    for s0, e0 in own
                ):
                    notes.append(f"{f}: {t} form {x!r} only occurs inside longer listed strings")
        if show_uncovered:
            words = {}
            # Tokens are split at hyphens; a possessive 's is ignored.
            for m in re.finditer(r"[^\W\d_][\w'’.&]*", text):
                w = re.sub(r"['’]s$", "", m.group().rstrip(".'’"))
                if not w or not any(c.isupper() for c in w):
                    continue
                if all(covered[m.start() : m.start() + len(w)]):
                    continue
                if w in STOP:
                    continue
                words[w] = words.get(w, 0) + 1
            if words:
                uncovered_report.append(
                    f"{f}: "
                    + ", ".join(f"{w}" + (f" x{n}" if n > 1 else "") for w, n in words.items())
                )

    for p in problems:
        print("PROBLEM", p)
    for n in notes:
        print("NOTE", n)
    print(
        f"{len(arts)} articles ({counts['page']} page, {counts['feed']} feed); "
        f"entities: {totals['people']} people, {totals['places']} places, "
        f"{totals['orgs']} orgs; {totals['optional']} optional strings"
    )
    if show_uncovered:
        print("\nCapitalised words not covered by any gold/optional string:")
        for line in uncovered_report:
            print(" ", line)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
