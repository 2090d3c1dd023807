"""The reader's feeds: R refreshes against a local server, 4 lists feeds with unread counts and filters the list."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from conftest import Reader, run_reader
from feedsamples import Item, rss20
from textual.widgets import OptionList
from ui_helpers import row_text, static_text
from webserver import LocalServer, Reply, conditional

from tuireader.config import load_config
from tuireader.library import Library
from tuireader.ui.feeds import FeedsLine, FeedView
from tuireader.ui.screens.feeds import FeedsScreen
from tuireader.ui.screens.main import MainScreen
from tuireader.web.settings import FetchSettings
from tuireader.web.subscribe import subscribe

# Generous for a loaded machine: these tests are not about timeouts.
FAST = FetchSettings(connect_timeout=5.0, read_timeout=5.0, total_timeout=15.0)


def publish(server: LocalServer, path: str, items: list[Item], title: str) -> str:
    server.routes[path] = conditional(rss20(items, title=title, base=server.url("")), f'"{len(items)}"')
    return server.url(path)


def items(start: int, count: int, server: LocalServer) -> list[Item]:
    return [
        Item(n, server.url(""), full=True, title=f"Story {n} from the council") for n in range(start, start + count)
    ]


def option_texts(reader: Reader) -> list[str]:
    option_list = reader.app.screen.query_one(OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def refreshed(reader: Reader) -> FeedsLine.Finished:
    """Press R and wait for the refresh's end, its notification shown."""
    reader.app.feeds.settings = FAST
    before = len(reader.seen)
    await reader.press("R")
    finished = await reader.wait_for(FeedsLine.Finished, lambda m: m in reader.seen[before:], timeout=30)
    return finished


async def test_r_stores_new_items_and_they_appear_in_the_list(
    server: LocalServer, lib: Library, notifications: list[str]
) -> None:
    url = publish(server, "/news.xml", items(1, 2, server), "Council News")
    subscribe(lib, url, name="Council News", settings=FAST)
    async with run_reader(lib) as reader:
        assert reader.main.article_list.row_count == 0
        finished = await refreshed(reader)
        assert finished.report is not None and finished.report.counts()["new"] == 2
        await reader.wait_for(MainScreen.ListLoaded, lambda m: m.refresh and m.count == 2)
        progress = [m.progress for m in reader.seen if isinstance(m, FeedsLine.Progressed)]
        assert progress and progress[-1].done == progress[-1].total == 1
        assert "Refreshed 1 of 1 feed: 2 new articles." in notifications
        assert {row_text(reader.main.article_list, i).count("Story") for i in range(2)} == {1}

        # The feed gains an item: R again brings it into the open list, no restart.
        publish(server, "/news.xml", items(1, 3, server), "Council News")
        finished = await refreshed(reader)
        assert finished.report is not None and finished.report.counts()["new"] == 1
        await reader.wait_for(MainScreen.ListLoaded, lambda m: m.refresh and m.count == 3)
        assert any("Story 3 from the council" in row_text(reader.main.article_list, i) for i in range(3))
        assert not reader.main.query_one(FeedsLine).has_class("-shown")  # the progress line leaves once done


