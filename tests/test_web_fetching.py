"""Polite and robust fetching against a local server: decoding, redirects, timeouts, caps, schedules, limits, robots."""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from datetime import UTC, datetime, timedelta

import brotli
import pytest
import zstandard
from feedsamples import Item, article_page, rss20
from webserver import Reply, conditional, serving

from tuireader.web import schedule
from tuireader.web.client import FetchError, HttpClient
from tuireader.web.limits import HostLimits
from tuireader.web.refresh import refresh
from tuireader.web.settings import USER_AGENT, FetchSettings
from tuireader.web.subscribe import subscribe

FAST = FetchSettings(connect_timeout=0.5, read_timeout=0.3, total_timeout=1.0)
NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def _client(settings: FetchSettings = FAST) -> HttpClient:
    return HttpClient(settings)


BODY = b"<p>" + "Grüße aus der Redaktion. ".encode() * 400 + b"</p>"
ENCODED = {
    "gzip": gzip.compress(BODY),
    "deflate": zlib.compress(BODY),
    "br": brotli.compress(BODY),
    "zstd": zstandard.ZstdCompressor().compress(BODY),
}


@pytest.mark.parametrize("coding", sorted(ENCODED))
def test_compressed_bodies_are_decoded(server, coding: str) -> None:
    server.routes["/x"] = Reply(body=ENCODED[coding], headers={"Content-Encoding": coding}, content_type="text/html")
    resp = _client().get(server.url("/x"))
    assert resp.body == BODY
    sent = server.requests[-1].headers
    assert sent["accept-encoding"] == "gzip, deflate, br, zstd"
    assert sent["user-agent"] == USER_AGENT and USER_AGENT.startswith("tuireader/0.")


def test_a_compressed_body_that_would_pass_the_cap_is_not_read(server) -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    server.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="larger than 1 MB"):
        _client(FetchSettings(max_bytes=1024 * 1024)).get(server.url("/bomb"))


def test_an_oversized_body_is_not_read(server) -> None:
    server.routes["/big"] = Reply(body=b"x" * (1024 * 1024 + 1))
    with pytest.raises(FetchError, match=r"larger than 1 MB \(the limit\)"):
        _client(FetchSettings(max_bytes=1024 * 1024)).get(server.url("/big"))


def _redirect(to: str, status: int = 301) -> Reply:
    return Reply(status, headers={"Location": to})


def test_a_redirect_chain_ends_at_the_final_address(server) -> None:
    server.routes["/a"] = _redirect("/b", 301)
    server.routes["/b"] = _redirect(server.url("/c"), 308)
    server.routes["/c"] = _redirect("/d", 302)
    server.routes["/d"] = Reply(body=b"done")
    resp = _client().get(server.url("/a"))
    assert (resp.url, resp.body, resp.redirects) == (server.url("/d"), b"done", 3)
    assert resp.permanent_url is None  # one hop was temporary


def test_permanent_redirects_move_the_subscription(server, lib) -> None:
    server.routes["/old.xml"] = Reply(body=rss20([Item(1, server.url(""))], base=server.url("")))
    feed, _, _ = subscribe(lib, server.url("/old.xml"), settings=FAST)
    server.routes["/old.xml"] = _redirect("/new.xml", 301)
    server.routes["/new.xml"] = Reply(body=rss20([Item(1, server.url(""))], base=server.url("")))
    report = refresh(lib, settings=FAST)
    assert report.feeds[0].status == "ok" and "moved permanently" in report.feeds[0].notes[0]
    moved = lib.feed(feed.id)
    assert moved is not None and moved.url == server.url("/new.xml") and moved.subscribed_url == server.url("/old.xml")
    refresh(lib, settings=FAST)
    assert server.hits("/old.xml") == 2  # subscribe and the first refresh; the next asks the new address


