"""A real Scrapy crawl of pages served on 127.0.0.1, through zhclean's middleware and pipeline.

Twisted's reactor cannot be restarted in one process, so the crawl runs in a child Python
process; the server runs in this one, started and stopped by the fixture.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from test_http import ARTICLE, server  # noqa: F401 - the fixture

SPIDER = textwrap.dedent('''
    import sys, scrapy
    from scrapy.crawler import CrawlerProcess

    base, out, use_zhclean = sys.argv[1], sys.argv[2], sys.argv[3] == "1"

    class Pages(scrapy.Spider):
        name = "pages"
        start_urls = [base + p for p in ("/gbk-no-charset", "/utf8-lying-meta", "/big5")]

        def parse(self, response):
            yield {"url": response.url, "encoding": response.encoding,
                   "text": "".join(response.css("body ::text, p::text").getall())}

    settings = {"FEEDS": {out: {"format": "json"}}, "LOG_ENABLED": False, "ROBOTSTXT_OBEY": False,
                "TELNETCONSOLE_ENABLED": False}
    if use_zhclean:
        settings.update({
            "DOWNLOADER_MIDDLEWARES": {"zhclean.integrations.scrapy.ZhcleanDecodeMiddleware": 950},
            "ITEM_PIPELINES": {"zhclean.integrations.scrapy.ZhcleanPipeline": 300},
            "ZHCLEAN_FIELDS": ["text"], "ZHCLEAN_OPTIONS": {"script": "keep", "repair_mojibake": False},
            "ZHCLEAN_REPORT_FIELD": "zhclean",
        })
    process = CrawlerProcess(settings)
    process.crawl(Pages)
    process.start()
''')


def _crawl(base: str, tmp_path: Path, use_zhclean: bool) -> dict[str, dict[str, object]]:
    out = tmp_path / f"items{int(use_zhclean)}.json"
    script = tmp_path / "spider.py"
    script.write_text(SPIDER, encoding="utf-8")
    subprocess.run([sys.executable, str(script), base, str(out), "1" if use_zhclean else "0"],
                   check=True, timeout=120)
    return {item["url"].rsplit("/", 1)[1]: item for item in json.loads(out.read_text(encoding="utf-8"))}


def test_scrapy_crawl_decoded_and_cleaned(server: str, tmp_path: Path) -> None:  # noqa: F811
    items = _crawl(server, tmp_path, use_zhclean=True)
    assert items["gbk-no-charset"]["encoding"] == "gb18030"
    assert items["utf8-lying-meta"]["encoding"] == "utf-8"
    assert items["gbk-no-charset"]["text"] == ARTICLE  # (mojibake repair is off: the middleware did it)
    assert items["utf8-lying-meta"]["text"] == ARTICLE
    assert items["big5"]["text"] == "中華人民共和國成立了。"
    assert "changes" in items["big5"]["zhclean"]["text"]
    # without zhclean, Scrapy reads the lying page through its <meta> and garbles it
    plain = _crawl(server, tmp_path, use_zhclean=False)
    assert plain["utf8-lying-meta"]["text"] != ARTICLE
