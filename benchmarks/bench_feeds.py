"""Refreshing 200 feeds from a local server: tuireader against newsboat, in the same run.

A server process serves 200 generated feeds of 40 items each under many
loopback addresses (127.0.0.2, 127.0.0.3, ...: separate hosts, so per-host
limits act as on the web), answering each request after 20-50 ms. A third of
the feeds carry only a summary, so tuireader fetches and reads their pages
(realistic article pages: navigation, story, figure, related-articles block,
comments, footer). Feeds and pages carry an ETag and a Last-Modified, so a second refresh is
all 304s for a reader that asks conditionally. Robots.txt allows everything.

Measured: wall time of a first and a second refresh; CPU per stored item (the
refreshing process and its parser processes); the most requests any host had
in flight at once (counted by the server); the same feeds reloaded by newsboat
(``newsboat -x reload``, its own urls file and cache in a temp dir), first and
second time, as a ratio. Targets: first refresh <= 60 s, second <= 3 s, at most
2 requests in flight per host.

    python benchmarks/bench_feeds.py [--feeds 200] [--items 40] [--hosts 50]
                                     [--newsboat-threads 24] [--no-newsboat]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # this checkout's tuireader, not one installed elsewhere

PORT = 18931
LATENCY = (0.020, 0.050)
LAST_MODIFIED = "Sun, 01 Nov 2026 08:00:00 GMT"  # every generated feed and page is this old

# --- generated content ---------------------------------------------------------------

_VOCAB = [
    "the",
    "council",
    "government",
    "minister",
    "city",
    "residents",
    "plan",
    "budget",
    "report",
    "police",
    "court",
    "school",
    "hospital",
    "company",
    "workers",
    "union",
    "market",
    "prices",
    "energy",
    "climate",
    "river",
    "bridge",
    "train",
    "station",
    "election",
    "campaign",
    "party",
    "leader",
    "mayor",
    "officials",
    "said",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "after",
    "before",
    "during",
    "while",
    "because",
    "although",
    "however",
    "despite",
    "new",
    "old",
    "large",
    "small",
    "local",
    "national",
    "regional",
    "public",
    "private",
    "first",
    "last",
    "year",
    "week",
    "month",
    "people",
    "families",
    "children",
    "experts",
    "critics",
    "supporters",
    "opponents",
    "study",
    "data",
    "figures",
    "rose",
    "fell",
    "increased",
    "decreased",
    "announced",
    "confirmed",
    "rejected",
    "approved",
    "delayed",
    "expected",
    "warned",
    "agreed",
    "argued",
    "questioned",
    "reviewed",
    "proposed",
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_VOCAB) for _ in range(rng.randint(10, 24))]
    return " ".join(words).capitalize() + rng.choice([".", ".", ".", "?", "!"])


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def _headline(rng: random.Random) -> str:
    return " ".join(rng.choice(_VOCAB) for _ in range(rng.randint(6, 10))).capitalize()


def _host(feed: int, hosts: int) -> str:
    return f"127.0.0.{2 + feed % hosts}"


def _item_url(feed: int, item: int, hosts: int) -> str:
    return f"http://{_host(feed, hosts)}:{PORT}/articles/{feed}/{item}.html"


def make_page(feed: int, item: int, hosts: int) -> bytes:
    """A news article page of ~30-60 KB, the way sites print them."""
    rng = random.Random(feed * 100_000 + item)
    title = _headline(rng)
    site = f"Example Daily {feed % 7}"
    # a mega menu: sections with their subsections, as news sites print them
    nav = "".join(
        f'<li><a href="/section/{s}">{s.title()}</a><ul>'
        + "".join(f'<li><a href="/section/{s}/{t}">{t.title()}</a></li>' for t in _VOCAB[40:44])
        + "</ul></li>"
        for s in _VOCAB[:30]
    )
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(8, 14))]
    body = []
    for i, p in enumerate(paragraphs):
        body.append(f"<p>{escape(p)}</p>")
        if i == 3:
            body.append(
                '<figure><img src="/img/a.jpg" alt=""><figcaption>'
                f"{escape(_sentence(rng))} Photo: Agency</figcaption></figure>"
            )
        if i == 6:
            body.append(f"<h2>{escape(_headline(rng))}</h2>")
    related = "".join(
        f'<li><a href="/articles/{feed}/{(item + k) % 40}.html"><span class="kicker">{escape(rng.choice(_VOCAB))}</span>'
        f"<h3>{escape(_headline(rng))}</h3></a></li>"
        for k in range(1, 7)
    )
    comments = "".join(f'<div class="comment"><b>reader{k}</b><p>{escape(_sentence(rng))}</p></div>' for k in range(8))
    footer = "".join(f'<a href="/info/{w}">{w}</a> ' for w in _VOCAB[30:70])
    script = "var dataLayer=[];" + "window.cfg={};" * 1500
    style = ".a{color:#333}" * 800
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{escape(title)}"><meta property="og:site_name" content="{site}">
<meta property="og:type" content="article"><meta name="description" content="{escape(_sentence(rng))}">
<meta property="article:published_time" content="2026-11-{1 + item % 28:02d}T{8 + item % 12:02d}:15:00+01:00">
<link rel="canonical" href="{_item_url(feed, item, hosts)}">
<link rel="stylesheet" href="/static/site.css"><style>{style}</style><script>{script}</script>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":{json.dumps(title)},
"author":{{"@type":"Person","name":"Sam Writer"}},"datePublished":"2026-11-{1 + item % 28:02d}T{8 + item % 12:02d}:15:00+01:00"}}</script>
</head><body>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><a class="logo" href="/">{site}</a><nav><ul>{nav}</ul></nav>
<div class="ticker">Breaking: {escape(_headline(rng))}</div></header>
<main><article><div class="kicker">{escape(rng.choice(_VOCAB)).title()}</div>
<h1>{escape(title)}</h1><p class="byline">By Sam Writer · 4 min read</p>
{"".join(body)}
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Mail</a></div>
</article>
<section class="related"><h2>More on this topic</h2><ul>{related}</ul></section>
<section class="comments"><h2>Comments</h2>{comments}</section></main>
<aside class="ad">Advertisement</aside>
<footer>{footer}<p>© {site}</p></footer>
</body></html>"""
    return page.encode("utf-8")


