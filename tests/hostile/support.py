"""The hostile-input suite's shared helpers and its tally of vectors tried and passed per class."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# (class) -> [tried, passed]; filled by the tests, printed at the end of the run.
TALLY: dict[str, list[int]] = defaultdict(lambda: [0, 0])


def tally(cls: str, ok: bool) -> None:
    TALLY[cls][0] += 1
    TALLY[cls][1] += int(ok)


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}


def run_on_pty(argv: list[str], timeout: float = 60) -> tuple[int, bytes, bytes]:
    """Run the command line with stdout on a pseudo-terminal: (exit code, terminal bytes, stderr bytes).

    A command still running after ``timeout`` seconds is killed and fails the test (no hang).
    """
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tuireader", *argv],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env(),
    )
    os.close(slave)
    err: list[bytes] = []
    reader = threading.Thread(target=lambda: err.append(proc.stderr.read() if proc.stderr else b""), daemon=True)
    reader.start()
    out = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                proc.kill()
                raise AssertionError(f"{argv} did not finish within {timeout} s")
            ready, _, _ = select.select([master], [], [], min(left, 1.0))
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the terminal closed: the command is done
                    break
                if not chunk:
                    break
                out += chunk
            elif proc.poll() is not None:
                break
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        os.close(master)
    reader.join(5)
    return code, bytes(out), b"".join(err)


# Our own styling on a terminal (search marks its matches in bold), and the terminal's CR LF.
OWN_SEQUENCES = (b"\x1b[1m", b"\x1b[0m")


def terminal_text(data: bytes) -> bytes:
    data = data.replace(b"\r\n", b"\n")
    for seq in OWN_SEQUENCES:
        data = data.replace(seq, b"")
    return data
