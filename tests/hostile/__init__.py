"""The hostile-input suite (a package, so its conftest and helpers never shadow the tests' own)."""
