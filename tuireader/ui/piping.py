"""Run a shell command with an article on its standard input (``|``).

On a real terminal the app is suspended while the command runs, so a pager
or an editor gets the screen and the keyboard (as newsboat's pipe-to); after
it ends, enter returns to the reader. Where the app cannot be suspended (a
headless run), the command runs with its output captured and summed up.
"""

from __future__ import annotations

import contextlib
import subprocess
from dataclasses import dataclass

from textual.app import App, SuspendNotSupported


@dataclass(frozen=True)
class PipeResult:
    command: str
    returncode: int
    output: str = ""  # the first line of its output, when captured


def run_in_terminal(app: App[object], command: str, text: str) -> PipeResult | None:
    """Run ``command`` with the app suspended; None when the app cannot be suspended."""
    try:
        with app.suspend():
            done = subprocess.run(command, shell=True, input=text.encode("utf-8"), check=False)
            print(f"\n[tuireader] “{command}” ended (status {done.returncode}). Press enter to go back.", flush=True)
            with contextlib.suppress(EOFError):
                input()
    except SuspendNotSupported:
        return None
    return PipeResult(command, done.returncode)


def run_captured(command: str, text: str, timeout: float = 60.0) -> PipeResult:
    """Run ``command`` without a terminal (called from a worker thread)."""
    done = subprocess.run(
        command,
        shell=True,
        input=text.encode("utf-8"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=timeout,
        check=False,
    )
    first = done.stdout.decode("utf-8", "replace").strip().splitlines()
    return PipeResult(command, done.returncode, first[0] if first else "")
