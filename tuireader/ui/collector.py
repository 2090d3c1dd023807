"""When the garbage collector makes its full passes: in a step of their own, not inside a story's.

A full pass scans every object the shown story holds (its widgets, their styles, the painted
lines' caches): 30-70 ms on the reference machine. Python starts one whenever the objects that
survived younger passes have grown by a quarter, which happens inside the steps that mount and
paint a story's chunks, and the two together blocked the screen for 80-130 ms. Here Python's
own full passes are switched off while the reader runs (the younger ones, which are short, go on
as before). The full pass is made once enough younger passes have happened since the last one:
between two chunks of a story while one renders (``between_chunks``), on a timer otherwise
(``on_timer``); either way as a step of its own.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# Python's default: a full pass is due after ten passes of the middle generation.
DUE_AFTER = 10
# Python never reaches this count of middle-generation passes: no full pass of its own.
NEVER = 1 << 30


@dataclass
class FullPasses:
    """Full passes made by the reader; ``stop`` gives Python back its own thresholds."""

    thresholds: tuple[int, int, int]
    rendering: int = 0  # stories rendering in chunks: they make the passes between their chunks

    @classmethod
    def take_over(cls) -> FullPasses:
        """Freeze what is loaded by now and switch Python's own full passes off."""
        global _current
        # What is loaded by now (Textual, the parsers, the screen) stays for good: leave it out
        # of every full pass.
        gc.freeze()
        young, middle, full = gc.get_threshold()
        gc.set_threshold(young, middle, NEVER)
        _current = cls((young, middle, full))
        return _current

    def collect_if_due(self) -> bool:
        """The full pass, when Python would have been due to make one; True if it was made."""
        if gc.get_count()[2] < DUE_AFTER:
            return False
        gc.collect()
        return True

    def on_timer(self) -> None:
        """The full pass if due, unless a story rendering makes it between its chunks."""
        if not self.rendering:
            self.collect_if_due()

    def stop(self) -> None:
        global _current
        gc.set_threshold(*self.thresholds)
        if _current is self:
            _current = None


_current: FullPasses | None = None


@contextmanager
def rendering() -> Iterator[None]:
    """While a story renders chunk by chunk: the timer leaves the full passes to ``between_chunks``."""
    passes = _current
    if passes is not None:
        passes.rendering += 1
    try:
        yield
    finally:
        if passes is not None:
            passes.rendering -= 1


def between_chunks() -> bool:
    """The full pass if one is due, at the start of a step between two chunks; True if it was made."""
    return _current is not None and _current.collect_if_due()
