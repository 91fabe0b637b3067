"""Simplified and Traditional Chinese: detection and conversion.

Detection counts the characters written in only one script (from OpenCC's character
tables: 发 is Simplified only, 發 Traditional only, 干 or 着 either; the forms Taiwan and
Hong Kong write, and Cantonese particles, count for neither), paragraph by paragraph,
after kana and hangul have said Japanese or Korean. A paragraph that has no telling
character is ``both``; a text whose paragraphs disagree is ``mixed``. Traditional text
gets a region when its forms or words tell: Taiwan (裡, 著, 啟) or Hong Kong (説, 衞,
Cantonese 嘅 咗 佢).

Conversion runs OpenCC. Japanese and Korean paragraphs, URLs, e-mail addresses and code
(Markdown code spans and fenced blocks) are never converted; the rest goes to the
converter in one call, as OpenCC would take it. Where OpenCC falls short, a small table
of zhclean's own corrects what it converted: Traditional→Simplified keeps 著 everywhere,
where Simplified writes 着 except for the zhù of 著作 and 显著; Simplified→Traditional
makes 範 of the surname 范 (範先生) and 於 of the surname 于 (姓於). Users add their own
phrases: where the input says X, write Y.

OpenCC config names (``t2s``, ``s2twp``...) appear only in this module; the rest of
zhclean speaks of targets: ``zh-hans``, ``zh-hant``, ``zh-tw``, ``zh-hk``.

>>> detect_script("中华人民共和国").script
'simplified'
>>> convert_script("鋼鐵新城著力點", "zh-hans")
'钢铁新城着力点'
"""
from __future__ import annotations

import functools
import re
import threading
from collections.abc import Sequence
from typing import Any, NamedTuple

from .. import _chardata_tables as _t
from ..chardata import S2T_KEYS, SIMP_ONLY, T2S_KEYS, TRAD_ONLY
from ..config import SCRIPT_ALIASES
from ..errors import ConfigError
from ..report import Change, ParagraphScript, ScriptVerdict

STEP = "convert_script"


class _Target(NamedTuple):
    config: str  # the OpenCC config
    changeable: frozenset[str]  # characters the config may change
    one_to_many: frozenset[str]  # characters whose conversion depends on context
    direction: str  # "t2s" or "s2t"


_TARGETS: dict[str, _Target] = {
    "zh-hans": _Target("t2s", T2S_KEYS | {"著"}, frozenset(_t.ONE_TO_MANY_T2S), "t2s"),
    "zh-hant": _Target("s2t", S2T_KEYS, frozenset(_t.ONE_TO_MANY_S2T), "s2t"),
    "zh-tw": _Target("s2tw", S2T_KEYS | frozenset(_t.S2TW_EXTRA_KEYS), frozenset(_t.ONE_TO_MANY_S2T), "s2t"),
    "zh-hk": _Target("s2hk", S2T_KEYS | frozenset(_t.S2HK_EXTRA_KEYS), frozenset(_t.ONE_TO_MANY_S2T), "s2t"),
}

# ---- character classes, counted in one pass -------------------------------------
# One str.translate maps every character to its class, str.count counts each class: the
# whole text at C speed, and each paragraph as a slice of the same mapped string.
_SIMP, _TRAD, _HAN, _KANA, _HANGUL, _TW, _HK = "\x01\x02\x03\x04\x05\x06\x07"
_CLASS_CHARS = _SIMP + _TRAD + _HAN + _KANA + _HANGUL + _TW + _HK
# Cantonese, written in Hong Kong: no Mandarin text uses these characters.
_CANTONESE = "嘅咗啲冇嘢佢哋喺嗰嚟噉囉喎咩啱攞搵睇諗嘥攰冚㗎嘞啩"


@functools.lru_cache(maxsize=1)
def _class_table() -> list[str]:
    table = [chr(o) if o not in (0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07) else " " for o in range(0x10000)]
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):
        for o in range(lo, hi + 1):
            table[o] = _HAN
    for lo, hi in ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F)):
        for o in range(lo, hi + 1):
            table[o] = _KANA
    for lo, hi in ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)):
        for o in range(lo, hi + 1):
            table[o] = _HANGUL
    for chars, cls in ((_t.TW_FORMS, _TW), (_t.HK_FORMS + _CANTONESE, _HK)):
        for ch in chars:
            table[ord(ch)] = cls
    # telling characters last: a regional form that is also Traditional-only stays
    # regional (it is counted as Traditional too, see _Counts)
    for telling, cls in ((SIMP_ONLY, _SIMP), (TRAD_ONLY, _TRAD)):
        for ch in telling:
            if ord(ch) < 0x10000 and table[ord(ch)] not in (_TW, _HK):
                table[ord(ch)] = cls
    return table


class _Counts(NamedTuple):
    simp: int
    trad: int  # Traditional-only characters, regional forms included
    han: int
    kana: int
    hangul: int
    tw: int
    hk: int

    @classmethod
    def of(cls, mapped: str) -> _Counts:
        simp, trad, other, kana, hangul, tw, hk = (mapped.count(c) for c in _CLASS_CHARS)
        return cls(simp, trad + tw + hk, simp + trad + other + tw + hk, kana, hangul, tw, hk)


# A paragraph is Japanese or Korean when kana or hangul make up this share of its
# letters: a Chinese text quoting one Japanese word stays Chinese.
_FOREIGN_SHARE = 0.05
# A text is mixed only when the minority script has at least this many telling characters.
_MIN_MINORITY = 2


def _verdict(c: _Counts) -> tuple[str, float]:
    letters = c.han + c.kana + c.hangul
    if letters == 0:
        return "none", 1.0
    if c.kana and c.kana >= _FOREIGN_SHARE * letters:
        return "japanese", min(1.0, 0.5 + c.kana / letters)
    if c.hangul and c.hangul >= _FOREIGN_SHARE * letters:
        return "korean", min(1.0, 0.5 + c.hangul / letters)
    simp, trad = c.simp, c.trad
    if simp + trad == 0:
        return "both", 1.0
    if min(simp, trad) < _MIN_MINORITY:
        # one stray character (a name such as 鍾繇 in Simplified text) is not a mixed text
        share = 1.0 if simp > trad else 0.0
    else:
        share = simp / (simp + trad)
    evidence = min(1.0, (simp + trad) / 8)  # a handful of telling characters is enough
    if share >= 0.9:
        return "simplified", 0.5 + 0.5 * evidence * share
    if share <= 0.1:
        return "traditional", 0.5 + 0.5 * evidence * (1 - share)
    return "mixed", 0.5 + 0.5 * evidence * abs(share - 0.5) * 2


def _region(c: _Counts) -> str | None:
    if c.hk >= 2 and c.hk >= 2 * c.tw:
        return "hk"
    if c.tw >= 2 and c.tw >= 2 * c.hk:
        return "tw"
    return None


def detect_script(text: str) -> ScriptVerdict:
    """Say which script ``text`` is written in, with the counts behind the verdict.

    ``script`` is one of ``simplified``, ``traditional``, ``mixed``, ``both`` (Chinese
    with no character that tells), ``japanese``, ``korean`` or ``none``. ``paragraphs``
    gives the verdict of each line that has letters, ``region`` says ``tw`` or ``hk``
    for Traditional text whose forms tell.

    >>> detect_script("這是繁體中文").script
    'traditional'
    >>> detect_script("中文").script
    'both'
    >>> detect_script("日本語のテキストです").script
    'japanese'
    >>> detect_script("佢哋喺度講緊嘢，我唔係好明白。").region
    'hk'
    >>> v = detect_script("这是简体。\\n這是繁體。")
    >>> v.script, [p.script for p in v.paragraphs]
    ('mixed', ['simplified', 'traditional'])
    """
    mapped = text.translate(_class_table())
    total = _Counts.of(mapped)
    script, confidence = _verdict(total)
    paragraphs: list[ParagraphScript] = []
    if "\n" in text:
        start = 0
        for line in mapped.split("\n"):
            end = start + len(line)
            c = _Counts.of(line)
            if c.han or c.kana or c.hangul:
                paragraphs.append(ParagraphScript(start, end, _verdict(c)[0]))
            start = end + 1
        seen = {p.script for p in paragraphs}
        if script in ("simplified", "traditional") and {"simplified", "traditional"} <= seen:
            # the text leans one way, but whole paragraphs are in the other script
            script, confidence = "mixed", max(0.5, confidence - 0.3)
    elif total.han or total.kana or total.hangul:
        paragraphs.append(ParagraphScript(0, len(text), script))
    counts = {"simplified": total.simp, "traditional": total.trad, "han": total.han,
              "kana": total.kana, "hangul": total.hangul}
    region = _region(total) if script in ("traditional", "mixed") else None
    return ScriptVerdict(script, confidence, counts, tuple(paragraphs), region)


