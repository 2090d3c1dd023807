"""The list as the reader browses it: by source, read hidden, sorted by source, facets with counts, tag soup."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuireader.library import Library
from tuireader.library.listing import Listing, is_section_name
from tuireader.model import Article

SOURCES = ["Harbour Gazette", "alpine times", "DWN", None]
SECTIONS = ["Politik", "politik", "Kultur", "Thoughts, Content Creator, Influencer, Podcaster", None]


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = Library(tmp_path / "listing.db")
    for i in range(40):
        library.add(
            Article(
                title=f"Story {i:02d}",
                body=f"Text {i}.",
                source=SOURCES[i % 4],
                section=SECTIONS[i % 5],
                published=f"2024-01-{1 + i % 28:02d}T{i % 24:02d}:00",
            ),
            f"raw {i}".encode(),
        )
    ids = [s.id for s in library.summaries()]
    for article_id in ids[::3]:
        library.set_read(article_id, True)
    return library


def all_rows(lib: Library, listing: Listing) -> list[int]:
    return [s.id for s in lib.listing_rows(listing, 0, 1000)]


def test_filter_by_source_ignores_case_and_counts(lib: Library) -> None:
    listing = Listing(source="ALPINE TIMES")
    rows = lib.listing_rows(listing, 0, 100)
    assert len(rows) == 10 == lib.listing_count(listing)
    assert {r.source for r in rows} == {"alpine times"}


def test_hide_read_and_order_by_source(lib: Library) -> None:
    hidden = Listing(hide_read=True)
    assert all(not r.read for r in lib.listing_rows(hidden, 0, 100))
    assert lib.listing_count(hidden) == lib.count("unread")
    by_source = Listing(sort="source")
    rows = lib.listing_rows(by_source, 0, 100)
    keys = [((r.source or "").casefold(), r.published) for r in rows]
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)
    for a, b in itertools.pairwise(keys):
        if a[0] == b[0]:
            assert a[1] >= b[1]  # newest first within a source


@pytest.mark.parametrize(
    "listing",
    [
        Listing(),
        Listing(sort="source"),
        Listing(sort="source", hide_read=True),
        Listing(view="bookmarks"),
        Listing(section="politik", sort="source"),
        Listing(source="dwn"),
    ],
)
def test_index_paging_and_next_unread_agree_with_the_rows(lib: Library, listing: Listing) -> None:
    lib.set_bookmark(lib.summaries()[5].id, True)
    rows = all_rows(lib, listing)
    assert lib.listing_count(listing) == len(rows)
    assert all_rows(lib, listing) == [s.id for n in range(0, 40, 7) for s in lib.listing_rows(listing, n, 7)]
    for index, article_id in enumerate(rows):
        assert lib.listing_index(listing, article_id) == index
    unread = {s.id for s in lib.summaries("unread", limit=1000)}
    for index, article_id in enumerate(rows):
        expected = next((r for r in rows[index + 1 :] if r in unread), None)
        assert lib.listing_next_unread(listing, article_id) == expected
    assert lib.listing_next_unread(listing, None) == next((r for r in rows if r in unread), None)


def test_facets_count_fold_case_and_leave_out_tag_soup(lib: Library) -> None:
    sections = dict(lib.listing_facets("section", Listing()))
    assert sections == {"Kultur": 8, "Politik": 16} or sections == {"Kultur": 8, "politik": 16}
    assert lib.listing_count(Listing(section="Politik")) == 16
    sources = dict(lib.listing_facets("source", Listing(section="Kultur")))
    assert sum(sources.values()) == 8 - sum(
        1 for s in lib.summaries(limit=100) if s.section == "Kultur" and not s.source
    )
    unread = dict(lib.listing_facets("source", Listing(view="unread")))
    assert sum(unread.values()) <= lib.count("unread")
    # the stored value is kept as it was
    assert "Thoughts, Content Creator, Influencer, Podcaster" in lib.sections()


def test_mark_listing_read_marks_only_the_listing(lib: Library) -> None:
    listing = Listing(source="DWN")
    unread_before = lib.count("unread")
    unread_dwn = lib.listing_count(listing.but(hide_read=True))
    assert unread_dwn > 0
    assert lib.mark_listing_read(listing) == unread_dwn
    assert lib.listing_count(listing.but(hide_read=True)) == 0
    assert lib.count("unread") == unread_before - unread_dwn


@pytest.mark.parametrize(
    "name",
    ["Politik", "Kunst & Kultur", "Wirtschaft", "Sport", "Politik > Ausland", "Meinung, Kommentar", "Tech/IT"],
)
def test_sections(name: str) -> None:
    assert is_section_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Thoughts, Content Creator, Influencer",
        "Thoughts, Content Creator, Influencer…",
        "news; politics; world",
        "Leben und Wissen in der großen Stadt",
        "A very long heading that is certainly no section of any newspaper",
        "",
        "   ",
        "—",
    ],
)
def test_not_sections(name: str) -> None:
    assert not is_section_name(name)


@given(st.lists(st.text(min_size=1, max_size=12).filter(str.strip), min_size=3, max_size=6))
def test_a_list_of_three_or_more_is_never_a_section(items: list[str]) -> None:
    assert not is_section_name(", ".join(items))
