"""Saved web pages: the story as markdown, teasers apart, metadata, hostile markup."""

from __future__ import annotations

import json
import re
import time

import pytest

from tuireader.ingest import detect_format, parse_bytes, parse_text
from tuireader.ingest.htmlformat import parse

STORY = """
<p>Die Stadtwerke haben am Montag angekündigt, dass das neue Wasserkraftwerk an der Isar
im Frühjahr ans Netz gehen soll. Nach drei Jahren Bauzeit liefert die Anlage Strom für rund
zwölftausend Haushalte, teilte ein Sprecher mit.</p>
<p>Die Kosten von 48 Millionen Euro trägt zu einem Drittel der Freistaat. Umweltverbände hatten
den Bau lange kritisiert, weil die Fischtreppe zu klein geplant war; inzwischen wurde sie
erweitert und von Gutachtern abgenommen.</p>
<p>Im Sommer soll ein Besucherzentrum eröffnen, in dem Schulklassen die Turbinen aus der Nähe
sehen können. Führungen sind nach Anmeldung auch am Wochenende möglich.</p>
"""


def page(body: str, head: str = "", title: str = "Neues Kraftwerk an der Isar") -> str:
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title} | Stadtanzeiger</title>{head}</head>
<body>
<header><nav><ul><li><a href="/">Start</a></li><li><a href="/politik">Politik</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>{title}</h1>
{body}
</article></main>
<footer><p>© Stadtanzeiger · <a href="/impressum">Impressum</a></p></footer>
</body></html>"""


def card(n: int, *, kicker: str = "Energie", date: str = "2023-03-0{n}") -> str:
    return f"""<div class="teaser">
  <span class="teaser__kicker">{kicker}</span>
  <h3><a href="/artikel/{n}">Windpark Nummer {n} geht im Landkreis ans Netz</a></h3>
  <p>Kurze Zusammenfassung des Artikels Nummer {n}, zwei Sätze lang. Mit mehr Text.</p>
  <time datetime="{date.format(n=n)}">{n}. März 2023</time>
</div>"""


# --- story ---------------------------------------------------------------------------


def test_story_is_found_and_page_furniture_left_out() -> None:
    article = parse(page(STORY))
    assert "zwölftausend Haushalte" in article.body
    assert "Besucherzentrum" in article.body
    assert "Impressum" not in article.body
    assert "Sport" not in article.body
    assert article.title == "Neues Kraftwerk an der Isar"


def test_detected_as_html_and_parsed_through_ingest() -> None:
    text = page(STORY)
    assert detect_format(text) == "html"
    article = parse_text(text, path="kraftwerk.html")
    assert article.format == "html"
    assert article.path == "kraftwerk.html"
    assert "Fischtreppe" in article.body


LONG_STYLE = "<style>" + ".menu a { color: #333; font-size: 14px; }" * 150 + "</style>"
PAGE_OPENINGS = [
    '<script src="/cdn-cgi/apps/head/loader.js"></script>' + LONG_STYLE,
    LONG_STYLE,
    '<link rel="stylesheet" href="/site.css">' + LONG_STYLE,
    "<noscript><img src='/pixel.gif'></noscript>" + LONG_STYLE,
    "<!-- saved page -->\n<script>var tracking = " + '"x";' * 2000 + "</script>",
    '<?xml version="1.0" encoding="utf-8"?>\n' + LONG_STYLE,
]


@pytest.mark.parametrize(
    "opening", PAGE_OPENINGS, ids=["script-style", "style", "link", "noscript", "comment-script", "xml-declaration"]
)
def test_page_that_opens_with_scripts_or_styles_before_html_is_html(opening: str) -> None:
    """Saved pages may put scripts, styles, links or noscript blocks before <html>: still a page."""
    text = opening + page(STORY)
    assert detect_format(text) == "html"
    article = parse_bytes(text.encode("utf-8"), "kraftwerk.html")
    assert article.format == "html"
    assert article.title == "Neues Kraftwerk an der Isar"
    assert "Fischtreppe" in article.body
    assert "font-size" not in article.body


@pytest.mark.parametrize(
    "text", ["Politik\n<script> im Text\nEin Satz.", "Scripts und Styles\n\nZwei Zeilen Text über <style>."]
)
def test_crawler_text_that_mentions_tags_is_not_html(text: str) -> None:
    assert detect_format(text) == "crawl"


def test_numbered_list_stays_numbered_and_bullets_stay_bullets() -> None:
    body = (
        STORY
        + """<p>So läuft die Inbetriebnahme ab:</p>
