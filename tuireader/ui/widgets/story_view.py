"""The story: a header block, then the body in Markdown, then the teaser block.

The body is rendered by Textual's ``Markdown`` widget (``StoryMarkdown``),
whose cost grows with the number of blocks, so the body is cut into chunks
bounded in characters and in widgets (``render.story_chunks``): the first
chunk is rendered at once, the rest are appended a chunk at a time in the
background (each parsed in a thread; keys and paints get through between
chunks), to the story's end however long it is. ``G`` pressed while the rest
renders follows the story to its real end. The story's end beyond the caps
(``render.story_layout``: plain lines) is one ``PlainLines`` after the chunks.

The text keeps to a reading column (``reading_width`` cells, centred; 0: the
whole pane).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import MountError, Widget
from textual.widgets import Static
from textual.widgets.markdown import MarkdownBlock

from tuireader.model import Article
from tuireader.render import story_chunks, story_layout
from tuireader.ui import collector
from tuireader.ui.hyperlinks import add_hyperlinks
from tuireader.ui.text import clean_line, long_date
from tuireader.ui.textual_adapter import let_go
from tuireader.ui.widgets.plain_lines import PlainLines
from tuireader.ui.widgets.story_blocks import StoryMarkdown, release_text
from tuireader.ui.widgets.teaser_panel import TeaserPanel

FIRST_CHUNK_CHARS = 4_000
CHUNK_CHARS = 4_000
DISCARD_BATCH = 4  # chunks of a story left removed in one step


@dataclass(frozen=True)
class PlainPart:
    """The story's end beyond the caps: plain lines, shown by one ``PlainLines``."""

    lines: list[str]


def story_parts(body: str | None) -> list[str | PlainPart]:
    """The story as the chunks of bounded markdown the reader renders one at a time, then its plain lines.

    The first part is always markdown (empty when the story is plain lines from its start).
    """
    layout = story_layout(body)
    head: list[str | PlainPart] = []
    if layout.markdown.strip():
        head += story_chunks(layout.markdown, FIRST_CHUNK_CHARS, CHUNK_CHARS)
    if not layout.plain:
        return head or [NO_STORY]
    return (head or [""]) + [PlainPart(layout.plain)]


NO_STORY = "*(This article has no story text.)*"
# The reading column's width when config.toml says nothing (0: no limit).
READING_WIDTH = 80


async def _uninterrupted(change: Awaitable[None]) -> None:
    """Await a change of widgets that goes on to its end even if the awaiting task is cancelled.

    Textual's removals await the removed widgets' message tasks through ``gather``:
    cancelling the awaiting task cancels those too, and the half-removed widgets
    stay in the DOM without a running message loop.
    """

    async def run() -> None:
        await change

    await asyncio.shield(asyncio.ensure_future(run()))


def meta_line(article: Article) -> str:
    parts = [
        clean_line(article.source),
        clean_line(article.section),
        long_date(article.published),
        f"updated {long_date(article.updated)}" if article.updated else "",
        f"{article.reading_minutes} min read" if article.reading_minutes else "",
    ]
    return " · ".join(p for p in parts if p)


async def _remove_parts(container: Widget, parts: list[Widget]) -> None:
    """Remove parts of a story; they and their text are freed at once (see ``let_go``, ``release_text``)."""
    removed = [widget for part in parts for widget in (part, *part.query("*"))]
    blocks = [widget for widget in removed if isinstance(widget, MarkdownBlock)]
    await _uninterrupted(container.remove_children(parts))
    release_text(blocks)
    for part in parts:
        if isinstance(part, PlainLines):
            part.release()
    let_go(removed, [container])


