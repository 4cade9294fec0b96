"""`catalog init DIR`: a new catalogue project that builds as it is.

The project template ships with the package (generator/project_template/, package data): the MkDocs
configuration with the catalog plugin, the data folders with ONE made-up sample programme (a barista
certificate, marked as a sample everywhere), the field's content/site.yaml and content/schemes.yaml, a
home page, an empty published-URL registry, a README, and the theme (site_overrides/, copied so the
project builds without this repository and can change its theme). The editors' JSON Schemas are
written into schema/ as `catalog schema` writes them.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from generator.source.schema import write_schemas

TEMPLATE = Path(__file__).resolve().parent.parent / "project_template"
# Files stored under another name in the package (a dot file would be left out of package data).
RENAMED = {"gitignore": ".gitignore"}
TODAY_MARK = "{{today}}"


class StarterError(ValueError):
    pass


def init_project(target: Path, today: dt.date | None = None) -> list[Path]:
    """Write a new project into `target` (missing or empty); the files written, sorted."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise StarterError(f"{target} is not empty; choose a new or empty folder (nothing was written)")
    if not (TEMPLATE / "mkdocs.yml").is_file() or not (TEMPLATE / "site_overrides").is_dir():
        raise StarterError(f"the project template is missing from the installed package ({TEMPLATE})")
    target.mkdir(parents=True, exist_ok=True)
    stamp = (today or dt.date.today()).isoformat()
    # os.walk follows the theme's link in a source checkout (Path.rglob does not).
    found = [Path(folder) / name for folder, _, names in os.walk(TEMPLATE, followlinks=True) for name in names]
    for source in sorted(found):
        if "__pycache__" in source.parts:
            continue
        relative = source.relative_to(TEMPLATE)
        dest = target / relative.with_name(RENAMED.get(relative.name, relative.name))
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".yaml":
            dest.write_text(source.read_text(encoding="utf-8").replace(TODAY_MARK, stamp), encoding="utf-8")
        else:
            shutil.copyfile(source, dest)
    write_schemas(target)
    return sorted(p for p in target.rglob("*") if p.is_file())
