"""How plausible a string is as text: the cost model behind every guess.

``cost(text)`` adds up roughly ``-log2`` of how likely each character is in real text,
in bits. Common Han characters are cheap (的 costs 5 bits), rare ones dear (涓 and 枃,
typical of UTF-8 read as GBK, cost 15 and more); letters of alphabetic scripts are cheap
one by one, but accented Latin letters side by side (``ÖÐÎÄ``, GBK read as latin-1) and
Han characters separated by spaces (Korean or Russian read as GBK) pay extra; replacement
characters, private-use characters and C1 controls cost most of all.

The decoder ranks candidate encodings with it and the mojibake stage repairs a span only
when the repaired span costs clearly less. Both compare readings of the *same bytes*, so
the model need not be calibrated, only ordered right.

It runs in C: a list indexed by code point gives each character's cost, ``map`` and
``sum`` add them up without a Python frame per character, and one regex pass finds the
pairs that cost extra.

>>> cost("中文") < cost("涓枃")
True
>>> cost("中文") < cost("ÖÐÎÄ")
True
"""
from __future__ import annotations

import functools
import re
import unicodedata

import regex

from .chardata import HAN_COST, HANGUL_COST, T2S_FOLD

# Why each class costs what it does:
# - ASCII is the substrate of every language and of code: cheap. Controls are not text.
# - Han: the frequency table (4..15 bits); other BMP Han 17; supplementary Han 19 (the
#   default for characters above the BMP). Mojibake of UTF-8 read as GBK is made of these.
# - Letters of alphabets (Latin-1 accented, the Greek and Russian alphabets): 6-7 bits,
#   as a letter of an alphabet carries little; Latin Extended and the other Cyrillic
#   letters (Ё Ї і ў Љ, which cp1251 readings of CJK bytes are full of) 10-11.
# - Kana 8-10 (small kana 10), half-width katakana 15 (what cp932 makes of stray high
#   bytes); hangul by its frequency in Korean text (4..15 bits), else 14 when among the
#   2,350 syllables of KS X 1001 (EUC-KR's set), 17 for the other 8,822 (cp949's
#   extension, rare in real text).
# - Full-width CJK punctuation 5, full-width ASCII forms 8 (１９９８ in People's Daily).
# - Latin-1 symbols (¼ ¶ ± ×) 12; C1 controls, U+FFFD, private use 20.
_DEFAULT = 19  # characters the table leaves out: the supplementary planes

_FULLWIDTH_PUNCT = "，。、；：！？「」『』“”‘’（）《》〈〉【】…—～·　"
_SMALL_KANA = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"

