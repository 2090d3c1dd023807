"""Crawler pages in the seed's layout, for the library tests (and a check that they parse)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tuireader.ingest import parse_bytes


@dataclass
class Card:
    title: str
    section: str = "Politik"
    date: str = "13.12.2025"
    summary: str = "Eine kurze Zusammenfassung...."


@dataclass
class Page:
    title: str
    section: str = "Politik"
    published: str = "10.01.2022 10:00"
    lead: str = "Ein Vorspann, der die Geschichte zusammenfasst."
    paragraphs: list[str] = field(default_factory=lambda: ["Der erste Absatz der Geschichte.", "Der zweite Absatz."])
    cards: list[Card] = field(default_factory=list)

    def text(self) -> str:
        lines = [self.section, "", self.title, "", self.lead, self.published, "Lesezeit: 2 min", self.title,
                 "Ein Bild. (Foto: dpa)", ""]
        for p in self.paragraphs:
            lines += [p, ""]
        if self.cards:
            lines += ["Mehr zum Thema", "article:fokus_txt"]
            for c in self.cards:
                lines += ["DWN", c.section, f"{c.section} {c.title}", c.date, "", c.summary, ""]
        return "\n".join(lines)

    def write(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.text(), encoding="utf-8")
        return path


def test_pages_parse_into_the_fields_the_library_stores() -> None:
    page = Page(
        "Münchener Firma baut Fabrik",
        section="Wirtschaft",
        published="03.02.2023 08:15",
        cards=[Card("Gold steigt weiter", "Finanzen")],
    )
    article = parse_bytes(page.text().encode())
    assert article.title == "Münchener Firma baut Fabrik"
    assert article.section == "Wirtschaft"
    assert article.published == "2023-02-03T08:15"
    assert "zweite Absatz" in article.body and "Gold" not in article.body
    assert [t.title for t in article.related] == ["Gold steigt weiter"]
