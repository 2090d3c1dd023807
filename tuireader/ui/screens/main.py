"""The main screen: the article list and the story side by side (one at a time when narrow).

How it works, at a glance
-------------------------

**One current article.** ``self.article_id`` names the article the screen is
about: the one being loaded or the one shown. The story view shows it once it
has arrived (``self.story.article``); until then the mode is ``LOADING``.
``u``, ``b``, ``n``/``p`` and ``escape`` act on ``article_id`` while reading
and on the highlighted row in the list.

**Modes** (``Mode``), changed only by the transitions in the "transitions"
section (``_open``, ``_arrived``, ``_set_mode``)::

    LIST ──enter / n / p / search / teaser──► LOADING ──story shown──► READING ──r / tab──► TEASERS
     ▲   (wide: highlighting previews the story      │                   │   ◄──escape──────┘
     │    beside the list, the mode stays LIST)     escape              escape
     └───────────────────────────────────────────────┴───────────────────┘

**Reads off the event loop.** Everything that asks the library more than one
cheap row runs in a thread worker (``@work(thread=True, exclusive=True,
exit_on_error=False)``) that posts its result as a message (a failure is
reported by ``tuireader.ui.failures``): ``Fetched`` (an
article and its reading position), ``ListLoaded`` (a view's count and where the
cursor goes), ``Located`` (where an article asked for by id is). A result for an
article or list no longer wanted is dropped; messages to a screen that is gone
are never delivered. The list's own rows are read a page (100 rows) at a time
as they scroll into view.

**Writes in order.** Every change (read marks, bookmarks, positions, settings)
goes to the app's ``LibraryWriter`` (``tuireader.ui.writer``) the moment the key
is pressed, so the library applies them in key order; a failure comes back as a
notification naming what was not saved.

**A live library.** When another process changes the library, the writer
notices (``PRAGMA data_version``) and the app calls ``library_changed``: the
count and the list are re-read in place, the cursor stays on the same article
(by id) and the open story stays where it is.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Markdown, Static
from textual.worker import get_current_worker

from tuireader.model import Article, ArticleSummary, Teaser
from tuireader.ui.failures import ReportsFailedWorkers
from tuireader.ui.feeds import FeedView
from tuireader.ui.links import SCHEMES, Link
from tuireader.ui.screens.article_files import ArticleFiles
from tuireader.ui.screens.browsing import Browsing, browsing_status, restored_view
from tuireader.ui.screens.dialogs import ConfirmScreen, TeaserInfoScreen
from tuireader.ui.screens.history import History, Place
from tuireader.ui.screens.links import LinkAction, LinkScreen
from tuireader.ui.screens.marks import Marks
from tuireader.ui.screens.search import SearchChoice, SearchScreen
from tuireader.ui.sources import VIEWS, LibraryView
from tuireader.ui.text import clean_block, clean_line
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.find_bar import FindBar, StoryFinder
from tuireader.ui.widgets.key_footer import KeyFooter
from tuireader.ui.widgets.story_view import StoryView
from tuireader.ui.widgets.teaser_panel import TeaserList, TeaserPanel

if TYPE_CHECKING:
    from tuireader.ui.app import ReaderApp
    from tuireader.ui.protocols import LibraryAPI

# Below this width the list and the story are shown one at a time.
WIDE_MIN_WIDTH = 100
# Holding a key in the list previews only where the cursor stops.
PREVIEW_DELAY = 0.1

M = TypeVar("M", bound=Message)

EMPTY_MESSAGES = {
    "all": "The library is empty. Import articles with: tuireader PATH…",
    "unread": "Nothing unread. Press 1 to see all articles.",
    "bookmarks": "No bookmarks yet. Press b on an article to keep it here.",
}


def _while_shown(handler: Callable[[MainScreen, M], None]) -> Callable[[MainScreen, M], None]:
    """A worker's result that arrives while the screen is being taken down has nowhere to go."""

    @functools.wraps(handler)
    def run(self: MainScreen, event: M) -> None:
        with contextlib.suppress(NoMatches):
            handler(self, event)

    return run


class Mode(Enum):
    LIST = "list"  # the list has the focus (when wide, the current article is previewed beside it)
    LOADING = "loading"  # an article was asked for to read and is on its way
    READING = "reading"  # the story has the focus
    TEASERS = "teasers"  # the teaser cards have the focus