<ol><li>Probebetrieb der ersten Turbine</li><li>Abnahme durch den Netzbetreiber</li>
<li>Regelbetrieb aller vier Turbinen</li></ol>
<p>Beteiligt sind außerdem:</p><ul><li>das Wasserwirtschaftsamt</li><li>die Fischereiverbände</li></ul>
<p>Der Zeitplan gilt als ehrgeizig, aber machbar, sagen die Ingenieure vor Ort.</p>"""
    )
    md = parse(page(body)).body
    assert "1. Probebetrieb der ersten Turbine" in md
    assert "2. Abnahme durch den Netzbetreiber" in md
    assert "3. Regelbetrieb aller vier Turbinen" in md
    assert "- das Wasserwirtschaftsamt" in md


def test_headings_quotes_links_and_emphasis_become_markdown() -> None:
    body = (
        STORY
        + """<h2>Kritik der Verbände</h2>
<blockquote><p>Die Fischtreppe ist jetzt endlich groß genug für Huchen und Äschen.</p></blockquote>
<p>Das Gutachten ist <a href="https://example.org/gutachten.pdf">online abrufbar</a> und
<strong>ausdrücklich</strong> öffentlich, erklärte die Stadt in ihrer Mitteilung am Dienstag.</p>"""
    )
    md = parse(page(body)).body
    assert "## Kritik der Verbände" in md
    assert "> Die Fischtreppe ist jetzt endlich groß genug" in md
    assert "[online abrufbar](https://example.org/gutachten.pdf)" in md
    assert "**ausdrücklich**" in md
    assert "===" not in md  # ATX headings, not underlined


def test_table_becomes_markdown_table() -> None:
    body = (
        STORY
        + """<table><tr><th>Jahr</th><th>Strom (GWh)</th></tr>
<tr><td>2024</td><td>41</td></tr><tr><td>2025</td><td>57</td></tr></table>
<p>Die Zahlen für 2025 sind eine Prognose der Stadtwerke und noch nicht bestätigt.</p>"""
    )
    md = parse(page(body)).body
    assert "| Jahr | Strom (GWh) |" in md
    assert "| 2025 | 57 |" in md


def test_caption_of_a_picture_inside_the_story_is_not_story_text() -> None:
    """The terminal shows no picture: its caption would be a stray line between paragraphs."""
    paragraphs = STORY.split("</p>")
    figure = """<figure><img src="/bilder/turbine.jpg" alt="Turbine">
<figcaption>Die erste Turbine wird eingesetzt. Foto: Stadtwerke</figcaption></figure>"""
    body = paragraphs[0] + "</p>" + figure + "</p>".join(paragraphs[1:])
    article = parse(page(body))
    assert "Turbine wird" not in article.body
    assert "zwölftausend" in article.body and "Fischtreppe" in article.body
    assert article.image_caption == "Die erste Turbine wird eingesetzt. Foto: Stadtwerke"


def test_caption_of_the_opening_picture_is_the_image_caption_only() -> None:
    figure = """<figure><img src="/bilder/baustelle.jpg">
<figcaption>Die Baustelle im Herbst. Foto: Stadtwerke</figcaption></figure>"""
    article = parse(page(figure + STORY))
    assert article.image_caption == "Die Baustelle im Herbst. Foto: Stadtwerke"
    assert "Baustelle im Herbst" not in article.body
    assert article.body.startswith("Die Stadtwerke haben am Montag")


def test_teaser_card_shaped_as_a_figure_is_no_caption() -> None:
    card = """<figure><a href="/artikel/bahn"><img src="/b.jpg"><figcaption><h3>ICE im S-Bahn-Takt</h3>
