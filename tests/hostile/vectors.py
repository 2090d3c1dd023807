"""Hostile input, generated: strings, files and folders that try to drive a terminal, escape a folder,
hang a reader or stall a parser. Used by the tests in this folder and by benchmarks/bench_hostile.py.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

# -- strings -----------------------------------------------------------------------------

ESCAPES = {
    "csi clear": "\x1b[2J\x1b[H",
    "csi colour": "\x1b[31;1;5m",
    "osc 0 title": "\x1b]0;pwned title\x07",
    "osc 2 title": "\x1b]2;pwned title\x1b\\",
    "osc 8 link": "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "osc 52 clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "dcs": "\x1bP1$r\x1b\\",
    "c1 csi": "\x9b2J",
    "c1 osc": "\x9d0;pwned\x9c",
    "c1 dcs": "\x90q#0;2;0;0;0\x9c",
    "bel bs cr": "\x07\x08\rover",
    "unterminated osc": "\x1b]52;c;AAAA",
}
MARKUP = {
    "click": "[@click=app.quit]press[/]",
    "link": "[link=file:///etc/passwd]open[/link]",
    "var": "[$accent]x[/] [b]bold[/b] [/i]",
    "md link": "[x](javascript:alert(1)) ![i](file:///etc/passwd)",
}
BIDI = {
    "rlo": "\u202egnp.exe",
    "isolates": "\u2066a\u2067b\u2068c\u2069",
    "embeddings": "\u202a\u202b\u202c\u202d",
}
INVISIBLE = {"zero width": "a\u200bb\u200c\u200d\u2060c", "bom": "\ufeffx\ufeff", "nel": "a\x85b"}

CLASSES: dict[str, dict[str, str]] = {"escape": ESCAPES, "markup": MARKUP, "bidi": BIDI, "invisible": INVISIBLE}

# What must never reach a terminal from article data.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
FORBIDDEN_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def every_vector() -> list[tuple[str, str, str]]:
    """(class, name, text) for every hostile string."""
    return [(cls, name, text) for cls, vectors in CLASSES.items() for name, text in vectors.items()]


def filename_safe(text: str) -> str:
    """``text`` usable in a file name on Linux (no slash, no NUL), at most 60 bytes."""
    out = text.replace("/", "_").replace("\x00", "")
    while len(out.encode("utf-8", "surrogateescape")) > 60:
        out = out[:-1]
    return out


# -- files -----------------------------------------------------------------------------------


def crawl_page(title: str, body: str, section: str = "Politik") -> str:
    """A crawled news page (the layout of samples/) with the given title and story."""
    return (
        f"{section}\n\n{title}\n\n10.01.2022 10:00\n\nEine kurze Zusammenfassung der Meldung für den Leser.\n\n"
        f"{body}\n\nEin weiterer Absatz der Meldung mit genug Worten, um eine Geschichte zu sein.\n"
    )


def export_record(title: str, text: str, n: int) -> dict[str, object]:
    """A JSON export record with ``text`` in every text field (published too)."""
    return {
        "title": title,
        "body": f"Story {n} {text}\n\n```\nunclosed fence {text}",
        "source": text,
        "section": text,
        "published": f"2022-01-{n % 28 + 1:02d}{text}",
        "updated": text,
        "lead": text,
        "image_caption": text,
        "url": f"javascript:alert({n})" if n % 2 else text,
        "authors": [text],
        "tags": [text],
        "related_label": text,
        "related": [{"title": text or "t", "source": text, "date": text, "summary": text, "url": text}],
        "leftover": [text],
        "bookmarked": n % 3 == 0,
        "bookmark_note": text,
        "path": text,
    }


def html_page(title: str, body_html: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{body_html}</article></body></html>"
    )


STORY_HTML = "<p>" + "Ein langer Absatz über den Hafen und die neue Brücke von Möwensand. " * 10 + "</p>"


@dataclass
class Written:
    """What a vector folder holds: paths by class, and how many articles should import."""

    root: Path
    by_class: dict[str, list[Path]]
    articles: int  # articles that must be imported
    special: list[Path]  # FIFOs, loops: must not hang


def write_vectors(root: Path) -> Written:
    """Write one folder of hostile files; return what was written."""
    root.mkdir(parents=True, exist_ok=True)
    by_class: dict[str, list[Path]] = {}
    articles = 0

    def add(cls: str, name: str, data: bytes | str) -> Path:
        path = root / cls / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        by_class.setdefault(cls, []).append(path)
        return path

    records = []
    for n, (cls, name, text) in enumerate(every_vector()):
        title = f"Meldung {n} {name} {text} Ende"
        add(
            f"crawl-{cls}",
            f"{n:02d}-{filename_safe(name + text)}.txt",
            crawl_page(title, f"Der Text {text} geht weiter."),
        )
        add(f"html-{cls}", f"{n:02d}.html", html_page(f"Seite {n} {name} {text}", STORY_HTML + f"<p>{text}</p>"))
        records.append(export_record(f"Export {n} {name} {text}", text, n))
        articles += 2
    add("export", "hostile.json", json.dumps({"tuireader_export": 1, "articles": records}))
    articles += len(records)
    # Pathological structure
    add("patho", "deep.html", html_page("Tief verschachtelt", "<div> " * 100_000 + STORY_HTML + "</div> " * 100_000))
    add(
        "patho",
        "table.html",
        html_page("Große Tabelle", STORY_HTML + "<table>" + ("<tr>" + "<td>z</td>" * 50 + "</tr>") * 1000 + "</table>"),
    )
    big_table = "| " + " | ".join(f"h{c}" for c in range(50)) + " |\n|" + "---|" * 50 + "\n"
    big_table += "\n".join("| " + " | ".join(f"r{r}c{c}" for c in range(50)) + " |" for r in range(1000))
    patho = [
        ("Tabelle im Export", big_table),
        ("Zitate", ">" * 10_000 + " tief"),
        ("Offener Block", "Anfang\n\n```\n" + "code = 1\n" * 40_000),
        ("Liste", "\n".join("  " * i + "- Punkt" for i in range(3_000))),
    ]
    add(
        "patho",
        "export.json",
        json.dumps({"tuireader_export": 1, "articles": [{"title": t, "body": b} for t, b in patho]}),
    )
    articles += 2 + len(patho)
    # Files that are not articles: each fails or is skipped with a reason, none hangs
    add("odd", "empty.txt", b"")
    add("odd", "binary.bin", bytes(range(256)) * 64)
    add("odd", "nul.txt", b"\x00" * 10_000)
    add("odd", "one-line-5mb.txt", b"Titel\n\n" + b"wort " * 1_000_000)
    articles += 1
    add(
        "odd",
        "invalid-utf8.txt",
        crawl_page("Ungültiges \xff\xfe UTF-8", "Text").encode("latin-1", "replace") + b"\xff\xc3",
    )
    articles += 1
    add("odd", "utf16.txt", "\ufeff".encode("utf-16-le") + crawl_page("Meldung in UTF-16", "Text").encode("utf-16-le"))
    articles += 1
    huge = add("odd", "huge.txt", b"")
    with open(huge, "r+b") as fh:
        fh.truncate(65 * 1024 * 1024)  # sparse: over the 64 MB limit without writing it
    # Names: escapes, bidi, markup and bytes that are not UTF-8
    names = root / "names"
    names.mkdir()
    for n, (_cls, name, text) in enumerate(every_vector()):
        path = names / f"{filename_safe(text)}-{n}.txt"
        path.write_text(crawl_page(f"Dateiname {n} {name}", "Text"), encoding="utf-8")
        by_class.setdefault("names", []).append(path)
        articles += 1
    raw = os.fsencode(names) + b"/not-utf8-\xff\xfe.txt"
    with open(raw, "wb") as fh:
        fh.write(crawl_page("Dateiname ohne UTF-8", "Text").encode())
    articles += 1
    # Links into itself, a FIFO
    special = root / "special"
    special.mkdir()
    (special / "loop-a").symlink_to(special)
    (special / "loop-b").symlink_to("..")
    os.mkfifo(special / "fifo.txt")
    return Written(root, by_class, articles, [special / "loop-a", special / "fifo.txt"])
