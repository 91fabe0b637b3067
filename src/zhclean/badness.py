"""How plausible a string is as (Chinese) text: the cost model behind every guess.

``cost(text)`` adds up, character by character, roughly ``-log2`` of how likely the
character is in real text. Common Han characters are cheap (的 costs 5 bits), rare
ones dear (涓 and 枃, typical of UTF-8 read as GBK, cost 15 and more); accented Latin
letters cost little alone but much in runs (``ÖÐÎÄ``, GBK read as latin-1), and
replacement characters, private-use characters and C1 controls cost most of all.

The decoder ranks candidate encodings with it; the mojibake stage repairs a span only
when the repaired span costs clearly less. Both compare costs of the *same bytes* read
two ways, so the model need not be calibrated, only ordered right.

>>> cost("中文") < cost("涓枃")
True
>>> cost("中文") < cost("ÖÐÎÄ")
True
"""
from __future__ import annotations

import unicodedata

from .chardata import HAN_COST

# Why each class costs what it does:
# - ASCII is the substrate of every language and of code: cheap.
# - Rare Han characters (not among the ~6,600 seen in the frequency source): 17 bits.
#   Supplementary-plane Han: 19. Mojibake of UTF-8 read as GBK is made of such characters.
# - Kana 8-10, hangul 13, half-width katakana 15: Japanese and Korean text reads as such,
#   while GBK or Big5 bytes read as cp932 or cp949 come out as rare syllables and
#   half-width katakana.
# - Latin-1 letters (é, ü, Ö): 7 bits alone; a letter next to another non-ASCII letter
#   costs 6 more, since French or German rarely put two accented letters side by side
#   while GBK read as latin-1 produces nothing else (¼òÌåÖÐÎÄ).
# - Latin-1 symbols (¼ ¶ ± ×): 12; C1 controls, U+FFFD, private use: 20.
_ASCII_COST = [3] * 128
for _c in range(128):
    ch = chr(_c)
    if ch in " \n\t":
        _ASCII_COST[_c] = 2
    elif not ch.isalnum():
        _ASCII_COST[_c] = 4
    if _c < 32 and ch not in "\n\t\r":
        _ASCII_COST[_c] = 20

_FULLWIDTH_PUNCT = set("，。、；：！？「」『』“”‘’（）《》〈〉【】…—～·　")


def char_cost(ch: str) -> int:
    """Cost of one character in bits (see the module docstring)."""
    o = ord(ch)
    if o < 128:
        return _ASCII_COST[o]
    c = HAN_COST.get(ch)
    if c is not None:
        return c
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        return 17
    if ch in _FULLWIDTH_PUNCT:
        return 5
    if 0x80 <= o < 0xA0 or o == 0xFFFD or 0xE000 <= o <= 0xF8FF or 0xF0000 <= o:
        return 20
    if 0x20000 <= o <= 0x3134F:
        return 19
    if 0xA0 <= o <= 0xFF:
        return 7 if ch.isalpha() else 12
    if 0x3040 <= o <= 0x309F:  # hiragana: the particles of every Japanese sentence
        return 8
    if 0x30A0 <= o <= 0x30FF:
        return 10
    if 0xAC00 <= o <= 0xD7AF:  # hangul syllables: 11,172 of them, few common
        return 13
    if 0xFF61 <= o <= 0xFF9F:  # half-width katakana: what cp932 makes of stray high bytes
        return 15
    if 0xFF01 <= o <= 0xFF5E:
        return 8
    cat = unicodedata.category(ch)
    if cat.startswith("L"):
        return 11
    if cat in ("Cc", "Cf", "Co", "Cs", "Cn"):
        return 20
    return 10


def cost(text: str) -> int:
    """Total cost of ``text`` in bits; lower is more plausible."""
    total = 0
    prev_latin = False
    for ch in text:
        total += char_cost(ch)
        o = ord(ch)
        latin = 0xA0 <= o <= 0x24F
        if latin and prev_latin:
            total += 6
        prev_latin = latin
    return total


def mean_cost(text: str) -> float:
    """Cost per character; ``text`` must not be empty."""
    return cost(text) / max(1, len(text))
