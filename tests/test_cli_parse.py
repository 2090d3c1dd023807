"""`tuireader parse FILE... [--json]` as a user runs it: a separate process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEED_TITLE = "Putin: Werden in Kasachstan keine „Farbenrevolution“ zulassen"


def run_parse(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "tuireader", "parse", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=60,
    )


def test_json_one_object_per_line(seed_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "notiz.txt"
    other.write_text("Notes from the allotment\n\nThe beans came up early.\n", encoding="utf-8")
    result = run_parse(seed_path, other, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    seed, note = (json.loads(line) for line in lines)
    assert seed["path"] == str(seed_path)
    assert seed["title"] == SEED_TITLE
    assert seed["published"] == "2022-01-10T10:00"
    assert len(seed["related"]) == 8
    assert seed["related"][0]["section"] == "Panorama"
    assert set(seed["related"][0]) >= {"source", "section", "title", "date", "summary", "sponsored"}
    assert note["title"] == "Notes from the allotment"
    assert note["body"] == "The beans came up early."


def test_readable_rendering_keeps_teasers_apart(seed_path: Path) -> None:
    result = run_parse(seed_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    story_at = out.index("Nach dem Eingreifen in Kasachstan")
    teasers_at = out.index("Mehr zum Thema (8 teasers")
    assert out.index(SEED_TITLE.upper()) < story_at < teasers_at
    assert out.index("Feiertage 2026") > teasers_at
    assert "Kasachstan will Beweise für Umsturzversuch vorlegen" in out[story_at:teasers_at]


def test_readable_rendering_shows_plain_text_not_markdown_escapes(tmp_path: Path) -> None:
    page = tmp_path / "seite.txt"
    page.write_text("Titel\n10.01.2022 10:00\n\nEin *Satz* mit [Klammern] und 3_000 Zeichen.\n", encoding="utf-8")
    result = run_parse(page)
    assert "Ein *Satz* mit [Klammern] und 3_000 Zeichen." in result.stdout


def test_bad_files_fail_one_line_each_and_the_rest_is_parsed(seed_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bild.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500))
    directory = tmp_path / "ordner"
    directory.mkdir()
    missing = tmp_path / "fehlt.txt"
    result = run_parse(empty, seed_path, binary, directory, missing, "--json")
    assert result.returncode != 0
    parsed = [json.loads(line) for line in result.stdout.splitlines()]
    assert [p["title"] for p in parsed] == [SEED_TITLE]
    errors = result.stderr.splitlines()
    assert len(errors) == 4
    for path, reason in ((empty, "empty"), (binary, "binary"), (directory, "directory"), (missing, "no such file")):
        matching = [e for e in errors if str(path) in e]
        assert len(matching) == 1, errors
        assert reason in matching[0]


@pytest.mark.parametrize(
    "data",
    [
        b"Politik\r\n\r\nTitel der Seite\r\n10.01.2022 10:00\r\n\r\nText.\r\n",
        "Politik\n\nTitel der Seite\n10.01.2022 10:00\n\nText.".encode("cp1252"),
        b"\xef\xbb\xbfPolitik\r\rTitel der Seite\r10.01.2022 10:00\r\rText.",
    ],
    ids=["utf-8 CRLF", "windows-1252", "BOM and CR"],
)
def test_encodings_and_newlines(tmp_path: Path, data: bytes) -> None:
    page = tmp_path / "seite.txt"
    page.write_bytes(data)
    result = run_parse(page, "--json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert (article["section"], article["title"], article["published"], article["body"]) == (
        "Politik",
        "Titel der Seite",
        "2022-01-10T10:00",
        "Text.",
    )


def test_only_bad_files(tmp_path: Path) -> None:
    result = run_parse(tmp_path / "fehlt.txt")
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1


def test_error_for_a_hostile_file_name_stays_one_plain_line(tmp_path: Path, seed_path: Path) -> None:
    missing = tmp_path / "fehlt\n\x1b[31mrot.txt"
    result = run_parse(missing, seed_path, "--json")
    assert result.returncode != 0
    assert len(result.stdout.splitlines()) == 1
    [error] = result.stderr.splitlines()
    assert "\x1b" not in error
    assert "fehlt\\nrot.txt" in error  # the escape sequence removed whole


def test_readable_rendering_shows_tags() -> None:
    sample = Path(__file__).resolve().parent.parent / "samples" / "nlk-2021-11-23-kaeserei-nebelkaese-preis.txt"
    result = run_parse(sample)
    assert result.returncode == 0, result.stderr
    head = result.stdout.split("-" * 72, 1)[0]
    assert "Tags: Deichdorf, Landwirtschaft, Käse, Käserei Ohlsen" in head
    assert "Benachrichtigung" not in result.stdout
