"""The bundled samples are what a new user sees first: each must parse cleanly."""

from __future__ import annotations

import re
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


# What each bundled sample's header is meant to give: (source, section, published).
INTENDED = {
    "dwn-2022-01-10-putin-kasachstan.txt": ("DWN", "Politik", "2022-01-10T10:00"),
    "hgz-2018-09-17-council-keeps-the-foghorn.txt": ("Harbour Gazette", "Local", "2018-09-17T18:45"),
    "hgz-2022-06-30-lighthouse-keepers-return.txt": ("Harbour Gazette", "Science", "2022-06-30T10:00"),
    "hgz-2024-10-03-town-clock-runs-backwards.txt": ("harbourgazette.example", None, "2024-10-03T08:05"),
    "hgz-2025-01-15-harbour-seals-ferry-terminal.txt": ("Harbour Gazette", "Environment", "2025-01-15T08:00"),
    "nlk-2019-03-14-leuchtturm-moewensand-museum.txt": ("NLK", "Kultur", "2019-03-14T09:30"),
    "nlk-2020-07-02-fahrradfaehre-deichdorf-moewensand.txt": ("NLK", "Verkehr", "2020-07-02T07:15"),
    "nlk-2021-11-23-kaeserei-nebelkaese-preis.txt": ("NLK", "Wirtschaft", "2021-11-23T16:45"),
    "nlk-2023-05-08-stadtrat-ruhezone-moewen.txt": ("NLK", "Politik", "2023-05-08T14:30"),
    "nlk-2024-02-29-schaltjahr-kind-geburtstag.txt": ("NLK", "Panorama", "2024-02-29T06:00"),
    "tbu-2016-08-11-leserbrief-sommerbaustelle.txt": ("Tagesbote Unterwald", "Leserbriefe", "2016-08-11T06:30"),
    "tbu-2017-12-24-weihnachtsbaum-zu-gross.txt": ("tagesbote-unterwald.example", "Lokales", "2017-12-24T08:00"),
    "tbu-2020-10-05-schulhof-gemuesegarten.txt": ("Tagesbote Unterwald", "Bildung", "2020-10-05"),
}


def test_every_sample_has_its_intended_header_fields(parsed: dict[str, Article]) -> None:
    assert set(INTENDED) == set(parsed)
    got = {name: (a.source, a.section, a.published) for name, a in parsed.items()}
    assert got == INTENDED


def test_sample_file_names_tell_the_published_day(parsed: dict[str, Article]) -> None:
    for name, article in parsed.items():
        assert article.published and article.published[:10] == name[4:14], name


_CREDIT_WORD = re.compile(r"\b(?:Foto|Photo|Image|Bild)\s*:", re.I)


@pytest.mark.parametrize("path", [p for p in SAMPLE_FILES if not p.name.startswith("dwn-")], ids=lambda p: p.name)
def test_our_samples_credit_their_picture_once(path: Path, parsed: dict[str, Article]) -> None:
    """The real page prints an agency and a photographer; our own samples name one credit."""
    caption = parsed[path.name].image_caption
    if caption:
        assert len(_CREDIT_WORD.findall(caption)) == 1, caption
