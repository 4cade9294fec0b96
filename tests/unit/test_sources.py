"""Sources cited by title (issue #12.4): content/sources.yaml names every source document; readers see
its title and the section, never the file name, on every page of both editions; the file names stay in
the data and the API; a cited file missing from the registry is a `file:line: field: message` error."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

from ..conftest import ROOT

FILE_NAME = re.compile(r"[0-9]{3}\\?_[0-9a-f]{16}\.txt")


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    assert main(["--root", str(ROOT), "generate", str(out)]) == 0
    return out


def test_every_cited_file_has_a_title(catalog):
    cited = {s.file for p in catalog.programs.values() for s in p.sources}
    assert cited and cited <= set(catalog.sources)
    assert catalog.sources["002_33d05804b6a0116a.txt"].number == "中节协〔2024〕3号"


def test_no_page_names_a_source_file(generated):
    pages = [p for p in generated.rglob("*.md")]
    assert len(pages) > 100
    shown = [str(p.relative_to(generated)) for p in pages if FILE_NAME.search(p.read_text(encoding="utf-8"))]
    assert shown == []


@pytest.mark.parametrize("page", ["programs/carbon-sink-evaluator.md", "en/programs/carbon-sink-evaluator.md"])
def test_pages_cite_the_title_and_section(generated, page):
    text = (generated / page).read_text(encoding="utf-8")
    assert "《碳汇计量评估专业技能》 · PART04 考核培训" in text


def test_a_document_without_a_printed_title_is_described_not_quoted(generated):
    text = (generated / "programs/carbon-emission-administrator.md").read_text(encoding="utf-8")
    assert "碳排放管理员介绍资料 · 职业工种报考条件" in text
    assert "《碳排放管理员介绍资料》" not in text


def test_the_api_keeps_the_file_names(generated):
    detail = (generated / "api/v1/programs/carbon-sink-evaluator.json").read_text(encoding="utf-8")
    assert "000_5c4945766cffce33.txt" in detail


def test_a_cited_file_missing_from_the_registry_is_an_error(minimal_project):
    (minimal_project / "content/sources.yaml").write_text(
        "sources:\n  001_696128d07f6a27be.txt:\n    title: 通知\n    kind: notice\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(minimal_project), "validate"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert re.search(r"programs/test-program\.yaml:27: fees\[\d\]\.source\.file: source file "
                     r"'004_5a1526c59c4484a5\.txt' is not in content/sources\.yaml", result.stderr), result.stderr
    assert "001_696128d07f6a27be.txt' is not" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_registry_entry_is_checked_with_its_line(minimal_project):
    (minimal_project / "content/sources.yaml").write_text(
        "sources:\n  001_696128d07f6a27be.txt:\n    title: 通知\n    kind: leaflet\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(minimal_project), "validate"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/sources.yaml:4: sources.001_696128d07f6a27be.txt.kind:" in result.stderr, result.stderr
