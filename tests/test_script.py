from __future__ import annotations

import sys
import types

import pytest

import zhclean
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
