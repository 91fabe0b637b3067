"""Mojibake repair: text that was encoded one way and decoded another.

The chains found in Chinese text, each undone by encoding the garbled span the way it
was wrongly decoded and decoding the bytes the way they were meant:

===============================  =================  ===============================
chain                            looks like         undo
===============================  =================  ===============================
UTF-8 read as GBK                ``浣犲ソ``          encode gb18030, decode utf-8
UTF-8 read as Big5               ``雿末``            encode big5hkscs, decode utf-8
UTF-8 read as Windows cp936      ``涓?`` ``閫€``      encode cp936 ('?' lost two bytes)
GBK read as Big5                 ``笢恅``            encode big5hkscs, decode gb18030
Big5 read as GBK                 ``ㄓゅ``            encode gb18030, decode big5hkscs
GBK read as latin-1/cp1252       ``ÖÐÎÄ``           encode cp1252, decode gb18030
GBK read as cp1250/ISO-8859-16   ``ÖĐÎÄ``           encode cp1250, decode gb18030
UTF-8 read as latin-1/cp1252     ``æµ‹è¯•``         encode cp1252, decode utf-8
GBK read as latin-1, then that   ``Ã–ÃÃŽÃ„``       both, in turn
text as UTF-8 read as cp1252
UTF-8 read as cp1252, twice      ``Ã¦ÂµÂ‹``          the same, twice
===============================  =================  ===============================

Garbled spans are found inside clean text (a comment in code, a cell of a Markdown
table, one bad line of a good page, a title glued to its label such as
``标题：浣犲ソ``) and each is repaired on its own, only when the repaired span is
clearly more plausible (:mod:`zhclean.badness`) than the span as it stands. For the
chains that end in UTF-8, the bytes themselves say where the garbled span is: only
mojibake re-encodes into valid UTF-8 sequences. Layers come undone because the stage
runs until the text stops changing. The Western chains and the rest of Unicode's damage
go through ftfy, configured so that it leaves Chinese punctuation, quotes and width alone.

Lossy damage: around a lost byte (``?`` of cp936, U+FFFD of a decoder with
``errors="replace"``), every other character is recovered, the lost one becomes U+FFFD,
and the report flags it. ``锟斤拷`` (U+FFFD written as UTF-8 and read as GBK), runs of
U+FFFD, private-use characters and ``烫烫烫``/``屯屯屯`` (uninitialised memory) are
flagged, never guessed at.

>>> repair_mojibake("鏂囧瓧")
'文字'
>>> repair_mojibake("// ÖÐÎÄÂÒÂë")
'// 中文乱码'
>>> repair_mojibake("标题：浣犲ソ")
'标题：你好'
>>> repair_mojibake("浣纱的西施")  # a real word that looks like mojibake stays
'浣纱的西施'
"""
from __future__ import annotations

import functools
import re
from itertools import accumulate
from typing import NamedTuple

import regex

from ..badness import bigram_bonus, context_cost, cost
from ..chardata import HAN, HAN_COST, T2S_FOLD
from ..report import Change

STEP = "repair_mojibake"


class Chain(NamedTuple):
    name: str  # how the report describes it
    steps: tuple[tuple[str, str], ...]  # (encode as, decode as), applied in turn
    lossy: bool = False  # '?' and U+FFFD in the span stand for lost bytes


# cp1252 leaves five bytes undefined (0x81 0x8D 0x8F 0x90 0x9D); Windows and most
# decoders pass them through as the C1 controls of latin-1. "Sloppy" cp1252 maps every
# byte, so that a span can be turned back into bytes whichever of the two read it.
_CP1252_TO_LATIN1: dict[int, str] = {}
for _b in range(0x80, 0x100):
    try:
        _ch = bytes([_b]).decode("cp1252")
    except UnicodeDecodeError:
        continue
    if ord(_ch) != _b:
        _CP1252_TO_LATIN1[ord(_ch)] = chr(_b)
_SLOPPY = str.maketrans(_CP1252_TO_LATIN1)
_CP1252_SPECIALS = "".join(chr(c) for c in _CP1252_TO_LATIN1)
# The letters cp1250 and ISO-8859-16 have where latin-1 has others (Ą Ł Ś Ť Ž ˇ ˘ ...).
_EXTRA_SINGLE_BYTE = "".join(sorted({
    ch for enc in ("cp1250", "iso8859_16") for b in range(0x80, 0x100)
    for ch in bytes([b]).decode(enc, "ignore") if ord(ch) > 0xFF
} - set(_CP1252_SPECIALS)))

# Two invalid bytes: what a '?' of Windows code page 936 stands for (it replaces an
# invalid pair, swallowing the byte after the bad one), or a U+FFFD of a decoder that
# replaced. They keep the alignment of the bytes around them, so that every other
# character decodes.
_LOST = b"\xff\xff"
_LOST_ONE = b"\xff"


def _encode(text: str, how: str) -> bytes:
    if how == "sloppy-cp1252":
        return text.translate(_SLOPPY).encode("latin-1")
    if how == "cp936":
        # Windows cp936 reads a lone 0x80 as €; Python's gbk has no €: split on it.
        return b"\x80".join(part.encode("gbk") for part in text.split("€"))
    if how == "cp936-lossy":
        return _LOST.join(_encode(part, "cp936") for part in text.split("?"))
    if how == "gb18030-lossy":  # a replacing GB18030 decoder: one U+FFFD, one bad byte
        return _LOST_ONE.join(part.encode("gb18030") for part in text.split("\ufffd"))
    if how == "gb18030-lossy2":  # ... or a bad pair
        return _LOST.join(part.encode("gb18030") for part in text.split("\ufffd"))
    return text.encode(how)


