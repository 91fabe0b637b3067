"""The pipeline: decode → repair → normalize → script → strip, with the report.

Each stage reaches its own fixed point (the repair stage re-runs until the text stops
changing, the strip stage tidies the blank lines it leaves). A later stage can still
uncover mojibake (removing a control character joins the two halves of a garbled
sequence), so after a pass that changed the text the repair stage looks again, and only
if it repairs something do the other stages run again. Clean text pays for one pass;
``clean(clean(x)) == clean(x)``.

>>> Pipeline().run("浣犲ソ锛屼笘鐣岋紒").text
'你好，世界！'
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from .config import CleanConfig, resolve
from .detect import decode
from .report import Change, CleanResult, Edit, Removed, Report, diff_edit
from .steps import STEPS, enabled

#: Passes over the stages at most (see the module docstring).
MAX_ROUNDS = 3


class Pipeline:
    """Runs the stages a :class:`CleanConfig` enables. Picklable; holds no state but its config."""

    __slots__ = ("config",)

    def __init__(self, config: CleanConfig | None = None, **overrides: object) -> None:
        self.config = resolve(config, overrides)

    def __repr__(self) -> str:
        return f"Pipeline({self.config!r})"

    def __reduce__(self) -> tuple[type[Pipeline], tuple[CleanConfig]]:
        return (Pipeline, (self.config,))

    def run(self, data: str | bytes, *, explain: bool = True,
            headers: Mapping[str, str] | None = None) -> CleanResult:
        """Clean ``data``; with ``explain=False`` the report holds no plan (faster)."""
        cfg = self.config
        changes: list[Change] = []
        plan: list[Edit] = []
        removed: list[Removed] = []
        metadata: dict[str, str] = {}
        encoding: str | None = None
        if isinstance(data, (bytes, bytearray, memoryview)):
            decoded = decode(bytes(data), headers=headers, encoding=cfg.encoding)
            encoding = decoded.encoding
            changes.append(Change("decode", "decode", f"{decoded.encoding} ({decoded.source}, "
                                  f"confidence {decoded.confidence:.2f})"))
            if decoded.errors:
                where = ", ".join(f"{a}-{b}" for a, b in decoded.errors[:5])
                more = " ..." if len(decoded.errors) > 5 else ""
                changes.append(Change("decode", "flag", f"undecodable bytes as {decoded.encoding} at offsets "
                                      f"{where}{more}, replaced by U+FFFD", len(decoded.errors)))
            text = decoded.text
        elif isinstance(data, str):
            text = data
        else:
            raise TypeError(f"expected str or bytes, not {type(data).__name__}")
        names = [name for name in STEPS if enabled(name, cfg)]
        for round_ in range(MAX_ROUNDS):
            start = text
            for name in names:
                if round_ and name != "repair_mojibake" and text == start:
                    break  # the repair stage found nothing new: done
                out = STEPS[name][0](text, cfg, explain)
                changes += out.changes
                removed += out.removed
                for key, value in out.metadata.items():
                    metadata.setdefault(key, value)
                if out.text != text:
                    if explain:
                        plan.append(diff_edit(name, text, out.text))
                    text = out.text
            if text == start or "repair_mojibake" not in names:
                break
        if removed and cfg.script == "auto" and "convert_script" in names:
            # `auto` weighed lines that the strip stage then removed: decided again on what
            # stays, the answer is the one a second run would give (clean(clean(x)) == clean(x))
            out = STEPS["convert_script"][0](text, cfg, explain)
            if out.text != text:
                changes += out.changes
                if explain:
                    plan.append(diff_edit("convert_script", text, out.text))
                text = out.text
        flags = tuple(c.detail for c in changes if c.action == "flag")
        report = Report(tuple(changes), tuple(removed), tuple(plan), metadata, encoding, flags)
        return CleanResult(text, report)


def clean(data: str | bytes, config: CleanConfig | None = None, **overrides: object) -> str:
    """Clean text or bytes with the default pipeline (or ``config``), return the text.

    >>> clean("浣犲ソ锛屼笘鐣岋紒")
    '你好，世界！'
    >>> clean("產業(yè)發(fā)展網(wǎng)站", script="zh-hans")
    '产业发展网站'
    """
    return Pipeline(config, **overrides).run(data, explain=False).text


def clean_and_explain(data: str | bytes, config: CleanConfig | None = None, **overrides: object) -> CleanResult:
    """Clean and report: ``.text``, ``.report`` (changes, removed lines, plan) and ``.metadata``.

    >>> r = clean_and_explain("標題\\n來源:新華網 時間:2024-05-13\\n正文。\\n", script="zh-hans")
    >>> r.text
    '标题\\n正文。\\n'
    >>> r.metadata["source"], r.metadata["date"]
    ('新华网', '2024-05-13')
    """
    return Pipeline(config, **overrides).run(data, explain=True)


def clean_batch(items: Iterable[str | bytes], config: CleanConfig | None = None,
                **overrides: object) -> list[CleanResult]:
    """Clean many documents with one config: the hook for datatrove, Ray, HF datasets.

    >>> [r.text for r in clean_batch(["鏂囧瓧", "ÖÐÎÄ"])]
    ['文字', '中文']
    """
    pipeline = Pipeline(config, **overrides)
    return [pipeline.run(item, explain=True) for item in items]