# Patterns of two characters that cost extra (stdlib ``re``: on these simple classes it
# scans several times faster than ``regex``; each runs only when a cheap check allows):
# - two accented letters or Latin-1 signs side by side, unless both are lowercase
#   letters (Polish żółć, Czech kůň): all there is in GBK read as latin-1 (¼òÌåÖÐÎÄ,
#   ¾Æµê), whose bytes make capitals and signs;
_LATIN_PAIR = re.compile(r"[\u00a1-\u024f][\u00a1-\u024f]")
_LOWER_PAIR = regex.compile(r"[[\u00a1-\u024f]&&\p{Ll}][[\u00a1-\u024f]&&\p{Ll}]", regex.V1)
# - Han characters with a space between them: Chinese and Japanese do not put spaces
#   between words, Korean and Russian do, and read as GBK their spaces stay;
_SPACED_HAN = re.compile(r"[\u3400-\u9fff] (?=[\u3400-\u9fff])")
# - a Latin letter touching a Cyrillic or Greek one: no word mixes alphabets, but French
#   read as cp1251 does (Cafй), and so does Big5 read as cp1251 (ҐxЖW).
_LETTERS = re.compile(r"[\u00a1-\u04ff]")  # one search decides whether the two above can match
_MIXED_ALPHABET = re.compile(r"[A-Za-z\u00c0-\u024f][\u0370-\u04ff]|[\u0370-\u04ff][A-Za-z\u00c0-\u024f]")
# - a Han character inside a Latin word (am閞icaine, 膅ypten): the mark of French or
#   German read as GBK, where an accented letter swallows the next ASCII letter; Chinese
#   puts Latin next to Han (PPP项目, A股) but not around it.
#   A single Han character closing a Latin word (Surin醡, f黵) costs less: Chinese
#   writes A股 and T恤, rarely.
_HAN_IN_WORD = re.compile(r"[A-Za-z][\u3400-\u9fff](?=[A-Za-z])|(?<![A-Za-z])[\u3400-\u9fff](?=[a-z]{2})")
_HAN_IN_WORD_COST = 10
_HAN_ENDS_WORD = re.compile(r"[A-Za-z][\u3400-\u9fff](?![\u3400-\u9fffA-Za-z])")
_HAN_ENDS_WORD_COST = 6
_HAN_NEXT_TO_LATIN = re.compile(r"[A-Za-z][\u3400-\u9fff]|[\u3400-\u9fff][a-z]")  # one scan decides
_SUPPLEMENTARY = re.compile("[\U00010000-\U0010ffff]")
_LATIN_PAIR_COST = 12  # per pair of pairs: ÖÐÎÄ holds two
_SPACED_HAN_COST = 6
_MIXED_ALPHABET_COST = 8


def _class_of(o: int, korean_common: frozenset[int]) -> int:
    ch = chr(o)
    if o < 128:
        if ch in " \n\t\r":
            return 2
        if o < 32 or o == 127:
            return 20
        return 3 if ch.isalnum() else 4
    if 0x80 <= o < 0xA0 or o == 0xFFFD or 0xE000 <= o <= 0xF8FF or 0xD800 <= o <= 0xDFFF:
        return 20
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        return 17
    if ch in _FULLWIDTH_PUNCT:
        return 5
    if o == 0xA0:
        return 6
    if 0xA1 <= o <= 0xFF:
        return 7 if ch.isalpha() else 12
    if 0x100 <= o <= 0x24F:  # Latin Extended: lowercase letters are Central European text
        return 7 if ch.islower() else 10
    if 0x410 <= o <= 0x44F or 0x391 <= o <= 0x3C9:  # the Russian and Greek alphabets
        return 6 if ch.isalpha() else 12
    if 0x370 <= o <= 0x4FF:  # Ё Ђ Ї і ў Љ and the rest: other languages' letters
        return 11 if ch.isalpha() else 12
    if o == 0x3164:  # HANGUL FILLER: only EUC-KR's jamo sequences read wrongly make it
        return 20
    if 0x3040 <= o <= 0x309F:
        return 10 if ch in _SMALL_KANA else 8
    if 0x30A0 <= o <= 0x30FF:
        return 10 if ch in _SMALL_KANA else 9
    if 0xAC00 <= o <= 0xD7A3:
        return 14 if o in korean_common else 17
    if 0xFF61 <= o <= 0xFF9F:
        return 15
    if 0xFF01 <= o <= 0xFF5E:
        return 8
    if 0x2010 <= o <= 0x2027:
        return 6
    cat = unicodedata.category(ch)
    if cat.startswith("L"):
        return 11
    if cat.startswith("M"):
        return 16
    if cat in ("Cc", "Cf", "Co", "Cs", "Cn"):
        return 20
    return 12


# GB2312, Big5 and KS X 1001 hold kana, Cyrillic, Greek, pinyin letters and bopomofo in
# their symbol rows, and GB18030 and Big5-HKSCS map some bytes to private use: text in those
# encodings rarely uses them, but another encoding's bytes read through them land there
# all the time (Big5 日我 read as GBK is らи). A reading through one of those encodings
# (``han_reading=True``) pays this much more for each.
_FOREIGN_IN_HAN_READING = 6
_FOREIGN_RANGES = ((0x3040, 0x30FF), (0x0370, 0x04FF), (0x00C0, 0x024F), (0xE000, 0xF8FF),
                   (0x3100, 0x312F), (0x31A0, 0x31BF))


