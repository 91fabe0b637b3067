"""Bytes to text: BOM, strict UTF-8, then candidates ranked by how plausible they read.

Order of evidence:

1. a byte-order mark decides;
2. a forced encoding (``encoding=``) decides, and fails loudly if the bytes disagree;
3. UTF-16/32 without a BOM, told by its NUL bytes;
4. strict UTF-8: real UTF-8 is almost never valid in another multi-byte encoding by
   accident once it has a few multi-byte sequences, and the check is one pass in C, so
   the common case pays nothing more. A short string with one or two sequences is only
   a candidate: ``台写`` in GBK is valid UTF-8 too (``̨д``);
5. the candidates — GB18030, Big5-HKSCS, the CJK neighbours (Shift_JIS, EUC-JP,
   EUC-KR), cp1252 and cp1251, and whatever the caller declared — are decoded on a bounded
   sample and ranked by :func:`zhclean.badness.cost` of what they read. A declared charset
   (HTTP header, ``<meta charset>``, XML declaration) earns a bonus but does not decide,
   because declarations lie often (UTF-8 pages declaring gb2312). The non-Chinese
   candidates must be clearly better: this is a tool for Chinese text, and a short GBK
   string read as EUC-KR is the classic false guess of other detectors;
6. when no candidate decodes without error, the best one decodes with U+FFFD at the
   undecodable bytes, and :attr:`DecodeResult.errors` names their offsets; only when
   that is more than a few bytes does charset-normalizer guess (non-CJK text).

``gb2312`` and ``gbk`` are widened to ``gb18030`` and ``big5`` to ``big5hkscs``: the
supersets decode everything the subsets do, plus what real files contain anyway.

>>> decode("中文".encode("gbk")).encoding
'gb18030'
>>> decode("繁體中文".encode("big5")).text
'繁體中文'
>>> decode("你好".encode("gbk")).encoding  # two characters: still not EUC-KR or Big5
'gb18030'
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from .badness import cost
from .errors import BinaryInputError, DecodeError
from .report import DecodeResult

#: Bytes read to choose an encoding; the chosen one then decodes everything.
SAMPLE_BYTES = 16 * 1024
#: Bytes whose readings are scored, from just before the first non-ASCII byte: ASCII reads
#: the same in every candidate, so it is no evidence; 512 bytes of the rest decide as well as the whole (measured).
SCORE_BYTES = 512

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

# The order breaks ties: Chinese first.
_CANDIDATES = ("gb18030", "big5hkscs", "cp932", "euc_jp", "cp949", "cp1252", "cp1251")
_SINGLE_BYTE = frozenset({"cp1252", "cp1251"})
# Prior odds, in bits, that a reading pays before its cost counts: what zhclean is given
# is Chinese more often than not, GBK more often than Big5. A constant, not a rate per
# byte: it decides between readings of a short string, and a long text's evidence
# outweighs it (see step 5 above).
_PRIOR_BITS = {"gb18030": 0.0, "utf-8": 4.0, "big5hkscs": 2.0}
_NEIGHBOUR_PRIOR_BITS = 10.0
# Readings through these encodings are costed with their suspects (see badness.cost).
_HAN_ENCODINGS = frozenset({"gb18030", "big5hkscs", "cp949"})

# A declared charset is evidence worth this many bits: enough to decide between two
# plausible readings, not enough to make garbage win over real text.
_DECLARED_BONUS_BITS = 12.0
# UTF-8 decides at once when its multi-byte sequences add up to this many bytes beyond
# one per character (4 CJK characters, 8 accented letters): random bytes of another
# encoding are valid UTF-8 that long with a probability of about 1 in 10,000.
_UTF8_SURE_EXTRA = 8
# Undecodable bytes tolerated in otherwise good text, as a share of the sample, and
# what each costs a reading beyond its U+FFFD.
_MAX_ERROR_SHARE = 0.01
_DAMAGE_BITS = 10.0
_REPAIRABLE = ("utf-8", "gb18030", "big5hkscs")

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


def _decode_sample(sample: bytes, encoding: str, complete: bool, errors: str = "strict") -> str | None:
    """Decode a sample; a sequence cut at the end of a partial sample is allowed."""
    try:
        if complete:
            return sample.decode(encoding, errors)
        return codecs.getincrementaldecoder(encoding)(errors).decode(sample, final=False)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without BOM: NULs in every other byte (Latin) or a regular pattern."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
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


def _looks_textual(data: bytes) -> bool:
    sample = data[:SAMPLE_BYTES]
    if not sample:
        return True
    return len(_BINARY_BYTES.findall(sample)) <= max(1, len(sample) // 1000)


def _hints(data: bytes, headers: Mapping[str, str] | None, declared: str | None) -> dict[str, str]:
    """Declared encodings -> where they were declared (the HTTP header wins over markup)."""
    hinted: dict[str, str] = {}
    for source, value in (
        ("header", charset_from_headers(headers)),
        ("header", declared),
        ("meta", charset_from_markup(data)),
    ):
        name = normalize_encoding(value) if value else None
        if name and name not in hinted:
            hinted[name] = source
    return hinted


def decode_with_errors(data: bytes, encoding: str, limit: int = 1000) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Decode, putting U+FFFD where bytes do not decode; return the text and the byte
    ranges that did not. Raises :class:`DecodeError` past ``limit`` bad stretches.

    >>> decode_with_errors(b"\\xd6\\xd0\\xff\\xce\\xc4", "gb18030")
    ('中\\ufffd文', ((2, 3),))
    """
    pieces: list[str] = []
    bad: list[tuple[int, int]] = []
    pos = 0
    decoder = codecs.getincrementaldecoder(encoding)()
    while True:
        try:
            pieces.append(decoder.decode(data[pos:], final=True))
            break
        except UnicodeDecodeError as e:
            start, end = pos + e.start, pos + e.end
            decoder = codecs.getincrementaldecoder(encoding)()
            pieces.append(decoder.decode(data[pos:start], final=True))
            pieces.append("\ufffd")
            bad.append((start, end))
            pos = end
            decoder = codecs.getincrementaldecoder(encoding)()
            if len(bad) > limit:
                raise DecodeError(f"more than {limit} undecodable stretches as {encoding}") from None
    return "".join(pieces), tuple(bad)


