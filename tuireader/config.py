"""config.toml: the user's key bindings and default theme.

A broken or odd config file never stops the reader: every problem becomes a
one-line message in ``Config.problems`` (the app shows them as notifications,
`tuireader config check` prints them) and the defaults apply. A key remap is
checked against the reader's bindings (``tuireader.keymap``): an unknown
binding id, a key Textual reserves or a key another binding in the same place
has is reported and not used, and no binding is left without a key.

```toml
theme = "newspaper"          # used until a theme is chosen in the app
refresh_minutes = 30         # refresh due feeds while the reader is open (default: only on R)

[keys]                       # binding id = "key" or "key1,key2"
"article.bookmark" = "B"
"list.down" = "j,down,ctrl+n"
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.keymap import BindingTable, check_keymap
from tuireader.paths import config_file


@dataclass
class Config:
    theme: str | None = None
    refresh_minutes: float | None = None  # None: feeds refresh only when asked
    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    path: Path | None = None


def reader_bindings() -> BindingTable:
    """The reader's bindings, as the UI defines them."""
    from tuireader.ui.bindings import binding_table  # Textual and the UI load only when keys are remapped

    return binding_table()


def _keys_value(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return ",".join(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return ",".join(v.strip() for v in value)
    return None


def load_config(path: Path | None = None, bindings: BindingTable | None = None) -> Config:
    """Read config.toml; a missing file is not a problem, a broken one is reported.

    ``bindings``: what the key remaps are checked against (the reader's own by default).
    """
    path = path or config_file()
    config = Config(path=path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return config
    except OSError as exc:
        config.problems.append(f"Cannot read {path}: {exc.strerror or exc}")
        return config
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        config.problems.append(f"{path} is not UTF-8 text; using the defaults")
        return config
    except tomllib.TOMLDecodeError as exc:
        config.problems.append(f"{path}: {exc}; using the defaults")
        return config

    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        config.theme = theme.strip()
    elif theme is not None:
        config.problems.append(f"{path}: 'theme' must be a theme name")

    minutes = data.get("refresh_minutes")
    if isinstance(minutes, int | float) and not isinstance(minutes, bool) and minutes >= 0:
        config.refresh_minutes = float(minutes) or None  # 0: off
    elif minutes is not None:
        config.problems.append(f"{path}: 'refresh_minutes' must be a number of minutes (0: off)")

    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config.problems.append(f'{path}: [keys] must be a table of binding id = "key"')
        keys = {}
    for binding_id, value in keys.items():
        keys_string = _keys_value(value)
        if keys_string is None:
            config.problems.append(f'{path}: keys.{binding_id} must be a key like "j" or "j,down"')
            continue
        config.keymap[str(binding_id)] = keys_string

    for name in data:
        if name not in ("theme", "keys", "refresh_minutes"):
            config.problems.append(f"{path}: unknown setting '{name}' ignored")
    if config.keymap:
        config.keymap, key_problems = check_keymap(config.keymap, bindings or reader_bindings())
        config.problems += [f"{path}: {problem}" for problem in key_problems]
    return config
