"""The headline of a whole page's crawler text: which line is the title, one rule at a time (German and English)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuireader.ingest import parse_file, textformat
from tuireader.ingest.crawl_lines_kind import Kind, classify
from tuireader.model import Article

_MENU = {
    "de": ["Zum Inhalt springen", "Menü", "Anmelden", "Suche", "Politik", "Wirtschaft", "Sport", "Kultur"],
    "en": ["Skip to content", "Menu", "Sign in", "Search", "Politics", "Business", "Sport", "Culture"],
}
_FOOTER = {"de": ["Impressum", "Datenschutz", "Kontakt"], "en": ["Privacy policy", "Terms of use", "Contact"]}
_STORY = {
    "de": [
        "Der Rat der Stadt hat am Montagabend nach einer langen Sitzung über {t} beraten, und am Ende stimmte "
        "eine deutliche Mehrheit der Mitglieder für den Plan der Verwaltung.",
        "Nach Angaben der Verwaltung soll {t} im kommenden Jahr umgesetzt werden, wenn die Mittel im Haushalt "
        "bereitstehen und die Behörden die Pläne genehmigt haben.",
        "Kritiker hatten zuvor gewarnt, dass die Kosten für {t} höher ausfallen könnten, als es die ersten "
        "Schätzungen der Planer im vergangenen Herbst vermuten ließen.",
    ],
    "en": [
        "The town council met on Monday evening to talk about {t}, and after a long debate a clear majority of "
        "its members voted for the plan that the officials had drawn up.",
        "According to the officials, {t} should be done next year, once the money is in the budget and the "
        "authorities have approved the plans for the work.",
        "Critics had warned before the meeting that the cost of {t} could turn out higher than the first "
        "estimates of the planners suggested last autumn.",
    ],
}


def _page(lang: str, header: list[str], topic: str = "die neue Seilbahn") -> Article:
    if lang == "en" and topic == "die neue Seilbahn":
        topic = "the new cable car"
    story = [p.format(t=topic) for p in _STORY[lang]]
    return textformat.parse("\n".join([*_MENU[lang], *header, *story, *_FOOTER[lang]]))


# -- a kicker stands above the headline -----------------------------------------------------------


# (kicker, headline, lead, byline, date) of an article's header
_HEADER = {
    "de": (
        "Stromausfall in Berlin",
        "Ampeln tot, S-Bahnen stoppen: Wie sicher ist das Stromnetz?",
        "Berlin. In der Stadt brennen zwei Strommasten, und Zehntausende sind ohne Strom.",
        "Von Anna Berg",
        "09.09.2025, 14:55 Uhr",
    ),
    "en": (
        "Power cut in Berlin",
        "Traffic lights dead, trains stopped: how safe is the grid?",
        "Berlin. Two pylons are on fire in the city, and tens of thousands are without power.",
        "By Anna Berg",
        "September 9, 2025",
    ),
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_headline_below_its_kicker_is_the_title(lang: str) -> None:
    kicker, headline, lead, byline, date = _HEADER[lang]
    article = _page(lang, [kicker, headline, lead, byline, date])
    assert article.title == headline
    assert kicker not in article.body


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Von München bis Aachen: Im Netz der China-Agenten", Kind.HEADLINE),
        ("Von Max Muster", Kind.BYLINE),
        ("By the numbers: how the harbour grew in ten years", Kind.HEADLINE),
        ("By Anna Berg", Kind.BYLINE),
        ("Artikel von Alexa von Heyden", Kind.BYLINE),
        ("Die Rede von Olaf Scholz", Kind.HEADLINE),
        ("Veröffentlicht am 27.04.24 um 07:39 Uhr", Kind.DATE),
        ("Published 27.04.24, 07:39", Kind.DATE),
        ("Kate Moss auf dem Titelbild: Was ich nicht will", Kind.HEADLINE),
        ("Die Kanzlerin bei ihrer Rede im Bundestag. Foto: dpa", Kind.CAPTION),
        ("Die Kanzlerin bei ihrer Rede im Bundestag Titelbild: Anna Berg", Kind.CAPTION),
        ("Behind the photo: what the harbour looked like in 1920", Kind.HEADLINE),
        ("The harbour in 1920 (Photo: City Archive)", Kind.CAPTION),
    ],
)
def test_header_lines_one_line_at_a_time(line: str, kind: Kind) -> None:
    """A byline names people ("Von …: …" is a headline); a date with a two-digit year is a date line;
    a credit label is a caption's only where it stands as a label (not after "dem", "the")."""
    assert classify(line).kind is kind


