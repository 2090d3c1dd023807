"""The hostile-input suite: a summary of vectors tried and passed per class at the end of the run."""

from __future__ import annotations

import pytest

from .support import TALLY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY:
        return
    terminalreporter.section("hostile input: vectors tried / passed per class")
    for cls in sorted(TALLY):
        tried, passed = TALLY[cls]
        terminalreporter.write_line(f"{cls:<28} {passed:>5} / {tried:<5}")
