"""load → validate → model → render → write, readable top to bottom."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from .catalog import Catalog, build_catalog
from .load import load_project
from .problems import CatalogError, Problem
from .render import render_site, search_dictionary
from .validate import validate_project

WATCHED_FOLDERS = ("programs", "syllabi", "content")
PAGES_FOLDER = Path("content/pages")


def load_catalog(root: Path) -> Catalog:
    raw, problems = load_project(root)
    project, more = validate_project(raw)
    problems += more
    if problems:
        raise CatalogError(problems)
    return build_catalog(project)


def search_dictionary_file(root: Path, catalog: Catalog) -> Path:
    path = root / ".cache" / "catalog" / "jieba_user_dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(search_dictionary(catalog), encoding="utf-8")
    return path


def generate_to(root: Path, out: Path) -> int:
    """Write the whole page tree as Markdown, for any static-site engine."""
    catalog = load_catalog(root)
    pages_root = root / PAGES_FOLDER
    pages = render_site(catalog, sorted(pages_root.glob("**/*.md")), pages_root)
    staging = Path(tempfile.mkdtemp(prefix=".generate-", dir=out.parent if out.parent.exists() else None))
    for path, content in pages.items():
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    _swap_in(staging, out)
    return len(pages)


def build_site(root: Path, site_dir: Path | None = None) -> Path:
    """Validate, then build with MkDocs into a temporary folder; swap it in only on success."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    load_catalog(root)  # fail fast, before MkDocs starts, with every problem listed
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = site_dir or root / "site"
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    warnings = _WarningCollector()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(staging), strict=True)
        build(config)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        found = [Problem("mkdocs.yml", 1, "", f"site build: {w}") for w in warnings.messages]
        raise CatalogError(found or [Problem("mkdocs.yml", 1, "", f"site build failed: {exc}")]) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
    _swap_in(staging, site_dir)
    return site_dir


class _WarningCollector(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build says what failed."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _swap_in(staging: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
