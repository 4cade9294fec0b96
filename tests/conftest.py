"""Shared fixtures and helpers for every tier.

The tests are in three tiers, one folder each, marked automatically by folder:
- tests/unit/ (`unit`): no site build and no browser; fast (`make test-fast` runs `pytest -m unit`);
- tests/site/ (`site`): need the built site or a full generation of the real project;
- tests/browser/ (`browser`): drive Debian's chromium against the built site.

The real site is built once per session (`built_site`), for the site and browser tiers alike; only
tests that must build a modified copy build their own.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
MINIMAL = TESTS / "fixtures" / "minimal"
TIERS = ("unit", "site", "browser")


def pytest_configure(config: pytest.Config) -> None:
    for tier in TIERS:  # also registered in pyproject.toml; here too for runs from other folders
        config.addinivalue_line("markers", f"{tier}: tests in tests/{tier}/")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test with its tier, from the folder it is in (tests/<tier>/...)."""
    for item in items:
        try:
            folder = Path(str(item.path)).resolve().relative_to(TESTS).parts[0]
        except ValueError:
            continue
        if folder in TIERS:
            item.add_marker(getattr(pytest.mark, folder))


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
    from generator.site import load_catalog

    return load_catalog(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalogue, built once per session with the strict pipeline: the one build that every
    site and browser test reads (tests that need a modified project build their own copy)."""
    from generator.engine.site_build import build_site

    return build_site(ROOT, tmp_path_factory.mktemp("build") / "site")


# --- readers for built HTML and trees ---------------------------------------------------------------------

_TAGS = re.compile(r"<[^>]+>")


def page_text(site: Path, url_path: str) -> str:
    """The visible text of a built page's article, whitespace folded."""
    raw = (site / url_path / "index.html").read_text(encoding="utf-8")
    article = raw[raw.index("<article"): raw.index("</article>")]
    return " ".join(html.unescape(_TAGS.sub(" ", article)).split())


def folded(text: str) -> str:
    return " ".join(str(text).split())


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder`, by relative path, with the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def zh_build(catalog, today, site_url: str | None = None):
    """The Chinese edition's Build for `catalog` on `today` (what a feature's `files(build)` is handed)."""
    from generator.site import make_build
    from generator.words.editions import ZH

    return make_build(catalog, ZH, today, site_url)


def en_build(catalog, today, site_url: str | None = None):
    """The English edition's Build."""
    from generator.site import make_build
    from generator.words.editions import EN

    return make_build(catalog, EN, today, site_url)
