"""Line-level helpers shared by the stages that reshape a document's lines."""
from __future__ import annotations

import regex

_BLANK_LINES = regex.compile(r"\n(?:[ \t]*\n)+")


def collapse_blank_lines(text: str, max_blank: int) -> str:
    """At most ``max_blank`` blank lines in a row, none at the start or the end of the text.

    A final newline stays when the text had one. ``max_blank < 0`` leaves the text as it is.

    >>> collapse_blank_lines("\\n\\na\\n\\n\\n\\nb\\n\\n", 1)
    'a\\n\\nb\\n'
    """
    if max_blank < 0:
        return text
    keep = "\n" * (max_blank + 1)
    text = _BLANK_LINES.sub(lambda m: m.group(0) if m.group(0).count("\n") <= max_blank + 1 else keep, text)
    stripped = text.lstrip("\n")
    if stripped.endswith("\n"):
        stripped = stripped.rstrip("\n") + "\n"
    return stripped
