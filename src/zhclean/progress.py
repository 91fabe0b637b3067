"""A progress line on standard error, for long runs at a terminal.

Shown only when standard error is a terminal and neither ``--no-progress`` nor ``-q`` was
given; it is redrawn at most a few times a second and erased at the end, so that logs and
pipes never see it.
"""
from __future__ import annotations

import time
from typing import TextIO

_EVERY = 0.25  # seconds between redraws


class Progress:
    """Documents (or files) done, megabytes read, speed, and an ETA when the total is known."""

    def __init__(self, stream: TextIO, total_bytes: int | None = None, unit: str = "document(s)",
                 enabled: bool = True) -> None:
        self.stream = stream
        self.total = total_bytes
        self.unit = unit
        self.enabled = enabled and _is_terminal(stream)
        self.count = 0
        self.done = 0
        self.start = self.last = time.monotonic()
        self.width = 0

    def update(self, items: int, nbytes: int) -> None:
        self.count += items
        self.done += nbytes
        now = time.monotonic()
        if self.enabled and now - self.last >= _EVERY:
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-6)
        speed = self.done / 1e6 / elapsed
        line = f"zhclean: {self.count} {self.unit}, {self.done / 1e6:.1f} MB, {speed:.1f} MB/s"
        if self.total and self.done and speed > 0:
            left = max(self.total - self.done, 0) / 1e6 / speed
            line += f", {100 * self.done / self.total:.0f} %, ETA {int(left) // 60}:{int(left) % 60:02d}"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