@functools.lru_cache(maxsize=2)
def _table(han_reading: bool = False) -> list[int]:
    """code point -> cost, for the whole BMP; built on first use (about 0.1 s)."""
    if han_reading:
        table = list(_table(False))
        for lo, hi in _FOREIGN_RANGES:
            for o in range(lo, hi + 1):
                table[o] += _FOREIGN_IN_HAN_READING
        return table
    korean_common = frozenset(
        ord(bytes([lead, trail]).decode("euc_kr")) for lead in range(0xB0, 0xC9) for trail in range(0xA1, 0xFF)
    )
    table = [_class_of(o, korean_common) for o in range(0x10000)]
    for costs in (HAN_COST, HANGUL_COST):
        for ch, c in costs.items():
            table[ord(ch)] = c
    return table


def cost(text: str, han_reading: bool = False) -> int:
    """Total cost of ``text`` in bits; lower is more plausible.

    ``han_reading``: the text is a reading of bytes through GB18030, Big5 or a Korean
    encoding, where kana, Cyrillic, Greek, pinyin letters and private use are suspect.
    """
    table = _table(han_reading)
    if not text.isascii() and _SUPPLEMENTARY.search(text):
        # the supplementary planes (rare): their characters cost _DEFAULT each
        total = sum(table[o] if o < 0x10000 else _DEFAULT for o in map(ord, text))
    else:
        # two maps and a sum, all in C: no Python frame per character
        total = sum(map(table.__getitem__, map(ord, text)))
    if not text.isascii():
        if _HAN_NEXT_TO_LATIN.search(text):
            total += _HAN_IN_WORD_COST * len(_HAN_IN_WORD.findall(text))
            total += _HAN_ENDS_WORD_COST * len(_HAN_ENDS_WORD.findall(text))
        if " " in text:
            total += _SPACED_HAN_COST * len(_SPACED_HAN.findall(text))
        if _LETTERS.search(text):
            pairs = len(_LATIN_PAIR.findall(text))
            if pairs:
                pairs -= len(_LOWER_PAIR.findall(text))
            total += _LATIN_PAIR_COST * pairs
            total += _MIXED_ALPHABET_COST * len(_MIXED_ALPHABET.findall(text))
    return total


def mean_cost(text: str) -> float:
    """Cost per character (0 for the empty string)."""
    return cost(text) / len(text) if text else 0.0


# Pairs of Han characters that real text writes side by side (generated, see
# scripts/build_chardata.py), in three tiers of evidence, and the bits each tier's pair
# takes off: a pair of characters that go together is that much likelier than the two
# characters apart. Real text is full of them (房间, 太差); garbage made of the same
# characters has next to none (滇潔怮船).
_BIGRAM_BITS = (6, 4, 3)


@functools.lru_cache(maxsize=1)
def _bigrams() -> tuple[frozenset[str], ...]:
    from ._bigram_tables import BIGRAM_TIERS

    return tuple(frozenset(tier[i:i + 2] for i in range(0, len(tier), 2)) for tier in BIGRAM_TIERS)


def bigram_bonus(text: str) -> int:
    """Bits that the known character pairs of ``text`` take off its cost (Traditional
    text is matched through a character fold to Simplified).

    >>> bigram_bonus("房间太差") > bigram_bonus("滇潔怮船")
    True
    """
    folded = text.translate(T2S_FOLD)
    pairs = list(map("".join, zip(folded, folded[1:])))
    return sum(bits * sum(map(tier.__contains__, pairs)) for tier, bits in zip(_bigrams(), _BIGRAM_BITS))


def context_cost(text: str, han_reading: bool = False) -> int:
    """:func:`cost` less :func:`bigram_bonus`: characters and the pairs they make."""
    return cost(text, han_reading) - bigram_bonus(text)
