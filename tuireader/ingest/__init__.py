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
from collections.abc import Collection
from pathlib import Path

from tuireader.ingest.decode import NotTextError, decode
from tuireader.model import Article

# Bumped whenever a parser's output changes, so `tuireader reparse` knows what is stale.
PARSER_VERSION = 4

MAX_FILE_BYTES = 64 * 1024 * 1024

# A page opens with its doctype or <html>, or with what a saved page may put before them:
# an XML declaration, comments, scripts, styles, links, noscript blocks.
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|script|style|link|noscript)\b",
    re.I | re.S,
)
_HTML_TAGS = re.compile(r"<(p|div|span|a|br|h[1-6]|article|section|script)\b", re.I)


class IngestError(Exception):
    """A file that cannot be read as an article. ``str()`` is a one-line reason."""


def detect_format(text: str) -> str:
    head = text[:4096]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 5:
        return "html"
    from tuireader.ingest import exportformat

    fmt = exportformat.detect(text)
    if fmt:
        return fmt
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

        article = textformat.parse(text, furniture) if furniture else textformat.parse(text)
        fmt = "crawl"
    article.format = fmt
    article.path = path
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
    """Read a file's bytes, with a one-line IngestError for anything unreadable."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:  # one open and one fstat: importing reads many files
            size = os.fstat(fh.fileno()).st_size
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
