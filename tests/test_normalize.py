from __future__ import annotations

import pytest

import zhclean
from zhclean.steps.normalize import normalize_and_explain


@pytest.mark.parametrize("before,after", [
    ("你好,世界!", "你好，世界！"),
    ("時間:2018-03-23", "時間：2018-03-23"),
    ("他說,“好”", "他說，“好”"),
    ("問題?", "問題？"),
    ("內容(附圖片)", "內容（附圖片）"),
    ("產業(yè)經濟(jì)網(wǎng)", "產業經濟網"),
    ("\u00a0\u00a0正文", "正文"),
    ("中\u200b文\ufeff字\u00ad", "中文字"),
    ("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"),
    ("\n\n\n开头\n\n\n\n结尾\n\n\n", "开头\n\n结尾\n"),
    ("行尾空格   \n下一行", "行尾空格\n下一行"),
    ("e\u0301", "é"),
])
def test_rules(before: str, after: str) -> None:
    assert zhclean.normalize(before) == after


@pytest.mark.parametrize("text", [
    "print('中文', x)",
    "比分3:2，时间12:30",
    "价格1,000元，圆周率3.14",
    "Hello, world: it works!",
    "def f():\n    return 1\n",
    "这个字读行(xíng)。",
    "「你好」，“世界”。　全角空格留在句中。",
    "emoji 👨‍👩‍👧 stays joined",
    "עברית\u200fמימין לשמאל",
])
def test_leaves_clean_text_alone(text: str) -> None:
    assert zhclean.normalize(text) == text


@pytest.mark.parametrize("option,text", [
    ("fullwidth_punctuation", "你好,世界"),
    ("remove_ruby", "產業(yè)經濟(jì)網(wǎng)"),
    ("strip_indentation", "  正文\n"),
    ("normalize_spaces", "a\u00a0b"),
    ("remove_invisible", "a\u200bb"),
])
def test_each_rule_can_be_switched_off(option: str, text: str) -> None:
    assert zhclean.normalize(text, **{option: False}) == text
    assert zhclean.normalize(text) != text


def test_max_blank_lines() -> None:
    text = "a\n\n\n\nb\n"
    assert zhclean.normalize(text, max_blank_lines=2) == "a\n\n\nb\n"
    assert zhclean.normalize(text, max_blank_lines=-1) == text


def test_explain_names_rules() -> None:
    _, changes = normalize_and_explain("產業(yè)經濟(jì)網(wǎng),好")
    assert {c.detail for c in changes} == {"leaked ruby pinyin removed", "ASCII punctuation in Chinese to full-width"}
