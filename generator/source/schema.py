"""JSON Schemas for editors, generated from the same models the validator uses."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from generator.source.validate import MODEL_OF_KIND

SCHEMA_FOLDER = "schema"


def schema_name(kind: str) -> str:
    return f"{kind}.schema.json"


def schemas() -> dict[str, str]:
    """schema file name → JSON text, for every YAML kind."""
    out = {}
    for kind, model in MODEL_OF_KIND.items():
        schema = model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": schema_name(kind), **schema}
        out[schema_name(kind)] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def modeline(kind: str, relpath: str) -> str:
    """The first line of a data file, pointing editors at its schema."""
    depth = len(PurePosixPath(relpath).parts) - 1
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_FOLDER}/{schema_name(kind)}"
