"""Bad input never reaches the site: every broken file gives file:line: field: message, exit 1,
no traceback, and the existing site/ stays as it was."""

from __future__ import annotations

import re
import shutil

import pytest
from ruamel.yaml import YAML

from generator.cli import main
from generator.engine.site_build import build_site

from ..conftest import MINIMAL, ROOT, TESTS, tree_digest

BROKEN = TESTS / "broken"
CASES = YAML(typ="safe").load((BROKEN / "cases.yaml").read_text(encoding="utf-8"))["cases"]
PROBLEM_LINE = re.compile(r"^[\w./-]+\.yaml:\d+: ")


@pytest.fixture(scope="module")
def built_minimal(tmp_path_factory, request):
    """The minimal project, built once; each case starts from a copy of it, site included."""
    project = tmp_path_factory.mktemp("corpus") / "project"
    shutil.copytree(MINIMAL, project)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    build_site(project)
    return project


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_broken_input_is_refused_cleanly(case, built_minimal, tmp_path, capsys):
    project = tmp_path / "project"
    shutil.copytree(built_minimal, project)
    before = tree_digest(project / "site")
    target = project / case["target"]
    target.parent.mkdir(parents=True, exist_ok=True)
    if case["name"] == "huge":
        target.write_text("summary: " + "碳" * 700_000 + "\n", encoding="utf-8")
    else:
        shutil.copy(BROKEN / f"{case['name']}.yaml", target)

    exit_code = main(["--root", str(project), "build"])

    captured = capsys.readouterr()
    assert exit_code == 1
    problems = [line for line in captured.err.splitlines() if not line.endswith("nothing was written.")]
    assert problems and all(PROBLEM_LINE.match(line) for line in problems), captured.err
    assert case["expect"] in captured.err, captured.err
    assert len(problems) == case.get("problems", len(problems)), captured.err
    assert "Traceback" not in captured.err + captured.out
    assert tree_digest(project / "site") == before
    assert not list(project.glob(".site-*"))
