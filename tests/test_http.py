"""The HTTP helpers against a real server on 127.0.0.1, with real clients."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx
import pytest
import requests

from zhclean.integrations.http import decode_response, default_encoding, response_text

ARTICLE = "中华人民共和国成立了，人民生活不断改善。"
PAGES = {
    "/gbk-no-charset": ("text/html", f"<html><body>{ARTICLE}</body></html>".encode("gbk")),
    "/utf8-lying-meta": ("text/html", f'<meta charset="gb2312"><p>{ARTICLE}</p>'.encode("utf-8")),
    "/big5": ("text/html; charset=big5", "<p>中華人民共和國成立了。</p>".encode("big5")),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        ctype, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_requests(server: str) -> None:
    session = requests.Session()
    session.trust_env = False  # no proxy from the environment for 127.0.0.1
    r = session.get(server + "/gbk-no-charset", timeout=10)
    assert ARTICLE not in r.text  # requests reads it as ISO-8859-1
    assert ARTICLE in response_text(r)
    assert decode_response(r).encoding == "gb18030"
    r = session.get(server + "/utf8-lying-meta", timeout=10)
    assert ARTICLE in response_text(r)
    r = session.get(server + "/big5", timeout=10)
    result = decode_response(r)
    assert result.encoding == "big5hkscs" and result.source == "header"


def test_httpx(server: str) -> None:
    with httpx.Client(trust_env=False) as client:
        r = client.get(server + "/gbk-no-charset")
        assert ARTICLE in response_text(r)
    with httpx.Client(default_encoding=default_encoding, trust_env=False) as client:
        r = client.get(server + "/gbk-no-charset")
        assert ARTICLE in r.text
        assert ARTICLE in client.get(server + "/utf8-lying-meta").text