def test_redirect_loops_and_long_chains_fail_clearly(server) -> None:
    server.routes["/loop1"] = _redirect("/loop2", 302)
    server.routes["/loop2"] = _redirect("/loop1", 302)
    with pytest.raises(FetchError, match="redirect loop"):
        _client().get(server.url("/loop1"))
    for n in range(12):
        server.routes[f"/hop{n}"] = _redirect(f"/hop{n + 1}", 302)
    server.routes["/hop12"] = Reply(body=b"far")
    with pytest.raises(FetchError, match="more than 10 redirects"):
        _client().get(server.url("/hop0"))
    assert _client().get(server.url("/hop2")).body == b"far"  # ten hops are followed


def test_a_stalled_server_hits_the_read_timeout(server) -> None:
    server.routes["/stall"] = Reply(body=b"late", delay=2.0)
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"no answer within 0.3 s \(read timeout\)"):
        _client().get(server.url("/stall"))
    assert time.monotonic() - start < 1.5


def test_a_slow_drip_hits_the_total_timeout(server) -> None:
    server.routes["/drip"] = Reply(body=b"x" * 40 * 1024, drip=0.1)  # a kilobyte every 0.1 s: 4 s in all
    start = time.monotonic()
    with pytest.raises(FetchError, match="still arriving after 1 s"):
        _client().get(server.url("/drip"))
    assert time.monotonic() - start < 2.5


def test_a_closed_port_is_a_clear_error() -> None:
    with serving() as srv:
        url = srv.url("/feed")
    with pytest.raises(FetchError, match="cannot connect"):
        _client().get(url)


def test_429_with_retry_after_holds_the_feed_even_when_named(server, lib) -> None:
    server.routes["/feed.xml"] = Reply(body=rss20([Item(1, server.url(""))], base=server.url("")))
    subscribe(lib, server.url("/feed.xml"), settings=FAST)
    server.routes["/feed.xml"] = Reply(429, b"slow down", headers={"Retry-After": "120"})
    before = datetime.now(UTC)
    report = refresh(lib, settings=FAST)
    feed = lib.feeds()[0]
    assert (
        feed.status == "error"
        and feed.error
        and feed.error.startswith("HTTP 429 too many requests; the server asked to wait")
    )
    wait = (schedule.parse_stamp(feed.next_at) - before).total_seconds()  # type: ignore[operator]
    assert 119 <= wait <= 120 * 1.1 + 2
    hits = server.hits("/feed.xml")
    report = refresh(lib, lib.feeds(), force=True, settings=FAST)
    assert report.feeds[0].status == "waiting" and server.hits("/feed.xml") == hits


def test_503_failures_back_off_exponentially(server, lib) -> None:
    server.routes["/feed.xml"] = Reply(body=rss20([Item(1, server.url(""))], base=server.url("")))
    subscribe(lib, server.url("/feed.xml"), settings=FAST)
    server.routes["/feed.xml"] = Reply(503, b"down")
    waits = []
    for _ in range(3):
        before = datetime.now(UTC)
        refresh(lib, lib.feeds(), force=True, settings=FAST)
        feed = lib.feeds()[0]
        waits.append((schedule.parse_stamp(feed.next_at) - before).total_seconds())  # type: ignore[operator]
    assert feed.failures == 3
    for n, wait in enumerate(waits):
        base = FAST.backoff_base * 2**n
        assert base - 1 <= wait <= base * 1.1 + 1
    server.routes["/feed.xml"] = Reply(body=rss20([Item(1, server.url(""))], base=server.url("")))
    refresh(lib, lib.feeds(), force=True, settings=FAST)
    assert lib.feeds()[0].failures == 0 and lib.feeds()[0].status == "ok"


def test_max_age_makes_a_feed_wait_unless_forced(server, lib) -> None:
    server.routes["/feed.xml"] = Reply(
        body=rss20([Item(1, server.url(""))], base=server.url("")), headers={"Cache-Control": "public, max-age=3600"}
    )
    subscribe(lib, server.url("/feed.xml"), settings=FAST)
    refresh(lib, settings=FAST)
    hits = server.hits("/feed.xml")
    report = refresh(lib, settings=FAST)
    assert report.feeds[0].status == "waiting" and server.hits("/feed.xml") == hits
    report = refresh(lib, settings=FAST, force=True)
    assert report.feeds[0].status == "ok" and server.hits("/feed.xml") == hits + 1


