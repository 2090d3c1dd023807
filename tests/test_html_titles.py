"""A saved page's title is its headline, never the site's name."""

from __future__ import annotations

from tuireader.ingest.htmlformat import parse

STORY = """<p>The council voted on Tuesday to build a second bridge over the river, ending a dispute that
had run for eleven years. Work is to start in spring and take three years, the mayor said.</p>
<p>Residents of the east bank had long complained about the detour. The new bridge will carry cyclists
and buses only; cars keep the old crossing, which is to be repaired at the same time.</p>"""


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def test_site_name_after_the_headline_is_taken_off_even_when_it_is_longer() -> None:
    head = (
        "<title>Bridge approved – The Riverside Gazette</title>"
        '<link rel="canonical" href="https://www.riversidegazette.example/news/bridge-approved">'
    )
    assert parse(page(head, STORY)).title == "Bridge approved"


def test_a_dash_inside_the_headline_stays_when_the_site_is_named() -> None:
    head = (
        "<title>Brücke kommt - Stadtrat beendet Streit | Stadtanzeiger</title>"
        '<meta property="og:site_name" content="Stadtanzeiger">'
    )
    assert parse(page(head, STORY)).title == "Brücke kommt - Stadtrat beendet Streit"


def test_site_name_before_the_headline_is_taken_off() -> None:
    head = "<title>FAZ.NET: Bridge approved after eleven years</title>"
    head += '<meta property="og:url" content="https://www.faz.net/aktuell/bridge-123.html">'
    assert parse(page(head, STORY)).title == "Bridge approved after eleven years"


def test_a_metadata_title_that_is_only_the_site_name_gives_way_to_the_headline() -> None:
    head = (
        '<title>Stadtanzeiger</title><meta property="og:title" content="Stadtanzeiger">'
        '<meta property="og:site_name" content="Stadtanzeiger">'
    )
    body = '<header><h1><a href="/">Stadtanzeiger</a></h1></header><article><h1>Brückenstreit beendet</h1>'
    assert parse(page(head, body + STORY + "</article>")).title == "Brückenstreit beendet"


def test_a_short_headline_is_not_mistaken_for_the_site_name() -> None:
    """A two-word headline beside a long site name in the page title: the <h1> says which is which."""
    head = '<title>About bugs – Vortex Cannon Entertainment</title><link rel="canonical" href="https://vortexcannon.example/about-bugs/">'
    body = '<h1 class="site-title"><a href="/">Vortex Cannon Entertainment</a></h1><article><h1>About bugs</h1>'
    assert parse(page(head, body + STORY + "</article>")).title == "About bugs"


# --- a page whose story this parser's own selection misses --------------------------------------

PARAGRAPH = (
    "<p>Die Stadtwerke haben am Montag angekündigt, dass das neue Wasserkraftwerk an der Isar im Frühjahr ans "
    "Netz gehen soll. Nach drei Jahren Bauzeit liefert die Anlage Strom für rund zwölftausend Haushalte.</p>"
)


def test_a_frameset_page_with_its_story_outside_any_body_still_shows_the_story() -> None:
    html = (
        "<html><head><title>Neues Kraftwerk an der Isar</title></head>"
        f"<frameset><frame src='nav.html'></frameset><noframes>{PARAGRAPH * 3}</noframes></html>"
    )
    article = parse(html)
    assert "zwölftausend Haushalte" in article.body
    assert "<p>" not in article.body and "&lt;" not in article.body  # read as markup, not shown as text
    assert article.title == "Neues Kraftwerk an der Isar"


def test_a_story_in_an_element_of_its_own_after_the_body_is_read() -> None:
    html = (
        "<html><head><title>Power plant on the river goes online</title></head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body>"
        f"<x-story>{PARAGRAPH * 3}</x-story></html>"
    )
    assert "zwölftausend Haushalte" in parse(html).body


def test_a_story_cut_into_chunks_around_advertisements_is_read_to_its_end() -> None:
    """Templates that split the body into sibling containers of one class: every chunk is story."""
    sentences = [
        "The council voted on Tuesday to build a second bridge over the river, ending a dispute of eleven years.",
        "Residents of the east bank had long complained about the detour they had to make every single day.",
        "The new bridge will carry cyclists and buses only; cars keep the old crossing, which is to be repaired.",
        "The opposition voted against the plan and wants the ferry to run more often instead, its leader said.",
        "The mayor called it a day the city has waited for, and thanked the residents for their long patience.",
        "Work is to start in spring and take three years; the river path stays open for most of that time.",
    ]

    def chunk(first: int, count: int) -> str:
        paragraphs = "".join(
            f"<p>{sentences[(first + i) % 6]} {sentences[(first + i + 1) % 6]}</p>" for i in range(count)
        )
        return (
            '<div class="grid grid-items-2 grid-layout--adrail">'
            f'<div class="grid--item body article__body">{paragraphs}</div>'
            '<div class="grid--item grid-layout__aside"><div class="sticky-box"></div></div></div>'
        )

    body = chunk(0, 5) + '<div class="row full-bleed-ad"><div class="ad"><span>Advertisement</span></div></div>'
    body += chunk(2, 7)
    html = (
        "<html><head><title>Second bridge approved</title></head><body><main><article>"
        f"<h1>Second bridge approved</h1><div class='article__chunks'>{body}</div></article></main></body></html>"
    )
    article = parse(html)
    for first in range(2, 9):
        assert f"{sentences[first % 6]} {sentences[(first + 1) % 6]}" in article.body
    assert "Advertisement" not in article.body
