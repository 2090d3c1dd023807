"""Reading feeds from bytes: every format, hostile feeds, things that are no feed, discovery."""

from __future__ import annotations

import pytest
from feedsamples import Item, atom, json_feed, rss091, rss10, rss20
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.ingest import parse_bytes
from tuireader.ingest.feedformat import MAX_ITEMS, NotAFeed, discover, item_document, parse_feed
from tuireader.library.feeds import FeedContext
from tuireader.library.importer import Prepared
from tuireader.web.parsing import read_item

BASE = "http://example.test"


def _items(full: bool = True) -> list[Item]:
    return [Item(n, BASE, full=full) for n in range(3)]


@pytest.mark.parametrize(
    ("writer", "fmt"),
    [(rss20, "rss20"), (atom, "atom10"), (rss10, "rss10"), (rss091, "rss091u"), (json_feed, "json11")],
)
def test_every_format_gives_titles_links_and_full_text(writer, fmt) -> None:
    feed = parse_feed(writer(_items()), f"{BASE}/feed")
    assert feed.format.startswith(fmt[:5])
    assert feed.title and feed.title.startswith("Example")
    assert [i.title for i in feed.items] == [it.headline for it in _items()]
    assert [i.url for i in feed.items] == [it.link for it in _items()]
    assert all(not i.summary_only for i in feed.items)
    assert "(item 1, part 5)" in feed.items[1].body_html
    assert len({i.guid for i in feed.items}) == 3


@pytest.mark.parametrize("writer", [rss20, atom, rss10, rss091, json_feed])
def test_summary_only_items_are_told_apart(writer) -> None:
    feed = parse_feed(writer(_items(full=False)), f"{BASE}/feed")
    assert all(i.summary_only for i in feed.items)
    assert "council reviews the bridge plan" in (feed.items[0].summary or "")


def test_dates_are_kept_as_printed() -> None:
    rss = parse_feed(rss20(_items()), BASE).items[1]
    assert rss.published == "2022-01-10T09:05"  # +0100 as printed, not moved to UTC
    entry = parse_feed(atom(_items()), BASE).items[1]
    assert entry.published == "2022-01-10T09:05" and entry.authors == ["Jane Doe"]
    item = parse_feed(json_feed(_items()), BASE).items[2]
    assert item.published == "2022-01-10T10:05" and item.tags == ["bridges"]


def test_json_feed_1_0_with_author_and_text_content() -> None:
    data = (
        b'{"version": "https://jsonfeed.org/version/1", "title": "T", "items": ['
        b'{"id": 7, "url": "/a", "content_text": "First para.\\n\\nSecond para.", "author": {"name": "Ann"}}]}'
    )
    item = parse_feed(data, "http://example.test/feed.json").items[0]
    assert item.guid == "7" and item.url == "http://example.test/a" and item.authors == ["Ann"]
    assert item.body_html == "<p>First para.</p><p>Second para.</p>"
    assert item.title == "First para. Second para."  # no title: the first words


HOSTILE = [
    # a bare ampersand and an HTML entity XML does not know
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>A & B&nbsp;News</title>'
     b"<item><title>Tom & Jerry&nbsp;return</title><link>http://e.test/1</link></item></channel></rss>",
     "Tom & Jerry return"),  # the no-break space read as a space: titles are one line
    # cp1252 quotes in a feed that says Latin-1
    (b'<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>t</title>'
     b"<item><title>\x93Quoted\x94 \x96 dash</title><link>http://e.test/2</link></item></channel></rss>",
     "\u201cQuoted\u201d \u2013 dash"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "title"), HOSTILE)
def test_hostile_feeds_keep_their_text(data: bytes, title: str) -> None:
    assert parse_feed(data, "http://e.test/feed").items[0].title == title


def test_xml_base_resolves_links() -> None:
    data = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://e.test/news/">'
        b'<title>t</title><entry><id>1</id><title>One</title><link href="one.html"/></entry></feed>'
    )
    assert parse_feed(data, "http://other.test/feed").items[0].url == "http://e.test/news/one.html"


def test_truncated_feed_keeps_the_items_before_the_break_with_a_note() -> None:
    data = rss20(_items())[:-300]
    feed = parse_feed(data, BASE)
    assert [i.title for i in feed.items][:2] == [it.headline for it in _items()][:2]
    assert any("malformed XML" in n for n in feed.notes)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>", "an HTML page"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</ti', "malformed XML"),
        (b"", "empty response"),
        (b'{"hello": "world"}', "not a JSON Feed"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "malformed JSON"),
        (b"just some text", "not a feed"),
    ],
)
def test_what_is_no_feed_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(NotAFeed, match=reason):
        parse_feed(data, BASE)


def test_a_feed_of_too_many_items_is_read_up_to_the_cap_with_a_note() -> None:
    items = [Item(n, BASE, full=False) for n in range(MAX_ITEMS + 5)]
    feed = parse_feed(json_feed(items), BASE)
    assert len(feed.items) == MAX_ITEMS
    assert any("only the first 10,000" in n for n in feed.notes)


def test_discovery_finds_alternate_feed_links_in_page_order() -> None:
    page = (
        '<html><head><link rel="stylesheet" href="/s.css">'
        '<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">'
        "<link rel=alternate type='application/atom+xml' href=atom.xml>"
        '<link rel="alternate" type="text/html" hreflang="de" href="/de/">'
        '<link rel="alternate" type="application/feed+json" href="https://e.test/feed.json"></head></html>'
    )
    assert discover(page, "https://e.test/dir/page") == [
        "https://e.test/feed.xml",
        "https://e.test/dir/atom.xml",
        "https://e.test/feed.json",
    ]


def test_an_item_document_reads_back_as_the_item() -> None:
    item = parse_feed(atom(_items()), BASE).items[2]
    article = parse_bytes(item_document(item, "Example Atom"))
    assert article.title == item.title
    assert article.source == "Example Atom" and article.url == item.url
    assert article.published == "2022-01-10T10:05" and article.authors == ["Jane Doe"]
    assert "(item 2, part 5)" in article.body
    prepared, _ = read_item(item, FeedContext(source="Example Atom"), None, None)
    assert isinstance(prepared, Prepared)
    assert prepared.article.lead == "Summary of story 2: the council reviews the bridge plan."


def test_an_item_document_keeps_markup_in_titles_inert() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        b"<title>&lt;script&gt;alert(1)&lt;/script&gt; [b]bold[/b]</title><link>http://e.test/x</link>"
        b"<description>&lt;p&gt;Text&lt;/p&gt;&lt;script&gt;evil()&lt;/script&gt;</description></item></channel></rss>"
    )
    item = parse_feed(data, BASE).items[0]
    article = parse_bytes(item_document(item, None))
    assert "evil" not in article.body
    assert article.title == "[b]bold[/b]" or "[b]bold[/b]" in article.title


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600) | st.text(max_size=400).map(lambda t: ("<rss><channel>" + t).encode()))
def test_any_bytes_give_a_feed_or_a_reason(data: bytes) -> None:
    try:
        feed = parse_feed(data, BASE)
    except NotAFeed as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert all(isinstance(i.title, str) and i.guid for i in feed.items)
