"""Pages too large for the full reading: their text, plainly, in bounded time.

The full reading of a page (teaser detection, trafilatura, markdownify) costs
about 0.1-0.2 ms per element and more than linearly on some shapes (thousands
of nested tables or lists): a 10 MB page of 190,000 paragraphs took minutes.
The largest body of 755 benchmark news pages has 2,611 elements after loading;
a page whose body has more than ``MAX_ELEMENTS`` is read plainly instead: each block's text
as a paragraph, in page order, with a note saying so. Nothing is lost, only the
story/furniture separation.
"""

from __future__ import annotations

from lxml import etree

from tuireader.ingest.markdown_text import paragraph

MAX_ELEMENTS = 4_000
NOTE = "page too large to tell its story from the rest ({count} elements): all its text is shown"
# A paragraph break before and after these elements.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_MAX_PARAGRAPHS = 50_000


def element_count(root: etree._Element, stop_at: int = MAX_ELEMENTS + 1) -> int:
    """Elements under ``root``, counting no further than ``stop_at``."""
    count = 0
    for _ in root.iter():
        count += 1
        if count >= stop_at:
            break
    return count


def too_large(root: etree._Element) -> bool:
    return element_count(root) > MAX_ELEMENTS


def plain_story(root: etree._Element) -> str:
    """Every block's text as a markdown paragraph (escaped: it means only what it says)."""
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        current.clear()
        if text and len(paragraphs) < _MAX_PARAGRAPHS:
            paragraphs.append(paragraph(text))

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                flush()
            if el.text and tag:
                current.append(el.text)
        else:
            if tag in _BLOCKS:
                flush()
            if el.tail and el is not root:
                current.append(el.tail)
    flush()
    return "\n\n".join(paragraphs)
