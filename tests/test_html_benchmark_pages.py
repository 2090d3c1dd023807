"""Real saved pages from the extraction benchmark, scored against their ground truth."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from tuireader.ingest import parse_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "html" / "benchmark"
TRUTH = json.loads((FIXTURES / "ground-truth.json").read_text(encoding="utf-8"))

_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_#>`|\\]")


def plain(markdown: str) -> str:
    """Story text without link targets and markdown marks, whitespace collapsed."""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or "", markdown).split())


def shingles(text: str) -> set[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text.lower())
    return {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}


def read(page_id: str):
    return parse_bytes(gzip.decompress((FIXTURES / f"{page_id}.html.gz").read_bytes()), f"{page_id}.html")


def shown_story(article) -> str:
    """The story as the reader shows it: the lead above the body."""
    return plain(f"{article.lead or ''}\n\n{article.body}")


# A page that opens with a <script> and a <style> before its <html>.
SCRIPT_FIRST = "de-73451f6468d8e813"


@pytest.mark.parametrize("page_id", sorted(p for p in TRUTH if p.startswith("de-") and p != SCRIPT_FIRST))
def test_german_page_story_title_and_teasers(page_id: str) -> None:
    truth = TRUTH[page_id]
    article = read(page_id)
    story = shown_story(article)
    for snippet in truth["with"]:
        assert " ".join(snippet.split()) in story, snippet
    for snippet in truth["without"]:
        assert " ".join(snippet.split()) not in story, snippet
    assert article.title.casefold() == truth["title"].casefold()
    # every one of these pages has a "Mehr zum Thema" block: it is read as teasers, not story
    assert article.related_label == "Mehr zum Thema"
    assert article.related
    assert all(t.url and t.url.startswith("http") for t in article.related)
    assert not any(t.title in story for t in article.related if len(t.title) > 30)


@pytest.mark.parametrize("page_id", sorted(p for p in TRUTH if p.startswith("zyte-")))
def test_english_page_story_matches_the_article_body(page_id: str) -> None:
    article = read(page_id)
    story, truth = shingles(shown_story(article)), shingles(TRUTH[page_id]["articleBody"])
    precision = len(story & truth) / len(story)
    recall = len(story & truth) / len(truth)
    assert recall >= 0.95
    assert precision >= 0.75
    assert article.related  # "Read Next", "Trending", "Most Popular" blocks


def test_story_among_teaser_cards_is_kept() -> None:
    """A page whose story sits in the same container as a run of teaser cards."""
    article = read("de-587090fc73c8d84f")
    assert "Dachgeschoss brannte vollkommen aus." in plain(article.body)
    assert len(article.related) >= 10


def test_page_opening_with_a_script_is_read_as_a_page() -> None:
    truth = TRUTH[SCRIPT_FIRST]
    article = read(SCRIPT_FIRST)
    assert article.format == "html"
    assert article.title == truth["title"]
    story = shown_story(article)
    for snippet in truth["with"]:
        assert " ".join(snippet.split()) in story, snippet
    for snippet in truth["without"]:
        assert " ".join(snippet.split()) not in story, snippet
    assert "font-size" not in story and "<" not in story
    # Its teaser block holds an e-mail link ("Kommentieren (via Email)") beside the article.
    assert [t.title for t in article.related] == ["Circular Economy und Nachhaltige Soziale Marktwirtschaft"]
