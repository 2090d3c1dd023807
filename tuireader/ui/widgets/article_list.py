"""The article list: one line per article, drawn with the Line API.

Only the visible rows are drawn, and rows are fetched from a ``RowSource`` a
page at a time (a small LRU cache keeps recent pages), so a list of 100,000
articles opens as fast as a list of 10.

Pages are read off the event loop: ``show_rows`` takes the pages around the
cursor read with the count (``pages_around``, in the caller's worker), and as
the list scrolls, the pages within half a page of the rows shown are read
ahead by a thread worker (``PageRead``). Only a row needed at once that no
read has brought yet (a jump to the far end) is read on the spot.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import ClassVar, Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tuireader.library.listing import is_section_name
from tuireader.model import ArticleSummary
from tuireader.ui.text import clean_line, short_date


class RowSource(Protocol):
    """Where the list's rows come from (a view of the library, or a fixed list)."""

    def count(self) -> int: ...

    def fetch(self, offset: int, limit: int) -> list[ArticleSummary]: ...

    def index_of(self, article_id: int) -> int | None: ...


class EmptySource:
    def count(self) -> int:
        return 0

    def fetch(self, offset: int, limit: int) -> list[ArticleSummary]:
        return []

    def index_of(self, article_id: int) -> int | None:
        return None


