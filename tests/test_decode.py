"""Bytes of stored files to clean text: encodings, newlines, control characters, non-text."""

from __future__ import annotations

import random
import zlib

import pytest

from tuireader.ingest.decode import NotTextError, decode

GERMAN = "Grüße aus Köln: Straßenbahn fährt wieder – Preis 3 €."


def test_utf8() -> None:
    assert decode(GERMAN.encode("utf-8")) == GERMAN


def test_utf8_with_bom() -> None:
    assert decode(b"\xef\xbb\xbf" + GERMAN.encode("utf-8")) == GERMAN


def test_windows_1252() -> None:
    assert decode(GERMAN.encode("cp1252")) == GERMAN


def test_utf8_page_with_one_windows_1252_line() -> None:
    data = "Überschrift\n".encode("utf-8") + "Grüße\n".encode("cp1252") + "Schluß".encode("utf-8")
    assert decode(data) == "Überschrift\nGrüße\nSchluß"


def test_utf16_with_bom() -> None:
    assert decode(GERMAN.encode("utf-16")) == GERMAN


@pytest.mark.parametrize("newline", [b"\r\n", b"\r", b"\n"], ids=["CRLF", "CR", "LF"])
def test_newlines_become_lf(newline: bytes) -> None:
    assert decode(newline.join([b"Politik", b"", b"Titel"])) == "Politik\n\nTitel"


def test_control_characters_are_removed_tabs_and_newlines_kept() -> None:
    data = b"Ti\x00tel\x07\n\tEin\x1b[31m Satz\x7f.\x0c"
    assert decode(data) == "Titel\n\tEin[31m Satz."


def test_c1_controls_in_utf8_are_removed() -> None:
    assert decode("A\u0085B\u009bC".encode("utf-8")) == "ABC"


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t ", b"\x00\x00", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"], ids=["empty", "white space", "NULs", "BOM only", "BOM and newline"])
def test_empty(data: bytes) -> None:
    with pytest.raises(NotTextError, match="empty"):
        decode(data)


def _random_bytes(n: int) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(n))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        zlib.compress(GERMAN.encode() * 50),
        _random_bytes(4000),
        bytes(range(256)) * 8,
    ],
    ids=["png", "compressed", "random", "all bytes"],
)
def test_binary(data: bytes) -> None:
    with pytest.raises(NotTextError, match="binary"):
        decode(data)


def test_a_stray_nul_in_text_is_tolerated() -> None:
    assert decode(b"Titel\x00\n\nText.") == "Titel\n\nText."


def test_long_non_ascii_utf8_text_is_text() -> None:
    text = "Новости дня. " * 2000
    assert decode(text.encode("utf-8")) == text
