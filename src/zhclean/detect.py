"""Bytes to text: BOM, strict UTF-8, then Chinese-aware candidates ranked by plausibility.

Order of evidence:

1. a byte-order mark decides;
2. a forced encoding (``encoding=``) decides, and fails loudly if the bytes disagree;
3. strict UTF-8: real UTF-8 is almost never valid in another multi-byte encoding by
   accident, and this check costs one pass in C, so the common case pays nothing more;
4. otherwise the candidates (GB18030, Big5-HKSCS, the CJK neighbours Shift_JIS, EUC-JP
   and EUC-KR, and whatever the caller declared) are decoded on a bounded sample and
   ranked by :func:`zhclean.badness.mean_cost`; a declared charset (HTTP header,
   ``<meta charset>``, XML declaration) earns a bonus but does not decide, because such
   declarations lie often (UTF-8 pages declaring gb2312);
5. when none of those decodes, charset-normalizer guesses (non-CJK text).

``gb2312`` and ``gbk`` are widened to ``gb18030`` and ``big5`` to ``big5hkscs``: the
supersets decode everything the subsets do, plus what real files contain anyway.

>>> decode("中文".encode("gbk")).encoding
'gb18030'
>>> decode("繁體中文".encode("big5")).text
'繁體中文'
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Mapping

from .badness import cost, mean_cost
from .errors import DecodeError
from .report import DecodeResult

SAMPLE_BYTES = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_WIDEN = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "ascii": "utf-8",
    "latin_1": "cp1252",  # what browsers do for iso-8859-1
    "iso8859_1": "cp1252",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
}

# Chinese first: on a tie the earlier one wins.
_CANDIDATES = ("gb18030", "big5hkscs", "cp932", "euc_jp", "cp949")

_CHINESE = frozenset({"gb18030", "big5hkscs"})
# The Japanese and Korean candidates must be clearly better to win: this is a tool for
# Chinese text, where a short GBK string read as EUC-KR is the classic false guess.
_NEIGHBOUR_PENALTY = 0.5

# A declared encoding is a hint: it lowers the candidate's cost per byte by this
# many bits, enough to decide between two plausible readings, not enough to make
# garbage win over real text.
_DECLARED_BONUS = 0.75

_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECL_RE = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)
_META_RE = re.compile(rb"<meta[^>]+>", re.I)
# Bytes that do not occur in text: NUL and the C0 controls other than tab, LF, FF, CR, ESC.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_BINARY_MESSAGE = "looks like binary data (control bytes such as NUL), not text; pass -e ENCODING to force"


def normalize_encoding(name: str) -> str | None:
    """The Python codec name for ``name``, widened to its superset; None if unknown.

    >>> normalize_encoding("GB2312"), normalize_encoding("Big5"), normalize_encoding("x-nope")
    ('gb18030', 'big5hkscs', None)
    """
    try:
        canonical = codecs.lookup(name.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    canonical = canonical.replace("-", "_")
    return _WIDEN.get(canonical, canonical.replace("_", "-") if canonical.startswith("utf") else canonical)


def charset_from_headers(headers: Mapping[str, str] | None) -> str | None:
    """The charset of an HTTP ``Content-Type`` header, if any (keys in any case)."""
    if not headers:
        return None
    for key, value in headers.items():
        if key.lower() == "content-type":
            m = _CHARSET_RE.search(value.encode("latin-1", "replace"))
            if m:
                return m.group(1).decode("ascii", "replace")
    return None


def charset_from_markup(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names in the first 4 KB."""
    head = data[:4096]
    m = _XML_DECL_RE.search(head)
    if m:
        return m.group(1).decode("ascii", "replace")
    for meta in _META_RE.finditer(head):
        m = _CHARSET_RE.search(meta.group(0))
        if m:
            return m.group(1).decode("ascii", "replace")
    return None


def _sample(data: bytes) -> bytes:
    return data if len(data) <= SAMPLE_BYTES else data[:SAMPLE_BYTES]


def _decode_sample(sample: bytes, encoding: str, complete: bool) -> str | None:
    """Decode a sample strictly; a sequence cut at the end of a partial sample is allowed."""
    try:
        if complete:
            return sample.decode(encoding)
        decoder = codecs.getincrementaldecoder(encoding)()
        return decoder.decode(sample, final=False)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without BOM: NULs in every other byte (Latin) or a regular pattern."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    n = len(even)
    if odd.count(0) > 0.3 * n and even.count(0) < 0.05 * n:
        return "utf-16-le"
    if even.count(0) > 0.3 * n and odd.count(0) < 0.05 * n:
        return "utf-16-be"
    return None


def _first_error(data: bytes, encoding: str) -> str:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as e:
        return f"byte 0x{data[e.start]:02x} at offset {e.start}"
    except LookupError:
        return "unknown codec"
    return "no error"


