"""Editors' JSON Schemas are published with the built site."""

from __future__ import annotations

import json


def test_schemas_are_published_with_the_site(built_site):
    published = json.loads((built_site / "schema/program.schema.json").read_text(encoding="utf-8"))
    assert published["title"] == "Program" and "levels" in published["properties"]
