"""Exceptions raised by zhclean.

Every message says what went wrong and what to try next, so that the command-line
tool can print it as one line.
"""
from __future__ import annotations


class ZhcleanError(Exception):
    """Base class of every error zhclean raises on purpose."""


class DecodeError(ZhcleanError, UnicodeError):
    """Bytes that cannot be turned into text (binary data, or a forced encoding that fails)."""


class BinaryInputError(DecodeError):
    """Bytes that are binary data (NUL and other control bytes), not text in any encoding."""


class ConfigError(ZhcleanError, ValueError):
    """An option value that zhclean does not know."""


class PlanError(ZhcleanError, ValueError):
    """A replay plan that does not fit the text it is applied to."""
