from __future__ import annotations

import pytest

from zhclean.integrations.html import clean_html, extract_html

PARAGRAPH = "<p>新华社北京1月1日电 今天是新年第一天，首都各界群众以各种方式欢度元旦，街头洋溢着节日的气氛。</p>"
PAGE = ("<html><head><meta charset='gb2312'><title>首都各界欢度元旦</title></head><body>"
        "<ul class='nav'><li><a href='/'>首页</a></li><li><a href='/n'>新闻</a></li></ul>"
        "<article><h1>首都各界欢度元旦</h1>" + PARAGRAPH * 5 + "<p>责任编辑：王小明</p>"
        "<p>版权所有 新华网</p></article><footer>京ICP备12345678号</footer></body></html>")


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_bytes_decoded_by_zhclean_whatever_the_page_declares(encoding: str) -> None:
    # the page declares gb2312; the utf-8 version is decoded right all the same
    text = extract_html(PAGE.encode(encoding))
    assert "首都各界群众" in text


def test_clean_html_strips_what_trafilatura_keeps() -> None:
    result = clean_html(PAGE.encode("utf-8"))
    assert "首都各界群众以各种方式欢度元旦" in result.text
    assert "责任编辑" not in result.text and "版权所有" not in result.text
    assert result.metadata.get("editor") == "王小明"


def test_empty_page_gives_empty_text() -> None:
    assert clean_html(b"<html><body></body></html>").text == ""
