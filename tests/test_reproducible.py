"""Two builds of the same tree with the same fixed date are byte-identical."""

from __future__ import annotations

from generator.pipeline import build_site

from .conftest import ROOT
from .test_broken_corpus import tree_digest


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763683200")
    first = build_site(ROOT, tmp_path / "first")
    second = build_site(ROOT, tmp_path / "second")
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert len(files) > 100
    assert tree_digest(first) == tree_digest(second)
