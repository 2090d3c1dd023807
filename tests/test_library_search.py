"""Full-text search: German-friendly, ranked, never over teasers, never crashing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_library_support import Card, Page

from tuireader.library import Library
from tuireader.library.search import build_fts_query, spellings


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
    assert lib.search("Kasach") == []  # without the star a prefix is not a word


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
@given(st.text(alphabet=st.sampled_from(list("ab \"*()-:^+ORANDNOTNEAR{}ä.,'")), max_size=25))
def test_no_query_makes_search_raise(lib: Library, query: str) -> None:
    assert isinstance(lib.search(query), list)


def test_queries_without_words_find_nothing(lib: Library) -> None:
    for query in ("", "   ", "***", '""', "-Kasachstan", "(((", "AND OR NOT"):
        assert lib.search(query) == []


def test_spellings_cover_the_german_variants() -> None:
    assert set(spellings("Muenchen")) == {"muenchen", "munchen"}
    assert set(spellings("München")) == {"münchen", "muenchen"}
    assert set(spellings("Straße")) == {"straße", "strasse"}
    assert build_fts_query('"a b"*') == '"a b" *'


def test_a_query_matching_very_many_articles_ranks_the_newest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tuireader.library import store

    monkeypatch.setattr(store, "RANK_ALL_UP_TO", 3)
    pages = [Page("Gemeinsam stark")] + [
        Page(f"Bericht {n}", paragraphs=[f"Gemeinsam geht es weiter, Teil {n}."]) for n in range(6)
    ]
    with Library(tmp_path / "lib.db") as lib:
        ids = [i for _, i in lib.import_paths([p.write(tmp_path / f"{n}.txt") for n, p in enumerate(pages)]).imported]
        hits = lib.search("gemeinsam")
        assert {h.id for h in hits} == set(ids[-3:])  # the title match is older than the newest three
        monkeypatch.setattr(store, "RANK_ALL_UP_TO", 1000)
        hits = lib.search("gemeinsam")
        assert len(hits) == 7 and hits[0].title == "Gemeinsam stark"
        assert all("[[Gemeinsam]]" in h.snippet for h in hits)
