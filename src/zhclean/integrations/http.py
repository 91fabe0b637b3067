"""HTTP clients: decode a response body the way :func:`zhclean.decode` does.

``requests`` decodes a ``text/html`` page without a charset as ISO-8859-1 and never reads
``<meta>``; ``httpx`` decodes with ``errors="replace"``, losing a GBK page for good. These
helpers take the raw body and the headers instead (duck-typed: anything with
``.content`` and ``.headers``), never ``.text``.

>>> class Response:  # what requests and httpx responses look like to these helpers
...     content = "<meta charset=gb2312><p>你好</p>".encode("gbk")
...     headers = {"Content-Type": "text/html"}
>>> decode_response(Response()).encoding
'gb18030'
>>> response_text(Response())
'<meta charset=gb2312><p>你好</p>'

With httpx, zhclean can also choose the encoding that ``response.text`` uses, for
responses whose headers name none:

    client = httpx.Client(default_encoding=zhclean.integrations.http.default_encoding)
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from ..detect import decode
from ..report import DecodeResult


class ResponseLike(Protocol):
    @property
    def content(self) -> bytes: ...

    @property
    def headers(self) -> Mapping[str, str]: ...


def decode_response(response: ResponseLike) -> DecodeResult:
    """Decode ``response.content`` with ``response.headers`` as hints."""
    headers = {str(k): str(v) for k, v in response.headers.items()}
    return decode(bytes(response.content), headers=headers)


def response_text(response: ResponseLike) -> str:
    """The text of a response, decoded by zhclean (``decode_response(r).text``)."""
    return decode_response(response).text


def default_encoding(content: bytes) -> str:
    """An encoding for httpx's ``default_encoding=`` hook: zhclean's choice for ``content``.

    >>> default_encoding("中文網頁".encode("big5"))
    'big5hkscs'
    """
    return decode(content).encoding
