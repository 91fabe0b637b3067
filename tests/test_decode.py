from __future__ import annotations

import codecs

import pytest

import zhclean
from zhclean.detect import charset_from_headers, charset_from_markup, normalize_encoding

PARAGRAPH = "中国政府顺利恢复对香港行使主权，并按照“一国两制”、“港人治港”、高度自治的方针保持香港的繁荣稳定。"
TRAD = "中國政府順利恢復對香港行使主權，並按照「一國兩制」、「港人治港」、高度自治的方針保持香港的繁榮穩定。"


@pytest.mark.parametrize("text,encoding,expected", [
    (PARAGRAPH, "gbk", "gb18030"),
    (PARAGRAPH, "gb2312", "gb18030"),
    (PARAGRAPH, "gb18030", "gb18030"),
    (TRAD, "big5", "big5hkscs"),
    (PARAGRAPH, "utf-8", "utf-8"),
    ("娄底市委书记", "gbk", "gb18030"),
    ("你好", "gbk", "gb18030"),
    ("中", "gbk", "gb18030"),
    ("台灣", "big5", "big5hkscs"),
    ("こんにちは、世界。日本語の文章です。", "shift_jis", "cp932"),
    ("日本語のテキストです", "euc_jp", "euc_jp"),
])
def test_detects_the_encoding(text: str, encoding: str, expected: str) -> None:
    result = zhclean.decode(text.encode(encoding))
    assert result.text == text
    assert result.encoding == expected