def decode(
    data: bytes,
    *,
    headers: Mapping[str, str] | None = None,
    declared: str | None = None,
    encoding: str = "auto",
) -> DecodeResult:
    """Turn bytes into text, choosing the encoding as the module docstring says.

    ``headers`` are HTTP response headers (their ``Content-Type`` charset is a hint),
    ``declared`` any other declared charset; ``encoding`` forces one.

    >>> decode("娄底市".encode("gb18030"), headers={"Content-Type": "text/html"}).text
    '娄底市'
    >>> r = decode("<meta charset=gb2312>中文".encode("utf-8"))
    >>> r.encoding, r.source
    ('utf-8', 'detected')
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() takes bytes, not {type(data).__name__}")
    data = bytes(data)

    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return DecodeResult(data.decode(name), name, 1.0, "bom")
            except UnicodeDecodeError:
                raise DecodeError(
                    f"starts with a {name} byte-order mark but is not {name} ({_first_error(data, name)})"
                ) from None

    if encoding and encoding != "auto":
        forced = normalize_encoding(encoding)
        if forced is None:
            raise DecodeError(f"unknown encoding {encoding!r}")
        try:
            return DecodeResult(data.decode(forced), forced, 1.0, "given")
        except UnicodeDecodeError:
            raise DecodeError(
                f"not valid {forced}: {_first_error(data, forced)}; try -e auto to detect the encoding"
            ) from None

    hints: list[tuple[str, str]] = []
    for source, value in (
        ("header", charset_from_headers(headers)),
        ("meta", charset_from_markup(data)),
        ("header", declared),
    ):
        if value:
            hint = normalize_encoding(value)
            if hint:
                hints.append((hint, source))
    hinted = {name: source for name, source in reversed(hints)}

    def source_of(name: str, default: str = "detected") -> str:
        return hinted.get(name, default)

    utf16 = _utf16_guess(data)
    if utf16:
        try:
            return DecodeResult(data.decode(utf16), utf16, 0.9, "detected")
        except UnicodeDecodeError:
            pass

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_textual(data):
            return DecodeResult(text, "utf-8", 1.0 if not data.isascii() else 0.99, source_of("utf-8"))
        raise DecodeError(_BINARY_MESSAGE)

    sample = _sample(data)
    if not _looks_textual(sample):
        raise DecodeError(_BINARY_MESSAGE)

    complete = len(sample) == len(data)
    names = list(_CANDIDATES)
    for name in hinted:
        if name not in names and name != "utf-8":
            names.append(name)
    scored: list[tuple[float, int, str]] = []
    for order, name in enumerate(names):
        decoded = _decode_sample(sample, name, complete)
        if decoded is None or not decoded:
            continue
        # Total cost, not cost per character: every candidate reads the same bytes, and
        # a reading that makes more characters of them must pay for each.
        score = cost(decoded) / len(sample)
        if name in hinted:
            score -= _DECLARED_BONUS
        elif name not in _CHINESE:
            score += _NEIGHBOUR_PENALTY
        scored.append((score, order, name))
    scored.sort()
    for score, _, name in scored:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue  # the sample decoded, the rest does not
        alternatives = tuple((n, round(s, 3)) for s, _, n in scored if n != name)
        margin = (scored[1][0] - score) if len(scored) > 1 else 4.0
        confidence = max(0.5, min(0.99, 0.5 + margin / 4))
        return DecodeResult(text, name, confidence, source_of(name), alternatives)

    return _fallback(data)


def _looks_textual(data: bytes) -> bool:
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return True
    return len(_BINARY_BYTES.findall(sample)) <= max(1, len(sample) // 1000)


def _fallback(data: bytes) -> DecodeResult:
    """Non-CJK text: charset-normalizer's candidates, cp1252 and cp1251, ranked by cost."""
    names: list[str] = []
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    else:
        for match in from_bytes(_sample(data)):
            name = normalize_encoding(match.encoding)
            if name and name not in names:
                names.append(name)
    names += [n for n in ("cp1252", "cp1251") if n not in names]
    scored: list[tuple[float, int, str, str]] = []
    for order, name in enumerate(names):
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((mean_cost(_sample_text(text)), order, name, text))
    if not scored:
        text = data.decode("latin-1")
        return DecodeResult(text, "latin_1", 0.2, "fallback")
    scored.sort(key=lambda t: (t[0], t[1]))
    score, _, name, text = scored[0]
    alternatives = tuple((n, round(s, 3)) for s, _, n, _ in scored[1:])
    return DecodeResult(text, name, 0.6, "fallback", alternatives)


def _sample_text(text: str) -> str:
    return text[:SAMPLE_BYTES]


def decode_html(data: bytes, headers: Mapping[str, str] | None = None) -> DecodeResult:
    """Decode a web page: the same as :func:`decode` with the response headers.

    The page's ``<meta charset>`` is read by :func:`decode` itself.

    >>> decode_html("<meta charset=gbk><p>你好</p>".encode("gbk")).encoding
    'gb18030'
    """
    return decode(data, headers=headers)
