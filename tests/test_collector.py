"""The reader's full passes of the garbage collector: on its timer, not inside a story's steps (ui/collector.py)."""

from __future__ import annotations

import gc
import weakref
from typing import Any

from conftest import run_reader

from tuireader.library import Library
from tuireader.ui import collector
from tuireader.ui.collector import DUE_AFTER, NEVER, FullPasses


class _Node:
    def __init__(self) -> None:
        self.other: Any = self


def test_python_makes_no_full_pass_of_its_own_while_the_reader_runs_and_gets_its_thresholds_back() -> None:
    before = gc.get_threshold()
    full_passes: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full_passes.append(1)

    passes = FullPasses.take_over()
    gc.callbacks.append(count)
    try:
        kept = [[n] for n in range(300_000)]  # many younger passes, each leaving survivors
        assert gc.get_count()[2] > DUE_AFTER and full_passes == []
        del kept
    finally:
        gc.callbacks.remove(count)
        passes.stop()
    assert gc.get_threshold() == before


def test_the_full_pass_runs_once_due_and_frees_old_cycles() -> None:
    passes = FullPasses.take_over()
    try:
        gc.collect()
        held = [_Node()]
        freed = weakref.ref(held[0])
        gc.collect(1)  # the cycle survives into the oldest generation
        del held
        passes.on_timer()
        assert freed() is not None, "not due yet: no full pass"
        while gc.get_count()[2] < DUE_AFTER:
            gc.collect(1)
        assert freed() is not None, "younger passes do not reach the oldest generation"
        passes.on_timer()
        assert freed() is None
        assert gc.get_count()[2] == 0
    finally:
        passes.stop()


async def test_the_reader_takes_the_full_passes_over_and_gives_them_back_when_it_quits(library: Library) -> None:
    before = gc.get_threshold()
    async with run_reader(library) as reader:
        await reader.settle()
        assert gc.get_threshold()[2] == NEVER
        await reader.pilot.press("q")
        await reader.settle()
    assert gc.get_threshold() == before


def _old_cycle() -> weakref.ref[_Node]:
    """A cycle in the oldest generation, and a full pass due."""
    gc.collect()
    held = [_Node()]
    freed = weakref.ref(held[0])
    gc.collect(1)
    del held
    while gc.get_count()[2] < DUE_AFTER:
        gc.collect(1)
    return freed


def test_while_a_story_renders_the_pass_is_made_between_its_chunks_not_on_the_timer() -> None:
    passes = FullPasses.take_over()
    try:
        freed = _old_cycle()
        with collector.rendering():
            passes.on_timer()
            assert freed() is not None, "the timer leaves the pass to the story"
            assert collector.between_chunks()
            assert freed() is None
            assert not collector.between_chunks(), "made already: not due again"
        freed = _old_cycle()
        passes.on_timer()
        assert freed() is None, "no story rendering: the timer makes it"
    finally:
        passes.stop()
    assert not collector.between_chunks(), "the reader gone: no passes of its own"
