"""Editors get every problem at once, as file:line: field: message, and nothing is written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.site import load_catalog
from generator.source.problems import CatalogError

from ..conftest import PROGRAM, edit


def problems_for(project: Path) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(project)
    return [str(p) for p in caught.value.problems]


def test_minimal_project_is_valid(minimal_project):
    catalog = load_catalog(minimal_project)
    assert list(catalog.programs) == ["test-program"]


@pytest.mark.parametrize(
    ("relpath", "old", "new", "expected"),
    [
        # unknown key, with a did-you-mean
        (PROGRAM, "summary: 测试用项目。", "summary: 测试用项目。\nsumary: x",
         "programs/test-program.yaml:4: sumary: unknown field; did you mean 'summary'?"),
        # wrong type
        (PROGRAM, "pass_mark: 60", "pass_mark: sixty",
         "programs/test-program.yaml:20: exam.pass_mark: Input should be a valid number"),
        # missing field
        (PROGRAM, "  mode: online\n", "",
         "programs/test-program.yaml:17: exam.mode: required field is missing"),
        # dangling references: programme → body, policy, syllabus
        (PROGRAM, "{body: issuer, role: issuer}", "{body: isuer, role: issuer}",
         "programs/test-program.yaml:5: bodies[0].body: no body with id 'isuer'; did you mean 'issuer'?"),
        (PROGRAM, "policies: [notice]", "policies: [notise]",
         "programs/test-program.yaml:33: policies[0]: no policy with id 'notise'; did you mean 'notice'?"),
        (PROGRAM, "syllabus: test-program", "syllabus: test-programme",
         "programs/test-program.yaml:9: levels[0].syllabus: no syllabus with id 'test-programme'"),
        # impossible dates
        ("content/policies/notice.yaml", "published: 2024-01-05", "published: 2024-02-30",
         "content/policies/notice.yaml:8: published: '2024-02-30' is not a real date"),
        (PROGRAM, "last_verified: 2026-11-21", "last_verified: 2026-13-01",
         "programs/test-program.yaml:36: last_verified:"),
        # negative fee
        (PROGRAM, "amount: 100", "amount: -100",
         "programs/test-program.yaml:24: fees[0].amount: Input should be greater than or equal to 0"),
        # a schedule rule that can never match
        (PROGRAM, "week: 3, weekday: saturday", "week: 0, weekday: saturday",
         "programs/test-program.yaml:30: schedule.rule: week 0 never matches"),
        # id and file name disagree
        ("content/bodies/issuer.yaml", "id: issuer", "id: issuer-two",
         "content/bodies/issuer.yaml:1: id: id 'issuer-two' must match the file name 'issuer'"),
        # duplicate glossary ids
        ("content/glossary.yaml", "terms:\n",
         "terms:\n  - {id: carbon-peak, zh: 碳达峰, en: x, definition: y, source: {file: 004_5a1526c59c4484a5.txt, section: z}}\n",
         "content/glossary.yaml:3: terms[1].id: duplicate id 'carbon-peak'"),
        # YAML syntax: duplicate keys and tabs
        (PROGRAM, "summary: 测试用项目。", "summary: 测试用项目。\nsummary: again",
         "programs/test-program.yaml:4: YAML syntax:"),
        (PROGRAM, "summary: 测试用项目。", "summary: 测试用项目。\n\tkind: x",
         "tabs are not allowed"),
    ],
)
def test_each_problem_is_reported_with_file_line_and_field(minimal_project, relpath, old, new, expected):
    edit(minimal_project, relpath, old, new)
    found = problems_for(minimal_project)
    assert any(expected in problem for problem in found), found


def test_all_problems_of_one_run_are_reported_together(minimal_project):
    edit(minimal_project, PROGRAM, "summary: 测试用项目。", "summary: 测试用项目。\nsumary: x")
    edit(minimal_project, "content/policies/notice.yaml", "published: 2024-01-05", "published: 2024-02-30")
    found = problems_for(minimal_project)
    assert any("sumary" in p for p in found) and any("2024-02-30" in p for p in found)


def test_empty_and_non_utf8_files_are_clean_errors(minimal_project):
    (minimal_project / "content/bodies/empty.yaml").write_text("", encoding="utf-8")
    (minimal_project / "content/bodies/latin.yaml").write_bytes("id: x\nname: caf\xe9\n".encode("latin-1"))
    found = problems_for(minimal_project)
    assert "content/bodies/empty.yaml:1: file is empty" in found
    assert any(p.startswith("content/bodies/latin.yaml:2:") and "UTF-8" in p for p in found)


def test_cli_exits_1_with_messages_and_no_traceback(minimal_project):
    edit(minimal_project, PROGRAM, "pass_mark: 60", "pass_mark: sixty")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(minimal_project), "validate"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "programs/test-program.yaml:20: exam.pass_mark:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_cli_validate_passes_on_a_good_project(minimal_project):
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(minimal_project), "validate"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: 1 programmes")


