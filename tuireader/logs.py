"""What tuireader's own programs (the command line, the reader) do with other libraries' logs.

Importing tuireader changes no logger: a program that uses it as a library
keeps its logging as it was. The programs tuireader runs call
``quiet_parser_logs`` at start (and so do its parse workers), since trafilatura
logs a line for every page it finds too short or empty.
"""

from __future__ import annotations

import logging

NOISY_LOGGERS = ("trafilatura",)


def quiet_parser_logs() -> None:
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
