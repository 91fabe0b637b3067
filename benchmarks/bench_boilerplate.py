"""Boilerplate stripping on scraped text: line-level scores on labelled pages, one run.

Each page has NAME.txt (the text of a page, one line per block, boilerplate included),
NAME.expected.txt (its main-content lines, verbatim) and NAME.meta.json (its visible
metadata). A cleaner turns NAME.txt into text; its output is aligned back to the input
lines, and a line counts as kept when it comes out (compared without white space and after
NFKC, so that normalization does not count as removal). Per page: precision, recall and F1
of the kept main-content lines and of the removed boilerplate lines; the summary is the
macro average. Metadata: the share of the fields of NAME.meta.json that come out exactly
(dates compared as the day they name).

    python benchmarks/bench_boilerplate.py [--pages DIR] [--per-page]

Cleaners compared: zhclean's strip stage (default), the same with ``detect_body=False``
(the lexicon alone), and keeping everything. Last, what the stage removes from clean text
that is no page (People's Daily documents, reviews, Hong Kong transcripts).
"""
from __future__ import annotations

import argparse
import difflib
import json
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"


def _key(line: str) -> str:
    return "".join(unicodedata.normalize("NFKC", line).split())


def _aligned(a: list[str], b: list[str]) -> list[bool]:
    """Which lines of ``a`` have their match in ``b`` (in order)."""
    hit = [False] * len(a)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            hit[block.a + k] = True
    return hit


def score_page(text: str, expected: str, output: str) -> dict[str, float]:
    lines = [_key(x) for x in text.split("\n") if x.strip()]
    main = _aligned(lines, [_key(x) for x in expected.split("\n") if x.strip()])
    out_lines = [_key(x) for x in output.split("\n") if x.strip()]
    kept = _aligned(lines, out_lines)
    joined = "".join(out_lines)
    for i, line in enumerate(lines):  # a line merged into another one still came out
        if not kept[i] and len(line) >= 8 and line in joined:
            kept[i] = True

    def prf(want: list[bool], got: list[bool]) -> tuple[float, float, float]:
        tp = sum(w and g for w, g in zip(want, got))
        p = tp / max(1, sum(got))
        r = tp / max(1, sum(want))
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    mp, mr, mf = prf(main, kept)
    bp, br, bf = prf([not m for m in main], [not k for k in kept])
    return {"lines": len(lines), "main": sum(main), "mainP": mp, "mainR": mr, "mainF": mf,
            "bpP": bp, "bpR": br, "bpF": bf}


def metadata_hits(meta: dict[str, str], got: dict[str, str]) -> tuple[int, int]:
    from zhclean.steps.boilerplate import _normalize_date

    hits = total = 0
    for key, want in meta.items():
        if key == "url":
            continue
        total += 1
        value = got.get(key)
        if key == "date":
            hits += value is not None and _normalize_date(value) == _normalize_date(want)
        else:
            hits += value == want
    return hits, total


def evaluate(cleaner: Callable[[str], tuple[str, dict[str, str]]], pages: Path,
             html: Path | None = None) -> tuple[list[tuple[str, dict[str, float]]], float]:
    """Scores of ``cleaner`` on the pages; with ``html``, it is given NAME.html from there
    (as bytes decoded as UTF-8 by the caller's choice) and scored against NAME.txt."""
    rows = []
    hits = total = 0
    for path in sorted(pages.glob("*.expected.txt")):
        name = path.name[: -len(".expected.txt")]
        text = (pages / f"{name}.txt").read_text(encoding="utf-8")
        if html is not None:
            if not (html / f"{name}.html").exists():
                continue
            output, metadata = cleaner((html / f"{name}.html").read_text(encoding="utf-8"))
        else:
            output, metadata = cleaner(text)
        rows.append((name, score_page(text, path.read_text(encoding="utf-8"), output)))
        meta_path = pages / f"{name}.meta.json"
        if meta_path.exists():
            h, t = metadata_hits(json.loads(meta_path.read_text(encoding="utf-8")), metadata)
            hits, total = hits + h, total + t
    return rows, hits / max(1, total)


