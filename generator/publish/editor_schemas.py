"""The editors' JSON Schemas (schema/*.schema.json), published with the site under /schema/."""

from __future__ import annotations

from generator.pages.build import Build
from generator.source.schema import SCHEMA_FOLDER, schemas


def files(build: Build) -> dict[str, str]:
    return {f"{SCHEMA_FOLDER}/{name}": text for name, text in schemas().items()}