def _dominant(verdict: ScriptVerdict, text: str) -> str:
    """The script most of a mixed text is written in: the Han characters of the lines
    judged Simplified against those judged Traditional (telling characters are not
    equally dense in the two scripts, so whole lines are a fairer measure)."""
    weight = {"simplified": 0, "traditional": 0}
    table = _class_table()
    for p in verdict.paragraphs:
        c = _Counts.of(text[p.start:p.end].translate(table))
        if p.script in weight:
            weight[p.script] += c.han
        elif p.script == "mixed":
            weight["simplified" if c.simp >= c.trad else "traditional"] += c.han
    return "zh-hans" if weight["simplified"] >= weight["traditional"] else "zh-hant"


# ---- zhclean's corrections on top of OpenCC --------------------------------------
# Traditional→Simplified: OpenCC keeps 著 everywhere, but Simplified writes 着 for every
# use except zhù "to write; notable". These are the words that keep 著.
_ZHU_WORDS = (
    "著名 著作 著称 著述 著者 著书 著录 著有 著文 著译 著说 显著 土著 名著 原著 论著 编著 "
    "巨著 专著 昭著 卓著 遗著 译著 合著 新著 拙著 大著 撰著 力著 杰著 著论 宏著 馨著 知著 彰著"
).split()

# the 著 that become 着: not the second character of a word above, nor the first
# (the literal first, so that the engine scans for it in C)
_ZHU_CHANGE = re.compile(
    "著(?<![" + "".join(sorted({w[0] for w in _ZHU_WORDS if w[1] == "著"})) + "]著)"
    "(?![" + "".join(sorted({w[1] for w in _ZHU_WORDS if w[0] == "著"})) + "])")


# 範 → 范 before a title and after 姓, 於 → 于 next to 姓: the surnames OpenCC's s2t misses.
_SURNAME_TITLES = ("先生", "女士", "小姐", "老師", "教授", "總", "姓", "氏")


def _fix_surnames(text: str) -> tuple[str, int]:
    """範 → 范 and 於 → 于 where they are surnames (範先生, 姓於, 於姓).

    By str.find, which runs at memchr speed: a regular expression would scan every
    character of a long text, and 於 is one of the commonest characters of Traditional."""
    fixes: list[tuple[int, str]] = []
    i = text.find("範")
    while i >= 0:
        if text.startswith(_SURNAME_TITLES, i + 1) or text[i - 1:i] == "姓":
            fixes.append((i, "范"))
        i = text.find("範", i + 1)
    i = text.find("姓")  # (a one-character needle: a two-character one is slower)
    while i >= 0:
        if text[i + 1:i + 2] == "於":
            fixes.append((i + 1, "于"))
        if text[i - 1:i] == "於":
            fixes.append((i - 1, "于"))
        i = text.find("姓", i + 1)
    if not fixes:
        return text, 0
    pieces: list[str] = []
    last = 0
    for pos, char in sorted(dict(fixes).items()):
        pieces += [text[last:pos], char]
        last = pos + 1
    return "".join(pieces) + text[last:], len(dict(fixes))


def _correct(converted: str, target: _Target) -> tuple[str, int]:
    """zhclean's corrections, on converted text (著 for zh-hans: see _fix_zhu_lines)."""
    if target.direction == "t2s":
        return converted, 0
    return _fix_surnames(converted)


def _fix_zhu_lines(text: str) -> tuple[str, int]:
    """著 → 着 outside the words of writing (著作, 显著: every word of the list has two
    characters, so each 著 is judged by its two neighbours alone), on the lines that are
    not Japanese or Korean (著しい stays): one pass over
    the text that stops only at each 著 to change (in C), each line checked once."""
    n = 0
    foreign_lines: dict[int, bool] = {}

    def one(m: re.Match[str]) -> str:
        nonlocal n
        i = m.start()
        start = text.rfind("\n", 0, i) + 1
        foreign = foreign_lines.get(start)
        if foreign is None:
            end = text.find("\n", i)
            foreign = foreign_lines[start] = bool(_FOREIGN_CHARS.search(text, start, len(text) if end < 0 else end))
        if foreign:
            return "著"
        n += 1
        return "着"

    return _ZHU_CHANGE.sub(one, text), n