def summary(rows: list[tuple[str, dict[str, float]]]) -> dict[str, float]:
    keys = ("mainP", "mainR", "mainF", "bpP", "bpR", "bpF")
    return {k: sum(r[k] for _, r in rows) / len(rows) for k in keys}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=Path, default=PAGES)
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--html", type=Path, default=ROOT.parent / "shared" / "corpus" / "pages",
                    help="a directory with NAME.html for the pages: compares trafilatura alone with "
                         "zhclean's HTML extra (skipped when absent or trafilatura is not installed)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import zhclean
    from zhclean.steps.boilerplate import strip_and_explain

    def ours(text: str, **options: object) -> tuple[str, dict[str, str]]:
        result = strip_and_explain(text, **options)
        return result.text, result.metadata

    cleaners: dict[str, Callable[[str], tuple[str, dict[str, str]]]] = {
        "zhclean strip": ours,
        "zhclean, lexicon only (detect_body=False)": lambda t: ours(t, detect_body=False),
        "keep everything": lambda t: (t, {}),
    }
    print(f"zhclean {zhclean.__version__}; pages: {len(list(args.pages.glob('*.expected.txt')))}")
    print("| cleaner | main P | main R | main F1 | boilerplate P | boilerplate R | boilerplate F1 | metadata |")
    print("|---|---|---|---|---|---|---|---|")
    per_page = None
    for name, cleaner in cleaners.items():
        rows, meta = evaluate(cleaner, args.pages)
        per_page = per_page or rows
        s = summary(rows)
        print(f"| {name} | {s['mainP']:.3f} | {s['mainR']:.3f} | {s['mainF']:.3f} | {s['bpP']:.3f} | "
              f"{s['bpR']:.3f} | {s['bpF']:.3f} | {100 * meta:.1f} % |")
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    if trafilatura is not None and args.html.is_dir() and list(args.html.glob("*.html")):
        from zhclean.integrations.html import clean_html

        def ours_html(page: str) -> tuple[str, dict[str, str]]:
            result = clean_html(page.encode("utf-8"))
            return result.text, result.metadata

        html_cleaners: dict[str, Callable[[str], tuple[str, dict[str, str]]]] = {
            "trafilatura alone (HTML)": lambda page: (trafilatura.extract(page, include_comments=False,
                                                                           include_tables=True) or "", {}),
            "zhclean[html] (HTML)": ours_html,
        }
        for name, cleaner in html_cleaners.items():
            rows, meta = evaluate(cleaner, args.pages, html=args.html)
            s = summary(rows)
            print(f"| {name} | {s['mainP']:.3f} | {s['mainR']:.3f} | {s['mainF']:.3f} | {s['bpP']:.3f} | "
                  f"{s['bpR']:.3f} | {s['bpF']:.3f} | {100 * meta:.1f} % |")
    # Clean text that is no page: what the stage removes there should be bylines and
    # empty fields at most (People's Daily, reviews, Hong Kong transcripts).
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_normalize import text_sets

    print("\n| clean text | lines | removed | by rule |")
    print("|---|---|---|---|")
    for name, docs in text_sets(args.pages).items():
        lines = sum(1 for d in docs for x in d.split("\n") if x.strip())
        rules: dict[str, int] = {}
        for d in docs:
            for r in strip_and_explain(d).removed:
                rules[r.rule] = rules.get(r.rule, 0) + 1
        print(f"| {name} | {lines} | {sum(rules.values())} | {rules} |")
    if args.per_page and per_page:
        print("\n| page | lines | main | main P | main R | main F1 | bp P | bp R | bp F1 |")
        print("|---|---|---|---|---|---|---|---|---|")
        for name, r in per_page:
            print(f"| {name} | {r['lines']} | {r['main']} | {r['mainP']:.3f} | {r['mainR']:.3f} | {r['mainF']:.3f} | "
                  f"{r['bpP']:.3f} | {r['bpR']:.3f} | {r['bpF']:.3f} |")


if __name__ == "__main__":
    main()
