"""The bundled samples are what a new user sees first: each must parse cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.ingest import parse_file
from tuireader.ingest.crawl_lines import is_artifact, is_caption, is_teaser_label, reading_minutes, tag_label
from tuireader.ingest.dates import parse_date_line
from tuireader.ingest.markdown_text import unescape
from tuireader.model import Article

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def test_there_are_about_a_dozen_samples_in_two_languages() -> None:
    assert len(SAMPLE_FILES) >= 12
    articles = [parse_file(path) for path in SAMPLE_FILES]
    assert len({a.section for a in articles if a.section}) >= 6
    assert len({a.published[:4] for a in articles if a.published}) >= 6
    english = [a for a in articles if " the " in unescape(a.body)]
    assert 4 <= len(english) < len(articles)


@pytest.fixture(scope="module")
def parsed() -> dict[str, Article]:
    return {path.name: parse_file(path) for path in SAMPLE_FILES}


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=[p.name for p in SAMPLE_FILES])
def test_sample_parses_cleanly(path: Path, parsed: dict[str, Article]) -> None:
    article = parsed[path.name]
    body = unescape(article.body)
    assert article.title
    assert len(article.title) <= 120
    assert article.title not in body
    assert len(body.split("\n\n")) >= 3
    # Nothing of the header in the body.
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line.strip()
        if parse_date_line(line) or reading_minutes(line) is not None or tag_label(line) or is_teaser_label(line):
            assert line not in body
    for text in (article.lead, article.image_caption, article.section):
        if text:
            assert text not in body
    assert not any(is_caption(paragraph) for paragraph in body.split("\n\n"))
    # Nothing of the teaser block in the body.
    for teaser in article.related:
        assert teaser.title not in body
        if teaser.summary:
            assert teaser.summary[:40] not in body
    # Only CMS residue is left over.
    assert all(is_artifact(line) for line in article.leftover)


def test_teasers_lead_to_other_samples(parsed: dict[str, Article]) -> None:
    titles = {a.title for a in parsed.values()}
    linked = [(name, t.title) for name, a in parsed.items() for t in a.related if t.title in titles]
    assert len(linked) >= 12
    assert all(parsed[name].title != title for name, title in linked), "a sample points to itself"
    # Teasers with a date show the date the linked sample was published.
    published = {a.title: a.published for a in parsed.values()}
    for name, article in parsed.items():
        for teaser in article.related:
            if teaser.title in titles and teaser.date and published[teaser.title]:
                assert published[teaser.title].startswith(teaser.date), (name, teaser.title)


def test_samples_show_the_layout_variants(parsed: dict[str, Article]) -> None:
    articles = list(parsed.values())
    assert any(a.related_label is None and a.related for a in articles), "teaser block without heading"
    assert any(t.sponsored for a in articles for t in a.related), "sponsored card"
    assert any(a.tags for a in articles), "tag list before the story"
    assert any(not a.related for a in articles), "no teaser block"
    assert any(a.section is None and a.published for a in articles), "no section line"
    assert any(a.authors for a in articles), "byline"
    assert any(a.related and all(t.date is None for t in a.related) for a in articles), "cards without date"
    assert any("## " in a.body for a in articles)