@pytest.mark.parametrize(
    ("lang", "note", "kicker", "headline", "lead", "byline"),
    [
        (
            "de",
            "Hinweis zu Affiliate-Links: Alle Produkte werden von der Redaktion unabhängig ausgewählt. Im Falle "
            "eines Kaufs erhalten wir eine Provision vom Händler.",
            "TITELGESCHICHTE",
            "Kate Moss auf dem Titelbild: Was ich nicht will",
            "Seit den Neunzigern ist Kate Moss ein Supermodel, und an ihrer Bekanntheit hat sich wenig geändert.",
            "VON ANNA BERG",
        ),
        (
            "en",
            "Disclosure: all products are chosen by our editors independently. When you buy through the links "
            "on this page we may earn a commission.",
            "COVER STORY",
            "Kate Moss on the cover: what I do not want",
            "Kate Moss has been a supermodel since the nineties, and little has changed about her fame since then.",
            "BY ANNA BERG",
        ),
    ],
)
def test_a_note_above_the_articles_header_is_not_the_storys_start(
    lang: str, note: str, kicker: str, headline: str, lead: str, byline: str
) -> None:
    article = _page(lang, [note, kicker, headline, lead, byline])
    assert article.title == headline
    assert note not in article.body and note != article.lead


# -- the page prints its headline more than once -----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "crumb", "menus", "kicker", "printed", "date", "byline"),
    [
        (
            "de",
            ["Startseite", "Wirtschaft"],
            ["Wirtschaft", "Immobilien", "Karriere", "Geld"],
            "BIP-ZAHLEN",
            "Diese zwei Grafiken zeigen, wie schlecht es um die Wirtschaft des Landes steht",
            "Stand: 20:03 Uhr",
            "Von Holger Muster",
        ),
        (
            "en",
            ["Home", "Business"],
            ["Business", "Property", "Careers", "Money"],
            "GDP FIGURES",
            "These two charts show how badly the economy of the country is doing",
            "Updated: 20:03",
            "By Holger Muster",
        ),
    ],
)
def test_the_breadcrumbs_wording_of_the_headline_is_the_pages_title(
    lang: str, crumb: list[str], menus: list[str], kicker: str, printed: str, date: str, byline: str
) -> None:
    """Apart from the printed headline, with menus between, the page's own wording stands first."""
    own = ("BIP: " if lang == "de" else "GDP: ") + printed.replace("zwei ", "").replace("two ", "")
    article = _page(lang, [*crumb, own, *menus, kicker, printed, date, byline])
    assert article.title == own


@pytest.mark.parametrize(
    ("lang", "own"),
    [
        ("de", "Stromausfall Berlin: Ampeln, S-Bahnen – Wie sicher ist unser Stromnetz?"),
        ("en", "Berlin power cut: traffic lights, trains – how safe is our grid?"),
    ],
)
def test_in_one_headline_block_the_printed_wording_below_the_kicker_is_the_title(lang: str, own: str) -> None:
    kicker, printed, lead, byline, date = _HEADER[lang]
    article = _page(lang, [own, kicker, printed, lead, byline, date])
    assert article.title == printed


@pytest.mark.parametrize(
    ("lang", "headline", "other"),
    [
        ("de", "Interabled Sex Education", "Die neue Seilbahn: eine Kolumne von Evan Muster und Selma Muster"),
        ("en", "Interabled Sex Education", "The new cable car: a column by Evan Muster and Selma Muster"),
    ],
)
def test_a_headline_printed_twice_in_a_row_is_the_title(lang: str, headline: str, other: str) -> None:
    """Printed twice in a row (the headline and its link's text) outweighs reading like a name."""
    article = _page(lang, [headline, headline, "12.03.2024", other])
    assert article.title == headline


# -- menus, labels, tag lists and leads are not headlines -----------------------------------------


@pytest.mark.parametrize(
    ("lang", "menu", "headline", "date"),
    [
        (
            "de",
            ["Hafen", "Gastronomie", "Seilbahn für die Stadt", "Panorama", "Leute"],
            "Oben ohne Stau: Der Rat stimmt der Seilbahn zu",
            "12.03.2024, 09:15 Uhr",
        ),
        (
            "en",
            ["Harbour", "Food", "A cable car for the town", "Events", "People"],
            "Above the traffic jams: the council agrees",
            "March 12, 2024",
        ),
    ],
)
def test_a_line_among_menu_items_is_not_the_title(lang: str, menu: list[str], headline: str, date: str) -> None:
    article = _page(lang, [*menu, headline, date])
    assert article.title == headline


