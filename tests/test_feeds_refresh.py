"""Subscribing and refreshing against a local server: items become articles, full text for summary-only feeds."""

from __future__ import annotations

import json

import pytest
from feedsamples import Item, article_page, atom, json_feed, page_lead, rss20
from webserver import LocalServer, Reply, conditional

from tuireader.cli import main
from tuireader.library import Library
from tuireader.library.feeds import FeedExists
from tuireader.web.refresh import refresh
from tuireader.web.settings import FetchSettings
from tuireader.web.subscribe import SubscribeError, subscribe

# Generous for a loaded machine: these tests are not about timeouts (test_web_fetching.py is).
FAST = FetchSettings(connect_timeout=5.0, read_timeout=5.0, total_timeout=15.0)


def publish(server: LocalServer, items: list[Item], path: str = "/feed.xml", writer=rss20, **page_options) -> str:
    server.routes[path] = conditional(
        writer(items, base=server.url("")) if writer is not json_feed else writer(items), '"v1"'
    )
    for it in items:
        server.routes[f"/articles/{it.n}.html"] = Reply(body=article_page(it, **page_options), content_type="text/html")
    return server.url(path)


def test_full_text_items_become_articles_with_the_feed_as_source(server, lib) -> None:
    url = publish(server, [Item(n, server.url(""), full=True) for n in range(3)], writer=atom)
    _, parsed, _ = subscribe(lib, url, settings=FAST)
    assert parsed.title == "Example Atom" and len(parsed.items) == 3
    report = refresh(lib, settings=FAST)
    assert report.counts()["new"] == 3 and report.counts()["pages"] == 0
    assert not any(r.path.startswith("/articles/") for r in server.requests)  # full text: no page fetched
    article = lib.get(report.new_ids[0])
    assert article is not None
    assert article.source == "Example Atom" and article.url and article.url.startswith(server.url("/articles/"))
    assert "(item" in article.body and article.authors == ["Jane Doe"]


def test_summary_only_items_are_read_from_their_pages_with_teasers_apart(server, lib) -> None:
    items = [Item(n, server.url(""), full=False) for n in range(4)]
    url = publish(server, items)
    subscribe(lib, url, name="Local News", settings=FAST)
    report = refresh(lib, settings=FAST)
    assert report.counts() == {"feeds": 1, "new": 4, "linked": 0, "pages": 4, "errors": 0}
    by_title = {lib.get(i).title: lib.get(i) for i in report.new_ids}  # type: ignore[union-attr]
    article = by_title[items[2].headline]
    assert "(item 1002, part 6)" in article.body  # the story from the page, not the feed's summary
    assert "Harbour tunnel" not in article.body and "Copyright" not in article.body and "Politics" not in article.body
    assert [t.title for t in article.related][:1] == ["Harbour tunnel plan delayed again"]
    assert article.source == "Local News"
    assert article.lead == page_lead(items[2])


def test_the_feed_summary_is_the_lead_where_the_page_has_none_and_reparse_keeps_it(server, lib) -> None:
    items = [Item(1, server.url(""), full=False)]
    subscribe(lib, publish(server, items, with_lead=False), name="Local", section="Town", settings=FAST)
    (article_id,) = refresh(lib, settings=FAST).new_ids
    article = lib.get(article_id)
    assert article is not None and article.lead == items[0].summary and article.section == "Town"
    assert lib.originals(article_id)[0][1] == article_page(items[0], with_lead=False)  # the page's bytes are kept
    lib.reparse()
    again = lib.get(article_id)
    assert again is not None
    assert (again.lead, again.source, again.section) == (items[0].summary, "Local", "Town")


def test_a_second_refresh_sends_the_validators_and_a_304_changes_nothing(server, lib) -> None:
    subscribe(lib, publish(server, [Item(n, server.url(""), full=False) for n in range(3)]), settings=FAST)
    refresh(lib, settings=FAST)
    before = len(server.requests)
    report = refresh(lib, settings=FAST)
    assert [f.status for f in report.feeds] == ["not modified"]
    assert len(server.requests) == before + 1  # the feed only: no page again
    assert server.requests[-1].headers["if-none-match"] == '"v1"'
    assert lib.count() == 3