async def test_the_feeds_view_shows_unread_counts_and_filters_the_list(server: LocalServer, lib: Library) -> None:
    subscribe(lib, publish(server, "/a.xml", items(1, 3, server), "Alpha"), name="Alpha Daily", settings=FAST)
    subscribe(lib, publish(server, "/b.xml", items(10, 2, server), "Beta"), name="Beta [b]Weekly[/b]", settings=FAST)
    async with run_reader(lib) as reader:
        await refreshed(reader)
        await reader.wait_for(MainScreen.ListLoaded, lambda m: m.refresh and m.count == 5)
        alpha = next(s for s in lib.summaries(limit=10) if s.title == "Story 1 from the council")
        lib.set_read(alpha.id, True)

        await reader.press("4")
        await reader.wait_for(FeedsScreen.FeedsRead)
        texts = option_texts(reader)
        assert texts[0].startswith("All articles")
        assert "Alpha Daily  2 unread of 3" in texts[1]
        assert "Beta [b]Weekly[/b]  2 unread of 2" in texts[2]  # markup in a feed name is shown as text

        before = len(reader.seen)
        await reader.press("down", "down", "enter")
        # The read mark set above from another connection may bring a re-read of all articles meanwhile.
        loaded = await reader.wait_for(
            MainScreen.ListLoaded, lambda m: m in reader.seen[before:] and isinstance(m.source, FeedView)
        )
        assert loaded.count == 2
        await reader.settle()
        titles = [row_text(reader.main.article_list, i) for i in range(2)]
        assert all("Story 1" in t and "from the council" in t for t in titles)  # stories 10 and 11
        assert "feed: Beta [b]Weekly[/b]" in static_text(reader.app, "#status")
        assert "2 articles" in static_text(reader.app, "#status")

        # Unread within the feed, then 1 leaves the feed for the whole library.
        await reader.press("2")
        await reader.wait_for(MainScreen.ListLoaded, lambda m: m.source.view == "unread" and m.count == 4)
        await reader.settle()
        assert "feed:" not in static_text(reader.app, "#status")
        await reader.press("4")
        await reader.wait_for(FeedsScreen.FeedsRead, lambda m: m in reader.seen[before:])
        await reader.press("down", "enter")
        await reader.wait_for(MainScreen.ListLoaded, lambda m: isinstance(m.source, FeedView) and m.count == 2)
        await reader.press("4", "home", "enter")
        await reader.wait_for(MainScreen.ListLoaded, lambda m: not isinstance(m.source, FeedView) and m.count == 4)


async def test_a_failing_feed_is_reported_and_the_others_still_refresh(
    server: LocalServer, lib: Library, notifications: list[str]
) -> None:
    subscribe(lib, publish(server, "/ok.xml", items(1, 2, server), "Fine"), name="Fine Feed", settings=FAST)
    subscribe(lib, publish(server, "/gone.xml", items(5, 1, server), "Gone"), name="Gone Feed", settings=FAST)
    server.routes["/gone.xml"] = Reply(404, b"not found", content_type="text/plain")
    async with run_reader(lib) as reader:
        finished = await refreshed(reader)
        assert finished.report is not None and finished.report.counts()["errors"] == 1
        await reader.wait_for(MainScreen.ListLoaded, lambda m: m.refresh and m.count == 2)
        shown = notifications[-1]
        assert shown.startswith("Refreshed 2 of 2 feeds: 2 new articles; 1 failed:")
        assert "Gone Feed: " in shown and "404" in shown
        await reader.press("4")
        await reader.wait_for(FeedsScreen.FeedsRead)
        gone = next(t for t in option_texts(reader) if "Gone Feed" in t)
        assert "error:" in gone and "404" in gone


async def test_quitting_during_a_refresh_does_not_hang(
    server: LocalServer, lib: Library, notifications: list[str]
) -> None:
    for n in range(8):
        subscribe(lib, publish(server, f"/slow{n}.xml", items(n * 10, 1, server), f"Slow {n}"), settings=FAST)
        body = rss20(items(n * 10, 1, server), title=f"Slow {n}", base=server.url(""))
        server.routes[f"/slow{n}.xml"] = Reply(body=body, delay=1.0)  # two at a time: 4 s for all eight
    async with run_reader(lib) as reader:
        reader.app.feeds.settings = FAST
        await reader.press("R")
        await reader.wait_for(FeedsLine.Progressed)  # the first feeds are in, others wait
        line = reader.main.query_one(FeedsLine)
        assert (
            line.has_class("-shown") and "Refreshing feeds: " in str(line.render()) and " of 8, " in str(line.render())
        )
        refresher = reader.app.feeds
        assert not refresher.start(manual=False)  # an interval's tick while a refresh runs is skipped
        await reader.press("R")
        assert notifications[-1] == "A refresh is already running."
        started = time.monotonic()
        await reader.press("q")
    quit_seconds = time.monotonic() - started
    assert quit_seconds < 3.0  # the refresh alone takes 4 s
    assert refresher.cancel.is_set()
    deadline = time.monotonic() + 10
    while refresher.last_report is None:  # the refresh's threads end: requests under way finish
        assert time.monotonic() < deadline, "the refresh did not stop"
        await asyncio.to_thread(refresher.finished.wait, 0.5)
    report = refresher.last_report
    assert report.cancelled
    not_asked = [f for f in report.feeds if f.status == "cancelled" and f.error is None]
    assert len(not_asked) >= 2  # feeds waiting for their turn were not fetched


