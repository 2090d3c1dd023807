"""The crawl parser's output changes only together with PARSER_VERSION (see parser_golden.py)."""

from __future__ import annotations

from parser_golden import digests, recorded

from tuireader.ingest import PARSER_VERSION

HOW = "bump PARSER_VERSION in tuireader/ingest/__init__.py, then run `python tests/parser_golden.py`"


def test_parser_output_changes_only_with_a_new_parser_version() -> None:
    version, before = recorded()
    now = digests()
    assert len(now) >= 50 and set(now) == set(before)
    changed = sorted(name for name in now if now[name] != before[name])
    if version == PARSER_VERSION:
        assert changed == [], f"the parser's output changed for {changed[:5]}: {HOW}"
    else:
        assert version < PARSER_VERSION, f"the recorded output is for a newer parser ({version}): {HOW}"
        raise AssertionError(
            f"parser version {PARSER_VERSION} has no recorded output: run `python tests/parser_golden.py`"
        )
