from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

import zhclean
from zhclean.config import read_phrases
from zhclean.steps import script as script_mod


@pytest.mark.parametrize("text,verdict", [
    ("中华人民共和国成立了", "simplified"),
    ("這是繁體中文的句子", "traditional"),
    ("中文", "both"),
    ("", "none"),
    ("hello world", "none"),
    ("日本語のテキストです", "japanese"),
    ("대한민국의 수도는 서울입니다", "korean"),
    ("这是简体的句子。這是繁體的句子。", "mixed"),
    ("曹操与鍾繇谈话", "simplified"),  # one stray Traditional character is not "mixed"
])
def test_detect(text: str, verdict: str) -> None:
    assert zhclean.detect_script(text).script == verdict


def test_detect_counts() -> None:
    v = zhclean.detect_script("发展與發展")
    assert v.counts["simplified"] == 1 and v.counts["traditional"] == 2 and v.counts["han"] == 5


@pytest.mark.parametrize("target,text,expected", [
    ("zh-hans", "鋼鐵新城", "钢铁新城"),
    ("zh-hant", "钢铁新城", "鋼鐵新城"),
    ("traditional", "后来", "後來"),
    ("simplified", "後來", "后来"),
    ("zh-tw", "头发", "頭髮"),
    ("zh-hk", "着力", "着力"),
    ("keep", "後來", "後來"),
])
def test_convert(target: str, text: str, expected: str) -> None:
    assert zhclean.convert_script(text, target) == expected


@pytest.mark.parametrize("trad,simp", [
    ("著力點", "着力点"), ("隨著", "随着"), ("看著他", "看着他"), ("著名作家", "著名作家"),
    ("著作權", "著作权"), ("顯著", "显著"), ("土著", "土著"),
])
def test_zhu_correction(trad: str, simp: str) -> None:
    assert zhclean.convert_script(trad, "zh-hans") == simp


def test_japanese_korean_urls_never_converted() -> None:
    text = "経済産業省の図書館\n大韓民國의 首都\n見 https://example.com/後來/頁面 或 郵件 後來@example.com 後來"
    out = zhclean.convert_script(text, "zh-hans")
    lines = out.split("\n")
    assert lines[0] == "経済産業省の図書館"
    assert lines[1] == "大韓民國의 首都"
    assert "https://example.com/後來/頁面" in lines[2] and "後來@example.com" in lines[2]
    assert lines[2].startswith("见") and lines[2].endswith("后来")


def test_auto_converts_only_mixed_text() -> None:
    simp = "我们要更好地坚持以经济建设为中心。"
    trad = "我們要更好地堅持以經濟建設為中心。"
    assert zhclean.convert_script(simp, "auto") == simp
    assert zhclean.convert_script(trad, "auto") == trad
    mixed = "\n".join([simp, simp, trad])
    assert zhclean.convert_script(mixed, "auto") == "\n".join([simp, simp, simp])


def test_bad_target() -> None:
    with pytest.raises(zhclean.ConfigError, match="unknown script target"):
        zhclean.convert_script("x", "klingon")


def test_report_names_engine() -> None:
    _, changes = script_mod.convert_script_and_explain("後來", "zh-hans")
    assert "OpenCC" in changes[0].detail or "reimplemented" in changes[0].detail


def test_works_with_reimplemented_opencc(monkeypatch: pytest.MonkeyPatch) -> None:
    """opencc-python-reimplemented has OpenCC(config) with names like 't2s' and no clib."""
    import opencc as real

    class Reimplemented:
        def __init__(self, config: str) -> None:
            if config.endswith(".json"):
                raise ValueError("this engine takes 't2s', not 't2s.json'")
            self.inner = real.OpenCC(config)

        def convert(self, text: str) -> str:
            return str(self.inner.convert(text))

    fake = types.ModuleType("opencc")
    fake.OpenCC = Reimplemented  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "opencc", fake)
    script_mod._converter.cache_clear()
    try:
        assert script_mod.engine() == "opencc-python-reimplemented"
        out, changes = script_mod.convert_script_and_explain("後來", "zh-hans")
        assert out == "后来"
        assert "reimplemented" in changes[0].detail
    finally:
        script_mod._converter.cache_clear()