@pytest.mark.parametrize(
    ("lang", "headline", "label", "value", "lead"),
    [
        (
            "de",
            "Cyber-Angriffe: 20 Prozent vom IT-Budget in die Sicherheit stecken!",
            "Zugehörige Themenseiten:",
            "Digitalisierung und IT-Sicherheit",
            "Viele kleine Unternehmen gehen mit Cyberangriffen noch zu sorglos um, so urteilt das Bundesamt.",
        ),
        (
            "en",
            "Cyber attacks: a fifth of IT budgets for security!",
            "Topic pages:",
            "Digital business and IT security",
            "Many small companies are still careless about cyber attacks, the federal office has found.",
        ),
    ],
)
def test_the_value_under_a_label_is_not_the_title(lang: str, headline: str, label: str, value: str, lead: str) -> None:
    article = _page(lang, [headline, label, value, lead], topic="IT-Sicherheit" if lang == "de" else "IT security")
    assert article.title == headline


@pytest.mark.parametrize(
    ("lang", "headline", "tags"),
    [
        (
            "de",
            "Die Stadt bildet künftig Piloten aus",
            "Ausbildung-Bremen Piloten-Ausbildung Flughafen-Bremen Stadt-Piloten Luftwaffe-Ausbildung",
        ),
        (
            "en",
            "The town will train pilots from next year",
            "Training-Bremen Pilots-Training Airport-Bremen Town-Pilots Air-Force-Training",
        ),
    ],
)
def test_a_list_of_tags_is_not_the_title(lang: str, headline: str, tags: str) -> None:
    topic = "die Ausbildung der Piloten in Bremen" if lang == "de" else "the training of pilots in Bremen"
    article = _page(lang, [headline, tags], topic=topic)
    assert article.title == headline


@pytest.mark.parametrize(
    ("lang", "headline", "teaser", "credit", "date"),
    [
        (
            "de",
            "„Es bricht eine andere Zeit an“",
            "Die neue Seilbahn mit Plänen bauen: zu schön, um wahr zu sein? Stadtrat Felix Muster schätzt "
            "Kosten und Risiken der Verwaltung ein",
            "Interview: Julia Muster",
            "31.03.2020",
        ),
        (
            "en",
            "“A different time is dawning”",
            "Building the new cable car with plans: too good to be true? Councillor Felix Muster weighs up "
            "cost and risks of the town budget",
            "Interview: Julia Muster",
            "March 31, 2020",
        ),
    ],
)
def test_a_line_as_long_as_a_lead_is_not_the_title(
    lang: str, headline: str, teaser: str, credit: str, date: str
) -> None:
    article = _page(lang, [headline, teaser, credit, date])
    assert article.title == headline


# -- kickers run into the headline, one-word headlines, headlines that read like captions -------


@pytest.mark.parametrize(
    ("lang", "apart", "run_in", "title"),
    [
        (
            "de",
            "Kind krank: Was Arbeitgeber wissen müssen",
            "Kind krank Was Arbeitgeber über die Rechte von Eltern wissen müssen",
            "Was Arbeitgeber über die Rechte von Eltern wissen müssen",
        ),
        (
            "en",
            "Sick child: what employers must know",
            "Sick child What employers must know about the rights of parents",
            "What employers must know about the rights of parents",
        ),
    ],
)
def test_a_kicker_run_into_the_headline_is_dropped_when_the_page_prints_it_apart(
    lang: str, apart: str, run_in: str, title: str
) -> None:
    byline, date = ("Von Julia Müller", "28.12.2022") if lang == "de" else ("By Julia Miller", "December 28, 2022")
    article = _page(lang, [apart, run_in, byline, date])
    assert article.title == title
    assert run_in in article.leftover  # the line as printed is kept


@pytest.mark.parametrize(
    ("lang", "printed", "title_line", "title"),
    [
        (
            "de",
            "Interne Unterlagen im Netz Daten der Stadtwerke gehackt",
            "Daten der Stadtwerke gehackt - Interne Unterlagen im Netz",
            "Daten der Stadtwerke gehackt",
        ),
        (
            "en",
            "Internal papers online Data of the city utility hacked",
            "Data of the city utility hacked - Internal papers online",
            "Data of the city utility hacked",
        ),
    ],
)
def test_a_headline_whose_kicker_the_page_prints_after_it_loses_the_kicker(
    lang: str, printed: str, title_line: str, title: str
) -> None:
    date = "Stand: 28.04.2020 18:00 Uhr" if lang == "de" else "Updated: April 28, 2020"
    article = _page(lang, ["Startseite" if lang == "de" else "Home", title_line, "Seitenanfang", printed, date])
    assert article.title == title


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_one_word_kicker_doubled_into_the_headline(lang: str) -> None:
    line = "Wurmkiste Wurmkiste selber bauen" if lang == "de" else "Wormery Wormery built at home"
    date = "22.02.2021" if lang == "de" else "February 22, 2021"
    assert _page(lang, [line, date]).title == line.split(None, 1)[1]