def _confidence(best: float, runner_up: float | None) -> float:
    if runner_up is None:
        return 0.99
    margin = runner_up - best  # bits
    return max(0.5, min(0.99, 1 - 0.5 * 2 ** (-margin / 4)))


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

    utf16 = _utf16_guess(data)
    if utf16:
        try:
            return DecodeResult(data.decode(utf16), utf16, 0.9, "detected")
        except UnicodeDecodeError:
            pass

    if not _looks_textual(data):
        raise BinaryInputError(_BINARY_MESSAGE)
    if data.isascii():
        return DecodeResult(data.decode("ascii"), "utf-8", 0.99, "detected")

    hinted = _hints(data, headers, declared)
    sample = data[:SAMPLE_BYTES]
    complete = len(sample) == len(data)
    ranked = _rank(sample, complete, hinted)
    for i, (score, _, name, damaged) in enumerate(ranked):
        errors: tuple[tuple[int, int], ...] = ()
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            if not damaged:
                continue  # the scored window decoded, the rest does not
            try:
                text, errors = decode_with_errors(data, name)
            except DecodeError:
                continue
            if len(errors) > max(1, _MAX_ERROR_SHARE * len(data)):
                continue
        runner_up = next((r[0] for r in ranked[i + 1:]), None)
        alternatives = tuple((r[2], round(r[0], 1)) for r in ranked if r[2] != name)
        confidence = _confidence(score, runner_up) * (0.9 if errors else 1.0)
        return DecodeResult(text, name, confidence, hinted.get(name, "detected"), alternatives, errors)

    return _fallback(data)


