"""One chunk of the story as Textual's ``Markdown``, made of as few widgets as it looks like.

Every block of Textual's ``Markdown`` is a widget, and the screen lays out
every widget of the story again each time the story grows: a long story's
hundreds of paragraphs made each chunk cost more than the last. Here a run of
top-level paragraphs becomes one paragraph widget (its paragraphs joined by
a blank line, as they look anyway: the same lines on screen), and code blocks
without a language are shown as plain text instead of having one guessed
(Pygments tries every lexer on the code). Parsing stays in a thread
(``Markdown.update`` does it there).
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from textual.content import Content
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock, MarkdownFence

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


class StoryMarkdown(Markdown):
    """A chunk of the story: links handled by the screen, runs of paragraphs one widget."""

    def __init__(self) -> None:
        super().__init__(open_links=False, parser_factory=story_parser)

    def get_block_class(self, block_name: str) -> type[MarkdownBlock]:
        if block_name in ("fence", "code_block"):
            return PlainFence
        return super().get_block_class(block_name)
