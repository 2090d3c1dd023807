"""Full-text search: live results from the library as the user types.

The screen shows one page of results at a time and how many there are in all
("50 of 312"); a last row loads the next page when the cursor reaches it (or
enter on it). It dismisses with a ``SearchChoice`` (the article, the query and
the cursor), so the main screen can bring the same results back on ``escape``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
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

from tuireader.library.errors import BadQuery
from tuireader.model import SearchHit, SearchResults
from tuireader.ui.failures import ReportsFailedWorkers
from tuireader.ui.protocols import LibraryAPI
from tuireader.ui.text import clean_line, short_date

_MATCH = re.compile(r"\[\[(.*?)\]\]")

# Results read at a time.
PAGE = 50
MORE_ID = "more"


@dataclass(frozen=True)
class SearchChoice:
    """The result opened: its article, the query and the cursor's row among the results."""

    article_id: int
    query: str
    index: int


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


def more_prompt(shown: int, total: int) -> Content:
    left = total - shown
    return Content.styled(f"▾ {min(PAGE, left):,} more of the {left:,} left (enter or ↓)", "italic $text-muted")


def status_text(query: str, shown: int, total: int, completed: bool) -> str:
    if not query.strip():
        return "Type to search titles and stories."
    if not total:
        return f"Nothing found for “{clean_line(query)}”."
    counted = f"{total:,} result{'s' if total != 1 else ''}" if shown >= total else f"{shown:,} of {total:,} results"
    if completed:
        counted += " (the last word completed)"
    return f"{counted} — enter opens, ↑/↓ choose, escape leaves"


class SearchScreen(ReportsFailedWorkers, ModalScreen[SearchChoice | None]):
    """Type to search; enter opens the highlighted result; escape leaves."""

    DEBOUNCE = 0.15

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Leave search", id="search.leave"),
        Binding("down", "results_down", "Next result", show=False, id="search.down"),
        Binding("up", "results_up", "Previous result", show=False, id="search.up"),
        Binding("pagedown", "results_page(1)", "Next page", show=False, id="search.page_down"),
        Binding("pageup", "results_page(-1)", "Previous page", show=False, id="search.page_up"),
        Binding("enter", "open_result", "Open", id="search.open", priority=True),
    ]

    class Results(Message):
        """A page of hits for ``query`` (posted by the search worker; shown by the screen).

        ``error``: why the query cannot be searched (BadQuery's reason).
        """

        bubble = False

        def __init__(self, query: str, results: SearchResults, error: str = "", cursor: int | None = None) -> None:
            super().__init__()
            self.query = query
            self.results = results
            self.hits = results.hits
            self.error = error
            self.cursor = cursor

    def __init__(self, library: LibraryAPI, query: str = "", cursor: int = 0) -> None:
        super().__init__()
        self.library = library
        self.initial_query = query
        self.initial_cursor = cursor
        self.query_text = ""  # the query of the results shown
        self.hits: list[SearchHit] = []
        self.total = 0
        self._loading_more = False
        self._asked = ""  # the query last searched for
        self.typed = query  # what the search field holds

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield Input(value=self.initial_query, placeholder="Search all articles…", id="search-input")
            yield Static("Type to search titles and stories.", id="search-status", markup=False)
            yield OptionList(id="search-results")

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    def on_mount(self) -> None:
        search_input = self.query_one(Input)
        search_input.focus()
        search_input.select_all()  # the last query, ready to be typed over
        if self.initial_query.strip():
            # Enough pages to bring back the row the cursor was on.
            pages = self.initial_cursor // PAGE + 1
            self._ask(self.initial_query, 0, pages * PAGE, self.initial_cursor, debounce=False)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.typed = event.value
        if event.value == self._asked:
            return  # this query's results are shown or on their way
        self._ask(event.value, 0, PAGE, None)

    def _ask(self, query: str, offset: int, limit: int, cursor: int | None, debounce: bool = True) -> None:
        if offset == 0:
            self._asked = query
        self._search(query, offset, limit, cursor, debounce)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, query: str, offset: int, limit: int, cursor: int | None, debounce: bool = True) -> None:
        if debounce:
            time.sleep(self.DEBOUNCE)
        if get_current_worker().is_cancelled:
            return
        error = ""
        results = SearchResults([], 0, offset)
        if query.strip():
            try:
                results = self.library.search_page(query, limit=limit, offset=offset)
            except BadQuery as exc:
                error = str(exc)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Results(query, results, error, cursor))

    @on(Results)
    def _show_hits(self, event: Results) -> None:
        query, results = event.query, event.results
        appending = results.offset > 0
        self._loading_more = False
        if appending and (query != self.query_text or results.offset != len(self.hits)):
            return  # a page for results no longer shown
        option_list = self.results
        on_more = appending and option_list.highlighted == len(self.hits)
        if not appending:
            self.hits = []
            option_list.clear_options()
        elif option_list.option_count > len(self.hits):
            option_list.remove_option(MORE_ID)
        self.query_text = query
        self.hits = self.hits + results.hits
        self.total = max(results.total, len(self.hits))
        option_list.add_options(Option(hit_prompt(h)) for h in results.hits)
        if len(self.hits) < self.total:
            option_list.add_option(Option(more_prompt(len(self.hits), self.total), id=MORE_ID))
        if not appending and self.hits:
            option_list.highlighted = min(event.cursor or 0, len(self.hits) - 1)
        elif on_more:
            option_list.highlighted = results.offset  # the first of the new rows
        status = self.query_one("#search-status", Static)
        if event.error:
            status.update(Content(f"Cannot search: {clean_line(event.error)}"))
        else:
            status.update(Content(status_text(query, len(self.hits), self.total, results.completed_last_word)))

    def load_more(self) -> None:
        """Read the next page of the results shown."""
        if self._loading_more or len(self.hits) >= self.total:
            return
        self._loading_more = True
        self._ask(self.query_text, len(self.hits), PAGE, None, debounce=False)

    @on(OptionList.OptionHighlighted, "#search-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id == MORE_ID:
            self.load_more()

    def action_results_down(self) -> None:
        self.results.action_cursor_down()

    def action_results_up(self) -> None:
        self.results.action_cursor_up()

    def action_results_page(self, direction: int) -> None:
        if direction > 0:
            self.results.action_page_down()
        else:
            self.results.action_page_up()

    def _choose(self, index: int | None) -> None:
        if index is None:
            return
        if index < len(self.hits):
            self.dismiss(SearchChoice(self.hits[index].id, self.query_text, index))
        else:
            self.load_more()

    def action_open_result(self) -> None:
        self._choose(self.results.highlighted)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def action_leave(self) -> None:
        self.dismiss(None)
