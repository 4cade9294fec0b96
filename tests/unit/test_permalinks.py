"""Published URLs and anchors keep working: renames redirect, deletions are deliberate."""

from __future__ import annotations

from generator.cli import main
from generator.publish import permalinks


def register(project) -> None:
    assert main(["--root", str(project), "urls", "--update"]) == 0


def rename_program(project, new_id: str, former: bool) -> None:
    old = project / "programs/test-program.yaml"
    text = old.read_text(encoding="utf-8").replace("id: test-program", f"id: {new_id}", 1)
    if former:
        text = text.replace(f"id: {new_id}\n", f"id: {new_id}\nformer_ids: [test-program]\n", 1)
    old.unlink()
    (project / f"programs/{new_id}.yaml").write_text(text.replace("syllabus: test-program", f"syllabus: {new_id}"),
                                                     encoding="utf-8")
    syllabus = project / "syllabi/test-program.yaml"
    (project / f"syllabi/{new_id}.yaml").write_text(
        syllabus.read_text(encoding="utf-8").replace("program: test-program", f"program: {new_id}"), encoding="utf-8")
    syllabus.unlink()


def test_registry_lists_pages_and_anchors(minimal_project):
    register(minimal_project)
    urls = {url for _, url in permalinks.read_registry(minimal_project)}
    assert {"/programs/test-program/", "/programs/test-program/#junior", "/syllabi/test-program/#carbon-basics",
            "/glossary/#carbon-peak", "/policies/notice/"} <= urls


def test_a_vanished_url_fails_the_build_and_names_the_registry_line(minimal_project, capsys):
    register(minimal_project)
    rename_program(minimal_project, "renamed-program", former=False)
    assert main(["--root", str(minimal_project), "build"]) == 1
    err = capsys.readouterr().err
    assert "published-urls.txt:" in err and "/programs/test-program/: this published URL no longer exists" in err






