"""Article text made safe for the screen.

Stored articles are untrusted: their text never drives the terminal (control
and escape characters are removed) and never passes through Textual markup
(widgets get ``Content`` objects or plain strings with ``markup=False``).
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls; also bidi overrides that
# could reorder what the user sees.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"\s+")


def clean_block(text: str | None) -> str:
    """Multi-line text (a story body) without control characters; newlines kept."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def clean_line(text: str | None) -> str:
    """One line of text (a title, a section): no control characters, whitespace collapsed."""
    if not text:
        return ""
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def short_date(stamp: str | None) -> str:
    """'2022-01-10T10:00' -> '2022-01-10'; anything else as it is (cleaned)."""
    return clean_line(stamp)[:10]


def long_date(stamp: str | None) -> str:
    """'2022-01-10T10:00' -> '2022-01-10 10:00'."""
    return clean_line(stamp).replace("T", " ")
