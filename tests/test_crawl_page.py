"""Whole-page crawler text: the story among menus, notices, teasers, comments and footers."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_textformat_properties import accounted_for

from tuireader.ingest import parse_bytes, parse_file, textformat
from tuireader.ingest.crawl_lines_kind import Kind, classify
from tuireader.ingest.crawl_page import looks_like_whole_page
from tuireader.library.store import Library

FIXTURES = Path(__file__).parent / "fixtures" / "crawl"
ROOT = Path(__file__).resolve().parent.parent
SEED = next(
    (
        up / "shared" / "seeds" / "000_d01a95e875d18717.txt"
        for up in (ROOT.parent, ROOT.parent.parent)
        if (up / "shared" / "seeds").is_dir()
    ),
    ROOT.parent / "shared" / "seeds" / "000_d01a95e875d18717.txt",
)


def _benchmarks() -> Path | None:
    for up in (ROOT.parent, ROOT.parent.parent):
        if (up / "shared" / "benchmarks" / "web-text").is_dir():
            return up / "shared" / "benchmarks"
    return None


# -- the line classifier, one line at a time ---------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "category"),
    [
        ("Menü", Kind.FURNITURE, "navigation"),
        ("Skip to main content", Kind.FURNITURE, "navigation"),
        ("Teilen", Kind.FURNITURE, "share"),
        ("Link copied", Kind.FURNITURE, "share"),
        ("Jetzt abonnieren", Kind.FURNITURE, "subscription"),
        ("Sign up for our daily newsletter to receive the best stories.", Kind.FURNITURE, "subscription"),
        ("Wir verwenden Cookies. Mit Ihrer Einwilligung nutzen wir sie für Werbung.", Kind.FURNITURE, "consent"),
        ("Kommentare", Kind.FURNITURE, "comments"),
        ("Join the conversation", Kind.FURNITURE, "comments"),
        ("© 2024 Musterverlag GmbH. Alle Rechte vorbehalten.", Kind.FURNITURE, "footer"),
        ("Impressum", Kind.FURNITURE, "footer"),
        ("Mehr zum Thema", Kind.FURNITURE, "teasers"),
        ("Most popular", Kind.FURNITURE, "teasers"),
        ("Das könnte dich auch noch interessieren:", Kind.FURNITURE, "teasers"),
        ("More from Politics", Kind.FURNITURE, "teasers"),
        ("16.05.2024, 11:26 Uhr • Lesezeit: 5 Minuten", Kind.DATE, None),
        ("Stand: 20:03 Uhr | Lesedauer: 4 Minuten", Kind.DATE, None),
        ("March 1, 2024", Kind.DATE, None),
        ("Von Anna Berg", Kind.BYLINE, None),
        ("By Ronan Farrow", Kind.BYLINE, None),
        ("Der Hafen am Morgen. © Foto: Stadtwerke", Kind.CAPTION, None),
        ("© Rolf Zoellner/imago", Kind.CAPTION, None),
        ("Möwensand bekommt eine neue Fähre", Kind.HEADLINE, None),
        ("Hamas-Geisel schildert unter Tränen sexuellen Missbrauch: „In der Hölle aufgewacht“", Kind.HEADLINE, None),
        ("Politik", Kind.SHORT, None),
        (
            "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。",
            Kind.PROSE,
            None,
        ),
        ("A preview of the report was shared with paying subscribers of the publication on Monday.", Kind.PROSE, None),
        (
            "Die Gemeinde hat am Montag eine neue Fähre in Dienst gestellt, die doppelt so viele Räder aufnimmt.",
            Kind.PROSE,
            None,
        ),
        (
            "The company's share price fell by five per cent on Monday after the results were published.",
            Kind.PROSE,
            None,
        ),
        (
            "PARIS, 4 mars (Reuters) - Wall Street est attendue mitigée lundi, tandis que les échanges en Europe "
            "sont atones en amont d'une semaine chargée.",
            Kind.PROSE,
            None,
        ),
    ],
)
def test_each_line_is_classified_alone(line: str, kind: Kind, category: str | None) -> None:
    found = classify(line)
    assert (found.kind, found.category) == (kind, category)


# -- which layout reads a page -----------------------------------------------------------------


def test_dwn_pages_and_samples_are_read_by_the_article_layout() -> None:
    """The first lines of a DWN page are its section and title, never navigation."""
    pages = [SEED] if SEED.exists() else []
    pages += sorted((ROOT / "samples").glob("*.txt"))
    assert pages
    for page in pages:
        lines = textformat.split_lines(page.read_text(encoding="utf-8"))
        assert not looks_like_whole_page(lines), page.name
        article = parse_file(page)
        assert article.furniture == {}, page.name


def test_a_dwn_page_saved_whole_reads_as_the_article_alone() -> None:
    """Menus above and a footer below a DWN page: the same article, teaser cards apart."""
    text = (ROOT / "samples" / "dwn-2022-01-10-putin-kasachstan.txt").read_text(encoding="utf-8")
    alone = textformat.parse(text)
    page = textformat.parse(
        "Zum Inhalt springen\nMenü\nAnmelden\nAbo\nPolitik\nWirtschaft\nFinanzen\n"
        + text
        + "\nImpressum\nDatenschutz\n© 2025 DWN. Alle Rechte vorbehalten."
    )
    assert page.furniture and not alone.furniture  # read by the whole-page layout
    assert (page.title, page.section, page.published, page.reading_minutes) == (
        alone.title,
        alone.section,
        alone.published,
        alone.reading_minutes,
    )
    assert page.body.endswith(alone.body) and alone.lead in page.body
    assert [t.to_dict() for t in page.related] == [t.to_dict() for t in alone.related]


def test_the_seed_keeps_its_section_and_title() -> None:
    if not SEED.exists():
        pytest.skip("the seed page is not beside this checkout")
    article = parse_file(SEED)
    assert article.section == "Politik"
    assert article.title.startswith("Putin: Werden in Kasachstan")


# -- the fixtures: menu, cookie notice and teasers above the story; comments and footer below ---


@pytest.mark.parametrize(
    ("name", "title", "section", "author", "published", "story", "subheading", "not_in_story", "furniture"),
    [
        (
            "de-whole-page.txt",
            "Möwensand bekommt eine neue Fähre",
            "Region",
            "Anna Berg",
            "2024-03-12T09:15",
            ["Die Gemeinde Möwensand hat am Montag", "sobald die Genehmigung der Behörden vorliegt."],
            "## Viel Platz für Räder",
            ["Cookies", "Neuer Radweg", "Endlich!", "Impressum", "Alle Rechte", "Teilen", "Anmelden", "Hein Meier"],
            {
                "navigation": "Menü",
                "consent": "Wir verwenden Cookies",
                "teasers": "Mehr zum Thema",
                "comments": "Kommentare",
                "footer": "© 2024 Möwensander Bote",
                "share": "Teilen",
            },
        ),
        (
            "en-whole-page.txt",
            "Lighthouse keepers return to Skerry Point",
            "Science",
            "Tom Reyes",
            "2022-06-30T10:00",
            ["The lighthouse at Skerry Point has been automatic", "left behind by the last keepers."],
            "## Keeping the light, the old way",
            ["cookies", "Harbour seals", "wonderful project", "All rights reserved", "Sign in", "Copy link"],
            {
                "navigation": "Skip to main content",
                "consent": "We use cookies",
                "teasers": "Most popular",
                "comments": "Comments",
                "footer": "© 2022 Harbour Gazette",
                "share": "Share",
            },
        ),
    ],
)
def test_the_story_is_found_among_the_page_furniture(
    name: str,
    title: str,
    section: str,
    author: str,
    published: str,
    story: list[str],
    subheading: str,
    not_in_story: list[str],
    furniture: dict[str, str],
) -> None:
    article = parse_file(FIXTURES / name)
    assert article.title == title
    assert article.section == section
    assert article.authors == [author]
    assert article.published == published
    for text in story:
        assert text in article.body
    assert subheading in article.body
    shown = f"{article.title}\n{article.lead or ''}\n{article.body}"
    for text in not_in_story:
        assert text not in shown
    for category, start in furniture.items():
        assert any(line.startswith(start) for line in article.furniture.get(category, [])), category


def test_parse_json_lists_the_furniture_by_category(capsys: pytest.CaptureFixture[str]) -> None:
    from tuireader.cli import main

    assert main(["parse", "--json", str(FIXTURES / "en-whole-page.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "Privacy policy" in data["furniture"]["footer"]
    assert "Most popular" in data["furniture"]["teasers"]


def test_the_story_below_its_headline_and_date_beats_longer_unlabelled_comments() -> None:
    """Comments carry a name and a date each, not a headline: the text below headline and date is the story."""
    story = [
        f"The harbour council met on Monday to decide about the {w} quay, and after a long debate the members agreed."
        for w in ("north", "south", "east")
    ]
    comment = (
        "I have lived by the harbour for forty years and I have never seen the council agree on anything so quickly, "
        "which makes me wonder what else was decided behind closed doors while nobody was looking at all."
    )
    lines = ["Skip to content", "Menu", "Sign in", "Harbour council agrees on the new quay", "March 3, 2024", ""]
    lines += [*story, ""]
    for name in ("sam_k", "harbourfan", "old_salt", "jo"):
        lines += [name, "March 4, 2024", comment, comment, ""]
    article = textformat.parse("\n".join(lines))
    assert article.title == "Harbour council agrees on the new quay"
    assert all(p in article.body for p in story)
    assert comment not in article.body


def test_a_quoted_headline_printed_again_is_the_title_not_the_story() -> None:
    """A headline that reads like a sentence ends the header, when the page prints it again."""
    headline = "„Ich wollte, dass sie mich mögen. So überlebt man.“"
    story = [
        "Die Frau hat während ihrer wochenlangen Gefangenschaft mit ihren Entführern gesprochen, "
        f"und sie erzählt davon zum ersten Mal ausführlich in einem langen Gespräch {n}."
        for n in ("am Montag", "in ihrem Haus", "mit ihrer Familie")
    ]
    lines = ["Menü", "Login", "Suche", "Politik und Macht", headline, *story, "Impressum", "Datenschutz", headline]
    article = textformat.parse("\n".join(lines))
    assert article.title == headline
    assert headline not in article.body and all(p in article.body for p in story)


def test_a_breadcrumb_run_into_the_headline_gives_the_headline() -> None:
    story = [
        "Aggression in der Fotografie ist ein Thema, über das selten gesprochen wird, obwohl es in vielen "
        f"Bildern steckt, die wir jeden Tag sehen und die uns {n} berühren."
        for n in ("sehr", "kaum", "oft")
    ]
    lines = [
        "Menü",
        "Login",
        "Suche",
        "Home / Essays / 2017 / Aggression Fotografie",
        "12.03.2024",
        *story,
        "Impressum",
    ]
    assert textformat.parse("\n".join(lines)).title == "Aggression Fotografie"


def _story(topic: str, count: int = 3) -> list[str]:
    return [
        f"The harbour council met on Monday to decide about {topic}, and after a long debate that went on "
        f"well into the evening the members agreed on a plan for the next {n} years."
        for n in range(2, 2 + count)
    ]


def test_a_sidebar_below_the_story_ends_it_and_a_box_inside_it_does_not() -> None:
    """A teaser heading ends the story unless the story goes on below it in paragraphs."""
    before, after = _story("the north quay"), _story("the south quay")
    sidebar = [
        "Trending now",
        "BREAKING: Council leader steps down after forty years in office, and nobody saw it coming at all!",
        "WATCH: Seals take over the ferry terminal again, and the ferry cannot dock for the third time this week!",
    ]
    head = ["Menu", "Sign in", "Search", "Harbour council agrees on two new quays", "March 3, 2024"]
    boxed = textformat.parse(
        "\n".join([*head, *before, "Related", "Ferry timetable changes", *after, "Privacy policy"])
    )
    assert all(p in boxed.body for p in before + after) and "Ferry timetable changes" not in boxed.body
    side = textformat.parse("\n".join([*head, *before, *sidebar, "Privacy policy"]))
    assert all(p in side.body for p in before) and "BREAKING" not in side.body


def test_a_page_of_menus_alone_is_no_article(tmp_path: Path) -> None:
    page = tmp_path / "front.txt"
    page.write_text("\n".join(["Menü", "Anmelden", "Abo", "Politik", "Sport", "Kultur", "Impressum", "Datenschutz"]))
    article = parse_file(page)
    assert article.title == "" and article.body == ""
    assert article.furniture["navigation"] == ["Menü", "Anmelden"]
    with Library(tmp_path / "library.db") as lib:
        report = lib.import_paths([page])
    assert report.failed == [(str(page), "no article found (no title)")]


def test_a_kicker_run_into_the_headline_gets_its_colon_back_from_the_page() -> None:
    """The crawl lost the colon between kicker and headline; the page prints the title with it elsewhere."""
    story = _story("the eisheiligen")
    lines = [
        "Menu",
        "Sign in",
        "Search",
        "Die Eisheiligen 2024 Wann sie sind",
        "March 3, 2024",
        *story,
        "Privacy policy",
        "Die Eisheiligen 2024: Wann sie sind",
    ]
    assert textformat.parse("\n".join(lines)).title == "Die Eisheiligen 2024: Wann sie sind"


# -- the library learns each site's furniture --------------------------------------------------

_MENU = ["Menü", "Startseite", "Hafen", "Insel", "Kultur", "Sport", "Anmelden", "Abo", ""]
# A site's own closing paragraph, printed under every story: prose the vocabulary cannot know.
_SLOGAN = (
    "Der Möwensander Bote berichtet seit dem Jahr 1887 unabhängig über alles, was auf der Insel und im Hafen "
    "geschieht, und er wird von seinen Leserinnen und Lesern getragen."
)


def _site_page(title: str, topic: str) -> str:
    story = [
        f"Die Gemeinde hat am Montag über {topic} beraten, und der Rat hat nach einer langen Sitzung am Abend "
        "eine Entscheidung getroffen, die viele Bürger schon lange erwartet hatten.",
        f"Nach Angaben der Verwaltung soll {topic} im kommenden Jahr umgesetzt werden, wenn die Mittel im "
        "Haushalt bereitstehen und die Pläne von den Behörden genehmigt worden sind.",
    ]
    lines = [*_MENU, "Hafen", title, "12.03.2024, 09:15 Uhr", ""]
    for paragraph in story:
        lines += [paragraph, ""]
    lines += [_SLOGAN, "", "Impressum", "Datenschutz", "Kontakt", "© 2024 Möwensander Bote"]
    return "\n".join(lines)


def test_reparse_reads_a_site_better_once_more_of_its_pages_are_stored(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    topics = ["den neuen Radweg", "die Fähre", "das Hafenfest", "die Bibliothek"]
    for n, topic in enumerate(topics):
        (folder / f"{n}.txt").write_text(_site_page(f"Beschluss über {topic} gefallen", topic), encoding="utf-8")
    alone = parse_bytes((folder / "0.txt").read_bytes())
    assert _SLOGAN in alone.body  # one page alone cannot tell the site's own paragraph from the story
    with Library(tmp_path / "library.db") as lib:
        report = lib.import_paths([folder])
        assert report.failed == []
        lib.reparse()
        for _, article_id in report.imported:
            article = lib.get(article_id)
            assert article is not None
            assert _SLOGAN not in article.body
            assert "Die Gemeinde hat am Montag" in article.body
        sites = lib.conn.execute("SELECT count(DISTINCT site) FROM site_lines").fetchone()[0]
        assert sites == 1


def test_pages_of_another_site_are_not_its_furniture(tmp_path: Path) -> None:
    """Two sites: each page joins the site it shares its menus with, not the other."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for n, topic in enumerate(["den Radweg", "die Fähre", "das Fest"]):
        (folder / f"a{n}.txt").write_text(_site_page(f"Beschluss über {topic}", topic), encoding="utf-8")
    en = (FIXTURES / "en-whole-page.txt").read_text(encoding="utf-8")
    (folder / "b.txt").write_text(en, encoding="utf-8")
    with Library(tmp_path / "library.db") as lib:
        report = lib.import_paths([folder])
        lib.reparse()
        sites = lib.conn.execute("SELECT count(DISTINCT site) FROM site_lines").fetchone()[0]
        assert sites == 2
        (b_id,) = [aid for path, aid in report.imported if path.endswith("b.txt")]
        article = lib.get(b_id)
        assert article is not None and "The lighthouse at Skerry Point" in article.body


