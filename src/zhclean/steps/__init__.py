"""The stages of the pipeline, as a registry: name → function.

Every stage function takes ``(text, config, explain)`` and returns a :class:`StageOutput`:
the new text, the changes it made and, for the strip stage, the removed lines and the
metadata. Stages never call each other; the pipeline runs them in order.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..config import CleanConfig
from ..report import Change, Removed
from .boilerplate import strip_and_explain
from .mojibake import repair_mojibake_and_explain
from .normalize import normalize_and_explain
from .script import convert_script_and_explain


class StageOutput(NamedTuple):
    text: str
    changes: list[Change]
    removed: list[Removed]
    metadata: dict[str, str]


# Mojibake can be layered (UTF-8 read as cp1252, twice): repair until nothing changes.
MAX_REPAIR_LAYERS = 3


def repair_stage(text: str, config: CleanConfig, explain: bool = True) -> StageOutput:
    changes: list[Change] = []
    for _ in range(MAX_REPAIR_LAYERS):
        new, found = repair_mojibake_and_explain(text)
        changes += [c for c in found if c.action != "flag" or new == text]
        if new == text:
            break
        text = new
    return StageOutput(text, changes, [], {})


def normalize_stage(text: str, config: CleanConfig, explain: bool = True) -> StageOutput:
    new, changes = normalize_and_explain(text, config)
    return StageOutput(new, changes, [], {})


def script_stage(text: str, config: CleanConfig, explain: bool = True) -> StageOutput:
    new, changes = convert_script_and_explain(text, config.script, config.phrases, explain)
    return StageOutput(new, changes, [], {})


def strip_stage(text: str, config: CleanConfig, explain: bool = True) -> StageOutput:
    result = strip_and_explain(text, config)
    return StageOutput(result.text, result.changes, result.removed, result.metadata)


Stage = Callable[[str, CleanConfig, bool], StageOutput]

#: name -> (stage function, the config switch that enables it, or None for always)
STEPS: dict[str, tuple[Stage, str | None]] = {
    "repair_mojibake": (repair_stage, "repair_mojibake"),
    "normalize": (normalize_stage, "normalize"),
    "convert_script": (script_stage, None),
    "strip_boilerplate": (strip_stage, None),
}


def enabled(name: str, config: CleanConfig) -> bool:
    if name == "convert_script":
        return config.script != "keep"
    if name == "strip_boilerplate":
        return config.strip_boilerplate or config.extract_metadata
    switch = STEPS[name][1]
    return switch is None or bool(getattr(config, switch))
