"""The crawl parser's output changes only together with PARSER_VERSION (see parser_golden.py)."""

from __future__ import annotations

from parser_golden import field_diff, recorded, snapshots

from tuireader.ingest import PARSER_VERSION

HOW = "bump PARSER_VERSION in tuireader/ingest/__init__.py, then run `python tests/parser_golden.py`"


def test_parser_output_changes_only_with_a_new_parser_version() -> None:
    version, before = recorded()
    now = snapshots()
    assert len(now) >= 50 and set(now) == set(before)
    changed = sorted(name for name in now if now[name] != before[name])
    if version == PARSER_VERSION:
        report = [f"{name}: {'; '.join(field_diff(before[name], now[name]))}" for name in changed[:5]]
        assert changed == [], "the parser's output changed:\n" + "\n".join(report) + f"\n{HOW}"
    else:
        assert version < PARSER_VERSION, f"the recorded output is for a newer parser ({version}): {HOW}"
        raise AssertionError(
            f"parser version {PARSER_VERSION} has no recorded output: run `python tests/parser_golden.py`"
        )


def test_a_changed_field_is_named_with_its_old_and_new_value() -> None:
    before = {"title": "Alt", "body": "Gleich", "tags": ["a"]}
    now = {"title": "Neu", "body": "Gleich", "tags": ["a", "b"]}
    assert field_diff(before, now) == ['tags: ["a"] -> ["a", "b"]', 'title: "Alt" -> "Neu"']