# -- a handful of real pages from the shared benchmark (not redistributed: read in place) ------

_REAL = [
    (
        "web-text",
        "fde-BSZ_2024_05_16",
        "Fury und Usyk kämpfen um Schwergewichts-Krone",
        ["Die Boxwelt fiebert", "Nun sollte dem Jahrhundertkampf aber nichts mehr im Weg stehen."],
        ["Nachrichtenportale", "Impressum", "Anmelden"],
    ),
    (
        "web-text",
        "fde-FAZ_2024_04_17",
        None,
        ["Zwei Jahre nach Beginn des russischen Angriffskriegs", "müsse sie jetzt handeln"],
        ["STELLENMARKT", "Alle Rechte vorbehalten", "Bistum Trier"],
    ),
    (
        "web-text",
        "fev-APNews_0",
        None,
        ["CLAIM: Israel’s Mossad intelligence agency"],
        ["Copyright 2024 The Associated Press", "Advertise with us"],
    ),
    # Titles: a kicker above the headline, a headline beginning "Von …:", the breadcrumb's wording of the
    # headline, a note above the header, a kicker run in that the page prints apart, a headline read as prose.
    (
        "web-text",
        "fde-BSZ_2025_09_09",
        "Ampeln tot, S-Bahnen stoppen: Wie sicher ist Deutschlands Stromnetz?",
        ["Das Kind kann nicht zur Kita", "Berlin. In Berlin brennen zwei Strommasten."],
        ["Stromausfall in Berlin", "weitere Videos"],
    ),
    (
        "web-text",
        "fde-Correctiv_2026_05_24",
        "Von München bis Aachen: Im Netz der China-Agenten",
        ["China hat ein Spionagenetzwerk über deutsche Hochschulen ausgerollt"],
        ["Hybride Kriegsführung", "Unterstützen"],
    ),
    (
        "web-text",
        "fde-DieWelt_2023_04_28",
        "BIP: Diese Grafiken zeigen, wie schlecht es um Deutschlands Wirtschaft steht",
        ["Die deutsche Wirtschaft stagniert"],
        ["STELLENMARKT", "ZUM NEWSTICKER"],
    ),
    (
        "web-text",
        "fde-VogueDE_2024_04_30",
        'Kate Moss auf dem VOGUE-Cover: "Was ich nicht will: gewöhnlich sein"',
        ["Seit den Neunzigern ist Kate Moss ein Supermodel."],
        ["Hinweis zu Affiliate-Links", "HOROSKOPE"],
    ),
    (
        "html-extraction",
        "de-7870a73cba886280",
        "Was Arbeitgeber über die Rechte von Eltern wissen müssen",
        ["Dürfen Eltern ihren Arbeitsplatz verlassen, wenn ihr Kind krank ist?"],
        ["Kind krank: Was Arbeitgeber wissen müssen"],
    ),
    (
        "html-extraction",
        "de-ee9c2ad8e1a64a4e",
        "Black Friday Deal jetzt schon sichern: hide.me senkt kurzfristig die Preise!",
        ["Der verschwiegene VPN-Anbieter hide.me senkt anlässlich von Black Friday die Abo-Preise."],
        ["Tarnkappe.info > Artikel", "Bildquelle: Lars Sobiraj"],
    ),
    (
        "web-text",
        "fev-TheNewYorker_1",
        None,
        ["Recently, the drag star RuPaul Andre Charles"],
        ["Do Not Sell My Personal Info", "Sign up for our daily newsletter"],
    ),
]


