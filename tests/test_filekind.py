"""Importing a project folder imports no "articles": code, configuration, JSON data and docs are skipped."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tuireader.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def test_a_project_folder_imports_no_articles_and_says_why(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("README.md", "pyproject.toml"):
        shutil.copy(ROOT / name, folder / name)
    shutil.copy(ROOT / "tuireader" / "cli.py", folder / "cli.py")
    (folder / "data.json").write_text(json.dumps({"items": [{"title": "x", "body": "y"}] * 20}, indent=2))
    code = main(["import", str(folder), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["counts"]["imported"] == 0
    reasons = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert reasons == {
        "README.md": "a markdown document with code blocks, not a news page",
        "pyproject.toml": "a configuration file, not a news page",
        "cli.py": "source code, not a news page",
        "data.json": "JSON data, not a tuireader export",
    }
    main(["import", str(folder)])
    assert "imported 0, updated 0, unchanged 0, failed 0, skipped 4" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["story.py", "story.json", "story.toml", "story.md", "story"])
def test_a_news_page_is_an_article_whatever_its_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sorted(SAMPLES.glob("*.txt")):
        shutil.copy(page, folder / f"{page.stem}-{name}")
    main(["import", str(folder), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["skipped"] == [] and report["failed"] == []
    assert report["counts"]["imported"] == len(list(SAMPLES.glob("*.txt")))
