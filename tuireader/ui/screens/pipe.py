"""Ask for the shell command to pipe an article to (``|``, as newsboat's pipe-to)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tuireader.ui.text import clean_line


class PipeScreen(ModalScreen[str | None]):
    """One line: the command (the last one offered, selected); enter runs it, escape leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="pipe.cancel"),
    ]

    def __init__(self, title: str, command: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.command = command

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="pipe-dialog"):
            yield Static(Content(f"Pipe “{clean_line(self.title_text)}” to a command"), classes="dialog-title")
            yield Input(
                value=self.command, placeholder="e.g. less, wc -w, mail -s news me@example.org", id="pipe-input"
            )
            yield Static(
                Content("The article goes to its standard input as markdown with front matter."),
                classes="dialog-note",
            )

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.select_all()

    @on(Input.Submitted, "#pipe-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
