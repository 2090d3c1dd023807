"""Bookmark notes on the command line: list carries note and URL, show prints the note made safe."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_cli_library import run, run_json, seeded  # noqa: F401  (the fixture)

from tuireader.cli import main
from tuireader.library import Library
from tuireader.model import Article


@contextmanager
def opened_default() -> Iterator[Library]:
    library = Library()
    try:
        yield library
    finally:
        library.close()


def test_list_carries_the_note_and_the_url(capsys: pytest.CaptureFixture[str], seeded: dict[str, int]) -> None:  # noqa: F811
    with opened_default() as library:
        seed_id, _ = library.add(Article("Linked", body="Text.", url="https://example.org/linked"), b"linked")
    run(capsys, "bookmark", str(seed_id), "--note", "read \x1b[31mtwice\u202e")
    [row] = run_json(capsys, "list", "--bookmarked")["articles"]
    assert row["note"] == "read \x1b[31mtwice\u202e"  # JSON keeps it as stored; json escapes it
    assert row["url"] == "https://example.org/linked"
    code, out, _ = run(capsys, "list", "--bookmarked")
    assert code == 0 and "— read twice" in out and "\x1b" not in out and "\u202e" not in out
    everything = run_json(capsys, "list")["articles"]
    assert {r["id"]: r["note"] for r in everything}[seed_id] == "read \x1b[31mtwice\u202e"
    code, out, _ = run(capsys, "show", str(seed_id))
    assert "note: read twice" in out and "\x1b" not in out and "\u202e" not in out


def test_exports_carry_notes(capsys: pytest.CaptureFixture[str], seeded: dict[str, int], tmp_path: Path) -> None:  # noqa: F811
    seed_id = seeded["dwn-2022-01-10-putin-kasachstan.txt"]
    run(capsys, "bookmark", str(seed_id), "--note", "for the essay")
    assert main(["export", "--format", "json", str(tmp_path / "all.json")]) == 0
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    records = data["articles"] if isinstance(data, dict) else data
    assert any(r.get("bookmark_note") == "for the essay" for r in records)
    assert main(["export", "--format", "md", str(tmp_path / "md")]) == 0
    assert any("for the essay" in p.read_text(encoding="utf-8") for p in (tmp_path / "md").glob("*.md"))
    assert main(["export", "--format", "html", str(tmp_path / "b.html")]) == 0
    assert "for the essay" in (tmp_path / "b.html").read_text(encoding="utf-8")
