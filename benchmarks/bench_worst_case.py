"""Worst-case inputs: the time of zhclean.clean at sizes x1, x10, x100, and its growth.

Each input is built to stress one part: a single line with no break, a million blank lines,
repeated mojibake-looking pairs, nested brackets, escapes, spaced characters, Latin-1 runs,
replacement characters. Linear time means a growth near 10 from one size to the next; a
regular expression that backtracks shows 100 and more.

    python benchmarks/bench_worst_case.py [--base 10000]
"""
from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import zhclean

CASES: dict[str, Callable[[int], str]] = {
    "one line of prose, no break": lambda n: ("中华人民共和国成立以来，经济社会发展取得了举世瞩目的成就。" * n)[:n],
    "blank lines": lambda n: "\n" * n,
    "mojibake-looking pair": lambda n: ("浣犲" * n)[:n],
    "nested brackets": lambda n: "（" * (n // 2) + "）" * (n // 2),
    "ASCII brackets after Chinese": lambda n: ("中(" * n)[:n],
    "Latin with full-width commas": lambda n: ("a，" * n)[:n],
    "digits with full-width commas": lambda n: ("1，" * n)[:n],
    "spaced Chinese": lambda n: ("中 " * n)[:n],
    "entities": lambda n: ("&amp;" * n)[:n],
    "percent escapes": lambda n: ("%E4%B8%AD" * n)[:n],
    "unicode escapes": lambda n: ("\\u4e2d" * n)[:n],
    "Latin-1 run": lambda n: ("å»º" * n)[:n],
    "replacement characters": lambda n: ("\ufffd?" * n)[:n],
    "ruby-looking glosses": lambda n: ("業(yè)" * n)[:n],
    "a long ASCII word": lambda n: "a" * n,
    "short lines (a page)": lambda n: ("首页\n" * n)[:n],
    "code fence opened, never closed": lambda n: "```\n" + ("中文, x\n" * n)[:n],
    "indented lines": lambda n: ("    中文,x\n" * n)[:n],
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=int, default=10000, help="characters at x1")
    args = ap.parse_args()
    sizes = [args.base, args.base * 10, args.base * 100]
    print("| input | " + " | ".join(f"{s:,} chars (s)" for s in sizes) + " | growth x10 | growth x100 |")
    print("|---|" + "---|" * (len(sizes) + 2))
    worst = 0.0
    for name, make in CASES.items():
        times = []
        for size in sizes:
            text = make(size)
            t0 = time.perf_counter()
            zhclean.clean(text)
            times.append(time.perf_counter() - t0)
        g1 = times[1] / max(times[0], 1e-6)
        g2 = times[2] / max(times[1], 1e-6)
        worst = max(worst, g1, g2)
        print(f"| {name} | " + " | ".join(f"{t:.3f}" for t in times) + f" | {g1:.1f} | {g2:.1f} |")
    print(f"\nworst growth for a tenfold size: {worst:.1f} (linear: about 10)")


if __name__ == "__main__":
    main()
