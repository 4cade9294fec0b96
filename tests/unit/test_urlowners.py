"""The URL-ownership check reads a file's lines only for the claims it reports (issue #14).

Finding a line re-reads the file with the round-trip loader; doing that for every claim made the check
take most of a 1,000-programme build. Counted here as calls, never timed."""

from __future__ import annotations

import shutil

import pytest

from generator.publish import urlowners
from generator.site import PAGES_FOLDER
from generator.source.load import RawDocument, load_project
from generator.source.validate import validate_project

from ..conftest import MINIMAL, ROOT, TESTS


@pytest.fixture
def line_lookups(monkeypatch):
    """Every file whose lines are looked up, once per lookup."""
    files: list[str] = []
    original = RawDocument.line_of

    def counted(doc, loc):
        files.append(doc.relpath)
        return original(doc, loc)

    monkeypatch.setattr(RawDocument, "line_of", counted)
    return files


def _valid(root):
    raw, problems = load_project(root)
    project, more = validate_project(raw)
    assert not problems + more
    return project


@pytest.mark.parametrize("root", [ROOT, MINIMAL], ids=["real", "minimal"])
def test_a_clean_catalogue_reads_no_lines(root, line_lookups):
    project = _valid(root)
    claims = urlowners._claims(project)
    assert len(claims) >= len(project.programs) + len(project.syllabi)  # the check had something to check

    assert urlowners.check_data(project, urlowners.hand_written_files(root, PAGES_FOLDER)) == []
    assert line_lookups == []


def test_a_clash_reads_the_lines_of_its_two_files_only(tmp_path, line_lookups):
    project_root = tmp_path / "project"
    shutil.copytree(MINIMAL, project_root)
    shutil.copy(TESTS / "broken" / "former-id-takes-live-page.yaml", project_root / "programs" / "other-program.yaml")
    project = _valid(project_root)

    problems = urlowners.check_data(project, {})

    assert [str(p) for p in problems] == [
        "programs/other-program.yaml:2: former_ids[0]: /programs/test-program/ would be a redirect to programme "
        "'other-program', but it is already programs/test-program.yaml:1 (the page of programme 'test-program'); "
        "every URL has one owner: choose another id, or remove this one"]
    assert sorted(set(line_lookups)) == ["programs/other-program.yaml", "programs/test-program.yaml"]
    assert len(line_lookups) == 2

