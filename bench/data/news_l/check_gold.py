#!/usr/bin/env python3
"""Check gold.json against the texts in this folder.

Written for the Dateline project; same licence as the project.

Usage:
    python3 check_gold.py        # structural checks; exit status 1 on any error
    python3 check_gold.py -u     # also list capitalised words that no gold or
                                 # optional string covers (for review by hand)

Checks: the JSON loads; every article file exists and every NN_*.txt file is
listed; "title" equals line 1 of the file exactly; "kind" is page or feed and
the word count is in range (page 250-700, feed 40-250); every gold and
optional string occurs verbatim in its text, at least once at word boundaries;
no string is listed twice within an article (across people, places, orgs and
optional); no gold string starts with "the "/"The " (except "The Hague");
warnings: the first form of an entity is shorter than another form, or a gold
string never occurs outside a longer gold string.
"""

import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
RANGES = {"page": (250, 700), "feed": (40, 250)}
TYPES = ("people", "places", "orgs")

# Capitalised words that are never worth reporting with -u.
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
        "Hers",
        "His",
        "How",
        "I",
        "If",
        "In",
        "Into",
        "It",
        "Its",
        "Last",
        "Many",
        "Most",
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
        "Some",
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
        "Three",
        "Tonight",
        "Today",
        "Two",
        "Under",
        "We",
        "What",
        "When",
        "Where",
        "Whether",
        "Which",
        "While",
        "Who",
        "Why",
        "With",
        "You",
        "Your",
        "Yes",
        "Still",
        "Every",
        "Everybody",
        "Nobody",
        "Five",
        "Four",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Eleven",
        "Seventeen",
        "Twenty",
        "Thirty",
        "First",
        "Second",
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
        "Related",
        "Read",
        "Photo",
        "Photograph",
        "Photographs",
        "Caption",
        "Source",
        "Sign",
        "Editing",
        "Reporting",
        "Credit",
        "PHOTO",
    ]
)

WORD = re.compile(r"[^\W\d_][\w'’.&-]*", re.UNICODE)


def is_boundary(text, i, j):
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    return not (before.isalnum()) and not (after.isalnum())


def occurrences(text, s):
    out, start = [], 0
    while True:
        k = text.find(s, start)
        if k < 0:
            return out
        out.append((k, k + len(s)))
        start = k + 1


def main(argv):
    show_uncovered = "-u" in argv
    errors, warnings = [], []
    path = os.path.join(HERE, "gold.json")
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except Exception as exc:
        print(f"ERROR: gold.json does not load: {exc}")
        return 1
    if not isinstance(gold.get("_doc"), str) or not gold["_doc"].strip():
        errors.append("gold.json: _doc missing or empty")
    arts = gold.get("articles", [])
    listed = [a.get("file") for a in arts]
    on_disk = sorted(f for f in os.listdir(HERE) if re.match(r"\d\d_.+\.txt$", f))
    for f in on_disk:
        if f not in listed:
            errors.append(f"{f}: on disk but not in gold.json")
    if len(set(listed)) != len(listed):
        errors.append("gold.json: a file is listed twice")

    counts = {t: 0 for t in TYPES}
    counts["optional"] = 0
    kinds = {"page": 0, "feed": 0}
    for art in arts:
        fname = art.get("file", "?")
        fpath = os.path.join(HERE, fname)
        if not os.path.exists(fpath):
            errors.append(f"{fname}: file missing")
            continue
        with open(fpath, encoding="utf-8") as fh:
            text = fh.read()
        if unicodedata.normalize("NFC", text) != text:
            warnings.append(f"{fname}: text is not NFC-normalised")
        line1 = text.split("\n", 1)[0]
        if art.get("title") != line1:
            errors.append(f"{fname}: title does not match line 1")
        kind = art.get("kind")
        if kind not in RANGES:
            errors.append(f"{fname}: bad kind {kind!r}")
        else:
            kinds[kind] += 1
            lo, hi = RANGES[kind]
            n = len(text.split())
            if not lo <= n <= hi:
                errors.append(f"{fname}: {n} words, outside {lo}-{hi} for {kind}")
        seen = {}
        all_strings = []
        for t in TYPES:
            ents = art.get(t)
            if not isinstance(ents, list):
                errors.append(f"{fname}: {t} is not a list")
                continue
            counts[t] += len(ents)
            for ent in ents:
                if not isinstance(ent, list) or not ent or not all(isinstance(s, str) for s in ent):
                    errors.append(f"{fname}: {t}: malformed entity {ent!r}")
                    continue
                if any(len(s) > len(ent[0]) for s in ent[1:]):
                    warnings.append(f"{fname}: {t}: first form is not the longest: {ent!r}")
                for s in ent:
                    all_strings.append((t, s))
        opt = art.get("optional", [])
        if not isinstance(opt, list):
            errors.append(f"{fname}: optional is not a list")
            opt = []
        counts["optional"] += len(opt)
        all_strings += [("optional", s) for s in opt]
        for t, s in all_strings:
            if s in seen:
                errors.append(f"{fname}: {s!r} listed twice ({seen[s]} and {t})")
            seen[s] = t
            if s != s.strip() or not s:
                errors.append(f"{fname}: {t}: {s!r} has stray whitespace or is empty")
            occ = occurrences(text, s)
            if not occ:
                errors.append(f"{fname}: {t}: {s!r} not found in text")
                continue
            if not any(is_boundary(text, i, j) for i, j in occ):
                errors.append(f"{fname}: {t}: {s!r} only occurs inside a longer word")
            if t != "optional" and re.match(r"(?i)the ", s) and s not in ("The Hague", "THE HAGUE"):
                errors.append(f"{fname}: {t}: {s!r} starts with 'the'")

        # a gold string should be found at least once outside every other,
        # longer gold string (else it is only ever part of another name)
        for t, s in all_strings:
            if t == "optional":
                continue
            longer = [o for t2, o in all_strings if t2 != "optional" and len(o) > len(s) and s in o]
            spans = [sp for o in longer for sp in occurrences(text, o)]
            free = [
                (i, j)
                for i, j in occurrences(text, s)
                if is_boundary(text, i, j) and not any(a <= i and j <= b for a, b in spans)
            ]
            if not free:
                warnings.append(f"{fname}: {t}: {s!r} only occurs inside longer listed strings")

        if show_uncovered:
            covered = bytearray(len(text))
            for _, s in all_strings:
                for i, j in occurrences(text, s):
                    for k in range(i, j):
                        covered[k] = 1
            found = {}
            for m in WORD.finditer(text):
                word = m.group(0)
                # check each hyphen-separated part, minus a possessive ending
                pos = m.start()
                for part in word.split("-"):
                    start, pos = pos, pos + len(part) + 1
                    w = re.sub(r"['’]s?$", "", part.rstrip(".")).rstrip(".")
                    if not w or not w[0].isupper() or w in STOP:
                        continue
                    if all(covered[start : start + len(w)]):
                        continue
                    found[w] = found.get(w, 0) + 1
            if found:
                words = ", ".join(
                    f"{w}" + (f"×{c}" if c > 1 else "") for w, c in sorted(found.items())
                )
                print(f"-u {fname}: {words}")

    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(
        f"{len(arts)} articles ({kinds['page']} page, {kinds['feed']} feed); "
        f"entities: {counts['people']} people, {counts['places']} places, "
        f"{counts['orgs']} orgs; {counts['optional']} optional strings; "
        f"{len(errors)} errors, {len(warnings)} warnings"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
