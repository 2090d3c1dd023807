"""Checking a user's key remaps against the reader's bindings. No Textual here.

A binding is known by its id, its default keys and its scope: the chain of
places it is active in, outermost first (``("app",)`` everywhere,
``("app", "MainScreen", "StoryView")`` in the story). Two bindings clash when
one's scope contains the other's and they share a key: only one of them could
ever run. The UI collects the table (``tuireader.ui.bindings``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class BindingInfo:
    id: str
    keys: tuple[str, ...]  # the defaults, normalised
    scope: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class BindingTable:
    bindings: tuple[BindingInfo, ...]
    reserved: dict[str, str]  # key -> what Textual does with it
    normalise: Callable[[str], str] = str.strip  # a key as the bindings spell it

    def by_id(self) -> dict[str, BindingInfo]:
        return {b.id: b for b in self.bindings}


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def check_keymap(keymap: dict[str, str], table: BindingTable) -> tuple[dict[str, str], list[str]]:
    """The keymap to use and one message per problem.

    Unknown binding ids are dropped; a key Textual reserves or that another
    binding in the same place already has is dropped from the remap; a
    binding left without a key keeps its default keys.
    """
    known = table.by_id()
    problems: list[str] = []
    wanted: dict[str, list[str]] = {}
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            problems.append(f"keys.{binding_id}: no binding has this id (the help screen, ?, lists them)")
            continue
        wanted[binding_id] = [table.normalise(k) for k in keys.split(",") if k.strip()]
    effective = {b.id: list(wanted.get(b.id, b.keys)) for b in table.bindings}
    result: dict[str, str] = {}
    for binding_id, wanted_keys in wanted.items():
        info = known[binding_id]
        kept: list[str] = []
        for key in wanted_keys:
            if key in table.reserved:
                problems.append(f'keys.{binding_id}: "{key}" is reserved by Textual ({table.reserved[key]})')
                continue
            rivals = [
                other.id
                for other in table.bindings
                if other.id != binding_id and _overlaps(other.scope, info.scope) and key in effective[other.id]
            ]
            if rivals:
                problems.append(f'keys.{binding_id}: "{key}" is also the key of {", ".join(sorted(rivals))}')
                continue
            if key not in kept:
                kept.append(key)
        if not kept:
            problems.append(f'keys.{binding_id}: no usable key left; it keeps "{",".join(info.keys)}"')
            continue
        result[binding_id] = ",".join(kept)
    return result, problems