Die Bahn will schon ab 2021 die ersten Fernverkehrszüge im Takt fahren lassen.</figcaption></a></figure>"""
    paragraphs = STORY.split("</p>")
    article = parse(page(paragraphs[0] + "</p>" + card + "</p>".join(paragraphs[1:])))
    assert "S-Bahn-Takt" not in article.body
    assert [t.title for t in article.related] == ["ICE im S-Bahn-Takt"]


# --- teasers -------------------------------------------------------------------------


def test_labelled_teaser_block_is_taken_out_of_the_story() -> None:
    block = """<section class="box"><h2>Mehr zum Thema</h2><ul>
<li><a href="/artikel/solar">Solarpflicht für Neubauten kommt 2025</a></li>
<li><a href="https://andere-zeitung.de/wind">Windräder: Bayern lockert die Abstandsregel</a></li>
</ul></section>"""
    head = '<link rel="canonical" href="https://www.stadtanzeiger.de/lokales/kraftwerk">'
    article = parse(page(STORY + block, head=head))
    assert "Solarpflicht" not in article.body
    assert "Mehr zum Thema" not in article.body
    assert "Besucherzentrum" in article.body
    assert article.related_label == "Mehr zum Thema"
    assert [t.title for t in article.related] == [
        "Solarpflicht für Neubauten kommt 2025",
        "Windräder: Bayern lockert die Abstandsregel",
    ]
    # links are made absolute against the page's address; other sites are named
    assert article.related[0].url == "https://www.stadtanzeiger.de/artikel/solar"
    assert article.related[0].source is None
    assert article.related[1].source == "andere-zeitung.de"


@pytest.mark.parametrize(
    "mail",
    ["mailto:redaktion@stadtanzeiger.de?subject=Kraftwerk", "/cdn-cgi/l/email-protection#2a4e4f484b5e5e4f6a47"],
)
def test_a_link_that_writes_an_email_is_no_teaser(mail: str) -> None:
    block = f"""<section class="box"><h2>Mehr zum Thema</h2><ul>
<li><a href="/artikel/solar">Solarpflicht für Neubauten kommt 2025</a></li>
<li><a href="{mail}">Kommentieren (via Email) an die Redaktion</a></li>
<li><a href="/artikel/wind">Windräder: Bayern lockert die Abstandsregel</a></li>
</ul></section>"""
    article = parse(page(STORY + block))
    assert [t.title for t in article.related] == [
        "Solarpflicht für Neubauten kommt 2025",
        "Windräder: Bayern lockert die Abstandsregel",
    ]


@pytest.mark.parametrize("label", ["More on this story", "Read more", "Related", "Das könnte Sie auch interessieren"])
def test_other_labels_mark_teaser_blocks_too(label: str) -> None:
    story = """<p>The city utility said on Monday that the new hydro plant on the Isar will go online in
spring. After three years of building it will supply some twelve thousand homes, a spokesman said.</p>
<p>The plant cost 48 million euros, a third of it paid by the state. Environmental groups had long
criticised the fish ladder, which has since been enlarged and approved by independent experts.</p>"""
    block = f"""<h2>{label}</h2><ul>