def _rank(sample: bytes, complete: bool, hinted: Mapping[str, str]) -> list[tuple[float, int, str, bool]]:
    """The candidates that read ``sample``, best first: (score, order, name, damaged).

    UTF-8 that is sure (enough multi-byte sequences, or declared) comes alone, scored 0.
    A damaged reading is one of UTF-8, GB18030 or Big5 that reads the sample with a few
    undecodable bytes (a corrupt byte in good text): each costs its U+FFFD and
    _DAMAGE_BITS more, so that a clean reading of real text wins, and a damaged Chinese
    text is not taken for cp1251 because one byte is bad.
    """
    utf8_sample = _decode_sample(sample, "utf-8", complete)
    if utf8_sample is not None:
        # Each multi-byte sequence makes the text 1 to 3 bytes longer than its characters.
        if len(sample) - len(utf8_sample) >= _UTF8_SURE_EXTRA or "utf-8" in hinted:
            return [(0.0, 0, "utf-8", False)]
    # UTF-8 first: valid, it is a candidate; invalid, a damaged reading of it may still be.
    names = ["utf-8", *_CANDIDATES]
    if b"\xa4\xd4" in sample:  # EUC-KR's 8-byte jamo sequences, which cp949 does not read
        names.append("euc_kr")
    names += [n for n in hinted if n not in names]
    window, whole = _score_window(sample, complete)
    # A single-byte reading makes one character of each non-ASCII byte, at 6 bits or more,
    # and pays the neighbours' prior: once a reading scores below that bound, the
    # single-byte candidates need not be decoded at all.
    non_ascii = len(window) - len(window.translate(None, _HIGH_BYTES))
    single_byte_bound = _NEIGHBOUR_PRIOR_BITS + 6 * non_ascii + 2 * (len(window) - non_ascii)
    scored: list[tuple[float, int, str, bool]] = []
    failed: list[tuple[int, str]] = []
    for order, name in enumerate(names):
        if name in _SINGLE_BYTE and name not in hinted and scored and min(scored)[0] < single_byte_bound:
            continue
        decoded = utf8_sample if name == "utf-8" and utf8_sample is not None and window == sample \
            else _decode_sample(window, name, whole)
        if decoded is None and name in _REPAIRABLE:
            failed.append((order, name))
        if not decoded:
            continue
        scored.append((_score(decoded, name, hinted), order, name, False))
    if not any(name in _REPAIRABLE for _, _, name, _ in scored):
        # No clean Chinese or UTF-8 reading: a damaged one may still beat the others.
        for order, name in failed:
            decoded = _decode_sample(window, name, whole, errors="replace")
            bad = decoded.count("\ufffd") if decoded else 0
            if decoded and bad <= max(1, _MAX_ERROR_SHARE * len(decoded)):
                scored.append((_score(decoded, name, hinted) + _DAMAGE_BITS * bad, order, name, True))
    scored.sort()
    return scored


_NON_ASCII = re.compile(rb"[\x80-\xff]")
_HIGH_BYTES = bytes(range(0x80, 0x100))


def _score_window(sample: bytes, complete: bool) -> tuple[bytes, bool]:
    """The bytes to score: from an ASCII byte just before the first non-ASCII one (a
    character boundary in every candidate), at most SCORE_BYTES of them."""
    m = _NON_ASCII.search(sample)
    start = max(0, (m.start() if m else 0) - 16)
    window = sample[start:start + SCORE_BYTES]
    return window, complete and start + SCORE_BYTES >= len(sample)


def _score(decoded: str, name: str, hinted: Mapping[str, str]) -> float:
    """Bits: the cost of the reading, its prior, its evidence against; lower is better."""
    score = float(cost(decoded, han_reading=name in _HAN_ENCODINGS)) + _PRIOR_BITS.get(name, _NEIGHBOUR_PRIOR_BITS)
    if name in hinted:
        score -= _DECLARED_BONUS_BITS
    return score


