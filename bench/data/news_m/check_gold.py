#!/usr/bin/env python3
"""Check gold.json against the news texts in this folder.

Written for the Dateline project; same licence as the project.

Usage:
    python3 check_gold.py          # structural checks; exit status 1 on any error
    python3 check_gold.py -u       # also list capitalised words that no gold or
                                   # optional string covers (for review by hand)
    python3 check_gold.py -u --all # same, without the small stop-list of
                                   # sentence-initial function words, months, days

Checks:
  * gold.json loads and has "_doc" and "articles";
  * every article file exists, and every NN_*.txt file in the folder is listed;
  * "kind" is "page" or "feed"; "title" equals line 1 of the text exactly;
  * every gold and optional string occurs verbatim in its text, bounded by
    non-word characters (so "Lagos" matches in "Lagos-based" but "Ana" does
    not match inside "Analysts");
  * no string is listed twice in one article (across people/places/orgs/optional);
  * every gold form occurs at least once on its own, not only inside a longer
    gold form of another entity (e.g. 'Sydney' only inside 'Sydney Marchetti'
    is not a mention of the city);
  * no entity is an empty list and no string is empty or has outer spaces;
  * word counts (whitespace-separated tokens of the whole file):
    page 250-700, feed 40-250.
Warnings (not errors): the first form of an entity is not its longest form.
"""

import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
RANGES = {"page": (250, 700), "feed": (40, 250)}
TYPES = ("people", "places", "orgs")

STOP = set(
    [
        "A",
        "An",
        "The",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "From",
        "To",
        "By",
        "With",
        "As",
        "And",
        "But",
        "Or",
        "If",
        "It",
        "Its",
        "It's",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Their",
        "They",
        "We",
        "Our",
        "You",
        "Your",
        "He",
        "His",
        "She",
        "Her",
        "I",
        "My",
        "Me",
        "Us",
        "Who",
        "What",
        "When",
        "Where",
        "Why",
        "How",
        "Which",
        "Some",
        "Many",
        "Most",
        "More",
        "Every",
        "Each",
        "Both",
        "All",
        "No",
        "Not",
        "Now",
        "After",
        "Before",
        "Since",
        "Until",
        "While",
        "Also",
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
    ]
)

WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


def bounded(s):
    return re.compile(r"(?<!\w)" + re.escape(s) + r"(?!\w)")


def occurs(s, text):
    return bounded(s).search(text) is not None


def standalone(s, text, gold_forms):
    """True if s occurs at least once outside every longer gold form of another entity."""
    mine = {e for e, o in gold_forms if o == s}
    longer = [
        o
        for e, o in gold_forms
        if e not in mine and isinstance(o, str) and len(o) > len(s) and s in o
    ]
    spans = [(m.start(), m.end()) for o in longer for m in bounded(o).finditer(text)]
    for m in bounded(s).finditer(text):
        if not any(a <= m.start() and m.end() <= b for a, b in spans):
            return True
    return False


def word_count(text):
    return len(text.split())


