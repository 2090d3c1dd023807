"""config.toml: the user's key bindings and default theme.

A broken or odd config file never stops the reader: every problem becomes a
one-line message in ``Config.problems`` (the app shows them as notifications,
`tuireader config check` prints them) and the defaults apply. A key remap is
checked against the reader's bindings (``tuireader.keymap``): an unknown
binding id, a key Textual reserves or a key another binding in the same place
has is reported and not used, and no binding is left without a key.

```toml
theme = "newspaper"          # used until a theme is chosen in the app
reading_width = 80           # the story's column in cells (0: the whole pane)
browser = "w3m %u"           # how o opens an address (%u: the address)
terminal_browser = true      # it runs in the terminal: the reader steps aside
refresh_minutes = 30         # refresh due feeds while the reader is open (default: only on R)

[keys]                       # binding id = "key" or "key1,key2"
"article.bookmark" = "m"
"list.down" = "j,down,ctrl+n"
```
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tuireader.keymap import BindingTable, check_keymap
from tuireader.library.exporters import SAVE_FIELDS
from tuireader.paths import config_file


@dataclass
class Config:
    theme: str | None = None
    reading_width: int = 80
    browser: str | None = None
    terminal_browser: bool | None = None  # None: told from the program's name
    refresh_minutes: float | None = None  # None: feeds refresh only when asked
    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    path: Path | None = None
    save_path: str | None = None  # where s saves an article (a template, see tuireader.library.exporters)


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


READER_SETTINGS = ("reading_width", "browser", "terminal_browser")


def _reader_settings(data: dict, config: Config, path: Path) -> None:
    """The reading column and the browser; a wrong value is reported and the default kept."""
    width = data.get("reading_width", config.reading_width)
    if isinstance(width, int) and not isinstance(width, bool) and 0 <= width <= 1000:
        config.reading_width = width
    else:
        config.problems.append(f"{path}: 'reading_width' must be a number of columns (0: no limit)")
    browser = data.get("browser")
    if isinstance(browser, str) and browser.strip():
        config.browser = browser.strip()
    elif browser is not None:
        config.problems.append(f"{path}: 'browser' must be a command like \"w3m %u\"")
    terminal = data.get("terminal_browser")
    if isinstance(terminal, bool):
        config.terminal_browser = terminal
    elif terminal is not None:
        config.problems.append(f"{path}: 'terminal_browser' must be true or false")


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

    _reader_settings(data, config, path)
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

    _read_save_path(data, path, config)
    for name in data:
        if name not in ("theme", "keys", "save_path", "refresh_minutes", *READER_SETTINGS):
            config.problems.append(f"{path}: unknown setting '{name}' ignored")
    if config.keymap:
        config.keymap, key_problems = check_keymap(config.keymap, bindings or reader_bindings())
        config.problems += [f"{path}: {problem}" for problem in key_problems]
    return config


def _read_save_path(data: dict[str, object], path: Path, config: Config) -> None:
    value = data.get("save_path")
    if value is None:
        return
    if not isinstance(value, str) or not value.strip():
        config.problems.append(f'{path}: save_path must be a path like "~/Documents/tuireader/{{date}}-{{title}}.md"')
        return
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as exc:
        config.problems.append(f"{path}: save_path: {exc}")
        return
    unknown = sorted(names - set(SAVE_FIELDS))
    if unknown:
        config.problems.append(
            f"{path}: save_path names {', '.join('{' + n + '}' for n in unknown)}; "
            f"it may name {', '.join('{' + n + '}' for n in SAVE_FIELDS)}"
        )
        return
    config.save_path = value.strip()
