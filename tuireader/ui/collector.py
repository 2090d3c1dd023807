"""When the garbage collector makes its full passes: in a step of their own, not inside a story's.

A full pass scans every object the shown story holds (its widgets, their styles, the painted
lines' caches): 30-50 ms on the reference machine. Python starts one whenever the objects that
survived younger passes have grown by a quarter, which happens inside the steps that mount and
paint a story's chunks, and the two together blocked the screen for 80-130 ms. Here Python's
own full passes are switched off while the reader runs (the younger ones, which are short, go on
as before), and a timer makes the full pass once enough younger passes have happened since the
last one: the pass is then a step of its own, between the story's steps.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

# Python's default: a full pass is due after ten passes of the middle generation.
DUE_AFTER = 10
# Python never reaches this count of middle-generation passes: no full pass of its own.
NEVER = 1 << 30


@dataclass
class FullPasses:
    """Full passes made on a timer; ``stop`` gives Python back its own thresholds."""

    thresholds: tuple[int, int, int]

    @classmethod
    def take_over(cls) -> FullPasses:
        """Freeze what is loaded by now and switch Python's own full passes off."""
        # What is loaded by now (Textual, the parsers, the screen) stays for good: leave it out
        # of every full pass.
        gc.freeze()
        young, middle, full = gc.get_threshold()
        gc.set_threshold(young, middle, NEVER)
        return cls((young, middle, full))

    def collect_if_due(self) -> None:
        """The full pass, when Python would have been due to make one (called on a timer)."""
        if gc.get_count()[2] >= DUE_AFTER:
            gc.collect()

    def stop(self) -> None:
        gc.set_threshold(*self.thresholds)
