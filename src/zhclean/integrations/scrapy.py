"""Scrapy: an item pipeline that cleans text fields, and a downloader middleware that
re-decodes a page when Scrapy's own encoding guess is not zhclean's.

Scrapy trusts the HTTP header, then ``<meta>``, then its own guess; a page served as GBK
without a charset, or UTF-8 declaring gb2312, comes out as mojibake. In ``settings.py``::

    DOWNLOADER_MIDDLEWARES = {"zhclean.integrations.scrapy.ZhcleanDecodeMiddleware": 950}
    ITEM_PIPELINES = {"zhclean.integrations.scrapy.ZhcleanPipeline": 300}
    ZHCLEAN_FIELDS = ["title", "text"]          # the fields to clean (default: ["text"])
    ZHCLEAN_OPTIONS = {"script": "zh-hans"}     # any CleanConfig option
    ZHCLEAN_REPORT_FIELD = "zhclean"            # where the report goes (None: nowhere)

The middleware replaces the response's encoding with zhclean's when they differ and
zhclean's reading is sure (it does not touch binary responses); the pipeline cleans each
listed field that holds text (or bytes, decoded by zhclean) and stores the reports, one per
field, under ``ZHCLEAN_REPORT_FIELD``.
"""
from __future__ import annotations

import codecs
from typing import Any

from ..config import CleanConfig
from ..detect import decode
from ..pipeline import Pipeline

#: A reading zhclean is sure of: Scrapy's encoding is replaced only then.
MIN_CONFIDENCE = 0.9


def _same_codec(a: str, b: str) -> bool:
    try:
        return codecs.lookup(a).name == codecs.lookup(b).name
    except LookupError:
        return False


def redecode(response: Any) -> Any:
    """The response with zhclean's encoding when Scrapy's differs and zhclean is sure;
    the response itself otherwise (also for responses that are not text)."""
    body = getattr(response, "body", None)
    encoding = getattr(response, "encoding", None)
    if not body or encoding is None or not hasattr(response, "replace"):
        return response
    headers = {k.decode("latin-1"): b",".join(v).decode("latin-1") for k, v in response.headers.items()}
    found = decode(bytes(body), headers=headers)
    if found.confidence < MIN_CONFIDENCE or _same_codec(found.encoding, encoding) or found.errors:
        return response
    return response.replace(encoding=found.encoding)


class ZhcleanDecodeMiddleware:
    """Downloader middleware: see the module docstring."""

    def process_response(self, request: Any, response: Any, spider: Any = None) -> Any:
        return redecode(response)


class ZhcleanPipeline:
    """Item pipeline: clean ``ZHCLEAN_FIELDS`` with ``ZHCLEAN_OPTIONS``."""

    def __init__(self, fields: list[str] | None = None, options: dict[str, Any] | None = None,
                 report_field: str | None = "zhclean") -> None:
        self.fields = list(fields or ["text"])
        self.pipeline = Pipeline(CleanConfig().replace(**(options or {})))
        self.report_field = report_field

    @classmethod
    def from_crawler(cls, crawler: Any) -> ZhcleanPipeline:
        settings = crawler.settings
        return cls(settings.getlist("ZHCLEAN_FIELDS") or ["text"], settings.getdict("ZHCLEAN_OPTIONS"),
                   settings.get("ZHCLEAN_REPORT_FIELD", "zhclean"))

    def process_item(self, item: Any, spider: Any = None) -> Any:
        reports = {}
        for name in self.fields:
            value = item.get(name) if hasattr(item, "get") else None
            if not isinstance(value, (str, bytes)):
                continue
            result = self.pipeline.run(value, explain=False)
            item[name] = result.text
            report = result.report.to_dict()
            report.pop("plan", None)
            reports[name] = report
        if self.report_field and reports:
            item[self.report_field] = reports
        return item
