"""The one sanitiser for untrusted text on every surface (reader, CLI, exports).

Stored articles come from anywhere: their text must never drive the terminal.
``clean_block`` keeps newlines and tabs (layout); ``clean_line`` folds all
whitespace to single spaces. Both remove:

- escape sequences whole (CSI, OSC, DCS, SOS, PM, APC, in their 7-bit and
  8-bit forms), so no parameter bytes are left behind as visible garbage;
- every other C0 control but tab and newline, DEL and C1 controls;
- carriage returns (CR LF and a lone CR become a newline);
- bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
  which could reorder what the user sees;
- lone surrogates, which no terminal encoding can write: a file name's
  undecodable byte (U+DC80–U+DCFF, Python's ``surrogateescape``) shows as
  ``\\xNN``, any other as U+FFFD.

``dumps_json`` writes JSON for a terminal or a file: every character that
could drive a terminal, or that is invisible or easily lost on the way
(C0, C1, bidi marks, zero-width characters, U+FEFF, line and paragraph
separators, lone surrogates), is written as a ``\\uXXXX`` escape, so the JSON
is safe to print and reads back to exactly the same text.

Textual markup is a separate matter: widgets get ``Content`` objects or
``markup=False``, never a markup string built from article text.
"""

from __future__ import annotations

import json
import re
from typing import Any

# ESC [ … final, or CSI (U+009B) … final
_CSI = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
# OSC, DCS, SOS, PM, APC: up to BEL or ST (ESC \ or U+009C), or to the end when unterminated
_STRING = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
# any other escape: ESC and the one character after it
_OTHER_ESC = r"\x1b[\x20-\x7e]?"
_SEQUENCE = re.compile(f"{_STRING}|{_CSI}|{_OTHER_ESC}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FIRST_BAD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Written as \u escapes by dumps_json.
_JSON_ESCAPED = re.compile(
    r"[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
_SPACES = re.compile(r"\s+")


def _surrogate(m: re.Match[str]) -> str:
    code = ord(m[0])
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def _strip(text: str) -> str:
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(_surrogate, text)
    if "\x1b" in text or any("\x90" <= ch <= "\x9f" for ch in text):
        text = _SEQUENCE.sub("", text)
    return _CONTROL.sub("", text)


def clean_block(text: str | None) -> str:
    """Multi-line text (a story body): safe for a terminal; newlines and tabs kept."""
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _FIRST_BAD.search(text) is None:
        return text
    return _strip(text)


def clean_line(text: str | None) -> str:
    """One line of text (a title, a date, a path): safe for a terminal, whitespace folded."""
    if not text:
        return ""
    if _FIRST_BAD.search(text) is not None:
        text = _strip(text.replace("\r", " "))
    return _SPACES.sub(" ", text).strip()


def _json_escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m[0]):04x}"


def dumps_json(data: Any, **kwargs: Any) -> str:
    """``json.dumps`` (``ensure_ascii=False``) with every risky character as a ``\\uXXXX`` escape."""
    text = json.dumps(data, ensure_ascii=False, **kwargs)
    return _JSON_ESCAPED.sub(_json_escape, text)
