"""Fictional articles for the reader's tests and snapshots (no tests here)."""

from __future__ import annotations

from pathlib import Path

from tuireader.library import Library
from tuireader.model import Article, Teaser

SECTIONS = ["Politik", "Wirtschaft", "Kultur"]

HOSTILE_TITLE = "Markup stays text: [/i] [b]bold?[/b] [link=https://evil.example]click[/link]"
LINKED_TITLE = "Harbour town opens a floating library"
UNLINKED_TITLE = "Mountain railway reopens after the winter"


def paragraph(n: int) -> str:
    return (
        f"Paragraph {n}. The council met on a grey morning to discuss the plans for the harbour, "
        "the market square and the old ferry pier, which has been closed since the storm. "
        "Residents asked for more benches and a longer opening time for the library."
    )


def story(paragraphs: int, title: str) -> str:
    parts = []
    for n in range(1, paragraphs + 1):
        if n % 6 == 0:
            parts.append(f"## Part {n // 6} of {title[:20]}")
        parts.append(paragraph(n))
    return "\n\n".join(parts)


def article(i: int, **overrides: object) -> Article:
    day = 28 - (i % 28)
    month = 12 - (i // 28) % 12
    title = f"Article {i:03d}: the council and the harbour"
    data: dict[str, object] = dict(
        title=title,
        body=story(8, title),
        section=SECTIONS[i % len(SECTIONS)],
        lead=f"A short lead for article {i}, about what happened at the harbour.",
        published=f"2024-{month:02d}-{day:02d}T{8 + i % 10:02d}:00",
        reading_minutes=2 + i % 4,
        source="Harbour Gazette",
        path=f"/fixtures/article-{i:03d}.txt",
    )
    data.update(overrides)
    return Article(**data)  # type: ignore[arg-type]


def build_library(path: Path, count: int = 12) -> Library:
    """A library of ``count`` plain articles plus the special ones the tests need."""
    library = Library(path)
    for i in range(count):
        library.add(article(i), f"article {i}".encode())
    library.add(
        article(900, title=LINKED_TITLE, published="2023-05-02T09:00", section="Kultur"),
        b"linked",
    )
    library.add(
        article(
            901,
            title="Festival week ends with fireworks over the bay",
            published="2025-01-02T18:30",
            updated="2025-01-03T07:15",
            section="Kultur",
            image_caption="Fireworks over the bay. (Photo: Harbour Gazette)",
            url="https://gazette.example/festival",
            authors=["Ada Example"],
            related_label="Mehr zum Thema",
            related=[
                Teaser(
                    title=LINKED_TITLE,
                    source="Harbour Gazette",
                    section="Kultur",
                    date="2023-05-02",
                    summary="The library floats.",
                ),
                Teaser(
                    title=UNLINKED_TITLE,
                    source="Harbour Gazette",
                    section="Reise",
                    date="2024-03-01",
                    summary="The line up the mountain runs again from Monday.",
                ),
                Teaser(title="Buy the best harbour souvenirs", sponsored=True, summary="An advertisement."),
            ],
        ),
        b"festival",
    )
    library.add(
        article(
            902,
            title=HOSTILE_TITLE,
            published="2001-01-01T00:00",
            section="Politik",
            lead="Lead with [red]markup[/red] and \x1b[31mescape\x1b[0m codes.",
            body="Body with \x1b[2J a clear-screen code and [bold]markup[/bold] text.\n\nSecond paragraph.",
        ),
        b"hostile",
    )
    return library
