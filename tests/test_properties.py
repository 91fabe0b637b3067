"""Properties that hold on any text.

Example counts are bounded for CI; a longer run: ZHCLEAN_EXAMPLES=20000 python -m pytest tests/test_properties.py
"""
from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

import zhclean

PIECES = st.sampled_from([
    "中华人民共和国", "這是繁體中文", "，", "。", "“", "”", "「", "」", "、", "：", "\n", "\n\n", " ", "　",
    "\u00a0", "abc", "123", ",", ":", ";", "!", "?", "(", ")", "(yè)", "日本語の", "한국어", "é", "😀",
    "浣犲ソ", "ÖÐÎÄ", "æµ‹è¯•", "锟斤拷", "\ufffd", "\u200b", "来源：新华网", "版权所有", "相关阅读",
    "https://example.com/中文", "\t", "\r\n", "著",
])
TEXT = st.lists(PIECES | st.text(max_size=5), max_size=30).map("".join)


@settings(max_examples=int(os.environ.get("ZHCLEAN_EXAMPLES", 300)), deadline=None)
@given(TEXT)
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = zhclean.clean(text)
    assert zhclean.clean(once) == once


@settings(max_examples=int(os.environ.get("ZHCLEAN_EXAMPLES", 200)), deadline=None)
@given(TEXT)
def test_plan_replays_and_reverts(text: str) -> None:
    result = zhclean.clean_and_explain(text, script="zh-hans")
    assert zhclean.apply_plan(text, result.report.plan) == result.text
    assert zhclean.revert_plan(result.text, result.report.plan) == text
    assert zhclean.clean_batch([text], script="zh-hans")[0].text == result.text


# Clean text in the scripts and forms the normalize stage meets: no artifact in any of it,
# so the stage must return it unchanged, whatever the mix and the line structure.
CLEAN_SENTENCES = [
    "中华人民共和国成立以来，经济社会发展取得了举世瞩目的成就。",
    "他说：“今天的会议很重要，大家都要参加！”",
    "《红楼梦》第一回 甄士隐梦幻识通灵 贾雨村风尘怀闺秀",
    "以链招商引企入园 加快建设钢铁新城",
    "這是一段繁體中文的文字，用於測試「引號」與『書名號』。",
    "香港政府今日宣佈，將於下月推出新措施。",
    "子曰：學而時習之，不亦說乎？有朋自遠方來，不亦樂乎？",
    "𠀀𪚥䶮龘𰻞𰻞麵是陝西的特色。",
    "日本語の文章です。東京は日本の首都です。",
    "カタカナとひらがなで書きます。",
    "한국어 문장입니다. 서울은 대한민국의 수도입니다.",
    "Hello, world: it works! (really?)",
    "价格1,000元，圆周率3.14，比分3：2，第1，2，3条。",
    "请访问 https://example.com/path?a=1&b=%E4%B8%AD%E6%96%87 了解详情。",
    "支持Windows，Linux和macOS，版本v2.0。",
    "这个字读行(xíng)。",
    "全角空格　在句中留下。",
    "ＡＢＣ全角字母也留下。",
    "emoji 👍 和 🇨🇳 都保留。",
]
CODE_BLOCKS = [
    "```python\ndef f(x):\n    return x, '中文'  # 注释: 这里\n```",
    "    indented code: a, b\n    print(\"你好,世界\")",
    "`inline &amp; code`",
]
LINE = st.lists(st.sampled_from(CLEAN_SENTENCES), min_size=1, max_size=4).map("".join)
BLOCK = LINE | st.sampled_from(CODE_BLOCKS)
CLEAN_TEXT = st.lists(st.tuples(BLOCK, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=8).map(
    lambda parts: "".join(block + sep for block, sep in parts).rstrip("\n") + "\n")


@settings(max_examples=int(os.environ.get("ZHCLEAN_EXAMPLES", 300)), deadline=None)
@given(CLEAN_TEXT)
def test_normalize_leaves_clean_text_unchanged(text: str) -> None:
    assert zhclean.normalize(text) == text


@settings(max_examples=int(os.environ.get("ZHCLEAN_EXAMPLES", 300)), deadline=None)
@given(TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    for config in (zhclean.WEB, zhclean.CORPUS, zhclean.DISPLAY):
        once = zhclean.normalize(text, config)
        assert zhclean.normalize(once, config) == once


@settings(max_examples=int(os.environ.get("ZHCLEAN_EXAMPLES", 200)), deadline=None)
@given(CLEAN_TEXT)
def test_pipeline_leaves_clean_text_unchanged(text: str) -> None:
    # the whole pipeline, with the script kept and nothing stripped: no artifact, no change
    assert zhclean.clean(text, script="keep", strip_boilerplate=False) == text
