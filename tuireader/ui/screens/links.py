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
from tuireader.ui.links import Link, story_links
from tuireader.ui.protocols import LibraryAPI

LinkAction = Literal["read", "browser", "copy"]


class LinkScreen(ReportsFailedWorkers, ModalScreen[tuple[LinkAction, Link, int | None] | None]):
    """Dismisses with (what to do, the link, the stored article's id or None), or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,l", "cancel", "Close", id="links.close"),
        Binding("o", "choose('browser')", "Browser", id="links.browser", tooltip="Open in the browser (asks)"),
        Binding("c", "choose('copy')", "Copy", id="links.copy", tooltip="Copy the address (OSC 52)"),
    ]

    class Read(Message):
        """The story's links and which of them the library holds."""

        bubble = False

        def __init__(self, links: list[Link], stored: dict[str, int]) -> None:
            super().__init__()
            self.links = links
            self.stored = stored

    def __init__(self, story: str, library: LibraryAPI) -> None:
        super().__init__()
        self.story = story  # markdown, sanitised
        self.library = library
        self.links: list[Link] = []
        self.stored: dict[str, int] = {}
        self._typed = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="links-dialog"):
            yield Static(Content("Links in this story: reading…"), classes="dialog-title", id="links-title")
            yield OptionList(id="link-list")
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
        self.query_one(OptionList).focus()
        self._read_links(self.story)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _read_links(self, story: str) -> None:
        """Off the event loop: a long story's links take a while to parse (0.13 s for 270,000 characters)."""
        links = story_links(story)
        stored = self.library.ids_by_url([link.url for link in links]) if links else {}
        if not get_current_worker().is_cancelled:
            self.post_message(self.Read(links, stored))

    @on(Read)
    def _read(self, event: Read) -> None:
        self.links, self.stored = event.links, event.stored
        count = len(self.links)
        title = f"Links in this story ({count})" if count else "This story has no links."
        self.query_one("#links-title", Static).update(Content(title))
        option_list = self.query_one(OptionList)
        option_list.set_options(Option(self._prompt(link), id=str(link.number)) for link in self.links)
        option_list.highlighted = 0 if self.links else None

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
