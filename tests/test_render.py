"""render.py: the story the reader gets is sanitised and bounded, and no word is lost."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tuireader.model import Article, Teaser
from tuireader.render import CAPS, render_article_text, story_markdown
from tuireader.sanitize import clean_block

HOSTILE = "\x1b]52;c;cHduZWQ=\x07\x1b[2J\x9b31m\u202e\r\x07\x08"
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _table(rows: int, cols: int) -> str:
    head = "| " + " | ".join(f"h{c}" for c in range(cols)) + " |"
    lines = [head, "|" + "---|" * cols]
    lines += ["| " + " | ".join(f"r{r}c{c}" for c in range(cols)) + " |" for r in range(rows)]
    return "\n".join(lines)


def _blocks(markdown: str) -> list:
    return MarkdownIt("gfm-like").parse(markdown)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z0-9]+", text))


def test_every_field_of_the_plain_text_is_sanitised() -> None:
    article = Article(
        title=f"Title{HOSTILE}",
        body=f"Body{HOSTILE}\n\nmore",
        section=HOSTILE,
        lead=HOSTILE,
        published=HOSTILE,
        updated=HOSTILE,
        image_caption=HOSTILE,
        source=HOSTILE,
        url=HOSTILE,
        authors=[HOSTILE],
        tags=[HOSTILE],
        related_label=HOSTILE,
        related=[Teaser(title=HOSTILE, source=HOSTILE, section=HOSTILE, date=HOSTILE, summary=HOSTILE, url=HOSTILE)],
        leftover=[HOSTILE],
        damaged=HOSTILE,
    )
    text = render_article_text(article)
    assert FORBIDDEN.search(text) is None
    assert "TITLE" in text and "Body" in text


def test_a_huge_table_keeps_its_first_rows_as_a_table_and_the_rest_as_text() -> None:
    out = story_markdown(_table(1000, 10))
    tables = [t for t in _blocks(out) if t.type == "table_open"]
    assert len(tables) == 1
    rows = [t for t in _blocks(out) if t.type == "tr_open"]
    assert len(rows) > 2 and len(rows) * 10 <= CAPS.table_cells  # each cell is a widget in the reader
    assert _words(_table(1000, 10)) <= _words(out)  # every cell is still there
    # The rest: a row a line (hard breaks), in paragraphs of many rows, not one paragraph each.
    lines = [line for line in out.splitlines() if line.startswith("r")]
    assert len(lines) + len(rows) - 1 == 1000 and all(line.endswith("  ") for line in lines)
    assert sum(t.type == "paragraph_open" for t in _blocks(out)) < 1000 // 4


def test_a_table_too_wide_for_a_terminal_is_a_row_a_line() -> None:
    out = story_markdown(_table(1000, 50))
    assert not [t for t in _blocks(out) if t.type == "table_open"]
    assert _words(_table(1000, 50)) <= _words(out)
    lines = [line for line in out.splitlines() if line.startswith("r")]
    assert len(lines) == 1000 and lines[0].startswith("r0c0 · r0c1") and lines[0].endswith("r0c49  ")


def test_a_narrow_table_keeps_more_rows_than_a_wide_one() -> None:
    narrow = [t for t in _blocks(story_markdown(_table(1000, 3))) if t.type == "tr_open"]
    wide = [t for t in _blocks(story_markdown(_table(1000, 10))) if t.type == "tr_open"]
    assert len(narrow) == min(CAPS.table_rows, CAPS.table_cells // 3) > len(wide)


def test_table_rows_shown_as_text_obey_no_markdown() -> None:
    lines = ["| a | b |", "|---|---|"] + [f"| r{r} | x |" for r in range(CAPS.table_rows)]
    lines += ["| # heading | x |", "| - item | y |", "| 1. first | z |", "| > quote | w |"]
    blocks = _blocks(story_markdown("\n".join(lines)))
    assert not [
        t for t in blocks if t.type in ("heading_open", "bullet_list_open", "ordered_list_open", "blockquote_open")
    ]
    text = "".join(c.content for t in blocks if t.type == "inline" for c in t.children or [])
    assert all(word in text for word in ("# heading", "- item", "1. first", "> quote"))


def test_a_small_table_is_unchanged() -> None:
    table = _table(5, 3)
    assert story_markdown(table) == table


def test_deep_quotes_and_lists_are_capped_and_keep_their_text() -> None:
    out = story_markdown(">" * 10_000 + " deep quote\n\n" + "- " * 10_000 + "deep item")
    depth = max(t.level for t in _blocks(out))
    assert depth <= 2 * CAPS.container_depth + 4
    assert "deep quote" in out and "deep item" in out
    nested = "\n".join("  " * i + "- level" for i in range(5_000))
    assert max(len(line) - len(line.lstrip()) for line in story_markdown(nested).splitlines()) <= CAPS.indent_chars


def test_an_unclosed_fence_is_text_and_a_long_fence_is_split() -> None:
    out = story_markdown("intro\n\n```python\n" + "x = 1\n" * 10_000)
    assert not [t for t in _blocks(out) if t.type == "fence"]
    assert out.count("x = 1") == 10_000
    # each line on a line of its own, in paragraphs of bounded size
    inline = [t for t in _blocks(out) if t.type == "inline" and "x = 1" in t.content]
    assert sum(c.type == "hardbreak" for t in inline for c in t.children) >= 10_000 - len(inline)
    assert max(len(t.content) for t in inline) <= CAPS.paragraph_chars
    closed = "```\n" + "y = 2\n" * 1_000 + "```"
    fences = [t for t in _blocks(story_markdown(closed)) if t.type == "fence"]
    assert len(fences) == 5 and all(t.content.count("\n") <= CAPS.fence_lines for t in fences)
    assert sum(t.content.count("y = 2") for t in fences) == 1_000


def test_a_story_with_more_structure_than_the_reader_lays_out_goes_on_as_plain_lines() -> None:
    items = "\n".join(f"- item {n}" for n in range(10_000))
    out = story_markdown("Intro.\n\n" + items)
    blocks = _blocks(out)
    assert 10 < sum(t.type == "list_item_open" for t in blocks) <= CAPS.story_weight // 5 + 1
    assert out.count("item 9999") == 1 and "\\- item 9999  " in out  # the rest: as typed, a line each
    assert _words(items) <= _words(out)
    headings = "\n".join(f"# heading {n}" for n in range(10_000))
    assert sum(t.type == "heading_open" for t in _blocks(story_markdown(headings))) <= CAPS.story_weight + 1


def test_a_huge_paragraph_is_split_without_losing_words() -> None:
    text = " ".join(f"w{i}" for i in range(200_000))
    out = story_markdown(text)
    paragraphs = [t for t in _blocks(out) if t.type == "paragraph_open"]
    assert len(paragraphs) > 1
    assert max(len(p) for p in out.split("\n\n")) <= CAPS.paragraph_chars
    assert out.split() == text.split()


@settings(max_examples=60, deadline=None)
@given(st.text(st.sampled_from("ab |-:>`~*+1.\n \t\x1b\x9b\u202e")))
def test_story_markdown_is_idempotent_sanitised_and_keeps_every_word(text: str) -> None:
    out = story_markdown(text)
    assert FORBIDDEN.search(out) is None
    assert story_markdown(out) == out
    letters = re.compile(r"[ab]+")  # words, not list numbers (a marker beyond the nesting cap goes)
    assert letters.findall(clean_block(text).replace("\n", " ")) == letters.findall(out.replace("\n", " "))