_LATIN_CHAINS = (
    Chain("gbk read as latin-1/cp1252", (("sloppy-cp1252", "gb18030"),)),
    Chain("utf-8 read as latin-1/cp1252", (("sloppy-cp1252", "utf-8"),)),
    Chain("big5 read as latin-1/cp1252", (("sloppy-cp1252", "big5hkscs"),)),
    Chain("gbk read as cp1250", (("cp1250", "gb18030"),)),
    Chain("gbk read as iso-8859-16", (("iso8859_16", "gb18030"),)),
    Chain("gbk read as latin-1, then as utf-8 read as cp1252",
          (("sloppy-cp1252", "utf-8"), ("sloppy-cp1252", "gb18030"))),
    Chain("utf-8 read as latin-1/cp1252, twice", (("sloppy-cp1252", "utf-8"), ("sloppy-cp1252", "utf-8"))),
)
# Chains whose bytes end as UTF-8: the garbled span can be found in the bytes.
_UTF8_CHAINS = (
    Chain("utf-8 read as gbk", (("gb18030", "utf-8"),)),
    Chain("utf-8 read as cp936", (("cp936", "utf-8"),)),
    Chain("utf-8 read as big5", (("big5hkscs", "utf-8"),)),
)
_HAN_CHAINS = (
    Chain("gbk read as big5", (("big5hkscs", "gb18030"),)),
    Chain("big5 read as gbk", (("gb18030", "big5hkscs"),)),
)
_LOSSY_CHAINS = (
    Chain("utf-8 read as cp936, bytes lost", (("cp936-lossy", "utf-8"),), lossy=True),
    Chain("utf-8 read as gbk, bytes lost", (("gb18030-lossy", "utf-8"),), lossy=True),
    Chain("utf-8 read as gbk, byte pairs lost", (("gb18030-lossy2", "utf-8"),), lossy=True),
)

# Runs of the single-byte alphabets: U+0080..U+00FF, cp1252's specials (€ ‚ ƒ „ … ‹ Œ
# ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ) and the cp1250/ISO-8859-16 letters. A GBK character whose
# second byte is ASCII 0x40..0x7E (體 is F3 77, read as latin-1 "ów") keeps that letter
# in the run, so a non-ASCII character takes the ASCII letter after it as a pair, and a
# single space between two such characters stays in (it may be a lost 0xA0). Four
# or more characters in a run, two Han characters' worth: one or two accented letters
# in a row are French or German (« Ça »), not mojibake.
_L = f"[\u0080-\u00ff{re.escape(_CP1252_SPECIALS + _EXTRA_SINGLE_BYTE)}]"
_LATIN_RUN = re.compile(f"(?:{_L}[\x40-\x7e]|{_L})(?:{_L}[\x40-\x7e]|{_L}| (?={_L}))+")
_MIN_LATIN_RUN = 4
# Runs of anything but ASCII and white space: where UTF-8 read as GBK or Big5 lives
# (浣犲ソ锛屼笘鐣岋紒). Full-width punctuation belongs: 锛 + 屼 is "，".
_WIDE_RUN = regex.compile(r"[^\x00-\x7f\s]{2,}")
# A mark of lost bytes after a wide character: 鏈彃浠剁殑 ... 涓? (see _repair_lossy_runs)
_MARK_RUNS = re.compile("\ufffd+")
_LOSSY_HINT = re.compile(r"[^\x00-\x7f\s][?\ufffd]")
# Cheap precheck for the Western-looking chains: every such mojibake holds a letter or
# sign of U+0080..U+024F (cp1250 and ISO-8859-16 read GBK as Latin Extended: ąű˛»)
# next to another one or to a cp1252 special (UTF-8 lead bytes
# read as cp1252 are Â..ô, followed by continuation bytes; GBK reads as pairs). A lone
# ©, · or × in clean Chinese text, curly quotes and dashes, or soft hyphens (U+00AD,
# invisible, left to the normalize stage) do not wake the stage up.
_HAS_LATIN1 = re.compile(
    "[\u0080-\u00ac\u00ae-\u024f\u02c7-\u02dd][\u0080-\u024f\u02c6-\u02dd\u2013-\u203a\u20ac\u2122]")
# ftfy runs on those lines only, not on the whole text.
_LATIN1_LINE = re.compile("^.*[\u0080-\u00ff].*$", re.M)

# Valid UTF-8 multi-byte sequences, two or more in a row (six bytes and more for CJK):
# in the bytes of a run re-encoded the wrong way round, mojibake makes them (and clean
# text, by accident, a short one now and then, which the plausibility check turns down).
_UTF8_SEQUENCE = re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}")
_UTF8_STRETCH = re.compile(
    rb"(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}){2,}"
)

# Damage that cannot be undone: flag it.
_LOSSY_MARKS = (
    (regex.compile(r"(?:锟斤拷)+|(?:锟斤)+"), "锟斤拷: U+FFFD replacement characters written as UTF-8 and read as GBK"),
    (regex.compile("\ufffd+"), "U+FFFD: bytes lost in an earlier decoding"),
    (regex.compile(r"(?:烫){4,}|(?:屯){4,}"), "烫烫烫/屯屯屯: uninitialised memory printed as GBK"),
    (regex.compile(r"[\ue000-\uf8ff]+"), "private-use characters: bytes an earlier decoding could not map"),
)

# What a repair must produce: CJK text (Han, kana, hangul, CJK and full-width
# punctuation, the symbols of Chinese encodings) and ASCII, nothing else; a Western result is ftfy's business. Its Han
# characters must not be rare ones on average: the words of real Chinese average 11 to
# 13 bits a character (测 13, 试 12), garbage made of rare characters 16 and more.
_CJK_RESULT = regex.compile(
    r"[\x00-\x7f\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\uffef"
    r"\u2010-\u2027\u00b7\u00a0\ufffd"
    # the symbols of GB2312's and Big5's first rows, which Chinese text uses: ° ± × ÷ §,
    # № ℃ Ⅻ, arrows, ∈ ≤ ∞, ①, │ ┌ ■ ★ ※, ㈠ ㎡
    r"\u00a7\u00a8\u00b0\u00b1\u00d7\u00f7\u2030-\u2033\u203b\u2100-\u27bf\u3200-\u33ff]*"
)
_MAX_MEAN_HAN_COST = 14.5
# Kana in a repair must read as Japanese: small kana (ゃ ゅ っ ァ...) and the long-vowel
# mark only follow kana, and a few kana are not enough evidence. Without this, GBK text
# read as Big5 "repairs" 孔祥文 into ふ不ゅ.
_KANA = regex.compile(r"[\u3040-\u30ff]")
_WIDE_FORMS = regex.compile(
    r"[\u3000-\u303f\uff01-\uff5e\u2014\u2026\u201c\u201d\u00b0\u00b1\u00d7\u00f7\u2100-\u27bf\u3200-\u33ff]"
)
_BAD_SMALL_KANA = regex.compile(r"(?:^|[^\u3040-\u30ff])[ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー]")
_MIN_KANA = 3

