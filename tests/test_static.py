"""The static checks run with the tests, so the README's test command fails when one fails.

ruff (lint and format), mypy on the package, and the layer rule as an import
contract (pyproject.toml, ``[tool.importlinter]``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    on_path = shutil.which(name)
    if on_path is None:
        pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
    return on_path


def _check(*argv: str) -> None:
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{' '.join(argv)} failed:\n{done.stdout}\n{done.stderr}"


def test_ruff_lint() -> None:
    _check(_tool("ruff"), "check", ".")


def test_ruff_format() -> None:
    _check(_tool("ruff"), "format", "--check", ".")


def test_mypy() -> None:
    _check(_tool("mypy"))


def test_import_contracts() -> None:
    _check(_tool("lint-imports"))
