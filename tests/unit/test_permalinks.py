"""Published URLs and anchors keep working: renames redirect, deletions are deliberate."""

from __future__ import annotations

from generator.cli import main
from generator.publish import permalinks

from ..conftest import register, rename_program


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