# A repair must make the span at least this much cheaper, in bits and in proportion:
# clearly more plausible, not merely different.
_MIN_GAIN_BITS = 8
_MIN_GAIN_RATIO = 0.75
_BIG5_PRIOR_BITS = 3
_MIN_MEAN_SPAN = 4
_GARBAGE_MEAN = 13.5
_TEXT_MEAN = 11.5
_PREFERRED_BITS = 1000
# ... or this many bits per character: GBK read as Big5 turns Han into Han, and a long
# span saves much without saving a quarter (琴烤漆，键盘 from ポ蕪〆ㄛ瑩攫: 312 → 237).
_MIN_GAIN_PER_CHAR = 4
# A piece of a run (cut out between characters a chain cannot hold) must be this long and
# save this much per character: a short piece of clean text can read "better" by chance.
_MIN_PIECE = 3
_MIN_PIECE_GAIN_PER_CHAR = 5

# A run of Han characters is a suspect of the GBK/Big5 chains only when it reads badly on
# its own: mojibake of those chains averages 14 bits a character and more (笢恅 17),
# clean text 9 to 11 (追求 11.5, which GBK-read-as-Big5 would "repair" into 發―).
# Measured on 3,000 review lines through three chains: 99 % of clean runs fall below
# 12.5 bits, 99.9 % of mojibake runs above 11.5.
_MIN_SUSPECT_COST = 12.0
# Characters common enough (the ~800 most frequent) that a run made of nothing else is
# clean text, decided in one C call before any cost is computed.
_COMMON = frozenset(ch for ch, c in HAN_COST.items() if c <= 11) | frozenset(
    "，。、；：！？「」『』“”‘’（）《》〈〉【】…—～·　"
)
# ... and as a class, to count them with one C-level substitution
_NOT_COMMON = re.compile("[^" + "".join(re.escape(c) for c in sorted(_COMMON)) + "]+")


# Simple character classes use the standard library's re, which scans them several times
# faster than regex; regex stays where its features are needed (REVERSE, \p{...}).
# The cheap scan: mojibake of the Han chains is made of rare characters (15 bits and
# more), two or more close together (浣犲ソ, 銆丆PU, 笢恅); clean text, even with a rare
# name in it, has few such pairs. The class of rare characters is built from the cost
# table as a few thousand ranges: re compiles it into a bitmap and scans a page in C,
# six times faster than mapping every character first.
_SUSPECT_BITS = 15


@functools.lru_cache(maxsize=1)
def _rare_pair() -> re.Pattern[str]:
    from ..badness import _table

    table, han_reading = _table(False), _table(True)
    ranges: list[tuple[int, int]] = []
    for o in range(0x80, 0x10000):
        # rare characters, and what a GBK or Big5 reading makes of other bytes (kana,
        # Greek, Cyrillic, private use: dearer as such a reading than as they stand)
        if (table[o] >= _SUSPECT_BITS or han_reading[o] > table[o]) and not 0xD800 <= o <= 0xDFFF:
            if ranges and ranges[-1][1] == o - 1:
                ranges[-1] = (ranges[-1][0], o)
            else:
                ranges.append((o, o))
    cls = "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                        for a, b in ranges) + "]"
    cls = cls[:-1] + "\U00010000-\U0010ffff]"  # the supplementary planes: all rare
    return re.compile(f"{cls}[^\\x00-\\x7f\\s]?{cls}")


# The neighbourhood of a rare pair must cost this much per character to be a suspect.
# Measured on the synthetic set's mojibake and on the 22 shared pages: see the issue note.
_WINDOW_BEFORE, _WINDOW_AFTER = 0, 4
_MIN_WINDOW_COST = 13.0

_RUN_BACK = regex.compile(r"[^\x00-\x7f\s]*", regex.REVERSE)
_RUN_FORWARD = re.compile(r"[^\x00-\x7f\s]*")


def _suspect_runs(text: str) -> list[tuple[int, int]]:
    """The wide runs (see _WIDE_RUN) that hold a pair of rare characters, found from the
    pairs, so that the many clean runs of a page cost nothing."""
    runs: list[tuple[int, int]] = []
    for m in _rare_pair().finditer(text):
        if runs and m.start() < runs[-1][1]:
            continue
        back = _RUN_BACK.match(text, 0, m.start())
        start = back.start() if back else m.start()
        forward = _RUN_FORWARD.match(text, m.start())
        end = forward.end() if forward else m.end()
        # A rare name in clean text brings its pair, but the characters around it are
        # common: the neighbourhood of a pair of mojibake reads badly as a whole.
        window = text[max(start, m.start() - _WINDOW_BEFORE):min(end, m.end() + _WINDOW_AFTER)]
        if cost(window, han_reading=True) - bigram_bonus(window) < _MIN_WINDOW_COST * len(window):
            continue  # (words of rare characters read well: 呵呵, 嘿嘿, 受益匪浅)
        # Traditional text (娛樂圈, 囝囝) is rare to a Simplified table: folded to Simplified,
        # clean Traditional reads well, and is no suspect
        folded = window.translate(T2S_FOLD)
        if folded != window and cost(folded, han_reading=True) < _MIN_WINDOW_COST * len(window):
            continue
        if end - start >= 2:
            runs.append((start, end))
    return runs


def _is_plausible_cjk(text: str, relaxed: bool = False) -> bool:
    if not _CJK_RESULT.fullmatch(text):
        return False
    kana = len(_KANA.findall(text))
    if kana and (kana < _MIN_KANA or _BAD_SMALL_KANA.search(text)):
        return False
    hans = HAN.findall(text)
    if not hans:
        # Japanese written in kana alone, or full-width forms, CJK punctuation and symbols
        # alone (ＴＲＩＰ, ：, ×); two characters at least unless relaxed
        return kana >= _MIN_KANA or (not kana and len(_WIDE_FORMS.findall(text)) >= (1 if relaxed else 2)
                                     and _WIDE_FORMS.sub("", text).isascii())
    # the pairs the characters make count: 呵呵 and 棒 are words, rare characters or not
    han_cost = sum(HAN_COST.get(h, 17) for h in hans) - bigram_bonus(text)
    return han_cost / len(hans) <= _MAX_MEAN_HAN_COST


def _restore_a0(data: bytes) -> str:
    """UTF-8 read as latin-1 loses its 0xA0 bytes: read as a no-break space, they become
    spaces or are trimmed away (ä¸Šä¼ for 上传). Put them back where that makes valid
    UTF-8: spaces inside, one byte missing at the end. ftfy does the same for spaces."""
    for candidate in (data.replace(b" ", b"\xa0"), data + b"\xa0", data.replace(b" ", b"\xa0") + b"\xa0"):
        try:
            return candidate.decode("utf-8")
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("utf-8", data, 0, len(data), "no 0xA0 restores it")


# CJK punctuation at the edge of a span read through GBK/Big5: both encodings write
# 。，、 the same way, so a 。 that ends a garbled run was most likely clean (and Big5
# would make ﹝ of it).
_EDGE_PUNCT = "。，、；：？！"


def _apply(span: str, chain: Chain) -> str | None:
    if chain in _HAN_CHAINS:
        core = span.strip(_EDGE_PUNCT)
        if core != span and core:
            fixed = _apply_steps(core, chain)
            if fixed is None:
                return None
            head = span[:span.index(core)]
            return head + fixed + span[len(head) + len(core):]
    return _apply_steps(span, chain)


def _apply_steps(span: str, chain: Chain) -> str | None:
    try:
        for how, meant in chain.steps:
            data = _encode(span, how)
            try:
                span = data.decode(meant, "replace" if chain.lossy else "strict")
            except UnicodeDecodeError:
                if not (meant == "utf-8" and how == "sloppy-cp1252"):
                    raise
                span = _restore_a0(data)
        return span
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _judge(span: str, fixed: str | None, relaxed: bool = False, han_reading: bool = False) -> int | None:
    """The bits a repair saves, when it is clearly more plausible; else None.

    ``relaxed``: the same chain has repaired other spans of this text, so any saving will
    do (the damage is the document's; 补噱 → 干净 alone saves too little to be sure).
    ``han_reading``: the span is taken for a GBK or Big5 reading of other bytes, so its
    kana, Greek letters and private-use characters cost what they cost in such a reading.
    """
    if fixed is None or fixed == span or not _is_plausible_cjk(fixed, relaxed):
        return None
    before, after = context_cost(span, han_reading=han_reading), context_cost(fixed)
    gain = before - after
    if relaxed:
        return gain if gain > 0 else None
    if gain >= _MIN_GAIN_BITS and (after <= before * _MIN_GAIN_RATIO or gain >= _MIN_GAIN_PER_CHAR * len(span)):
        return gain
    # ... or, for four characters and more, from what reads like garbage (13.5 bits a
    # character and more: 滇潔怮船) to what reads like text (11.5 and less: 房间太差)
    if (len(span) >= _MIN_MEAN_SPAN and before >= _GARBAGE_MEAN * len(span)
            and after <= _TEXT_MEAN * len(fixed)):
        return gain
    return None


def _best(span: str, chains: tuple[Chain, ...], relaxed: bool = False,
          preferred: Chain | None = None, han_reading: bool = False) -> tuple[str, Chain] | None:
    """The chain that repairs ``span`` best. Chains through Big5 pay a small prior (GBK
    is the likelier of two readings that both make sense: ·³Ð¯ is 烦携, not 歲觓), and
    the chain that repaired most of the text wins any run it repairs at all."""
    best: tuple[float, str, Chain] | None = None
    for chain in chains:
        fixed = _apply(span, chain)
        gain = _judge(span, fixed, relaxed, han_reading)
        if gain is None or fixed is None:
            continue
        score = gain - (_BIG5_PRIOR_BITS if "big5" in chain.name else 0)
        if chain is preferred:
            score += _PREFERRED_BITS
        if best is None or score > best[0]:
            best = (score, fixed, chain)
    return (best[1], best[2]) if best else None


def _boundaries(run: str, data: bytes, how: str) -> frozenset[int] | range:
    """Byte offsets of the character boundaries of ``run`` encoded as ``data``."""
    if len(data) == 2 * len(run):  # CJK through a double-byte encoding: every char 2 bytes
        return range(0, len(data) + 1, 2)
    return frozenset((0, *accumulate(len(_encode(ch, how)) for ch in run)))


@functools.lru_cache(maxsize=None)
def _encodable_run(how: str) -> re.Pattern[str]:
    """Runs of characters that ``how`` can encode, as one character class (built once)."""
    def ok(ch: str) -> bool:
        try:
            _encode(ch, how)
        except UnicodeEncodeError:
            return False
        return True

    ranges: list[tuple[int, int]] = []
    for o in range(0x80, 0x10000):
        if not 0xD800 <= o <= 0xDFFF and ok(chr(o)):
            if ranges and ranges[-1][1] == o - 1:
                ranges[-1] = (ranges[-1][0], o)
            else:
                ranges.append((o, o))
    cls = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[\\x00-\\x7f{cls}\\U00010000-\\U0010ffff]+")


