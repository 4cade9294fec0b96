"""`catalog new` writes files that pass validation as they are."""

from __future__ import annotations

import pytest

from generator.cli import main
from generator.site import load_catalog


@pytest.mark.parametrize(("kind", "ident", "relpath"), [
    ("program", "new-programme", "programs/new-programme.yaml"),
    ("policy", "new-policy", "content/policies/new-policy.yaml"),
    ("body", "new-body", "content/bodies/new-body.yaml"),
    ("syllabus", "test-program/junior", "syllabi/test-program/junior.yaml"),
])
def test_scaffold_passes_validation(minimal_project, kind, ident, relpath, capsys):
    if kind == "syllabus":
        (minimal_project / "syllabi/test-program.yaml").unlink()
        text = (minimal_project / "programs/test-program.yaml").read_text(encoding="utf-8")
        (minimal_project / "programs/test-program.yaml").write_text(
            text.replace("syllabus: test-program", "syllabus: test-program/junior"), encoding="utf-8")
    assert main(["--root", str(minimal_project), "new", kind, ident]) == 0
    written = (minimal_project / relpath).read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=")
    assert written.count("#") >= 4, "every scaffold explains its fields"
    load_catalog(minimal_project)


def test_scaffold_refuses_bad_ids_and_existing_files(minimal_project, capsys):
    assert main(["--root", str(minimal_project), "new", "program", "碳资产"]) == 1
    assert "not a valid id" in capsys.readouterr().err
    assert main(["--root", str(minimal_project), "new", "program", "test-program"]) == 1
    assert "already exists" in capsys.readouterr().err
