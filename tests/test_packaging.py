"""The project as a newcomer gets it: README commands, CI script, and a real wheel."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:sh|bash|console)\n(.*?)\n```", text, re.S)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    commands = _readme_commands()
    test_cmds = [c for c in commands if "pytest" in c]
    assert len(test_cmds) == 1, commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_cmds[0].strip() in ci.splitlines()


def test_readme_start_command_is_a_non_editable_install_that_starts_tuireader() -> None:
    start = [c for c in _readme_commands() if "pytest" not in c]
    assert start, "README lacks the install-and-start command"
    assert "pip install ." in start[0] and "-e" not in start[0]
    assert start[0].rstrip().endswith("tuireader")


def test_wheel_ships_themes_and_samples(tmp_path: Path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    wheel = next(tmp_path.glob("tuireader-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    samples = {Path(n).name for n in names if n.startswith("tuireader/_data/samples/")}
    themes = {Path(n).name for n in names if n.startswith("tuireader/_data/themes/")}
    assert samples == {p.name for p in (ROOT / "samples").iterdir() if p.is_file()}
    assert themes == {p.name for p in (ROOT / "themes").iterdir() if p.is_file()}
    assert samples and themes


def test_importing_the_main_module_does_not_start_tuireader(monkeypatch) -> None:
    """`python -m tuireader` runs the command line; importing tuireader.__main__ (as tools do) runs nothing."""
    import importlib

    import tuireader.cli

    calls: list[object] = []
    monkeypatch.setattr(tuireader.cli, "main", lambda *args, **kwargs: calls.append(args) or 0)
    monkeypatch.delitem(sys.modules, "tuireader.__main__", raising=False)
    importlib.import_module("tuireader.__main__")
    assert calls == []


def test_python_dash_m_runs_the_command_line() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tuireader", "--help"], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    assert "parse" in out.stdout
