"""Simplified and Traditional Chinese: detection and conversion.

Detection counts the characters written in only one script (from OpenCC's character
tables: 发 is Simplified only, 發 Traditional only, 干 or 着 either) and reads the
verdict from their proportion; kana and hangul say Japanese and Korean first.

Conversion runs OpenCC, paragraph by paragraph: a paragraph with no character the
conversion could change is not sent to the converter; Japanese and Korean paragraphs,
URLs and e-mail addresses are never converted. Where OpenCC falls short (its
Traditional→Simplified leaves 著 in 著力点, where Simplified writes 着), a small table
of zhclean's own corrects the converted paragraphs.

OpenCC config names (``t2s``, ``s2twp``...) appear only in this module; the rest of
zhclean speaks of targets: ``zh-hans``, ``zh-hant``, ``zh-tw``, ``zh-hk``.

>>> detect_script("中华人民共和国").script
'simplified'
>>> convert_script("鋼鐵新城著力點", "zh-hans")
'钢铁新城着力点'
"""
from __future__ import annotations

import functools
import operator
import threading
from typing import Any

import regex

from ..chardata import HANGUL, KANA, HAN, S2T_KEYS, SIMP_ONLY, T2S_KEYS, TRAD_ONLY
from ..config import SCRIPT_ALIASES
from ..errors import ConfigError
from ..report import Change, ScriptVerdict

STEP = "convert_script"

# Membership in a frozenset, counted with map() or tested with isdisjoint(), runs in C
# and is 10-20 times faster than a regex character class of several thousand characters.
# target -> (OpenCC config, the characters it may change)
_TARGETS: dict[str, tuple[str, frozenset[str]]] = {
    "zh-hans": ("t2s", T2S_KEYS | {"著"}),  # 著: zhclean's own correction below
    "zh-hant": ("s2t", S2T_KEYS),
    "zh-tw": ("s2tw", S2T_KEYS),
    "zh-hk": ("s2hk", S2T_KEYS),
}

