"""Find in the article (``ctrl+f``): a one-line bar under the story, matches highlighted, n/N between them.

The bar asks for the words; ``enter`` highlights every match in the story as
rendered so far (case ignored; the status says when the story is still
rendering, and ``enter`` again finds the rest) and scrolls to the first after the reading
position; while find is active ``n``/``N`` go to the next/previous match and
``escape`` ends it (then ``n``/``p`` are next/previous article again).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Markdown
from textual.widgets.markdown import MarkdownBlock

from tuireader.ui.widgets.plain_lines import PlainLines
from tuireader.ui.widgets.story_view import StoryView

MATCH_STYLE = "reverse"
CURRENT_STYLE = "bold reverse $accent"


@dataclass
class Hit:
    block: MarkdownBlock | PlainLines
    start: int
    end: int
    line: int = 0  # in a PlainLines: the line of the match (start and end are in that line)


class FindBar(Input):
    """The words to find; posts ``Find`` on enter and ``Closed`` on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", show=False, id="find.close"),
    ]

    DEFAULT_CSS = """
    FindBar { dock: bottom; height: 3; }
    """

    class Find(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class Closed(Message):
        pass

    def __init__(self, value: str = "") -> None:
        super().__init__(value, placeholder="Find in the article (enter: find, escape: close)", id="find-bar")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Find(event.value))

    def action_close(self) -> None:
        self.post_message(self.Closed())


class StoryFinder:
    """The matches of one query in a story view, highlighted in place."""

    def __init__(self, story: StoryView) -> None:
        self.story = story
        self.query = ""
        self.hits: list[Hit] = []
        self.current = -1
        self._originals: dict[MarkdownBlock, Content] = {}
        self._plain: list[PlainLines] = []  # the plain lines with matches (they highlight their own)

    @property
    def active(self) -> bool:
        return bool(self.query)

    def find(self, query: str) -> int:
        """Highlight every match of ``query``; go to the first one below the reading position. How many."""
        self.clear()
        self.query = query.strip()
        if not self.query:
            return 0
        pattern = re.compile(re.escape(self.query), re.IGNORECASE)
        for part in self.story.query("Markdown, PlainLines"):
            if isinstance(part, PlainLines):
                found = part.find(pattern)
                if found:
                    self._plain.append(part)
                    self.hits += [Hit(part, start, end, line) for line, start, end in found]
                continue
            if not isinstance(part, Markdown):
                continue
            for block in part.query(MarkdownBlock):
                content = block.render()
                if not isinstance(content, Content):
                    continue
                spans = [(m.start(), m.end()) for m in pattern.finditer(content.plain)]
                if not spans:
                    continue
                self._originals[block] = content
                self.hits += [Hit(block, start, end) for start, end in spans]
        if self.hits:
            top = self.story.scroll_y
            # The first at or below the line being read.
            self.current = next((i for i, hit in enumerate(self.hits) if self.hit_y(hit) >= top), 0)
            painted_parts: list[MarkdownBlock | PlainLines] = [*self._originals, *self._plain]
            for painted in painted_parts:
                self._paint(painted)
            self.go_to(self.current)
        return len(self.hits)

    def step(self, delta: int) -> None:
        if self.hits:
            self.go_to((self.current + delta) % len(self.hits))

    def go_to(self, index: int) -> None:
        previous = self.hits[self.current].block if 0 <= self.current < len(self.hits) else None
        self.current = index
        hit = self.hits[index]
        self._paint(hit.block)
        if previous is not None and previous is not hit.block:
            self._paint(previous)
        # A block may be many screens long (a run of paragraphs is one block): centre the match's line.
        middle = self.story.scrollable_content_region.height // 2
        self.story.scroll_to(y=max(0, self.hit_y(hit) - middle), animate=False, immediate=True)

    def hit_y(self, hit: Hit) -> int:
        """The line of the story (from its top, as scrolled) a match is on."""
        block = hit.block
        top = block.region.y - self.story.scrollable_content_region.y + round(self.story.scroll_y)
        if isinstance(block, PlainLines):
            return top + block.row_of(hit.line, hit.start)
        content = self._originals.get(block)
        width = block.content_region.width
        if content is None or width <= 0 or hit.start == 0:
            return top
        return top + max(0, len(content[: hit.start].wrap(width)) - 1)

    def _paint(self, block: MarkdownBlock | PlainLines) -> None:
        current = self.hits[self.current]
        if isinstance(block, PlainLines):
            marks: dict[int, list[tuple[int, int, str]]] = {}
            for hit in self.hits:
                if hit.block is block:
                    marks.setdefault(hit.line, []).append(
                        (hit.start, hit.end, CURRENT_STYLE if hit is current else MATCH_STYLE)
                    )
            block.mark(marks)
            return
        content = self._originals[block]
        for hit in self.hits:
            if hit.block is block:
                style = CURRENT_STYLE if hit is current else MATCH_STYLE
                content = content.stylize(style, hit.start, hit.end)
        block.update(content)

    def clear(self) -> None:
        """Take the highlights away."""
        for block, content in self._originals.items():
            if block.is_attached:
                block.update(content)
        self._originals.clear()
        for plain in self._plain:
            if plain.is_attached:
                plain.mark({})
        self._plain = []
        self.hits = []
        self.current = -1
        self.query = ""

    @property
    def status(self) -> str:
        partial = "" if self.story.fully_rendered else " so far (the story is still rendering; enter again finds all)"
        if not self.hits:
            return f"“{self.query}”: not found{partial}" if self.query else ""
        where = f"{self.current + 1} of {len(self.hits)}{partial}"
        return f"“{self.query}”: {where} (n/N: next/previous, escape: end)"
