"""Boilerplate learned from a whole site: the lines that recur across its pages.

A navigation bar, a footer, a "扫码关注" prompt come back on every page of a site, word
for word; the article does not. :meth:`Boilerplate.learn` counts, over the texts of one
site, in how many documents each line occurs, and keeps the lines that occur in enough of
them (as CCNet does with paragraph hashes). The profile can be saved and loaded as JSON,
given to the strip stage (``boilerplate_profile=``), and learned by the command line over
its inputs (``--learn-boilerplate``, ``--profile FILE``).

>>> pages = [f"首页\\n新闻\\n第{i}篇文章的正文。\\n版权所有\\n" for i in range(5)]
>>> profile = Boilerplate.learn(pages)
>>> sorted(profile.lines)
['新闻', '版权所有', '首页']
>>> "首页" in profile, "第1篇文章的正文。" in profile
(True, False)
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

#: Lines longer than this are never learned: a long line is content, even repeated.
MAX_LINE = 200
_FORMAT = "zhclean-boilerplate-profile"


def line_key(line: str) -> str:
    """How a line is compared: without its white space."""
    return "".join(line.split())


@dataclass(frozen=True)
class Boilerplate:
    """The recurring lines of a site, and how many documents they were learned from."""

    lines: frozenset[str]
    documents: int = 0

    def __contains__(self, line: object) -> bool:
        return isinstance(line, str) and line_key(line) in self.lines

    def __len__(self) -> int:
        return len(self.lines)

    @classmethod
    def learn(cls, texts: Iterable[str], min_documents: int = 3, min_share: float = 0.2) -> Boilerplate:
        """The lines (of at most MAX_LINE characters) that occur in at least
        ``min_documents`` of the texts and in at least ``min_share`` of them."""
        counts: Counter[str] = Counter()
        documents = 0
        for text in texts:
            documents += 1
            counts.update({key for line in text.split("\n")
                           if (key := line_key(line)) and len(key) <= MAX_LINE})
        need = max(min_documents, min_share * documents)
        return cls(frozenset(k for k, n in counts.items() if n >= need), documents)

    def save(self, path: str | Path) -> None:
        data = {"format": _FORMAT, "version": 1, "documents": self.documents, "lines": sorted(self.lines)}
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Boilerplate:
        """Read a saved profile; a file that is not one raises ConfigError naming it."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as e:
            raise ConfigError(f"{path}: cannot read the boilerplate profile ({e.strerror or e})") from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ConfigError(f"{path}: not a boilerplate profile (not UTF-8 JSON)") from None
        if not isinstance(data, dict) or data.get("format") != _FORMAT or not isinstance(data.get("lines"), list):
            raise ConfigError(f"{path}: not a boilerplate profile (no '{_FORMAT}' format field)")
        return cls(frozenset(line_key(str(x)) for x in data["lines"]), int(data.get("documents", 0)))