@pytest.mark.parametrize(("bench", "page", "title", "must", "must_not"), _REAL, ids=[r[1] for r in _REAL])
def test_real_whole_pages(bench: str, page: str, title: str | None, must: list[str], must_not: list[str]) -> None:
    root = _benchmarks()
    if root is None:
        pytest.skip("the shared benchmarks are not beside this checkout")
    article = parse_bytes(gzip.decompress((root / bench / "pages" / f"{page}.txt.gz").read_bytes()))
    story = f"{article.lead or ''}\n{article.body}"
    if title is not None:
        assert article.title == title
    for text in must:
        assert text in story
    for text in must_not:
        assert text not in story


# -- the article layout's header lines, one at a time ------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Mehr zum Thema", "teaser label"),
        ("10.01.2022 10:00", "date"),
        ("Aktualisiert: 10.01.2022 10:19", "date"),
        ("vor 3 Stunden", "relative time"),
        ("Lesezeit: 2 min", "reading time"),
        ("Themen: Kasachstan, Russland", "tag label"),
        ("Russlands Präsident Wladimir Putin. (Foto: dpa) Foto: Alexei Nikolsky", "caption"),
        ("Von Max Muster, Berlin", "byline"),
        ("dwn.example", "domain"),
        ("Politik", "text"),
        ("Putin: Werden in Kasachstan keine „Farbenrevolution“ zulassen", "text"),
    ],
)
def test_each_header_line_is_classified_alone(line: str, kind: str) -> None:
    from tuireader.ingest.crawl_header import header_line

    assert header_line(line).value == kind


