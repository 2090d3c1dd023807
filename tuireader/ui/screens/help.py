"""The help screen: every key, as currently bound (config remaps included)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


def key_rows(app: App, bindings: Iterable[BindingType], keymap: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(keys, description, binding id) for each binding id, keys after the keymap, in order."""
    order: list[str] = []
    keys: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    ids: set[str] = set()
    for binding in Binding.make_bindings(bindings):
        if binding.system:
            continue
        binding_id = binding.id or f"{binding.action}"
        if binding.id:
            ids.add(binding.id)
        if binding_id not in keys:
            order.append(binding_id)
            keys[binding_id] = []
            descriptions[binding_id] = binding.tooltip or binding.description or binding.action
        if binding.id and binding.id in keymap:
            continue
        keys[binding_id].append(app.get_key_display(binding))
    for binding_id in order:
        if binding_id in keymap:
            keys[binding_id] = [
                app.get_key_display(Binding(k.strip(), "")) for k in keymap[binding_id].split(",") if k.strip()
            ]
    return [(" ".join(dict.fromkeys(keys[i])), descriptions[i], i if i in ids else "") for i in order]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help", id="help.close"),
        Binding("down,j", "scroll('down')", show=False),
        Binding("up,k", "scroll('up')", show=False),
    ]

    def __init__(self, groups: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        keymap: Mapping[str, str] = getattr(self.app, "keymap", {})
        groups = [(title, key_rows(self.app, bindings, keymap)) for title, bindings in self.groups]
        width = max((len(keys) for _, rows in groups for keys, _, _ in rows), default=4) + 2
        id_width = max((len(i) for _, rows in groups for _, _, i in rows), default=4)
        with Vertical(id="help-dialog"):
            yield Static("Keys", id="help-title", markup=False)
            with VerticalScroll(id="help-body"):
                for title, rows in groups:
                    if not rows:
                        continue
                    yield Static(Content.styled(title, "bold $text-primary"), classes="help-group")
                    grid = Grid(classes="help-keys")
                    grid.styles.grid_columns = f"{width} 1fr {id_width}"
                    with grid:
                        for keys, description, binding_id in rows:
                            yield Static(Content.styled(keys, "bold"), classes="help-key")
                            yield Static(Content(description), classes="help-description")
                            yield Static(Content.styled(binding_id, "$text-muted"), classes="help-id")
            yield Static(
                Content.styled(
                    'Remap a key in config.toml: [keys] "article.bookmark" = "m" (names in grey).  escape closes.',
                    "$text-muted",
                ),
                id="help-footer",
            )

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_down() if direction == "down" else body.scroll_up()

    def action_close(self) -> None:
        self.dismiss(None)