@pytest.mark.parametrize("bom,codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_bom_decides(bom: bytes, codec: str) -> None:
    result = zhclean.decode(bom + PARAGRAPH.encode(codec))
    assert result.text == PARAGRAPH
    assert result.source == "bom"


def test_utf16_without_bom() -> None:
    text = "Hello 世界, plain text in UTF-16.\n" * 3
    assert zhclean.decode(text.encode("utf-16-le")).text == text
    assert zhclean.decode(text.encode("utf-16-be")).text == text


def test_lying_meta_is_overruled_by_utf8() -> None:
    page = f'<html><head><meta charset="gb2312"></head><body>{PARAGRAPH}</body></html>'.encode("utf-8")
    result = zhclean.decode_html(page)
    assert result.encoding == "utf-8"
    assert PARAGRAPH in result.text


def test_gbk_page_without_charset() -> None:
    page = f"<html><body>{PARAGRAPH}</body></html>".encode("gbk")
    result = zhclean.decode(page, headers={"Content-Type": "text/html"})
    assert result.encoding == "gb18030"


def test_declared_charset_is_a_hint_that_can_decide() -> None:
    data = TRAD.encode("big5")
    result = zhclean.decode(data, headers={"content-type": "text/html; charset=big5"})
    assert result.encoding == "big5hkscs"
    assert result.source == "header"
    meta = b"<meta http-equiv='Content-Type' content='text/html; charset=big5'>" + data
    assert zhclean.decode(meta).source == "meta"


def test_forced_encoding() -> None:
    assert zhclean.decode("中文".encode("gbk"), encoding="gbk").source == "given"
    with pytest.raises(zhclean.DecodeError, match="not valid utf-8: byte 0xd6 at offset 0"):
        zhclean.decode("中文".encode("gbk"), encoding="utf-8")
    with pytest.raises(zhclean.DecodeError, match="unknown encoding"):
        zhclean.decode(b"x", encoding="klingon")


def test_binary_is_refused() -> None:
    with pytest.raises(zhclean.DecodeError, match="binary"):
        zhclean.decode(bytes(range(256)) * 4)
    with pytest.raises(zhclean.DecodeError, match="binary"):
        zhclean.decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" * 10)


def test_not_bytes() -> None:
    with pytest.raises(TypeError):
        zhclean.decode("str")  # type: ignore[arg-type]


def test_western_fallback() -> None:
    text = "Café à la crème, déjà vu, naïve façade."
    assert zhclean.decode(text.encode("cp1252")).text == text


def test_empty_and_ascii() -> None:
    assert zhclean.decode(b"").text == ""
    assert zhclean.decode(b"plain ascii").encoding == "utf-8"


def test_helpers() -> None:
    assert normalize_encoding("GBK") == "gb18030"
    assert normalize_encoding("big5") == "big5hkscs"
    assert normalize_encoding("UTF8") == "utf-8"
    assert normalize_encoding("nonsense") is None
    assert charset_from_headers({"CONTENT-TYPE": "text/html; charset=\"GB2312\""}) == "GB2312"
    assert charset_from_headers({"Content-Type": "text/html"}) is None
    assert charset_from_markup(b'<?xml version="1.0" encoding="big5"?><a/>') == "big5"
    assert charset_from_markup(b"<meta charset=utf-8>") == "utf-8"


def test_result_to_dict() -> None:
    d = zhclean.decode("中文".encode("gbk")).to_dict()
    assert d["encoding"] == "gb18030" and d["source"] == "detected"


def test_damaged_chinese_reports_offsets() -> None:
    data = ("中华人民共和国成立了。" * 10).encode("gbk")
    bad = data[:20] + b"\xff" + data[20:]
    result = zhclean.decode(bad)
    assert result.encoding == "gb18030"
    assert result.errors == ((20, 21),)
    assert result.text.replace("\ufffd", "") == data.decode("gbk")
    cleaned = zhclean.clean_and_explain(bad)
    assert any("undecodable bytes" in f and "20-21" in f for f in cleaned.report.flags)


def test_damaged_utf8_reports_offsets() -> None:
    data = ("中华人民共和国" * 10).encode("utf-8")
    bad = data[:30] + b"\xff" + data[30:]
    result = zhclean.decode(bad)
    assert result.encoding == "utf-8" and result.errors == ((30, 31),)


def test_declared_charset_decides_between_close_readings() -> None:
    data = "表".encode("big5")  # two bytes, valid in several encodings
    assert zhclean.decode(data, declared="big5").encoding == "big5hkscs"
    assert zhclean.decode(data, declared="big5").source == "header"


def test_declared_charset_cannot_make_garbage_win() -> None:
    data = ("中华人民共和国成立了，人民生活不断改善。" * 5).encode("gbk")
    result = zhclean.decode(data, headers={"Content-Type": "text/html; charset=big5"})
    assert result.encoding == "gb18030"


def test_xml_declaration_is_a_hint() -> None:
    data = '<?xml version="1.0" encoding="big5"?><a>表</a>'.encode("big5")
    result = zhclean.decode(data)
    assert result.encoding == "big5hkscs" and result.source == "meta"


def test_large_input_decides_from_a_sample() -> None:
    data = ("中华人民共和国成立了。" * 5000).encode("gbk")
    result = zhclean.decode(data)
    assert result.encoding == "gb18030" and len(result.text) == 55000


def test_stream_decoder_bounded_memory() -> None:
    import io
    import tracemalloc

    line = ("中文内容测试" * 100 + "\n").encode("gbk")

    class Source(io.RawIOBase):
        def __init__(self, n: int) -> None:
            self.n = n

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            if self.n <= 0:
                return b""
            self.n -= 1
            return line

    tracemalloc.start()
    try:
        stream = zhclean.StreamDecoder(Source(20000), chunk_size=65536)
        total = sum(len(piece) for piece in stream)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert stream.encoding == "gb18030" and stream.errors == []
    assert total == 20000 * 601  # 12 MB of GBK in
    assert peak < 8 * 1024 * 1024


def test_stream_decoder_reports_damage_offsets() -> None:
    import io

    data = ("中华人民共和国成立了。" * 2000).encode("gbk")
    bad = data[:100] + b"\xff" + data[100:]
    stream = zhclean.StreamDecoder(io.BytesIO(bad), chunk_size=33)
    text = "".join(stream)
    assert stream.errors == [(100, 101)]
    assert text.replace("\ufffd", "") == data.decode("gbk")


def test_stream_decoder_bom_and_forced() -> None:
    import io

    text = "繁體中文\n" * 100
    stream = zhclean.StreamDecoder(io.BytesIO(codecs.BOM_UTF8 + text.encode("utf-8")), chunk_size=7)
    assert "".join(stream) == text and stream.source == "bom"
    stream = zhclean.StreamDecoder(io.BytesIO(text.encode("big5")), encoding="big5", chunk_size=7)
    assert "".join(stream) == text and stream.source == "given"
    with pytest.raises(zhclean.DecodeError, match="binary"):
        zhclean.StreamDecoder(io.BytesIO(bytes(range(256)) * 4))
