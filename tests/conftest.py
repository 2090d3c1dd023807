from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from webserver import LocalServer

    from tuireader.library import Library

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
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


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A local HTTP server on 127.0.0.1 (tests/webserver.py): feeds and pages without the network."""
    from webserver import serving

    with serving() as srv:
        yield srv


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    """A library in the test's own directory."""
    from tuireader.library import Library

    with Library(tmp_path / "lib.db") as library:
        yield library
