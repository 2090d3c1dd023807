"""Command palette: open an article by title; views, sections, bookmark, search."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tuireader.ui.text import clean_line, short_date

if TYPE_CHECKING:
    from tuireader.ui.app import ReaderApp

T = TypeVar("T")


class ArticleCommands(Provider):
    """'Open article…': full-text search over the library, by title first."""

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    async def _read(self, query: Callable[[], T]) -> T:
        """Ask the library in a thread worker (the palette's providers are async generators, not widgets)."""
        worker = self.app.run_worker(query, thread=True, group="palette", exit_on_error=False)
        return await worker.wait()

    def _open(self, article_id: int) -> None:
        screen = self.reader.main_screen
        if screen is not None:
            screen.go_to_article(article_id)

    async def discover(self) -> Hits:
        library = self.reader.library
        summaries = await self._read(partial(library.summaries, "all", None, 0, 10))
        for summary in summaries:
            title = clean_line(summary.title) or "(untitled)"
            help_text = " · ".join(x for x in (clean_line(summary.section), short_date(summary.published)) if x)
            yield DiscoveryHit(
                Content(f"Open: {title}"),
                partial(self._open, summary.id),
                text=f"Open: {title}",
                help=Content(help_text) if help_text else None,  # type: ignore[arg-type]
            )

    async def search(self, query: str) -> Hits:
        if not query.strip():
            return
        library = self.reader.library
        hits = await self._read(partial(library.search, query, 20))
        matcher = self.matcher(query)
        for rank, hit in enumerate(hits):
            title = clean_line(hit.title) or "(untitled)"
            score = matcher.match(title)
            # Title matches first, then the library's own ranking.
            score = max(score, 0.5 - rank * 0.01)
            help_text = " · ".join(x for x in (clean_line(hit.section), short_date(hit.published)) if x)
            yield Hit(
                score,
                Content(f"Open: {title}"),
                partial(self._open, hit.id),
                text=f"Open: {title}",
                help=Content(help_text) if help_text else None,  # type: ignore[arg-type]
            )