# ---- the OpenCC engine -----------------------------------------------------------
_LOCK = threading.Lock()


@functools.lru_cache(maxsize=None)
def _converter(config: str) -> Any:
    """One converter per config and process (OpenCC loads its dictionaries once)."""
    import opencc

    with _LOCK:
        try:
            return opencc.OpenCC(config)
        except Exception:  # opencc-python-reimplemented wants "t2s", official accepts both
            return opencc.OpenCC(config + ".json")


def engine() -> str:
    """Which ``opencc`` module is installed: ``"OpenCC x.y.z"`` (official, C++) or
    ``"opencc-python-reimplemented"``."""
    import opencc

    version = getattr(opencc, "__version__", "")
    if hasattr(opencc, "clib") or version.startswith("1."):
        return f"OpenCC {version}".strip()
    return "opencc-python-reimplemented"


def normalize_target(target: str) -> str:
    t = SCRIPT_ALIASES.get(target.lower(), target.lower())
    if t not in _TARGETS and t not in ("keep", "auto"):
        raise ConfigError(
            f"unknown script target {target!r}: use zh-hans, zh-hant, zh-tw, zh-hk, keep or auto"
        )
    return t


# ---- conversion ------------------------------------------------------------------
# Never converted: URLs and e-mail addresses (an IRI's path may hold Chinese characters
# that must stay as the server knows them), Markdown code spans.
_PROTECTED = re.compile(
    r"(?:https?|ftp)://[^\s<>\"'）)]+|www\.[^\s<>\"'）)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|`[^`\n]+`"
)
_FENCE = re.compile(r"^(?:```|~~~)", re.M)
# (The NUL in the class is not for matching: with an ASCII member, re compiles the class
# to a bitmap that it scans twice as fast as the bare ranges; measured, 7 ms against 15 on
# 1.9 M characters.)
_FOREIGN_CHARS = re.compile("[\x00\u3040-\u30ff\uac00-\ud7af]")


