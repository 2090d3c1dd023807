"""The teaser block: the page's related-articles cards, shown apart from the story.

Its own widget with its own look (a labelled box), never mixed into the story's
Markdown; each card is selectable and ``enter`` posts ``TeaserPanel.Chosen``.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer, Vertical
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tuireader.model import Teaser
from tuireader.ui.text import clean_line
from tuireader.ui.textual_adapter import option_span


def teaser_prompt(teaser: Teaser) -> Content:
    """A card as plain Content: title, then source · section · date, then the summary."""
    title_parts: list[tuple[str, str] | str] = []
    if teaser.sponsored:
        title_parts.append(("Sponsored", "reverse bold $sponsored"))
        title_parts.append(" ")
    if teaser.article_id is not None:
        title_parts.append(("→ ", "$text-accent"))
    title_parts.append((clean_line(teaser.title) or "(untitled)", "bold"))
    lines = [Content.assemble(*title_parts)]
    meta = " · ".join(x for x in (clean_line(teaser.source), clean_line(teaser.section), clean_line(teaser.date)) if x)
    if teaser.article_id is not None:
        meta = f"{meta} · in your library" if meta else "in your library"
    if meta:
        lines.append(Content.styled(meta, "$text-muted"))
    if teaser.summary:
        lines.append(Content(clean_line(teaser.summary)))
    return Content("\n").join(lines)


class TeaserList(OptionList):
    """The cards; grows to its full height and keeps the highlighted card visible in the story's scroll."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="teasers.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="teasers.up"),
        Binding(
            "enter",
            "select",
            "Open teaser",
            id="teasers.open",
            tooltip="Open the teaser's article, or show what the page said about it",
        ),
        Binding("g,home", "first", "First", show=False, id="teasers.top"),
        Binding("G,end", "last", "Last", show=False, id="teasers.bottom"),
    ]

    def scroll_to_highlight(self, top: bool = False) -> None:
        super().scroll_to_highlight(top)
        if not self.has_focus:
            return  # only follow the cursor while the user moves it
        index = self.highlighted
        scroller = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)
        if index is None or scroller is None or not self.is_mounted:
            return
        span = option_span(self, index)
        if span is None:
            return
        line, height = span
        y = self.content_region.y + line - round(self.scroll_y) - scroller.content_region.y + round(scroller.scroll_y)
        scroller.scroll_to_region(
            Region(0, y - 1, scroller.scrollable_content_region.width, height + 2),
            animate=False,
            immediate=True,
        )


class TeaserPanel(Vertical):
    """A labelled, selectable list of teasers ("Mehr zum Thema", or "Related")."""

    DEFAULT_CSS = """
    TeaserPanel {
        height: auto;
        display: none;
        &.-has-teasers { display: block; }
    }
    """

    class Chosen(Message):
        """The user chose a teaser (enter or a click)."""

        def __init__(self, panel: TeaserPanel, teaser: Teaser) -> None:
            super().__init__()
            self.panel = panel
            self.teaser = teaser

        @property
        def control(self) -> TeaserPanel:
            return self.panel

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.teasers: list[Teaser] = []

    def compose(self) -> ComposeResult:
        yield Static(id="teaser-label", markup=False)
        yield TeaserList(id="teaser-list")

    @property
    def teaser_list(self) -> TeaserList:
        return self.query_one(TeaserList)

    def show(self, teasers: list[Teaser], label: str | None) -> None:
        self.teasers = list(teasers)
        label_text = clean_line(label) or "Related"
        count = len(self.teasers)
        self.query_one("#teaser-label", Static).update(
            Content.assemble(
                (label_text, "bold"),
                (f"  {count} teaser{'s' if count != 1 else ''}, not part of this story", "$text-muted"),
            )
        )
        option_list = self.teaser_list
        option_list.clear_options()
        options: list[Option | None] = []
        for index, teaser in enumerate(self.teasers):
            if index:
                options.append(None)  # a separator line between cards
            options.append(Option(teaser_prompt(teaser), id=str(index)))
        option_list.add_options(options)
        if self.teasers:
            option_list.highlighted = 0
        self.set_class(bool(self.teasers), "-has-teasers")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int(event.option.id or -1)
        if 0 <= index < len(self.teasers):
            self.post_message(self.Chosen(self, self.teasers[index]))