@pytest.mark.parametrize(("lang", "word"), [("de", "Batteriespeicher"), ("en", "Hope!")])
def test_a_headline_of_one_word_right_above_the_story(lang: str, word: str) -> None:
    article = _page(lang, [word])
    assert article.title == word


@pytest.mark.parametrize(
    ("lang", "headline", "kicker", "date"),
    [
        ("de", "Erstes Bild: So könnte die Seilbahn aussehen", "Technologiequartier", "08.03.2024, 18:59 Uhr"),
        ("en", "First picture: this is how the cable car could look", "Technology quarter", "March 8, 2024"),
    ],
)
def test_a_headline_that_reads_like_a_picture_credit_printed_twice(
    lang: str, headline: str, kicker: str, date: str
) -> None:
    article = _page(lang, [headline, kicker, headline, date])
    assert article.title == headline


# -- the text itself ------------------------------------------------------------------------------


def test_soft_hyphens_are_dropped() -> None:
    assert textformat.split_lines("Beitrag weiter\xadempfehlen:\nhandlungs\xadfähig") == [
        "Beitrag weiterempfehlen:",
        "handlungsfähig",
    ]
    article = _page("de", ["Die Seil\xadbahn soll im Herbst fahren", "12.03.2024"])
    assert article.title == "Die Seilbahn soll im Herbst fahren"
    assert "\xad" not in article.body


@pytest.mark.parametrize(
    ("crumb", "title"),
    [
        ("Home / Essays / 2017 / January / Aggression Fotografie", "Aggression Fotografie"),
        ("Home / Essays / 2017 / January / Photography as aggression", "Photography as aggression"),
    ],
)
def test_the_article_layout_takes_the_last_step_of_a_breadcrumb_title(crumb: str, title: str) -> None:
    story = [
        "Is photography an act of aggression? In her book about the role of the photograph in past cultures "
        f"and in ours, the author says so, and {n} examples are given for it."
        for n in ("many", "few", "some")
    ]
    article = textformat.parse("\n".join([crumb, "26 January 2017", "", *story]))
    assert article.title == title
    assert crumb in article.leftover


@pytest.mark.parametrize(
    ("lang", "name", "headline", "label"),
    [
        ("de", "Stadtbote magazin", "Sichere und digitale Wege zur Verwaltung", "Beitrag weiterempfehlen:"),
        ("en", "Townbote magazine", "Safe and digital ways to the town hall", "Recommend this article:"),
    ],
)
def test_a_word_or_two_the_page_prints_again_is_no_headline(lang: str, name: str, headline: str, label: str) -> None:
    """The site's name recurs on the page (its footer, its archive); that is no evidence of a headline."""
    topic = "den Stadtbote für die Verwaltung" if lang == "de" else "the Townbote for the town hall"
    story = [p.format(t=topic) for p in _STORY[lang]]
    lines = [*_MENU[lang], name, "12.03.2024", headline, label, *story, f"{name} Archiv", *_FOOTER[lang]]
    assert textformat.parse("\n".join(lines)).title == headline


@pytest.mark.parametrize(
    ("name", "title", "must", "must_not"),
    [
        (
            "de-whole-page-headline.txt",
            "Neue Fähre: Möwensand verdoppelt die Plätze für Fahrräder",
            ["doppelt so viele Fahrräder aufnehmen kann", "als schwimmendes Museum am Deich"],
            ["FÄHRVERKEHR", "Politik", "Kommentare", "Teilen"],
        ),
        (
            "en-whole-page-headline.txt",
            "New ferry: Skerry doubles the room for bicycles",
            ["twice as many bicycles as the old one", "as a floating museum once the permits"],
            ["FERRY SERVICE", "Politics", "Comments", "Share"],
        ),
    ],
)
def test_whole_page_fixtures_with_the_pages_own_wording_of_the_headline(
    name: str, title: str, must: list[str], must_not: list[str]
) -> None:
    article = parse_file(Path(__file__).parent / "fixtures" / "crawl" / name)
    assert article.title == title
    assert article.authors == ["Anna Berg"]
    for text in must:
        assert text in article.body
    for text in must_not:
        assert text not in article.body
