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
