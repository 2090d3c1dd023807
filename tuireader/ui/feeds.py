"""Feeds in the reader: the feeds picker (key 4), a feed's articles as a list source, and refreshing (key R).

**A feed is a filter.** Choosing a feed in ``FeedsScreen`` shows that feed's
articles in the article list (``FeedView``: the view shown, all or unread, over
``Library.feed_summaries``); the top line names the feed and counts its
articles. 1, 2 or 3 show the whole library again. The choice is
not remembered across restarts (the view and section are).

**Refreshing** runs ``tuireader.web.refresh`` in a thread worker
(``FeedRefresher``). Its progress (n of m feeds, new articles so far) is posted
to ``FeedsLine``, the line above the footer, and its report ends as one
notification (new articles, errors by feed). New articles reach the list the
way every change from outside the screen does: the app's live library
(``PRAGMA data_version``) re-reads the list in place. Quitting sets the
refresh's cancel event: no new request starts, and the ones under way are cut
off (``HttpClient.abort``), so quitting never waits for a slow server.
``refresh_minutes`` in config.toml refreshes the due feeds on an interval
while the reader is open (off by default), skipped while a refresh runs.

Feed names and errors come from the web: they reach the screen through
``clean_line`` and ``Content``, never markup.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.content import Content
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from tuireader.library import Library
from tuireader.model import ArticleSummary
from tuireader.ui.protocols import LibraryAPI
from tuireader.ui.screens.feeds import ALL_FEEDS, FeedsScreen
from tuireader.ui.sources import LibraryView
from tuireader.ui.text import clean_line
from tuireader.web.refresh import Progress, RefreshReport, refresh
from tuireader.web.settings import FetchSettings

if TYPE_CHECKING:
    from tuireader.ui.app import ReaderApp

# Feeds named one by one in a refresh's notification; the rest are counted.
NAMED_ERRORS = 3
# A feed's articles are read whole to count and locate them (a feed holds at most a few thousand).
FEED_LIMIT = 1_000_000


@dataclass
class FeedView(LibraryView):
    """One feed's articles in the view shown (all, unread; bookmarks: the feed's bookmarked ones)."""

    feed_id: int = 0
    feed_name: str = ""

    def but(self, **changes: object) -> LibraryView:
        """Any other view (1, 2, 3, a filter, the order) leaves the feed for the whole library."""
        whole = LibraryView(self.library, self.view, self.section, self.source, self.hide_read, self.sort)
        return whole.but(**changes)

    def _all(self) -> list[ArticleSummary]:
        rows = self.library_feeds().feed_summaries(self.feed_id, unread=self.view == "unread", limit=FEED_LIMIT)
        return [r for r in rows if r.bookmarked] if self.view == "bookmarks" else rows

    def library_feeds(self) -> Library:
        if not isinstance(self.library, Library):
            raise TypeError("feeds need a library on disk")
        return self.library

    def count(self) -> int:
        return len(self._all())

    def fetch(self, offset: int, limit: int) -> list[ArticleSummary]:
        if self.view == "bookmarks":
            return self._all()[offset : offset + limit]
        return self.library_feeds().feed_summaries(
            self.feed_id, unread=self.view == "unread", offset=offset, limit=limit
        )

    def index_of(self, article_id: int) -> int | None:
        ids = [r.id for r in self._all()]
        return ids.index(article_id) if article_id in ids else None

    def index_or_next(self, article_id: int) -> int | None:
        found = self.index_of(article_id)
        return found if found is not None else 0

    def next_unread(self, after_id: int | None) -> int | None:
        rows = self._all()
        ids = [r.id for r in rows]
        start = ids.index(after_id) + 1 if after_id in ids else 0
        return next((r.id for r in rows[start:] if not r.read), None)

    def mark_all_read(self, library: LibraryAPI) -> int:
        """Only this feed's articles, never the whole library's."""
        unread = [r.id for r in self._all() if not r.read]
        return sum(1 for article_id in unread if library.set_read(article_id, True))


# -- refreshing ---------------------------------------------------------------------


class FeedsLine(Static):
    """The line above the footer while a refresh runs: its progress."""

    DEFAULT_CSS = """
    FeedsLine { height: 1; background: $panel; color: $text-muted; display: none; }
    FeedsLine.-shown { display: block; }
    """

    class Progressed(Message):
        bubble = False

        def __init__(self, progress: Progress) -> None:
            super().__init__()
            self.progress = progress

    class Finished(Message):
        """A refresh ended: its report (None: it failed, reported as a failed worker)."""

        bubble = False

        def __init__(self, report: RefreshReport | None, manual: bool) -> None:
            super().__init__()
            self.report = report
            self.manual = manual

    def __init__(self) -> None:
        super().__init__(markup=False, id="feeds-line")
        self.progress: Progress | None = None
        self.running = False

    def started(self) -> None:
        self.running, self.progress = True, None
        self.show_state()

    def show_state(self) -> None:
        parts: list[tuple[str, str] | str] = []
        if self.running:
            p = self.progress
            text = f"Refreshing feeds: {p.done} of {p.total}, {p.new_articles} new" if p else "Refreshing feeds…"
            parts.append((text, "bold"))
            if p and p.feed:
                parts += ["  ", clean_line(p.feed)]
        self.update(Content.assemble(" ", *parts) if parts else Content(""))
        self.set_class(bool(parts), "-shown")

    def on_feeds_line_progressed(self, event: Progressed) -> None:
        self.progress = event.progress
        self.show_state()

    def on_feeds_line_finished(self, event: Finished) -> None:
        self.running = False
        self.show_state()
        report = event.report
        if report is None:
            return
        message, severity = summary(report)
        if event.manual or report.counts()["new"] or severity != "information":
            self.app.notify(message, severity=severity, markup=False, timeout=8)  # type: ignore[arg-type]
        if isinstance(self.app.screen, FeedsScreen):
            self.app.screen.reload()


def summary(report: RefreshReport) -> tuple[str, str]:
    """The notification that ends a refresh, and its severity."""
    counts = report.counts()
    if not report.feeds:
        return "No subscriptions to refresh. Add one with: tuireader subscribe URL", "information"
    fetched = sum(1 for f in report.feeds if f.status not in ("waiting", "cancelled"))
    new = counts["new"]
    text = f"Refreshed {fetched} of {counts['feeds']} feed{'s' if counts['feeds'] != 1 else ''}: "
    text += f"{new} new article{'s' if new != 1 else ''}"
    if report.cancelled:
        text += " (stopped)"
    failed = [f for f in report.feeds if f.status == "error"]
    if not failed:
        return text + ".", "information"
    lines = [f"{clean_line(f.name)}: {clean_line(f.error or 'failed')}" for f in failed[:NAMED_ERRORS]]
    if len(failed) > NAMED_ERRORS:
        lines.append(f"… and {len(failed) - NAMED_ERRORS} more feeds failed (tuireader feeds lists them)")
    return text + f"; {len(failed)} failed:\n" + "\n".join(lines), "warning"


class FeedRefresher:
    """Runs one refresh at a time for the app, and stops it when the app quits."""

    def __init__(self, app: ReaderApp, settings: FetchSettings | None = None) -> None:
        self.app = app
        self.settings = settings  # None: tuireader.web's defaults
        self.cancel = threading.Event()
        self.worker: Worker[None] | None = None
        self.last_report: RefreshReport | None = None  # the last refresh that ended
        self.finished = threading.Event()  # set when a refresh's thread ends

    @property
    def running(self) -> bool:
        return self.worker is not None and self.worker.state in (WorkerState.PENDING, WorkerState.RUNNING)

    def line(self) -> FeedsLine | None:
        """The main screen's feeds line, mounted above the footer on first use."""
        screen = self.app.main_screen
        if screen is None:
            return None
        found = screen.query(FeedsLine)
        if found:
            return found.first()
        footers = screen.query("KeyFooter")
        if not footers:
            return None  # the screen is still being built: the next tick of the interval tries again
        line = FeedsLine()
        screen.mount(line, before=footers.first())
        return line

    def start(self, *, manual: bool) -> bool:
        """Refresh in a thread worker (``manual``: R, every feed not asked to wait; else only due ones)."""
        if self.running:
            if manual:
                self.app.notify("A refresh is already running.", timeout=3)
            return False
        library = self.app.library
        line = self.line()
        if not isinstance(library, Library) or line is None or self.cancel.is_set():
            return False
        line.started()
        self.finished.clear()
        self.worker = self.app.run_worker(
            lambda: self._run(library, line, manual),
            name="refresh feeds",
            group="feeds-refresh",
            thread=True,
            exit_on_error=False,
        )
        return True

    def _run(self, library: Library, line: FeedsLine, manual: bool) -> None:
        report: RefreshReport | None = None

        def progressed(progress: Progress) -> None:
            line.post_message(FeedsLine.Progressed(progress))

        try:
            report = refresh(
                library,
                force=manual,
                settings=self.settings,
                progress=progressed,
                cancel=self.cancel,
            )
        finally:
            library.release_thread()
            self.last_report = report
            self.finished.set()
            line.post_message(FeedsLine.Finished(report, manual))

    def start_interval(self, minutes: float | None) -> None:
        """Refresh the due feeds every ``minutes`` while the reader is open (None: only when asked)."""
        if minutes:
            self.app.set_interval(minutes * 60, lambda: self.start(manual=False), name="refresh feeds")

    def stop(self) -> None:
        """Quitting: no new request starts; the ones under way are cut off."""
        self.cancel.set()


def pick_feed(app: ReaderApp) -> None:
    """Key 4: the feeds picker; choosing a feed shows its articles in the list."""
    main = app.main_screen
    library = app.library
    if main is None:
        return
    if not isinstance(library, Library):
        app.notify("Feeds need a library on disk.", severity="warning")
        return
    source = main.article_list_source
    current = source.feed_id if isinstance(source, FeedView) else None

    def chosen(choice: int | str | None) -> None:
        if choice is None:
            return
        if choice == ALL_FEEDS or not isinstance(choice, int):
            main.show_source(LibraryView(library, main.view, None))
        else:
            feed = next((f for f in (screen.feeds or []) if f.id == choice), None)
            name = feed.display_name if feed is not None else f"feed {choice}"
            main.show_source(FeedView(library, main.view, None, feed_id=choice, feed_name=name))

    screen = FeedsScreen(library, current)
    app.push_screen(screen, chosen)