<li><a href="/a/solar">Solar panels become mandatory on all new buildings from 2025</a></li>
<li><a href="/a/wind">Bavaria relaxes the distance rule for wind turbines near villages</a></li></ul>"""
    article = parse(page(story + block, title="New power plant on the Isar"))
    assert "Solar panels" not in article.body and label not in article.body
    assert "twelve thousand homes" in article.body
    assert article.related_label == label
    assert [t.url for t in article.related] == ["/a/solar", "/a/wind"]


def test_read_also_line_inside_the_story_is_a_teaser() -> None:
    paragraphs = STORY.split("</p>")
    body = (
        paragraphs[0] + "</p>"
        + '<p><strong>Lesen Sie auch:</strong> <a href="/artikel/isar">Hochwasser an der Isar: Pegel sinkt wieder</a></p>'
        + "</p>".join(paragraphs[1:])
    )  # fmt: skip
    article = parse(page(body))
    assert "Hochwasser an der Isar" not in article.body
    assert "Lesen Sie auch" not in article.body
    assert "Fischtreppe" in article.body and "zwölftausend" in article.body
    assert article.related_label == "Lesen Sie auch"
    assert article.related[0].title == "Hochwasser an der Isar: Pegel sinkt wieder"


def test_unlabelled_run_of_cards_is_taken_out_and_read() -> None:
    cards = '<div class="grid">' + "".join(card(n) for n in range(1, 5)) + "</div>"
    article = parse(page(STORY + cards))
    assert "Windpark Nummer" not in article.body
    assert "Zusammenfassung" not in article.body
    assert "Besucherzentrum" in article.body
    assert len(article.related) == 4
    first = article.related[0]
    assert first.title == "Windpark Nummer 1 geht im Landkreis ans Netz"
    assert first.url == "/artikel/1"
    assert first.section == "Energie"
    assert first.date == "2023-03-01"
    assert first.summary and first.summary.startswith("Kurze Zusammenfassung des Artikels Nummer 1")
    assert first.sponsored is False


def test_sponsored_card_is_marked() -> None:
    cards = '<div class="grid">' + "".join(card(n) for n in range(1, 4)) + card(4, kicker="Anzeige") + "</div>"
    related = parse(page(STORY + cards)).related
    assert [t.sponsored for t in related] == [False, False, False, True]


def test_reader_comments_and_furniture_lines_are_left_out() -> None:
    body = (
        STORY
        + """<p>Foto: Stadtwerke München</p><p>Anzeige</p>
<div class="newsletter-box"><p>Jetzt zum Newsletter anmelden und nichts verpassen!</p></div>
<section id="comments"><h3>2 Kommentare</h3><div class="comment-item"><p>LESER-KOMMENTAR: Endlich,
das hat ja lange genug gedauert mit diesem Kraftwerk an der Isar, finde ich jedenfalls.</p></div></section>"""
    )
    md = parse(page(body)).body
    assert "Besucherzentrum" in md
    for gone in ("Foto: Stadtwerke", "Anzeige", "Newsletter", "LESER-KOMMENTAR", "Kommentare"):
        assert gone not in md


def test_ordinary_link_list_in_the_story_is_kept() -> None:
    body = (
        STORY
        + """<p>Die Unterlagen zum Verfahren:</p><ul>
<li>Der <a href="/a.pdf">Bescheid</a> des Landratsamts vom Mai mit allen Auflagen für den Betrieb</li>
<li>Das <a href="/b.pdf">Gutachten</a> zur Fischtreppe, erstellt von einem unabhängigen Büro</li>
</ul><p>Beide Dokumente liegen im Rathaus zur Einsicht aus, werktags von acht bis zwölf Uhr.</p>"""
    )
    article = parse(page(body))
    assert "Gutachten" in article.body
    assert article.related == []


# --- metadata ------------------------------------------------------------------------


def test_json_ld_news_article_metadata() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Stadtanzeiger"},
            {
                "@type": "NewsArticle",
                "headline": "Neues Kraftwerk an der Isar",
                "description": "Im Frühjahr geht die Anlage ans Netz.",
                "datePublished": "2023-03-14T08:30:00+01:00",
                "dateModified": "2023-03-14T17:05:00+01:00",
                "articleSection": "Lokales",
                "author": [{"@type": "Person", "name": "Erika Mustermann"}, {"@type": "Person", "name": "Max Muster"}],
                "publisher": {"@type": "NewsMediaOrganization", "name": "Stadtanzeiger"},
                "mainEntityOfPage": {"@id": "https://www.stadtanzeiger.de/lokales/kraftwerk"},
            },
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    head += '<meta property="og:title" content="Anderer Titel">'
    article = parse(page(STORY, head=head))
    assert article.title == "Neues Kraftwerk an der Isar"
    assert article.lead is None  # the description is not printed on the page
    assert article.published == "2023-03-14T08:30"  # local time as printed, offset dropped
    assert article.updated == "2023-03-14T17:05"
    assert article.section == "Lokales"
    assert article.authors == ["Erika Mustermann", "Max Muster"]
    assert article.source == "Stadtanzeiger"
    assert article.url == "https://www.stadtanzeiger.de/lokales/kraftwerk"


def test_opengraph_and_article_meta_when_there_is_no_json_ld() -> None:
    head = """<meta property="og:title" content="Neues Kraftwerk an der Isar">
