"""Full-text search: live results from the library as the user types."""

from __future__ import annotations

import re
import time
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tuireader.model import SearchHit
from tuireader.ui.failures import ReportsFailedWorkers
from tuireader.ui.protocols import LibraryAPI
from tuireader.ui.text import clean_line, short_date

_MATCH = re.compile(r"\[\[(.*?)\]\]")


def snippet_content(snippet: str) -> Content:
    """The library marks matches with [[ ]]; show them highlighted, everything else as plain text."""
    parts: list[tuple[str, str] | str] = []
    position = 0
    text = clean_line(snippet)
    for match in _MATCH.finditer(text):
        if match.start() > position:
            parts.append(text[position : match.start()])
        parts.append((match.group(1), "bold $text-accent"))
        position = match.end()
    parts.append(text[position:])
    return Content.assemble(*parts)


def hit_prompt(hit: SearchHit) -> Content:
    meta = " · ".join(x for x in (clean_line(hit.section), short_date(hit.published)) if x)
    lines = [Content.styled(clean_line(hit.title) or "(untitled)", "bold")]
    second = Content.assemble((meta, "$text-muted"), "  " if meta else "", snippet_content(hit.snippet))
    lines.append(second)
    return Content("\n").join(lines)


class SearchScreen(ReportsFailedWorkers, ModalScreen[int | None]):
    """Type to search; enter opens the highlighted result; escape leaves."""

    DEBOUNCE = 0.15

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Leave search", id="search.leave"),
        Binding("down", "results_down", "Next result", show=False, id="search.down"),
        Binding("up", "results_up", "Previous result", show=False, id="search.up"),
        Binding("enter", "open_result", "Open", id="search.open", priority=True),
    ]

    class Results(Message):
        """The hits for ``query`` (posted by the search worker; shown by the screen)."""

        def __init__(self, query: str, hits: list[SearchHit]) -> None:
            super().__init__()
            self.query = query
            self.hits = hits

    def __init__(self, library: LibraryAPI, query: str = "") -> None:
        super().__init__()
        self.library = library
        self.initial_query = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield Input(value=self.initial_query, placeholder="Search all articles…", id="search-input")
            yield Static("Type to search titles and stories.", id="search-status", markup=False)
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.initial_query:
            self._search(self.initial_query)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str) -> None:
        time.sleep(self.DEBOUNCE)
        if get_current_worker().is_cancelled:
            return
        hits = self.library.search(query, limit=50) if query.strip() else []
        if not get_current_worker().is_cancelled:
            self.post_message(self.Results(query, hits))

    @on(Results)
    def _show_hits(self, event: Results) -> None:
        query, hits = event.query, event.hits
        self.hits = hits
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options(Option(hit_prompt(h)) for h in hits)
        if hits:
            results.highlighted = 0
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update("Type to search titles and stories.")
        elif hits:
            status.update(
                Content(f"{len(hits)} result{'s' if len(hits) != 1 else ''} — enter opens, ↑/↓ choose, escape leaves")
            )
        else:
            status.update(Content(f"Nothing found for “{clean_line(query)}”."))

    def action_results_down(self) -> None:
        self.query_one("#search-results", OptionList).action_cursor_down()

    def action_results_up(self) -> None:
        self.query_one("#search-results", OptionList).action_cursor_up()

    def action_open_result(self) -> None:
        index = self.query_one("#search-results", OptionList).highlighted
        if index is not None and index < len(self.hits):
            self.dismiss(self.hits[index].id)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.hits):
            self.dismiss(self.hits[event.option_index].id)

    def action_leave(self) -> None:
        self.dismiss(None)
