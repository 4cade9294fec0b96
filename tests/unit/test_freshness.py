"""Freshness: pages say when facts were verified; a passed review date warns, and fails in CI."""

from __future__ import annotations

import logging

import pytest

from generator.cli import main
from generator.site import load_catalog
from generator.source.problems import CatalogError

from ..conftest import PROGRAM


def add_review_by(project, value: str) -> None:
    path = project / PROGRAM
    path.write_text(path.read_text(encoding="utf-8") + f"review_by: {value}\n", encoding="utf-8")


def test_a_future_review_date_is_quiet(minimal_project, caplog, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763683200")  # 2025-11-21
    add_review_by(minimal_project, "2026-12-01")
    with caplog.at_level(logging.WARNING, logger="catalog"):
        load_catalog(minimal_project, strict=True)
    assert not caplog.records


def test_overdue_review_warns_or_fails(minimal_project, caplog, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01
    add_review_by(minimal_project, "2026-12-01")
    with caplog.at_level(logging.WARNING, logger="catalog"):
        load_catalog(minimal_project, strict=False)
    assert "programs/test-program.yaml:37: review_by: review date 2026-12-01 has passed" in caplog.text
    with pytest.raises(CatalogError) as caught:
        load_catalog(minimal_project, strict=True)
    assert "review_by: review date 2026-12-01 has passed" in str(caught.value)


def test_ci_environment_makes_validation_strict(minimal_project, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    add_review_by(minimal_project, "2026-12-01")
    monkeypatch.setenv("CI", "true")
    assert main(["--root", str(minimal_project), "validate"]) == 1
    assert "review_by" in capsys.readouterr().err
    monkeypatch.setenv("CI", "")
    assert main(["--root", str(minimal_project), "validate"]) == 0


def test_review_date_cannot_precede_verification(minimal_project):
    add_review_by(minimal_project, "2020-01-01")
    with pytest.raises(CatalogError) as caught:
        load_catalog(minimal_project, strict=False)
    assert "review_by 2020-01-01 is before last_verified 2026-11-21" in str(caught.value)


