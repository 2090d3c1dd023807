"""The feeds picker (key 4): each subscription with its unread count and last error.

Dismisses with a feed id, ``ALL_FEEDS`` (the whole library again) or None;
``tuireader.ui.feeds`` shows the feed's articles. Feed names and errors come
from the web: ``clean_line`` and ``Content``, never markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.library import Library
from tuireader.library.feeds import Feed
from tuireader.ui.failures import ReportsFailedWorkers
from tuireader.ui.text import clean_line

# The option that leaves a feed: the whole library again.
ALL_FEEDS = "all"


def describe(feed: Feed) -> Content:
    """One line of the picker: name, unread of articles, and the state of its last refresh."""
    name = clean_line(feed.display_name) or clean_line(feed.url)
    parts: list[tuple[str, str] | str] = [(name, "bold" if feed.unread else "")]
    parts += ["  ", (f"{feed.unread:,} unread", "$text-primary" if feed.unread else "$text-muted")]
    parts += [(f" of {feed.articles:,}", "$text-muted")]
    if feed.status == "error":
        parts += ["  ", (f"error: {clean_line(feed.error or 'unknown')}", "$text-error")]
    elif feed.status == "new":
        parts += ["  ", ("not refreshed yet", "$text-muted")]
    return Content.assemble(*parts)


class FeedsScreen(ReportsFailedWorkers, ModalScreen[int | str | None]):
    """The subscriptions with their unread counts; dismisses with a feed id, ALL_FEEDS, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,4", "cancel", "Close", id="feeds.cancel", tooltip="Close the feeds list"),
    ]
    DEFAULT_CSS = """
    #feeds-dialog { width: 90%; max-width: 100; height: auto; max-height: 80%; }
    #feeds-list { height: auto; max-height: 20; }
    """

    class FeedsRead(Message):
        bubble = False

        def __init__(self, feeds: list[Feed]) -> None:
            super().__init__()
            self.feeds = feeds

    def __init__(self, library: Library, current: int | None) -> None:
        super().__init__()
        self.library = library
        self.current = current
        self.feeds: list[Feed] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="feeds-dialog"):
            yield Static("Feeds", classes="dialog-title", markup=False)
            yield OptionList(Option(Content("Reading the feeds…"), disabled=True), id="feeds-list")
            yield Static("enter: show its articles · R: refresh · escape: close", classes="dialog-note", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.reload()

    def reload(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def _read(self) -> None:
        self.post_message(self.FeedsRead(self.library.feeds()))

    def on_feeds_screen_feeds_read(self, event: FeedsRead) -> None:
        self.feeds = event.feeds
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted_option
        keep = highlighted.id if highlighted is not None else None
        option_list.clear_options()
        if not event.feeds:
            option_list.add_option(
                Option(Content("No subscriptions yet. Add one with: tuireader subscribe URL"), disabled=True)
            )
            return
        total = sum(f.unread for f in event.feeds)
        option_list.add_option(Option(Content(f"All articles  ({total:,} unread in feeds)"), id=ALL_FEEDS))
        option_list.add_options(Option(describe(f), id=f"f:{f.id}") for f in event.feeds)
        wanted = keep if keep and keep != ALL_FEEDS else (f"f:{self.current}" if self.current else None)
        ids = [ALL_FEEDS, *(f"f:{f.id}" for f in event.feeds)]
        option_list.highlighted = ids.index(wanted) if wanted in ids else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id == ALL_FEEDS:
            self.dismiss(ALL_FEEDS)
        elif option_id and option_id.startswith("f:"):
            self.dismiss(int(option_id[2:]))

    def action_cancel(self) -> None:
        self.dismiss(None)