def main(argv):
    show_unc = "-u" in argv
    no_stop = "--all" in argv
    errors, warnings = [], []
    path = os.path.join(HERE, "gold.json")
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except Exception as exc:
        print(f"ERROR: gold.json does not load: {exc}")
        return 1
    if not isinstance(gold.get("_doc"), str) or not gold["_doc"].strip():
        errors.append("gold.json: missing or empty _doc")
    arts = gold.get("articles")
    if not isinstance(arts, list) or not arts:
        print("ERROR: gold.json: no articles")
        return 1

    listed = [a.get("file") for a in arts]
    on_disk = sorted(f for f in os.listdir(HERE) if re.match(r"\d\d_.*\.txt$", f))
    for f in on_disk:
        if f not in listed:
            errors.append(f"{f}: text file not listed in gold.json")
    if len(set(listed)) != len(listed):
        errors.append("gold.json: a file is listed twice")

    counts = {"page": 0, "feed": 0}
    ent_counts = {t: 0 for t in TYPES}
    form_counts = {t: 0 for t in TYPES}
    n_opt = 0
    uncovered_report = []

    for art in arts:
        f = art.get("file", "?")
        fp = os.path.join(HERE, f)
        if not os.path.exists(fp):
            errors.append(f"{f}: file missing")
            continue
        with open(fp, encoding="utf-8") as fh:
            text = fh.read()
        if unicodedata.normalize("NFC", text) != text:
            warnings.append(f"{f}: text is not NFC-normalised")
        line1 = text.split("\n", 1)[0]
        if art.get("title") != line1:
            errors.append(f"{f}: title {art.get('title')!r} != line 1 {line1!r}")
        kind = art.get("kind")
        if kind not in RANGES:
            errors.append(f"{f}: bad kind {kind!r}")
        else:
            counts[kind] += 1
            lo, hi = RANGES[kind]
            n = word_count(text)
            if not lo <= n <= hi:
                errors.append(f"{f}: {kind} has {n} words, want {lo}-{hi}")

        seen = {}
        all_strings = []
        gold_forms = []  # (entity id, form)
        for t in TYPES:
            ents = art.get(t)
            if not isinstance(ents, list):
                errors.append(f"{f}: {t} is not a list")
                continue
            for ent in ents:
                if not isinstance(ent, list) or not ent:
                    errors.append(f"{f}: {t}: empty or malformed entity {ent!r}")
                    continue
                ent_counts[t] += 1
                form_counts[t] += len(ent)
                if max(ent, key=len) != ent[0]:
                    warnings.append(f"{f}: {t}: first form {ent[0]!r} is not the longest")
                for s in ent:
                    all_strings.append((t, s))
                    gold_forms.append((id(ent), s))
        opt = art.get("optional", [])
        if not isinstance(opt, list):
            errors.append(f"{f}: optional is not a list")
            opt = []
        n_opt += len(opt)
        for s in opt:
            all_strings.append(("optional", s))

        for where, s in all_strings:
            if not isinstance(s, str) or not s or s != s.strip():
                errors.append(f"{f}: {where}: bad string {s!r}")
                continue
            if s.lower().startswith("the "):
                warnings.append(f"{f}: {where}: {s!r} starts with 'the'")
            if s in seen:
                errors.append(f"{f}: {s!r} listed twice ({seen[s]} and {where})")
            seen[s] = where
            if not occurs(s, text):
                errors.append(f"{f}: {where}: {s!r} does not occur verbatim")
            elif where != "optional" and not standalone(s, text, gold_forms):
                errors.append(f"{f}: {where}: {s!r} occurs only inside a longer listed string")

        if show_unc:
            covered = [False] * len(text)
            for _, s in all_strings:
                if not isinstance(s, str) or not s:
                    continue
                for m in bounded(s).finditer(text):
                    for i in range(m.start(), m.end()):
                        covered[i] = True
            found = {}
            for m in WORD.finditer(text):
                w = m.group(0).rstrip(".'’-")
                if not w or not w[0].isupper():
                    continue
                if any(covered[m.start() : m.start() + len(w)]):
                    continue
                if not no_stop and (w in STOP or w.rstrip("'s’") in STOP):
                    continue
                line = text.count("\n", 0, m.start()) + 1
                found.setdefault(w, []).append(line)
            if found:
                items = ", ".join(f"{w}@{','.join(map(str, ls))}" for w, ls in found.items())
                uncovered_report.append(f"{f}: {items}")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(
        f"articles: {len(arts)} ({counts['page']} page, {counts['feed']} feed); "
        f"entities: "
        + ", ".join(f"{t} {ent_counts[t]} ({form_counts[t]} forms)" for t in TYPES)
        + f"; optional strings: {n_opt}"
    )
    if show_unc:
        print("\nUncovered capitalised words (word@line), review by hand:")
        for r in uncovered_report:
            print(r)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
