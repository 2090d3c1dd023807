"""Full-text search: German-friendly, ranked, never over teasers, never crashing."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_library_support import Card, Page

from tuireader.library import Library, store
from tuireader.library.errors import BadQuery
from tuireader.library.search import MAX_QUERY_SPELLINGS, MAX_SPELLINGS, MAX_TERMS, build_fts_query, spellings


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("search")
    seed = Path(__file__).resolve().parent.parent / "samples" / "dwn-2022-01-10-putin-kasachstan.txt"
    pages = {
        "muenchen": Page("Neue Brücke für München", paragraphs=["Die Stadt baut an der Großen Straße."]),
        "body-only": Page(
            "Ein Bericht aus Bayern",
            paragraphs=["Der Stadtrat hat über die Brücke beraten: die Brücke hier, die Brücke dort."],
        ),
        "teaser-holder": Page("Wetterbericht", paragraphs=["Regen und Wind."], cards=[Card("Zeppelin landet in Oslo")]),
        "ascii": Page("Grosse Plaene fuer Koeln", paragraphs=["Die Stadt plant viel."]),
    }
    library = Library(root / "library.db")
    library.import_paths([seed, *(p.write(root / f"{n}.txt") for n, p in pages.items())])
    yield library
    library.close()


def titles(lib: Library, query: str) -> list[str]:
    return [h.title for h in lib.search(query)]


@pytest.mark.parametrize("query", ["München", "münchen", "MUNCHEN", "munchen", "Muenchen"])
def test_case_and_umlaut_spellings_find_muenchen(lib: Library, query: str) -> None:
    assert titles(lib, query) == ["Neue Brücke für München"]


@pytest.mark.parametrize("query", ["Strasse", "straße", "grossen strasse"])
def test_sharp_s_and_ss_find_each_other(lib: Library, query: str) -> None:
    assert titles(lib, query) == ["Neue Brücke für München"]


@pytest.mark.parametrize("query", ["Köln", "koeln", "Pläne", "PLAENE", "für Koeln"])
def test_umlauts_find_text_written_with_ae_oe_ue(lib: Library, query: str) -> None:
    assert titles(lib, query) == ["Grosse Plaene fuer Koeln"]


def test_prefix_finds_word_forms(lib: Library) -> None:
    hits = lib.search("Kasach*")
    assert [h.title for h in hits] == ["Putin: Werden in Kasachstan keine „Farbenrevolution“ zulassen"]
    assert not lib.search_page("Kasach*").completed_last_word


def test_a_last_word_that_finds_nothing_is_tried_as_a_prefix(lib: Library) -> None:
    page = lib.search_page("Putin Kasach")
    assert [h.title for h in page.hits] == ["Putin: Werden in Kasachstan keine „Farbenrevolution“ zulassen"]
    assert page.completed_last_word and page.total == 1
    # A word that is found as typed is not widened: "Brücke" does not find "Brückentage".
    assert not lib.search_page("Brücke").completed_last_word
    assert lib.search_page("Kasach -Putin").total == 0  # an excluded word is never widened


def test_phrases_need_the_words_in_order(lib: Library) -> None:
    assert len(lib.search('"versuchten Staatsstreich"')) == 1
    assert lib.search('"Staatsstreich versuchten"') == []


def test_all_words_must_occur_or_and_minus_widen_and_narrow(lib: Library) -> None:
    assert lib.search("München Kasachstan") == []
    assert len(lib.search("München OR Kasachstan")) == 2
    assert titles(lib, "Brücke -München") == ["Ein Bericht aus Bayern"]


def test_title_matches_rank_above_story_matches(lib: Library) -> None:
    # "Brücke" is once in one title and three times in the other story.
    assert titles(lib, "Brücke") == ["Neue Brücke für München", "Ein Bericht aus Bayern"]


def test_teasers_are_not_searched(lib: Library) -> None:
    assert lib.search("Zeppelin") == []
    assert lib.search("Brückentage") == []  # only in the seed's teaser block
    assert titles(lib, "Regen") == ["Wetterbericht"]


def test_snippets_mark_the_match(lib: Library) -> None:
    (hit,) = lib.search("Tokajew Almaty")
    assert "[[Almaty]]" in hit.snippet or "[[Tokajew]]" in hit.snippet
    assert "\n" not in hit.snippet


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab \"*()-:^+ORANDNOTNEAR{}äöüßÄeus.,'")), max_size=25))
def test_no_query_makes_search_raise(lib: Library, query: str) -> None:
    assert isinstance(lib.search(query), list)


def test_queries_without_words_find_nothing(lib: Library) -> None:
    for query in ("", "   ", "***", '""', "-Kasachstan", "(((", "AND OR NOT"):
        assert lib.search(query) == []


def test_spellings_cover_the_german_variants() -> None:
    assert spellings("Muenchen")[0] == "muenchen" and "munchen" in spellings("Muenchen")
    assert {"munchen", "muenchen"} <= set(spellings("München"))
    assert {"straße", "strasse"} <= set(spellings("Straße"))
    assert {"osterreich", "oesterreich"} <= set(spellings("Österreich"))
    assert {"gruße", "grusse", "gruesse", "grueße"} <= set(spellings("gruesse"))
    assert len(spellings("Bundesausbildungsförderungsgesetz")) <= MAX_SPELLINGS
    assert build_fts_query('"x y"*') == '"x y" *'


@contextmanager
def ranked_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rank_all_up_to: int, pages: list[Page]
) -> Iterator[tuple[Library, list[int]]]:
    """A library of ``pages`` (oldest first) where only the newest ``rank_all_up_to`` matches are ranked."""
    monkeypatch.setattr(store, "RANK_ALL_UP_TO", rank_all_up_to)
    with Library(tmp_path / "lib.db") as lib:
        report = lib.import_paths([p.write(tmp_path / f"{n}.txt") for n, p in enumerate(pages)])
        yield lib, [i for _, i in report.imported]


def test_a_query_matching_very_many_articles_ranks_the_newest_and_the_title_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = [Page("Gemeinsam stark")] + [
        Page(f"Bericht {n}", paragraphs=[f"Gemeinsam geht es weiter, Teil {n}."]) for n in range(6)
    ]
    with ranked_library(tmp_path, monkeypatch, 3, pages) as (lib, ids):
        page = lib.search_page("gemeinsam")
        # The title match is older than the newest three, and ranked first all the same.
        first = [h.id for h in page.hits[:4]]
        assert first == [ids[0], *sorted(ids[-3:], key=first.index)]
        assert page.total == 7
        assert "erste Absatz" in page.hits[0].snippet  # the story's opening
        assert all("[[Gemeinsam]]" in h.snippet for h in page.hits[1:])
        assert [h.id for h in page.hits[4:]] == [ids[3], ids[2], ids[1]]
        # The unranked rest follows, newest first: every match is on some page.
        pages = [lib.search_page("gemeinsam", limit=2, offset=o).hits for o in (0, 2, 4, 6)]
        assert sorted(h.id for p in pages for h in p) == sorted(ids)
        assert [h.id for h in pages[2] + pages[3]] == [ids[3], ids[2], ids[1]]
        monkeypatch.setattr(store, "RANK_ALL_UP_TO", 1000)
        hits = lib.search("gemeinsam")
        assert len(hits) == 7 and hits[0].title == "Gemeinsam stark"
        assert all("[[Gemeinsam]]" in h.snippet for h in hits)


# -- German spellings: all of a word's spellings find the same articles -----

UMLAUT_PAGES = {
    "oe-initial": Page("Oesterreich wählt", paragraphs=["Ueber die Wahl in Oesterreich wird viel geredet."]),
    "oe-umlaut": Page("Österreich stimmt ab", paragraphs=["Über das Ergebnis in Österreich."]),
    "gruesse": Page("Grüße aus Wien", paragraphs=["Herzliche Grüße an die Straße."]),
    "gruesse-ascii": Page("Gruesse aus Graz", paragraphs=["Viele Gruesse aus der Strasse."]),
}


@pytest.fixture(scope="module")
def umlaut_lib(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("umlauts")
    library = Library(root / "library.db")
    library.import_paths([p.write(root / f"{n}.txt") for n, p in UMLAUT_PAGES.items()])
    yield library
    library.close()


@pytest.mark.parametrize("query", ["Österreich", "österreich", "osterreich", "oesterreich", "OESTERREICH"])
def test_word_initial_oe_is_an_umlaut(umlaut_lib: Library, query: str) -> None:
    assert sorted(titles(umlaut_lib, query)) == ["Oesterreich wählt", "Österreich stimmt ab"]


@pytest.mark.parametrize("query", ["Über", "über", "uber", "ueber", "Ueber"])
def test_word_initial_ue_is_an_umlaut(umlaut_lib: Library, query: str) -> None:
    assert sorted(titles(umlaut_lib, query)) == ["Oesterreich wählt", "Österreich stimmt ab"]


@pytest.mark.parametrize("query", ["Grüße", "grüsse", "grusse", "gruesse", "Grueße", "GRUESSE"])
def test_ue_and_ss_together(umlaut_lib: Library, query: str) -> None:
    assert sorted(titles(umlaut_lib, query)) == ["Gruesse aus Graz", "Grüße aus Wien"]


@pytest.mark.parametrize("query", ["Straße", "strasse", "STRASSE", "Stras*", "Straß*"])
def test_sharp_s_either_way(umlaut_lib: Library, query: str) -> None:
    assert sorted(titles(umlaut_lib, query)) == ["Gruesse aus Graz", "Grüße aus Wien"]


_SYLLABLE = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(["", "b", "gr", "str", "m", "l", "f", "k", "t", "sch", "w"]),
        st.sampled_from(["a", "o", "u", "ä", "ö", "ü", "e", "i", "au", "äu", "ei", "eu", "ie"]),
        st.sampled_from(["", "ß", "ss", "n", "r", "ch", "st", "l", "ße", "sse", "en", "e"]),
    ),
)
# Random German-looking words: one or two syllables, capitalised like a noun or not.
_GERMAN_WORD = st.builds(
    lambda parts, noun: (w.capitalize() if noun else w) if (w := "".join(parts)) else "Öl",
    st.lists(_SYLLABLE, min_size=1, max_size=2),
    st.booleans(),
)


def german_variants(word: str) -> set[str]:
    """How people type a German word: with umlauts and ß, without the dots, as ae/oe/ue, with ss."""
    lower = word.replace("ß", "ss")
    return {
        word,
        word.translate(str.maketrans("äöüÄÖÜ", "aouAOU")),
        word.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})),
        lower,
        lower.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})),
        lower.translate(str.maketrans("äöüÄÖÜ", "aouAOU")),
        word.upper().replace("ẞ", "SS"),
    }


@settings(max_examples=150, deadline=None)
@given(word=_GERMAN_WORD)
def test_every_spelling_of_a_german_word_finds_the_same_articles(word: str) -> None:
    from tuireader.model import Article

    # Written in capitals, "or" is the operator OR, not a word.
    variants = sorted(v for v in german_variants(word) if v not in ("OR", "AND", "NOT"))
    with tempfile.TemporaryDirectory() as home, Library(Path(home) / "library.db") as lib:
        stored = set()
        for n, spelled in enumerate(variants):
            article = Article(title=f"Meldung {n}", body=f"Heute geht es um {spelled} und mehr.")
            stored.add(lib.add(article, f"{article.title}\n{article.body}".encode())[0])
        found = {v: {h.id for h in lib.search(v, limit=100)} for v in variants}
    assert all(ids == stored for ids in found.values()), {v: sorted(stored - ids) for v, ids in found.items()}


# -- ranking, counting, snippets, bounds -------------------------------------


def test_an_exact_title_ranks_first_even_among_many_newer_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = [Page("Die Brücke von Wien")] + [
        Page(f"Die Brücke von Wien, Teil {n}", paragraphs=[f"Die Brücke von Wien, die Brücke, Teil {n}."])
        for n in range(12)
    ]
    with ranked_library(tmp_path, monkeypatch, 5, pages) as (lib, _ids):
        page = lib.search_page("die Brücke von Wien", limit=3)
        assert page.total == 13
        assert page.hits[0].title == "Die Brücke von Wien"
        # Behind more newer title matches than are ranked, too.
        monkeypatch.setattr(store, "RANK_OLDER_TITLES_UP_TO", 2)
        assert lib.search_page("die Brücke von Wien", limit=3).hits[0].title == "Die Brücke von Wien"


def test_search_pages_carry_the_total(lib: Library) -> None:
    first = lib.search_page("die", limit=2)
    assert first.total >= 4 and len(first.hits) == 2 and first.offset == 0
    rest = lib.search_page("die", limit=100, offset=2)
    assert len(rest.hits) == first.total - 2
    assert not {h.id for h in first.hits} & {h.id for h in rest.hits}


def test_snippets_show_no_markdown(tmp_path: Path) -> None:
    from tuireader.model import Article

    body = "## Titel\n\nDer **wichtige** Satz, 2 \\* 3, mit _Betonung_ und [Verweis](https://example.org/x) auf `Code`."
    with Library(tmp_path / "lib.db") as lib:
        lib.add(Article(title="Markdown im Text", body=body), body.encode())
        (hit,) = lib.search("wichtige Verweis")
        assert "**" not in hit.snippet and "](" not in hit.snippet and "`" not in hit.snippet and "#" not in hit.snippet
        assert hit.snippet == "Titel Der [[wichtige]] Satz, 2 * 3, mit Betonung und [[Verweis]] auf Code."


def test_a_query_of_many_words_searches_fewer_spellings_of_each() -> None:
    words = [f"Ausbauförderungsuhr{n}" for n in range(MAX_TERMS - 1)]
    expression = build_fts_query(" ".join([*words, "Österreich"]))
    assert expression.count('"') // 2 <= MAX_QUERY_SPELLINGS
    assert '"oesterreich"' in expression and '"ausbaufoerderungsuhr0"' in expression  # marked places first


def test_overlong_queries_are_refused_quickly(lib: Library) -> None:
    with pytest.raises(BadQuery, match="at most"):
        lib.search_page(" ".join(["Wort"] * (MAX_TERMS + 1)))
    with pytest.raises(BadQuery, match="at most"):
        lib.search_page("x" * 5000)
    assert lib.search(" ".join(["Wort"] * 5000)) == []  # search() never raises for user input
