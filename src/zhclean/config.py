"""Configuration: one frozen dataclass, :class:`CleanConfig`, and named presets.

Every public function takes ``config=None, **overrides``. Overrides are checked against
the fields below; an unknown name raises ``TypeError`` that lists the valid ones.
Command-line flags map one to one onto the fields (``--script zh-hans`` sets
``script``, ``--no-strip-boilerplate`` sets ``strip_boilerplate=False``), and a config
file goes through :meth:`CleanConfig.from_mapping`.

>>> CleanConfig().replace(script="simplified").script
'zh-hans'
"""
from __future__ import annotations

import codecs
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Literal, get_args

from .errors import ConfigError
from .profile import Boilerplate

ScriptTarget = Literal["keep", "auto", "zh-hans", "zh-hant", "zh-tw", "zh-hk"]
SCRIPT_TARGETS: tuple[str, ...] = get_args(ScriptTarget)
SCRIPT_ALIASES = {
    "simplified": "zh-hans",
    "traditional": "zh-hant",
    "hans": "zh-hans",
    "hant": "zh-hant",
    "zh-cn": "zh-hans",
    "zh-sg": "zh-hans",
    "zh-mo": "zh-hk",
}
UnicodeForm = Literal["NFC", "none"]


@dataclass(frozen=True, kw_only=True, slots=True)
class CleanConfig:
    """Which stages and rules run, and how.

    Stages, in order: decode (bytes only) → repair → normalize → script → strip.
    """

    #: Encoding of bytes input: ``"auto"`` detects it (BOM, strict UTF-8, Chinese
    #: candidates ranked by plausibility); any codec name forces it.
    encoding: str = "auto"
    #: Repair mojibake: UTF-8 read as GBK (``涓枃``), GBK read as latin-1 (``ÖÐÎÄ``),
    #: UTF-8 read as cp1252 (``æµ‹è¯•``), and the Western chains ftfy knows.
    repair_mojibake: bool = True
    #: Run the normalize stage at all (the rules below switch its parts).
    normalize: bool = True
    #: Unicode normalization form: NFC (never NFKC, which turns ``，`` into ``,``).
    unicode_form: UnicodeForm = "NFC"
    #: Decode HTML entities (``&nbsp;``, ``&#20013;``), runs of ``\\u4e2d`` escapes and
    #: runs of percent-encoded UTF-8 (``%E4%B8%AD``) left in text; URLs, tags and code
    #: spans keep theirs.
    unescape: bool = True
    #: Remove zero-width characters, soft hyphens, bidi controls (unless right-to-left
    #: text needs them), stray BOMs and C0/C1 control characters other than tab and newline.
    remove_invisible: bool = True
    #: Kangxi radicals and CJK Radicals Supplement forms become the ideographs they stand
    #: for: ``⼈⼯`` → ``人工`` (PDF extraction).
    unify_radicals: bool = True
    #: NBSP and other odd spaces become plain spaces, an ideographic space between Latin
    #: words a plain one; lines of nothing but spaces become empty; trailing spaces go.
    normalize_spaces: bool = True
    #: Remove pinyin leaked from ruby annotations: ``產業(yè)`` → ``產業``, when the
    #: syllable is a reading of the character and there are several of them.
    remove_ruby: bool = True
    #: Remove the spaces an extractor put between every two Chinese characters
    #: (``中 华 人 民`` → ``中华人民``); a line with a deliberate space or two keeps them.
    remove_cjk_spaces: bool = True
    #: Full-width letters and digits become ASCII: ``ＡＢＣ１２３`` → ``ABC123``.
    halfwidth_alnum: bool = False
    #: Half-width katakana become full-width: ``ｶﾀｶﾅ`` → ``カタカナ``.
    fullwidth_katakana: bool = True
    #: ASCII ``, . : ; ! ?`` and ``( )`` between Chinese characters become full-width.
    fullwidth_punctuation: bool = True
    #: Full-width punctuation inside numbers, Latin text and URLs becomes ASCII:
    #: ``3。14`` → ``3.14``, ``1，000`` → ``1,000``, ``http：//`` → ``http://``.
    ascii_punctuation_in_latin: bool = True
    #: Straight quotes around Chinese become curly: ``"你好"`` → ``“你好”``.
    curly_quotes: bool = False
    #: Remove the indentation before lines of Chinese prose (the two spaces of a
    #: paragraph); indented code and ASCII text keep theirs.
    strip_indentation: bool = True
    #: Rejoin hard-wrapped paragraphs: a line break between two Chinese characters goes.
    join_wrapped_lines: bool = False
    #: At most this many blank lines in a row (``-1``: keep them all).
    max_blank_lines: int = 1
    #: Script target: ``keep`` never converts; ``auto`` makes a mixed document
    #: consistent in its dominant script; ``zh-hans``, ``zh-hant``, ``zh-tw``,
    #: ``zh-hk`` convert (``simplified``/``traditional`` are aliases).
    script: ScriptTarget = "auto"
    #: Phrases of the user's for the script stage: (input, output) pairs; where the input
    #: says the first, the output says the second, whatever the converter would make of it.
    #: On the command line and in config files: a file of tab-separated lines.
    phrases: tuple[tuple[str, str], ...] = ()
    #: Remove boilerplate lines: copyright and disclaimer footers, ICP numbers,
    #: source/editor lines, related-article and hot-news lists after their header.
    strip_boilerplate: bool = True
    #: Find the article body by the shape of the lines (runs of prose against runs of
    #: short lines) and remove the short lines outside it: navigation, link lists, widgets.
    #: Off, only the lexicon removes lines (footers, metadata lines, widgets, tail lists).
    detect_body: bool = True
    #: Lines learned from a whole site (:class:`zhclean.Boilerplate`) that the strip stage
    #: removes wherever they stand. On the command line and in config files: the path of a
    #: saved profile (``--profile FILE``).
    boilerplate_profile: Boilerplate | None = None
    #: Keep metadata (title, source, date, author, editor, reposted_from) found in the
    #: lines that the strip stage looks at.
    extract_metadata: bool = True

    def __post_init__(self) -> None:
        script = SCRIPT_ALIASES.get(self.script.lower(), self.script.lower())
        if script not in SCRIPT_TARGETS:
            raise ConfigError(
                f"unknown script target {self.script!r}: use one of {', '.join(SCRIPT_TARGETS)}"
                " (or simplified/traditional)"
            )
        object.__setattr__(self, "script", script)
        if self.unicode_form not in get_args(UnicodeForm):
            raise ConfigError(f"unknown unicode_form {self.unicode_form!r}: use NFC or none")
        object.__setattr__(self, "phrases", tuple((str(a), str(b)) for a, b in self.phrases))
        if not isinstance(self.max_blank_lines, int) or self.max_blank_lines < -1:
            raise ConfigError("max_blank_lines must be an integer >= -1")
        if self.encoding != "auto":
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise ConfigError(f"unknown encoding {self.encoding!r}: use a codec name or 'auto'") from None

    def replace(self, **overrides: object) -> CleanConfig:
        """A copy with some fields changed; unknown names raise ``TypeError``."""
        check_names(overrides)
        return dataclasses.replace(self, **overrides)  # type: ignore[arg-type]

    @classmethod
    def from_mapping(cls, data: Mapping[str, object], base: CleanConfig | None = None) -> CleanConfig:
        """Build a config from a mapping such as a ``[tool.zhclean]`` table.

        Keys may use dashes (``strip-boilerplate``) as in TOML files and on the command line.
        """
        names = {k.replace("-", "_"): v for k, v in data.items()}
        if isinstance(names.get("phrases"), str):
            names["phrases"] = read_phrases(str(names["phrases"]))
        if isinstance(names.get("boilerplate_profile"), str):
            names["boilerplate_profile"] = Boilerplate.load(str(names["boilerplate_profile"]))
        return (base or cls()).replace(**names)

    def to_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


