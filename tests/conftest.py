from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data and config directory; the real home is never touched."""
    home = tmp_path / "tuireader-home"
    home.mkdir()
    monkeypatch.setenv("TUIREADER_HOME", str(home))
    return home


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    return _isolated_home


@pytest.fixture
def seed_path() -> Path:
    """The real crawled DWN page (a copy ships in samples/ so a clean clone has it)."""
    return SAMPLES / "dwn-2022-01-10-putin-kasachstan.txt"
