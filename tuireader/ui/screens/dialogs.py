"""Small modal dialogs: confirm, a teaser's details."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tuireader.model import Teaser
from tuireader.ui.text import clean_line


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; dismisses with True only on an explicit yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Open") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self.question), classes="dialog-title")
            if self.detail:
                yield Static(Content(clean_line(self.detail)), classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", id="yes", variant="primary")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class TeaserInfoScreen(ModalScreen[bool]):
    """What the page said about an article the library does not hold; dismisses True to open its address."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="teaser_info.close"),
        Binding("o", "open", "Open the address", id="teaser_info.open"),
    ]

    def __init__(self, teaser: Teaser) -> None:
        super().__init__()
        self.teaser = teaser

    def compose(self) -> ComposeResult:
        t = self.teaser
        meta = " · ".join(x for x in (clean_line(t.source), clean_line(t.section), clean_line(t.date)) if x)
        with Vertical(classes="dialog", id="teaser-info"):
            if t.sponsored:
                yield Static(Content.styled("Sponsored", "reverse bold $sponsored"), classes="dialog-detail")
            yield Static(Content(clean_line(t.title) or "(untitled)"), classes="dialog-title")
            if meta:
                yield Static(Content(meta), classes="dialog-detail")
            yield Static(Content(clean_line(t.summary) or "The page gave no summary."), classes="dialog-body")
            if t.url:
                yield Static(Content.assemble(("Address: ", "bold"), clean_line(t.url)), classes="dialog-detail")
            yield Static(
                Content("This article is not in your library; this is what the page said about it."),
                classes="dialog-note",
            )
            with Horizontal(classes="dialog-buttons"):
                if t.url:
                    yield Button("Open in the browser… (o)", id="open")
                yield Button("Close", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "open")

    def action_close(self) -> None:
        self.dismiss(False)

    def action_open(self) -> None:
        if self.teaser.url:
            self.dismiss(True)