def make_feed(feed: int, items: int, hosts: int) -> bytes:
    """RSS 2.0; every third feed carries only a one-sentence summary per item."""
    rng = random.Random(feed)
    summary_only = feed % 3 == 0
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
        f"<title>Feed {feed}: {escape(_headline(rng))}</title><link>http://{_host(feed, hosts)}:{PORT}/</link>",
        "<description>generated</description>",
    ]
    for item in range(items):
        irng = random.Random(feed * 100_000 + item)
        title = _headline(irng)
        url = _item_url(feed, item, hosts)
        content = ""
        if not summary_only:
            story = "".join(f"<p>{escape(_paragraph(irng))}</p>" for _ in range(irng.randint(6, 10)))
            content = f"<content:encoded><![CDATA[{story}]]></content:encoded>"
        out.append(
            f"<item><title>{escape(title)}</title><link>{url}</link><guid>{url}</guid>"
            f"<pubDate>Mon, {1 + item % 28:02d} Nov 2026 {8 + item % 12:02d}:15:00 +0100</pubDate>"
            f"<description>{escape(_sentence(irng))}</description>{content}</item>"
        )
    out.append("</channel></rss>")
    return "\n".join(out).encode("utf-8")


# --- the server (its own process) ----------------------------------------------------------


def serve(feeds: int, items: int, hosts: int, ready: multiprocessing.synchronize.Event) -> None:  # type: ignore[name-defined]
    feed_bodies = {f"/feeds/{f}.xml": make_feed(f, items, hosts) for f in range(feeds)}
    page_cache: dict[str, bytes] = {}
    lock = threading.Lock()
    in_flight: dict[str, int] = {}
    peak: dict[str, int] = {}
    counts = {"requests": 0, "304": 0}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            host = self.server.server_address[0]  # type: ignore[index]
            if self.path == "/__stats":
                body = json.dumps({"peak": peak, **counts}).encode()
                self._send(200, body, "application/json", None)
                return
            with lock:
                in_flight[host] = in_flight.get(host, 0) + 1
                peak[host] = max(peak.get(host, 0), in_flight[host])
                counts["requests"] += 1
            try:
                time.sleep(random.uniform(*LATENCY))
                body, ctype = self._body()
                if body is None:
                    self._send(404, b"not found", "text/plain", None)
                    return
                etag = '"' + hashlib.md5(body).hexdigest() + '"'
                fresh = self.headers.get("If-None-Match") == etag or (
                    "If-None-Match" not in self.headers and self.headers.get("If-Modified-Since") == LAST_MODIFIED
                )
                if fresh:
                    with lock:
                        counts["304"] += 1
                    self._send(304, b"", ctype, etag)
                else:
                    self._send(200, body, ctype, etag)
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                with lock:
                    in_flight[host] -= 1

        def _body(self) -> tuple[bytes | None, str]:
            if self.path == "/robots.txt":
                return b"User-agent: *\nAllow: /\n", "text/plain"
            if self.path in feed_bodies:
                return feed_bodies[self.path], "application/rss+xml"
            if self.path.startswith("/articles/"):
                with lock:
                    cached = page_cache.get(self.path)
                if cached is None:
                    try:
                        f, i = self.path[len("/articles/") : -len(".html")].split("/")
                        cached = make_page(int(f), int(i), hosts)
                    except ValueError:
                        return None, ""
                    with lock:
                        page_cache[self.path] = cached
                return cached, "text/html; charset=utf-8"
            return None, ""

        def _send(self, status: int, body: bytes, ctype: str, etag: str | None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            if etag:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

    servers = []
    for h in range(hosts):
        httpd = ThreadingHTTPServer((f"127.0.0.{2 + h}", PORT), Handler)
        httpd.daemon_threads = True
        httpd.request_queue_size = 64
        servers.append(httpd)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
    ready.set()
    while True:
        time.sleep(3600)


def stats() -> dict:
    with urllib.request.urlopen(f"http://127.0.0.2:{PORT}/__stats", timeout=5) as resp:
        return json.loads(resp.read())


# --- the runs ----------------------------------------------------------------------------


def _cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def run_tuireader(feeds: int, hosts: int, workdir: Path) -> list[dict]:
    from tuireader.library import Library
    from tuireader.web.refresh import refresh

    runs = []
    with Library(workdir / "library.db") as lib:
        for f in range(feeds):
            lib.add_feed(f"http://{_host(f, hosts)}:{PORT}/feeds/{f}.xml")
        for label in ("first", "second"):
            before = stats()
            cpu0 = _cpu_self()
            start = time.monotonic()
            report = refresh(lib)
            wall = time.monotonic() - start
            cpu = _cpu_self() - cpu0 + report.parse_cpu
            after = stats()
            counts = report.counts()
            runs.append(
                {
                    "run": label,
                    "wall": wall,
                    "cpu": cpu,
                    "parse_cpu": report.parse_cpu,
                    "items": report.items_read,
                    "new": counts["new"],
                    "pages": counts["pages"],
                    "errors": counts["errors"],
                    "requests": after["requests"] - before["requests"],
                    "not_modified": after["304"] - before["304"],
                    "peak_client": report.peak_per_host,
                    "peak_server": max(after["peak"].values(), default=0),
                    "load": os.getloadavg()[0],
                }
            )
            for f in report.feeds:
                if f.status == "error":
                    print(f"  error: {f.name}: {f.error}", file=sys.stderr)
        runs.append({"run": "stored", "articles": lib.count()})
    return runs


def run_newsboat(feeds: int, hosts: int, workdir: Path, threads: int) -> list[dict]:
    exe = shutil.which("newsboat")
    if exe is None:
        return []
    urls = workdir / "urls"
    urls.write_text("".join(f"http://{_host(f, hosts)}:{PORT}/feeds/{f}.xml\n" for f in range(feeds)))
    config = workdir / "config"
    config.write_text(f"reload-threads {threads}\ndownload-timeout 30\n")
    cache = workdir / "cache.db"
    env = dict(os.environ, HOME=str(workdir))
    runs = []
    for label in ("first", "second"):
        before = stats()
        usage0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        proc = subprocess.run(
            [exe, "-x", "reload", "-u", str(urls), "-c", str(cache), "-C", str(config)],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
        wall = time.monotonic() - start
        usage1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        after = stats()
        if proc.returncode != 0:
            print(f"  newsboat exited {proc.returncode}: {proc.stderr.strip()[:300]}", file=sys.stderr)
        runs.append(
            {
                "run": label,
                "wall": wall,
                "cpu": (usage1.ru_utime + usage1.ru_stime) - (usage0.ru_utime + usage0.ru_stime),
                "requests": after["requests"] - before["requests"],
                "not_modified": after["304"] - before["304"],
                "peak_server": max(after["peak"].values(), default=0),
                "load": os.getloadavg()[0],
            }
        )
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--hosts", type=int, default=50, help="loopback addresses 127.0.0.2 onwards")
    parser.add_argument("--newsboat-threads", type=int, default=24, help="newsboat's reload-threads")
    parser.add_argument("--no-newsboat", action="store_true")
    args = parser.parse_args()
    if not 1 <= args.hosts <= 250:
        parser.error("--hosts: 1 to 250 (addresses 127.0.0.2 to 127.0.0.251)")

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs")
    ctx = multiprocessing.get_context("fork")
    ready = ctx.Event()
    server = ctx.Process(target=serve, args=(args.feeds, args.items, args.hosts, ready), daemon=True)
    server.start()
    try:
        if not ready.wait(60):
            sys.exit("server did not start")
        print(
            f"{args.feeds} feeds x {args.items} items on {args.hosts} hosts, "
            f"{len(range(0, args.feeds, 3))} summary-only feeds; latency {LATENCY[0] * 1000:.0f}-{LATENCY[1] * 1000:.0f} ms"
        )
        with tempfile.TemporaryDirectory(prefix="bench-feeds-") as tmp:
            ours = run_tuireader(args.feeds, args.hosts, Path(tmp))
        theirs: list[dict] = []
        if not args.no_newsboat:
            with tempfile.TemporaryDirectory(prefix="bench-newsboat-") as tmp:
                theirs = run_newsboat(args.feeds, args.hosts, Path(tmp), args.newsboat_threads)
    finally:
        server.terminate()

    print()
    print("| reader | refresh | wall | CPU | CPU per item | requests | 304s | max in flight per host | load |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in ours[:2]:
        per_item = r["cpu"] / r["items"] * 1000 if r["items"] else 0.0
        print(
            f"| tuireader | {r['run']} | {r['wall']:.1f} s | {r['cpu']:.1f} s | "
            f"{per_item:.1f} ms | {r['requests']} | {r['not_modified']} | {r['peak_server']} | {r['load']:.2f} |"
        )
    for r in theirs:
        per_item = r["cpu"] / (args.feeds * args.items) * 1000
        print(
            f"| newsboat | {r['run']} | {r['wall']:.1f} s | {r['cpu']:.1f} s | {per_item:.2f} ms | "
            f"{r['requests']} | {r['not_modified']} | {r['peak_server']} | {r['load']:.2f} |"
        )
    first = ours[0]
    print()
    print(
        f"tuireader first refresh: {first['new']} articles stored ({ours[2]['articles']} in the library), "
        f"{first['pages']} pages fetched and read, {first['errors']} feed errors; "
        f"parser processes {first['parse_cpu']:.1f} s CPU"
    )
    if theirs:
        print(
            f"ratio tuireader / newsboat: first {ours[0]['wall'] / theirs[0]['wall']:.1f}x, "
            f"second {ours[1]['wall'] / theirs[1]['wall']:.1f}x (newsboat reads feeds only, no pages)"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
