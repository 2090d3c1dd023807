"""Turn a stored file into an Article. Pure functions; never imports textual.

Formats are told apart by content, not by file name:
- ``html``: a saved web page (htmlformat)
- ``json``: our own JSON export (exportformat)
- ``markdown``: our own markdown export with front matter (exportformat)
- ``crawl``: crawler text of a news page (textformat), the fallback for any text
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Collection
from pathlib import Path

from tuireader.ingest.decode import NotTextError, decode
from tuireader.model import Article

# Bumped whenever a parser's output changes, so `tuireader reparse` knows what is stale.
PARSER_VERSION = 6

MAX_FILE_BYTES = 64 * 1024 * 1024

# A page opens with its doctype or <html>, or with what a saved page may put before them:
# an XML declaration, comments, scripts, styles, links, noscript blocks.
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|script|style|link|noscript)\b",
    re.I | re.S,
)
# A saved fragment without <html>: it opens with a tag and holds real elements, closed ones among them.
_HTML_ELEMENT = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|article|section|main|ul|ol|li|table|img|figure)\b[^<>]*>", re.I
)
_HTML_END_TAG = re.compile(r"</(?:p|div|span|a|h[1-6]|article|section|main|ul|ol|li|table|figure)\s*>", re.I)


# Crawler text read by the layout rules; past this, the text is appended as plain paragraphs.
# A crawled news page is a few tens of kB; the rules cost up to ~1 s per MB on text built to
# be hard (markdown-like lines), so a 10 MB file would take many seconds.
MAX_CRAWL_CHARS = 500_000


class IngestError(Exception):
    """A file that cannot be read as an article. ``str()`` is a one-line reason."""


def detect_format(text: str) -> str:
    """Our exports first (by their marker), then HTML by its structure, else crawler text.

    Tag-like strings in text (crawler text about HTML, an export of an article
    whose title holds ``<script>``) do not make a page: a page opens with its
    doctype, ``<html>`` or head elements, or, as a fragment, with a tag, and
    holds real elements, some of them closed.
    """
    from tuireader.ingest import exportformat

    fmt = exportformat.detect(text)
    if fmt:
        return fmt
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if head.lstrip().startswith("<") and len(_HTML_ELEMENT.findall(head)) >= 5 and _HTML_END_TAG.search(head):
        return "html"
    return "crawl"


def parse_text(text: str, path: str | None = None, fmt: str | None = None, furniture: Collection[int] = ()) -> Article:
    """Parse decoded text in the given (or detected) format. Never raises for text input.

    ``furniture``: for crawler text of a whole page, hashes of the lines its site repeats
    on other pages (the library learns them; see ``library.site_furniture``).
    """
    fmt = fmt or detect_format(text)
    if fmt == "html":
        from tuireader.ingest import htmlformat

        article = htmlformat.parse(text)
    elif fmt in ("json", "markdown"):
        from tuireader.ingest import exportformat

        article = exportformat.parse(text, fmt)
    else:
        from tuireader.ingest import textformat

        if len(text) > MAX_CRAWL_CHARS:
            article = _parse_long_crawl(text, furniture)
        else:
            article = textformat.parse(text, furniture) if furniture else textformat.parse(text)
        fmt = "crawl"
    article.format = fmt
    article.path = path
    return article


def _parse_long_crawl(text: str, furniture: Collection[int] = ()) -> Article:
    """Very long crawler text: the layout rules on its first ``MAX_CRAWL_CHARS``, the rest as plain paragraphs."""
    from tuireader.ingest import textformat
    from tuireader.ingest.markdown_text import plain_text

    cut = text.rfind("\n", 0, MAX_CRAWL_CHARS)
    cut = cut if cut > 0 else MAX_CRAWL_CHARS
    article = textformat.parse(text[:cut], furniture) if furniture else textformat.parse(text[:cut])
    rest = plain_text(text[cut:])
    if rest:
        article.body = f"{article.body}\n\n{rest}" if article.body else rest
        article.leftover.append(
            f"text past {MAX_CRAWL_CHARS // 1000:,} kB ({len(text) // 1000:,} kB in all) added as plain paragraphs"
        )
    return article


def parse_bytes(data: bytes, path: str | None = None, furniture: Collection[int] = ()) -> Article:
    """Decode and parse. Raises IngestError for empty or binary data."""
    try:
        text = decode(data)
    except NotTextError as exc:
        raise IngestError(f"{path or '<input>'}: {exc}") from None
    if detect_format(text) == "html":
        from tuireader.ingest.html_charset import redecode

        text = redecode(data, text)  # a page in a declared non-Latin charset
    return parse_text(text, path, furniture=furniture)


def read_file(path: str | Path) -> bytes:
    """Read a regular file's bytes, with a one-line IngestError for anything unreadable.

    Opened without blocking and checked after opening: a FIFO (even one put in
    a file's place after the folder was listed) or a device is refused, never waited on.
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with open(fd, "rb") as fh:  # one open and one fstat: importing reads many files
            st = os.fstat(fh.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise IngestError(f"{p}: is a directory")
            if not stat.S_ISREG(st.st_mode):
                raise IngestError(f"{p}: not a regular file (a FIFO, socket or device)")
            size = st.st_size
            if size > MAX_FILE_BYTES:
                raise IngestError(
                    f"{p}: too large ({size // (1024 * 1024)} MB; limit {MAX_FILE_BYTES // (1024 * 1024)} MB)"
                )
            return fh.read()
    except IngestError:
        raise
    except FileNotFoundError:
        raise IngestError(f"{p}: no such file") from None
    except OSError as exc:
        if p.is_dir():
            raise IngestError(f"{p}: is a directory") from None
        raise IngestError(f"{p}: {exc.strerror or exc}") from None


def parse_file(path: str | Path) -> Article:
    return parse_bytes(read_file(path), str(path))
