"""Unicode and typography: named rules, each switched by a field of ``CleanConfig``.

Every rule fixes one artifact of scraping, PDF extraction or OCR, and leaves clean text
as it is: full-width punctuation, ``「」``, curly quotes and the ideographic space between
Chinese characters are never touched, and nothing here folds width unless asked
(``halfwidth_alnum``). Unicode is normalized to NFC, never NFKC, which turns ``，`` into
``,``. The rules, in the order they run (docs/normalize.md has the table with examples):

=============================  ==================================================
config field                   what it fixes
=============================  ==================================================
``unicode_form``               decomposed characters; CJK compatibility ideographs
``unescape``                   HTML entities, ``\\u4e2d`` and ``%E4%B8%AD`` escapes
``remove_invisible``           zero-width and bidi controls, soft hyphens, BOMs, controls
``unify_radicals``             Kangxi radicals and radical forms for ideographs
``normalize_spaces``           NBSP and odd spaces, trailing spaces, space-only lines
``remove_ruby``                pinyin leaked from ruby annotations
``remove_cjk_spaces``          a space between every two characters (PDF, OCR)
``halfwidth_alnum``            full-width letters and digits (off by default)
``fullwidth_katakana``         half-width katakana
``fullwidth_punctuation``      ASCII punctuation between Chinese characters
``ascii_punctuation_in_latin`` full-width punctuation in Latin text, numbers, URLs
``curly_quotes``               straight quotes around Chinese (off by default)
``join_wrapped_lines``         a line break inside a Chinese sentence (off by default)
``strip_indentation``          indentation before Chinese prose
``max_blank_lines``            runs of blank lines; CRLF and CR
=============================  ==================================================

>>> normalize("  你好,世界!\\r\\n\\r\\n\\r\\n\\r\\n再見。\\n")
'你好，世界！\\n\\n再見。\\n'
"""
from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from .. import _chardata_tables as _t
from ..chardata import HAN_CLASS, T2S_FOLD
from ..config import CleanConfig, resolve
from ..lines import collapse_blank_lines
from ..report import Change

STEP = "normalize"

_HAN = f"[{HAN_CLASS}]"
# CJK punctuation that closes or opens a phrase, for the context of the rules below.
_CJK_CLOSE = "”’」』）》】〉。，、；：！？"
_CJK_OPEN = "“‘「『（《【〈"

# ---- invisible characters --------------------------------------------------------
# Zero-width space, word joiner, invisible operators, stray BOM, soft hyphen, and the C0
# and C1 controls but tab and newline. ZWJ and ZWNJ stay: emoji sequences and Persian use
# them. Bidi controls go only where no right-to-left letter needs them.
_INVISIBLE = re.compile("[\u200b\u2060-\u2064\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")

