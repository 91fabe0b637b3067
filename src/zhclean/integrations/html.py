"""HTML pages: trafilatura extracts the main text, zhclean decodes first and cleans after.

Needs the extra: ``pip install "zhclean[html]"`` (trafilatura). The bytes are decoded by
zhclean's detector, not by the page's declared charset alone (pages that declare gb2312
and are UTF-8 are common, and jusText returns nothing for them); trafilatura's output
then goes through the same stages as text, the strip stage included, which removes what
trafilatura kept of bylines, editor lines and footers and reads the metadata from them.

>>> from zhclean.integrations.html import clean_html
>>> page = ("<html><head><meta charset='gb2312'><title>标题</title></head><body>"
...         "<div class='nav'><a href='/'>首页</a> | <a href='/news'>新闻</a></div><article><h1>标题</h1>"
...         + "<p>新华社北京1月1日电 今天是新年第一天，首都各界群众以各种方式欢度元旦。</p>" * 4
...         + "<p>责任编辑：王小明</p></article></body></html>")
>>> result = clean_html(page.encode("utf-8"))
>>> "责任编辑" in result.text, result.metadata.get("editor")
(False, '王小明')
"""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from ..config import CleanConfig
from ..detect import decode_html
from ..errors import ConfigError
from ..pipeline import Pipeline
from ..report import CleanResult


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        raise ConfigError('HTML input needs trafilatura: pip install "zhclean[html]"') from None
    return trafilatura


def extract_html(data: bytes | str, headers: Mapping[str, str] | None = None) -> str:
    """The main text of a page, one block a line ("" when trafilatura finds none)."""
    html = decode_html(data, headers=headers).text if isinstance(data, (bytes, bytearray)) else data
    text = _trafilatura().extract(html, include_comments=False, include_tables=True, output_format="txt",
                                  with_metadata=False)
    return str(text or "")


def clean_html(data: bytes | str, config: CleanConfig | None = None, *,
               headers: Mapping[str, str] | None = None, **overrides: object) -> CleanResult:
    """Extract the main text of a page and clean it. The report is the text's; its
    metadata is what the strip stage read, completed by what trafilatura read in the
    page's markup (date, author, site name as source, title)."""
    html = decode_html(data, headers=headers).text if isinstance(data, (bytes, bytearray)) else data
    result = Pipeline(config, **overrides).run(extract_html(html), explain=True)
    found = _trafilatura().extract_metadata(html)
    extra = {} if found is None else {"date": found.date, "author": found.author, "source": found.sitename,
                                      "title": found.title}
    metadata = {**{k: str(v) for k, v in extra.items() if v}, **result.report.metadata}
    return CleanResult(result.text, dataclasses.replace(result.report, metadata=metadata))