<meta property="og:site_name" content="Stadtanzeiger">
<meta property="og:url" content="https://www.stadtanzeiger.de/k">
<meta name="description" content="Im Frühjahr geht die Anlage ans Netz.">
<meta property="article:published_time" content="2023-03-14T08:30:00Z">
<meta property="article:section" content="Lokales">
<meta name="author" content="Erika Mustermann">"""
    article = parse(page(STORY, head=head))
    assert article.title == "Neues Kraftwerk an der Isar"
    assert article.source == "Stadtanzeiger"
    assert article.url == "https://www.stadtanzeiger.de/k"
    assert article.lead is None  # the description is not printed on the page
    assert article.published == "2023-03-14T08:30"
    assert article.section == "Lokales"
    assert article.authors == ["Erika Mustermann"]


def test_german_page_text_dates_reading_time_and_byline() -> None:
    body = (
        """<p class="byline">Von Erika Mustermann</p>
<p class="meta">Aktualisiert: 14.03.2023, 17:05 Uhr</p><p>Lesezeit: 4 min</p>"""
        + STORY
    )
    article = parse(page(body))
    assert article.updated == "2023-03-14T17:05"
    assert article.reading_minutes == 4
    assert article.authors == ["Erika Mustermann"]


def test_author_and_date_from_marked_elements() -> None:
    body = (
        """<div class="article-meta"><a rel="author" href="/team/erika">Erika Mustermann</a>
<span class="publish-date">14. März 2023, 08:30</span></div>"""
        + STORY
    )
    article = parse(page(body))
    assert article.authors == ["Erika Mustermann"]
    assert article.published == "2023-03-14T08:30"


def test_printed_lead_is_the_lead_and_not_repeated_in_the_body() -> None:
    lead = "Nach drei Jahren Bauzeit geht das Wasserkraftwerk an der Isar ans Netz: Strom für zwölftausend Haushalte."
    head = f'<meta name="description" content="{lead}">'
    article = parse(page(f'<p class="article-lead">{lead}</p>' + STORY, head=head))
    assert article.lead == lead
    assert "Nach drei Jahren Bauzeit geht" not in article.body
    assert article.body.startswith("Die Stadtwerke haben am Montag")


def test_a_description_the_page_does_not_print_is_no_lead() -> None:
    """Written for search engines and link previews: the reader shows what the page prints."""
    head = '<meta name="description" content="Kurzfassung: Das Kraftwerk kommt im Frühjahr, sagen die Stadtwerke.">'
    article = parse(page(STORY, head=head))
    assert article.lead is None
    assert article.body.startswith("Die Stadtwerke haben am Montag")


def test_a_description_printed_apart_from_the_story_is_the_lead() -> None:
    lead = "Kurzfassung: Das Kraftwerk kommt im Frühjahr."
    head = f'<meta name="description" content="{lead}">'
    body = f"<header><p>{lead}</p></header>"
    article = parse(page("", head=head).replace("<main>", body + "<main>").replace("</h1>", "</h1>" + STORY))
    assert article.lead == lead
    assert "Kurzfassung" not in article.body


def test_a_lead_marked_by_class_is_no_picture() -> None:
    """ "page-lead", "lead-media": the opening picture and its caption are not the printed lead."""
    figure = """<div class="page-lead-media"><figure><img src="/bilder/baustelle.jpg">
