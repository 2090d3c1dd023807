"""Find in the article: ctrl+f highlights the matches, n/N go between them, escape ends find."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from conftest import run_reader
from ui_helpers import opened

from tuireader.model import Article
from tuireader.ui.widgets.find_bar import FindBar
from tuireader.ui.widgets.story_view import StoryView


def body() -> str:
    from test_ui_data import paragraph

    parts = [paragraph(n) for n in range(1, 61)]
    for n in (5, 25, 50):
        parts[n] += " The Needle was here."
    return "\n\n".join(parts)


async def test_ctrl_f_finds_highlights_and_n_moves_between_matches(lib_path: Path) -> None:
    from test_ui_data import article

    with opened(lib_path) as library:
        found_id, _ = library.add(article(990, title="Haystack", published="2041-01-01T00:00", body=body()), b"h")
        async with run_reader(library) as reader:
            app = reader.app
            main = reader.main
            await reader.press("enter")
            await reader.settle()
            story = app.query_one(StoryView)
            assert story.article.id == found_id
            await reader.press("ctrl+f")
            assert isinstance(app.focused, FindBar)
            await reader.press(*"needle", "enter")
            await reader.settle()
            finder = main._finder
            assert finder is not None and len(finder.hits) == 3 and finder.current == 0
            assert app.focused is story
            assert "1 of 3" in str(app.screen.query_one(FindBar).border_title)
            # every match is highlighted in its block
            for hit in finder.hits:
                assert "Needle" in hit.block.render().plain
                assert any(span.start == hit.start for span in hit.block.render().spans)
            first_y = story.scroll_target_y
            await reader.press("n")
            await reader.settle()
            assert finder.current == 1 and story.scroll_target_y > first_y
            # the match's own line is on screen (its block, a run of paragraphs, may be taller than the screen)
            line = finder.hit_y(finder.hits[1])
            assert story.scroll_y <= line < story.scroll_y + story.scrollable_content_region.height
            row = app.screen.get_widget_at(story.region.x + 3, story.region.y + line - round(story.scroll_y))[0]
            assert row is finder.hits[1].block
            await reader.press("N", "N")
            assert finder.current == 2
            # escape ends find and takes the highlights away; n is next article again
            blocks = [hit.block for hit in finder.hits]
            await reader.press("escape")
            await reader.settle()
            assert not finder.active and not app.screen.query(FindBar)
            assert not any("reverse" in str(span.style) for block in blocks for span in block.render().spans)
            await reader.press("n")
            await reader.settle()
            assert story.article.id != found_id


async def test_find_says_when_the_story_is_still_rendering(lib_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_ui_data import article, story

    # The rest of the story waits until the test lets it come.
    gate = asyncio.Event()
    append = StoryView._append

    async def held_append(self: StoryView, shown: Article, chunk: str) -> None:
        await gate.wait()
        await append(self, shown, chunk)

    monkeypatch.setattr(StoryView, "_append", held_append)
    with opened(lib_path) as library:
        long_id, _ = library.add(
            article(991, title="Long", published="2041-01-02T00:00", body=story(900, "Long")), b"x"
        )
        async with run_reader(library) as reader:
            await reader.pilot.press_busy("enter")
            await reader.wait_for(StoryView.Rendered, lambda m: m.article_id == long_id, busy=True)
            await reader.pilot.press_busy("ctrl+f")
            bar = reader.app.screen.query_one(FindBar)
            bar.value = "council"
            await reader.pilot.press_busy("enter")
            await reader.wait_for(FindBar.Find, busy=True)
            story_view = reader.app.query_one(StoryView)
            assert not story_view.fully_rendered
            assert "still rendering" in str(bar.border_title)
            gate.set()
            await reader.settle(60)
            assert story_view.fully_rendered
            first_count = len(reader.main._finder.hits)
            await reader.press("ctrl+f", "enter")
            await reader.settle()
            assert len(reader.main._finder.hits) >= first_count
            assert "still rendering" not in str(reader.app.screen.query_one(FindBar).border_title)
            assert len(reader.main._finder.hits) >= 900  # every paragraph names the council
