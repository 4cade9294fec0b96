"""Editors' JSON Schemas: generated from the models, committed, published, and referenced by every file."""

from __future__ import annotations

import json

import jsonschema
import pytest

from generator.source.load import KIND_GLOBS, parse_file
from generator.source.schema import modeline, schemas

from ..conftest import ROOT

DATA_FILES = [(kind, path) for kind, pattern in KIND_GLOBS for path in sorted(ROOT.glob(pattern))]


def test_committed_schemas_match_the_models():
    for name, text in schemas().items():
        committed = ROOT / "schema" / name
        assert committed.is_file(), f"run `catalog schema` to write {name}"
        assert committed.read_text(encoding="utf-8") == text, f"schema/{name} is stale: run `catalog schema`"


@pytest.mark.parametrize(("kind", "path"), DATA_FILES, ids=[p.relative_to(ROOT).as_posix() for _, p in DATA_FILES])
def test_data_file_names_and_satisfies_its_schema(kind, path):
    relpath = path.relative_to(ROOT).as_posix()
    assert path.read_text(encoding="utf-8").splitlines()[0] == modeline(kind, relpath)
    data, problems = parse_file(path, relpath)
    assert not problems
    schema = json.loads(schemas()[f"{kind}.schema.json"])
    jsonschema.validate(json.loads(json.dumps(data)), schema)


def test_schema_rejects_what_the_validator_rejects():
    schema = json.loads(schemas()["body.schema.json"])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "nmae": {}}, schema)