def test_new_items_only_are_fetched_when_the_feed_changes(server, lib) -> None:
    items = [Item(n, server.url(""), full=False) for n in range(2)]
    url = publish(server, items)
    subscribe(lib, url, settings=FAST)
    refresh(lib, settings=FAST)
    items.append(Item(2, server.url(""), full=False))
    server.routes["/feed.xml"] = conditional(rss20(items, base=server.url("")), '"v2"')
    server.routes["/articles/2.html"] = Reply(body=article_page(items[2]), content_type="text/html")
    report = refresh(lib, settings=FAST)
    assert report.counts()["new"] == 1
    assert server.hits("/articles/0.html") == 1 and server.hits("/articles/2.html") == 1


def test_the_same_article_through_two_feeds_stays_one(server, lib) -> None:
    items = [Item(n, server.url(""), full=False) for n in range(3)]
    publish(server, items, path="/a.xml")
    publish(server, items[1:], path="/b.json", writer=json_feed)
    subscribe(lib, server.url("/a.xml"), settings=FAST)
    subscribe(lib, server.url("/b.json"), settings=FAST)
    report = refresh(lib, settings=FAST)
    assert lib.count() == 3
    assert report.counts()["new"] + report.counts()["linked"] == 5
    assert all(server.hits(f"/articles/{n}.html") == 1 for n in range(3))
    assert [f.articles for f in lib.feeds()] == [3, 2]


def test_an_article_imported_from_a_crawl_is_not_stored_again(server, lib, tmp_path) -> None:
    item = Item(5, server.url(""), full=False)
    saved = tmp_path / "saved.html"
    saved.write_bytes(article_page(item))
    lib.import_paths([saved])
    subscribe(lib, publish(server, [item]), settings=FAST)
    report = refresh(lib, settings=FAST)
    assert lib.count() == 1 and report.counts()["linked"] == 1
    assert server.hits("/articles/5.html") == 0  # known by its address: not fetched
    assert lib.feeds()[0].articles == 1


def test_subscribing_through_a_page_that_links_its_feed(server, lib) -> None:
    url = publish(server, [Item(1, server.url(""))])
    server.routes["/"] = Reply(
        body=b'<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
        b"</head><body><p>Home</p></body></html>",
        content_type="text/html",
    )
    feed, _, page = subscribe(lib, server.url("/"), settings=FAST)
    assert feed.url == url and page == server.url("/") and feed.subscribed_url == server.url("/")
    with pytest.raises(FeedExists):
        subscribe(lib, url, settings=FAST)


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (
            Reply(body=b"<!DOCTYPE html><html><body><p>No feed here</p></body></html>", content_type="text/html"),
            "links no feed",
        ),
        (Reply(404, b"gone"), "HTTP 404 not found"),
        (Reply(body=b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</ti'), "malformed XML"),
    ],
)
def test_subscribing_to_what_is_no_feed_says_why(server, lib, reply: Reply, reason: str) -> None:
    server.routes["/x"] = reply
    with pytest.raises(SubscribeError, match=reason):
        subscribe(lib, server.url("/x"), settings=FAST)
    assert lib.feeds() == []


def test_one_broken_feed_never_stops_the_others(server, lib) -> None:
    good = publish(server, [Item(1, server.url(""))])
    server.routes["/broken.xml"] = Reply(body=rss20([Item(9, server.url(""))], base=server.url("")))
    subscribe(lib, server.url("/broken.xml"), settings=FAST)
    subscribe(lib, good, settings=FAST)
    server.routes["/broken.xml"] = Reply(
        body=b"<!DOCTYPE html><html><body>moved</body></html>", content_type="text/html"
    )
    report = refresh(lib, settings=FAST)
    broken, working = lib.feeds()  # both are called "Example News": told apart by id, in the order subscribed
    statuses = {f.feed_id: f.status for f in report.feeds}
    assert statuses == {broken.id: "error", working.id: "ok"}
    assert broken.status == "error" and broken.error == "the address now gives an HTML page, not a feed"
    assert broken.failures == 1 and broken.next_at is not None  # backs off