# ---- escapes ---------------------------------------------------------------------
# HTML entities (named, decimal, hex) as a page's text leaks them: &nbsp; &amp; &#20013;
_ENTITY = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Two or more \uXXXX escapes in a row: JSON or JavaScript text that was never decoded.
_U_ESCAPES = re.compile(r"(?:\\u[0-9a-fA-F]{4}){2,}")
# Two or more percent-encoded UTF-8 characters of three bytes in a row (%E4%B8%AD%E6%96%87).
_PERCENT = re.compile(r"(?:%[Ee][0-9A-Fa-f]%[89AaBb][0-9A-Fa-f]%[89AaBb][0-9A-Fa-f]){2,}")
# ... except inside a URL, which is written that way on purpose, or code.
_URL_OR_CODE = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|`[^`\n]*`|<[^<>\n]*>")

# ---- spaces ----------------------------------------------------------------------
# Spaces that are not U+0020: NBSP (the &nbsp; of every scraped page), the en/em/thin
# spaces and the narrow NBSP.
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")
# An ideographic space between two Latin letters or digits is a full-width input method's
# space (Hello　World); between Chinese characters it is typography and stays.
_LATIN_IDEO_SPACE = re.compile("\u3000(?<=[A-Za-z0-9]\u3000)(?=[A-Za-z0-9])")
_TRAILING_SPACE = re.compile("[ \t\u3000]+(?=\n|\\Z)")

# ---- ruby ------------------------------------------------------------------------
# Ruby annotations leaked into the text when a page with <ruby> is flattened (or a
# converter glossed characters): 產業(yè), 網(wǎng). A gloss counts when it is a pinyin
# syllable with a tone mark, right after a Han character, that is a reading of that
# character (業 reads ye). A page whose glosses are artifacts has many; a language lesson
# glossing one word has one or two: below _RUBY_MIN_COUNT, they stay, and so does a
# gloss after a word that says "read as".
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONELESS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", "aaaaeeeeiiiioooouuuuvvvvv")
_RUBY = re.compile(f"({_HAN})[(（]([a-zü{_TONES}]*[{_TONES}][a-zü{_TONES}]*)[)）]")
_RUBY_MIN_COUNT = 3
_RUBY_REMOVED = "leaked ruby pinyin removed"
# A gloss right after a word that says "read as" (这个字读行(xíng), 音長(cháng)) teaches.
_TEACHING_CUE = frozenset("读讀念音作")


@functools.lru_cache(maxsize=1)
def _readings() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for entry in _t.PINYIN.split("|"):
        table[entry[0]] = frozenset(entry[1:].replace("u:", "v").split())
    return table


def _is_reading(char: str, syllable: str) -> bool:
    plain = syllable.translate(_TONELESS).replace("ü", "v")
    readings = _readings().get(char) or _readings().get(char.translate(T2S_FOLD))
    if readings is None:
        return True  # a character the table does not know: the tone mark must do
    return plain in readings or plain.replace("v", "u") in readings

# ---- spaces between Chinese characters (PDF, OCR) --------------------------------
# A line where most pairs of neighbouring Chinese characters have a single space between
# them lost its text to an extractor: 中 华 人 民 共 和 国. The spaces between Chinese
# characters (and CJK punctuation) go; those around Latin words stay. A headline with one
# deliberate space (以链招商引企入园 加快建设钢铁新城) has most pairs unspaced, and stays.
_SPACED_PAIR = re.compile(f" (?<=[{HAN_CLASS}{_CJK_CLOSE}{_CJK_OPEN}] )(?=[{HAN_CLASS}{_CJK_CLOSE}{_CJK_OPEN}])")
_ADJACENT_PAIR = re.compile(f"{_HAN}(?={_HAN})")
_SPACED_SHARE = 0.5
_MIN_SPACED = 4

# ---- width -----------------------------------------------------------------------
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_HALF_ALNUM = str.maketrans({chr(c): chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                               *range(0xFF41, 0xFF5B))})
_HALFWIDTH_KATAKANA = re.compile("[\uff61-\uff9f]+")

# ASCII punctuation between Chinese: after a Han character or closing CJK punctuation,
# before a Han character, opening CJK punctuation, a digit (时间:2018) or the line's end.
# A comma or colon in code ("中文",x) or before a Latin word stays. A full stop only
# between Chinese characters or at the end of a line of Chinese (3.14 and 中国.com stay).
_CJK_BEFORE = f"[{HAN_CLASS}”’」』）》】]"
_CJK_AFTER = f"[{HAN_CLASS}“‘「『（《【]"
# (Each pattern starts with the punctuation and looks behind from there: the regex engine
# then scans for a rare ASCII character instead of trying every Chinese one.)
_PUNCT_MID = re.compile(f"([,;:])(?<={_CJK_BEFORE}[,;:])(?=[ ]?(?:{_CJK_AFTER}|[0-9]))")
_PUNCT_END = re.compile(f"([!?,;:])(?<={_CJK_BEFORE}[!?,;:])(?={_CJK_AFTER}|$)", re.M)
_PERIOD = re.compile(f"\\.(?<={_HAN}\\.)(?={_HAN}|$)", re.M)
_FULLWIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。"})
_PAREN = re.compile(f"\\((?<={_HAN}\\()([^()\\n]{{0,40}}{_HAN}[^()\\n]{{0,40}})\\)")

# Full-width punctuation inside numbers, Latin text and URLs: 3。14 → 3.14, 1，000 → 1,000,
# http：// → http://, and in a line with no CJK at all (English typed with a Chinese input
# method) Hello，world！ → Hello, world!. A comma between numbers that is not a thousands
# separator (第1，2，3条), a colon in 12：30 or 3：2, and punctuation between Latin words in a
# Chinese sentence (支持Windows，Linux) are Chinese typography and stay.
_WIDE_IN_NUMBER = re.compile("[。，](?<=[0-9][。，])(?:(?<=。)(?=[0-9])|(?<=，)(?=[0-9]{3}(?![0-9])))")
_WIDE_IN_URL = re.compile("(?<=http)：(?=//)|(?<=https)：(?=//)")
_LATIN_LINE = re.compile("^[^\n]*[A-Za-z][，：；！？。][^\n]*$", re.M)
_WIDE_AFTER_ALNUM = re.compile("[0-9A-Za-z][，：；！？。]")  # the precheck of both
_WIDE_AFTER_LATIN = re.compile("(?<=[A-Za-z0-9)\"'])([，：；！？。])( ?)(?=(.?))")
_CJK_ANY = re.compile("[\u2e80-\u2fff\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]")
_ASCII_FROM_WIDE = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?"})

# Straight quotes around Chinese: "你好" → “你好”, 'a' stays. Pairs on one line only.
_STRAIGHT_DOUBLE = re.compile(f'"([^"\\n]*{_HAN}[^"\\n]*)"')
_STRAIGHT_SINGLE = re.compile(f"'([^'\\n]*{_HAN}[^'\\n]*)'")

# ---- lines -----------------------------------------------------------------------
# Indentation before a line of Chinese prose: the first visible character is not ASCII.
# Indented code, Markdown and poetry written in ASCII keep theirs.
_INDENT = re.compile("^[ \t\u3000\u00a0]+(?=[^\x00-\x7f])", re.M)
# Hard-wrapped paragraphs (PDF, e-mail, old text files): most lines of the text fill the
# same width, the wrap width. A break after a line that fills it (within two columns),
# between a Chinese character or a comma-like mark and an unindented Chinese character, is
# a wrap; a short line, an indented line or a sentence end is a real break. Text that is
# not wrapped has no width that many of its lines share (paragraphs, transcripts, poetry,
# headings), and stays.
_WRAP_END = re.compile(f"(?:{_HAN}|[，、；：“‘「『（《])$")
_WRAP_START = re.compile(f"^(?:{_HAN}|[，、；：。！？”’」』）》])")
_WRAP_MIN_WIDTH = 40     # columns: twenty Chinese characters
_WRAP_MIN_FULL = 2       # lines that fill the wrap width
_WRAP_MIN_SHARE = 0.4    # of the lines that are not blank
_WRAP = re.compile(f"[{HAN_CLASS}，、；：“‘「『（《]\n")
_CRLF = re.compile(r"\r\n?")

# ---- radicals --------------------------------------------------------------------
# Kangxi radicals (U+2F00..2FD5) have compatibility decompositions to the ideographs they
# look like; PDFs are full of them (⼈⼯ for 人工). The CJK Radicals Supplement
# (U+2E81..2EF3) has none: its 114 radical-ideograph pairs are the data of the Unicode
# Character Database file EquivalentUnifiedIdeograph.txt (Unicode License V3).
_RADICAL_SUPPLEMENT: dict[str, str] = {pair[0]: pair[1] for pair in (
    "⺁厂 ⺂乛 ⺃乚 ⺄乙 ⺅亻 ⺆冂 ⺇𠘨 ⺈刀 ⺉刂 ⺊卜 ⺋㔾 ⺌小 "
    "⺍小 ⺎兀 ⺏尣 ⺐尢 ⺑𡯂 ⺒巳 ⺓幺 ⺔彑 ⺕𫜹 ⺖忄 ⺗心 ⺘扌 "
    "⺙攵 ⺛旡 ⺜日 ⺝月 ⺞歺 ⺟母 ⺠民 ⺡氵 ⺢氺 ⺣灬 ⺤爫 ⺥爫 "
    "⺦丬 ⺧牛 ⺨犭 ⺩王 ⺪𤴔 ⺫目 ⺬示 ⺭礻 ⺮𥫗 ⺯糹 ⺰纟 ⺱罓 "
    "⺲罒 ⺳㓁 ⺴冗 ⺵𦉫 ⺶羊 ⺷𦍌 ⺸𦍋 ⺹耂 ⺺肀 ⺻聿 ⺼肉 ⺽𦥑 "
    "⺾艹 ⺿艹 ⻀艹 ⻁虎 ⻂衤 ⻃覀 ⻄西 ⻅见 ⻆角 ⻇𧢲 ⻈讠 ⻉贝 "
    "⻊𧾷 ⻋车 ⻌辶 ⻍辶 ⻎辶 ⻏邑 ⻐钅 ⻑長 ⻒镸 ⻓长 ⻔门 ⻕𨸏 "
    "⻖阝 ⻗雨 ⻘青 ⻙韦 ⻚页 ⻛风 ⻜飞 ⻝食 ⻞𩙿 ⻟飠 ⻠饣 ⻡𩠐 "
    "⻢马 ⻣骨 ⻤鬼 ⻥鱼 ⻦鸟 ⻧卤 ⻨麦 ⻩黄 ⻪黾 ⻫斉 ⻬齐 ⻭歯 "
    "⻮齿 ⻯竜 ⻰龙 ⻱龜 ⻲亀 ⻳龟"
).split()}
_RADICALS = re.compile("[\u2e80-\u2ef3\u2f00-\u2fd5]")


def _unify_radical(m: re.Match[str]) -> str:
    ch = m.group(0)
    if "\u2f00" <= ch <= "\u2fd5":
        return unicodedata.normalize("NFKC", ch)
    return _RADICAL_SUPPLEMENT.get(ch, ch)


# ---- the rules, in order ------------------------------------------------------------
# Each rule: its config field, what the report says, a precheck on the text, the rule.
# The precheck is a C-level test that decides whether the rule can have anything to do,
# so that clean text pays for a scan, not for the rule.
class Rule(NamedTuple):
    field: str                                   # the CleanConfig switch
    what: str                                    # what the report says
    maybe: Callable[[str], bool]                 # the precheck
    apply: Callable[[str], tuple[str, int]]      # the rule: (text, places changed)
    triggered: bool = False                      # its precheck is a search for _TRIGGERS
    for_ascii: bool = False                      # it can change text that is all ASCII


def _subn(pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> Callable[[str], tuple[str, int]]:
    return lambda text: pattern.subn(repl, text)


def _unescape(text: str) -> tuple[str, int]:
    """Entities and escapes, outside URLs, tags and code spans."""
    pieces: list[str] = []
    last = 0
    n = 0
    for m in _URL_OR_CODE.finditer(text):
        chunk, k = _unescape_chunk(text[last:m.start()])
        pieces += [chunk, m.group(0)]
        n += k
        last = m.end()
    chunk, k = _unescape_chunk(text[last:])
    n += k
    return "".join(pieces) + chunk, n


def _unescape_chunk(text: str) -> tuple[str, int]:
    n = 0
    if "&" in text:
        text, k = _ENTITY.subn(lambda m: html.unescape(m.group(0)), text)
        n += k
    if "\\u" in text:
        def u(m: re.Match[str]) -> str:
            try:
                return m.group(0).encode("ascii").decode("unicode_escape")
            except UnicodeDecodeError:
                return m.group(0)
        text, k = _U_ESCAPES.subn(u, text)
        n += k
    if "%" in text:
        def pct(m: re.Match[str]) -> str:
            try:
                return bytes.fromhex(m.group(0).replace("%", "")).decode("utf-8")
            except (ValueError, UnicodeDecodeError):
                return m.group(0)
        text, k = _PERCENT.subn(pct, text)
        n += k
    return text, n


def _remove_invisible(text: str) -> tuple[str, int]:
    text, n = _INVISIBLE.subn("", text)
    if not _RTL.search(text):
        text, m = _BIDI.subn("", text)
        n += m
    return text, n


def _normalize_spaces(text: str) -> tuple[str, int]:
    text, n = _ODD_SPACE.subn(" ", text)
    if "\u3000" in text:
        text, m = _LATIN_IDEO_SPACE.subn(" ", text)
        n += m
    text, m = _TRAILING_SPACE.subn("", text)
    return text, n + m


def _remove_ruby(text: str) -> tuple[str, int]:
    found = [m for m in _RUBY.finditer(text)
             if _is_reading(m.group(1), m.group(2)) and text[m.start() - 1:m.start()] not in _TEACHING_CUE]
    if len(found) < _RUBY_MIN_COUNT:
        return text, 0
    valid = {m.start() for m in found}
    return _RUBY.subn(lambda m: m.group(1) if m.start() in valid else m.group(0), text)


def _remove_cjk_spaces(text: str) -> tuple[str, int]:
    n = 0

    def line(m: re.Match[str]) -> str:
        s = m.group(0)
        spaced = len(_SPACED_PAIR.findall(s))
        if spaced < _MIN_SPACED or spaced < _SPACED_SHARE * (spaced + len(_ADJACENT_PAIR.findall(s))):
            return s
        nonlocal n
        fixed, k = _SPACED_PAIR.subn("", s)
        n += k
        return fixed

    text = re.sub("[^\n]+", line, text)
    return text, n


def _fullwidth_punct(text: str) -> tuple[str, int]:
    n = 0
    for pattern in (_PUNCT_MID, _PUNCT_END, _PERIOD):
        text, k = pattern.subn(lambda m: m.group(0).translate(_FULLWIDTH), text)
        n += k
    text, k = _PAREN.subn(lambda m: f"（{m.group(1)}）", text)
    return text, n + k


def _ascii_punct_in_latin(text: str) -> tuple[str, int]:
    n = 0
    text, k = _WIDE_IN_URL.subn(":", text)
    n += k
    text, k = _WIDE_IN_NUMBER.subn(lambda m: m.group(0).translate(_ASCII_FROM_WIDE), text)
    n += k

    def latin_line(m: re.Match[str]) -> str:
        line = m.group(0)
        if _CJK_ANY.search(line):
            return line
        nonlocal n

        def one(p: re.Match[str]) -> str:
            mark = p.group(1).translate(_ASCII_FROM_WIDE)
            # a space after the mark, as English has it, unless the line ends there
            return mark + (" " if p.group(2) or p.group(3).isalnum() else "")

        fixed, k = _WIDE_AFTER_LATIN.subn(one, line)
        n += k
        return fixed

    text = _LATIN_LINE.sub(latin_line, text)
    return text, n


def _curly_quotes(text: str) -> tuple[str, int]:
    text, n = _STRAIGHT_DOUBLE.subn(lambda m: f"“{m.group(1)}”", text)
    text, k = _STRAIGHT_SINGLE.subn(lambda m: f"‘{m.group(1)}’", text)
    return text, n + k


def _width(line: str) -> int:
    """Columns the line fills, counting every character beyond ASCII as a wide one."""
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


def _join_wrapped(text: str) -> tuple[str, int]:
    lines = text.split("\n")
    widths = [_width(line) for line in lines]
    long = [w for w in widths if w >= _WRAP_MIN_WIDTH]
    if len(long) < _WRAP_MIN_FULL:
        return text, 0
    counts = Counter(long)
    # the wrap width: the width that the most lines fill (within two columns)
    full, best = max(((w, sum(counts[v] for v in (w, w - 1, w - 2))) for w in counts), key=lambda x: (x[1], x[0]))
    if best < _WRAP_MIN_FULL or best < _WRAP_MIN_SHARE * sum(1 for line in lines if line.strip()):
        return text, 0
    n = 0
    out = [lines[0]]
    for i in range(1, len(lines)):
        if (full - 2 <= widths[i - 1] <= full and _WRAP_END.search(lines[i - 1])
                and _WRAP_START.search(lines[i])):
            out[-1] += lines[i]
            n += 1
        else:
            out.append(lines[i])
    return "\n".join(out), n


_ASCII_PUNCT = re.compile("[,;:!?.()]")
_NON_ASCII_PUNCT = re.compile(f"[,;:!?.(](?<=[{HAN_CLASS}].)|[,;:!?)](?=[{HAN_CLASS}{_CJK_OPEN}])")
_TONE_MARK = re.compile(f"[{_TONES}]")
_INDENT_CHARS = (" ", "\t", "\u3000", "\u00a0")
_INDENT_AFTER_BREAK = re.compile("\n[ \t\u3000\u00a0]")


def _maybe_indented(t: str) -> bool:
    return t.startswith(_INDENT_CHARS) or bool(_INDENT_AFTER_BREAK.search(t))


def _maybe_odd_spaces(t: str) -> bool:
    return bool(" \n" in t or "\t\n" in t or "\u3000\n" in t or t.endswith(_INDENT_CHARS)
                or _ODD_SPACE.search(t) or ("\u3000" in t and _LATIN_IDEO_SPACE.search(t)))

RULES: tuple[Rule, ...] = (
    Rule("unescape", "HTML entities and escapes decoded",
     lambda t: "&" in t or "\\u" in t or "%E" in t or "%e" in t, _unescape, for_ascii=True),
    Rule("remove_invisible", "invisible and control characters removed",
     lambda t: bool(_INVISIBLE.search(t) or _BIDI.search(t)), _remove_invisible, triggered=True, for_ascii=True),
    Rule("unify_radicals", "radical forms to ideographs",
     lambda t: bool(_RADICALS.search(t)), _subn(_RADICALS, _unify_radical), triggered=True),
    Rule("normalize_spaces", "NBSP and odd spaces to plain spaces, trailing spaces removed",
     _maybe_odd_spaces, _normalize_spaces, for_ascii=True),
    Rule("remove_ruby", _RUBY_REMOVED,
     lambda t: bool(_TONE_MARK.search(t)), _remove_ruby, triggered=True),
    Rule("remove_cjk_spaces", "spaces between Chinese characters removed (PDF/OCR)",
     lambda t: bool(_SPACED_PAIR.search(t)), _remove_cjk_spaces),
    Rule("halfwidth_alnum", "full-width letters and digits to half-width",
     lambda t: bool(_FULLWIDTH_ALNUM.search(t)), _subn(_FULLWIDTH_ALNUM, lambda m: m.group(0).translate(_HALF_ALNUM))),
    Rule("fullwidth_katakana", "half-width katakana to full-width",
     lambda t: bool(_HALFWIDTH_KATAKANA.search(t)),
     _subn(_HALFWIDTH_KATAKANA, lambda m: unicodedata.normalize("NFKC", m.group(0))), triggered=True),
    Rule("fullwidth_punctuation", "ASCII punctuation in Chinese to full-width",
     lambda t: bool(_ASCII_PUNCT.search(t) and _NON_ASCII_PUNCT.search(t)), _fullwidth_punct),
    Rule("ascii_punctuation_in_latin", "full-width punctuation in Latin text and numbers to ASCII",
     lambda t: bool("：//" in t or _WIDE_AFTER_ALNUM.search(t)), _ascii_punct_in_latin),
    Rule("curly_quotes", "straight quotes around Chinese to curly",
     lambda t: '"' in t or "'" in t, _curly_quotes),
    Rule("join_wrapped_lines", "hard-wrapped lines of Chinese rejoined",
     lambda t: bool(_WRAP.search(t)), _join_wrapped),
    Rule("strip_indentation", "indentation before Chinese prose removed",
     _maybe_indented, _subn(_INDENT, "")),
)


# Code keeps its punctuation, spaces and escapes: a fenced block, from a line of three or
# more backticks or tildes to the line that closes it (an unclosed fence protects nothing),
# and lines indented by four spaces or a tab that start with an ASCII character.
_CODE = re.compile(
    r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[ \t]*$"
    r"|^(?: {4}|\t)[ \t]*[!-~][^\n]*(?:\n(?: {4}|\t)[ \t]*[!-~][^\n]*)*",
    re.M | re.S)


# Rules whose precheck is a search for one of these characters: one search over the text
# for all of them decides whether any of those rules has anything to look at.
_TRIGGERS = re.compile(
    "[\u200b\u2060-\u2064\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f"   # invisible
    "\u200e\u200f\u202a-\u202e\u2066-\u2069"                                    # bidi
    "\u2e80-\u2ef3\u2f00-\u2fd5"                                                  # radicals
    "\u00a0\u2000-\u200a\u202f\u205f"                                              # odd spaces
    f"\uff61-\uff9f{_TONES}]")                                                     # kana, ruby
_enabled_cache: dict[int, tuple[CleanConfig, tuple[Rule, ...]]] = {}


def _enabled(cfg: CleanConfig) -> tuple[Rule, ...]:
    """The rules the config switches on (cached per config object)."""
    cached = _enabled_cache.get(id(cfg))
    if cached is not None and cached[0] is cfg:
        return cached[1]
    rules = tuple(rule for rule in RULES if getattr(cfg, rule.field))
    if len(_enabled_cache) > 64:
        _enabled_cache.clear()
    _enabled_cache[id(cfg)] = (cfg, rules)
    return rules


def _apply_rules(text: str, cfg: CleanConfig, counts: dict[str, int]) -> str:
    ascii_only = text.isascii()
    triggered = _TRIGGERS.search(text) is not None
    for rule in _enabled(cfg):
        if (rule.triggered and not triggered) or (ascii_only and not rule.for_ascii) or not rule.maybe(text):
            continue
        new, n = rule.apply(text)
        if new != text:
            counts[rule.what] = counts.get(rule.what, 0) + max(1, n)
            text = new
            ascii_only = text.isascii()
            triggered = _TRIGGERS.search(text) is not None
    return text


def normalize_and_explain(text: str, config: CleanConfig | None = None, **overrides: object) -> tuple[str, list[Change]]:
    """Apply the rules the config enables; say which changed what.

    >>> normalize_and_explain("發(fā)展產業(yè)網(wǎng)站")[0]
    '發展產業網站'
    """
    cfg = resolve(config, overrides)
    changes: list[Change] = []
    if "\r" in text:
        text, n = _CRLF.subn("\n", text)
        changes.append(Change(STEP, "normalize", "line endings: CRLF/CR to LF", n))
    if cfg.unicode_form == "NFC" and not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        changes.append(Change(STEP, "normalize", "unicode NFC (compatibility ideographs unified)"))
    counts: dict[str, int] = {}
    if ("```" in text or "~~~" in text or "\n    " in text or "\n\t" in text
            or text.startswith(("    ", "\t"))):
        pieces: list[str] = []
        last = 0
        for m in _CODE.finditer(text):
            pieces += [_apply_rules(text[last:m.start()], cfg, counts), m.group(0)]
            last = m.end()
        text = "".join(pieces) + _apply_rules(text[last:], cfg, counts)
    else:
        text = _apply_rules(text, cfg, counts)
    changes += [Change(STEP, "normalize", what, n) for what, n in counts.items()]
    if _RUBY_REMOVED in counts:
        # a document-level flag: the page had ruby annotations, the source may gloss more
        changes.append(Change(STEP, "flag", "ruby annotations had leaked into the text", counts[_RUBY_REMOVED]))
    if cfg.max_blank_lines >= 0 and "\n" in text:
        new = collapse_blank_lines(text, cfg.max_blank_lines)
        if new != text:
            changes.append(Change(STEP, "normalize", "blank-line runs collapsed"))
            text = new
    return text, changes


def normalize(text: str, config: CleanConfig | None = None, **overrides: object) -> str:
    """Normalize Unicode and typography (see the module docstring for the rules).

    >>> normalize("⼈⼯智能")                  # Kangxi radicals from a PDF
    '人工智能'
    >>> normalize("「你好」，“世界”。　全角空格留下。")
    '「你好」，“世界”。　全角空格留下。'
    """
    return normalize_and_explain(text, config, **overrides)[0]
