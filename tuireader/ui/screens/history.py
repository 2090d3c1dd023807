"""Back keeps the place: the articles jumped from (by a teaser, a link, a search) and where each was read.

``escape`` (or ``backspace``) while reading returns to the article before,
at the line it was left at, as far back as you went; from the first one, to
the list. ``n``/``p`` move along the list and add nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

# How many jumps back are kept.
HISTORY_DEPTH = 100


@dataclass(frozen=True)
class Place:
    article_id: int
    position: float  # lines scrolled


class History:
    def __init__(self, depth: int = HISTORY_DEPTH) -> None:
        self._places: list[Place] = []
        self.depth = depth

    def __len__(self) -> int:
        return len(self._places)

    def push(self, article_id: int, position: float) -> None:
        if self._places and self._places[-1].article_id == article_id:
            self._places.pop()
        self._places.append(Place(article_id, position))
        del self._places[: -self.depth]

    def pop(self, current: int | None) -> Place | None:
        """The place before ``current`` (places of ``current`` itself are skipped)."""
        while self._places:
            place = self._places.pop()
            if place.article_id != current:
                return place
        return None

    def clear(self) -> None:
        self._places.clear()
