"""Untrusted article text on every surface of the reader: shown as text, never obeyed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Reader, run_reader
from test_ui_data import HOSTILE_TITLE
from textual.widgets import Input, Markdown, OptionList, Static
from ui_helpers import opened, row_text, static_text

from tuireader.library import Library
from tuireader.ui.screens.dialogs import ConfirmScreen, TeaserInfoScreen
from tuireader.ui.screens.picker import FacetPicker
from tuireader.ui.screens.search import SearchScreen
from tuireader.ui.widgets.article_list import ArticleList
from tuireader.ui.widgets.story_view import StoryView
from tuireader.ui.widgets.teaser_panel import TeaserList


async def test_markup_in_titles_and_control_codes_are_shown_as_text(lib_path: Path) -> None:
    with opened(lib_path) as library:
        async with run_reader(library, (140, 30)) as reader:
            app, pilot = reader.app, reader.pilot
            await pilot.press("G", "enter")
            await reader.settle()
            assert static_text(app, "#story-title") == HOSTILE_TITLE
            lead = static_text(app, "#story-lead")
            assert "[red]markup[/red]" in lead and "\x1b" not in lead and "escape" in lead
            row = row_text(app.query_one(ArticleList), 14)
            assert "Markup stays text: [/i] [b]bold" in row
            body = "".join(m.source for m in app.query_one(StoryView).query("Markdown"))
            assert "\x1b" not in body and "[bold]markup[/bold]" in body
            screenshot = app.export_screenshot()
            assert "\x1b" not in screenshot
            assert "[/i]" in screenshot.replace("&#160;", " ")


# Every surface of the reader that shows article text, with text that tries to
# reorder the screen (bidi overrides and isolates), drive the terminal (escape
# sequences, an OSC 8 link, BEL) and inject Textual markup.
EVIL = "\u202eevil\u202c\u2066iso\u2069 [b]x[/b] \x1b[31mred\x1b[0m \x1b]8;;https://x.example\x07link\x1b]8;;\x07"
FORBIDDEN = ("\u202e", "\u202c", "\u2066", "\u2069", "\x1b", "\x07")


def assert_safe(text: str) -> None:
    for char in FORBIDDEN:
        assert char not in text, (char, text)
    assert "]8;;" not in text  # no half of an escape sequence left behind either


def evil_article():  # type: ignore[no-untyped-def]
    from test_ui_data import article

    from tuireader.model import Teaser

    return article(
        990,
        title=f"Title {EVIL}",
        section=f"Sec {EVIL}",
        lead=f"Lead {EVIL}",
        source=f"Source {EVIL}",
        authors=[f"Author {EVIL}"],
        image_caption=f"Caption {EVIL}",
        published="2040-01-01T00:00",
        url=f"https://news.example/{EVIL}",
        body=f"Body {EVIL}\n\nSecond paragraph.",
        related_label=f"Label {EVIL}",
        related=[
            Teaser(title=f"Teaser {EVIL}", source=f"TS {EVIL}", section=f"TSec {EVIL}", summary=f"Sum {EVIL}"),
        ],
    )


@pytest.fixture
async def evil_reader(library: Library):  # type: ignore[no-untyped-def]
    library.add(evil_article(), b"evil")
    async with run_reader(library, (140, 40)) as reader:
        yield reader


async def test_list_row_and_status_bar(evil_reader: Reader) -> None:
    row = row_text(evil_reader.app.query_one(ArticleList), 0)
    assert_safe(row)
    assert "Title evil" in row and "[b]x[/b]" in row
    evil_reader.main.set_view("all", f"Sec {EVIL}")
    await evil_reader.settle()
    status = static_text(evil_reader.app, "#status")
    assert_safe(status)
    assert "section: Sec evil" in status


async def test_story_header_and_body(evil_reader: Reader) -> None:
    await evil_reader.press("enter")
    await evil_reader.settle()
    for part in ("#story-meta", "#story-title", "#story-lead", "#story-caption", "#story-byline"):
        text = static_text(evil_reader.app, part)
        assert_safe(text)
        assert "evil" in text, part
    body = "".join(m.source for m in evil_reader.app.query_one(StoryView).query(Markdown))
    assert_safe(body)
    assert "Body evil" in body


async def test_teaser_cards_and_the_teaser_dialog(evil_reader: Reader) -> None:
    await evil_reader.press("enter")
    await evil_reader.settle()
    assert_safe(static_text(evil_reader.app, "#teaser-label"))
    cards = evil_reader.app.query_one(TeaserList)
    card = str(cards.get_option_at_index(0).prompt)
    assert_safe(card)
    assert "Teaser evil" in card and "Sum evil" in card
    await evil_reader.press("r", "enter")
    await evil_reader.settle()
    assert isinstance(evil_reader.app.screen, TeaserInfoScreen)
    text = " ".join(str(s.render()) for s in evil_reader.app.screen.query(Static))
    assert_safe(text)
    assert "Teaser evil" in text


async def test_search_results_and_status(evil_reader: Reader) -> None:
    await evil_reader.press("slash", *"evil")
    await evil_reader.wait_for(SearchScreen.Results, lambda m: bool(m.hits))
    results = evil_reader.app.screen.query_one("#search-results", OptionList)
    hit = str(results.get_option_at_index(0).prompt)
    assert_safe(hit)
    assert "Title evil" in hit
    evil_reader.app.screen.query_one("#search-input", Input).value = f"nothing{EVIL}"
    await evil_reader.wait_for(SearchScreen.Results, lambda m: m.query.startswith("nothing"))
    assert_safe(static_text(evil_reader.app, "#search-status"))


async def test_command_palette_hits(evil_reader: Reader) -> None:
    from tuireader.ui.commands import ArticleCommands

    provider = ArticleCommands(evil_reader.app.screen)
    hits = [hit async for hit in provider.search("evil")] + [hit async for hit in provider.discover()]
    texts = [f"{hit.text} {hit.help}" for hit in hits]
    assert any("Title evil" in t for t in texts)
    for text in texts:
        assert_safe(text)


async def test_section_picker_browser_question_and_notifications(evil_reader: Reader, notifications: list[str]) -> None:
    # (its section has too many words to be offered as a section: the source picker shows the same text)
    await evil_reader.press("F")
    await evil_reader.settle()
    assert isinstance(evil_reader.app.screen, FacetPicker)
    sections = evil_reader.app.screen.query_one(OptionList)
    prompts = [str(sections.get_option_at_index(i).prompt) for i in range(sections.option_count)]
    assert any("Source evil" in p for p in prompts)
    for prompt in prompts:
        assert_safe(prompt)
    await evil_reader.press("escape", "enter")
    await evil_reader.settle()
    await evil_reader.press("o")
    await evil_reader.settle()
    assert isinstance(evil_reader.app.screen, ConfirmScreen)
    question = " ".join(str(s.render()) for s in evil_reader.app.screen.query(Static))
    assert_safe(question)
    assert "news.example" in question
    await evil_reader.press("n", "b")
    await evil_reader.settle()
    assert any(n.startswith("Bookmarked: Title evil") for n in notifications)
    for note in notifications:
        assert_safe(note)
