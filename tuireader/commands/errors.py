"""The one error a command raises to end with a message."""

from __future__ import annotations


class CliError(Exception):
    """An error to print as one line, exiting with ``code``."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code