def _encodable_pieces(run: str, how: str) -> list[tuple[int, str]]:
    """(offset, piece) of ``run`` between characters that ``how`` cannot encode (标 is no
    Big5 character: it is clean text, and no Big5 mojibake goes through it)."""
    try:
        _encode(run, how)
        return [(0, run)]
    except UnicodeEncodeError:
        pass
    pieces = []
    for m in _encodable_run(how).finditer(run):
        try:
            _encode(m.group(0), how)
        except UnicodeEncodeError:  # a supplementary character it cannot hold
            continue
        pieces.append((m.start(), m.group(0)))
    return pieces


def _utf8_spans(run: str, chain: Chain) -> list[tuple[int, int, str]]:
    """Spans of ``run`` (start, end, repaired) whose bytes, encoded the chain's way, form
    valid UTF-8 and read better: found in the bytes, in C, then checked one by one."""
    how = chain.steps[0][0]
    pieces = _encodable_pieces(run, how)
    if pieces != [(0, run)]:
        return [(offset + i, offset + j, fixed)
                for offset, piece in pieces if len(piece) >= 2 for i, j, fixed in _utf8_spans(piece, chain)]
    data = _encode(run, how)
    stretches = list(_UTF8_STRETCH.finditer(data))
    if not stretches:
        return []
    bounds = _boundaries(run, data, how)
    char_at = {b: i for i, b in enumerate(sorted(bounds))} if not isinstance(bounds, range) else None
    found = []
    step = 2 if char_at is None else 1
    for m in stretches:
        if m.end() - m.start() < 6:
            continue
        # the stretch may begin inside a character (the tail of 题 and the "：" after it
        # make a valid sequence): take the first boundary where a stretch begins
        pos = m.start() + (m.start() % step)
        while pos < m.end() - 3:
            if 0xC2 <= data[pos] <= 0xF4 and pos in bounds:
                hit = _UTF8_STRETCH.match(data, pos, m.end())
                if hit:
                    end = hit.end()
                    while end > pos and end not in bounds:
                        end -= 1
                    if end - pos >= 4:
                        i = pos // 2 if char_at is None else char_at[pos]
                        j = end // 2 if char_at is None else char_at[end]
                        try:
                            fixed: str | None = data[pos:end].decode("utf-8")
                        except UnicodeDecodeError:
                            fixed = None
                        if fixed is not None and _judge(run[i:j], fixed) is not None:
                            found.append((i, j, fixed))
                            break
            pos += step
    return found


# GBK read as Big5 and Big5 read as GBK make text of fairly common characters (竭祥源晞
# for 很不方便): pairs of rare characters miss it. Such damage comes to a whole file or
# field, so the text as a whole is judged: its non-ASCII characters, as a GBK or Big5
# reading, averaging this many bits or more (clean Chinese: 10 to 11).
_MIN_TEXT_COST = 12.5
_TEXT_SAMPLE = 400
_COMMON_SHARE = 0.5
_COMMON_SAMPLE = 120  # characters: enough to tell 81 % from 0-33 %


def _reads_badly(text: str) -> bool:
    sample = text[:_TEXT_SAMPLE]
    ascii_chars = len(sample.encode("ascii", "ignore"))
    wide = len(sample) - ascii_chars
    if wide < 2:
        return False
    # First the share of very common characters, one C-level sum: 81 % in clean review
    # lines (99 % of them above 56 %), 0 to 33 % in nine of ten GBK/Big5 garblings.
    head = sample[:_COMMON_SAMPLE]
    head_wide = len(head) - len(head.encode("ascii", "ignore"))
    if head_wide < _COMMON_SAMPLE // 3:
        head, head_wide = sample, wide
    if len(_NOT_COMMON.sub("", head)) >= _COMMON_SHARE * head_wide:
        return False
    return cost(sample, han_reading=True) - 3 * ascii_chars >= _MIN_TEXT_COST * wide


def _repair_wide_run(run: str, counts: dict[str, int]) -> str:
    # The chains that end in UTF-8 can only act where the run's bytes, encoded their way,
    # hold valid UTF-8: one encode and one search (C) rule most runs out.
    utf8_chains = []
    for chain in _UTF8_CHAINS:
        how = chain.steps[0][0]
        pieces = [piece for _, piece in _encodable_pieces(run, how) if len(piece) >= 2]
        if any(_UTF8_SEQUENCE.search(_encode(piece, how)) for piece in pieces):
            utf8_chains.append(chain)
    chains = tuple(utf8_chains)
    if not _COMMON.issuperset(run) and cost(run, han_reading=True) >= _MIN_SUSPECT_COST * len(run):
        chains += _HAN_CHAINS
    if not chains:
        return run
    # 1. the whole run
    found = _best(run, chains, han_reading=True)
    if found:
        counts[found[1].name] = counts.get(found[1].name, 0) + 1
        return found[0]
    # 2. garbled spans inside the run (标题：浣犲ソ): for the chains that end in UTF-8,
    #    found in the bytes; for GBK/Big5, the pieces between characters that the chain's
    #    encoding cannot even represent (标 is no Big5 character, so no Big5 mojibake)
    repaired = _repair_han_pieces(run, counts)
    if repaired != run:
        return repaired
    for chain in utf8_chains:
        spans = _utf8_spans(run, chain)
        if spans:
            pieces, last = [], 0
            for i, j, fixed in spans:
                pieces += [run[last:i], fixed]
                last = j
            counts[chain.name] = counts.get(chain.name, 0) + len(spans)
            return "".join(pieces) + run[last:]
    return run


# Clean punctuation that sits at the edge of a garbled piece (标题：啎蚾腔炵。): tried
# without it, up to this many characters on each side.
_MAX_TRIM = 3
# Pieces are looked for only in a run that, as a GBK or Big5 reading, averages this many
# bits a character (a clean run with a rare name in it averages 10 to 11).
_MIN_PIECES_COST = 12.0