# Never converted: URLs, e-mail addresses (an IRI's path may hold Chinese characters
# that must stay as the server knows them).
_PROTECTED = regex.compile(r"(?:https?|ftp)://[^\s<>\"'）)]+|www\.[^\s<>\"'）)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# A paragraph is Japanese or Korean when kana or hangul make up this share of its
# letters: a Chinese text quoting one Japanese word stays Chinese.
_FOREIGN_SHARE = 0.05

# A text is mixed only when the minority script has at least this many telling characters.
_MIN_MINORITY = 2

# ---- zhclean's corrections on top of OpenCC --------------------------------------
# Traditional→Simplified: OpenCC keeps 著 everywhere, but Simplified writes 着 for every
# use except zhù "to write; notable". These are the words that keep 著.
_ZHU_WORDS = (
    "著名 著作 著称 著述 著者 著书 著录 著有 著文 著译 著说 显著 土著 名著 原著 论著 编著 "
    "巨著 专著 昭著 卓著 遗著 译著 合著 新著 拙著 大著 撰著 力著 杰著 著论 宏著"
).split()
_ZHU_KEEP = regex.compile("|".join(sorted(_ZHU_WORDS, key=len, reverse=True)))


def _fix_zhu(text: str) -> tuple[str, int]:
    """著 → 着 outside the words of writing (著作, 显著...)."""
    if "著" not in text:
        return text, 0
    pieces = []
    last = 0
    n = 0
    for m in _ZHU_KEEP.finditer(text):
        chunk = text[last:m.start()]
        n += chunk.count("著")
        pieces.append(chunk.replace("著", "着"))
        pieces.append(m.group(0))
        last = m.end()
    chunk = text[last:]
    n += chunk.count("著")
    pieces.append(chunk.replace("著", "着"))
    return "".join(pieces), n


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


# ---- detection -------------------------------------------------------------------
def detect_script(text: str) -> ScriptVerdict:
    """Say which script ``text`` is written in, with the counts behind the verdict.

    ``script`` is one of ``simplified``, ``traditional``, ``mixed``, ``both`` (Chinese
    with no character that tells), ``japanese``, ``korean`` or ``none``.

    >>> detect_script("這是繁體中文").script
    'traditional'
    >>> detect_script("中文").script
    'both'
    >>> detect_script("日本語のテキストです").script
    'japanese'
    """
    han = len(HAN.findall(text))
    kana = len(KANA.findall(text))
    hangul = len(HANGUL.findall(text))
    simp = sum(map(SIMP_ONLY.__contains__, text))
    trad = sum(map(TRAD_ONLY.__contains__, text))
    counts = {"simplified": simp, "traditional": trad, "han": han, "kana": kana, "hangul": hangul}
    letters = han + kana + hangul
    if letters == 0:
        return ScriptVerdict("none", 1.0, counts)
    if kana and kana >= _FOREIGN_SHARE * letters:
        return ScriptVerdict("japanese", min(1.0, 0.5 + kana / letters), counts)
    if hangul and hangul >= _FOREIGN_SHARE * letters:
        return ScriptVerdict("korean", min(1.0, 0.5 + hangul / letters), counts)
    if simp + trad == 0:
        return ScriptVerdict("both", 1.0, counts)
    if min(simp, trad) < _MIN_MINORITY:
        # one stray character (a name such as 鍾繇 in Simplified text) is not a mixed text
        share = 1.0 if simp > trad else 0.0
    else:
        share = simp / (simp + trad)
    evidence = min(1.0, (simp + trad) / 8)  # a handful of telling characters is enough
    if share >= 0.9:
        return ScriptVerdict("simplified", 0.5 + 0.5 * evidence * share, counts)
    if share <= 0.1:
        return ScriptVerdict("traditional", 0.5 + 0.5 * evidence * (1 - share), counts)
    return ScriptVerdict("mixed", 0.5 + 0.5 * evidence * abs(share - 0.5) * 2, counts)


def _dominant(text: str) -> str:
    """The script most of a mixed text is written in: Han characters of the paragraphs
    judged Simplified against those judged Traditional (telling characters are not
    equally dense in the two scripts, paragraphs are a fairer measure)."""
    weight = {"simplified": 0, "traditional": 0}
    for para in text.split("\n"):
        v = detect_script(para)
        if v.script in weight:
            weight[v.script] += v.counts["han"]
        elif v.script == "mixed":
            c = v.counts
            weight["simplified" if c["simplified"] >= c["traditional"] else "traditional"] += c["han"]
    return "zh-hans" if weight["simplified"] >= weight["traditional"] else "zh-hant"


def _is_foreign(paragraph: str) -> bool:
    kana = len(KANA.findall(paragraph))
    hangul = len(HANGUL.findall(paragraph))
    if not kana and not hangul:
        return False
    letters = len(HAN.findall(paragraph)) + kana + hangul
    return kana + hangul >= _FOREIGN_SHARE * letters


# ---- conversion ------------------------------------------------------------------
def _convert_paragraph(paragraph: str, config: str) -> str:
    conv = _converter(config)
    if not _PROTECTED.search(paragraph):
        return str(conv.convert(paragraph))
    out = []
    last = 0
    for m in _PROTECTED.finditer(paragraph):
        out.append(str(conv.convert(paragraph[last:m.start()])) if m.start() > last else "")
        out.append(m.group(0))
        last = m.end()
    out.append(str(conv.convert(paragraph[last:])) if last < len(paragraph) else "")
    return "".join(out)


def convert_script_and_explain(text: str, target: str) -> tuple[str, list[Change]]:
    """Convert to ``target`` and report how many characters changed, and corrections.

    ``target`` ``auto`` converts a mixed text to its dominant script and leaves a
    consistent one alone; ``keep`` does nothing.

    >>> convert_script_and_explain("后来", "zh-hant")[0]
    '後來'
    """
    target = normalize_target(target)
    if target == "keep" or text.isascii():
        return text, []
    if target == "auto":
        verdict = detect_script(text)
        if verdict.script != "mixed":
            return text, []
        target = _dominant(text)
    config, changeable = _TARGETS[target]
    paragraphs = text.split("\n")
    changed_chars = 0
    corrections = 0
    skipped_foreign = 0
    for i, para in enumerate(paragraphs):
        if changeable.isdisjoint(para):
            continue
        if _is_foreign(para):
            skipped_foreign += 1
            continue
        new = _convert_paragraph(para, config)
        if target == "zh-hans":
            new, n = _fix_zhu(new)
            corrections += n
        if new != para:
            changed_chars += sum(map(operator.ne, para, new)) if len(para) == len(new) else len(new)
            paragraphs[i] = new
    out = "\n".join(paragraphs)
    changes: list[Change] = []
    if out != text:
        changes.append(Change(STEP, "convert", f"{config} ({engine()}): {changed_chars} chars", changed_chars))
    if corrections:
        changes.append(Change(STEP, "convert", f"zhclean correction 著→着: {corrections}", corrections))
    if skipped_foreign:
        changes.append(Change(STEP, "flag", f"{skipped_foreign} Japanese/Korean paragraph(s) left unconverted",
                              skipped_foreign))
    return out, changes


def convert_script(text: str, target: str) -> str:
    """Convert ``text`` to ``target``: ``zh-hans``, ``zh-hant``, ``zh-tw``, ``zh-hk``
    (``simplified``/``traditional`` are aliases), ``auto`` or ``keep``.

    >>> convert_script("经济産業省の図書館", "zh-hant")  # Japanese stays Japanese
    '经济産業省の図書館'
    >>> convert_script("鼠标和软件", "zh-tw")
    '鼠標和軟件'
    """
    return convert_script_and_explain(text, target)[0]
