"""Feeds and article pages for tests, in every format, written out by hand so each field is known."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

WORDS = [
    "council",
    "members",
    "said",
    "on",
    "monday",
    "that",
    "the",
    "plan",
    "for",
    "the",
    "new",
    "bridge",
    "across",
    "the",
    "river",
    "would",
    "be",
    "reviewed",
    "after",
    "residents",
    "complained",
    "about",
    "noise",
    "traffic",
    "and",
    "rising",
    "costs",
    "while",
    "engineers",
    "warned",
    "the",
    "old",
    "crossing",
    "needs",
    "repair",
]


def story(seed: int, paragraphs: int = 6) -> list[str]:
    """Paragraphs of plain prose, different for each seed."""
    out = []
    for p in range(paragraphs):
        words = [WORDS[(seed * 7 + p * 13 + i * (seed % 5 + 3)) % len(WORDS)] for i in range(45)]
        out.append(" ".join(words).capitalize() + f" (item {seed}, part {p}).")
    return out


@dataclass
class Item:
    n: int
    base: str  # site address, e.g. http://127.0.0.1:1234
    full: bool = True  # the feed carries the full story
    title: str | None = None

    @property
    def headline(self) -> str:
        return self.title or f"Bridge plan number {self.n} goes to review"

    @property
    def link(self) -> str:
        return f"{self.base}/articles/{self.n}.html"

    @property
    def summary(self) -> str:
        return f"Summary of story {self.n}: the council reviews the bridge plan."

    @property
    def content_html(self) -> str:
        return "".join(f"<p>{escape(p)}</p>" for p in story(self.n))


def rss20(items: list[Item], title: str = "Example News", base: str = "http://example.test") -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
        f"<channel><title>{escape(title)}</title><link>{base}/</link><description>d</description>",
    ]
    for it in items:
        parts.append(
            f"<item><title>{escape(it.headline)}</title><link>{it.link}</link><guid>{it.link}</guid>"
            f"<pubDate>Mon, 10 Jan 2022 {8 + it.n % 10:02d}:05:00 +0100</pubDate>"
            f"<description>{escape(it.summary)}</description>"
            + (f"<content:encoded><![CDATA[{it.content_html}]]></content:encoded>" if it.full else "")
            + "</item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


def atom(items: list[Item], title: str = "Example Atom", base: str = "http://example.test") -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
        f'<title>{escape(title)}</title><link href="{base}/"/><id>{base}/</id><updated>2022-01-10T08:00:00Z</updated>',
    ]
    for it in items:
        content = f'<content type="html">{escape(it.content_html)}</content>' if it.full else ""
        parts.append(
            f'<entry><title>{escape(it.headline)}</title><link href="{it.link}"/><id>urn:item:{it.n}</id>'
            f"<published>2022-01-10T{8 + it.n % 10:02d}:05:00+01:00</published><updated>2022-01-10T09:00:00+01:00</updated>"
            f"<author><name>Jane Doe</name></author><summary>{escape(it.summary)}</summary>{content}</entry>"
        )
    parts.append("</feed>")
    return "\n".join(parts).encode("utf-8")


def rss10(items: list[Item], title: str = "Example RDF", base: str = "http://example.test") -> bytes:
    parts = [
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        f'<channel rdf:about="{base}/"><title>{escape(title)}</title><link>{base}/</link><description>d</description></channel>',
    ]
    for it in items:
        parts.append(
            f'<item rdf:about="{it.link}"><title>{escape(it.headline)}</title><link>{it.link}</link>'
            f"<dc:date>2022-01-10T08:05:00+01:00</dc:date>"
            f"<description>{escape(it.content_html if it.full else it.summary)}</description></item>"
        )
    parts.append("</rdf:RDF>")
    return "\n".join(parts).encode("utf-8")


def rss091(items: list[Item], title: str = "Example 0.91") -> bytes:
    parts = [
        '<?xml version="1.0"?>\n<rss version="0.91"><channel>',
        f"<title>{escape(title)}</title><link>http://example.test/</link>",
    ]
    for it in items:
        parts.append(
            f"<item><title>{escape(it.headline)}</title><link>{it.link}</link>"
            f"<description>{escape(it.content_html if it.full else it.summary)}</description></item>"
        )
    parts.append("</channel></rss>")
    return "\n".join(parts).encode("utf-8")


def json_feed(items: list[Item], title: str = "Example JSON", version: str = "1.1") -> bytes:
    doc = {
        "version": f"https://jsonfeed.org/version/{version}",
        "title": title,
        "home_page_url": "http://example.test/",
        "items": [
            {
                "id": str(it.n),
                "url": it.link,
                "title": it.headline,
                "summary": it.summary,
                "date_published": f"2022-01-10T{8 + it.n % 10:02d}:05:00+01:00",
                "authors": [{"name": "Jane Doe"}],
                "tags": ["bridges"],
                **({"content_html": it.content_html} if it.full else {}),
            }
            for it in items
        ],
    }
    return json.dumps(doc).encode("utf-8")


def page_lead(it: Item) -> str:
    """The lead a story's page prints above it."""
    return f"Page lead of story {it.n}: what the council decided, and what it means for the river."


def article_page(it: Item, *, with_lead: bool = True, site: str = "Example Site") -> bytes:
    """A realistic article page: navigation, the story, a related-articles block, a footer."""
    lead_text = page_lead(it)
    lead = f'<meta name="description" content="{lead_text}">' if with_lead else ""
    printed_lead = f'<p class="lead">{lead_text}</p>' if with_lead else ""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in story(it.n + 1000, 7))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(it.headline)} | {site}</title>
<meta property="og:title" content="{escape(it.headline)}">
<meta property="og:site_name" content="{site}">{lead}
<meta property="article:published_time" content="2022-01-10T08:05:00+01:00">
<link rel="canonical" href="{it.link}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>{escape(it.headline)}</h1>
{printed_lead}
<p class="byline">By Jane Doe</p>
{paragraphs}
</article>
<aside><h2>Read more</h2><ul>
<li><a href="/articles/related-a-{it.n}.html">Harbour tunnel plan delayed again</a></li>
<li><a href="/articles/related-b-{it.n}.html">Residents vote on new tram line</a></li>
<li><a href="/articles/related-c-{it.n}.html">City budget faces record gap</a></li>
</ul></aside></main>
<footer><p>Copyright Example Site. Imprint. Privacy.</p></footer>
</body></html>""".encode()
