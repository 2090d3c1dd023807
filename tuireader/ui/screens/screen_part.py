"""What a part of the main screen (``ArticleFiles``, ``Browsing``) may use of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from tuireader.ui.app import ReaderApp
    from tuireader.ui.protocols import LibraryAPI


class MainScreenPart(MessagePump):
    """A mixin of ``MainScreen``; the screen provides these."""

    @property
    def library(self) -> LibraryAPI:
        raise NotImplementedError

    @property
    def reader(self) -> ReaderApp:
        raise NotImplementedError

    def _target(self) -> int | None:
        """What b, u, s and | act on: the article read, else the highlighted row."""
        raise NotImplementedError
