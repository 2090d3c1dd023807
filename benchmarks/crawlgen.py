"""Generate realistic crawled news pages in the layout of the seed page.

Deterministic for a given seed. Sections, publication times (2015-2025),
titles, leads and stories vary; German compounds and umlauts make a large,
Zipf-distributed vocabulary like real news text; each page ends with a teaser
block of 4-8 cards naming other generated articles (so teaser links occur).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import datetime, timedelta

SECTIONS = [
    "Politik",
    "Wirtschaft",
    "Finanzen",
    "Technologie",
    "Immobilien",
    "Panorama",
    "Unternehmensporträt",
    "Deutschland",
    "Europa",
    "Weltwirtschaft",
    "Energie",
    "Gesundheit",
]

_STEMS = [
    "Energie",
    "Preis",
    "Markt",
    "Regierung",
    "Bund",
    "Land",
    "Stadt",
    "Bank",
    "Zins",
    "Steuer",
    "Arbeit",
    "Unternehmen",
    "Handel",
    "Export",
    "Import",
    "Krieg",
    "Frieden",
    "Wahl",
    "Partei",
    "Gericht",
    "Polizei",
    "Schule",
    "Klima",
    "Wetter",
    "Strom",
    "Gas",
    "Öl",
    "Gold",
    "Aktie",
    "Börse",
    "Kurs",
    "Rente",
    "Kasse",
    "Wohnung",
    "Miete",
    "Haus",
    "Bau",
    "Straße",
    "Brücke",
    "Bahn",
    "Flug",
    "Hafen",
    "Auto",
    "Motor",
    "Fabrik",
    "Werk",
    "Löhne",
    "Kosten",
    "Schulden",
    "Haushalt",
    "Förderung",
    "Gesetz",
    "Reform",
    "Krise",
    "Wachstum",
    "Inflation",
    "Verbraucher",
    "Bürger",
    "Minister",
    "Kanzler",
    "Präsident",
    "Behörde",
    "Verband",
    "Gewerkschaft",
    "Streik",
    "Sicherheit",
    "Grenze",
    "Zoll",
    "Technik",
    "Daten",
    "Netz",
    "Digital",
    "Software",
    "Chip",
    "Forschung",
    "Hochschule",
    "Klinik",
    "Ärzte",
    "Pflege",
    "Versicherung",
    "Familie",
    "Kinder",
    "Jugend",
    "Sport",
    "Kultur",
    "Medien",
    "Presse",
    "Verkehr",
    "Wasser",
    "Wald",
    "Boden",
    "Landwirtschaft",
    "Ernte",
    "Nahrung",
    "Brot",
    "Milch",
    "Fleisch",
    "Händler",
    "Kunden",
    "Mittelstand",
    "Konzern",
    "Gründer",
    "Zukunft",
    "Wandel",
    "Öffnung",
    "Übernahme",
    "Fusion",
    "Anleihe",
    "Dollar",
    "Euro",
    "Franken",
    "Rubel",
    "Yuan",
    "Russland",
    "Ukraine",
    "China",
    "Amerika",
    "Europa",
    "Frankreich",
    "Polen",
    "Österreich",
    "Schweiz",
    "Italien",
    "Spanien",
    "Türkei",
    "Kasachstan",
    "Japan",
    "Indien",
    "Brasilien",
    "München",
    "Berlin",
    "Hamburg",
    "Köln",
    "Frankfurt",
    "Stuttgart",
    "Düsseldorf",
    "Leipzig",
    "Dresden",
    "Nürnberg",
    "Bremen",
]

_SUFFIXES = [
    "",
    "",
    "",
    "politik",
    "markt",
    "preise",
    "krise",
    "plan",
    "gesetz",
    "streit",
    "wende",
    "bericht",
    "zahlen",
    "bilanz",
    "verband",
    "minister",
    "netz",
    "werk",
]

_FUNCTION_WORDS = [
    "der",
    "die",
    "das",
    "und",
    "in",
    "den",
    "von",
    "zu",
    "mit",
    "sich",
    "des",
    "auf",
    "für",
    "ist",
    "im",
    "dem",
    "nicht",
    "ein",
    "eine",
    "als",
    "auch",
    "es",
    "an",
    "werden",
    "aus",
    "er",
    "hat",
    "dass",
    "sie",
    "nach",
    "wird",
    "bei",
    "einer",
    "um",
    "am",
    "sind",
    "noch",
    "wie",
    "einem",
    "über",
    "einen",
    "so",
    "zum",
    "war",
    "haben",
    "nur",
    "oder",
    "aber",
    "vor",
    "zur",
    "bis",
    "mehr",
    "durch",
    "man",
    "sein",
    "wurde",
    "sei",
    "habe",
    "seit",
    "dann",
    "unter",
    "wir",
    "soll",
    "ihr",
    "schon",
    "wenn",
    "doch",
    "gegen",
    "sehr",
    "neue",
    "neuen",
    "ersten",
    "Jahr",
    "Jahren",
    "Prozent",
    "Millionen",
    "Milliarden",
    "sagte",
    "erklärte",
    "laut",
    "Angaben",
    "zufolge",
    "bereits",
    "künftig",
    "weiterhin",
    "deutlich",
    "stark",
    "schwach",
    "hoch",
    "niedrig",
]

_VERBS = [
    "steigt",
    "fällt",
    "wächst",
    "sinkt",
    "warnt",
    "fordert",
    "plant",
    "kritisiert",
    "erwartet",
    "meldet",
    "prüft",
    "stoppt",
    "startet",
    "verschärft",
    "lockert",
    "senkt",
    "erhöht",
    "investiert",
    "verliert",
    "gewinnt",
    "droht",
    "bleibt",
    "kehrt",
    "zurück",
]


class Vocabulary:
    def __init__(self, rng: random.Random) -> None:
        words = {s + suf if suf else s for s in _STEMS for suf in _SUFFIXES}
        words |= {a + b.lower() for a in _STEMS for b in _STEMS[20:120] if a != b}
        self.content = sorted(words)
        rng.shuffle(self.content)
        n = len(self.content)
        # Zipf-like weights: a few words are everywhere, most are rare.
        self.cum_weights = list(itertools.accumulate(1.0 / (rank + 5) for rank in range(n)))
        self.rng = rng

    def words(self, k: int) -> list[str]:
        return self.rng.choices(self.content, cum_weights=self.cum_weights, k=k)


def _sentence(vocab: Vocabulary, rng: random.Random) -> str:
    n = rng.randint(8, 22)
    content = iter(vocab.words(n))
    out = []
    for _i in range(n):
        out.append(next(content) if rng.random() < 0.45 else rng.choice(_FUNCTION_WORDS))
    out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out) + rng.choice([".", ".", ".", "?", ":"])


def _title(vocab: Vocabulary, rng: random.Random) -> str:
    a, b, c = vocab.words(3)
    forms = [
        f"{a}: {b} {rng.choice(_VERBS)}",
        f"{a} {rng.choice(_VERBS)} – {b} unter Druck",
        f"{a} und {b}: Was die {c} jetzt bedeutet",
        f"Neue {a} für {b}",
        f"{a}-{b} {rng.choice(_VERBS)} weiter",
    ]
    return rng.choice(forms)


def _date(rng: random.Random) -> datetime:
    start = datetime(2015, 1, 1)
    return start + timedelta(minutes=rng.randrange(11 * 365 * 24 * 60))


def page(n: int, rng: random.Random, vocab: Vocabulary, titles: list[str]) -> tuple[str, str]:
    """(file name, text) of article number ``n``; ``titles`` collects generated titles for teasers."""
    section = rng.choice(SECTIONS)
    title = f"{_title(vocab, rng)} ({n})" if rng.random() < 0.02 else _title(vocab, rng)
    titles.append(title)
    when = _date(rng)
    lead = " ".join(_sentence(vocab, rng) for _ in range(rng.randint(1, 2)))
    lines = [section, "", title, "", lead, when.strftime("%d.%m.%Y %H:%M")]
    if rng.random() < 0.4:
        lines.append("Aktualisiert: " + (when + timedelta(minutes=rng.randint(5, 600))).strftime("%d.%m.%Y %H:%M"))
    lines += [f"Lesezeit: {rng.randint(1, 9)} min", title, f"{' '.join(vocab.words(4))}. (Foto: dpa)", ""]
    for _ in range(rng.randint(4, 12)):
        if rng.random() < 0.12:
            lines += [" ".join(vocab.words(rng.randint(2, 5))), ""]  # a subheading
        lines += [" ".join(_sentence(vocab, rng) for _ in range(rng.randint(2, 6))), ""]
    lines += ["Mehr zum Thema", "article:fokus_txt"]
    for _ in range(rng.randint(4, 8)):
        tsec = rng.choice(SECTIONS)
        ttitle = rng.choice(titles) if titles and rng.random() < 0.3 else _title(vocab, rng)
        tdate = _date(rng).strftime("%d.%m.%Y")
        lines += ["DWN", tsec, f"{tsec} {ttitle}", tdate, "", _sentence(vocab, rng)[:120] + "...", ""]
    name = f"{when:%Y/%m}/{n:06d}-{section.lower()}.txt"
    return name, "\n".join(lines)


def pages(count: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    titles: list[str] = []
    for n in range(count):
        yield page(n, rng, vocab, titles)
        if len(titles) > 5000:
            del titles[:1000]


def query_words(count: int, seed: int = 2) -> list[str]:
    """Two-word German queries drawn like the text is (common and rare words)."""
    rng = random.Random(seed)
    vocab = Vocabulary(random.Random(1))
    vocab.rng = rng
    return [" ".join(vocab.words(2)) for _ in range(count)]
