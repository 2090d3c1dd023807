"""A bookmark's one-line note: offered after ``b``, edited with ``B``."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tuireader.ui.text import clean_line

NOTE_MAX_CHARS = 500


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the note typed ("" when emptied), or None when left with escape (nothing changes)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, title: str, note: str | None, question: str = "A note for this bookmark") -> None:
        super().__init__()
        self.article_title = title
        self.note = note or ""
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Static(Content(self.question), classes="dialog-title")
            yield Static(Content(clean_line(self.article_title)), classes="dialog-detail")
            yield Input(
                clean_line(self.note),
                placeholder="enter keeps it empty",
                max_length=NOTE_MAX_CHARS,
                id="note-input",
            )
            yield Static(Content("enter saves · escape leaves it as it was"), classes="dialog-note")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(clean_line(event.value).strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