FIELD_NAMES: frozenset[str] = frozenset(f.name for f in fields(CleanConfig))


def read_phrases(path: str) -> tuple[tuple[str, str], ...]:
    """Phrases from a file: one ``input<TAB>output`` pair a line; ``#`` starts a comment.

    Raises :class:`ConfigError` naming the file and the line that is not a pair.
    """
    pairs = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 2 or not parts[0]:
                    raise ConfigError(f"{path}: line {n} is not 'input<TAB>output'")
                pairs.append((parts[0], parts[1]))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read phrases ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: phrases must be UTF-8") from None
    return tuple(pairs)


def check_names(overrides: Mapping[str, object]) -> None:
    unknown = sorted(set(overrides) - FIELD_NAMES)
    if unknown:
        raise TypeError(
            f"unknown option(s) {', '.join(unknown)}; valid options: {', '.join(sorted(FIELD_NAMES))}"
        )


def resolve(config: CleanConfig | None, overrides: Mapping[str, object]) -> CleanConfig:
    """The config a public function runs with: ``config`` (or the default) plus overrides."""
    base = config if config is not None else WEB
    return base.replace(**overrides) if overrides else base


#: The default: fix damage, make mixed documents consistent, strip boilerplate.
WEB = CleanConfig()

#: For training corpora: convert everything to Simplified, fold full-width letters and
#: digits to ASCII and rejoin hard-wrapped lines as well. Turn ``script`` back to ``auto``
#: or ``keep`` for a corpus that should keep both scripts.
CORPUS = CleanConfig(script="zh-hans", halfwidth_alnum=True, join_wrapped_lines=True)

#: Keep the author's typography and every line: fixes only damage (encoding, mojibake,
#: invisible characters, escapes, radicals, leaked ruby pinyin). No width changes, no
#: indentation or blank-line changes, no script conversion, no boilerplate removal.
DISPLAY = CleanConfig(
    remove_cjk_spaces=False,
    fullwidth_katakana=False,
    fullwidth_punctuation=False,
    ascii_punctuation_in_latin=False,
    strip_indentation=False,
    normalize_spaces=False,
    max_blank_lines=-1,
    script="keep",
    strip_boilerplate=False,
)

#: Never deletes content: like the default, but no line is removed and the script is kept.
CONSERVATIVE = CleanConfig(script="keep", strip_boilerplate=False)

PRESETS: dict[str, CleanConfig] = {
    "web": WEB,
    "corpus": CORPUS,
    "display": DISPLAY,
    "conservative": CONSERVATIVE,
}
