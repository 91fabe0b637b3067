"""Mojibake repair: text that was encoded one way and decoded another.

The chains found in Chinese text, each undone by encoding the garbled span the way it
was wrongly decoded and decoding the bytes the way they were meant:

=========================  ===========  =========================  ==========
chain                      looks like   undo                        alphabet
=========================  ===========  =========================  ==========
UTF-8 read as GBK          ``涓枃``      encode gb18030, decode utf-8   Han
GBK read as Big5           ``笢恅``      encode big5hkscs, decode gb18030  Han
Big5 read as GBK           ``ㄓゅ``      encode gb18030, decode big5hkscs  Han
GBK read as latin-1/cp1252 ``ÖÐÎÄ``     encode cp1252, decode gb18030  Latin-1
UTF-8 read as cp1252       ``æµ‹è¯•``   encode cp1252, decode utf-8    Latin-1
=========================  ===========  =========================  ==========

Runs of the alphabet of each chain are cut out of the text (a garbled comment inside
code, one bad line in a good page) and each run is repaired on its own, only when the
repaired run is clearly more plausible (:mod:`zhclean.badness`) than the run as it
stands. Two layers (UTF-8 read as cp1252, twice) come undone because the pipeline runs
the stage until the text stops changing. The Western chains and the rest of Unicode's
damage go through ftfy, configured so that it leaves Chinese punctuation, quotes and
character width alone.

Irreversible damage is flagged, not guessed at: ``锟斤拷`` (U+FFFD written as UTF-8 and
read as GBK), runs of U+FFFD, and ``烫烫烫``/``屯屯屯`` (uninitialised MSVC memory).

>>> repair_mojibake("鏂囧瓧")
'文字'
>>> repair_mojibake("// ÖÐÎÄÂÒÂë")
'// 中文乱码'
>>> repair_mojibake("浣纱的西施")  # a real word that looks like mojibake stays
'浣纱的西施'
"""
from __future__ import annotations

from typing import NamedTuple

import regex

from ..badness import cost
from ..chardata import HAN, HAN_COST
from ..report import Change

STEP = "repair_mojibake"


class Chain(NamedTuple):
    name: str  # how the report describes it
    encode: str  # how the text was wrongly decoded: encode it back this way
    decode: str  # how the bytes were meant


# cp1252 leaves five bytes undefined (0x81 0x8D 0x8F 0x90 0x9D); Windows and most
# decoders pass them through as the C1 controls of latin-1. "Sloppy" cp1252 maps every
# byte, so that a run can be turned back into bytes whichever of the two read it.
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


def _encode_sloppy_cp1252(text: str) -> bytes:
    return text.translate(_SLOPPY).encode("latin-1")


_LATIN_CHAINS = (
    Chain("gbk read as latin-1/cp1252", "sloppy-cp1252", "gb18030"),
    Chain("utf-8 read as latin-1/cp1252", "sloppy-cp1252", "utf-8"),
    Chain("big5 read as latin-1/cp1252", "sloppy-cp1252", "big5hkscs"),
)
_HAN_CHAINS = (
    Chain("utf-8 read as gbk", "gb18030", "utf-8"),
    Chain("gbk read as big5", "big5hkscs", "gb18030"),
    Chain("big5 read as gbk", "gb18030", "big5hkscs"),
    Chain("utf-8 read as big5", "big5hkscs", "utf-8"),
)

# Runs of the latin-1/cp1252 alphabet: U+0080..U+00FF and cp1252's 27 specials (€ ‚ ƒ „
# … ‹ Œ ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ ...). A GBK character whose second byte is ASCII
# 0x40..0x7E (體 is F3 77, read as latin-1 "ów") keeps that letter in the run, so a
# non-ASCII character takes the ASCII letter after it as a pair. Four or more characters
# in a run, two Han characters' worth: one or two accented letters in a row are French or
# German (« Ça »), not mojibake.
_L = f"[\u0080-\u00ff{regex.escape(_CP1252_SPECIALS)}]"
_LATIN_RUN = regex.compile(f"(?:{_L}[\x40-\x7e]|{_L})(?:{_L}[\x40-\x7e]|{_L})+")
_MIN_LATIN_RUN = 4

# Runs of anything but ASCII and white space: where UTF-8 read as GBK or Big5 lives
# (涓枃, 浣犲ソ锛屼笘鐣岋紒). Full-width punctuation belongs: 锛 + 屼 is "，".
_WIDE_RUN = regex.compile(r"[^\x00-\x7f\s]{2,}")
# Cheap precheck for the Western-looking chains: every such mojibake holds letters or
# signs of U+00A1..U+00FF (UTF-8 lead bytes read as cp1252 are Â..ô; GBK lead bytes are
# 0x81..0xFE). Curly quotes, bullets and dashes alone (cp1252 specials common in clean
# Chinese text) do not wake the stage up.
_HAS_LATIN1 = regex.compile("[\u00a1-\u00ff]")
# ftfy runs on those lines only, not on the whole text.
_LATIN1_LINE = regex.compile("^.*[\u00a1-\u00ff].*$", regex.M)

# Damage that cannot be undone: flag it.
_LOSSY = (
    (regex.compile(r"(?:锟斤拷)+|(?:锟斤)+"), "锟斤拷: U+FFFD replacement characters written as UTF-8 and read as GBK"),
    (regex.compile("\ufffd{2,}"), "runs of U+FFFD: bytes lost in an earlier decoding"),
    (regex.compile(r"(?:烫){4,}|(?:屯){4,}"), "烫烫烫/屯屯屯: uninitialised memory printed as GBK"),
)