def _clean_edge(text: str) -> int:
    """How many characters at the start of ``text`` (at most _MAX_TRIM) read as clean
    text would: 12 bits or less as a GBK/Big5 reading."""
    n = 0
    for ch in text[:_MAX_TRIM]:
        if cost(ch, han_reading=True) > 12:
            break
        n += 1
    return n


def _repair_han_pieces(run: str, counts: dict[str, int]) -> str:
    """GBK read as Big5 or the reverse, inside a run: the pieces the chain's encoding can
    hold (标 is no Big5 character: clean text, which no Big5 mojibake goes through), each
    trimmed of up to two clean-looking characters on either side (the ： and 。 around a
    garbled title) when that reads better. A piece is judged harder than a whole run: 嫌疑
    of 携程有欺骗嫌疑 would "read better" as 尔好 through Big5, by too little."""
    best: tuple[float, int, int, str, Chain] | None = None
    for chain in _HAN_CHAINS:
        for offset, piece in _encodable_pieces(run, chain.steps[0][0]):
            # a piece that reads well as it stands cannot save five bits a character
            core = piece.strip(_EDGE_PUNCT)
            if len(core) < _MIN_PIECE or cost(core, han_reading=True) < _MIN_PIECES_COST * len(core):
                continue
            # only clean-looking characters are trimmed (标题： before a garbled title)
            left = _clean_edge(piece)
            right = _clean_edge(piece[::-1])
            for i in range(min(left, len(piece) - _MIN_PIECE) + 1):
                for j in range(min(right, len(piece) - _MIN_PIECE - i) + 1):
                    span = piece[i:len(piece) - j]
                    if span == run:
                        continue  # the whole run was tried already
                    fixed = _apply(span, chain)
                    if _judge(span, fixed, han_reading=True) is None or fixed is None:
                        continue
                    gain = cost(span, han_reading=True) - cost(fixed)
                    if gain < _MIN_PIECE_GAIN_PER_CHAR * len(span):
                        continue
                    score = gain - (_BIG5_PRIOR_BITS if "big5" in chain.name else 0)
                    if best is None or score > best[0]:
                        best = (score, offset + i, offset + len(piece) - j, fixed, chain)
    if best is None:
        return run
    _, start, end, fixed, chain = best
    counts[chain.name] = counts.get(chain.name, 0) + 1
    return run[:start] + fixed + run[end:]


def _split_unencodable(run: str) -> list[str]:
    """``run`` cut where a character is not in Big5 (for GBK read as Big5, that character is
    clean text): the pieces, the separators kept as their own pieces."""
    pieces: list[str] = []
    current: list[str] = []
    for ch in run:
        try:
            ch.encode("big5hkscs")
        except UnicodeEncodeError:
            if current:
                pieces.append("".join(current))
                current = []
            pieces.append(ch)
            continue
        current.append(ch)
    if current:
        pieces.append("".join(current))
    return pieces


def _consistent(text: str, counts: dict[str, int]) -> str:
    """Once a chain has repaired spans of a text, its other wide runs that read badly go
    the same way with any saving at all (the damage is the document's)."""
    chains = tuple(c for c in _UTF8_CHAINS + _HAN_CHAINS if counts.get(c.name))
    if not chains:
        return text

    def one(m: regex.Match[str]) -> str:
        run: str = m.group(0)
        if cost(run, han_reading=True) < _MIN_SUSPECT_COST * len(run):
            return run
        found = _best(run, chains, relaxed=True, han_reading=True)
        if not found:
            return run
        counts[found[1].name] += 1
        return found[0]

    return _ANY_WIDE_RUN.sub(one, text)


_ANY_WIDE_RUN = regex.compile(r"[^\x00-\x7f\s]+")


def _repair_latin_runs(text: str, counts: dict[str, int]) -> str:
    """Latin-alphabet runs of four characters and more, each through the chain that reads
    it best; where the chains disagree, the one that repaired the most characters of the
    text decides (cp1250 and ISO-8859-16 both read 闷 and 门 out of GBK bytes)."""
    runs = [m for m in _LATIN_RUN.finditer(text) if len(m.group(0)) >= _MIN_LATIN_RUN]
    found = [_best(m.group(0), _LATIN_CHAINS) for m in runs]
    votes: dict[Chain, int] = {}
    for m, f in zip(runs, found):
        if f:
            votes[f[1]] = votes.get(f[1], 0) + len(m.group(0))
    if not votes:
        return text
    major = max(votes, key=lambda c: votes[c])
    pieces, last = [], 0
    for m, f in zip(runs, found):
        if f is None:
            continue
        if f[1] is not major:
            f = _best(m.group(0), _LATIN_CHAINS, preferred=major) or f
        pieces += [text[last:m.start()], f[0]]
        last = m.end()
        counts[f[1].name] = counts.get(f[1].name, 0) + 1
    return "".join(pieces) + text[last:]


def _repair_short_latin_runs(text: str, counts: dict[str, int]) -> str:
    """Runs of two or three characters (one Han character's worth: ÔÂ for 月, £º for
    ：) are too short to judge alone; once a chain has repaired longer runs of the same
    text, the damage is the document's, and its short runs go the same way when the
    result is CJK and cheaper."""
    chains = tuple(c for c in _LATIN_CHAINS if counts.get(c.name))
    if not chains:
        return text

    def one(m: re.Match[str]) -> str:
        run: str = m.group(0)
        if len(run) >= _MIN_LATIN_RUN:
            return run
        for chain in chains:
            fixed = _apply(run, chain)
            if fixed and fixed != run and _is_plausible_cjk(fixed, relaxed=True) and cost(fixed) < cost(run):
                counts[chain.name] += 1
                return fixed
        return run

    return _LATIN_RUN.sub(one, text)


# One CJK character of UTF-8 read as cp1252 or latin-1 (5æ—¥ for 5日, çš„ for 的): a lead
# byte E3..E9 read as ã..é, then two continuation bytes 80..BF read as cp1252 or latin-1
# (or a full-width form, EF BC/BD: ï¼› for ；),
# standing alone: no letter on either side (aimé…” is French, and stays). Too short for
# _repair_latin_runs; repaired alone when it reads as a common CJK character and costs less.
_CONT = "".join(sorted({bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xC0)} - {""}
                       | {chr(b) for b in range(0x80, 0xC0)}))
