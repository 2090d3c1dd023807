"""The story: a header block, then the body in Markdown, then the teaser block.

The body is rendered by Textual's ``Markdown`` widget, whose cost grows with
the number of blocks, so a long body is split into chunks: the first chunk is
rendered at once, the rest are appended a chunk at a time in the background
(the app stays responsive), and a very long body is cut at ``MAX_CHARS``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Markdown, Static

from tuireader.model import Article
from tuireader.ui.text import clean_block, clean_line, long_date
from tuireader.ui.widgets.teaser_panel import TeaserPanel

FIRST_CHUNK_CHARS = 4_000
CHUNK_CHARS = 4_000
MAX_CHARS = 200_000


def split_body(body: str, first: int = FIRST_CHUNK_CHARS, size: int = CHUNK_CHARS) -> list[str]:
    """Split markdown at blank lines outside code fences into chunks of about ``size`` characters."""
    chunks: list[str] = []
    current: list[str] = []
    length = 0
    in_fence = False
    limit = first
    for line in body.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and not line.strip() and length >= limit:
            chunks.append("\n".join(current).strip("\n"))
            current, length, limit = [], 0, size
            continue
        current.append(line)
        length += len(line) + 1
    rest = "\n".join(current).strip("\n")
    if rest or not chunks:
        chunks.append(rest)
    return chunks


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
    StoryView { height: 1fr; }
    StoryView > .story-body { height: auto; }
    StoryView > .story-body > Markdown { margin: 0; padding: 0; }
    StoryView #story-cut { height: auto; }
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

    def compose(self) -> ComposeResult:
        yield StoryHeader(id="story-header")
        yield self._current_body
        yield Static(id="story-cut", markup=False, classes="-empty")
        yield TeaserPanel(id="teasers")

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
        # Until the new story is on screen, its reading position is the one asked for.
        self._pending_position = position
        await _uninterrupted(self._replace(article, position))

    async def _replace(self, article: Article, position: float) -> None:
        async with self._replacing:
            if self.article is not article:
                return  # a newer article was asked for meanwhile
            body = clean_block(article.body)
            cut = ""
            if len(body) > MAX_CHARS:
                cut_at = body.rfind("\n\n", 0, MAX_CHARS)
                cut_at = cut_at if cut_at > MAX_CHARS // 2 else MAX_CHARS
                cut = f"The story goes on for another {len(body) - cut_at:,} characters, too long to show here."
                body = body[:cut_at]
            chunks = (
                split_body(body, FIRST_CHUNK_CHARS, CHUNK_CHARS)
                if body.strip()
                else ["*(This article has no story text.)*"]
            )
            with self.app.batch_update():  # one repaint for header, body and teasers
                self.chunks_total = len(chunks)
                self.chunks_shown = 0
                self.query_one(StoryHeader).show(article)
                cut_note = self.query_one("#story-cut", Static)
                cut_note.update(cut)
                cut_note.set_class(not cut, "-empty")
                self.teaser_panel.show(article.related, article.related_label)
                container = self._body()
                parts = list(container.query_children(Markdown))
                if 1 <= len(parts) <= 4:
                    first = parts[0]  # reuse the widget: cheaper than mounting a new one
                    if len(parts) > 1:
                        await container.remove_children(parts[1:])
                elif not parts:
                    first = Markdown(open_links=False)
                    await container.mount(first)
                else:
                    # A long story's many blocks take a while to remove: hide them and let
                    # them go in the background while the new story shows.
                    fresh = Vertical(classes="story-body")
                    self._current_body = fresh
                    container.display = False
                    await self.mount(fresh, before=container)
                    container.remove()
                    first = Markdown(open_links=False)
                    await fresh.mount(first)
                await first.update(chunks[0])
            self.chunks_shown = 1
            self._pending_position = position if position > 0 else None
            self.scroll_to(y=0, animate=False, immediate=True)
            self.call_after_refresh(self._restore_position)
            self.post_message(self.Rendered(article.id))
            if len(chunks) > 1:
                self._render_rest(article, chunks[1:])

    @work(exclusive=True, group="chunks")
    async def _render_rest(self, article: Article, chunks: list[str]) -> None:
        for chunk in chunks:
            await asyncio.sleep(0.02)  # let keys and paints through between chunks
            if self.article is not article:
                return
            await _uninterrupted(self._append(article, chunk))

    async def _append(self, article: Article, chunk: str) -> None:
        async with self._replacing:
            if self.article is not article:
                return
            markdown = Markdown(open_links=False)
            await self._body().mount(markdown)
            await markdown.update(chunk)
            self.chunks_shown += 1
            self.call_after_refresh(self._restore_position)

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

    def on_mouse_scroll_down(self) -> None:
        self._pending_position = None

    def on_mouse_scroll_up(self) -> None:
        self._pending_position = None

    def action_scroll_down(self) -> None:
        self._pending_position = None
        super().action_scroll_down()

    def action_scroll_up(self) -> None:
        self._pending_position = None
        super().action_scroll_up()

    def action_page_down(self) -> None:
        self._pending_position = None
        super().action_page_down()

    def action_page_up(self) -> None:
        self._pending_position = None
        super().action_page_up()

    def action_scroll_home(self) -> None:
        self._pending_position = None
        super().action_scroll_home()

    def action_scroll_end(self) -> None:
        self._pending_position = None
        super().action_scroll_end()
