"""Every key binding the reader defines, for checking a config's [keys] (``tuireader.keymap``).

Collected from the ``BINDINGS`` of the app, its screens and its widgets, so a
binding added to any of them is known without a list kept by hand. Widgets
are taken to live on the main screen.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import unicodedata

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import KEY_NAME_REPLACEMENTS
from textual.screen import Screen

from tuireader.keymap import BindingInfo, BindingTable
from tuireader.ui import screens, widgets
from tuireader.ui.app import ReaderApp
from tuireader.ui.screens.main import MainScreen

_ASCII_KEY_NAMES = {"\t": "tab", " ": "space"}


def normalise_key(key: str) -> str:
    """A key as Textual names it: "?" → "question_mark", "ctrl+P" → "ctrl+p"."""
    key = key.strip() if key.strip() else key
    *modifiers, last = key.split("+") if len(key) > 1 else [key]
    if len(last) == 1:
        if not last.isalnum():
            try:
                last = unicodedata.name(last).lower().replace("-", "_").replace(" ", "_")
            except ValueError:
                last = _ASCII_KEY_NAMES.get(last, last)
            last = KEY_NAME_REPLACEMENTS.get(last, last)
        elif modifiers:
            last = last.lower()
    return "+".join([*(m.lower() for m in modifiers), last])


def _classes() -> list[type[DOMNode]]:
    found: dict[str, type[DOMNode]] = {}
    for package in (screens, widgets):
        for module_info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            module = importlib.import_module(module_info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, DOMNode) and cls.__module__ == module.__name__ and "BINDINGS" in vars(cls):
                    found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return list(found.values())


def _scope(cls: type[DOMNode]) -> tuple[str, ...]:
    if issubclass(cls, App):
        return ("app",)
    if issubclass(cls, Screen):
        return ("app", cls.__name__)
    return ("app", MainScreen.__name__, cls.__name__)


def binding_table() -> BindingTable:
    infos: dict[str, BindingInfo] = {}
    classes: list[type[DOMNode]] = [ReaderApp, *_classes()]
    for cls in classes:
        for binding in Binding.make_bindings(vars(cls)["BINDINGS"]):
            if binding.id is None:
                continue
            key = normalise_key(binding.key)
            earlier = infos.get(binding.id)
            keys = (*earlier.keys, key) if earlier else (key,)
            infos[binding.id] = BindingInfo(binding.id, keys, _scope(cls), binding.description)
    reserved = {normalise_key(b.key): b.description or b.action for b in Binding.make_bindings(App.BINDINGS)}
    reserved[normalise_key(App.COMMAND_PALETTE_BINDING)] = "the command palette"
    return BindingTable(tuple(infos.values()), reserved, normalise_key)
