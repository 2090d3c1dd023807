"""The story's links, numbered (``l``), as newsboat's URL view: open, copy, or read a stored one.

Type a link's number to go to it; ``enter`` reads the article in the reader
when the library holds it (by its web address), else offers the browser
(asking first); ``o`` always offers the browser; ``c`` copies the address
(to the terminal's clipboard, OSC 52: only on this request).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tuireader.ui.failures import ReportsFailedWorkers
from tuireader.ui.links import Link
from tuireader.ui.protocols import LibraryAPI

LinkAction = Literal["read", "browser", "copy"]


class LinkScreen(ReportsFailedWorkers, ModalScreen[tuple[LinkAction, Link, int | None] | None]):
    """Dismisses with (what to do, the link, the stored article's id or None), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,l", "cancel", "Close", id="links.close"),
        Binding("o", "choose('browser')", "Browser", id="links.browser", tooltip="Open in the browser (asks)"),
        Binding("c", "choose('copy')", "Copy", id="links.copy", tooltip="Copy the address (OSC 52)"),
    ]

    class Stored(Message):
        bubble = False

        def __init__(self, ids: dict[str, int]) -> None:
            super().__init__()
            self.ids = ids

    def __init__(self, links: list[Link], library: LibraryAPI) -> None:
        super().__init__()
        self.links = links
        self.library = library
        self.stored: dict[str, int] = {}
        self._typed = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="links-dialog"):
            yield Static(Content(f"Links in this story ({len(self.links)})"), classes="dialog-title")
            yield OptionList(*[Option(self._prompt(link), id=str(link.number)) for link in self.links], id="link-list")
            yield Static(
                Content("number: go to · enter: read / open · o: browser · c: copy · escape: close"),
                classes="dialog-note",
            )

    def _prompt(self, link: Link) -> Content:
        stored = link.url in self.stored
        return Content.assemble(
            (f"{link.number:>2}  ", "bold"),
            link.text,
            ("  ★ in your library" if stored else "", "$text-accent"),
            "\n    ",
            (link.url, "$text-muted"),
        )

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.highlighted = 0 if self.links else None
        option_list.focus()
        self._find_stored([link.url for link in self.links])

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _find_stored(self, urls: list[str]) -> None:
        ids = self.library.ids_by_url(urls)
        if ids and not get_current_worker().is_cancelled:
            self.post_message(self.Stored(ids))

    @on(Stored)
    def _stored(self, event: Stored) -> None:
        self.stored = event.ids
        option_list = self.query_one(OptionList)
        for index, link in enumerate(self.links):
            if link.url in self.stored:
                option_list.replace_option_prompt_at_index(index, self._prompt(link))

    def _current(self) -> Link | None:
        index = self.query_one(OptionList).highlighted
        return self.links[index] if index is not None and 0 <= index < len(self.links) else None

    def on_key(self, event: events.Key) -> None:
        """Digits go to the link with that number (two digits for links past 9)."""
        if event.character is None or not event.character.isdigit():
            self._typed = ""
            return
        event.stop()
        typed = self._typed + event.character
        if not 1 <= int(typed) <= len(self.links):
            typed = event.character
        self._typed = typed if int(typed) * 10 <= len(self.links) else ""
        number = int(typed)
        if 1 <= number <= len(self.links):
            self.query_one(OptionList).highlighted = number - 1

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        link = self._current()
        if link is not None:
            self._dismiss("read" if link.url in self.stored else "browser", link)

    def action_choose(self, action: LinkAction) -> None:
        link = self._current()
        if link is not None:
            self._dismiss(action, link)

    def _dismiss(self, action: LinkAction, link: Link) -> None:
        self.dismiss((action, link, self.stored.get(link.url)))

    def action_cancel(self) -> None:
        self.dismiss(None)
