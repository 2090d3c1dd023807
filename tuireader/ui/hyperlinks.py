"""The story's links as terminal hyperlinks (OSC 8), where the terminal supports them.

Textual's ``Markdown`` marks a link with a click action only; this adds the
link's address as the text's hyperlink so that terminals that support OSC 8
(most do; others ignore it) let the reader's own terminal open or copy it.
Link targets are untrusted: only ``http`` and ``https`` addresses become
hyperlinks, read back from the click action as a plain string literal
(``ast.literal_eval``), never run.
"""

from __future__ import annotations

import ast
import re

from textual.content import Content
from textual.style import Style
from textual.widget import Widget
from textual.widgets.markdown import MarkdownBlock

from tuireader.ui.text import clean_line

_LINK_ACTION = re.compile(r"^link\((?P<arg>.*)\)$", re.DOTALL)
HYPERLINK_SCHEMES = ("http://", "https://")


def link_target(style: object) -> str | None:
    """The address of a span the ``Markdown`` widget made a link, if it is a web address."""
    if not isinstance(style, Style):
        return None
    action = style.meta.get("@click")
    match = _LINK_ACTION.match(action) if isinstance(action, str) else None
    if match is None:
        return None
    try:
        href = ast.literal_eval(match["arg"])
    except (ValueError, SyntaxError):
        return None
    if not isinstance(href, str):
        return None
    href = clean_line(href)
    return href if href.lower().startswith(HYPERLINK_SCHEMES) else None


def with_hyperlinks(content: Content) -> Content:
    for span in content.spans:
        href = link_target(span.style)
        if href is not None:
            content = content.stylize(Style(link=href), span.start, span.end)
    return content


def add_hyperlinks(markdown: Widget) -> None:
    """Give every web link in a rendered ``Markdown`` widget its hyperlink."""
    for block in markdown.query(MarkdownBlock):
        content = block.render()
        if isinstance(content, Content) and any(link_target(span.style) for span in content.spans):
            block.update(with_hyperlinks(content))
