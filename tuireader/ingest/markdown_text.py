"""Untrusted article text as markdown that means only what it says.

A story line that starts with ``#``, ``>``, ``-`` or ``1.`` is a sentence, not a
heading, quote or list; ``*``, ``_``, backticks, brackets and ``<`` are letters,
not emphasis, code, links or HTML.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"[\\`*_\[\]<~]")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"[#>+=|:-]")
_ORDERED = re.compile(r"(\d{1,9})([.)])(?=\s|$)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def escape_inline(text: str) -> str:
    if _INLINE.search(text):  # most lines hold none: a scan is cheaper than a substitution
        text = _INLINE.sub(lambda m: "\\" + m.group(), text)
    return _ENTITY.sub(r"\\&", text) if "&" in text else text


def paragraph(line: str) -> str:
    """One line of story text as a markdown paragraph."""
    return _escape_block_start(escape_inline(line))


def _escape_block_start(text: str) -> str:
    if _BLOCK_START.match(text):
        return "\\" + text
    return _ORDERED.sub(r"\1\\\2", text, count=1) if _ORDERED.match(text) else text


_INDENT = re.compile(r"^[ \t]+", re.M)
_BLOCK_START_LINE = re.compile(r"^(?=[#>+=|:-])", re.M)
_ORDERED_LINE = re.compile(r"^(\d{1,9})([.)])(?=\s|$)", re.M)
_BLANK_RUNS = re.compile(r"\n{3,}")


def plain_text(text: str) -> str:
    """Many lines of text as markdown paragraphs that mean only what they say, in one pass.

    Like ``paragraph`` for every line, without a call per line (for megabytes of text).
    """
    text = _INDENT.sub("", text.strip())
    text = escape_inline(text)
    text = _BLOCK_START_LINE.sub("\\\\", text)
    text = _ORDERED_LINE.sub(r"\1\\\2", text)
    return _BLANK_RUNS.sub("\n\n", text)


def heading(line: str, level: int = 2) -> str:
    """A story subheading as an ATX heading."""
    return "#" * level + " " + _escape_block_start(escape_inline(line).replace("#", "\\#"))


def unescape(markdown: str) -> str:
    """Markdown written by this module back to its plain text (headings keep their ``#``)."""
    return _ESCAPED.sub(r"\1", markdown)
