"""A story's blocks as the reader draws them: a table is one widget and shows every word of every cell."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget

from tuireader.ui.widgets.story_blocks import StoryMarkdown, StoryTable

TABLE = """Before the table.

| Name | Votes | Note |
|---|---:|---|
| **Alice** | 1,204 | re-elected, [her site](https://example.com/alice) |
| Bob [b] | 998 | a note long enough to wrap: it goes on past the width of its column to its last word, zebra |
| `[red]x[/]` | 3 | *new* |

After the table."""


class _Story(App[None]):
    def compose(self) -> ComposeResult:
        yield StoryMarkdown()


def _lines(widget: Widget) -> list[str]:
    return [strip.text for strip in widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))]


async def test_a_table_is_one_widget_showing_every_word_of_its_cells() -> None:
    app = _Story()
    async with app.run_test(size=(60, 30)) as pilot:
        markdown = app.query_one(StoryMarkdown)
        await markdown.update(TABLE)
        await pilot.pause()
        table = markdown.query_one(StoryTable)
        assert len(table.children) == 1  # one widget draws the grid, not one per cell
        lines = _lines(table.children[0])
        text = " ".join(" ".join(lines).split())
        for words in ("Name", "Votes", "Note", "Alice", "1,204", "re-elected", "her site", "Bob [b]", "998"):
            assert words in text
        assert "[red]x[/]" in text  # markup in a cell is text, not obeyed
        note = "a note long enough to wrap: it goes on past the width of its column to its last word, zebra"
        assert all(word in text.split() for word in note.split())
        assert sum("zebra" in line for line in lines) == 1 and not any("zebra" in line for line in lines[:3])
        assert max(len(line.rstrip()) for line in lines) <= table.size.width
