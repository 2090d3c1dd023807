"""The data layer (ingest, library, web) stands without the UI: it never imports textual."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

_PROGRAM = """
import importlib, pkgutil, sys
import tuireader.ingest, tuireader.library, tuireader.web
for package in (tuireader.ingest, tuireader.library, tuireader.web):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
from tuireader.ingest import parse_bytes, parse_file
from tuireader.library import Library
parse_file(sys.argv[1])
parse_bytes(b"<!DOCTYPE html><html><head><title>T</title></head><body><article><h1>T</h1><p>Ein Satz.</p></article></body></html>")
with Library(":memory:") as lib:
    lib.import_paths([sys.argv[1]])
    lib.search("Kasachstan")
print(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.")))
"""


def test_ingest_and_library_never_import_textual() -> None:
    seed = ROOT / "samples" / "dwn-2022-01-10-putin-kasachstan.txt"
    out = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(seed)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
