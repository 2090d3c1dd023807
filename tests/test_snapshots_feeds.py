"""Snapshot of the feeds view (key 4): unread counts, a failing feed, markup in a name shown as text.

Look at the SVG before accepting a change (``--snapshot-update``).
"""

from __future__ import annotations

from feedsamples import Item, rss20
from test_snapshots import settled
from webserver import LocalServer, Reply, conditional

from tuireader.library import Library
from tuireader.ui.app import ReaderApp
from tuireader.web.refresh import refresh
from tuireader.web.settings import FetchSettings
from tuireader.web.subscribe import subscribe

FAST = FetchSettings(connect_timeout=5.0, read_timeout=5.0, total_timeout=15.0)


def feeds_library(server: LocalServer, lib: Library) -> Library:
    # every story at its own hour (feedsamples: 8 + n % 10), so the list's order never depends on storing order
    for path, name, first, count in [
        ("/city.xml", "City Desk", 1, 4),
        ("/port.xml", "Harbour [b]Log[/b]", 5, 2),
        ("/gone.xml", "Gone Gazette", 7, 1),
    ]:
        stories = [Item(n, server.url(""), full=True, title=f"Council story {n}") for n in range(first, first + count)]
        server.routes[path] = conditional(rss20(stories, title=name, base=server.url("")), '"1"')
        subscribe(lib, server.url(path), name=name, settings=FAST)
    server.routes["/gone.xml"] = Reply(404, b"not found", content_type="text/plain")
    refresh(lib, settings=FAST)
    lib.set_read(lib.summaries(limit=1)[0].id, True)
    return lib


def test_feeds_view(snap_compare, server: LocalServer, lib: Library) -> None:  # type: ignore[no-untyped-def]
    app = ReaderApp(feeds_library(server, lib))
    assert snap_compare(app, terminal_size=(110, 30), run_before=settled("4"))