# What a repair must produce: CJK text (Han, kana, hangul, CJK and full-width
# punctuation) and ASCII, nothing else; a Western result is ftfy's business. Its Han
# characters must not be rare ones on average: the words of real Chinese average 11 to
# 13 bits a character (测 13, 试 12), garbage made of rare characters 16 and more.
_CJK_RESULT = regex.compile(
    r"[\x00-\x7f\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    r"\uff00-\uffef\u2010-\u2027\u00b7]*"
)
_MAX_MEAN_HAN_COST = 14.5


# Kana in a repair must read as Japanese: small kana (ゃ ゅ っ ァ...) and the long-vowel
# mark only follow kana, and a few kana are not enough evidence. Without this, GBK text
# read as Big5 "repairs" 孔祥文 into ふ不ゅ.
_KANA = regex.compile(r"[\u3040-\u30ff]")
_BAD_SMALL_KANA = regex.compile(r"(?:^|[^\u3040-\u30ff])[ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー]")
_MIN_KANA = 3


def _is_plausible_cjk(text: str) -> bool:
    if not _CJK_RESULT.fullmatch(text):
        return False
    kana = len(_KANA.findall(text))
    if kana and (kana < _MIN_KANA or _BAD_SMALL_KANA.search(text)):
        return False
    hans = HAN.findall(text)
    if not hans:
        return kana >= _MIN_KANA  # Japanese written in kana alone
    return sum(HAN_COST.get(h, 17) for h in hans) / len(hans) <= _MAX_MEAN_HAN_COST


# A repair must make the run at least this much cheaper, in bits and in proportion:
# clearly more plausible, not merely different.
_MIN_GAIN_BITS = 8
_MIN_GAIN_RATIO = 0.75


def _try_chain(run: str, chain: Chain) -> str | None:
    try:
        if chain.encode == "sloppy-cp1252":
            data = _encode_sloppy_cp1252(run)
        else:
            data = run.encode(chain.encode)
        return data.decode(chain.decode)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def _best_repair(run: str, chains: tuple[Chain, ...]) -> tuple[str, Chain] | None:
    # The byte round trips run in C and fail at once on clean text; the cost model, in
    # Python, runs only on a run that some chain turns into plausible CJK.
    candidates = []
    for chain in chains:
        fixed = _try_chain(run, chain)
        if fixed is not None and fixed != run and _is_plausible_cjk(fixed):
            candidates.append((fixed, chain))
    if not candidates:
        return None
    before = cost(run)
    best: tuple[int, str, Chain] | None = None
    for fixed, chain in candidates:
        after = cost(fixed)
        if best is None or after < best[0]:
            best = (after, fixed, chain)
    if best is None:
        return None
    after, fixed, chain = best
    if before - after >= _MIN_GAIN_BITS and after <= before * _MIN_GAIN_RATIO:
        return fixed, chain
    return None


# Characters common enough (cost 11 bits or less, the ~800 most frequent) that a run made
# of nothing else is clean text: mojibake of the Han chains always holds rarer ones (UTF-8
# lead bytes read as GBK land in GB2312's level-2 rows). The check is one C call.
_COMMON = frozenset(ch for ch, c in HAN_COST.items() if c <= 11) | frozenset(
    "，。、；：！？「」『』“”‘’（）《》〈〉【】…—～·　"
)


# A run of Han characters is a suspect only when it reads badly on its own: mojibake of
# the Han chains averages 14 bits a character and more (笢恅 17, 鏍稿績姒傚康 14.8),
# clean text 9 to 11 (追求 11.5, which GBK-read-as-Big5 would "repair" into 發―).
# Measured on 3,000 review lines through three chains: 99 % of clean runs fall below
# 12.5 bits, 99.9 % of mojibake runs above 11.5.
_MIN_SUSPECT_COST = 12.0


def _repair_runs(text: str, pattern: regex.Pattern[str], chains: tuple[Chain, ...],
                 counts: dict[str, int], min_len: int = 2, skip_common: bool = False) -> str:
    pieces: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        run = m.group(0)
        if len(run) < min_len:
            continue
        if skip_common and (_COMMON.issuperset(run) or cost(run) < _MIN_SUSPECT_COST * len(run)):
            continue
        found = _best_repair(m.group(0), chains)
        if found is None:
            continue
        fixed, chain = found
        pieces.append(text[last:m.start()])
        pieces.append(fixed)
        last = m.end()
        counts[chain.name] = counts.get(chain.name, 0) + 1
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


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


def find_lossy(text: str) -> list[Change]:
    """Flags for damage that cannot be undone (see the module docstring)."""
    changes = []
    for pattern, why in _LOSSY:
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
        new = _repair_runs(new, _LATIN_RUN, _LATIN_CHAINS, counts, _MIN_LATIN_RUN)
        if _HAS_LATIN1.search(new):
            fixed = _LATIN1_LINE.sub(lambda m: _ftfy(m.group(0)), new)
            if fixed != new:
                counts["western mojibake (ftfy)"] = 1
                new = fixed
    new = _repair_runs(new, _WIDE_RUN, _HAN_CHAINS, counts, skip_common=True)
    changes = [Change(STEP, "replace", name, n) for name, n in counts.items()]
    changes += find_lossy(new)
    return new, changes


def repair_mojibake(text: str) -> str:
    """Repair mojibake in ``text`` (see the module docstring); clean text comes back as is.

    >>> repair_mojibake("æµ‹è¯•æ–°é—»")
    '测试新闻'
    """
    return repair_mojibake_and_explain(text)[0]
