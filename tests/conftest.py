from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    """A small valid project (with the real site config) that a test may break."""
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    return project


@pytest.fixture(scope="session")
def catalog():
    from generator import load_catalog

    return load_catalog(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real catalogue, built once per session with the strict pipeline."""
    from generator import build_site

    return build_site(ROOT, tmp_path_factory.mktemp("build") / "site")
