"""Result and report types.

Everything zhclean returns is immutable: named tuples and frozen dataclasses that can be
pickled, compared by value and turned into plain dictionaries with ``to_dict()`` (for
JSON, JSONL report fields and datatrove metadata).

A :class:`Report` says three things about a cleaning run:

* ``changes``: one :class:`Change` per thing a step did, with a human-readable detail
  (``"utf-8 read as gbk"``, ``"t2s: 37 chars"``);
* ``removed``: every line the boilerplate stage removed, with the rule that removed it;
* ``plan``: the edits, in order, that turn the input into the output. ``apply_plan``
  replays them; applying them backwards (:func:`revert_plan`) restores the input.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal, NamedTuple

from .errors import PlanError

Action = Literal["decode", "convert", "remove", "replace", "normalize", "flag"]


@dataclass(frozen=True, slots=True)
class Change:
    """One thing a step did to the text.

    ``step`` is the registry name of the step, ``action`` the kind of change, ``detail``
    a short sentence a person can read, ``count`` how many places it touched.
    """

    step: str
    action: Action
    detail: str
    count: int = 1

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Edit:
    """A replayable edit: at ``start``, the text ``old`` became ``new``.

    Offsets refer to the text as it was when the step ran, so edits are applied in order.
    """

    step: str
    start: int
    old: str
    new: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Removed:
    """A line removed by the boilerplate stage, with the rule that removed it."""

    line: int  # 1-based line number in the text the strip stage received
    text: str
    reason: str  # what a person reads: "footer: copyright, filing number or disclaimer"
    rule: str = ""  # the rule alone: metadata, footer, widget, tail-list

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Report:
    """What a cleaning run did. ``metadata`` holds the fields the strip stage kept."""

    changes: tuple[Change, ...] = ()
    removed: tuple[Removed, ...] = ()
    plan: tuple[Edit, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None
    flags: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """True when the text that came out differs from the text that went in."""
        return bool(self.plan)

    def to_dict(self) -> dict[str, object]:
        return {
            "encoding": self.encoding,
            "changes": [c.to_dict() for c in self.changes],
            "removed": [r.to_dict() for r in self.removed],
            "metadata": dict(self.metadata),
            "flags": list(self.flags),
            "plan": [e.to_dict() for e in self.plan],
        }


class CleanResult(NamedTuple):
    """The cleaned text and the report; unpacks as ``text, report = result``."""

    text: str
    report: Report

    @property
    def metadata(self) -> dict[str, str]:
        """Metadata found in the document (title, source, date, author, ...)."""
        return self.report.metadata

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "report": self.report.to_dict()}


class DecodeResult(NamedTuple):
    """Bytes turned into text, and how.

    ``source`` says where the encoding came from: ``"given"`` (forced by the caller),
    ``"bom"``, ``"header"`` (HTTP Content-Type), ``"meta"`` (``<meta charset>`` or an XML
    declaration), ``"detected"`` or ``"fallback"``. ``alternatives`` lists the other
    candidates that decoded, best first, with their scores (bits of the scored bytes:
    lower is better). ``errors`` lists the byte ranges ``(start, end)`` that did not decode and
    became U+FFFD in ``text``: empty unless the bytes were damaged.
    """

    text: str
    encoding: str
    confidence: float
    source: str
    alternatives: tuple[tuple[str, float], ...] = ()
    errors: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "encoding": self.encoding,
            "confidence": round(self.confidence, 4),
            "source": self.source,
            "alternatives": [[e, round(s, 4)] for e, s in self.alternatives],
            "errors": [list(e) for e in self.errors],
        }


class ParagraphScript(NamedTuple):
    """The script of one line of a text: ``text[start:end]``."""

    start: int
    end: int
    script: str


class ScriptVerdict(NamedTuple):
    """The script of a text: see :func:`zhclean.detect_script`.

    ``counts`` has the numbers behind the verdict: characters written only in Simplified,
    only in Traditional, Han characters in all, kana and hangul. ``paragraphs`` has the
    verdict of each line with letters; ``region`` is ``"tw"`` or ``"hk"`` when the forms
    of a Traditional text tell, else None.
    """

    script: str
    confidence: float
    counts: dict[str, int]
    paragraphs: tuple[ParagraphScript, ...] = ()
    region: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"script": self.script, "confidence": round(self.confidence, 4), "counts": dict(self.counts),
                "region": self.region, "paragraphs": [list(p) for p in self.paragraphs]}


def diff_edit(step: str, before: str, after: str) -> Edit:
    """The smallest single edit that turns ``before`` into ``after``.

    >>> diff_edit("x", "娄底市", "娄底县")
    Edit(step='x', start=2, old='市', new='县')
    """
    n = min(len(before), len(after))
    lo, hi = 0, n
    # Binary search on slice equality: C-speed comparisons, O(n log n) worst case.
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if before[:mid] == after[:mid]:
            lo = mid
        else:
            hi = mid - 1
    prefix = lo
    lo, hi = 0, n - prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if before[len(before) - mid:] == after[len(after) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    suffix = lo
    return Edit(step, prefix, before[prefix:len(before) - suffix], after[prefix:len(after) - suffix])


def apply_plan(text: str, plan: tuple[Edit, ...] | list[Edit]) -> str:
    """Replay the edits of a report on the text that went in.

    >>> e = diff_edit("normalize", "你好,世界", "你好，世界")
    >>> apply_plan("你好,世界", [e])
    '你好，世界'
    """
    for edit in plan:
        end = edit.start + len(edit.old)
        if text[edit.start:end] != edit.old:
            raise PlanError(
                f"plan does not fit the text: step {edit.step!r} expected {edit.old[:20]!r} at {edit.start}"
            )
        text = text[:edit.start] + edit.new + text[end:]
    return text


def revert_plan(text: str, plan: tuple[Edit, ...] | list[Edit]) -> str:
    """Undo the edits of a report on the text that came out, giving back the input.

    >>> e = diff_edit("normalize", "你好,世界", "你好，世界")
    >>> revert_plan("你好，世界", [e])
    '你好,世界'
    """
    inverse = [Edit(e.step, e.start, e.new, e.old) for e in reversed(list(plan))]
    return apply_plan(text, inverse)
