"""What the HTML parser makes of each fixture page, against its readable JSON snapshot (html_snapshots.py)."""

from __future__ import annotations

import pytest
from html_snapshots import TRAFILATURA, field_diff, fixtures, parsed, recorded

from tuireader.ingest import PARSER_VERSION

HOW = "bump PARSER_VERSION in tuireader/ingest/__init__.py, then run `python tests/html_snapshots.py`"


def test_every_fixture_page_has_a_snapshot() -> None:
    missing = [name for name in fixtures() if recorded(name) is None]
    assert len(fixtures()) >= 6
    assert missing == [], f"no snapshot for {missing}: run `python tests/html_snapshots.py`"


@pytest.mark.parametrize("name", sorted(fixtures()))
def test_parse_matches_the_snapshot(name: str) -> None:
    before = recorded(name)
    if before is None:
        pytest.skip(f"no snapshot of {name} yet")
    if before["trafilatura"] != TRAFILATURA:
        pytest.skip(f"snapshot made with trafilatura {before['trafilatura']}, this is {TRAFILATURA}")
    now = parsed(fixtures()[name])
    if before["parser_version"] != PARSER_VERSION:
        assert before["parser_version"] < PARSER_VERSION, f"the snapshot is for a newer parser: {HOW}"
        pytest.fail(f"parser version {PARSER_VERSION} has no snapshot of {name}: run `python tests/html_snapshots.py`")
    diff = field_diff(before["article"], now)
    assert not diff, f"the parse of {name} changed ({HOW}):\n" + "\n".join(diff)


def test_field_diff_names_each_changed_field_and_teaser() -> None:
    before = {"title": "A", "body": "one\n\ntwo", "related": [{"title": "x"}], "lead": None}
    after = {"title": "B", "body": "one\n\nthree", "related": [{"title": "x"}, {"title": "y"}], "lead": None}
    lines = field_diff(before, after)
    assert 'title: "A" -> "B"' in lines
    assert "body:" not in lines  # short texts are shown whole
    assert 'body: "one\\n\\ntwo" -> "one\\n\\nthree"' in lines
    assert "related: 1 -> 2 teasers" in lines
    assert not any(line.startswith("lead") for line in lines)