async def test_quitting_ends_requests_under_way_at_once(server: LocalServer, lib: Library) -> None:
    """A request already sent when q is pressed is cut off, not waited for up to the read timeout."""
    patient = FetchSettings(connect_timeout=5.0, read_timeout=30.0, total_timeout=60.0)
    subscribe(lib, publish(server, "/slow.xml", items(1, 1, server), "Slow"), settings=FAST)
    body = rss20(items(1, 2, server), title="Slow", base=server.url(""))
    server.routes["/slow.xml"] = Reply(body=body, delay=10.0)
    async with run_reader(lib) as reader:
        refresher = reader.app.feeds
        refresher.settings = patient
        await reader.press("R")
        deadline = time.monotonic() + 10
        while server.hits("/slow.xml") < 2:  # the refresh's request is under way (the first was subscribe's)
            assert time.monotonic() < deadline, "the refresh sent no request"
            await asyncio.to_thread(time.sleep, 0.01)
        started = time.monotonic()
        await reader.press("q")
    ended = await asyncio.to_thread(refresher.finished.wait, 9.0)
    assert ended and time.monotonic() - started < 4.0  # the bounded flush (3 s) at most, not the 10 s reply
    assert refresher.last_report is not None and refresher.last_report.cancelled


def test_refresh_minutes_in_config(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("refresh_minutes = 15\n")
    assert load_config(path).refresh_minutes == 15.0
    path.write_text("refresh_minutes = 0\n")
    assert load_config(path).refresh_minutes is None
    path.write_text('refresh_minutes = "often"\n')
    config = load_config(path)
    assert config.refresh_minutes is None and "refresh_minutes" in config.problems[0]
    assert load_config(tmp_path / "missing.toml").refresh_minutes is None


@pytest.mark.parametrize("minutes", [None, 0.001])
async def test_the_refresh_interval_refreshes_while_the_reader_is_open(
    server: LocalServer, lib: Library, minutes: float | None
) -> None:
    subscribe(lib, publish(server, "/news.xml", items(1, 2, server), "Council News"), settings=FAST)
    app_config = load_config(Path("/nonexistent/config.toml"))
    app_config.refresh_minutes = minutes
    async with run_reader(lib, config=app_config) as reader:
        reader.app.feeds.settings = FAST
        if minutes is None:
            await reader.settle()
            assert reader.app.feeds.worker is None  # off by default: nothing fetched unasked
            assert server.hits("/news.xml") == 1  # the subscribe's own request
        else:
            finished = await reader.wait_for(FeedsLine.Finished, timeout=30)
            assert finished.report is not None and finished.report.counts()["new"] == 2
            assert not finished.manual


def test_marking_a_feed_view_read_marks_only_its_articles(lib_path, monkeypatch) -> None:
    """`A` in a feed's view marks that feed's articles read, never the rest of the library."""
    from tuireader.library import Library
    from tuireader.ui.feeds import FeedView

    with Library(lib_path) as library:
        everything = library.summaries(limit=100)
        for row in everything:
            library.set_read(row.id, False)
        mine = everything[:3]
        monkeypatch.setattr(FeedView, "_all", lambda self: [library.summary(r.id) for r in mine])
        view = FeedView(library, "all", None, feed_id=1, feed_name="one feed")
        assert view.next_unread(None) == mine[0].id
        assert view.mark_all_read(library) == 3
        after = {r.id: r.read for r in library.summaries(limit=100)}
        assert all(after[r.id] for r in mine)
        assert not any(after[r.id] for r in everything[3:])
        assert view.next_unread(None) is None
