#!/usr/bin/env python3
"""Check gold.json against the texts in this folder with the project's shared checker
(`bench/goldcheck.py`, which lists the checks). Written for the Dateline project; same licence
as the project.

Usage: python3 check_gold.py [-u]
  -u  also list capitalised words that no gold/optional string covers, for review by hand.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.goldcheck import main  # noqa: E402

sys.exit(main(HERE, sys.argv[1:]))
