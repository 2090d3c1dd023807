"""Untrusted HTML text to a bounded, sanitised lxml tree.

Saved pages come from anywhere. This module makes sure that whatever the text,
the tree handed to the extractor is of bounded size and depth, and holds no
scripts, styles, frames, form controls, tracking pixels or ``javascript:`` /
``data:`` links. Every limit that had to cut something is reported as a note
(the caller puts it into ``Article.leftover``).
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Larger pages are cut (after dropping scripts, styles and comments, which are
# most of the weight of real pages). Keeps extraction well under a second.
MAX_HTML_CHARS = 1_500_000
# Deeper elements are unwrapped into their ancestor at this depth: the
# markdown conversion and the extractor are recursive.
MAX_DEPTH = 120
# libxml2 stops building the tree at this depth and drops the rest of the page.
_LIBXML_DEPTH = 250

_PARSER = lxml.html.HTMLParser(
    remove_comments=True, remove_pis=True, no_network=True, huge_tree=True, default_doctype=False
)

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_RAW_BLOCK = re.compile(r"<(script|style|noscript|template)\b", re.I)
_CLOSING = {name: re.compile(f"</{name}", re.I) for name in ("script", "style", "noscript", "template")}
# Everything but block structure, used to read pages nested too deep to parse.
_LAYOUT_TAG = re.compile(
    r"</?(?!(?:p|br|h[1-6]|title|meta|head|body|html|li|blockquote|figcaption)\b)[a-zA-Z][^<>]{0,2000}>"
)

# Elements whose content never belongs to a story.
DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "canvas", "audio", "video", "source", "track",
    "input", "button", "select", "textarea", "option", "datalist", "output", "dialog",
    "base", "map", "area", "portal",
)  # fmt: skip
_EVENT_ATTR = re.compile(r"^on", re.I)


def strip_raw_blocks(text: str) -> str:
    """Remove scripts, styles and comments from text in linear time.

    JSON-LD scripts are kept: they carry the article's metadata. Each search
    result is kept until the scan passes it, so no part of the text is searched
    twice for the same thing.
    """
    out: list[str] = []
    pos = 0
    next_comment = text.find("<!--")
    next_raw = _RAW_BLOCK.search(text)
    while True:
        if 0 <= next_comment < pos:
            next_comment = text.find("<!--", pos)
        if next_raw is not None and next_raw.start() < pos:
            next_raw = _RAW_BLOCK.search(text, pos)
        raw = next_raw.start() if next_raw is not None else -1
        if next_comment < 0 and raw < 0:
            out.append(text[pos:])
            break
        if next_comment >= 0 and (raw < 0 or next_comment < raw):
            out.append(text[pos:next_comment])
            end = text.find("-->", next_comment + 4)
            pos = len(text) if end < 0 else end + 3
            continue
        assert next_raw is not None
        name = next_raw.group(1).lower()
        tag_end = text.find(">", raw)
        close = _CLOSING[name].search(text, raw)
        head = text[raw : tag_end + 1].lower() if tag_end >= 0 else ""
        end = len(text) if close is None else (text.find(">", close.start()) + 1 or len(text))
        if name == "script" and "ld+json" in head and end - raw < 200_000:
            out.append(text[pos:end])
        else:
            out.append(text[pos:raw])
        pos = end
    return "".join(out)


def _max_depth(root: etree._Element, stop_at: int) -> int:
    deepest = 0
    stack: list[tuple[etree._Element, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > deepest:
            deepest = depth
            if deepest >= stop_at:
                return deepest
        stack.extend((child, depth + 1) for child in node)
    return deepest


# A numeric character reference to a control character (&#27; &#x1b;) would put the control
# into the tree, where lxml refuses it in any text set later (and the page was lost): C0
# controls but tab, newline and CR, and DEL, go; 128-159 mean Windows-1252, as in browsers.
_C0_REF = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|127)(?![0-9])|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF])(?![0-9a-fA-F]));?"
)
_C1_REF = re.compile(r"&#(?:0*(12[89]|1[3-4][0-9]|15[0-9])(?![0-9])|[xX]0*([89][0-9a-fA-F])(?![0-9a-fA-F]));?")


_WINDOWS_1252 = {
    code: (f"&#{ord(char)};" if (char := bytes([code]).decode("cp1252", errors="ignore")) else "")
    for code in range(128, 160)
}


def _windows_1252_reference(m: re.Match[str]) -> str:
    return _WINDOWS_1252[int(m[1]) if m[1] else int(m[2], 16)]


# Tags read of one page (outside scripts and styles): far above a news page (the largest body
# of 755 benchmark pages has 2,611 elements), low enough that a page is read in well under 2 s.
MAX_TAGS = 25_000


_ANY_TAG = re.compile(r"<[^<>]{0,2000}>")


def _nth_tag_start(text: str, n: int) -> int | None:
    """Where the ``n``-th tag-like ``<`` starts, or None if there are fewer."""
    if text.count("<") < n:
        return None
    pos = -1
    for _ in range(n):
        pos = text.find("<", pos + 1)
    return pos


def _parse(text: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def load(text: str) -> tuple[lxml.html.HtmlElement, list[str]]:
    """Parse untrusted HTML text into a tree of bounded size and depth.

    Returns the tree and notes about anything that was cut. Never raises for str input.
    """
    notes: list[str] = []
    text = _XML_DECL.sub("", text, count=1).replace("\x00", "")
    # Scripts and styles go before parsing, as text: whatever a parser makes of
    # broken markup around them, their content never becomes page text.
    text = strip_raw_blocks(text)
    if len(text) > MAX_HTML_CHARS:
        notes.append(
            f"page cut at {MAX_HTML_CHARS // 1000} kB of markup "
            f"(it has {len(text) // 1000} kB without scripts and styles)"
        )
        text = text[:MAX_HTML_CHARS]
    if "&#" in text:
        text = _C0_REF.sub("", text)
        text = _C1_REF.sub(_windows_1252_reference, text)
    if text.count("<") > MAX_TAGS:
        # Every later step walks the tree: its size, not the page's bytes, sets the time.
        # Layout tags go first (their text stays); past MAX_TAGS the rest is read as text.
        notes.append(f"page with more than {MAX_TAGS:,} tags (side by side or nested): layout tags removed")
        text = _LAYOUT_TAG.sub(" ", text)
        cut = _nth_tag_start(text, MAX_TAGS)
        if cut is not None:
            notes.append(f"past {MAX_TAGS:,} tags the page is read as plain text")
            text = text[:cut] + _ANY_TAG.sub(" ", text[cut:])
    tree = _parse(text)
    if tree is not None and _max_depth(tree, _LIBXML_DEPTH) >= _LIBXML_DEPTH:
        # libxml2 drops everything below its depth limit: read the page again
        # with the layout tags removed, so the text is kept without the nesting.
        notes.append(f"page nested more than {_LIBXML_DEPTH} levels deep: layout tags removed")
        tree = _parse(_LAYOUT_TAG.sub(" ", text))
    if tree is None:
        tree = lxml.html.document_fromstring("<html><body></body></html>")
    flatten(tree, MAX_DEPTH)
    return tree, notes


def flatten(root: etree._Element, max_depth: int) -> int:
    """Unwrap elements deeper than ``max_depth`` into their ancestor. Returns how many."""
    deep: list[etree._Element] = []
    stack: list[tuple[etree._Element, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        for child in node:
            if depth + 1 > max_depth:
                deep.append(child)
            else:
                stack.append((child, depth + 1))
    # Every element below the limit is unwrapped, deepest first, so the
    # subtree's text ends up in the element at the limit.
    count = 0
    for top in deep:
        for node in reversed(list(top.iter())):
            if isinstance(node.tag, str) and node.getparent() is not None:
                _unwrap(node)
                count += 1
    return count


def _unwrap(el: etree._Element) -> None:
    """Replace an element by its text and children (lxml's drop_tag, for any element)."""
    parent = el.getparent()
    if parent is None:
        return
    previous = el.getprevious()
    text = (el.text or "") + ""
    if text:
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
    index = parent.index(el)
    children = list(el)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    tail = el.tail or ""
    if tail:
        last = children[-1] if children else el.getprevious()
        if children or last is not None:
            last.tail = (last.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def remove(el: etree._Element) -> None:
    """Remove an element and its content, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _is_tracking_pixel(img: etree._Element) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().rstrip("px")
        if value in ("0", "1"):
            return True
    style = (img.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "width:1px" in style or "height:1px" in style


def sanitise(root: etree._Element) -> None:
    """Drop everything active or hidden; keep the text a reader sees."""
    for el in list(root.iter()):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if el.getparent() is None:
            continue
        if not tag:
            remove(el)  # processing instructions, entities
        elif tag in DROP_TAGS or (tag == "img" and _is_tracking_pixel(el)):
            remove(el)
        elif tag == "form":
            _unwrap(el)  # some sites wrap the whole page in a form; its controls are gone
        else:
            _clean_attributes(el)


def _clean_attributes(el: etree._Element) -> None:
    for name in list(el.attrib):
        if _EVENT_ATTR.match(name) or name.lower() in ("srcdoc", "formaction"):
            del el.attrib[name]
    for name in ("href", "src"):
        value = el.get(name)
        if value is not None and not is_safe_url(value):
            del el.attrib[name]


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")


def is_safe_url(url: str | None) -> bool:
    """A link the reader may follow: http(s), mailto, or relative to the page.

    Browsers ignore tabs and newlines inside a scheme ("java\tscript:"), so they
    are ignored here too.
    """
    if not url:
        return False
    scheme = _SCHEME.match(_URL_NOISE.sub("", url))
    return scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES
