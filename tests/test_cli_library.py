"""The library commands as a user types them: output, --json, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_library_support import Card, Page

from tuireader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def seeded(capsys: pytest.CaptureFixture[str], seed_path: Path, tmp_path: Path) -> dict[str, int]:
    other = Page(
        "München plant neue Brücke",
        section="Wirtschaft",
        published="02.02.2023 09:00",
        cards=[Card("Putin: Werden in Kasachstan keine „Farbenrevolution“ zulassen")],
    )
    report = run_json(capsys, "import", str(seed_path), str(other.write(tmp_path / "m.txt")))
    return {Path(r["path"]).name: r["id"] for r in report["imported"]}


def test_import_prints_a_summary_and_fails_for_any_bad_file(
    capsys: pytest.CaptureFixture[str], seed_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02" * 500)
    code, out, err = run(capsys, "import", str(seed_path), str(bad))
    assert code == 1
    assert out.splitlines() == [
        f"failed: {bad}: binary file, not text",
        "imported 1, updated 0, unchanged 0, failed 1",
    ]
    assert err == ""  # no progress bar when stderr is not a terminal
    code, out, _ = run(capsys, "import", str(seed_path))
    assert (code, out) == (0, "imported 0, updated 0, unchanged 1, failed 0\n")


def test_import_json_reports_each_file(capsys: pytest.CaptureFixture[str], seed_path: Path, tmp_path: Path) -> None:
    data = run_json(capsys, "import", str(seed_path))
    assert data["counts"] == {"imported": 1, "updated": 0, "unchanged": 0, "failed": 0}
    assert data["imported"] == [{"path": str(seed_path), "id": 1}]
    code, out, _ = run(capsys, "import", str(tmp_path / "nope.txt"), "--json")
    assert code == 1 and json.loads(out)["failed"] == [
        {"path": str(tmp_path / "nope.txt"), "reason": "no such file or directory"}
    ]


def test_reimporting_files_an_earlier_parser_read_points_to_reparse(
    capsys: pytest.CaptureFixture[str], seed_path: Path, home: Path
) -> None:
    import sqlite3

    from tuireader.ingest import PARSER_VERSION

    [entry] = run_json(capsys, "import", str(seed_path))["imported"]
    code, out, err = run(capsys, "import", str(seed_path))
    assert (code, out, err) == (0, "imported 0, updated 0, unchanged 1, failed 0\n", "")
    conn = sqlite3.connect(home / "library.db")  # as an earlier version stored it
    conn.execute("UPDATE files SET parser_version = ?", [PARSER_VERSION - 1])
    conn.commit()
    conn.close()
    code, out, err = run(capsys, "import", str(seed_path))
    assert (code, out) == (0, "imported 0, updated 0, unchanged 1, failed 0\n")
    assert (
        err
        == "1 unchanged article was read by an earlier version of the parser; `tuireader reparse` reads every article again\n"
    )
    assert run_json(capsys, "import", str(seed_path))["read_by_earlier_parser"] == [entry["id"]]
    run(capsys, "reparse")
    assert run_json(capsys, "import", str(seed_path))["read_by_earlier_parser"] == []


def listed(capsys: pytest.CaptureFixture[str], *argv: str) -> list[int]:
    return [r["id"] for r in run_json(capsys, "list", *argv)["articles"]]


def test_list_newest_first_with_filters(capsys: pytest.CaptureFixture[str], seeded: dict[str, int]) -> None:
    seed_id, munich_id = seeded["dwn-2022-01-10-putin-kasachstan.txt"], seeded["m.txt"]
    assert listed(capsys) == [munich_id, seed_id]
    assert listed(capsys, "--section", "Politik") == [seed_id]
    assert listed(capsys, "--limit", "1") == [munich_id]
    run(capsys, "bookmark", str(seed_id))
    run(capsys, "read", str(munich_id))
    assert listed(capsys, "--bookmarked") == [seed_id]
    assert listed(capsys, "--unread") == [seed_id]
    assert listed(capsys, "--bookmarked", "--unread", "--section", "Wirtschaft") == []
    _code, out, _ = run(capsys, "list")
    lines = out.splitlines()
    assert "2023-02-02 09:00" in lines[0] and "[Wirtschaft] München plant neue Brücke" in lines[0]
    assert lines[1].split()[:2] == [str(seed_id), "*u"]


@pytest.mark.parametrize("section", ["politik", "POLITIK", " Politik "])
def test_list_section_ignores_case(capsys: pytest.CaptureFixture[str], seeded: dict[str, int], section: str) -> None:
    assert listed(capsys, "--section", section) == [seeded["dwn-2022-01-10-putin-kasachstan.txt"]]


def test_list_and_search_say_how_many_more(capsys: pytest.CaptureFixture[str], seeded: dict[str, int]) -> None:
    code, out, err = run(capsys, "list", "--limit", "1")
    assert code == 0 and len(out.splitlines()) == 1 and err == "… 1 more (use --limit/--offset)\n"
    code, out, err = run(capsys, "list", "--limit", "1", "--offset", "1")
    assert code == 0 and len(out.splitlines()) == 1 and err == ""
    data = run_json(capsys, "list", "--limit", "1")
    assert data["total"] == 2 and data["offset"] == 0 and len(data["articles"]) == 1
    code, out, err = run(capsys, "search", "die", "--limit", "1")
    assert code == 0 and len(out.splitlines()) == 2 and err == "… 1 more (use --limit/--offset)\n"
    data = run_json(capsys, "search", "die", "--limit", "1", "--offset", "1")
    assert data["total"] == 2 and data["offset"] == 1 and len(data["hits"]) == 1


def test_search_finds_umlauts_and_marks_matches(capsys: pytest.CaptureFixture[str], seeded: dict[str, int]) -> None:
    hits = run_json(capsys, "search", "munchen")["hits"]
    assert [h["id"] for h in hits] == [seeded["m.txt"]]
    assert "[[München]]" in hits[0]["snippet"]
    code, out, _ = run(capsys, "search", "Kasach*")
    assert code == 0 and out.splitlines()[0].split()[0] == str(seeded["dwn-2022-01-10-putin-kasachstan.txt"])
    code, out, err = run(capsys, "search", '"unclosed', "(((")
    assert (code, out, err) == (0, "no matches\n", "")
    code, out, err = run(capsys, "search", "Kasach")  # no such word: searched as a prefix, and said so
    assert code == 0 and out.split()[0] == str(seeded["dwn-2022-01-10-putin-kasachstan.txt"])
    assert err == "no article has all the words as typed; the last one also as the start of a word (Kasach*)\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["-Kasachstan", "die"],
        ["die", "-Kasachstan"],
        ["--json", "--", "-Kasachstan", "die"],
        ["die", "NOT", "Kasachstan"],
    ],
)
def test_search_excludes_words_written_with_a_minus(
    capsys: pytest.CaptureFixture[str], seeded: dict[str, int], argv: list[str]
) -> None:
    assert len(run_json(capsys, "search", "die")["hits"]) == 2  # both stories; only the seed names Kasachstan
    code, out, err = run(capsys, "search", *argv, *([] if "--" in argv else ["--json"]))
    assert code == 0, err
    assert [h["id"] for h in json.loads(out)["hits"]] == [seeded["m.txt"]]


def test_search_errors_are_one_line(capsys: pytest.CaptureFixture[str], seeded: dict[str, int]) -> None:
    code, out, err = run(capsys, "search", "-Kasachstan")
    assert (code, out) == (2, "") and err == "tuireader: a search needs at least one word to find\n"
    code, out, err = run(capsys, "search", *(["Wort"] * 5000))
    assert (code, out) == (2, "") and err.startswith("tuireader: a search is at most") and err.count("\n") == 1
    with pytest.raises(SystemExit) as usage_error:  # an option we do not know is no query word
        main(["search", "Brücke", "--jsn"])
    assert usage_error.value.code == 2 and "unrecognized arguments: --jsn" in capsys.readouterr().err


def test_show_renders_the_article_with_teasers_apart(
    capsys: pytest.CaptureFixture[str], seeded: dict[str, int]
) -> None:
    code, out, _ = run(capsys, "show", str(seeded["dwn-2022-01-10-putin-kasachstan.txt"]))
    assert code == 0
    assert "PUTIN: WERDEN IN KASACHSTAN" in out
    story, _, teasers = out.partition(">> Mehr zum Thema")
    assert "Tokajew" in story and "Feiertage 2026" not in story and "Feiertage 2026" in teasers
    data = run_json(capsys, "show", str(seeded["m.txt"]))
    assert data["title"] == "München plant neue Brücke"
    assert data["related"][0]["article_id"] == seeded["dwn-2022-01-10-putin-kasachstan.txt"]


def test_marks_change_state(capsys: pytest.CaptureFixture[str], seeded: dict[str, int]) -> None:
    aid = str(seeded["m.txt"])
    assert run_json(capsys, "bookmark", aid, "--note", "für später") == {
        "id": int(aid),
        "bookmarked": True,
        "bookmark_note": "für später",
        "read": False,
    }
    assert run(capsys, "read", aid)[1] == f"marked read {aid}\n"
    assert run_json(capsys, "unread", aid)["read"] is False
    assert run_json(capsys, "unbookmark", aid)["bookmarked"] is False
    assert run_json(capsys, "show", aid)["bookmark_note"] is None


@pytest.mark.parametrize("command", ["show", "bookmark", "unbookmark", "read", "unread", "remove"])
def test_unknown_id_is_a_one_line_error(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, err = run(capsys, command, "4242")
    assert code == 1 and out == "" and err == "tuireader: no article with id 4242\n"


@pytest.mark.parametrize("arg", ["abc", "-3", "0", "1.5", "99999999999999999999999"])
def test_a_malformed_id_is_a_usage_error(capsys: pytest.CaptureFixture[str], arg: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["show", "--", arg] if arg.startswith("-") else ["show", arg])
    assert info.value.code == 2
    assert "not an article id" in capsys.readouterr().err


def test_remove_then_gone(capsys: pytest.CaptureFixture[str], seeded: dict[str, int]) -> None:
    aid = str(seeded["m.txt"])
    assert run_json(capsys, "remove", aid) == {"id": int(aid), "removed": True}
    assert run(capsys, "show", aid)[0] == 1


def test_export_and_reimport(capsys: pytest.CaptureFixture[str], seeded: dict[str, int], tmp_path: Path) -> None:
    run(capsys, "bookmark", str(seeded["m.txt"]))
    out = tmp_path / "bm.json"
    assert run_json(capsys, "export", "--format", "json", "--bookmarked", str(out))["written"] == 1
    code, text, _ = run(capsys, "export", "--format", "md", str(tmp_path / "md"))
    assert code == 0 and text == f"exported 2 articles to {tmp_path / 'md'}\n"
    other = tmp_path / "other.db"
    data = run_json(capsys, "import", "--library", str(other), str(tmp_path / "md"))
    assert data["counts"]["imported"] == 2
    assert [r["bookmarked"] for r in run_json(capsys, "list", "--library", str(other))["articles"]] == [True, False]


def test_export_to_an_unwritable_place_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], seeded: dict[str, int], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _out, err = run(capsys, "export", "--format", "md", str(blocker))
    assert code == 2 and err.startswith("tuireader: ") and err.count("\n") == 1
    code, _out, err = run(capsys, "export", "--format", "json", str(blocker / "sub" / "x.json"))
    assert code == 2 and err.startswith(f"tuireader: {blocker / 'sub' / 'x.json'}: ") and err.count("\n") == 1


def test_reparse_reports_counts(capsys: pytest.CaptureFixture[str], seeded: dict[str, int]) -> None:
    data = run_json(capsys, "reparse")
    assert data == {"files": 2, "articles": 2, "changed": 0, "merged": 0, "split": 0, "failed": []}


def test_library_option_and_a_foreign_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database")
    code, out, err = run(capsys, "list", "--library", str(foreign))
    assert code == 2 and out == ""
    assert err == f"tuireader: {foreign}: not a tuireader library (not an SQLite database); left untouched\n"


def test_every_library_command_is_in_the_readme_table() -> None:
    from conftest import ROOT

    from tuireader.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Commands", 1)[1]
    _, commands = build_parser()
    for name in (
        "import",
        "list",
        "search",
        "show",
        "bookmark",
        "unbookmark",
        "read",
        "unread",
        "export",
        "remove",
        "reparse",
    ):
        assert name in commands
        assert f"`tuireader {name} " in table or f"`{name} ID" in table, name
