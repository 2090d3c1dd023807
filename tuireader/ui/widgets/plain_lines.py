"""The end of a story shown as plain lines: one widget that draws only the lines on screen.

Beyond the caps of ``render.story_layout`` (the lines after a code fence never
closed, the rest of a story with thousands of headings or list items) a story
is plain text, a line each. As markdown paragraphs those lines were a few
objects each (a ``Content`` per wrapped line, a ``Strip`` per painted one), all
of them scanned by each pass of the garbage collector while the story is
shown. Here the text stays a list of ``str``; wrapping keeps two arrays of
numbers (no objects per line), and a line is made into a ``Strip`` only when it
is painted, a bounded number of them kept (as Textual's ``Log`` does).

The text is shown as it is: ``Content`` made from a plain string, no markup
read. ``find`` and ``mark`` let find (ctrl+f) locate and highlight matches.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left

from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from tuireader.ui.textual_adapter import wrap_offsets

STRIPS_KEPT = 256  # painted lines kept (a few screens' worth)
TAB_SIZE = 8


def _collapsed(lines: list[str]) -> list[str]:
    """Lines without leading, trailing or repeated blank lines (as markdown shows paragraphs)."""
    out: list[str] = []
    for line in lines:
        line = line.expandtabs(TAB_SIZE).rstrip() if "\t" in line else line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


class PlainLines(Widget):
    """Plain lines of text, wrapped to the widget's width, drawn a visible line at a time."""

    DEFAULT_CSS = """
    PlainLines { height: auto; margin: 0 0 1 0; color: $foreground; }
    """

    def __init__(self, lines: list[str], *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._lines = _collapsed(lines)
        self._width = -1  # the width the rows below were wrapped to
        self._row_line = array("l")  # for each row on screen: the line it shows ...
        self._row_start = array("l")  # ... and where in that line it starts
        self._strips: LRUCache[int, Strip] = LRUCache(STRIPS_KEPT)
        self._marks: dict[int, list[tuple[int, int, str]]] = {}  # line -> (start, end, style)

    @property
    def lines(self) -> list[str]:
        return self._lines

    @property
    def rows(self) -> int:
        """Rows at the width last laid out."""
        return len(self._row_line)

    def _wrap(self, width: int) -> None:
        width = max(1, width)
        if width == self._width:
            return
        row_line = array("l")
        row_start = array("l")
        for index, line in enumerate(self._lines):
            row_line.append(index)
            row_start.append(0)
            if len(line) <= width and line.isascii():
                continue  # fits (the sanitiser left no control characters): the common case, no measuring
            for offset in wrap_offsets(line, width, TAB_SIZE):
                row_line.append(index)
                row_start.append(offset)
        self._row_line, self._row_start, self._width = row_line, row_start, width
        self._strips.clear()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._wrap(width)
        return len(self._row_line)

    def row_of(self, line: int, offset: int) -> int:
        """The row (from the widget's top, at the width laid out) that shows ``offset`` of ``line``."""
        self._wrap(self.content_region.width or self._width)
        rows = self._row_line
        row = bisect_left(rows, line)  # the first row of the line
        while row + 1 < len(rows) and rows[row + 1] == line and self._row_start[row + 1] <= offset:
            row += 1
        return row

    def find(self, pattern: re.Pattern[str]) -> list[tuple[int, int, int]]:
        """Every match of ``pattern``: (line, start, end)."""
        return [(n, m.start(), m.end()) for n, line in enumerate(self._lines) for m in pattern.finditer(line)]

    def mark(self, marks: dict[int, list[tuple[int, int, str]]]) -> None:
        """Highlight parts of lines (line -> [(start, end, style)]); ``{}`` takes the highlights away."""
        self._marks = marks
        self._strips.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        self._wrap(width)
        strip = self._strips.get(y)
        if strip is not None and strip.cell_length == width:
            return strip
        if y >= len(self._row_line):
            return Strip.blank(width, self.rich_style)
        index = self._row_line[y]
        line = self._lines[index]
        start = self._row_start[y]
        next_row = y + 1
        end = (
            self._row_start[next_row]
            if next_row < len(self._row_line) and self._row_line[next_row] == index
            else len(line)
        )
        content = Content(line[start:end].rstrip())
        for mark_start, mark_end, style in self._marks.get(index, ()):
            if mark_end > start and mark_start < end:
                content = content.stylize(style, max(mark_start, start) - start, min(mark_end, end) - start)
        strips = Visual.to_strips(self, content, width, 1, self.visual_style, pad=True, apply_selection=False)
        strip = strips[0] if strips else Strip.blank(width, self.rich_style)
        self._strips[y] = strip
        return strip

    def on_resize(self) -> None:
        self._strips.clear()

    def release(self) -> None:
        """Let go of the text and what was made of it (the widget is being removed)."""
        self._lines = []
        self._row_line = array("l")
        self._row_start = array("l")
        self._width = -1
        self._strips.clear()
        self._marks = {}