def test_cli_subscribe_feeds_refresh_unsubscribe(server, tmp_path, capsys) -> None:
    db = str(tmp_path / "cli.db")
    url = publish(server, [Item(n, server.url(""), full=False) for n in range(2)])
    assert main(["subscribe", url, "--name", "Town [b]Crier[/b]\x1b[31m", "--library", db]) == 0
    assert "subscribed 1: Town [b]Crier[/b] <" in capsys.readouterr().out
    assert main(["refresh", "--json", "--library", db]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["new"] == 2 and report["feeds"][0]["status"] == "ok"
    assert main(["feeds", "--library", db]) == 0
    out = capsys.readouterr().out
    assert "ok, refreshed" in out and "2 articles (2 unread)" in out and "\x1b" not in out
    assert main(["feeds", "--json", "--library", db]) == 0
    assert [f["unread"] for f in json.loads(capsys.readouterr().out)] == [2]
    assert main(["unsubscribe", url, "--purge", "--library", db]) == 0
    assert "deleted 2 articles" in capsys.readouterr().out
    assert main(["feeds", "--library", db]) == 0
    assert "no subscriptions" in capsys.readouterr().out


def test_cli_unsubscribe_keeps_articles_and_names_unknown_feeds(server, tmp_path, capsys) -> None:
    db = str(tmp_path / "cli.db")
    url = publish(server, [Item(1, server.url(""))])
    main(["subscribe", url, "--library", db])
    main(["refresh", "--library", db])
    assert main(["unsubscribe", "1", "--library", db]) == 0
    assert main(["list", "--library", db]) == 0
    assert "Bridge plan number 1" in capsys.readouterr().out
    assert main(["unsubscribe", "7", "--library", db]) == 1
    assert "no subscription '7'" in capsys.readouterr().err


def test_cli_refresh_reports_a_failing_feed_and_exits_1(server, tmp_path, capsys) -> None:
    db = str(tmp_path / "cli.db")
    url = publish(server, [Item(1, server.url(""))])
    main(["subscribe", url, "--library", db])
    server.routes["/feed.xml"] = Reply(500, b"oops")
    assert main(["refresh", "--library", db]) == 1
    out = capsys.readouterr().out
    assert "error: HTTP 500 server error" in out and "Traceback" not in out
    assert main(["feeds", "--library", db]) == 0
    assert "error: HTTP 500 server error" in capsys.readouterr().out


def test_cli_fetch_stores_a_page_once(server, tmp_path, capsys) -> None:
    db = str(tmp_path / "cli.db")
    item = Item(3, server.url(""))
    server.routes["/articles/3.html"] = Reply(body=article_page(item), content_type="text/html")
    assert main(["fetch", item.link, server.url("/missing"), "--library", db]) == 1
    out = capsys.readouterr().out
    assert "imported 1:" in out and "failed: " in out and "HTTP 404" in out
    assert main(["fetch", item.link, "--json", "--library", db]) == 0
    assert json.loads(capsys.readouterr().out) == [{"url": item.link, "status": "unchanged", "id": 1, "reason": None}]
    with Library(db) as lib:
        article = lib.get(1)
        assert article is not None and article.source == "Example Site" and len(article.related) == 3


def test_a_feeds_articles_and_unread_count_for_the_reader(server, lib) -> None:
    items = [Item(n, server.url(""), full=True) for n in range(3)]
    subscribe(lib, publish(server, items, writer=atom), settings=FAST)
    subscribe(lib, publish(server, items[:1], path="/other.xml"), settings=FAST)
    refresh(lib, settings=FAST)
    first, other = lib.feeds()
    newest = lib.feed_summaries(first.id)
    assert [s.title for s in newest] == [items[2].headline, items[1].headline, items[0].headline]
    assert [s.title for s in lib.feed_summaries(other.id)] == [items[0].headline]
    lib.set_read(newest[0].id, True)
    first, other = lib.feeds()
    assert (first.articles, first.unread, other.unread) == (3, 2, 1)
    assert [s.title for s in lib.feed_summaries(first.id, unread=True, limit=1)] == [items[1].headline]


def test_cli_refresh_names_feeds_and_prints_only_what_changed(server, tmp_path, capsys) -> None:
    db = str(tmp_path / "cli.db")
    main(["subscribe", publish(server, [Item(1, server.url(""))]), "--name", "One", "--library", db])
    main(["subscribe", publish(server, [Item(2, server.url(""))], path="/two.xml"), "--json", "--library", db])
    subscribed = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert (subscribed["id"], subscribed["format"], subscribed["items"]) == (2, "rss20", 1)
    assert main(["refresh", "One", "--library", db]) == 0
    out = capsys.readouterr().out
    assert "   1  One: 1 new" in out and "Example News" not in out and "refreshed 1 feed in" in out
    assert main(["refresh", "--library", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "   2  Example News: 1 new"
    assert out[1].startswith("refreshed 2 feeds") and "1 with nothing new" in out[1]
    assert main(["refresh", "nothing-like-it", "--library", db]) == 1
    assert "no subscription 'nothing-like-it'" in capsys.readouterr().err


def test_reparse_reads_every_refreshed_article_to_the_same_result(server, lib) -> None:
    items = [Item(n, server.url(""), full=n % 2 == 0) for n in range(6)]
    subscribe(lib, publish(server, items, with_lead=False), name="Mixed", section="Town", settings=FAST)
    subscribe(lib, publish(server, items[:2], path="/atom.xml", writer=atom), settings=FAST)
    refresh(lib, settings=FAST)
    before = {s.id: lib.get(s.id) for s in lib.summaries()}
    report = lib.reparse()
    assert (report.articles, report.changed, report.merged, report.split, report.failed) == (6, 0, 0, 0, [])
    assert {s.id: lib.get(s.id) for s in lib.summaries()} == before


def test_discovery_tries_each_linked_feed_in_turn(server, lib) -> None:
    url = publish(server, [Item(1, server.url(""))], path="/good.xml")
    server.routes["/"] = Reply(
        body=b'<!DOCTYPE html><html><head><link rel="alternate" type="application/atom+xml" href="/gone.xml">'
        b'<link rel="alternate" type="application/rss+xml" href="/good.xml"></head><body></body></html>',
        content_type="text/html",
    )
    feed, _, _ = subscribe(lib, server.url("/"), settings=FAST)
    assert feed.url == url
    server.routes["/only"] = Reply(
        body=b'<html><head><link rel="alternate" type="application/rss+xml" href="/gone.xml"></head></html>',
        content_type="text/html",
    )
    with pytest.raises(SubscribeError, match=r"links feeds, but none could be read \(.*/gone.xml: HTTP 404"):
        subscribe(lib, server.url("/only"), settings=FAST)


def test_feeds_a_cancelled_refresh_never_asked_keep_their_state(server, lib) -> None:
    import threading
    import time

    from webserver import Request

    cancel = threading.Event()
    for n in range(4):
        subscribe(lib, publish(server, [Item(n, server.url(""))], path=f"/f{n}.xml"), settings=FAST)
    before = {f.id: f for f in lib.feeds()}

    def first(request: Request) -> Reply:  # the user cancels while the first two feeds are under way
        time.sleep(0.3)  # the server's answer is slow: f2 and f3 wait for a slot of the host meanwhile
        cancel.set()
        return Reply(body=rss20([Item(0, server.url(""))], base=server.url("")))

    server.routes["/f0.xml"] = first
    server.routes["/f1.xml"] = Reply(body=rss20([Item(1, server.url(""))], base=server.url("")), delay=0.3)
    report = refresh(lib, force=True, settings=FAST, cancel=cancel)  # two requests per host: f2, f3 wait
    assert report.cancelled
    waited = [f for f in report.feeds if f.name not in ("f0", "f1") and f.status != "ok"]
    assert waited and all(f.status == "cancelled" and f.error is None for f in waited)
    after = {f.id: f for f in lib.feeds()}
    for f in waited:
        assert after[f.feed_id].status == before[f.feed_id].status != "error"
        assert after[f.feed_id].failures == 0 and after[f.feed_id].error is None