<figcaption>Die Baustelle im Herbst, als die Turbinen noch fehlten und der Kran noch stand. Foto: Stadtwerke</figcaption>
</figure></div>"""
    article = parse(page(figure + STORY))
    assert article.lead is None
    assert article.image_caption and article.image_caption.startswith("Die Baustelle im Herbst")


def test_lead_marked_by_class_is_found_next_to_the_headline() -> None:
    lead = "Drei Jahre wurde gebaut, jetzt ist es so weit: Im Frühjahr liefert die Anlage an der Isar Strom."
    article = parse(page(f'<div class="teaser-text">{lead}</div>' + STORY))
    assert article.lead == lead
    assert "Drei Jahre wurde gebaut" not in article.body


def test_title_without_site_name_from_document_title() -> None:
    html = f"<html><head><title>Neues Kraftwerk an der Isar | Stadtanzeiger</title></head><body>{STORY}</body></html>"
    assert parse(html).title == "Neues Kraftwerk an der Isar"


def test_output_has_the_same_keys_as_the_text_parser() -> None:
    data = parse_text(page(STORY)).to_dict()
    crawl = parse_text("Titel\n\nText des Artikels.\n", fmt="crawl").to_dict()
    assert set(data) == set(crawl)
    assert data["format"] == "html"


# --- untrusted pages -------------------------------------------------------------------


HOSTILE = """
<script>document.write("EVIL-SCRIPT")</script>
<style>body { content: "EVIL-STYLE" }</style>
<iframe src="https://ads.example/frame">EVIL-FRAME</iframe>
<noscript><img src="https://track.example/p.gif">EVIL-NOSCRIPT</noscript>
<p onclick="EVIL_HANDLER()">Die Stadtwerke haben am Montag angekündigt, dass das neue Kraftwerk
im Frühjahr ans Netz geht, und zwar <a href="javascript:alert('EVIL-JS')">nach Plan</a> und mit
<a href="data:text/html;base64,RVZJTA==">allen Genehmigungen</a>, sagte ein Sprecher am Montag.</p>
<img src="https://track.example/pixel.gif" width="1" height="1" alt="">
<form action="/subscribe"><p>Newsletter bestellen</p><input name="mail" value="EVIL-INPUT">
<button>EVIL-BUTTON</button></form>
<svg><text>EVIL-SVG</text></svg>
<object data="x.swf">EVIL-OBJECT</object>
"""


def test_hostile_markup_never_reaches_the_story() -> None:
    article = parse(page(HOSTILE + STORY))
    everything = json.dumps(article.to_dict(), ensure_ascii=False)
    assert "EVIL" not in everything
    assert "javascript:" not in everything
    assert "data:" not in everything
    assert "pixel.gif" not in everything
    # the visible text of the unsafe links stays
    assert "nach Plan" in article.body
    assert "allen Genehmigungen" in article.body
    assert "Besucherzentrum" in article.body


def test_obfuscated_schemes_and_markdown_lookalike_text_give_no_live_link() -> None:
    body = (
        STORY
        + """<p>Ein Link <a href="java\tscript:alert(1)">hier</a>, einer
