"""Bytes of stored files to clean text: encodings, newlines, control characters, non-text."""

from __future__ import annotations

import random
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.ingest.decode import NotTextError, decode, looks_binary

GERMAN = "Grüße aus Köln: Straßenbahn fährt wieder – Preis 3 €."


def test_utf8() -> None:
    assert decode(GERMAN.encode("utf-8")) == GERMAN


def test_utf8_with_bom() -> None:
    assert decode(b"\xef\xbb\xbf" + GERMAN.encode("utf-8")) == GERMAN


def test_windows_1252() -> None:
    assert decode(GERMAN.encode("cp1252")) == GERMAN


def test_utf8_page_with_one_windows_1252_line() -> None:
    data = "Überschrift\n".encode() + "Grüße\n".encode("cp1252") + "Schluß".encode()
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


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\r\n\t ", b"\x00\x00", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n"],
    ids=["empty", "white space", "NULs", "BOM only", "BOM and newline"],
)
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


NON_LATIN = {
    "russian": "Москва — столица России. В понедельник правительство объявило новые меры.",
    "greek": "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας. Η κυβέρνηση ανακοίνωσε νέα μέτρα.",
    "chinese": "北京是中国的首都。政府周一宣布了新的措施，以支持小企业。",
    "japanese": "東京は日本の首都です。政府は月曜日に新しい対策を発表しました。",
    "arabic": "القاهرة هي عاصمة مصر. أعلنت الحكومة يوم الاثنين عن إجراءات جديدة.",
    "hebrew": "ירושלים היא עיר הבירה. הממשלה הודיעה ביום שני על צעדים חדשים.",
    "korean": "서울은 한국의 수도입니다. 정부는 월요일에 새로운 조치를 발표했습니다.",
    "hindi": "नई दिल्ली भारत की राजधानी है। सरकार ने सोमवार को नए उपायों की घोषणा की।",
}


@pytest.mark.parametrize("language", sorted(NON_LATIN))
def test_non_latin_utf8_text_is_text(language: str) -> None:
    text = "\n\n".join([NON_LATIN[language]] * 200)  # longer than the sample looked at
    data = text.encode("utf-8")
    assert decode(data) == text
    # Cut anywhere, even inside a character (a crawl cut off, or only its tail stored).
    for cut in (1, 2, 3, 5000, 8191, 8193):
        assert not looks_binary(data[cut:]), cut
        assert not looks_binary(data[:cut]), cut


@pytest.mark.parametrize("language", sorted(NON_LATIN))
def test_non_latin_utf8_page_with_one_stray_byte_is_text(language: str) -> None:
    data = (NON_LATIN[language] * 40).encode("utf-8")
    data = data[:3000] + b"\x96" + data[3000:]
    assert not looks_binary(data)
    assert NON_LATIN[language][:10] in decode(data)


@pytest.mark.parametrize(
    ("language", "encoding"),
    [("russian", "cp1251"), ("russian", "koi8_r"), ("greek", "iso8859_7"), ("arabic", "cp1256"), ("hebrew", "cp1255")],
)
def test_non_latin_single_byte_encodings_are_text(language: str, encoding: str) -> None:
    """A saved page in a declared Cyrillic, Greek or Arabic charset is re-read in it; it must not be refused first."""
    data = "\n".join([NON_LATIN[language].replace("—", "-")] * 100).encode(encoding)
    assert not looks_binary(data)
    assert decode(data)


_ASCII_PAYLOAD = b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" * 100
SIGNATURES = {
    "png": b"\x89PNG\r\n\x1a\n",
    "jpeg": b"\xff\xd8\xff\xe0",
    "gif": b"GIF89a",
    "pdf": b"%PDF-1.7\n",
    "zip": b"PK\x03\x04",
    "gzip": b"\x1f\x8b\x08\x00",
    "bzip2": b"BZh91AY&SY",
    "xz": b"\xfd7zXZ\x00",
    "7z": b"7z\xbc\xaf\x27\x1c",
    "rar": b"Rar!\x1a\x07\x00",
    "zstd": b"\x28\xb5\x2f\xfd",
    "office": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    "tiff": b"II*\x00",
    "ogg": b"OggS\x00",
    "flac": b"fLaC",
    "woff2": b"wOF2",
    "elf": b"\x7fELF",
    "sqlite": b"SQLite format 3\x00",
    "webp": b"RIFF\x24\x00\x00\x00WEBP",
    "mp4": b"\x00\x00\x00\x18ftypmp42",
}


@pytest.mark.parametrize("kind", sorted(SIGNATURES))
def test_binary_files_are_known_by_their_signature(kind: str) -> None:
    """Even when what follows the signature looks like text (PDF objects, a stored ZIP member)."""
    with pytest.raises(NotTextError, match="binary"):
        decode(SIGNATURES[kind] + _ASCII_PAYLOAD)


def test_text_dense_with_nuls_is_binary() -> None:
    data = b"".join(b"record %d\x00\x00" % n for n in range(300))
    with pytest.raises(NotTextError, match="binary"):
        decode(data)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("size", [64, 1000, 20000])
def test_random_bytes_are_binary(seed: int, size: int) -> None:
    data = random.Random(seed).randbytes(size)
    with pytest.raises(NotTextError, match="binary"):
        decode(data)


_ANY_SCRIPT = st.text(
    alphabet=st.characters(whitelist_categories=("L", "M", "N", "P", "S", "Zs")) | st.sampled_from("\n\t"),
    min_size=1,
    max_size=3000,
)


@settings(max_examples=200, deadline=None)
@given(_ANY_SCRIPT, st.integers(0, 3), st.integers(0, 3))
def test_text_in_any_script_is_never_binary(text: str, head: int, tail: int) -> None:
    """Letters, digits and punctuation of any script, as UTF-8, even cut inside a character at either end."""
    data = text.encode("utf-8")
    data = data[head : len(data) - tail]
    assert not looks_binary(data)


# Text bytes with controls, C1 controls in UTF-8, stray Windows-1252 bytes and their neighbours mixed in.
_MIXED_BYTES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                b"\x00",
                b"\x01",
                b"\x08",
                b"\x0b",
                b"\x0c",
                b"\x1b",
                b"\x1f",
                b"\x7f",
                b"\r",
                b"\n",
                b"\t",
                b"\xc2",
                b"\xc2\x80",
                b"\xc2\x85",
                b"\xc2\x9f",
                b"\xc2\xa0",
                b"\xc2\xbb",
                b"\x81",
                b"\x85",
                b"\x9d",
                b"\xe4",
                b"\xe2\x80",
                "Straße «ä» €".encode(),
                b"ab ",
                b"\xef\xbb\xbf",
            ]
        ),
        st.text(max_size=5).map(str.encode),
        st.binary(max_size=3),
    ),
    min_size=1,
    max_size=30,
).map(b"".join)


@settings(max_examples=500, deadline=None)
@given(_MIXED_BYTES)
def test_utf8_text_is_searched_for_controls_only_when_its_bytes_may_hold_them(data: bytes) -> None:
    """Skipping the search where the bytes hold no control changes nothing."""
    from tuireader.ingest.decode import clean_text

    try:
        expected = clean_text(data.decode("utf-8", errors="tuireader-cp1252"))
    except NotTextError:
        expected = None
    try:
        got = decode(data)
    except NotTextError:
        got = None
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or looks_binary(data) or not data.strip():
        return  # decoded otherwise, or refused before decoding
    assert got == expected