def test_schedule_reads_max_age_expires_and_retry_after() -> None:
    s = FetchSettings(jitter=0.0)
    assert schedule.server_wait({"cache-control": "max-age=600", "age": "100"}, NOW) == 500
    assert schedule.server_wait({"cache-control": "no-cache, max-age=600"}, NOW) is None
    expires = {"expires": "Mon, 05 Jan 2026 13:00:00 GMT", "date": "Mon, 05 Jan 2026 12:30:00 GMT"}
    assert schedule.server_wait(expires, NOW) == 1800
    assert schedule.after_success({}, NOW, s) is None
    when = schedule.after_failure(1, 503, {"retry-after": "Mon, 05 Jan 2026 12:10:00 GMT"}, NOW, s)
    assert when == NOW + timedelta(minutes=10)
    assert schedule.after_failure(20, None, {}, NOW, s) == NOW + timedelta(seconds=s.max_backoff)
    jittered = {schedule.after_success({"cache-control": "max-age=1000"}, NOW, FetchSettings()) for _ in range(20)}
    assert len(jittered) > 1 and all(
        NOW + timedelta(seconds=1000) <= j <= NOW + timedelta(seconds=1100) for j in jittered
    )  # type: ignore[operator]


def test_at_most_two_requests_are_in_flight_to_one_host(server, lib) -> None:
    items = [Item(n, server.url(""), full=False) for n in range(12)]
    server.routes["/feed.xml"] = Reply(body=rss20(items, base=server.url("")))
    for it in items:
        server.routes[f"/articles/{it.n}.html"] = Reply(body=article_page(it), content_type="text/html", delay=0.1)
    subscribe(lib, server.url("/feed.xml"), settings=FAST)
    report = refresh(lib, settings=FAST)
    assert report.counts()["pages"] == 12
    assert server.max_in_flight == 2  # side by side, never more
    assert report.peak_per_host == 2


