"""The character set a saved page declares, for pages that are not UTF-8.

``decode`` reads every file as UTF-8, else Windows-1252. That is right for most
pages, and a declaration is often wrong (a page that says ``iso-8859-1`` but is
UTF-8). A declaration is only followed when the bytes are not UTF-8 and it
names another encoding Python knows (``windows-1251``, ``iso-8859-2``,
``shift_jis``, ...).
"""

from __future__ import annotations

import codecs
import re

from tuireader.ingest.decode import NotTextError, clean_text

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)
# Encodings the default decoding already gives (UTF-8, else Windows-1252 for these).
_COVERED = {"utf-8", "cp1252", "latin-1", "iso8859-1", "ascii", "iso8859-15"}


def declared(data: bytes) -> str | None:
    """The Python codec name of the charset the page declares in its first 4 KB, if known."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def redecode(data: bytes, text: str) -> str:
    """``text`` (the default decoding of ``data``), or ``data`` read in its declared charset."""
    try:
        data.decode("utf-8")
        return text  # valid UTF-8 is UTF-8, whatever the page says
    except UnicodeDecodeError:
        pass
    charset = declared(data)
    if charset is None or charset in _COVERED or charset.startswith("utf-16"):
        return text
    try:
        return clean_text(data.decode(charset, errors="replace"))
    except (LookupError, NotTextError, ValueError):
        return text
