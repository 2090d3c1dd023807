"""Save and pipe the current article (``s``, ``|``): a part of the main screen.

Both act on what ``b`` and ``u`` act on (the article read, else the
highlighted row). The article is read and written in thread workers; the
result comes back as a message. A pipe runs with the app suspended
(``tuireader.ui.piping``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message

from tuireader.ingest.exportformat import to_markdown
from tuireader.library.errors import LibraryError
from tuireader.library.exporters import save_article
from tuireader.ui.piping import PipeResult, run_captured, run_in_terminal
from tuireader.ui.screens.pipe import PipeScreen
from tuireader.ui.screens.screen_part import MainScreenPart
from tuireader.ui.text import clean_line

if TYPE_CHECKING:
    from tuireader.model import Article


class ArticleFiles(MainScreenPart):
    """Mixed into ``MainScreen``: ``s`` saves, ``|`` pipes."""

    last_command = ""  # what | ran last (offered again)

    class Saved(Message):
        bubble = False

        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    class PipeReady(Message):
        """The article as markdown, ready for ``command``."""

        bubble = False

        def __init__(self, command: str, text: str) -> None:
            super().__init__()
            self.command = command
            self.text = text

    class Piped(Message):
        bubble = False

        def __init__(self, result: PipeResult) -> None:
            super().__init__()
            self.result = result

    def _article_for_file(self, article_id: int) -> Article:
        article = self.library.get(article_id)
        if article is None:
            raise LibraryError("That article is no longer in the library.")
        return article

    # -- s ------------------------------------------------------------------

    def action_save_article(self) -> None:
        target = self._target()
        if target is not None:
            self._save_file(target)

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def _save_file(self, article_id: int) -> None:
        path = save_article(self._article_for_file(article_id), self.reader.config.save_path)
        self.post_message(self.Saved(path))

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        self.app.notify(f"Saved to {clean_line(str(event.path))}", markup=False, timeout=5)

    # -- | ------------------------------------------------------------------

    def action_pipe_article(self) -> None:
        target = self._target()
        if target is None:
            return
        summary = self.library.summary(target)

        def chosen(command: str | None) -> None:
            if command:
                ArticleFiles.last_command = command
                self._prepare_pipe(target, command)

        title = summary.title if summary is not None else ""
        self.app.push_screen(PipeScreen(title, ArticleFiles.last_command), chosen)

    @work(thread=True, exclusive=True, group="pipe", exit_on_error=False)
    def _prepare_pipe(self, article_id: int, command: str) -> None:
        self.post_message(self.PipeReady(command, to_markdown(self._article_for_file(article_id))))

    @on(PipeReady)
    def _pipe_ready(self, event: PipeReady) -> None:
        result = run_in_terminal(self.app, event.command, event.text)
        if result is None:  # no terminal to hand over: run it with its output captured
            self._pipe_captured(event.command, event.text)
        else:
            self._report_pipe(result)

    @work(thread=True, exclusive=True, group="pipe", exit_on_error=False)
    def _pipe_captured(self, command: str, text: str) -> None:
        self.post_message(self.Piped(run_captured(command, text)))

    @on(Piped)
    def _piped(self, event: Piped) -> None:
        self._report_pipe(event.result)

    def _report_pipe(self, result: PipeResult) -> None:
        said = f": {clean_line(result.output)}" if result.output else ""
        if result.returncode == 0:
            self.app.notify(f"Piped to “{clean_line(result.command)}”{said}", markup=False, timeout=5)
        else:
            self.app.notify(
                f"“{clean_line(result.command)}” ended with status {result.returncode}{said}",
                severity="warning",
                markup=False,
                timeout=8,
            )
