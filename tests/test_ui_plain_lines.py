"""The end of a story beyond the caps: plain lines drawn a visible line at a time, every word kept and findable."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_reader
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets.markdown import MarkdownBlock
from ui_helpers import opened

from tuireader.render import CAPS
from tuireader.ui.widgets.find_bar import FindBar
from tuireader.ui.widgets.plain_lines import PlainLines
from tuireader.ui.widgets.story_view import StoryView

WORDS = ("harbour", "pier", "council", "[bold]markup[/bold]", "ferry", "tide", "gull", "quay")


def plain_text(lines: list[str]) -> list[str]:
    return [f"line {n}: " + " ".join(WORDS[(n + k) % len(WORDS)] for k in range(n % 23)) for n in range(lines)]


def rows_text(widget: PlainLines) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.rows)]


class Counting(PlainLines):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.drawn: set[int] = set()

    def render_line(self, y: int) -> object:  # type: ignore[override]
        self.drawn.add(y)
        return super().render_line(y)


class LinesApp(App[None]):
    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Counting(self.lines)


async def test_plain_lines_draw_only_the_lines_on_screen_and_wrap_every_word_to_the_width() -> None:
    lines = plain_text(3_000)
    app = LinesApp(lines)
    async with app.run_test(size=(40, 12)) as pilot:
        widget = app.query_one(Counting)
        await pilot.pause()
        assert widget.rows > 3_000  # long lines wrapped to 40 columns
        assert widget.drawn and max(widget.drawn) < 12  # only the screen's lines were made
        shown = rows_text(widget)
        assert all(len(row) <= 40 for row in shown)
        assert " ".join(shown).split() == " ".join(lines).split()  # every word, in order, none cut
        assert "[bold]markup[/bold]" in " ".join(shown)  # markup shown as typed, not obeyed
        narrow_rows = widget.rows
        await pilot.resize_terminal(80, 12)
        await pilot.pause()
        assert widget.rows < narrow_rows and widget.size.height == widget.rows
        wide = rows_text(widget)
        assert all(len(row) <= 80 for row in wide)
        assert " ".join(wide).split() == " ".join(lines).split()
        app.query_one(VerticalScroll).scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert widget.drawn >= {widget.rows - 1}  # drawn where it is scrolled to
        assert len(widget._strips) <= 256


def story_with_too_many_headings(count: int) -> str:
    return "\n".join(f"# heading {n} " + ("zebra" if n == count - 1 else "") for n in range(count))


async def test_a_story_beyond_the_caps_keeps_every_word_on_screen_and_find_scrolls_to_it(lib_path: Path) -> None:
    from test_ui_data import article

    count = 2_000
    with opened(lib_path) as library:
        story_id, _ = library.add(
            article(970, title="Headings", published="2042-01-01T00:00", body=story_with_too_many_headings(count)), b"z"
        )
        async with run_reader(library) as reader:
            reader.main.go_to_article(story_id)
            await reader.settle(60)
            story = reader.app.query_one(StoryView)
            assert story.article is not None and story.article.id == story_id and story.fully_rendered
            (plain,) = story.query(PlainLines)  # the end beyond the caps is one widget
            assert len(story.query(MarkdownBlock)) <= CAPS.story_weight + 20
            text = " ".join(block.render().plain for block in story.query(MarkdownBlock))
            text += " " + " ".join(rows_text(plain))
            numbers = {int(n) for n in re.findall(r"heading (\d+)", text)}
            assert numbers == set(range(count))
            assert "# heading 1999 zebra" in plain.lines  # markers shown as typed
            await reader.press("ctrl+f")
            await reader.press(*"zebra", "enter")
            await reader.settle()
            finder = reader.main._finder
            assert finder is not None and len(finder.hits) == 1
            hit = finder.hits[0]
            assert hit.block is plain
            assert "1 of 1" in str(reader.app.screen.query_one(FindBar).border_title)
            # scrolled to the match: its line is on screen, shows the word, and is highlighted
            line = finder.hit_y(hit)
            assert story.scroll_y <= line < story.scroll_y + story.scrollable_content_region.height
            screen_y = story.scrollable_content_region.y + line - round(story.scroll_y)
            widget, _ = reader.app.screen.get_widget_at(story.scrollable_content_region.x + 2, screen_y)
            assert widget is plain
            row = plain.render_line(screen_y - plain.content_region.y)
            assert "zebra" in row.text
            assert any(segment.text == "zebra" and segment.style and segment.style.reverse for segment in row)
            await reader.press("escape")
            await reader.settle()
            row = plain.render_line(screen_y - plain.content_region.y)
            assert not any(segment.style and segment.style.reverse for segment in row)


async def test_plain_lines_go_with_their_story(lib_path: Path) -> None:
    """A short story ending in a fence never closed: its plain lines are shown, then gone (and let go) when left."""
    import gc
    import weakref

    from test_ui_data import article

    body = "Intro.\n\n```\n" + "\n".join(f"[link=x]line {n}[/link] \x1b[31m" for n in range(500))
    with opened(lib_path) as library:
        fence_id, _ = library.add(article(971, title="Fence", published="2042-02-01T00:00", body=body), b"f")
        other = library.summaries()[-1].id
        async with run_reader(library) as reader:
            reader.main.go_to_article(fence_id)
            await reader.settle()
            story = reader.app.query_one(StoryView)
            (plain,) = story.query(PlainLines)
            assert plain.lines[0] == "```" and plain.lines[-1] == "[link=x]line 499[/link]"  # text, escape removed
            assert "[link=x]line 7[/link]" in [plain.render_line(y).text.rstrip() for y in range(plain.rows)]
            freed = weakref.ref(plain)
            reader.main.go_to_article(other)
            await reader.settle()
            assert story.article is not None and story.article.id == other
            assert not story.query(PlainLines) and plain.lines == []
            del plain
            reader.seen.clear()
            gc.collect()
            assert freed() is None