class MainScreen(ArticleFiles, Browsing, ReportsFailedWorkers, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="search", tooltip="Full-text search (live results; escape leaves)"),
        Binding("b", "toggle_bookmark", "Bookmark", id="article.bookmark", tooltip="Bookmark / remove the bookmark"),
        Binding("B", "edit_note", "Note", show=False, id="article.note", tooltip="Write or edit the bookmark's note"),
        Binding(
            "ctrl+f", "find", "Find", show=False, id="article.find", tooltip="Find in the article (n/N: next/previous)"
        ),
        Binding(
            "N", "find_previous", "Previous match", show=False, id="find.previous", tooltip="Previous match (find)"
        ),
        Binding("l", "links", "Links", show=False, id="article.links", tooltip="The story's links: open, copy, read"),
        Binding("z", "undo", "Undo", show=False, id="undo", tooltip="Undo the last change of marks, bookmarks, notes"),
        Binding("u", "toggle_read", "Read/unread", show=False, id="article.read", tooltip="Mark read / unread"),
        # The list's enter (remapped with it), for an enter typed right after escape while the story keeps the focus.
        Binding("enter", "open_highlighted", "Open", show=False, id="list.open", system=True),
        Binding("n", "next_article", "Next", id="article.next", tooltip="Next article (while reading)"),
        Binding("p", "previous_article", "Prev", id="article.previous", tooltip="Previous article (while reading)"),
        Binding("r", "teasers", "Teasers", id="article.teasers", tooltip="Jump to the teasers (related articles)"),
        Binding(
            "o",
            "open_url",
            "Browser",
            id="article.browser",
            tooltip="Open the article's web address in the browser (asks first)",
        ),
        Binding(
            "escape,backspace",
            "back",
            "Back",
            id="back",
            tooltip="Back: teasers → story → the article before (at its place) → list",
        ),
        Binding("1", "view('all')", "All", show=False, id="view.all", tooltip="Show all articles"),
        Binding("2", "view('unread')", "Unread", show=False, id="view.unread", tooltip="Show unread articles"),
        Binding("3", "view('bookmarks')", "Bookmarks", show=False, id="view.bookmarks", tooltip="Show bookmarks"),
        Binding("f", "pick_section", "Section", show=False, id="section", tooltip="Show only one section"),
        Binding("F", "pick_source", "Source", show=False, id="source", tooltip="Show only one source (site)"),
        Binding("h", "toggle_hide_read", "Hide read", show=False, id="view.hide_read", tooltip="Hide / show read"),
        Binding("S", "toggle_sort", "Sort", show=False, id="view.sort", tooltip="Sort by date / by source"),
        Binding("A", "mark_all_read", "All read", show=False, id="view.mark_read", tooltip="Mark all in view read"),
        Binding("J", "next_unread", "Next unread", show=False, id="article.next_unread", tooltip="Next unread article"),
        Binding("s", "save_article", "Save", show=False, id="article.save", tooltip="Save as markdown (save_path)"),
        Binding(
            "vertical_line",
            "pipe_article",
            "Pipe",
            show=False,
            id="article.pipe",
            key_display="|",
            tooltip="Pipe the article (markdown) to a command",
        ),
        Binding("4", "app.feeds", "Feeds", show=False, id="view.feeds", tooltip="Feeds: unread counts, show one feed"),
        Binding(
            "tab", "cycle_focus(1)", "Next pane", show=False, id="focus.next", tooltip="Cycle list, story, teasers"
        ),
        Binding(
            "shift+tab", "cycle_focus(-1)", "Previous pane", show=False, id="focus.previous", tooltip="Cycle backwards"
        ),
    ]

    # -- results of the workers, posted to the screen ------------------------

    class Fetched(Message):
        """An article (None: no longer stored) and its stored reading position."""

        bubble = False  # for this screen alone

        def __init__(self, article_id: int, article: Article | None, position: float) -> None:
            super().__init__()
            self.article_id = article_id
            self.article = article
            self.position = position

    class ListLoaded(Message):
        """A view's row count and where its cursor goes (``index`` of ``keep_id``, or None)."""

        bubble = False  # for this screen alone

        def __init__(
            self,
            source: LibraryView,
            count: int,
            keep_id: int | None,
            index: int | None,
            refresh: bool = False,
            pages: dict[int, list[ArticleSummary]] | None = None,
        ) -> None:
            super().__init__()
            self.source = source
            self.count = count
            self.keep_id = keep_id
            self.index = index
            self.refresh = refresh  # re-read because another process changed the library
            self.pages = pages or {}  # the list's first rows around the cursor (ArticleList.pages_around)

    class Located(Message):
        """Where an article asked for by id is: in the view shown (``index``), in "all", or nowhere."""

        bubble = False  # for this screen alone

        def __init__(
            self,
            article_id: int,
            source: LibraryView | None,
            count: int,
            index: int | None,
            pages: dict[int, list[ArticleSummary]] | None = None,
        ) -> None:
            super().__init__()
            self.article_id = article_id
            self.source = source
            self.count = count
            self.index = index
            self.pages = pages or {}  # with a source: its rows around the article

    def __init__(self) -> None:
        super().__init__()
        self.view = "all"
        self.section: str | None = None
        self.mode = Mode.LIST
        self.article_id: int | None = None  # the current article: being loaded, or shown
        self._focus_on_arrival = False  # LOADING: the story takes the focus once shown
        self._positions: dict[int, float] = {}  # reading positions as last shown or saved
        self._source: LibraryView | None = None
        self._last_teaser: Teaser | None = None  # the teaser whose article is being located
        self._preview_timer: asyncio.TimerHandle | None = None
        self._refreshing = False  # a re-read after another process's change is running
        self._refresh_again = False  # and another change came meanwhile
        self.marks = Marks(self)  # b, B, z: bookmarks with notes, undo
        self.history = History()  # the articles jumped from, for escape
        self._returning: Place | None = None  # going back: the place to show the article at
        self._before_teasers: float | None = None  # where the story was when the teasers took the focus
        self._finder: StoryFinder | None = None  # ctrl+f: the matches in the story
        self.last_query: str | None = None  # what / searched for last, offered again (None: not read yet)
        self._from_search: SearchChoice | None = None  # the result being read: escape goes back to it

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    @property
    def library(self) -> LibraryAPI:
        return self.reader.library

    def compose(self) -> ComposeResult:
        yield Static(id="status", markup=False)
        with Horizontal(id="panes"):
            with Vertical(id="list-pane"):
                yield ArticleList(id="articles")
            with Vertical(id="reader-pane"):
                yield Static(
                    Content("Choose an article and press enter to read it."),
                    id="story-placeholder",
                )
                yield StoryView(id="story")
        yield KeyFooter(compact=True, show_command_palette=False)

    # -- widgets ------------------------------------------------------------

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def story(self) -> StoryView:
        return self.query_one(StoryView)

    @property
    def teaser_panel(self) -> TeaserPanel:
        return self.query_one(TeaserPanel)

    @property
    def shown(self) -> Article | None:
        """The article on screen when it is the current one (not while another is loading)."""
        article = self.story.article
        return article if article is not None and article.id == self.article_id else None

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    @property
    def reading(self) -> bool:
        return self.mode in (Mode.READING, Mode.TEASERS)

    # -- start --------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_class(self.size.width < WIDE_MIN_WIDTH, "-narrow")
        self.story.set_reading_width(self.reader.config.reading_width)
        if self.reader.welcome:  # where the story will be, not in a toast over it
            self.query_one("#story-placeholder", Static).update(Content(self.reader.welcome))
        self.article_list.focus()
        self._update_status()
        self._start()

    @work(thread=True, exclusive=True, group="list", exit_on_error=False)
    def _start(self) -> None:
        """Restore the view, section and last article; read the list's count."""
        library = self.library
        view = library.get_setting("view", "all") or "all"
        view = view if view in VIEWS else "all"
        section = library.get_setting("section")
        if section and library.count(view, section) == 0:
            section = None
        last = library.get_setting("last_article")
        last_id = int(last) if last and last.isdigit() else None
        self._post_list(restored_view(library, view, section), last_id)

    def _post_list(self, source: LibraryView, keep_id: int | None, refresh: bool = False) -> None:
        """In a worker: count ``source`` and find ``keep_id`` in it; post the result."""
        count = source.count()
        index = source.index_or_next(keep_id) if keep_id is not None else None
        pages = ArticleList.pages_around(source, index) if count else {}
        if not get_current_worker().is_cancelled:
            self.post_message(self.ListLoaded(source, count, keep_id, index, refresh, pages))

    @on(ListLoaded)
    @_while_shown
    def _list_loaded(self, event: ListLoaded) -> None:
        article_list = self.article_list
        first = self._source is None
        moved = event.keep_id is not None and article_list.current_id not in (event.keep_id, None)
        if event.refresh:
            self._refreshing = False
            again, self._refresh_again = self._refresh_again, False
            if moved or event.source != self._source:
                self.library_changed()  # the cursor or the view changed meanwhile: read again
                return
            if again:
                self.library_changed()  # changed again meanwhile: show this one, read again
        elif not first and moved:
            # The cursor moved meanwhile: follow it, in the newest view a key asked for (h, S, f, F pressed
            # fast build on each other; re-reading this older one would cancel the newer one's read).
            newest = self._asked_view if self._asked_view is not None else event.source
            self._reload_list(article_list.current_id, newest)
            return
        if event.source == self._asked_view:
            self._asked_view = None  # shown now
        self._source = event.source
        self.view, self.section = event.source.view, event.source.section
        article_list.empty_message = EMPTY_MESSAGES[self.view]
        article_list.show_rows(
            event.source, event.count, event.index, keep_overrides=not self.reader.writer.idle, pages=event.pages
        )
        self._update_status()
        if first and event.index is not None and event.keep_id is not None:
            self._open(event.keep_id, focus=False, mark_read=False)

    def _reload_list(self, keep_id: int | None, source: LibraryView | None = None) -> None:
        self._load_list(source or self._source or LibraryView(self.library, self.view, self.section), keep_id)

    @work(thread=True, exclusive=True, group="list", exit_on_error=False)
    def _load_list(self, source: LibraryView, keep_id: int | None) -> None:
        self._post_list(source, keep_id)

    def library_changed(self) -> None:
        """Another process changed the library: re-read the count and the list, cursor kept by id.

        One re-read at a time (never cancelled, so that a busy import cannot starve
        it); changes while it runs ask for one more.
        """
        if self._source is None:
            return
        if self._refreshing:
            self._refresh_again = True
            return
        try:
            keep_id = self.article_list.current_id
        except NoMatches:
            return  # the screen is being taken down (quitting): nothing to show it in
        self._refreshing = True
        self._refresh_list(self._source, keep_id)

    @work(thread=True, group="refresh", exit_on_error=False)
    def _refresh_list(self, source: LibraryView, keep_id: int | None) -> None:
        try:
            self._post_list(source, keep_id, refresh=True)
        except Exception:
            self._refreshing = False  # reported by ReportsFailedWorkers
            raise

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < WIDE_MIN_WIDTH, "-narrow")
        self._show_panes()

    def _show_panes(self) -> None:
        """When narrow, the story's pane replaces the list's while reading.

        Only then: a class changed on the screen restyles every widget in it
        (20-40 ms with a story shown), which wide screens need not pay on each open.
        """
        reading = self.mode in (Mode.READING, Mode.TEASERS)
        # Another article asked for while reading (n, p, a link, back): the story stays on screen while it loads.
        loading_from_reader = self.mode is Mode.LOADING and self.has_class("-reading")
        self.set_class(self.narrow and (reading or loading_from_reader), "-reading")

    def _update_status(self) -> None:
        count = self.article_list.row_count
        parts: list[tuple[str, str] | str] = [(" tuireader ", "bold reverse $primary")]
        for key, label in VIEWS.items():
            number = "123"[list(VIEWS).index(key)]
            style = "bold underline $text-primary" if key == self.view else "$text-muted"
            parts += ["  ", (f"{number} {label}", style)]
        parts += ["   ", (f"{count:,} article{'s' if count != 1 else ''}", "$text-muted")]
        if self.section:
            parts += ["  ", ("section: ", "$text-muted"), (clean_line(self.section), "bold")]
        parts += browsing_status(self._source)
        if isinstance(self._source, FeedView):
            parts += ["  ", ("feed: ", "$text-muted"), (clean_line(self._source.feed_name), "bold")]
        self.query_one("#status", Static).update(Content.assemble(*parts))

    # -- transitions --------------------------------------------------------

    def _set_mode(self, mode: Mode) -> None:
        """Enter a mode: focus and (when narrow) the pane shown follow it."""
        self.mode = mode
        self._show_panes()
        if mode is Mode.LIST:
            self._focus_on_arrival = False
            self.article_list.focus()
        elif mode is Mode.READING:
            self.story.focus()
        elif mode is Mode.TEASERS:
            self._before_teasers = self.story.reading_position
            self.teaser_panel.teaser_list.focus()
            self.story.forget_pending_position()
            self.story.scroll_to_widget(self.teaser_panel, animate=False, top=True)
        self.refresh_bindings()

    def _open(self, article_id: int, *, focus: bool, mark_read: bool) -> None:
        """Make ``article_id`` the current article: to read (``focus``) or to preview beside the list."""
        self._stop_preview_timer()
        if mark_read:
            self._mark(article_id, read=True, only_if_unread=True)
        if focus:
            self._focus_on_arrival = True
        self.article_id = article_id
        shown = self.shown
        if shown is not None:
            self.workers.cancel_group(self, "story")  # another article may be on its way
            if focus:
                self._set_mode(Mode.READING)
            return
        if focus:
            self._set_mode(Mode.LOADING)
        self._fetch(article_id)

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def _fetch(self, article_id: int) -> None:
        worker = get_current_worker()
        if worker.is_cancelled:
            return
        article = self.library.get(article_id)
        position = self.library.get_position(article_id) if article is not None else 0.0
        if not worker.is_cancelled:
            self.post_message(self.Fetched(article_id, article, position))

    @on(Fetched)
    @_while_shown
    def _fetched(self, event: Fetched) -> None:
        if event.article_id != self.article_id:
            return  # another article was asked for meanwhile
        article = event.article
        if article is None:
            self.notify("That article is no longer in the library.", severity="warning")
            if self.mode is Mode.LOADING:
                self._set_mode(Mode.LIST)
            return
        self._save_position()
        returning, self._returning = self._returning, None
        # What this screen last showed or saved is newer than the library's copy while its write waits in the queue.
        stored = self._positions.get(event.article_id, event.position)
        position = returning.position if returning and returning.article_id == event.article_id else stored
        self._positions[event.article_id] = position
        article.read = self._read_state(article)
        article.bookmarked = self._bookmark_state(article)
        self.marks.apply_to(article)
        self._show(article, position)

    @work(exclusive=True, group="show", exit_on_error=False)
    async def _show(self, article: Article, position: float) -> None:
        with contextlib.suppress(NoMatches):  # the screen is being taken down
            await self._show_now(article, position)

    async def _show_now(self, article: Article, position: float) -> None:
        if article.id != self.article_id:
            return  # another article was asked for after this one arrived (the one on screen, say)
        if self._finder is not None and self._finder.active:
            self._close_find()  # the matches were in the story shown before
        self.query_one("#story-placeholder").display = False
        if self._focus_on_arrival and self.mode is Mode.LOADING:
            self._set_mode(Mode.READING)
        await self.story.show(article, position)
        if article.id == self.article_id:
            article_id = article.id
            self.reader.save(
                f"the last article read (“{clean_line(article.title)}”)",
                lambda library: library.set_setting("last_article", str(article_id)),
            )
        self.refresh_bindings()

    def _save_position(self) -> None:
        """Queue the reading position of the story on screen, when it changed."""
        article = self.story.article
        if article is None or article.id is None:
            return
        position = self.story.reading_position
        if position == self._positions.get(article.id):
            return
        self._positions[article.id] = position
        article_id = article.id
        self.reader.save(
            f"the reading position of “{clean_line(article.title)}”",
            lambda library: library.set_position(article_id, position),
        )

    def leave(self) -> None:
        """Before quitting: queue what is still unsaved (the reading position)."""
        with contextlib.suppress(NoMatches):  # the screen's widgets are gone: nothing shown, nothing to save
            self._save_position()

    # -- marks (read, bookmark): on screen at once, in the library in key order

    def _read_state(self, article: Article) -> bool:
        row = self.article_list.cached(article.id) if article.id is not None else None
        return row.read if row is not None else article.read

    def _bookmark_state(self, article: Article) -> bool:
        row = self.article_list.cached(article.id) if article.id is not None else None
        return row.bookmarked if row is not None else article.bookmarked

    def _mark(
        self, article_id: int, *, read: bool | None = None, bookmarked: bool | None = None, only_if_unread: bool = False
    ) -> None:
        row = self.article_list.cached(article_id)
        article = self.story.article
        title = row.title if row is not None else (article.title if article and article.id == article_id else "")
        name = f"“{clean_line(title)}”" if title else f"article {article_id}"
        if read is not None:
            if only_if_unread and row is not None and row.read:
                return
            self.article_list.update_article(article_id, read=read)
            self.reader.save(f"the read mark of {name}", lambda library: library.set_read(article_id, read))
        if bookmarked is not None:
            self.article_list.update_article(article_id, bookmarked=bookmarked)
            self.reader.save(f"the bookmark of {name}", lambda library: library.set_bookmark(article_id, bookmarked))
        article = self.story.article
        if article is not None and article.id == article_id:
            if read is not None:
                article.read = read
            if bookmarked is not None:
                article.bookmarked = bookmarked
                self.story.show_header()

    # -- list → story -------------------------------------------------------

    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        if event.index != self.article_list.cursor:
            return  # the cursor has moved on since
        self._stop_preview_timer()  # a preview asked for where the cursor was is no longer wanted
        if self.narrow or self.mode is not Mode.LIST or event.article_id == self.article_id:
            return  # previewed only beside the list; a key typed ahead while an article loads moves no story
        self._preview_soon()

    def _preview_soon(self) -> None:
        """Preview the highlighted row once the cursor rests (holding a key previews only where it stops)."""
        self._stop_preview_timer()
        # A plain event-loop timer: one per cursor move, far cheaper than a Textual Timer (a task each).
        self._preview_timer = asyncio.get_running_loop().call_later(PREVIEW_DELAY, self._preview)

    def _preview(self) -> None:
        self._preview_timer = None
        if self.is_attached and not self.narrow and self.mode is Mode.LIST:
            with contextlib.suppress(NoMatches):  # the timer fired as the screen was being taken down
                article_id = self.article_list.current_id  # the row the cursor is on now
                if article_id is not None and article_id != self.article_id:
                    self._open(article_id, focus=False, mark_read=False)

    @property
    def preview_due(self) -> float | None:
        """When the article the cursor rests on will be previewed (event-loop time), or None."""
        return self._preview_timer.when() if self._preview_timer is not None else None

    def _stop_preview_timer(self) -> None:
        if self._preview_timer is not None:
            self._preview_timer.cancel()
            self._preview_timer = None

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.history.clear()  # opened from the list: escape goes back to the list
        self._open(event.article_id, focus=True, mark_read=True)

    # -- actions ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        try:
            return self._action_state(action)
        except NoMatches:
            return False  # the keys are checked (the footer) as the screen's widgets are taken down: quitting

    def _action_state(self, action: str) -> bool:
        shown = self.shown
        if action in ("next_article", "previous_article"):
            return self.reading or self.mode is Mode.LOADING
        if action == "back":
            return self.mode is not Mode.LIST
        if action == "open_highlighted":
            return self.mode is Mode.LIST
        if action == "teasers":
            return self.reading and shown is not None and bool(shown.related)
        if action == "open_url":
            return self.reading and shown is not None and bool(shown.url)
        if action == "find":
            return self.reading and shown is not None
        if action == "find_previous":
            return self._finder is not None and self._finder.active
        if action == "links":
            return self.reading and shown is not None
        if action in ("toggle_bookmark", "toggle_read", "edit_note"):
            return self._target() is not None
        return True

    def on_descendant_focus(self) -> None:
        """Focus moved by the user (tab, a click): the mode follows it."""
        with contextlib.suppress(NoMatches):  # focus moves as the screen's widgets go, on quitting
            self._follow_focus()

    def _follow_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, TeaserList):
            mode = Mode.TEASERS
        elif focused is self.story and self.story.article is not None and self.mode is not Mode.LOADING:
            mode = Mode.READING
        elif isinstance(focused, ArticleList) and self.mode is not Mode.LOADING:
            mode = Mode.LIST
        else:
            mode = self.mode
        if mode is not self.mode:
            self.mode = mode
            self._show_panes()
        self.refresh_bindings()

    def _target(self) -> int | None:
        """What b and u act on: the current article while reading, else the highlighted row."""
        if self.mode is not Mode.LIST:
            return self.article_id
        return self.article_list.current_id

    def action_toggle_bookmark(self) -> None:
        target = self._target()
        if target is not None:
            self.marks.toggle_bookmark(target)

    def action_edit_note(self) -> None:
        target = self._target()
        if target is not None:
            self.marks.edit_note(target)

    def action_undo(self) -> None:
        self.marks.undo()

    def action_toggle_read(self) -> None:
        target = self._target()
        if target is None:
            return
        row = self.article_list.cached(target)
        article = self.story.article
        was = row.read if row is not None else bool(article and article.id == target and article.read)
        self._mark(target, read=not was)
        self.marks.remember_read(target, was)
        self.notify("Marked unread" if was else "Marked read", timeout=2)

    def _step(self, delta: int) -> None:
        article_list = self.article_list
        current = self.article_id
        index = article_list.cached_index(current) if current is not None else None
        if index is not None:
            article_list.cursor = index
        elif current is not None and delta > 0 and article_list.current_id != current:
            delta = 0  # the article read has left the list (read elsewhere): the row at the cursor is the next one
        before = article_list.cursor
        article_list.cursor = before + delta
        if delta and article_list.cursor == before:
            self.notify("No more articles this way.", timeout=2)
            return
        article_id = article_list.current_id
        if article_id is not None:
            self._open(article_id, focus=True, mark_read=True)

    def action_next_article(self) -> None:
        if self._finder is not None and self._finder.active:
            self._find_step(1)  # n while find is active: the next match
            return
        self._step(1)

    def action_previous_article(self) -> None:
        self._step(-1)

    def action_open_highlighted(self) -> None:
        self.article_list.action_open()

    def action_teasers(self) -> None:
        if self.teaser_panel.teasers and self.shown is not None:
            self._set_mode(Mode.TEASERS)

    def action_back(self) -> None:
        if self._finder is not None and self._finder.active:
            self._close_find()
            return
        if self._back_to_search():
            return
        if self.mode is Mode.TEASERS:
            self._set_mode(Mode.READING)
            if self._before_teasers is not None:
                self.story.scroll_to(y=self._before_teasers, animate=False, immediate=True)
            return
        place = self.history.pop(self.article_id)
        if place is not None:
            self._go_back(place)
            return
        self._set_mode(Mode.LIST)
        current = self.article_id
        index = self.article_list.cached_index(current) if current is not None else None
        if index is not None:
            self.article_list.cursor = index
        elif not self.narrow:
            self._preview_soon()  # the article left is not among the rows read: the story follows the cursor

    def _go_back(self, place: Place) -> None:
        """Show the article jumped from, at the place it was left."""
        index = self.article_list.cached_index(place.article_id)
        if index is not None:
            self.article_list.cursor = index
        self._returning = place
        self._open(place.article_id, focus=True, mark_read=False)
        if self.shown is not None:  # it is still the one on screen
            self._returning = None
            self.story.scroll_to(y=place.position, animate=False, immediate=True)

    def _jumped_from_here(self, target: int) -> None:
        """Before a jump to ``target`` while reading: remember where the reader was."""
        shown = self.shown
        if self.reading and shown is not None and shown.id is not None and shown.id != target:
            position = self.story.reading_position
            if self.mode is Mode.TEASERS and self._before_teasers is not None:
                position = self._before_teasers  # the place in the story the teasers were reached from
            self.history.push(shown.id, position)

    def action_cycle_focus(self, direction: int) -> None:
        """Tab: list → story → teasers (the story parts only once an article is shown)."""
        order: list[Widget] = [self.article_list]
        if self.story.article is not None:
            order.append(self.story)
            if self.teaser_panel.teasers:
                order.append(self.teaser_panel.teaser_list)
        focused = self.focused
        index = order.index(focused) if focused in order else -1
        target = order[(index + direction) % len(order)]
        if target is self.article_list:
            self._set_mode(Mode.LIST)
        elif target is self.story:
            self.article_id = self.story.article.id if self.story.article else None
            self._set_mode(Mode.READING)
        else:
            self._set_mode(Mode.TEASERS)

    def action_view(self, view: str) -> None:
        if view in VIEWS:
            self.set_view(view, self.section)

    def set_view(self, view: str, section: str | None) -> None:
        self.change_view(view=view, section=section)
        if not self.reading:
            self._set_mode(Mode.LIST)

    @property
    def article_list_source(self) -> LibraryView | None:
        return self._source

    def show_source(self, source: LibraryView) -> None:
        """Show another list source (one feed's articles: ``tuireader.ui.feeds``), not remembered."""
        keep_id = self.article_id if self.article_id is not None else self.article_list.current_id
        self._asked_view = None  # keys build on the source shown from now on, not on a view asked for before
        self._reload_list(keep_id, source)
        if not self.reading:
            self._set_mode(Mode.LIST)

    def action_search(self) -> None:
        if self.last_query is None:  # kept in the library: one row by its key
            self.last_query = self.library.get_setting("last_query") or ""
        self._push_search(SearchScreen(self.library, self.last_query))

    def _push_search(self, screen: SearchScreen) -> None:
        def chosen(choice: SearchChoice | None) -> None:
            self._from_search = choice
            self._remember_query(choice.query if choice is not None else screen.typed)
            if choice is not None:
                self.go_to_article(choice.article_id)

        self.app.push_screen(screen, chosen)

    def _remember_query(self, query: str) -> None:
        if query != self.last_query:
            self.last_query = query
            self.reader.save("the last search", lambda library: library.set_setting("last_query", query or None))

    def _back_to_search(self) -> bool:
        """Escape while reading a search result: the same results again, the cursor on it."""
        choice = self._from_search
        if choice is not None and choice.article_id != self.article_id:
            choice = self._from_search = None  # another article since (n, p, a teaser)
        if choice is None or self.mode not in (Mode.READING, Mode.LOADING):
            return False
        self._from_search = None
        self._set_mode(Mode.LIST)
        self._push_search(SearchScreen(self.library, choice.query, choice.index))
        return True

    def go_to_article(self, article_id: int, teaser: Teaser | None = None) -> None:
        """Select an article in the list (leaving a view that hides it) and open it."""
        self._last_teaser = teaser
        self._locate(article_id, self._source or LibraryView(self.library, self.view, self.section))

    @work(thread=True, exclusive=True, group="list", exit_on_error=False)
    def _locate(self, article_id: int, source: LibraryView) -> None:
        index = source.index_of(article_id)
        if index is not None:
            self.post_message(self.Located(article_id, None, 0, index))
            return
        everything = source.but(view="all", section=None, source=None, hide_read=False)  # the order stays
        index = everything.index_of(article_id)
        count = everything.count() if index is not None else 0
        pages = ArticleList.pages_around(everything, index) if index is not None else {}
        if not get_current_worker().is_cancelled:
            self.post_message(self.Located(article_id, everything if index is not None else None, count, index, pages))

    @on(Located)
    @_while_shown
    def _located(self, event: Located) -> None:
        teaser, self._last_teaser = self._last_teaser, None
        if event.index is None:
            if teaser is not None:
                self._teaser_info(teaser)
            else:
                self.notify("That article is no longer in the library.", severity="warning")
            return
        self._jumped_from_here(event.article_id)
        if event.source is not None:  # hidden by the view shown: show all articles
            self.view_shown(event.source)
            self._source = event.source
            self.view, self.section = "all", None
            self.article_list.empty_message = EMPTY_MESSAGES["all"]
            self.article_list.show_rows(event.source, event.count, event.index, keep_overrides=True, pages=event.pages)
            self._update_status()
        else:
            self.article_list.cursor = event.index
        self._open(event.article_id, focus=True, mark_read=True)

    # -- teasers and links --------------------------------------------------

    @on(TeaserPanel.Chosen)
    def _teaser_chosen(self, event: TeaserPanel.Chosen) -> None:
        self.open_teaser(event.teaser)

    def open_teaser(self, teaser: Teaser) -> None:
        if teaser.article_id is not None:
            self.go_to_article(teaser.article_id, teaser)
        else:
            self._teaser_info(teaser)

    # -- find in the article (ctrl+f) ----------------------------------------

    def action_find(self) -> None:
        if self.shown is None:
            return
        with contextlib.suppress(NoMatches):
            self.query_one(FindBar).focus()
            return
        bar = FindBar(self._finder.query if self._finder else "")
        self.query_one("#reader-pane").mount(bar)
        bar.focus()

    @on(FindBar.Find)
    def _find(self, event: FindBar.Find) -> None:
        self._finder = self._finder or StoryFinder(self.story)
        count = self._finder.find(event.query)
        bar = self.query_one(FindBar)
        bar.border_title = self._finder.status
        if count:
            self._set_mode(Mode.READING)
        self.refresh_bindings()

    def action_find_previous(self) -> None:
        self._find_step(-1)

    def _find_step(self, delta: int) -> None:
        if self._finder is not None:
            self._finder.step(delta)
            with contextlib.suppress(NoMatches):
                self.query_one(FindBar).border_title = self._finder.status

    @on(FindBar.Closed)
    def _close_find(self) -> None:
        if self._finder is not None:
            self._finder.clear()
        for bar in self.query(FindBar):
            bar.remove()
        if self.shown is not None and self.mode is not Mode.LIST:
            self._set_mode(Mode.READING)
        self.refresh_bindings()

    def action_links(self) -> None:
        article = self.shown
        if article is None:
            return

        def chosen(choice: tuple[LinkAction, Link, int | None] | None) -> None:
            if choice is None:
                return
            action, link, stored_id = choice
            if action == "read" and stored_id is not None:
                self.go_to_article(stored_id)
            elif action == "copy":
                self.app.copy_to_clipboard(link.url)
                self.notify(f"Copied: {link.url}", markup=False, timeout=3)
            else:
                self.confirm_open_url(link.url)

        self.app.push_screen(LinkScreen(clean_block(article.body), self.library), chosen)

    def _teaser_info(self, teaser: Teaser) -> None:
        """What the page said about an article not stored; o there offers to open its address."""

        def closed(open_address: bool | None) -> None:
            if open_address and teaser.url:
                self.confirm_open_url(teaser.url)

        self.app.push_screen(TeaserInfoScreen(teaser), closed)

    def action_open_url(self) -> None:
        article = self.shown
        if article is not None and article.url:
            self.confirm_open_url(article.url)

    @on(Markdown.LinkClicked)
    def _link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.confirm_open_url(event.href)

    def confirm_open_url(self, url: str) -> None:
        url = clean_line(url)
        if not url.lower().startswith(SCHEMES):
            self.notify("Only web and file links (http, https, file) can be opened.", severity="warning", markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes and not self.reader.open_in_terminal(url):
                self._open_in_browser(url)

        self.app.push_screen(ConfirmScreen("Open this address in your web browser?", url), answered)

    @work(thread=True, exclusive=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, url: str) -> None:
        if not self.reader.open_in_browser(url):
            raise OSError("No web browser could be started.")
