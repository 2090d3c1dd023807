"""Bytes of a stored file to clean text."""

from __future__ import annotations

import codecs
import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bytes that do not occur in text: controls other than tab, newlines, form feed, NUL and escape.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (0, 9, 10, 12, 13, 27))

# How files that are not text begin: images, documents, archives, compressed data, programs.
_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"%PDF-",
    b"PK\x03\x04",  # ZIP, and the office documents, EPUB and JAR files built on it
    b"PK\x05\x06",
    b"\x1f\x8b",  # gzip
    b"BZh91AY&SY",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # old Office documents
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"OggS\x00",
    b"fLaC",
    b"wOFF",
    b"wOF2",
    b"\x7fELF",
    b"\x00asm",
    b"SQLite format 3\x00",
)
_RIFF_KINDS = (b"WEBP", b"WAVE", b"AVI ")


class NotTextError(ValueError):
    """The bytes are not text (empty, or binary)."""


def _cp1252_for_bad_utf8(exc: UnicodeError) -> tuple[str, int]:
    """Decode error handler: bytes that are not UTF-8 are read as Windows-1252."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", errors="replace"), exc.end


codecs.register_error("tuireader-cp1252", _cp1252_for_bad_utf8)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read.

    Known file signatures are binary; so is data dense with NULs or with control
    bytes that text does not hold. Letters of any script are text, whether UTF-8
    or a single-byte encoding (Cyrillic, Greek, Arabic ones): their bytes are
    never controls.
    """
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a BOM
    if sample.startswith(_MAGIC) or _is_media_container(sample):
        return True
    if b"\x00" in sample:
        # A stray NUL in text is tolerated; many are a binary file.
        if sample.count(b"\x00") > max(4, len(sample) // 100):
            return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) // 20


def _is_media_container(sample: bytes) -> bool:
    """RIFF (WebP, WAV, AVI) and ISO media (MP4, MOV, HEIC, AVIF) files."""
    if sample.startswith(b"RIFF") and sample[8:12] in _RIFF_KINDS:
        return True
    return sample[4:8] == b"ftyp" and sample[:2] == b"\x00\x00"


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
        return clean_text(text, controls=_utf8_may_hold_controls(data))
    return clean_text(text)


# C0 control bytes and DEL, as removed by clean_text (tab, newline and carriage return stay).
_C0_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13)) + b"\x7f"


def _utf8_may_hold_controls(data: bytes) -> bool:
    """Whether ``data`` read as UTF-8 (else Windows-1252) may hold a character that clean_text removes.

    A C0 control or DEL comes from its own byte; a C1 control only from its UTF-8 form
    (\\xc2 \\x80-\\x9f), as Windows-1252 reads no byte as one. Bytes are cheaper to scan
    than the decoded text.
    """
    if len(data.translate(None, _C0_BYTES)) != len(data):
        return True
    i = data.find(b"\xc2")
    while i != -1:
        if b"\x80" <= data[i + 1 : i + 2] <= b"\x9f":
            return True
        i = data.find(b"\xc2", i + 1)
    return False


def remove_control_characters(text: str) -> str:
    """Text without C0/C1 control characters (escape included); tabs, newlines and carriage returns stay."""
    return _CONTROL.sub("", text)


def clean_text(text: str, controls: bool = True) -> str:
    """Normalise newlines and remove control characters (tabs and newlines stay).

    ``controls=False`` says the text is known to hold none, so it is not searched for them.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if controls and _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    if not text.strip():
        raise NotTextError("empty file")
    return text
