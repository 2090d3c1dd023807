"""The related block of a saved page: other articles only, each once, and no comment sidebars."""

from __future__ import annotations

import pytest

from tuireader.ingest.htmlformat import parse
from tuireader.ingest.urls import is_comment_link, page_key

STORY_DE = """<p>Die Stadtwerke haben am Montag angekündigt, dass das neue Wasserkraftwerk an der Isar
im Frühjahr ans Netz gehen soll. Nach drei Jahren Bauzeit liefert die Anlage Strom für rund
zwölftausend Haushalte, teilte ein Sprecher mit.</p>
<p>Die Kosten von 48 Millionen Euro trägt zu einem Drittel der Freistaat. Umweltverbände hatten
den Bau lange kritisiert, weil die Fischtreppe zu klein geplant war; inzwischen wurde sie
erweitert und von Gutachtern abgenommen.</p>"""

STORY_EN = """<p>The city utility said on Monday that the new hydro plant on the river will go online in
spring. After three years of building it will supply some twelve thousand homes, a spokesman said.</p>
<p>The plant cost 48 million euros, a third of it paid by the state. Environmental groups had long
criticised the fish ladder, which has since been enlarged and approved by independent experts.</p>"""

URL = "https://www.stadtanzeiger.example/lokales/kraftwerk-isar-123"


def page(title: str, story: str, after: str, url: str = URL, lang: str = "de") -> str:
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title} | Stadtanzeiger</title><link rel="canonical" href="{url}"></head>
<body><main><article><h1>{title}</h1>{story}</article>{after}</main></body></html>"""


def block(label: str, links: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    return f"<section><h2>{label}</h2><ul>{items}</ul></section>"


OTHER = [
    ("/lokales/solarpflicht-456", "Solarpflicht für Neubauten kommt im Jahr 2025"),
    ("/lokales/windkraft-789", "Windräder: Bayern lockert die Abstandsregel für Dörfer"),
]


@pytest.mark.parametrize(
    "own",
    [
        URL,
        URL + "/",
        URL + "#kommentare",
        URL + "?utm_source=twitter&utm_medium=social",
        "/lokales/kraftwerk-isar-123",
        "HTTPS://STADTANZEIGER.EXAMPLE/lokales/kraftwerk-isar-123",
    ],
)
def test_the_article_itself_is_not_among_its_teasers(own: str) -> None:
    title = "Neues Kraftwerk an der Isar"
    html = page(title, STORY_DE, block("Mehr zum Thema", [(own, "Kraftwerk: So geht es weiter"), *OTHER]))
    article = parse(html)
    assert [t.title for t in article.related] == [text for _, text in OTHER]


def test_a_teaser_with_the_headline_as_its_title_is_the_article_itself() -> None:
    title = "New power plant on the river goes online"
    links = [("/news/plant?ref=home", title), ("/news/solar", "Solar panels become mandatory on new buildings")]
    article = parse(page(title, STORY_EN, block("Related stories", links), lang="en"))
    assert [t.title for t in article.related] == ["Solar panels become mandatory on new buildings"]


def test_the_same_teaser_twice_is_listed_once() -> None:
    links = [
        *OTHER,
        (
            "https://www.stadtanzeiger.example/lokales/solarpflicht-456/",
            "Solarpflicht kommt: was Bauherren wissen müssen",
        ),
        ("/lokales/windkraft-neu-790", "Windräder: Bayern lockert die Abstandsregel für Dörfer"),
    ]
    article = parse(page("Neues Kraftwerk an der Isar", STORY_DE, block("Mehr zum Thema", links)))
    assert [t.title for t in article.related] == [text for _, text in OTHER]


def test_a_comment_sidebar_is_no_teaser_block() -> None:
    """ "Recent comments": each comment links to the article it was written under, by permalink."""
    items = "".join(
        f"""<li class="recent-comment"><div class="meta">06.11.23 - 14:0{n} von Leser {n} zu</div>
<div class="link"><a href="https://www.stadtanzeiger.example/politik/haushalt-55#comment-{4500 + n}">
Haushalt 2024: Der Stadtrat streitet über die Sparliste</a></div></li>"""
        for n in range(6)
    )
    sidebar = f'<aside><h3>Neueste Kommentare</h3><ul class="widget">{items}</ul></aside>'
    article = parse(page("Neues Kraftwerk an der Isar", STORY_DE, sidebar + block("Mehr zum Thema", OTHER)))
    assert [t.title for t in article.related] == [text for _, text in OTHER]
    assert "Sparliste" not in article.body and "zwölftausend Haushalte" in article.body


def test_recent_comments_in_english_give_no_teasers_either() -> None:
    items = "".join(
        f'<li><a href="/author/reader{n}">Reader {n}</a> on <a href="/2019/11/post-{n}/#comment-{900 + n}">'
        f"Why the giving season starts in November for most donors</a></li>"
        for n in range(5)
    )
    sidebar = f"<aside><h3>Recent Comments</h3><ul>{items}</ul></aside>"
    article = parse(page("New power plant on the river goes online", STORY_EN, sidebar, lang="en"))
    assert article.related == []


def test_page_keys_ignore_what_does_not_change_the_page() -> None:
    assert page_key("https://WWW.Example.com/a/b/?utm_source=x&id=3#top") == page_key("http://example.com/a/b?id=3")
    assert page_key("/a/b", "https://example.com/x/y") == page_key("https://example.com/a/b")
    assert page_key("https://example.com/a?id=3") != page_key("https://example.com/a?id=4")
    assert page_key("") is None


def test_comment_links() -> None:
    assert is_comment_link("https://example.com/post-1#comment-4567")
    assert is_comment_link("/post-1#respond") and is_comment_link("/artikel#kommentare")
    assert not is_comment_link("/post-1#top") and not is_comment_link("/post-1")


@pytest.mark.parametrize(
    ("open_tag", "close_tag"),
    [("<ps-promo>", "</ps-promo>"), ('<div class="promo promo-small">', "</div>"), ('<div class="teaser">', "</div>")],
)
def test_a_single_card_set_into_the_story_is_a_teaser_with_its_summary(open_tag: str, close_tag: str) -> None:
    paragraphs = STORY_EN.split("</p>")
    card = f"""{open_tag}<p class="category"><a href="/lifestyle">Lifestyle</a></p>
<h3><a href="/lifestyle/solo-dates">11 ideas perfect for solo dates in the city</a></h3>
<p class="description">From self-care treatments to creative play, we selected solo activities that are a perfect
starting point.</p>{close_tag}"""
    story = paragraphs[0] + "</p>" + card + "</p>".join(paragraphs[1:])
    article = parse(page("New power plant on the river goes online", story, "", lang="en"))
    assert "self-care" not in article.body and "solo dates" not in article.body
    assert "twelve thousand homes" in article.body and "fish ladder" in article.body
    assert [t.title for t in article.related] == ["11 ideas perfect for solo dates in the city"]
    assert article.related[0].summary and article.related[0].summary.startswith("From self-care")
