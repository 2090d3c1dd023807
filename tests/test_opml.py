"""OPML: import subscribes to every feed (folders become sections), export writes them back."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuireader.cli import main
from tuireader.ingest.opml import NotOpml, OpmlFeed, looks_like_opml, parse_opml, write_opml
from tuireader.library import Library

NEWSBOAT_STYLE = b"""<?xml version="1.0"?>
<!-- exported by another reader -->
<opml version="1.0">
  <head><title>subs</title></head>
  <body>
    <outline type="rss" text="Top &amp; Level" xmlUrl="https://top.example/feed.xml"/>
    <outline text="News">
      <outline text="World" title="World">
        <outline type="rss" text="Globe" xmlUrl="https://globe.example/rss"/>
      </outline>
      <outline type="rss" title="Daily" text="ignored" xmlUrl="http://daily.example/atom"/>
    </outline>
    <outline text="Empty folder"/>
    <outline type="rss" text="no address"/>
    <outline type="rss" text="not web" xmlUrl="file:///etc/passwd"/>
    <outline type="rss" text="Globe again" xmlUrl="https://globe.example/rss"/>
  </body>
</opml>
"""


def test_nested_outlines_become_sections() -> None:
    assert looks_like_opml(NEWSBOAT_STYLE)
    assert parse_opml(NEWSBOAT_STYLE) == [
        OpmlFeed("https://top.example/feed.xml", "Top & Level", None),
        OpmlFeed("https://globe.example/rss", "Globe", "News / World"),
        OpmlFeed("http://daily.example/atom", "Daily", "News"),
    ]


def test_write_then_read_gives_the_same_list() -> None:
    feeds = [*parse_opml(NEWSBOAT_STYLE), OpmlFeed('https://q.example/?a=1&b="2"', "<Quotes> & 'more'", "News")]
    assert parse_opml(write_opml(feeds)) == sorted(feeds, key=lambda f: (f.section is not None, f.section != "News"))


@pytest.mark.parametrize("data", [b"<html><body>no</body></html>", b"<opml version='2.0'><head/></opml>", b"\x00\x01"])
def test_what_is_no_opml_says_why(data: bytes) -> None:
    with pytest.raises(NotOpml):
        parse_opml(data)


def test_import_subscribes_and_export_round_trips(tmp_path, capsys) -> None:
    db = str(tmp_path / "lib.db")
    subs = tmp_path / "subscriptions.xml"  # told by content, not by name
    subs.write_bytes(NEWSBOAT_STYLE)
    assert main(["import", str(subs), "--library", db]) == 0
    assert "subscribed to 3 feeds (0 already subscribed)" in capsys.readouterr().out
    assert main(["import", str(subs), "--library", db]) == 0
    assert "subscribed to 0 feeds (3 already subscribed)" in capsys.readouterr().out
    with Library(db) as lib:
        assert [(f.display_name, f.section) for f in lib.feeds()] == [
            ("Top & Level", None),
            ("Globe", "News / World"),
            ("Daily", "News"),
        ]
    out = tmp_path / "out.opml"
    assert main(["export", "--format", "opml", str(out), "--library", db]) == 0
    assert "exported 3 subscriptions" in capsys.readouterr().out
    assert sorted(parse_opml(out.read_bytes()), key=lambda f: f.url) == sorted(
        parse_opml(NEWSBOAT_STYLE), key=lambda f: f.url
    )
    other = str(tmp_path / "other.db")
    assert main(["import", str(out), "--library", other]) == 0
    with Library(other) as lib, Library(db) as first:
        assert sorted((f.url, f.name, f.section) for f in lib.feeds()) == sorted(
            (f.url, f.name, f.section) for f in first.feeds()
        )


def test_import_takes_opml_beside_articles(tmp_path, capsys, seed_path) -> None:
    db = str(tmp_path / "lib.db")
    subs = tmp_path / "subs.opml"
    subs.write_bytes(NEWSBOAT_STYLE)
    assert main(["import", str(subs), str(seed_path), "--library", db]) == 0
    out = capsys.readouterr().out
    assert "subscribed to 3 feeds" in out and "imported 1," in out


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=300).map(lambda t: ("<opml><body>" + t).encode()))
def test_any_bytes_give_feeds_or_a_reason(data: bytes) -> None:
    try:
        feeds = parse_opml(data)
    except NotOpml as exc:
        assert str(exc)
    else:
        assert all(f.url.startswith(("http://", "https://")) for f in feeds)
