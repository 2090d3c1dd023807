"""Which program opens a web address, and how: in the terminal (the reader steps aside) or detached.

The ``browser`` setting of config.toml (``browser = "w3m %u"``, as newsboat's)
wins over ``$BROWSER`` (its first entry); with neither, Python's ``webbrowser``
picks a graphical browser. ``%u`` (or ``%s``) in the command stands for the
address; without it the address goes last. The command is split like a shell
line but run without a shell, so an address can never run anything else.

A terminal browser or pager runs with the reader suspended (it gets the
screen and the keyboard until it exits); a graphical one is started detached.
Which is which: ``terminal_browser = true/false`` in config.toml, or else the
program's name is looked up in ``TERMINAL_PROGRAMS``.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath

# Programs that draw in the terminal they are started from.
TERMINAL_PROGRAMS = frozenset(
    {
        "w3m",
        "lynx",
        "links",
        "links2",
        "elinks",
        "browsh",
        "carbonyl",
        "chawan",
        "cha",
        "less",
        "more",
        "most",
        "bat",
        "vi",
        "vim",
        "nvim",
        "nano",
        "micro",
    }
)


@dataclass(frozen=True)
class BrowserCommand:
    template: tuple[str, ...]
    terminal: bool

    def argv(self, url: str) -> list[str]:
        if any("%u" in part or "%s" in part for part in self.template):
            return [part.replace("%u", url).replace("%s", url) for part in self.template]
        return [*self.template, url]


def browser_command(
    setting: str | None, terminal: bool | None = None, environ: Mapping[str, str] | None = None
) -> BrowserCommand | None:
    """The command to open addresses with, or None for Python's ``webbrowser``."""
    environ = os.environ if environ is None else environ
    text = setting or next((p for p in environ.get("BROWSER", "").split(os.pathsep) if p.strip()), "")
    try:
        parts = shlex.split(text)
    except ValueError:
        return None
    if not parts:
        return None
    is_terminal = terminal if terminal is not None else PurePath(parts[0]).name in TERMINAL_PROGRAMS
    return BrowserCommand(tuple(parts), is_terminal)


def run_in_terminal(argv: list[str]) -> int:
    """Run a terminal program in the foreground until it exits (the reader is suspended meanwhile)."""
    return subprocess.run(argv, check=False).returncode


def start_detached(argv: list[str]) -> None:
    """Start a graphical program that outlives the reader and never touches its terminal."""
    subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )
