"""Unicode and typography: named rules, each switched by a field of ``CleanConfig``.

=========================  ==============================================  ==========================
config field               what it fixes                                   example
=========================  ==============================================  ==========================
``unicode_form``           decomposed characters (NFC, never NFKC)         ``e\\u0301`` → ``é``
``remove_invisible``       zero-width and bidi controls, soft hyphens,     ``中\\u200b文`` → ``中文``
                           stray BOMs, C0/C1 controls
``normalize_spaces``       NBSP and odd spaces; space-only lines; spaces   ``\\xa0`` → `` ``
                           at the end of a line
``remove_ruby``            pinyin leaked from ruby annotations             ``產業(yè)`` → ``產業``
``fullwidth_punctuation``  ASCII ``, : ; ! ?`` and ``( )`` in Chinese       ``你好,世界`` → ``你好，世界``
``strip_indentation``      indentation before Chinese prose                ``  正文`` → ``正文``
``max_blank_lines``        runs of blank lines; blank lines at the start   three blank lines → one
                           and end of the document; CRLF and CR
=========================  ==============================================  ==========================

Clean Chinese text stays as it is: full-width punctuation, ``「」``, curly quotes and the
ideographic space inside a line are never touched, and nothing here folds width.

>>> normalize("  你好,世界!\\r\\n\\r\\n\\r\\n\\r\\n再見。\\n")
'你好，世界！\\n\\n再見。\\n'
"""
from __future__ import annotations

import unicodedata

import regex

from ..chardata import HAN_CLASS
from ..config import CleanConfig, resolve
from ..lines import collapse_blank_lines
from ..report import Change

STEP = "normalize"

# Zero-width space, word joiner, invisible operators, stray BOM, soft hyphen, and the C0
# and C1 controls but tab and newline. ZWJ and ZWNJ stay: emoji sequences and Persian use them.
_INVISIBLE = regex.compile(
    r"[\u200b\u2060-\u2064\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]"
)
_MAYBE_INVISIBLE = regex.compile(r"[^\t\n\x20-\x7e\u00a0-\u00ac\u00ae-\u200a\u2010-\u205f\u2070-\ufefe\uff00-\U0010ffff]")

# Bidi embedding controls: junk in Chinese text, meaningful next to Hebrew or Arabic.
_BIDI = regex.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_RTL = regex.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")

# Spaces that are not U+0020: NBSP (the &nbsp; of every scraped page), the en/em/thin
# spaces and the narrow NBSP. The ideographic space U+3000 is Chinese typography: it is
# handled as indentation only.
_ODD_SPACE = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f]")
_TRAILING_SPACE = regex.compile(r"[ \t\u3000]+$", regex.M)

# Ruby annotations leaked into the text when a page with <ruby> is flattened (or a
# converter glossed characters): 產業(yè), 網(wǎng). Only a syllable with a tone mark
# counts, right after a Han character, so (WAMA) or (a) are never taken for pinyin.
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = f"[a-zü{_TONE}]*[{_TONE}][a-zü{_TONE}]*"
_RUBY = regex.compile(f"(?<=[{HAN_CLASS}])[(（]({_PINYIN})[)）]")
# A page whose glosses are artifacts has many; a language lesson glossing one word has
# one or two. Below this many, leave them.
_RUBY_MIN_COUNT = 3

# ASCII punctuation between Chinese: after a Han character or closing CJK punctuation,
# before a Han character, opening CJK punctuation, a digit (时间:2018) or the line's end.
# A comma or colon in code ("中文",x) or before a Latin word stays.
_CJK_BEFORE = f"[{HAN_CLASS}”’」』）》】]"
_CJK_AFTER = f"[{HAN_CLASS}“‘「『（《【]"
_PUNCT_MID = regex.compile(f"(?<={_CJK_BEFORE})([,;:])(?=[ ]?(?:{_CJK_AFTER}|[0-9]))")
_PUNCT_END = regex.compile(f"(?<={_CJK_BEFORE})([!?,;:])(?={_CJK_AFTER}|$)", regex.M)
_FULLWIDTH = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"})
_PAREN = regex.compile(f"(?<=[{HAN_CLASS}])\\(([^()\\n]{{0,40}}[{HAN_CLASS}][^()\\n]{{0,40}})\\)")