def test_host_limits_hold_under_many_threads() -> None:
    limits = HostLimits(per_host=2, overall=3)
    now = {"a": 0, "b": 0, "all": 0}
    peak = {"a": 0, "b": 0, "all": 0}
    lock = threading.Lock()

    def work(host: str) -> None:
        with limits.slot(host):
            with lock:
                now[host] += 1
                now["all"] += 1
                for k in (host, "all"):
                    peak[k] = max(peak[k], now[k])
            time.sleep(0.01)
            with lock:
                now[host] -= 1
                now["all"] -= 1

    threads = [threading.Thread(target=work, args=("ab"[i % 2],)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert peak == {"a": 2, "b": 2, "all": 3}


def test_robots_txt_disallowing_pages_keeps_the_summary(server, lib) -> None:
    items = [Item(n, server.url(""), full=False) for n in range(3)]
    server.routes["/feed.xml"] = Reply(body=rss20(items, base=server.url("")))
    server.routes["/robots.txt"] = Reply(body=b"User-agent: *\nDisallow: /*/1.html$\n", content_type="text/plain")
    for it in items:
        server.routes[f"/articles/{it.n}.html"] = Reply(body=article_page(it), content_type="text/html")
    subscribe(lib, server.url("/feed.xml"), settings=FAST)
    report = refresh(lib, settings=FAST)
    assert report.counts()["new"] == 3 and server.hits("/robots.txt") == 1
    assert server.hits("/articles/1.html") == 0 and server.hits("/articles/0.html") == 1
    disallowed = next(a for a in map(lib.get, report.new_ids) if a and a.title == items[1].headline)
    assert disallowed.body == items[1].summary
    assert any("robots.txt" in note for note in disallowed.leftover)


def test_a_page_that_is_gone_keeps_the_summary_and_one_that_fails_is_tried_again(server, lib) -> None:
    items = [Item(n, server.url(""), full=False) for n in range(2)]
    server.routes["/feed.xml"] = conditional(rss20(items, base=server.url("")), '"v1"')
    server.routes["/articles/1.html"] = Reply(500, b"oops")
    subscribe(lib, server.url("/feed.xml"), settings=FAST)
    report = refresh(lib, settings=FAST)
    assert report.counts()["new"] == 1  # item 0: 404, stored from its summary
    assert report.feeds[0].item_failures == [(items[1].headline, "page: HTTP 500 server error")]
    server.routes["/articles/1.html"] = Reply(body=article_page(items[1]), content_type="text/html")
    report = refresh(lib, settings=FAST)  # the feed has not changed, but is read again for item 1
    assert report.counts()["new"] == 1 and server.hits("/articles/1.html") == 2
    assert [f.status for f in refresh(lib, settings=FAST).feeds] == ["not modified"]


def test_a_refresh_can_be_cancelled(server, lib) -> None:
    for n in range(3):
        server.routes[f"/f{n}.xml"] = Reply(body=rss20([Item(n, server.url(""))], base=server.url("")))
        subscribe(lib, server.url(f"/f{n}.xml"), settings=FAST)
    cancel = threading.Event()
    cancel.set()
    report = refresh(lib, settings=FAST, cancel=cancel)
    assert report.cancelled and {f.status for f in report.feeds} == {"cancelled"} and lib.count() == 0


def test_progress_reports_every_feed(server, lib) -> None:
    for n in range(3):
        server.routes[f"/f{n}.xml"] = Reply(body=rss20([Item(n, server.url(""))], base=server.url("")))
        subscribe(lib, server.url(f"/f{n}.xml"), settings=FAST)
    seen = []
    refresh(lib, settings=FAST, progress=seen.append)
    assert sorted(p.done for p in seen) == [1, 2, 3] and {p.total for p in seen} == {3}
    assert max(p.new_articles for p in seen) == 3


def test_feeds_and_pages_parse_in_worker_processes(server, lib) -> None:
    items = [Item(n, server.url(""), full=n % 2 == 0) for n in range(4)]
    server.routes["/feed.xml"] = Reply(body=rss20(items, base=server.url("")))
    for it in items:
        server.routes[f"/articles/{it.n}.html"] = Reply(body=article_page(it), content_type="text/html")
    subscribe(lib, server.url("/feed.xml"), settings=FAST)
    report = refresh(lib, settings=FAST, processes=2)
    assert report.counts()["new"] == 4 and report.parse_cpu > 0
    titles = sorted(a.title for a in map(lib.get, report.new_ids) if a)
    assert titles == sorted(it.headline for it in items)


def test_tls_to_a_server_that_speaks_none_is_a_clear_error(server) -> None:
    with pytest.raises(FetchError, match="TLS error"):
        _client().get(server.url("/feed").replace("http://", "https://"))


def test_a_host_that_does_not_resolve_is_a_clear_error(monkeypatch) -> None:
    import socket

    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(FetchError, match=r"^DNS: host news.example.invalid not found$"):
        _client().get("http://news.example.invalid/feed.xml")


def test_robots_txt_is_kept_between_refreshes(server, lib) -> None:
    items = [Item(n, server.url(""), full=False) for n in range(2)]
    server.routes["/feed.xml"] = Reply(body=rss20(items[:1], base=server.url("")))
    server.routes["/robots.txt"] = Reply(body=b"User-agent: tuireader\nDisallow: /articles/1.html\n")
    for it in items:
        server.routes[f"/articles/{it.n}.html"] = Reply(body=article_page(it), content_type="text/html")
    subscribe(lib, server.url("/feed.xml"), settings=FAST)
    refresh(lib, settings=FAST)
    server.routes["/feed.xml"] = Reply(body=rss20(items, base=server.url("")))
    report = refresh(lib, settings=FAST)
    assert report.counts()["new"] == 1 and server.hits("/articles/1.html") == 0
    assert server.hits("/robots.txt") == 1  # read once a day, not once a refresh


def test_next_due_tells_a_reader_when_to_refresh(server, lib) -> None:
    from tuireader.web.refresh import next_due

    assert next_due([]) is None
    server.routes["/a.xml"] = Reply(
        body=rss20([Item(1, server.url(""))], base=server.url("")), headers={"Cache-Control": "max-age=600"}
    )
    server.routes["/b.xml"] = Reply(
        body=rss20([Item(2, server.url(""))], base=server.url("")), headers={"Cache-Control": "max-age=60"}
    )
    subscribe(lib, server.url("/a.xml"), settings=FAST)
    assert next_due(lib.feeds()) <= datetime.now(UTC)  # type: ignore[operator]  # never fetched: due now
    subscribe(lib, server.url("/b.xml"), settings=FAST)
    before = datetime.now(UTC)
    refresh(lib, settings=FAST)
    due = next_due(lib.feeds())
    assert due is not None and before + timedelta(seconds=59) <= due <= before + timedelta(seconds=60 * 1.1 + 2)


def test_a_site_that_answers_429_to_a_page_is_not_asked_again_in_the_same_refresh(server, lib) -> None:
    items = [Item(n, server.url(""), full=False) for n in range(8)]
    server.routes["/feed.xml"] = Reply(body=rss20(items, base=server.url("")))
    for it in items:
        server.routes[f"/articles/{it.n}.html"] = Reply(429, b"slow down", headers={"Retry-After": "60"})
    subscribe(lib, server.url("/feed.xml"), settings=FAST)
    report = refresh(lib, settings=FAST)
    page_requests = sum(1 for r in server.requests if r.path.startswith("/articles/"))
    assert page_requests <= 2  # the requests already in flight when the first 429 came
    assert report.counts()["new"] == 0 and len(report.feeds[0].item_failures) == 8


def test_an_oversized_page_keeps_the_summary_with_a_note_in_feeds(server, lib) -> None:
    small = FetchSettings(connect_timeout=0.5, read_timeout=0.5, total_timeout=2.0, max_bytes=1024 * 1024)
    items = [Item(n, server.url(""), full=False) for n in range(2)]
    server.routes["/feed.xml"] = Reply(body=rss20(items, base=server.url("")))
    server.routes["/articles/0.html"] = Reply(body=b"<p>" + b"x" * 2_000_000, content_type="text/html")
    server.routes["/articles/1.html"] = Reply(body=article_page(items[1]), content_type="text/html")
    subscribe(lib, server.url("/feed.xml"), settings=small)
    report = refresh(lib, settings=small)
    assert report.counts()["new"] == 2
    note = lib.feeds()[0].note or ""
    assert f"{items[0].link}: the page is not read (it could not be fetched: larger than 1 MB" in note
    big = next(a for a in map(lib.get, report.new_ids) if a and a.title == items[0].headline)
    assert big.body == items[0].summary and any("larger than 1 MB" in line for line in big.leftover)


def test_a_refresh_cancelled_half_way_keeps_what_it_stored_and_the_next_one_finishes(server, lib) -> None:
    items = [Item(n, server.url(""), full=False) for n in range(6)]
    server.routes["/feed.xml"] = conditional(rss20(items, base=server.url("")), '"v1"')
    cancel = threading.Event()
    for it in items:
        page = article_page(it)

        def route(_request, page=page):
            cancel.set()  # the first page request cancels the refresh
            return Reply(body=page, content_type="text/html")

        server.routes[f"/articles/{it.n}.html"] = route
    subscribe(lib, server.url("/feed.xml"), settings=FAST)
    report = refresh(lib, settings=FAST, cancel=cancel)
    assert report.cancelled and report.feeds[0].status == "cancelled"
    stored = lib.count()
    assert stored < 6 and lib.feeds()[0].etag is None
    report = refresh(lib, settings=FAST)
    assert report.feeds[0].status == "ok" and lib.count() == 6
    # No page stored is asked for again; those under way when the refresh was cancelled were cut off.
    assert sum(server.hits(f"/articles/{n}.html") for n in range(6)) <= 6 + FAST.per_host
