"""The main screen: the article list and the story side by side (one at a time when narrow)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.events import Resize
from textual.screen import Screen
from textual.widget import MountError, Widget
from textual.widgets import Markdown, Static

from tuireader.model import Article, Teaser
from tuireader.ui.screens.dialogs import ALL_SECTIONS, ConfirmScreen, SectionScreen, TeaserInfoScreen
from tuireader.ui.screens.search import SearchScreen
from tuireader.ui.sources import VIEWS, LibraryView
from tuireader.ui.text import clean_line
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.key_footer import KeyFooter
from tuireader.ui.widgets.story_view import StoryView
from tuireader.ui.widgets.teaser_panel import TeaserList, TeaserPanel

if TYPE_CHECKING:
    from tuireader.library import Library
    from tuireader.ui.app import ReaderApp

# Below this width the list and the story are shown one at a time.
WIDE_MIN_WIDTH = 100
PREVIEW_DELAY = 0.1

EMPTY_MESSAGES = {
    "all": "The library is empty. Import articles with: tuireader PATH…",
    "unread": "Nothing unread. Press 1 to see all articles.",
    "bookmarks": "No bookmarks yet. Press b on an article to keep it here.",
}


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="search", tooltip="Full-text search (live results; escape leaves)"),
        Binding("b", "toggle_bookmark", "Bookmark", id="article.bookmark", tooltip="Bookmark / remove the bookmark"),
        Binding("u", "toggle_read", "Read/unread", show=False, id="article.read", tooltip="Mark read / unread"),
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
        Binding("escape", "back", "Back", id="back", tooltip="Back: teasers → story → list"),
        Binding("1", "view('all')", "All", show=False, id="view.all", tooltip="Show all articles"),
        Binding("2", "view('unread')", "Unread", show=False, id="view.unread", tooltip="Show unread articles"),
        Binding("3", "view('bookmarks')", "Bookmarks", show=False, id="view.bookmarks", tooltip="Show bookmarks"),
        Binding("s", "pick_section", "Section", show=False, id="section", tooltip="Show only one section"),
        Binding(
            "tab", "cycle_focus(1)", "Next pane", show=False, id="focus.next", tooltip="Cycle list, story, teasers"
        ),
        Binding(
            "shift+tab", "cycle_focus(-1)", "Previous pane", show=False, id="focus.previous", tooltip="Cycle backwards"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view = "all"
        self.section: str | None = None
        self._wanted_id: int | None = None
        self._shown_id: int | None = None
        self._focus_when_shown = False  # the article being opened takes the focus once shown
        self._preview_handle: asyncio.TimerHandle | None = None
        self._positions: dict[int, float] = {}  # reading positions as last read or stored
        self._writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="library-writes")

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    @property
    def library(self) -> Library:
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
    def open_article(self) -> Article | None:
        return self.story.article

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    @property
    def reading(self) -> bool:
        """The story or its teasers have the focus."""
        focused = self.focused
        if focused is None:
            return False
        story = self.story
        return focused is story or story in focused.ancestors

    # -- start --------------------------------------------------------------

    def on_mount(self) -> None:
        self.set_class(self.size.width < WIDE_MIN_WIDTH, "-narrow")
        library = self.library
        view = library.get_setting("view", "all") or "all"
        self.view = view if view in VIEWS else "all"
        section = library.get_setting("section")
        self.section = section if section and section in library.sections() else None
        last = library.get_setting("last_article")
        last_id = int(last) if last and last.isdigit() else None
        self.article_list.empty_message = EMPTY_MESSAGES[self.view]
        self.article_list.set_source(LibraryView(library, self.view, self.section), select_id=last_id)
        self.article_list.focus()
        self._update_status()
        if last_id is not None and self.article_list.current_id == last_id:
            self._wanted_id = last_id
            self._load(last_id, mark_read=False, focus=False, delay=0.0)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < WIDE_MIN_WIDTH, "-narrow")

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
        self.query_one("#status", Static).update(Content.assemble(*parts))

    # -- list → story -------------------------------------------------------

    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        if self.narrow or event.index != self.article_list.cursor or event.article_id == self._wanted_id:
            return  # not previewed when narrow; the cursor has moved on since; already coming
        self._wanted_id = event.article_id
        self.workers.cancel_group(self, "story")  # an article on its way is not wanted now
        self._cancel_preview()
        if event.article_id == self._shown_id:
            return  # back on the article shown: stay there
        # One timer handle, replaced at each move, rather than a worker per move: holding
        # a key down previews only where the cursor stops.
        self._preview_handle = asyncio.get_running_loop().call_later(PREVIEW_DELAY, self._preview)

    def _cancel_preview(self) -> None:
        if self._preview_handle is not None:
            self._preview_handle.cancel()
            self._preview_handle = None

    def _preview(self) -> None:
        self._preview_handle = None
        if not self.is_attached:
            return
        if self._wanted_id is not None and self._wanted_id != self._shown_id:
            self._load(self._wanted_id, mark_read=False, focus=False, delay=0.0)

    @on(ArticleList.Opened)
    def _opened(self, event: ArticleList.Opened) -> None:
        self.show_article(event.article_id)

    def show_article(self, article_id: int, focus: bool = True) -> None:
        """Open an article for reading: marks it read, shows it, focuses the story."""
        self._wanted_id = article_id
        self._focus_when_shown = focus
        self._cancel_preview()
        if self._shown_id == article_id and self.open_article is not None:
            self.workers.cancel_group(self, "story")  # another article may be on its way
            self._mark_read(self.open_article)
            if focus:
                self._focus_story()
            return
        self._load(article_id, mark_read=True, focus=focus, delay=0.0)

    @work(exclusive=True, group="story")
    async def _load(self, article_id: int, mark_read: bool, focus: bool, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        library = self.library
        article, position = await asyncio.to_thread(lambda: (library.get(article_id), library.get_position(article_id)))
        if not self.is_attached:
            return
        if article is None:
            self.notify("That article is no longer in the library.", severity="warning")
            return
        previous = self._position_to_save()
        newly_read = mark_read and not article.read
        if newly_read:
            self._mark_read(article, write=False)
        self._shown_id = article_id
        self._positions[article_id] = position

        def persist() -> None:
            if previous is not None:
                library.set_position(*previous)
            if newly_read:
                library.set_read(article_id, True)
            library.set_setting("last_article", str(article_id))

        try:
            self.query_one("#story-placeholder").display = False
            if focus and self._focus_when_shown:
                self._focus_story()
            await self.story.show(article, position)
        except (NoMatches, MountError):
            if not self.is_attached or self.app._exit or self.app._closing or self._closing:
                return  # the app is closing
            raise
        finally:
            # Once the story is shown (not competing with it), in order on the library's
            # writer thread, and whether or not this load is overtaken by the next one.
            written = self._write(persist)
        self.refresh_bindings()
        await asyncio.wrap_future(written)

    def _write(self, change: Callable[[], None]) -> Future[None]:
        """Run a library write off the event loop, after the writes asked for before it."""
        try:
            future = self._writes.submit(change)
        except RuntimeError:  # the screen is closing: write now
            future = Future()
            change()
            future.set_result(None)
            return future
        future.add_done_callback(self._written)
        return future

    def _written(self, future: Future[None]) -> None:
        error = None if future.cancelled() else future.exception()
        if error is not None and self.is_attached:
            self.app.call_from_thread(
                self.notify, f"Could not save the reading state: {error}", severity="error", markup=False
            )

    def flush_writes(self) -> None:
        """Wait for the writes still queued (before the library closes)."""
        self._writes.shutdown(wait=True)

    def _mark_read(self, article: Article, write: bool = True) -> None:
        if article.read or article.id is None:
            return
        if write:
            self.library.set_read(article.id, True)
        article.read = True
        self.article_list.update_article(article.id, read=True)

    def _focus_story(self) -> None:
        self.add_class("-reading")
        self.story.focus()

    def _position_to_save(self) -> tuple[int, float] | None:
        """(article id, position) when the open article's reading position changed."""
        article = self.open_article
        if article is None or article.id is None:
            return None
        position = self.story.reading_position
        if position == self._positions.get(article.id):
            return None
        self._positions[article.id] = position
        return article.id, position

    @property
    def _current_id(self) -> int | None:
        """The article being opened, else the one shown."""
        if self._wanted_id is not None:
            return self._wanted_id
        return self.open_article.id if self.open_article is not None else None

    def save_position(self) -> None:
        """Remember how far the open article was read (on quit), after the writes still queued."""
        self.flush_writes()
        change = self._position_to_save()
        if change is not None:
            self.library.set_position(*change)

    def on_unmount(self) -> None:
        self._cancel_preview()
        self.flush_writes()

    # -- actions ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        article = self.open_article
        if action in ("next_article", "previous_article", "back"):
            return self.reading or (action == "back" and self.narrow and self.has_class("-reading"))
        if action == "teasers":
            return self.reading and article is not None and bool(article.related)
        if action == "open_url":
            return self.reading and article is not None and bool(article.url)
        if action in ("toggle_bookmark", "toggle_read"):
            return self._target() is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def _target(self) -> Article | None:
        """What b and u act on: the open article while reading, else the highlighted row."""
        if self.reading:
            return self.open_article
        summary = self.article_list.current
        if summary is None:
            return None
        if self.open_article is not None and self.open_article.id == summary.id:
            return self.open_article
        return Article(title=summary.title, id=summary.id, read=summary.read, bookmarked=summary.bookmarked)

    def action_toggle_bookmark(self) -> None:
        target = self._target()
        if target is None or target.id is None:
            return
        on = not target.bookmarked
        self.library.set_bookmark(target.id, on)
        target.bookmarked = on
        self.article_list.update_article(target.id, bookmarked=on)
        if self.open_article is not None and self.open_article.id == target.id:
            self.open_article.bookmarked = on
            self.story.query_one("#story-header").show(self.open_article)  # type: ignore[attr-defined]
        self.notify(
            ("Bookmarked: " if on else "Bookmark removed: ") + clean_line(target.title), markup=False, timeout=2
        )

    def action_toggle_read(self) -> None:
        target = self._target()
        if target is None or target.id is None:
            return
        on = not target.read
        self.library.set_read(target.id, on)
        target.read = on
        self.article_list.update_article(target.id, read=on)
        if self.open_article is not None and self.open_article.id == target.id:
            self.open_article.read = on
        self.notify("Marked read" if on else "Marked unread", timeout=2)

    def _step(self, delta: int) -> None:
        article_list = self.article_list
        current = self._current_id  # the article being opened, when a press comes before it is shown
        if current is not None:
            article_list.select_id(current)
        before = article_list.cursor
        article_list.cursor = before + delta
        if article_list.cursor == before:
            self.notify("No more articles this way.", timeout=2)
            return
        article_id = article_list.current_id
        if article_id is not None:
            self.show_article(article_id)

    def action_next_article(self) -> None:
        self._step(1)

    def action_previous_article(self) -> None:
        self._step(-1)

    def action_teasers(self) -> None:
        panel = self.teaser_panel
        if not panel.teasers:
            return
        self.add_class("-reading")
        panel.teaser_list.focus()
        self.story.forget_pending_position()
        self.story.scroll_to_widget(panel, animate=False, top=True)

    def action_back(self) -> None:
        focused = self.focused
        if isinstance(focused, TeaserList):
            self.story.focus()
            return
        self.remove_class("-reading")
        self._focus_when_shown = False
        self.article_list.focus()
        current = self._current_id  # the article being opened, when escape comes before it is shown
        if current is not None:
            self.article_list.select_id(current)

    def action_cycle_focus(self, direction: int) -> None:
        """Tab: list → story → teasers (the story parts only once an article is shown)."""
        order: list[Widget] = [self.article_list]
        if self.open_article is not None:
            order.append(self.story)
            if self.teaser_panel.teasers:
                order.append(self.teaser_panel.teaser_list)
        focused = self.focused
        index = order.index(focused) if focused in order else -1
        target = order[(index + direction) % len(order)]
        # When narrow, the pane of the target is the one shown.
        self.set_class(target is not self.article_list, "-reading")
        target.focus()
        if isinstance(target, TeaserList):
            self.story.scroll_to_widget(self.teaser_panel, animate=False, top=True)

    def action_view(self, view: str) -> None:
        if view not in VIEWS:
            return
        self.set_view(view, self.section)

    def set_view(self, view: str, section: str | None) -> None:
        self.view = view
        self.section = section
        self.library.set_setting("view", view)
        self.library.set_setting("section", section)
        keep = self.open_article.id if self.open_article is not None else self.article_list.current_id
        self.article_list.empty_message = EMPTY_MESSAGES[view]
        self.article_list.set_source(LibraryView(self.library, view, section), select_id=keep)
        self._update_status()
        if not self.reading:
            self.article_list.focus()

    def action_pick_section(self) -> None:
        def chosen(section: str | None) -> None:
            if section is None:
                return
            self.set_view(self.view, None if section == ALL_SECTIONS else section)

        self.app.push_screen(SectionScreen(self.library.sections(), self.section), chosen)

    def action_search(self) -> None:
        def chosen(article_id: int | None) -> None:
            if article_id is not None:
                self.go_to_article(article_id)

        self.app.push_screen(SearchScreen(self.library), chosen)

    def go_to_article(self, article_id: int) -> None:
        """Select an article in the list (leaving a view that hides it) and open it."""
        if not self.article_list.select_id(article_id):
            self.set_view("all", None)
            self.article_list.select_id(article_id)
        self.show_article(article_id)

    # -- teasers and links --------------------------------------------------

    @on(TeaserPanel.Chosen)
    def _teaser_chosen(self, event: TeaserPanel.Chosen) -> None:
        self.open_teaser(event.teaser)

    def open_teaser(self, teaser: Teaser) -> None:
        if teaser.article_id is not None and self.library.get(teaser.article_id) is not None:
            self.go_to_article(teaser.article_id)
        else:
            self.app.push_screen(TeaserInfoScreen(teaser))

    def action_open_url(self) -> None:
        article = self.open_article
        if article is not None and article.url:
            self.confirm_open_url(article.url)

    @on(Markdown.LinkClicked)
    def _link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.confirm_open_url(event.href)

    def confirm_open_url(self, url: str) -> None:
        url = clean_line(url)
        if not url.lower().startswith(("http://", "https://")):
            self.notify("Only web links (http, https) can be opened.", severity="warning", markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._open_in_browser(url)

        self.app.push_screen(ConfirmScreen("Open this address in your web browser?", url), answered)

    @work(thread=True, exclusive=True, group="browser")
    def _open_in_browser(self, url: str) -> None:
        opened = self.reader.open_in_browser(url)
        if not opened:
            self.app.call_from_thread(self.notify, "No web browser could be started.", severity="warning")
