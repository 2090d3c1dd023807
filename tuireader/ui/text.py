"""Article text made safe for the screen.

Stored articles are untrusted: their text never drives the terminal (control
and escape characters are removed) and never passes through Textual markup
(widgets get ``Content`` objects or plain strings with ``markup=False``).
"""

from __future__ import annotations

from tuireader.sanitize import clean_block, clean_line

__all__ = ["clean_block", "clean_line", "long_date", "short_date"]


def short_date(stamp: str | None) -> str:
    """'2022-01-10T10:00' -> '2022-01-10'; anything else as it is (cleaned)."""
    return clean_line(stamp)[:10]


def long_date(stamp: str | None) -> str:
    """'2022-01-10T10:00' -> '2022-01-10 10:00'."""
    return clean_line(stamp).replace("T", " ")