def _fallback(data: bytes) -> DecodeResult:
    """Text in no encoding zhclean ranks: charset-normalizer's guess, else latin-1."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        best = None
    else:
        best = from_bytes(data[:SAMPLE_BYTES]).best()
    if best is not None:
        name = normalize_encoding(best.encoding) or best.encoding
        try:
            return DecodeResult(data.decode(name), name, 0.5, "fallback")
        except (UnicodeDecodeError, LookupError):
            pass
    return DecodeResult(data.decode("latin-1"), "latin_1", 0.2, "fallback")


def decode_html(data: bytes, headers: Mapping[str, str] | None = None) -> DecodeResult:
    """Decode a web page: the same as :func:`decode` with the response headers.

    The page's ``<meta charset>`` is read by :func:`decode` itself.

    >>> decode_html("<meta charset=gbk><p>你好</p>".encode("gbk")).encoding
    'gb18030'
    """
    return decode(data, headers=headers)


class StreamDecoder:
    """Decode a binary stream of any size in bounded memory.

    The encoding is chosen from the first bytes (until a non-ASCII byte has been seen, or
    ``max_head`` bytes), by the same evidence as :func:`decode`; the rest is decoded
    chunk by chunk with an incremental decoder. Bytes that do not decode become U+FFFD,
    and their offsets are in :attr:`errors` once the iteration is done.

    >>> import io
    >>> stream = StreamDecoder(io.BytesIO("中文字符".encode("gbk") * 3), chunk_size=5)
    >>> "".join(stream), stream.encoding
    ('中文字符中文字符中文字符', 'gb18030')
    """

    def __init__(self, stream: BinaryIO, *, headers: Mapping[str, str] | None = None,
                 declared: str | None = None, encoding: str = "auto",
                 chunk_size: int = 64 * 1024, max_head: int = 1024 * 1024) -> None:
        self._stream = stream
        self._chunk_size = chunk_size
        self.errors: list[tuple[int, int]] = []
        head = b""
        while len(head) < max_head:
            chunk = stream.read(min(chunk_size, max_head - len(head)))
            if not chunk:
                break
            head += chunk
            if len(head) >= SAMPLE_BYTES and not head.isascii():
                break
        self._head = head
        self.encoding, self.confidence, self.source = self._choose(head, headers, declared, encoding)

    def _choose(self, head: bytes, headers: Mapping[str, str] | None, declared: str | None,
                encoding: str) -> tuple[str, float, str]:
        for bom, name in _BOMS:
            if head.startswith(bom):
                return name, 1.0, "bom"
        if encoding and encoding != "auto":
            forced = normalize_encoding(encoding)
            if forced is None:
                raise DecodeError(f"unknown encoding {encoding!r}")
            return forced, 1.0, "given"
        utf16 = _utf16_guess(head)
        if utf16:
            return utf16, 0.9, "detected"
        if not _looks_textual(head):
            raise BinaryInputError(_BINARY_MESSAGE)
        hinted = _hints(head, headers, declared)
        if head.isascii():
            return "utf-8", 0.9, hinted.get("utf-8", "detected")
        sample = head[:SAMPLE_BYTES]
        ranked = _rank(sample, False, hinted)
        if not ranked:
            return "utf-8", 0.3, "fallback"
        score, _, name, _ = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else None
        return name, _confidence(score, runner_up), hinted.get(name, "detected")

    def __iter__(self) -> Iterator[str]:
        factory = codecs.getincrementaldecoder(self.encoding)
        decoder = factory()
        consumed = 0  # bytes handed to the decoder so far
        chunk: bytes = self._head
        self._head = b""
        while True:
            final = not chunk
            pending = decoder.getstate()[0]
            base = consumed - len(pending)
            data = chunk
            pieces = []
            while True:
                try:
                    pieces.append(decoder.decode(data, final=final))
                    break
                except UnicodeDecodeError as e:
                    # e.object is what the decoder held plus what it was given
                    buffer = bytes(e.object)
                    pieces.append(factory().decode(buffer[:e.start], final=True))
                    pieces.append("\ufffd")
                    self.errors.append((base + e.start, base + e.end))
                    base += e.end
                    data = buffer[e.end:]
                    decoder = factory()
            consumed += len(chunk)
            text = "".join(pieces)
            if text:
                yield text
            if final:
                return
            chunk = self._stream.read(self._chunk_size)