_LONE_UTF8_IN_LATIN = re.compile(
    f"(?<![A-Za-z\u00c0-\u024f{re.escape(_CONT)}])(?:[\u00e3-\u00e9][{re.escape(_CONT)}]|ï[¼½])[{re.escape(_CONT)}]"
    f"(?![A-Za-z\u00c0-\u024f{re.escape(_CONT)}])")
_UTF8_IN_LATIN = next(c for c in _LATIN_CHAINS if c.name == "utf-8 read as latin-1/cp1252")


def _repair_lone_utf8_in_latin(text: str, counts: dict[str, int]) -> str:
    def one(m: re.Match[str]) -> str:
        run = m.group(0)
        fixed = _apply(run, _UTF8_IN_LATIN)
        if fixed and fixed != run and _is_plausible_cjk(fixed, relaxed=True) and cost(fixed) < cost(run):
            counts[_UTF8_IN_LATIN.name] = counts.get(_UTF8_IN_LATIN.name, 0) + 1
            return fixed
        return run

    return _LONE_UTF8_IN_LATIN.sub(one, text)


# A lossy run longer than this is not a garbled string but a wreck: flagged, not repaired
# (each repair tries every lossy chain on the whole run).
_MAX_LOSSY_RUN = 2000
_LOSSY_BACK = regex.compile(r"[^\x00-\x7f\s]*(?:[?\ufffd]+[^\x00-\x7f\s]+)*", regex.REVERSE)
_LOSSY_FORWARD = re.compile(r"[?\ufffd]*(?:[^\x00-\x7f\s]+[?\ufffd]*)*")


def _repair_lossy_runs(text: str, counts: dict[str, int]) -> str:
    """Runs with the marks of lost bytes (涓? of cp936, U+FFFD of a replacing decoder),
    found from the marks, repaired when the run is a suspect (rare characters in it)."""
    pieces: list[str] = []
    last = 0
    seen = 0  # the end of the last run looked at: each run is looked at once (linear time)
    for m in _LOSSY_HINT.finditer(text):
        if m.start() < seen:
            continue
        back = _LOSSY_BACK.match(text, last, m.start() + 1)
        start = back.start() if back else m.start()
        forward = _LOSSY_FORWARD.match(text, m.start() + 1)
        end = forward.end() if forward else m.end()
        seen = end
        run = text[start:end]
        if len(run) > _MAX_LOSSY_RUN or not _rare_pair().search(run.replace("?", "").replace("\ufffd", "")):
            continue
        fixed = _repair_lossy_run(run, counts)
        if fixed == run:
            fixed = _repair_lossy_trimmed(run, counts)
        pieces += [text[last:start], fixed]
        last = end
    if not pieces:
        return text
    return "".join(pieces) + text[last:]


def _repair_lossy_trimmed(run: str, counts: dict[str, int]) -> str:
    """A lossy run glued to clean text (标题：鐪熺殑寰堝?。): the run without up to
    _MAX_TRIM clean-looking characters on either side, the first trim that repairs."""
    left = _clean_edge(run)
    right = _clean_edge(run[::-1])
    for i in range(left + 1):
        for j in range(right + 1):
            if i == j == 0 or len(run) - i - j < 2:
                continue
            span = run[i:len(run) - j]
            if not ("?" in span or "\ufffd" in span) or not _rare_pair().search(span.replace("?", "").replace("\ufffd", "")):
                continue
            fixed = _repair_lossy_run(span, counts)
            if fixed != span:
                return run[:i] + fixed + run[len(run) - j:]
    return run


def _repair_lossy_run(run: str, counts: dict[str, int]) -> str:
    """A lossy chain wins on what it recovers: the run and its repair are compared with
    their marks of loss left out, and the repair must bring back two characters or more."""
    best: tuple[int, str, Chain] | None = None
    for chain in _LOSSY_CHAINS:
        fixed = _apply(run, chain)
        if fixed is None or not _is_plausible_cjk(fixed):
            continue
        # one mark per loss: the bytes around a lost pair break one or two characters,
        # which is not known; when two losses run together, their marks stay as decoded
        if len(_MARK_RUNS.findall(fixed)) == run.count("?") + run.count("\ufffd"):
            fixed = _MARK_RUNS.sub("\ufffd", fixed)
        recovered = fixed.replace("\ufffd", "")
        if len(HAN.findall(recovered)) < 2:
            continue
        gain = _judge(run.replace("?", "").replace("\ufffd", ""), recovered)
        if gain is not None and (best is None or gain > best[0]):
            best = (gain, fixed, chain)
    if best is None:
        return run
    counts[best[2].name] = counts.get(best[2].name, 0) + 1
    return best[1]


def _sub(pattern: re.Pattern[str], text: str, repair: object, counts: dict[str, int],
         min_len: int = 2) -> str:
    def one(m: re.Match[str]) -> str:
        run: str = m.group(0)
        return run if len(run) < min_len else repair(run, counts)  # type: ignore[operator]

    return pattern.sub(one, text)