class StoryHeader(Vertical):
    """Section · published · updated · reading time; the title; the lead; the caption."""

    DEFAULT_CSS = """
    StoryHeader { height: auto; }
    StoryHeader > Static { height: auto; }
    StoryHeader > .-empty { display: none; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="story-meta", markup=False)
        yield Static(id="story-title", markup=False)
        yield Static(id="story-lead", markup=False)
        yield Static(id="story-caption", markup=False)
        yield Static(id="story-byline", markup=False)
        yield Static(id="story-note", markup=False)

    def _set(self, widget_id: str, content: Content | str) -> None:
        widget = self.query_one(f"#{widget_id}", Static)
        widget.update(content if isinstance(content, Content) else Content(content))
        widget.set_class(not content, "-empty")

    def show(self, article: Article) -> None:
        meta = meta_line(article)
        if article.bookmarked:
            self._set("story-meta", Content.assemble(("★ bookmarked", "$text-accent"), " · " if meta else "", meta))
        else:
            self._set("story-meta", meta)
        self._set("story-title", clean_line(article.title) or "(untitled)")
        self._set("story-lead", clean_line(article.lead))
        self._set("story-caption", f"Image: {clean_line(article.image_caption)}" if article.image_caption else "")
        byline = ", ".join(clean_line(a) for a in article.authors if clean_line(a))
        self._set("story-byline", f"By {byline}" if byline else "")
        note = clean_line(article.bookmark_note) if article.bookmarked else ""
        damaged = clean_line(article.damaged)
        parts: list[str | tuple[str, str]] = []
        if note:
            parts += [("Note: ", "bold"), note]
        if damaged:
            parts += ["  " if note else "", ("Damaged: ", "bold $text-warning"), damaged]
        self._set("story-note", Content.assemble(*parts) if parts else "")


class StoryView(VerticalScroll):
    """Scrolls the header, the story body and the teaser block of one article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Down", show=False, id="story.down"),
        Binding("up,k", "scroll_up", "Up", show=False, id="story.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="story.page_down"),
        Binding("shift+space,pageup", "page_up", "Page up", show=False, id="story.page_up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="story.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="story.bottom"),
    ]

    DEFAULT_CSS = """
    StoryView { height: 1fr; align-horizontal: center; }
    StoryView > .story-body { height: auto; }
    StoryView > .story-body > Markdown { margin: 0; padding: 0; }
    """

    class Rendered(Message):
        """The article's header and first chunk are on screen."""

        def __init__(self, article_id: int | None) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self._pending_position: float | None = None
        self.chunks_total = 0
        self.chunks_shown = 0
        self._current_body = Vertical(classes="story-body")
        self._replacing = asyncio.Lock()  # one change of the story's widgets at a time
        self._follow_end = False  # G while the story renders: stay at its end until it is all there
        self._reading_width = READING_WIDTH

    def compose(self) -> ComposeResult:
        yield StoryHeader(id="story-header")
        yield self._current_body
        yield TeaserPanel(id="teasers")

    def on_mount(self) -> None:
        self.set_reading_width(self._reading_width)

    def set_reading_width(self, width: int) -> None:
        """Keep the header, the story and the teasers to ``width`` cells, centred (0: no limit)."""
        self._reading_width = max(0, width)
        for child in self.children:
            self._fit_column(child)

    def _fit_column(self, widget: Widget) -> None:
        widget.styles.max_width = self._reading_width or None

    @property
    def teaser_panel(self) -> TeaserPanel:
        return self.query_one(TeaserPanel)

    def _body(self) -> Vertical:
        """The container of the story's Markdown chunks (the visible one)."""
        return self._current_body

    def show_header(self) -> None:
        """Redraw the header (after the article's bookmark changed)."""
        if self.article is not None:
            self.query_one(StoryHeader).show(self.article)

    @property
    def fully_rendered(self) -> bool:
        return self.chunks_shown >= self.chunks_total

    async def show(self, article: Article, position: float = 0.0) -> None:
        """Show an article (replacing the current one); scroll to ``position`` lines.

        The widgets are replaced to the end even when the caller is cancelled (a
        newer article asked for): a removal or mount cut off half way would leave
        dead widgets behind. Replacements run one at a time, newest wins.
        """
        self.workers.cancel_group(self, "chunks")
        self.article = article
        self.chunks_shown = 0
        self._follow_end = False
        # Until the new story is on screen, its reading position is the one asked for.
        self._pending_position = position
        await _uninterrupted(self._replace(article, position))

    async def _replace(self, article: Article, position: float) -> None:
        # Sanitised, bounded in what it may cost to render, and cut into chunks: in a thread, as
        # a long story takes a while (the screen gets the interpreter every few milliseconds).
        chunks = await asyncio.to_thread(story_parts, article.body)
        async with self._replacing:
            if self.article is not article:
                return  # a newer article was asked for meanwhile
            with self.app.batch_update():  # one repaint for header, body and teasers
                self.chunks_total = len(chunks)
                self.chunks_shown = 0
                self.query_one(StoryHeader).show(article)
                self.teaser_panel.show(article.related, article.related_label)
                container = self._body()
                parts = list(container.query_children(StoryMarkdown))
                if 1 <= len(parts) <= 4:
                    first = parts[0]  # reuse the widget: cheaper than mounting a new one
                    stale: list[Widget] = [*parts[1:], *container.query_children(PlainLines)]
                    if stale:
                        await _remove_parts(container, stale)
                elif not parts:
                    first = StoryMarkdown()
                    await container.mount(first)
                else:
                    # A long story's many blocks take a while to remove: hide them and let
                    # them go in the background while the new story shows.
                    fresh = Vertical(classes="story-body")
                    self._fit_column(fresh)
                    self._current_body = fresh
                    container.display = False
                    await self.mount(fresh, before=container)
                    self._discard(container)
                    first = StoryMarkdown()
                    await fresh.mount(first)
                assert isinstance(chunks[0], str)  # story_parts: markdown first
                await first.update(chunks[0])
                add_hyperlinks(first)
                first.forget_tokens()
            if self.article is not article:
                # A newer article was asked for while this one's first chunk went on screen: its
                # reading position (already pending) must not be replaced by this one's.
                return
            self.chunks_shown = 1
            self._pending_position = position if position > 0 else None
            self.scroll_to(y=0, animate=False, immediate=True)
            self.call_after_refresh(self._restore_position)
            # after the next refresh: the first chunk laid out, so a key can scroll it at once
            self.call_after_refresh(self.post_message, self.Rendered(article.id))
            if len(chunks) > 1:
                self._render_rest(article, chunks[1:])

    @work(group="discard")
    async def _discard(self, container: Widget) -> None:
        """Remove a hidden story's widgets a few chunks at a time (all at once held the screen up)."""
        parts = list(container.children)
        for start in range(0, len(parts), DISCARD_BATCH):
            batch = parts[start : start + DISCARD_BATCH]
            await _remove_parts(container, batch)
        await _uninterrupted(container.remove())
        let_go([container], [self])

    @work(exclusive=True, group="chunks")
    async def _render_rest(self, article: Article, chunks: list[str | PlainPart]) -> None:
        with collector.rendering():
            for chunk in chunks:
                await asyncio.sleep(0.02)  # let keys and paints through between chunks
                if collector.between_chunks():  # a full pass of the garbage collector was due
                    await asyncio.sleep(0.02)  # ... and was this step
                if self.article is not article:
                    return
                await _uninterrupted(self._append(article, chunk))

    async def _append(self, article: Article, chunk: str | PlainPart) -> None:
        async with self._replacing:
            if self.article is not article:
                return
            widget = PlainLines(chunk.lines) if isinstance(chunk, PlainPart) else StoryMarkdown()
            try:
                await self._body().mount(widget)
                if isinstance(widget, StoryMarkdown) and isinstance(chunk, str):
                    await widget.update(chunk)
            except MountError:
                if self.is_attached and widget.is_attached:
                    raise
                return  # the story is being taken down (quitting) while this chunk was put on screen
            if isinstance(widget, StoryMarkdown):
                add_hyperlinks(widget)
                widget.forget_tokens()
            self.chunks_shown += 1
            self.call_after_refresh(self._restore_position)
            if self._follow_end:
                self.call_after_refresh(self._to_end)

    def _to_end(self) -> None:
        if self._follow_end:
            self.scroll_end(animate=False, immediate=True)
            if self.fully_rendered:
                self._follow_end = False

    def _restore_position(self) -> None:
        if self._pending_position is None:
            return
        if not self.region:
            return  # not on screen (the list's pane when narrow): its size is not known; on_show tries again
        target = self._pending_position
        self.scroll_to(y=target, animate=False, immediate=True)
        if self.max_scroll_y >= target or self.fully_rendered:
            self._pending_position = None

    def on_show(self) -> None:
        self.call_after_refresh(self._restore_position)

    def on_resize(self) -> None:
        self.call_after_refresh(self._restore_position)

    @property
    def reading_position(self) -> float:
        """How far the story is read, in lines (the position still being restored, if any)."""
        return self._pending_position if self._pending_position is not None else float(self.scroll_y)

    def forget_pending_position(self) -> None:
        self._pending_position = None

    def _user_scrolled(self) -> None:
        self._pending_position = None
        self._follow_end = False

    def on_mouse_scroll_down(self) -> None:
        self._user_scrolled()

    def on_mouse_scroll_up(self) -> None:
        self._user_scrolled()

    # Every key counts: Textual's scroll_down defers the scroll to the next refresh
    # and measures from the target of the last one, so keys arriving together
    # (a burst over slow SSH, a paste) moved one line. These scroll at once.

    def action_scroll_down(self) -> None:
        self._user_scrolled()
        self.scroll_to(y=self.scroll_target_y + 1, immediate=True)

    def action_scroll_up(self) -> None:
        self._user_scrolled()
        self.scroll_to(y=self.scroll_target_y - 1, immediate=True)

    def action_page_down(self) -> None:
        self._user_scrolled()
        self.scroll_to(y=self.scroll_target_y + self.scrollable_content_region.height, immediate=True)

    def action_page_up(self) -> None:
        self._user_scrolled()
        self.scroll_to(y=self.scroll_target_y - self.scrollable_content_region.height, immediate=True)

    def action_scroll_home(self) -> None:
        self._user_scrolled()
        self.scroll_to(y=0, immediate=True)

    def action_scroll_end(self) -> None:
        self._user_scrolled()
        self._follow_end = not self.fully_rendered
        self.scroll_end(immediate=True)