def test_paragraph_verdicts_and_offsets() -> None:
    text = "这是简体的句子。\n\n這是繁體的句子。\nhello"
    v = zhclean.detect_script(text)
    assert v.script == "mixed"
    assert [(text[p.start:p.end], p.script) for p in v.paragraphs] == [
        ("这是简体的句子。", "simplified"), ("這是繁體的句子。", "traditional")]


def test_one_traditional_paragraph_among_simplified_makes_it_mixed() -> None:
    simp = "我们要更好地坚持以经济建设为中心，这是党的基本路线的核心内容。"
    text = "\n".join([simp] * 8 + ["我們要更好地堅持以經濟建設為中心。"])
    assert zhclean.detect_script(text).script == "mixed"
    assert zhclean.convert_script(text, "auto") == "\n".join([simp] * 8 + ["我们要更好地坚持以经济建设为中心。"])


@pytest.mark.parametrize("text,region", [
    ("佢哋喺度講緊嘢，我唔係好明白佢講乜。", "hk"),
    ("他説這個衞生問題要解決。", "hk"),
    ("在這裡看著他啟動程式。", "tw"),
    ("這是繁體中文。", None),
    ("这是简体中文。", None),
])
def test_region(text: str, region: str | None) -> None:
    assert zhclean.detect_script(text).region == region


def test_cantonese_particles_are_not_simplified() -> None:
    assert zhclean.detect_script("我哋食晒啲嘢先，你等吓我，我去揾佢。").script == "traditional"


def test_code_is_never_converted() -> None:
    text = "说明：\n```\nprint('后来')\n```\n用 `后来` 表示后来。"
    assert zhclean.convert_script(text, "zh-hant") == "說明：\n```\nprint('后来')\n```\n用 `后来` 表示後來。"


@pytest.mark.parametrize("simp,trad", [
    ("范先生说", "范先生說"), ("范女士来了", "范女士來了"), ("他姓于", "他姓于"), ("模范", "模範"), ("于是", "於是"),
])
def test_surname_corrections(simp: str, trad: str) -> None:
    assert zhclean.convert_script(simp, "zh-hant") == trad


@pytest.mark.parametrize("trad,simp", [("见微知著", "见微知著"), ("執著", "执着"), ("顯著", "显著")])
def test_more_zhu(trad: str, simp: str) -> None:
    assert zhclean.convert_script(trad, "zh-hans") == simp


def test_japanese_zhu_untouched() -> None:
    assert zhclean.convert_script("著しい進歩と顯著な成果", "zh-hans") == "著しい進歩と顯著な成果"


def test_context_dependent_characters_are_reported() -> None:
    _, changes = script_mod.convert_script_and_explain("头发和发展都干净", "zh-hant")
    flags = [c.detail for c in changes if c.action == "flag"]
    assert flags and "发" in flags[0] and "干" in flags[0]


def test_user_phrases() -> None:
    assert zhclean.convert_script("據蘋果日報報道", "zh-hans", phrases=[("蘋果日報", "蘋果日報")]) == "据蘋果日報报道"
    assert zhclean.clean("据苹果日报报道", script="zh-hant", phrases=(("苹果日报", "蘋果日報"),)) == "據蘋果日報報道"


def test_phrases_file(tmp_path: Path) -> None:
    f = tmp_path / "phrases.tsv"
    f.write_text("# mine\n蘋果日報\t蘋果日報\n", encoding="utf-8")
    assert read_phrases(str(f)) == (("蘋果日報", "蘋果日報"),)
    bad = tmp_path / "bad.tsv"
    bad.write_text("no tab here\n", encoding="utf-8")
    with pytest.raises(zhclean.ConfigError, match="line 1"):
        read_phrases(str(bad))


def test_conversion_matches_opencc_on_real_text() -> None:
    """The sample pages of this repository, to every target: OpenCC's output, but where
    zhclean's corrections apply."""
    import opencc

    from conftest import SAMPLES

    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.expected*.txt")))
    for target, config in (("zh-hant", "s2t"), ("zh-tw", "s2tw"), ("zh-hk", "s2hk"), ("zh-hans", "t2s")):
        source = text if target != "zh-hans" else opencc.OpenCC("s2t").convert(text)
        ours = zhclean.convert_script(source, target)
        theirs = opencc.OpenCC(config).convert(source)
        differing = [(a, b) for a, b in zip(ours.split("\n"), theirs.split("\n")) if a != b]
        assert all("着" in a or "范" in a or "于" in a for a, _ in differing), differing[:2]
