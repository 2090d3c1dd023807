"""Pick a section or a source: names with their counts, narrowed as you type."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tuireader.library.converters import title_key
from tuireader.ui.text import clean_line

ALL = "\x00all"


def folded(text: str) -> str:
    """For matching what is typed: case, umlauts and ß do not count ("ost" finds "Österreich")."""
    table = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
    return title_key(text).translate(table)


class FacetPicker(ModalScreen[str | None]):
    """Dismisses with the name chosen, ``ALL`` (no filter), or None (escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "move(1)", "Down", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Up", show=False, id="picker.up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="picker.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="picker.page_up"),
        Binding("enter", "choose", "Choose", id="picker.choose", priority=True),
    ]

    def __init__(self, title: str, all_label: str, items: list[tuple[str, int]], current: str | None) -> None:
        super().__init__()
        self.title_text = title
        self.all_label = all_label
        self.items = items
        self.current = current
        self.shown: list[str] = []  # the option ids shown, in order

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Input(placeholder="Type to narrow…", id="picker-filter")
            yield OptionList(id="picker-list")
            yield Static(Content("enter chooses, escape leaves"), classes="dialog-note")

    def on_mount(self) -> None:
        self._fill("")
        current = self.current
        option_list = self.query_one(OptionList)
        if current is not None:
            key = folded(current)
            for index, option_id in enumerate(self.shown):
                if option_id != ALL and folded(option_id) == key:
                    option_list.highlighted = index
        self.query_one(Input).focus()

    def _fill(self, typed: str) -> None:
        needle = folded(typed.strip())
        option_list = self.query_one(OptionList)
        option_list.clear_options()
        total = sum(count for _, count in self.items)
        width = len(f"{total:,}")
        options = []
        self.shown = []
        if not needle:
            options.append(Option(Content.assemble(f"{total:>{width},}  ", (self.all_label, "italic")), id=ALL))
            self.shown.append(ALL)
        for name, count in self.items:
            if needle in folded(name):
                label = clean_line(name) or "(none)"
                options.append(Option(Content.assemble((f"{count:>{width},}  ", "$text-muted"), label), id="n" + name))
                self.shown.append(name)
        option_list.add_options(options)
        if options:
            option_list.highlighted = 0

    @on(Input.Changed, "#picker-filter")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        if step > 0:
            option_list.action_cursor_down()
        else:
            option_list.action_cursor_up()

    def action_page(self, step: int) -> None:
        option_list = self.query_one(OptionList)
        if step > 0:
            option_list.action_page_down()
        else:
            option_list.action_page_up()

    def action_choose(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and index < len(self.shown):
            self.dismiss(self.shown[index])

    @on(OptionList.OptionSelected, "#picker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.shown):
            self.dismiss(self.shown[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
