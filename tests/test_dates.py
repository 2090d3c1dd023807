"""The one date reader of every ingest path: printed German and English dates to ISO, real dates only."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuireader.ingest.dates import find_dates, parse_date, parse_date_line
from tuireader.ingest.html_metadata import normalise_date
from tuireader.ingest.htmlformat import parse


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("10.01.2022", "2022-01-10"),
        ("10. 01. 2022", "2022-01-10"),
        ("10.01.2022, 10:00 Uhr", "2022-01-10T10:00"),
        ("10. Januar 2022", "2022-01-10"),
        ("10.Januar 2022 um 8:05", "2022-01-10T08:05"),
        ("3. März 2023", "2023-03-03"),
        ("10 January 2022", "2022-01-10"),
        ("10 Jan 2022 10:00", "2022-01-10T10:00"),
        ("January 10, 2022", "2022-01-10"),
        ("January 10, 2022, 3:05 pm", "2022-01-10T15:05"),
        ("Jan. 10 2022, 12:30 a.m.", "2022-01-10T00:30"),
        ("Mon, 10 Jan 2022 10:00:00 +0100", "2022-01-10T10:00"),
        ("2022-01-10", "2022-01-10"),
        ("2022-01-10T10:00:00+01:00", "2022-01-10T10:00"),
        ("2022-01-10T10:00:00.000Z", "2022-01-10T10:00"),
        ("Published: September 3rd, 2021", "2021-09-03"),
    ],
)
def test_printed_dates_of_both_languages(text: str, iso: str) -> None:
    assert parse_date(text) == iso
    assert normalise_date(text) == iso


@pytest.mark.parametrize("text", ["31.02.2022", "30. Februar 2023", "February 30, 2023", "2022-13-01", "2022-02-29"])
def test_dates_that_are_not_in_the_calendar_are_no_dates(text: str) -> None:
    assert parse_date(text) is None
    assert normalise_date(text) is None


def test_page_with_an_impossible_date_stores_no_date() -> None:
    """The HTML path stored "31.02.2022" as 2022-02-31 before it used the one date reader."""
    head = '<meta property="article:published_time" content="31.02.2022">'
    html = f"<html><head><title>Ein Titel</title>{head}</head><body><h1>Ein Titel</h1><p>Text.</p></body></html>"
    assert parse(html).published is None


def test_an_impossible_published_date_does_not_take_the_updated_one() -> None:
    body = "<p>Veröffentlicht: 30.02.2023 | Stand: 3. März 2023, 10:15 Uhr</p><p>Text des Artikels.</p>"
    html = f"<html><head><title>Ein Titel</title></head><body><h1>Ein Titel</h1>{body}</body></html>"
    article = parse(html)
    assert (article.published, article.updated) == (None, "2023-03-03T10:15")


def test_english_date_line_with_labels() -> None:
    line = parse_date_line("Published January 10, 2022 3:05 pm | Updated January 11, 2022")
    assert line is not None
    assert (line.published, line.updated) == ("2022-01-10T15:05", "2022-01-11")


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?")


def _valid(iso: str) -> bool:
    if not _ISO.fullmatch(iso):
        return False
    (datetime.fromisoformat(iso) if "T" in iso else date.fromisoformat(iso))  # raises if not a real date
    return True


_PIECES = st.sampled_from(
    [" ", ".", ",", ":", "-", "T", "Uhr", "um", "am", "pm", "a.m.", "Januar", "Feb", "März", "May", "December",
     "Montag", "Mon,", "Z", "+01:00", "/", "th", "Aktualisiert", "Published"]
)  # fmt: skip
_DATEISH = st.lists(st.one_of(_PIECES, st.integers(0, 3100).map(str)), max_size=14).map("".join)


@given(st.one_of(st.text(max_size=80), _DATEISH))
def test_never_raises_and_every_date_is_a_real_iso_date(text: str) -> None:
    for found in find_dates(text):
        assert _valid(found.iso), (text, found)
    out = normalise_date(text)
    assert out is None or _valid(out)
    line = parse_date_line(text)
    if line is not None:
        assert all(_valid(x) for x in (line.published, line.updated) if x)
