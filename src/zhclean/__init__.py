"""zhclean: clean Chinese text — decode, repair mojibake, normalize, convert script,
strip boilerplate — and report every change.

>>> import zhclean
>>> zhclean.clean("浣犲ソ锛屼笘鐣岋紒")
'你好，世界！'
"""
from __future__ import annotations

import logging

from .config import CONSERVATIVE, CORPUS, DISPLAY, PRESETS, WEB, CleanConfig
from .detect import StreamDecoder, decode, decode_html
from .errors import BinaryInputError, ConfigError, DecodeError, PlanError, ZhcleanError
from .pipeline import Pipeline, clean, clean_and_explain, clean_batch
from .profile import Boilerplate
from .report import (
    Change, CleanResult, DecodeResult, Edit, ParagraphScript, Removed, Report, ScriptVerdict, apply_plan, revert_plan,
)
from .steps.boilerplate import strip_boilerplate
from .steps.mojibake import repair_mojibake, repair_mojibake_and_explain
from .steps.normalize import normalize
from .steps.script import convert_script, detect_script

__version__ = "0.1.0"

logging.getLogger("zhclean").addHandler(logging.NullHandler())

__all__ = [
    "CONSERVATIVE", "CORPUS", "DISPLAY", "PRESETS", "WEB",
    "BinaryInputError", "Boilerplate", "Change", "CleanConfig", "CleanResult", "ConfigError", "DecodeError", "DecodeResult", "Edit",
    "ParagraphScript", "PlanError", "Pipeline", "Removed", "Report", "ScriptVerdict", "StreamDecoder", "ZhcleanError",
    "__version__", "apply_plan", "clean", "clean_and_explain", "clean_batch", "convert_script",
    "decode", "decode_html", "detect_script", "normalize", "repair_mojibake",
    "repair_mojibake_and_explain", "revert_plan", "strip_boilerplate",
]
