"""A one-line progress bar on stderr (records done / total, rate), redrawn at most a few times a second."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, total: int | None, label: str, stream: TextIO | None = None, every: float = 0.5):
        self.total = total
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.every = every
        self.done = 0
        self.started = time.perf_counter()
        self._drawn = 0.0
        self._tty = self.stream.isatty()

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = time.perf_counter()
        if now - self._drawn >= self.every:
            self._drawn = now
            self._draw(final=False)

    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        if self.total:
            share = min(1.0, self.done / self.total)
            bar = "#" * int(share * 30)
            return f"{self.label} [{bar:<30}] {self.done}/{self.total} {share:4.0%} {rate:,.0f}/s"
        return f"{self.label} {self.done} {rate:,.0f}/s"

    def _draw(self, *, final: bool) -> None:
        # On a terminal the line is redrawn in place; in a log every draw is its own line.
        end = "\n" if final or not self._tty else ""
        prefix = "\r" if self._tty else ""
        self.stream.write(prefix + self.line() + end)
        self.stream.flush()

    def close(self) -> None:
        self._draw(final=True)