# Indentation before a line of Chinese prose: the first visible character is not ASCII.
# Indented code, Markdown and poetry written in ASCII keep theirs.
_INDENT = regex.compile(r"^[ \t\u3000\u00a0]+(?=[^\x00-\x7f])", regex.M)

_CRLF = regex.compile(r"\r\n?")


def _fullwidth_punct(text: str) -> tuple[str, int]:
    n = 0

    def widen(m: regex.Match[str]) -> str:
        nonlocal n
        n += 1
        return str(m.group(1)).translate(_FULLWIDTH)

    def widen_paren(m: regex.Match[str]) -> str:
        nonlocal n
        n += 1
        return f"（{m.group(1)}）"

    text = _PUNCT_MID.sub(widen, text)
    text = _PUNCT_END.sub(widen, text)
    text = _PAREN.sub(widen_paren, text)
    return text, n


def normalize_and_explain(text: str, config: CleanConfig | None = None, **overrides: object) -> tuple[str, list[Change]]:
    """Apply the rules the config enables; say which changed what.

    >>> normalize_and_explain("發(fā)展產業(yè)網(wǎng)站")[0]
    '發展產業網站'
    """
    cfg = resolve(config, overrides)
    changes: list[Change] = []

    def record(rule: str, before: str, after: str, count: int | None = None) -> str:
        if after != before:
            changes.append(Change(STEP, "normalize", rule, count if count is not None else 1))
        return after

    if "\r" in text:
        text = record("line endings: CRLF/CR to LF", text, _CRLF.sub("\n", text))
    if cfg.unicode_form == "NFC" and not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = record("unicode NFC", text, unicodedata.normalize("NFC", text))
    if cfg.remove_invisible and _MAYBE_INVISIBLE.search(text):
        new, n = _INVISIBLE.subn("", text)
        if not _RTL.search(new):
            new, m = _BIDI.subn("", new)
            n += m
        text = record("invisible and control characters removed", text, new, n)
    if cfg.normalize_spaces:
        new, n = _ODD_SPACE.subn(" ", text)
        text = record("NBSP and odd spaces to plain spaces", text, new, n)
        new, n = _TRAILING_SPACE.subn("", text)
        text = record("trailing spaces removed", text, new, n)
    if cfg.remove_ruby and ("(" in text or "（" in text):
        found = _RUBY.findall(text)
        if len(found) >= _RUBY_MIN_COUNT:
            new, n = _RUBY.subn("", text)
            text = record("leaked ruby pinyin removed", text, new, n)
    if cfg.fullwidth_punctuation and not text.isascii():
        new, n = _fullwidth_punct(text)
        text = record("ASCII punctuation in Chinese to full-width", text, new, n)
    if cfg.strip_indentation:
        new, n = _INDENT.subn("", text)
        text = record("indentation before Chinese prose removed", text, new, n)
    if cfg.max_blank_lines >= 0 and "\n" in text:
        text = record("blank-line runs collapsed", text, collapse_blank_lines(text, cfg.max_blank_lines))
    return text, changes


def normalize(text: str, config: CleanConfig | None = None, **overrides: object) -> str:
    """Normalize Unicode and typography (see the module docstring for the rules).

    >>> normalize("⾃然語言", remove_invisible=True)  # Kangxi radicals are left for now
    '⾃然語言'
    >>> normalize("「你好」，“世界”。　全角空格留下。")
    '「你好」，“世界”。　全角空格留下。'
    """
    return normalize_and_explain(text, config, **overrides)[0]
