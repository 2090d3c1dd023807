"""Every field of every command's output goes through the one sanitiser (issue: escapes via list/search)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tuireader.cli import main

OSC52 = "\x1b]52;c;cHduZWQ=\x07"
HOSTILE = f"{OSC52}\x1b]0;title\x1b\\\x1b[2J\x9b2J\x9d0;t\x9c\u202e\r\x07\x08\x85"
# What must not reach a terminal: C0 but tab and newline, DEL, C1, bidi embeddings/overrides/isolates.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _export(tmp_path: Path, name: str = "hostile.json") -> Path:
    record = {
        "title": f"Kasachstan {HOSTILE} Putin",
        "body": f"Story {HOSTILE} words Kasachstan\n\nMore {HOSTILE}",
        "source": HOSTILE,
        "section": HOSTILE,
        "published": f"2022-01-10{OSC52}",
        "updated": HOSTILE,
        "lead": HOSTILE,
        "image_caption": HOSTILE,
        "url": HOSTILE,
        "authors": [HOSTILE],
        "tags": [HOSTILE],
        "related_label": HOSTILE,
        "related": [{"title": HOSTILE, "source": HOSTILE, "date": HOSTILE, "summary": HOSTILE, "url": HOSTILE}],
        "leftover": [HOSTILE],
        "bookmarked": True,
        "bookmark_note": HOSTILE,
        "path": HOSTILE,
    }
    path = tmp_path / name
    path.write_text(json.dumps({"tuireader_export": 1, "articles": [record]}), encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    for stream in (out, err):
        assert FORBIDDEN.search(stream) is None, (argv, stream)
    return code, out


def test_no_command_prints_a_control_character_from_stored_fields(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _ = _run(capsys, "import", str(_export(tmp_path)))
    assert code == 0
    for argv in (
        ("list",),
        ("list", "--json"),
        ("list", "--bookmarked"),
        ("search", "Kasachstan"),
        ("search", "Kasachstan", "--json"),
        ("show", "1"),
        ("show", "1", "--json"),
        ("bookmark", "1", "--note", HOSTILE),
        ("bookmark", "1", "--json"),
        ("show", "1"),
        ("export", "--format", "json", str(tmp_path / "out.json")),
        ("export", "--format", "md", str(tmp_path / "md")),
        ("export", "--format", "html", str(tmp_path / "b.html"), "--json"),
        ("reparse",),
    ):
        code, out = _run(capsys, *argv)
        assert code == 0, argv
        assert out.strip(), argv


def test_parse_prints_no_control_character(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _export(tmp_path)
    for argv in (("parse", str(path)), ("parse", str(path), "--json")):
        code, out = _run(capsys, *argv)
        assert code == 0 and "Kasachstan" in out


def test_file_names_and_errors_are_sanitised(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    name = HOSTILE.replace("/", "")
    folder = tmp_path / f"d{name}"
    folder.mkdir()
    (folder / f"empty{name}.txt").write_bytes(b"")
    code, out = _run(capsys, "import", str(folder))
    assert code == 1 and "empty file" in out
    code, out = _run(capsys, "import", str(folder), "--json")
    assert code == 1 and json.loads(out)["counts"]["failed"] == 1
    code, _ = _run(capsys, "parse", str(folder / f"missing{HOSTILE}"))
    assert code == 1
    not_a_library = tmp_path / f"lib{name}"
    not_a_library.write_text("not sqlite")
    code, _ = _run(capsys, "list", "--library", str(not_a_library))
    assert code == 2


def test_a_published_that_is_not_a_date_is_not_stored(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _run(capsys, "import", str(_export(tmp_path)))
    _, out = _run(capsys, "show", "1", "--json")
    record = json.loads(out)
    assert record["published"] is None
    assert any("2022-01-10" in line for line in record["leftover"])