def _ftfy(text: str) -> str:
    """ftfy's encoding fixes only: no width folding, no quote straightening, no NFKC."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=False,
        decode_inconsistent_utf8=True,
        fix_c1_controls=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text(text, config)


_LATIN1_CHARS = re.compile("[\u0080-\u00ff]")


def _ftfy_line(line: str) -> str:
    """ftfy on one line, kept only when it leaves little of the line's Latin-1 behind: on
    a line whose C1 bytes were lost, ftfy decodes a character or two out of the wreck
    (宿 of å®æ, where 守 was E5 AE 88) and leaves the rest, a repair that invents."""
    fixed = _ftfy(line)
    if fixed != line and len(_LATIN1_CHARS.findall(fixed)) * 3 > len(_LATIN1_CHARS.findall(line)):
        return line
    return fixed


_LOSSY_FIRST = re.compile("[锟烫屯\ufffd\ue000-\uf8ff]")
# UTF-8 read as Latin-1 that stayed so: three or more lead bytes of CJK (E3..E9 read as
# ã..é) each followed by continuation bytes (80..BF as Latin-1 or cp1252) within a run of
# the alphabet. What is left of it after the repairs lost bytes on the way (C1 controls
# stripped by a copy and paste, NEL turned into a space): flagged, not guessed.
_LATIN_LEFT = re.compile(f"(?:[\u00e3-\u00e9][{re.escape(_CONT)}]{{1,2}}[ ]?){{3,}}")


# GBK read as UTF-8 with replacement: most bytes become U+FFFD, and the pairs that happen
# to be valid UTF-8 survive as stray letters (没 is C3 BB, read as û; 要 is D2 AA, Ҫ).
# In a run of such marks and strays, a stray is the GBK character its bytes make only where
# the character boundaries are known: at the start of the run after ASCII (or the text's
# start), or right after another such character; after a mark, the stray's bytes may be
# the end of one character and the start of the next, and it becomes a mark too. A longer
# stray (three or four bytes) stays when it is a common character next to the loss.
_STRAYS = "\u0080-\u2fff\u3400-\u9fff\uac00-\ud7af\U00010000-\U0010ffff"
# Latin-1 signs (« ° ±) are strays only in runs of three marks and more: «\ufffd\ufffd»
# keeps its quotes.
_SIGNS = re.compile("[\u0080-\u00bf\u00d7\u00f7]")
_LOST_RUN = re.compile(f"[\ufffd{_STRAYS}]*\ufffd[\ufffd{_STRAYS}]*")
_MAX_STRAY_COST = 12


def _strays(run: str, aligned: bool) -> str:
    out = []
    for ch in run:
        if ch == "\ufffd":
            out.append(ch)
            aligned = False
            continue
        data = ch.encode("utf-8")
        if len(data) == 2:
            han = data.decode("gb18030", "replace") if aligned else ""
            ok = len(han) == 1 and HAN_COST.get(han, 99) <= _MAX_STRAY_COST
            out.append(han if ok else "\ufffd")
            aligned = ok
        else:
            out.append(ch if HAN_COST.get(ch, 99) < _MAX_STRAY_COST else "\ufffd")
            aligned = False
    return "".join(out)


def _mark_lost_runs(text: str, counts: dict[str, int]) -> str:
    def one(m: re.Match[str]) -> str:
        run = m.group(0)
        marks = run.count("\ufffd")
        if marks < 2 or marks * 2 < len(run) or marks == len(run) or (marks < 3 and _SIGNS.search(run)):
            return run
        counts["garbage between lost bytes marked as lost"] = counts.get(
            "garbage between lost bytes marked as lost", 0) + 1
        return _strays(run, m.start() == 0 or text[m.start() - 1].isascii())

    return _LOST_RUN.sub(one, text)


def find_lossy(text: str) -> list[Change]:
    """Flags for damage that cannot be undone (see the module docstring)."""
    changes = []
    if _HAS_LATIN1.search(text):
        spans = [m.start() for m in _LATIN_LEFT.finditer(text)]
        if spans:
            where = ", ".join(str(s) for s in spans[:5]) + (" ..." if len(spans) > 5 else "")
            changes.append(Change(STEP, "flag", "UTF-8 read as Latin-1 with bytes lost: not repaired "
                                  f"(at offset {where})", len(spans)))
    if not _LOSSY_FIRST.search(text):
        return changes
    for pattern, why in _LOSSY_MARKS:
        spans = [m.start() for m in pattern.finditer(text)]
        if spans:
            where = ", ".join(str(s) for s in spans[:5]) + (" ..." if len(spans) > 5 else "")
            changes.append(Change(STEP, "flag", f"{why} (at offset {where})", len(spans)))
    return changes


def repair_mojibake_and_explain(text: str) -> tuple[str, list[Change]]:
    """Repair mojibake and say, per chain, how many spans were repaired.

    >>> repair_mojibake_and_explain("浣犲ソ锛屼笘鐣岋紒")
    ('你好，世界！', [Change(step='repair_mojibake', action='replace', detail='utf-8 read as gbk', count=1)])
    """
    if text.isascii():
        return text, []
    counts: dict[str, int] = {}
    new = text
    if _HAS_LATIN1.search(new):
        new = _repair_latin_runs(new, counts)
        new = _repair_short_latin_runs(new, counts)
        new = _repair_lone_utf8_in_latin(new, counts)
        if _HAS_LATIN1.search(new):
            fixed = _LATIN1_LINE.sub(lambda m: _ftfy_line(m.group(0)), new)
            if fixed != new:
                counts["western mojibake (ftfy)"] = 1
                new = fixed
    if "?" in new or "\ufffd" in new:
        # runs with the marks of lost bytes first, whole, before their clean-looking
        # parts are taken one by one
        new = _repair_lossy_runs(new, counts)
        if "\ufffd" in new:
            new = _mark_lost_runs(new, counts)
    runs = _suspect_runs(new)
    if _reads_badly(new):
        # the whole text may be GBK read as Big5 or the reverse: every run is a suspect
        runs = [(m.start(), m.end()) for m in _WIDE_RUN.finditer(new)]
    if runs:
        pieces, last = [], 0
        for start, end in runs:
            pieces += [new[last:start], _repair_wide_run(new[start:end], counts)]
            last = end
        new = "".join(pieces) + new[last:]
        new = _consistent(new, counts)
    changes = [Change(STEP, "replace", name, n) for name, n in counts.items()]
    changes += find_lossy(new)
    return new, changes


def repair_mojibake(text: str) -> str:
    """Repair mojibake in ``text`` (see the module docstring); clean text comes back as is.

    >>> repair_mojibake("æµ‹è¯•æ–°é—»")
    '测试新闻'
    """
    return repair_mojibake_and_explain(text)[0]
