"""OPML subscription lists: read (any outline with an ``xmlUrl`` is a feed; the folders around it are its
section) and written (sections as folders), so an export imports back to the same subscriptions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from lxml import etree

# A section made of nested folders keeps their names joined with this.
SECTION_SEPARATOR = " / "
_OPML_START = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<opml[\s>]", re.S | re.I)


class NotOpml(Exception):
    """A file that is not an OPML subscription list; ``str()`` is one line."""


@dataclass(frozen=True)
class OpmlFeed:
    url: str
    title: str | None = None
    section: str | None = None


def looks_like_opml(data: bytes) -> bool:
    return bool(_OPML_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")))


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """Every feed of the list in document order (each address once)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise NotOpml(f"not readable as OPML: {exc}") from None
    if root is None or not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise NotOpml("not an OPML file (no <opml> root)")
    body = next((el for el in root if isinstance(el.tag, str) and el.tag.lower() == "body"), None)
    if body is None:
        raise NotOpml("OPML without a <body>")
    found: dict[str, OpmlFeed] = {}
    _walk(body, [], found)
    return list(found.values())


def _walk(parent: etree._Element, folders: list[str], found: dict[str, OpmlFeed]) -> None:
    for el in parent:
        if not isinstance(el.tag, str) or el.tag.lower() != "outline":
            continue
        title = _text(el.get("title")) or _text(el.get("text"))
        url = _text(el.get("xmlUrl") or el.get("xmlurl"))
        if url and url.startswith(("http://", "https://")):
            if url not in found:
                section = SECTION_SEPARATOR.join(folders) or None
                found[url] = OpmlFeed(url=url, title=title, section=section)
        elif len(el):
            _walk(el, [*folders, title] if title else folders, found)


def _text(value: str | None) -> str | None:
    text = " ".join((value or "").split())
    return text or None


@dataclass
class _Folder:
    feeds: list[OpmlFeed] = field(default_factory=list)
    folders: dict[str, _Folder] = field(default_factory=dict)


def write_opml(feeds: list[OpmlFeed], title: str = "tuireader subscriptions") -> bytes:
    """An OPML 2.0 list: feeds without a section at the top, the others in nested folders."""
    top = _Folder()
    for feed in feeds:
        folder = top
        for name in feed.section.split(SECTION_SEPARATOR) if feed.section else []:
            folder = folder.folders.setdefault(name, _Folder())
        folder.feeds.append(feed)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_escape_text(title)}</title></head>",
        "  <body>",
    ]
    _write(top, lines, 2)
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines).encode("utf-8")


def _write(folder: _Folder, lines: list[str], depth: int) -> None:
    pad = "  " * depth
    for feed in folder.feeds:
        name = quoteattr(feed.title or feed.url)
        lines.append(f'{pad}<outline type="rss" text={name} title={name} xmlUrl={quoteattr(feed.url)}/>')
    for folder_name, child in folder.folders.items():
        name = quoteattr(folder_name)
        lines.append(f"{pad}<outline text={name} title={name}>")
        _write(child, lines, depth + 1)
        lines.append(f"{pad}</outline>")


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