def fit(text: str, width: int) -> str:
    """Exactly ``width`` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


# From this width the list shows each article's source (the site) too.
SOURCE_COLUMN_MIN_WIDTH = 64


class ArticleList(ScrollView, can_focus=True):
    """Date, section, title, unread and bookmark marks; newest first."""

    PAGE_SIZE: ClassVar[int] = 100
    CACHE_PAGES: ClassVar[int] = 32

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("enter", "open", "Open", id="list.open", tooltip="Read the article"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup,shift+space", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("g,home", "top", "Top", show=False, id="list.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="list.bottom"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--date",
        "article-list--section",
        "article-list--source",
        "article-list--unread",
        "article-list--read",
        "article-list--bookmark",
        "article-list--empty",
    }

    DEFAULT_CSS = """
    ArticleList {
        height: 1fr;
        & > .article-list--cursor { background: $primary 20%; }
        &:focus > .article-list--cursor { background: $primary 40%; }
        & > .article-list--date { color: $text-muted; }
        & > .article-list--section { color: $text-secondary; }
        & > .article-list--source { color: $text-muted; }
        & > .article-list--unread { text-style: bold; }
        & > .article-list--read { color: $text-muted; }
        & > .article-list--bookmark { color: $text-accent; }
        & > .article-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=False, init=False)

    class Highlighted(Message):
        """The cursor rests on an article."""

        def __init__(self, article_list: ArticleList, article_id: int, index: int) -> None:
            super().__init__()
            self.article_list = article_list
            self.article_id = article_id
            self.index = index

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class PageRead(Message):
        """A page of rows read ahead by a worker (for this list alone)."""

        bubble = False

        def __init__(self, shown: int, page_no: int, rows: list[ArticleSummary]) -> None:
            super().__init__()
            self.shown = shown  # which ``show_rows`` it was read for
            self.page_no = page_no
            self.rows = rows

    class Opened(Message):
        """The user asked to read an article (enter or a click)."""

        def __init__(self, article_list: ArticleList, article_id: int) -> None:
            super().__init__()
            self.article_list = article_list
            self.article_id = article_id

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(
        self,
        source: RowSource | None = None,
        empty_message: str = "No articles.",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._source: RowSource = source or EmptySource()
        self._count = 0
        self._pages: OrderedDict[int, list[ArticleSummary]] = OrderedDict()
        self._where: dict[int, int] = {}  # article id -> row, for the rows fetched
        # Marks changed on screen whose writes may not be in the library yet: they win over fetched rows.
        self._overrides: dict[int, dict[str, bool | str | None]] = {}
        self._asked: set[int] = set()  # pages being read ahead
        self._shown = 0  # +1 on each show_rows: a page read for an earlier one is dropped
        self.empty_message = empty_message
        self.fetches = 0  # pages fetched from the source, for tests and benchmarks

    # -- data ---------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return self._count

    @classmethod
    def pages_around(cls, source: RowSource, index: int | None) -> dict[int, list[ArticleSummary]]:
        """The pages a list with its cursor on row ``index`` shows first (read in a worker, for ``show_rows``)."""
        center = index or 0
        numbers = {max(0, center - cls.PAGE_SIZE // 2) // cls.PAGE_SIZE, (center + cls.PAGE_SIZE // 2) // cls.PAGE_SIZE}
        return {n: source.fetch(n * cls.PAGE_SIZE, cls.PAGE_SIZE) for n in sorted(numbers)}

    def show_rows(
        self,
        source: RowSource,
        count: int,
        index: int | None,
        *,
        keep_overrides: bool = True,
        pages: dict[int, list[ArticleSummary]] | None = None,
    ) -> None:
        """Show ``count`` rows of ``source`` (counted off the event loop); the cursor on row ``index``.

        Without an ``index`` (the article it was on is gone) the cursor stays on
        the same row number. ``keep_overrides=False`` forgets marks changed on
        screen (once the library holds them). ``pages`` are rows already read
        (``pages_around``).
        """
        self._source = source
        self._shown += 1
        self._pages.clear()
        self._where.clear()
        self._asked.clear()
        if not keep_overrides:
            self._overrides.clear()
        for page_no, rows in (pages or {}).items():
            self._install(page_no, list(rows))
        self._count = max(0, count)
        self.virtual_size = Size(self.size.width, self._count)
        target = index if index is not None else min(self.cursor, max(0, self._count - 1))
        self.set_reactive(ArticleList.cursor, target)
        self._scroll_cursor_visible(center=True)
        self.refresh()
        self._post_highlighted()
        self._read_ahead()

    def row(self, index: int) -> ArticleSummary | None:
        if not 0 <= index < self._count:
            return None
        page_no, offset = divmod(index, self.PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:  # needed now and not read ahead (a jump): read on the spot
            page = self._install(page_no, self._source.fetch(page_no * self.PAGE_SIZE, self.PAGE_SIZE))
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def _install(self, page_no: int, page: list[ArticleSummary]) -> list[ArticleSummary]:
        self.fetches += 1
        for i, summary in enumerate(page):
            if summary.id in self._overrides:
                page[i] = replace(summary, **self._overrides[summary.id])  # type: ignore[arg-type]
            self._where[summary.id] = page_no * self.PAGE_SIZE + i
        self._pages[page_no] = page
        while len(self._pages) > self.CACHE_PAGES:
            self._pages.popitem(last=False)
        return page

    def _read_ahead(self) -> None:
        """Read the pages within half a page of the rows shown that are not cached, in a worker."""
        height = self.scrollable_content_region.height or self.size.height
        top = round(self.scroll_y)
        first = max(0, top - self.PAGE_SIZE // 2) // self.PAGE_SIZE
        last = min(self._count - 1, top + height + self.PAGE_SIZE // 2) // self.PAGE_SIZE
        for page_no in range(first, last + 1):
            if page_no not in self._pages and page_no not in self._asked:
                self._asked.add(page_no)
                self._read_page(self._source, self._shown, page_no)

    @work(thread=True, group="list-pages", exit_on_error=False)
    def _read_page(self, source: RowSource, shown: int, page_no: int) -> None:
        rows = source.fetch(page_no * self.PAGE_SIZE, self.PAGE_SIZE)
        self.post_message(self.PageRead(shown, page_no, rows))

    def on_article_list_page_read(self, event: PageRead) -> None:
        event.stop()
        if event.shown != self._shown:
            return  # read for rows shown before (another view, or before the library changed)
        self._asked.discard(event.page_no)
        if event.page_no not in self._pages:
            self._install(event.page_no, event.rows)
            self.refresh()

    @property
    def current(self) -> ArticleSummary | None:
        return self.row(self.cursor)

    @property
    def current_id(self) -> int | None:
        summary = self.current
        return summary.id if summary else None

    def cached(self, article_id: int) -> ArticleSummary | None:
        """The row of ``article_id`` if it has been fetched (nothing is asked of the library)."""
        index = self._where.get(article_id)
        if index is None:
            return None
        row = self.row(index)
        return row if row is not None and row.id == article_id else None

    def cached_index(self, article_id: int) -> int | None:
        """Where ``article_id`` is, if its row has been fetched."""
        return self._where.get(article_id) if self.cached(article_id) is not None else None

    def update_article(self, article_id: int, **changes: bool | str | None) -> None:
        """Change the marks (read, bookmarked, note) of one article on screen and redraw."""
        self._overrides.setdefault(article_id, {}).update(changes)
        for page in self._pages.values():
            for i, summary in enumerate(page):
                if summary.id == article_id:
                    page[i] = replace(summary, **changes)  # type: ignore[arg-type]
        self.refresh()

    # -- cursor -------------------------------------------------------------

    def forget_overrides(self) -> None:
        """Marks changed on screen are in the library now (a change to many rows at once): read them again."""
        self._overrides.clear()
        self._pages.clear()
        self._where.clear()
        self.refresh()

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self._count - 1)) if self._count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_visible()
        self.refresh()
        self._post_highlighted()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._count:
            self._read_ahead()

    def _post_highlighted(self) -> None:
        summary = self.current
        if summary is not None:
            self.post_message(self.Highlighted(self, summary.id, self.cursor))

    def _scroll_cursor_visible(self, center: bool = False) -> None:
        height = self.scrollable_content_region.height or self.size.height
        if height <= 0:
            return
        top = round(self.scroll_y)
        if center and not (top <= self.cursor < top + height):
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False, immediate=True)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self._count)
        self._scroll_cursor_visible(center=True)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_top(self) -> None:
        self.cursor = 0

    def action_bottom(self) -> None:
        self.cursor = self._count - 1

    def action_open(self) -> None:
        summary = self.current
        if summary is not None:
            self.post_message(self.Opened(self, summary.id))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        index = round(self.scroll_y) + event.y
        if not 0 <= index < self._count:
            return
        if index == self.cursor or event.chain >= 2:
            self.cursor = index
            self.action_open()
        else:
            self.cursor = index

    # -- drawing ------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        index = round(self.scroll_y) + y
        base = self.rich_style
        if self._count == 0:
            if y == 1:
                style = base + self.get_component_rich_style("article-list--empty")
                return Strip([Segment(fit("  " + self.empty_message, width), style)], width)
            return Strip.blank(width, base)
        summary = self.row(index)
        if summary is None:
            return Strip.blank(width, base)
        return self._render_row(summary, width, base, index == self.cursor)

    def _render_row(self, summary: ArticleSummary, width: int, base: Style, is_cursor: bool) -> Strip:
        def component(name: str) -> Style:
            # Partial: colour and text style only, so the row's background shows through.
            return self.get_component_rich_style(name, partial=True)

        if is_cursor:
            base = base + self.get_component_rich_style("article-list--cursor")
        read_style = component("article-list--read" if summary.read else "article-list--unread")
        unread_mark = " " if summary.read else "●"
        bookmark_mark = "★" if summary.bookmarked else " "
        date = fit(short_date(summary.published) or "", 10)
        section_width = 0 if width < 44 else min(14, max(9, width // 6))
        source_width = 0 if width < SOURCE_COLUMN_MIN_WIDTH else min(16, max(9, width // 7))
        title_width = width - 3 - 11 - (section_width + 1 if section_width else 0) - 1
        title_width -= source_width + 1 if source_width else 0
        segments = [
            Segment(" ", base),
            Segment(unread_mark, base + component("article-list--unread")),
            Segment(bookmark_mark, base + component("article-list--bookmark")),
            Segment(" " + date, base + component("article-list--date")),
        ]
        if source_width:
            source = fit(clean_line(summary.source), source_width)
            segments.append(Segment(" " + source, base + component("article-list--source")))
        if section_width:
            name = summary.section if summary.section and is_section_name(summary.section) else ""
            section = fit(clean_line(name), section_width)
            segments.append(Segment(" " + section, base + component("article-list--section")))
        title = clean_line(summary.title) or "(untitled)"
        note = clean_line(summary.note) if summary.bookmarked else ""
        # A bookmark's note follows its title (the title keeps at least 3/5 of the room).
        shown = min(cell_len(title), max(title_width * 3 // 5, title_width - cell_len(note) - 3))
        if note and title_width - shown >= 8:
            segments.append(Segment(" " + fit(title, shown), base + read_style))
            note_style = base + component("article-list--date")
            segments.append(Segment(fit(" — " + note, title_width - shown), note_style))
        else:
            segments.append(Segment(" " + fit(title, title_width), base + read_style))
        segments.append(Segment(" ", base))
        return Strip(segments).adjust_cell_length(width, base)
