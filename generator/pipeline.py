"""load → validate → model → render → write, readable top to bottom."""

from __future__ import annotations

from pathlib import Path

from .catalog import Catalog, build_catalog
from .load import load_project
from .problems import CatalogError
from .validate import validate_project


def load_catalog(root: Path) -> Catalog:
    raw, problems = load_project(root)
    project, more = validate_project(raw)
    problems += more
    if problems:
        raise CatalogError(problems)
    return build_catalog(project)