<a href=" JaVaScRiPt:alert(2)">dort</a> und einer <a href="vbscript:x">da</a>, dazu
der Text [klick](javascript:alert(3)) mitten im Absatz, den die Redaktion so schrieb.</p>"""
    )
    md = parse(page(body)).body
    assert "hier" in md and "dort" in md
    live_links = re.findall(r"(?<!\\)\]\(([^)]*)", md)  # "](target" not escaped
    assert live_links == []
    assert "\\[klick\\]" in md  # shown as text, not a link


def test_broken_html_still_parses() -> None:
    broken = (
        "<html><head><title>Kaputt</title><body><div><p>Die Stadtwerke haben am Montag angekündigt, "
        "dass das neue Kraftwerk an der Isar im Frühjahr ans Netz gehen soll und Strom liefert."
        "<p>Die Kosten von 48 Millionen Euro trägt zu einem Drittel der Freistaat Bayern</span></b>"
        "<p>Im Sommer soll ein Besucherzentrum eröffnen, in dem Schulklassen die Turbinen sehen</div></div>"
        "<a href='/x'>unterbrochen"
    )
    article = parse(broken)
    assert "Besucherzentrum" in article.body
    assert "48 Millionen" in article.body


def test_page_that_is_ten_megabytes_is_cut_in_bounded_time() -> None:
    filler = "<p>Ein Absatz mit Text, der sich sehr oft wiederholt, damit die Seite groß wird.</p>\n"
    huge = page(STORY + filler * (10_000_000 // len(filler)))
    assert len(huge) > 10_000_000
    start = time.perf_counter()
    article = parse(huge)
    assert time.perf_counter() - start < 30
    assert "zwölftausend Haushalte" in article.body
    assert any("cut" in note for note in article.leftover)


def test_ten_megabytes_of_comments_are_dropped_in_linear_time() -> None:
    comments = "<!-- tracking comment -->" * 400_000
    start = time.perf_counter()
    article = parse(page(STORY + comments))
    assert time.perf_counter() - start < 15
    assert "zwölftausend Haushalte" in article.body
    assert "tracking" not in article.body


def test_ten_megabytes_of_script_is_dropped_not_cut() -> None:
    big_script = "<script>var x = '" + "A" * 10_000_000 + "';</script>"
    article = parse(page(big_script + STORY))
    assert "zwölftausend Haushalte" in article.body
    assert "AAAA" not in article.body
    assert article.leftover == []


@pytest.mark.parametrize(
    "unit",
    [
        '<p><a href="/a{i}">Ein Link, der wie ein Teaser aussieht, Nummer {i}</a></p>',
        '<div><h3>Related</h3><a href="/r{i}">Verwandter Artikel mit langem Titel {i}</a></div>',
        '<div class="card"><h3><a href="/c{i}">Karte {i} mit einem Titel</a></h3><p>Kurz.</p></div>',
        "<h1>Überschrift {i}</h1><figure><img src='/{i}.jpg'><figcaption>Bild {i}</figcaption></figure>",
        '<p>Von Erika Muster {i}</p><span class="date">1.2.2023</span><p>Anzeige</p>',
    ],
)
def test_pathological_pages_of_many_small_elements_finish_quickly(unit: str) -> None:
    filler = "".join(unit.format(i=i) for i in range(4_000))
    start = time.perf_counter()
    article = parse(page(STORY + filler))
    assert time.perf_counter() - start < 30
    assert "zwölftausend Haushalte" in article.body or article.leftover
    assert len(article.related) <= 100


@pytest.mark.parametrize("depth", [300, 5_000, 200_000])
def test_deeply_nested_page_is_read_without_crashing(depth: int) -> None:
    nested = "<div>" * depth + STORY + "</div>" * depth
    start = time.perf_counter()
    article = parse(page(nested))
    assert time.perf_counter() - start < 20
    assert "zwölftausend Haushalte" in article.body
    if depth > 250:
        assert any("nested" in note for note in article.leftover)


def test_declared_charset_that_is_wrong_still_reads_umlauts() -> None:
    # declares Latin-1 but is UTF-8
    utf8 = page(STORY).replace('charset="utf-8"', 'charset="iso-8859-1"').encode("utf-8")
    assert "zwölftausend" in parse_bytes(utf8).body
    # declares UTF-8 but is Windows-1252
    cp1252 = page(STORY).encode("cp1252")
    assert "zwölftausend" in parse_bytes(cp1252).body


def test_declared_charset_is_followed_when_the_bytes_are_not_utf8() -> None:
    russian = "Новая электростанция на реке Изар начнёт работу весной, сообщили городские службы."
    html = page(f"<p>{russian}</p>" + STORY).replace('charset="utf-8"', 'charset="windows-1251"')
    data = html.encode("cp1251", errors="xmlcharrefreplace")
    assert russian in parse_bytes(data).body


def test_unknown_declared_charset_still_parses() -> None:
    data = page(STORY).replace('charset="utf-8"', 'charset="no-such-charset"').encode("cp1252")
    assert "zwölftausend" in parse_bytes(data).body


@pytest.mark.parametrize(
    "text",
    ["", " ", "<", "<html>", "<html><body></body></html>", "<?xml version='1.0' encoding='utf-8'?><html><p>x</p></html>",
     "<p>" * 1000, "</div>" * 1000, "<a href='javascript:x'>", "\x00<p>nul</p>", "<!--", "<script>", "<title>",
     '<script type="application/ld+json">{"@type": "NewsArticle", "headline": [1, 2], "author": 5}</script>'],
)  # fmt: skip
def test_never_raises(text: str) -> None:
    article = parse(text)
    assert isinstance(article.body, str)
    assert isinstance(article.title, str)
