"""Bytes of a stored file to clean text."""

from __future__ import annotations

import codecs
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bytes that do not occur in text: controls other than tab, newlines, form feed, NUL and escape.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (0, 9, 10, 12, 13, 27))
_HIGH_BYTES = bytes(range(0x80, 0x100))


class NotTextError(ValueError):
    """The bytes are not text (empty, or binary)."""


def _cp1252_for_bad_utf8(exc: UnicodeError) -> tuple[str, int]:
    """Decode error handler: bytes that are not UTF-8 are read as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("tuireader-cp1252", _cp1252_for_bad_utf8)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a BOM
    if b"\x00" in sample:
        # A stray NUL in text is tolerated; many are a binary file.
        if sample.count(b"\x00") > max(4, len(sample) // 100):
            return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > len(sample) // 20:
        return True
    # Text in any single-byte European encoding is mostly ASCII; compressed or random data is not.
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if high > len(sample) * 3 // 10:
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError as exc:
            return exc.start < len(sample) - 4  # not just a sequence cut at the sample's end
    return False


def decode(data: bytes) -> str:
    """Decode and normalise: BOM, UTF-8 else Windows-1252, newlines, control characters.

    Raises NotTextError for empty or binary input.
    """
    if not data.strip():
        raise NotTextError("empty file")
    if looks_binary(data):
        raise NotTextError("binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        # UTF-8; bytes that are not (a Windows-1252 page, or one pasted-in line) as Windows-1252.
        text = data.decode("utf-8", errors="tuireader-cp1252")
    return clean_text(text)


def remove_control_characters(text: str) -> str:
    """Text without C0/C1 control characters (escape included); tabs, newlines and carriage returns stay."""
    return _CONTROL.sub("", text)


def clean_text(text: str) -> str:
    """Normalise newlines and remove control characters (tabs and newlines stay)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    if not text.strip():
        raise NotTextError("empty file")
    return text
