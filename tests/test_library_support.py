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
        lines = [
            self.section,
            "",
            self.title,
            "",
            self.lead,
            self.published,
            "Lesezeit: 2 min",
            self.title,
            "Ein Bild. (Foto: dpa)",
            "",
        ]
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


def make_pages(root: Path, count: int, start: int = 0) -> list[Path]:
    """Numbered pages with distinct titles, dates spread over 2023, and five teasers each."""
    return [
        Page(
            f"Meldung {n}: Neues aus der Region",
            published=f"{1 + n % 28:02d}.{1 + n % 12:02d}.2023 {n % 24:02d}:00",
            paragraphs=[f"Bericht {n} " * 40, "Ein weiterer Absatz mit Einzelheiten. " * 10],
            cards=[Card(f"Anderes Thema {n % 50} {k}") for k in range(5)],
        ).write(root / f"{n:05d}.txt")
        for n in range(start, start + count)
    ]


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
