"""Where tuireader keeps things.

Functions, not constants, so tests (and users) can point everything elsewhere
with the TUIREADER_HOME environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "tuireader"


def _home_override() -> Path | None:
    home = os.environ.get("TUIREADER_HOME")
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    """Directory of the library database."""
    return _home_override() or platformdirs.user_data_path(APP_NAME)


def config_dir() -> Path:
    """Directory of config.toml and the user's own themes."""
    return _home_override() or platformdirs.user_config_path(APP_NAME)


def library_file() -> Path:
    return data_dir() / "library.db"


def config_file() -> Path:
    return config_dir() / "config.toml"


def user_themes_dir() -> Path:
    return config_dir() / "themes"


def _resource_dir(name: str) -> Path:
    """A top-level data folder (themes/, samples/), installed or in a checkout."""
    installed = Path(__file__).parent / "_data" / name
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / name


def bundled_themes_dir() -> Path:
    return _resource_dir("themes")


def samples_dir() -> Path:
    return _resource_dir("samples")


def documents_dir() -> Path:
    """Where the reader saves articles by default (``s``): the user's documents, or $TUIREADER_HOME/saved."""
    home = _home_override()
    return home / "saved" if home else platformdirs.user_documents_path() / APP_NAME
