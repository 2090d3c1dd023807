"""The one sanitiser: no escape, control, bidi or carriage-return character survives; printable text stays."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuireader.sanitize import clean_block, clean_line

# What must never reach a terminal: C0 but tab and newline, DEL, C1, bidi embeddings/overrides/isolates.
FORBIDDEN_BLOCK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORBIDDEN_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Escape sequences and their pieces, mixed into ordinary text by the strategy below.
PIECES = [
    "\x1b",
    "\x1b[",
    "\x1b[2J",
    "\x1b[31;1m",
    "\x1b]0;title\x07",
    "\x1b]2;title\x1b\\",
    "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1bP1$r\x1b\\",
    "\x1b_apc\x1b\\",
    "\x1b^pm\x1b\\",
    "\x1bXsos\x1b\\",
    "\x9b2J",
    "\x9d0;t\x9c",
    "\x90dcs\x9c",
    "\x85",
    "\r",
    "\r\n",
    "\x07",
    "\x08",
    "\x00",
    "\u202e",
    "\u2066",
    "\u2069",
    "\t",
    "\n",
]

hostile_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=30).map("".join)
# Printable text: letters, digits, punctuation, symbols and spaces of any script, no controls or bidi marks.
printable = st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs"),
        blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029\x85",
    )
)


@given(hostile_text)
def test_clean_block_leaves_nothing_that_drives_a_terminal(text: str) -> None:
    out = clean_block(text)
    assert FORBIDDEN_BLOCK.search(out) is None
    assert "\x1b" not in out and "\r" not in out


@given(hostile_text)
def test_clean_line_leaves_one_line_without_controls(text: str) -> None:
    out = clean_line(text)
    assert FORBIDDEN_LINE.search(out) is None
    assert "\n" not in out and "\t" not in out


@given(hostile_text)
def test_cleaning_is_idempotent(text: str) -> None:
    assert clean_block(clean_block(text)) == clean_block(text)
    assert clean_line(clean_line(text)) == clean_line(text)


@given(printable)
def test_printable_text_is_unchanged_by_clean_block(text: str) -> None:
    assert clean_block(text) == text


@given(printable)
def test_printable_text_keeps_its_words_in_clean_line(text: str) -> None:
    assert clean_line(text) == " ".join(text.split())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\x1b]52;c;cHduZWQ=\x07b", "ab"),  # OSC 52: the clipboard, removed whole
        ("a\x1b]0;pwned\x1b\\b", "ab"),  # OSC 0: the window title
        ("a\x1b[2Jb", "ab"),  # CSI: clear the screen
        ("a\x9b2Jb", "ab"),  # the 8-bit CSI
        ("a\x90q#0;2;0;0;0\x9cb", "ab"),  # DCS (sixel) up to the 8-bit ST
        ("a\x1b]8;;http://x/\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),  # OSC 8 hyperlink: the text stays
        ("Kasachstan\u202e gnp.exe", "Kasachstan gnp.exe"),  # a right-to-left override
        ("line 1\r\nline 2\rline 3", "line 1\nline 2\nline 3"),
        ("\ttab\tstays\n", "\ttab\tstays\n"),
        ("a\x1b]2;unterminated title", "a"),  # an unterminated string takes the rest
    ],
)
def test_known_sequences_are_removed_whole(raw: str, expected: str) -> None:
    assert clean_block(raw) == expected


def test_markup_is_left_as_text() -> None:
    """Markup is not the sanitiser's business: widgets never interpret article text as markup."""
    assert clean_line("[@click=app.quit]x[/] [link=file:///etc]y[/link] [$var]") == (
        "[@click=app.quit]x[/] [link=file:///etc]y[/link] [$var]"
    )


def test_empty_and_none() -> None:
    assert clean_block(None) == clean_line(None) == clean_block("") == clean_line("") == ""
