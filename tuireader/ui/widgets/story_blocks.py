"""One chunk of the story as Textual's ``Markdown``, made of as few widgets as it looks like.

Every block of Textual's ``Markdown`` is a widget, and the screen lays out
every widget of the story again each time the story grows: a long story's
hundreds of paragraphs made each chunk cost more than the last. Here a run of
top-level paragraphs becomes one paragraph widget (its paragraphs joined by
a blank line, as they look anyway: the same lines on screen), and code blocks
without a language are shown as plain text instead of having one guessed
(Pygments tries every lexer on the code). A table is one widget drawing the
whole grid (Textual's own table is a widget per cell, laid out on a grid:
120 cells took 80-115 ms to show the first time). Parsing stays in a thread
(``Markdown.update`` does it there).
"""

from __future__ import annotations

from collections.abc import Iterable

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from rich import box
from rich.style import Style as RichStyle
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.content import Content
from textual.style import Style
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock, MarkdownFence

from tuireader.ui.hyperlinks import link_target
from tuireader.ui.textual_adapter import forget_inline_token, table_block_classes, table_cells

MarkdownTable, TableCell = table_block_classes()

# A merged paragraph stops growing here (one widget's text, wrapped again on a resize).
MERGED_CHARS = 8_000


def _merge_paragraphs(state: StateCore) -> None:
    """Join each run of top-level paragraphs into one, separated by two hard breaks (a blank line)."""
    tokens = state.tokens
    merged: list[Token] = []
    i = 0
    while i < len(tokens):
        opening = tokens[i]
        if not _is_paragraph(tokens, i):
            merged.append(opening)
            i += 1
            continue
        inline, closing = tokens[i + 1], tokens[i + 2]
        children = list(inline.children or [])
        size = len(inline.content)
        i += 3
        while _is_paragraph(tokens, i) and size + len(tokens[i + 1].content) <= MERGED_CHARS:
            following = tokens[i + 1]
            children += [Token("hardbreak", "br", 0), Token("hardbreak", "br", 0), *(following.children or [])]
            inline.content += "\n\n" + following.content
            size += len(following.content) + 2
            start, end = opening.map, tokens[i].map
            if start is not None and end is not None:
                opening.map = [start[0], end[1]]
            i += 3
        inline.children = children
        merged += [opening, inline, closing]
    state.tokens = merged


def _is_paragraph(tokens: list[Token], i: int) -> bool:
    return (
        i + 2 < len(tokens)
        and tokens[i].type == "paragraph_open"
        and tokens[i].level == 0  # Markdown leaves a blank line after these only (not in quotes, lists)
        and tokens[i + 1].type == "inline"
        and tokens[i + 2].type == "paragraph_close"
    )


def story_parser() -> MarkdownIt:
    """The parser of ``Markdown`` (GitHub-like) with top-level paragraphs merged."""
    parser = MarkdownIt("gfm-like")
    parser.core.ruler.push("merge_paragraphs", _merge_paragraphs)
    return parser


class PlainFence(MarkdownFence):
    """A code block; one without a language is plain text (no language guessed)."""

    @classmethod
    def highlight(cls, code: str, language: str, ansi: bool = False, dark: bool = False) -> Content:
        return super().highlight(code, language or "text", ansi, dark)


# Textual's inline styles (component classes of a Markdown block) as Rich styles, for table cells.
_INLINE_STYLES = {".strong": "bold", ".em": "italic", ".s": "strike", ".code_inline": "reverse"}


def cell_text(content: Content) -> Text:
    """A table cell's text as Rich ``Text``: its words as they are (no markup), bold, italics and links kept."""
    text = Text(content.plain)
    for span in content.spans:
        style = span.style
        if isinstance(style, str):
            text.stylize(_INLINE_STYLES.get(style, ""), span.start, span.end)
        elif isinstance(style, Style):
            href = link_target(style)
            rich = style.rich_style
            text.stylize(rich + RichStyle(link=href) if href else rich, span.start, span.end)
    return text


def table_grid(headers: list[Content], rows: list[list[Content]]) -> Table:
    """The table as one Rich ``Table``: columns as wide as their text allows, long cells wrapped."""
    grid = Table(box=box.SIMPLE_HEAD, header_style="bold", border_style="dim", show_edge=False, pad_edge=False)
    for header in headers:
        grid.add_column(cell_text(header), overflow="fold")
    for row in rows:
        grid.add_row(*(cell_text(cell) for cell in row))
    return grid


class StoryTable(MarkdownTable):  # type: ignore[valid-type,misc]
    """A table drawn by one widget (a click on a link in it still goes to the screen)."""

    DEFAULT_CSS = """
    StoryTable > .story-table { width: 1fr; height: auto; }
    """

    def compose(self) -> ComposeResult:
        headers, rows = table_cells(self)
        yield TableCell(table_grid(headers, rows), classes="story-table")


class StoryMarkdown(Markdown):
    """A chunk of the story: links handled by the screen, runs of paragraphs one widget."""

    def __init__(self) -> None:
        super().__init__(open_links=False, parser_factory=story_parser)

    def forget_tokens(self) -> None:
        """Drop the parser's tokens the blocks keep once built (nothing reads them again)."""
        for block in self.query(MarkdownBlock):
            forget_inline_token(block)

    def get_block_class(self, block_name: str) -> type[MarkdownBlock]:
        if block_name in ("fence", "code_block"):
            return PlainFence
        if block_name == "table_open":
            return StoryTable
        return super().get_block_class(block_name)


def release_text(blocks: Iterable[MarkdownBlock]) -> None:
    """Removed blocks let go of their text and what was made of it (its lines wrapped, a few objects each).

    A removed widget is freed only by a full pass of the garbage collector
    (Textual's widgets hold themselves in cycles); what its blocks hold goes at
    once here, by reference counting, instead of making that pass longer.
    """
    for block in blocks:
        block.set_content(Content(""))
