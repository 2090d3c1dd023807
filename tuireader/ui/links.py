"""The links of a story, numbered in reading order (for the link list, ``l``).

Links are read from the story's markdown with the parser Textual's
``Markdown`` widget renders it with, so the numbers match what is on screen.
Link targets are untrusted: only ``http``, ``https`` and ``file`` addresses
are listed; anything else (``javascript:``, a Textual action, ``data:``) is left
out. (The parser itself, like the ``Markdown`` widget, makes no link of
``file:``, ``javascript:`` or ``data:`` targets.)
"""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt

from tuireader.ui.text import clean_line

SCHEMES = ("http://", "https://", "file://")


@dataclass(frozen=True)
class Link:
    number: int  # from 1, in reading order
    text: str  # sanitised
    url: str  # sanitised, one of SCHEMES


def _parser() -> MarkdownIt:
    try:
        return MarkdownIt("gfm-like")
    except (ModuleNotFoundError, ImportError):  # linkify-it missing: plain CommonMark links
        return MarkdownIt("commonmark")


def story_links(markdown: str) -> list[Link]:
    """Every distinct allowed link of the story, numbered in the order it first appears."""
    links: list[Link] = []
    seen: set[str] = set()
    for token in _parser().parse(markdown):
        children = token.children or []
        i = 0
        while i < len(children):
            child = children[i]
            i += 1
            if child.type != "link_open":
                continue
            url = clean_line(str(child.attrs.get("href", "")))
            text_parts: list[str] = []
            while i < len(children) and children[i].type != "link_close":
                text_parts.append(children[i].content)
                i += 1
            if not url.lower().startswith(SCHEMES) or url in seen:
                continue
            seen.add(url)
            links.append(Link(len(links) + 1, clean_line("".join(text_parts)) or url, url))
    return links