def test_a_page_imported_after_others_of_its_site_is_read_with_their_furniture(tmp_path: Path) -> None:
    folder = tmp_path / "first"
    folder.mkdir()
    for n, topic in enumerate(["den neuen Radweg", "die Fähre"]):
        (folder / f"{n}.txt").write_text(_site_page(f"Beschluss über {topic} gefallen", topic), encoding="utf-8")
    later = tmp_path / "later.txt"
    later.write_text(_site_page("Beschluss über das Hafenfest gefallen", "das Hafenfest"), encoding="utf-8")
    with Library(tmp_path / "library.db") as lib:
        lib.import_paths([folder])
        (report,) = [lib.import_paths([later])]
        ((_, article_id),) = report.imported
        article = lib.get(article_id)
        assert article is not None
        assert _SLOGAN not in article.body and "Die Gemeinde hat am Montag über das Hafenfest" in article.body


def test_a_date_line_with_its_reading_time_fills_both_and_leaves_nothing_over() -> None:
    article = parse_file(FIXTURES / "de-whole-page.txt")
    assert (article.published, article.reading_minutes) == ("2024-03-12T09:15", 3)
    assert article.leftover == []


@pytest.mark.parametrize(
    ("name", "label", "titles"),
    [
        (
            "de-whole-page.txt",
            "Mehr zum Thema",
            [
                "Neuer Radweg am Hafen wird teurer",
                "Stadtbibliothek verlängert Öffnungszeiten",
                "Sommerfest im Stadtpark abgesagt",
            ],
        ),
        (
            "en-whole-page.txt",
            "Most popular",
            [
                "Harbour seals take over the ferry terminal",
                "Council votes to keep the foghorn",
                "Town clock runs backwards for a day",
            ],
        ),
    ],
)
def test_a_teaser_block_above_the_story_is_shown_apart(name: str, label: str, titles: list[str]) -> None:
    article = parse_file(FIXTURES / name)
    assert article.related_label == label
    assert [t.title for t in article.related] == titles
    assert not any(t in article.body for t in titles)


# -- properties over generated whole pages --------------------------------------------------------


_PIECES = [
    line
    for name in ("de-whole-page.txt", "en-whole-page.txt")
    for line in (FIXTURES / name).read_text(encoding="utf-8").split("\n")
] + ["Mehr zum Thema:", "Das könnte Sie auch interessieren", "Kommentare (12)", "vor 3 Stunden", "© 2024", ""]
_PAGE_LINE = st.one_of(
    st.sampled_from(_PIECES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60).map(lambda s: s.replace("\n", " ")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PAGE_LINE, max_size=80))
def test_whole_pages_never_raise_and_every_line_ends_somewhere(lines: list[str]) -> None:
    """Every line of a page ends in a field, in leftover, or in a furniture category (`parse --json`)."""
    article = textformat.parse("\n".join(lines))
    lost = [line for line in lines if not accounted_for(line, article)]
    assert lost == []


@settings(max_examples=60, deadline=None)
@given(st.permutations([line for line in _PIECES if line]))
def test_a_shuffled_whole_page_never_raises(lines: list[str]) -> None:
    article = textformat.parse("\n".join(lines))
    assert isinstance(article.title, str) and isinstance(article.body, str)