def _phrase_pattern(phrases: Sequence[tuple[str, str]]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    return re.compile("|".join(re.escape(src) for src, _ in sorted(phrases, key=lambda p: -len(p[0]))))


def _segments(text: str, target: _Target, phrase_re: re.Pattern[str] | None,
              phrase_map: dict[str, str]) -> tuple[list[str], list[bool], int]:
    """``text`` cut into pieces, each marked to convert or to keep as it is; and how many
    Japanese/Korean lines were kept."""
    pieces: list[str] = []
    convert: list[bool] = []
    foreign = 0
    in_fence = False
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if n:
            pieces.append("\n")
            convert.append(False)
        if _FENCE.match(line):
            in_fence = not in_fence
            pieces.append(line)
            convert.append(False)
            continue
        if in_fence or target.changeable.isdisjoint(line):
            pieces.append(line)
            convert.append(False)
            continue
        if _FOREIGN_CHARS.search(line):
            c = _Counts.of(line.translate(_class_table()))
            if _verdict(c)[0] in ("japanese", "korean"):
                foreign += 1
                pieces.append(line)
                convert.append(False)
                continue
        last = 0
        for m in _protected_spans(line, phrase_re):
            if m.start() > last:
                pieces.append(line[last:m.start()])
                convert.append(True)
            span = m.group(0)
            pieces.append(phrase_map.get(span, span))
            convert.append(False)
            last = m.end()
        if last < len(line):
            pieces.append(line[last:])
            convert.append(True)
    return pieces, convert, foreign


def _protected_spans(line: str, phrase_re: re.Pattern[str] | None) -> list[re.Match[str]]:
    spans = list(_PROTECTED.finditer(line))
    if phrase_re is not None:
        spans += phrase_re.finditer(line)
        spans.sort(key=lambda m: m.start())
        kept: list[re.Match[str]] = []
        for m in spans:
            if not kept or m.start() >= kept[-1].end():
                kept.append(m)
        spans = kept
    return spans


def _convert_pieces(pieces: list[str], convert: list[bool], conv: Any) -> str:
    todo = [p for p, c in zip(pieces, convert) if c]
    if not todo:
        return "".join(pieces)
    # one call: pieces hold no newline, and no OpenCC phrase spans one
    done = iter(conv.convert("\n".join(todo)).split("\n"))
    return "".join(next(done) if c else p for p, c in zip(pieces, convert))


_BLOCK = 8192


def _changed_regions(text: str, out: str) -> list[tuple[int, int]] | None:
    """Where ``out`` differs from ``text``, as line-aligned (start, end) regions of both;
    found by comparing blocks (memcmp, in C) when the converter kept the length, which it
    nearly always does. None when the lengths differ."""
    if len(text) != len(out):
        return None
    regions: list[tuple[int, int]] = []
    for start in range(0, len(text), _BLOCK):
        end = start + _BLOCK
        if text[start:end] == out[start:end]:
            continue
        lo = text.rfind("\n", 0, start) + 1
        hi = text.find("\n", end)
        hi = len(text) if hi < 0 else hi
        if regions and lo <= regions[-1][1]:
            regions[-1] = (regions[-1][0], hi)
        else:
            regions.append((lo, hi))
    return regions


def _settle(text: str, out: str, tgt: _Target) -> tuple[str, int, int]:
    """Keep what the converter may not touch: lines of ``out`` that differ from
    ``text`` and hold kana, hangul, a URL, an e-mail address or code are redone from
    ``text`` piece by piece. Returns the text, the Japanese/Korean lines kept, and the
    corrections made."""
    foreign = 0
    regions = _changed_regions(text, out)
    if regions is None:
        regions = [(0, len(text))] if _may_need_care(text) else []
        lines_in, lines_out = text.split("\n"), out.split("\n")
        if regions and len(lines_in) != len(lines_out):  # not expected of OpenCC
            pieces, convert, foreign = _segments(text, tgt, None, {})
            out = _convert_pieces(pieces, convert, _converter(tgt.config))
            regions = []
        elif regions:
            out = _settle_lines(text, lines_in, lines_out, tgt, counter := [0])
            foreign = counter[0]
            regions = []
    pieces_out: list[str] = []
    last = 0
    for lo, hi in regions:
        if not _may_need_care(text, lo, hi):
            continue
        before = text[lo:hi]
        counter = [0]
        fixed = _settle_lines(before, before.split("\n"), out[lo:hi].split("\n"), tgt, counter)
        foreign += counter[0]
        pieces_out += [out[last:lo], fixed]
        last = hi
    if pieces_out:
        out = "".join(pieces_out) + out[last:]
    out, corrections = _correct(out, tgt)
    return out, foreign, corrections


def _settle_lines(text: str, lines_in: list[str], lines_out: list[str], tgt: _Target,
                  foreign: list[int]) -> str:
    fenced = _fence_mask(lines_in) if ("```" in text or "~~~" in text) else None
    for i, (before, after) in enumerate(zip(lines_in, lines_out)):
        if before == after:
            continue
        if fenced is not None and fenced[i]:
            lines_out[i] = before
        elif _needs_care(before):
            pieces, convert, n = _segments(before, tgt, None, {})
            foreign[0] += n
            lines_out[i] = _convert_pieces(pieces, convert, _converter(tgt.config))
    return "\n".join(lines_out)


# Anything that may need care: kana, hangul, the marks of e-mail addresses and code in one
# class scan, URLs by substring. Only when something is found do the precise patterns run.
_CARE = re.compile("[\u3040-\u30ff\uac00-\ud7af`@~]")


def _may_need_care(text: str, lo: int = 0, hi: int | None = None) -> bool:
    """The cheap scan alone: True when ``text`` may hold kana, hangul, a URL, an e-mail
    address or code (for whole texts: the precise patterns then run line by line)."""
    end = len(text) if hi is None else hi
    # (a one-character find runs at memchr speed, a longer one several times slower)
    return (_CARE.search(text, lo, end) is not None
            or (text.find(":", lo, end) >= 0 and text.find("://", lo, end) >= 0)
            or (text.find(".", lo, end) >= 0 and text.find("www.", lo, end) >= 0))


def _needs_care(text: str) -> bool:
    """Kana, hangul, a URL, an e-mail address or code in ``text`` (a line)."""
    if not _may_need_care(text):
        return False
    return bool(_FOREIGN_CHARS.search(text) or _PROTECTED.search(text) or _FENCE.search(text))


def _fence_mask(lines: list[str]) -> list[bool]:
    """Which lines are fences of Markdown code blocks or inside one."""
    mask = []
    inside = False
    for line in lines:
        fence = bool(_FENCE.match(line))
        mask.append(inside or fence)
        if fence:
            inside = not inside
    return mask


def convert_script_and_explain(
    text: str, target: str, phrases: Sequence[tuple[str, str]] = (), explain: bool = True
) -> tuple[str, list[Change]]:
    """Convert to ``target`` and report what changed: the characters converted, the
    characters whose conversion depended on context (干 → 幹/乾/干), the corrections.

    ``target`` ``auto`` converts a mixed text to its dominant script and leaves a
    consistent one alone; ``keep`` does nothing. ``phrases`` are (input, output) pairs
    of the user's: where the input says the first, the output says the second. With
    ``explain=False`` the changes say less (no scan for context-dependent characters),
    and the conversion costs what OpenCC costs.

    >>> convert_script_and_explain("后来", "zh-hant")[0]
    '後來'
    >>> convert_script_and_explain("范先生说", "zh-tw")[0]
    '范先生說'
    >>> convert_script_and_explain("據蘋果日報報道", "zh-hans", phrases=[("蘋果日報", "蘋果日報")])[0]
    '据蘋果日報报道'
    """
    name = normalize_target(target)
    if name == "keep" or text.isascii():
        return text, []
    if name == "auto":
        verdict = detect_script(text)
        if verdict.script != "mixed":
            return text, []
        name = _dominant(verdict, text)
    tgt = _TARGETS[name]
    conv = _converter(tgt.config)
    foreign = 0
    corrections = 0
    if not phrases:
        # Optimistic: the whole text through the converter at once, as OpenCC alone would
        # cost; then only the lines it changed are checked for what must not change
        # (Japanese, Korean, URLs, code), and redone piece by piece where they hold some.
        out = conv.convert(text)
        if out != text:
            out, foreign, corrections = _settle(text, out, tgt)
        if tgt.direction == "t2s" and "著" in out:
            # OpenCC leaves 著 alone, so lines it did not change may still need the fix
            out, k = _fix_zhu_lines(out)
            corrections += k
    else:
        pieces, convert, foreign = _segments(text, tgt, _phrase_pattern(phrases), dict(phrases))
        out = _convert_pieces(pieces, convert, conv)
        out, corrections = _correct(out, tgt)
        if tgt.direction == "t2s" and "著" in out:
            out, corrections = _fix_zhu_lines(out)
    changes: list[Change] = []
    if out != text:
        if explain:
            lines = sum(a != b for a, b in zip(text.split("\n"), out.split("\n")))
            changes.append(Change(STEP, "convert", f"{tgt.config} ({engine()}): {lines} line(s)", lines))
            ambiguous = sorted(tgt.one_to_many.intersection(text))
            if ambiguous:
                shown = "".join(ambiguous[:20]) + ("..." if len(ambiguous) > 20 else "")
                changes.append(Change(STEP, "flag", f"converted by context, one of several forms: {shown}",
                                      len(ambiguous)))
        else:
            changes.append(Change(STEP, "convert", f"{tgt.config} ({engine()})"))
    if corrections:
        what = "著→着" if tgt.direction == "t2s" else "surnames 范/于"
        changes.append(Change(STEP, "convert", f"zhclean correction {what}: {corrections}", corrections))
    if foreign:
        changes.append(Change(STEP, "flag", f"{foreign} Japanese/Korean paragraph(s) left unconverted", foreign))
    return out, changes


def convert_script(text: str, target: str, phrases: Sequence[tuple[str, str]] = ()) -> str:
    """Convert ``text`` to ``target``: ``zh-hans``, ``zh-hant``, ``zh-tw``, ``zh-hk``
    (``simplified``/``traditional`` are aliases), ``auto`` or ``keep``.

    >>> convert_script("经济産業省の図書館", "zh-hant")  # Japanese stays Japanese
    '经济産業省の図書館'
    >>> convert_script("鼠标和软件", "zh-tw")
    '鼠標和軟件'
    >>> convert_script("见 https://example.com/后来 和 `后来`", "zh-hant")
    '見 https://example.com/后来 和 `后来`'
    """
    if target in ("keep",):
        return text
    return convert_script_and_explain(text, target, phrases, explain=False)[0]
