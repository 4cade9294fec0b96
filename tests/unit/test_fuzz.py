"""Fuzzing: any input ends in a valid model or a clean list of problems, never an exception."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from generator.source.load import RawDocument, RawProject, parse_file
from generator.source.validate import validate_project

from ..conftest import MINIMAL

KINDS = {
    "program": "programs/test-program.yaml",
    "policy": "content/policies/notice.yaml",
    "body": "content/bodies/issuer.yaml",
    "syllabus": "syllabi/test-program.yaml",
    "glossary": "content/glossary.yaml",
}
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.text(max_size=20), st.sampled_from(["2024-02-30", "junior", "issuer", "notice", "online", "09:00", "-1"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=20,
)


def check(kind: str, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.yaml"
        path.write_bytes(raw)
        data, problems = parse_file(path, KINDS[kind])
    if data is None:
        assert problems and all(p.line >= 1 for p in problems)
        return
    project = RawProject(MINIMAL, (RawDocument(kind, path, KINDS[kind], data),), ())
    _valid, problems = validate_project(project)
    assert all(str(p).startswith(KINDS[kind] + ":") for p in problems)


@FUZZ
@given(kind=st.sampled_from(sorted(KINDS)), raw=st.binary(max_size=400))
def test_any_bytes(kind, raw):
    check(kind, raw)


@FUZZ
@given(kind=st.sampled_from(sorted(KINDS)), text=st.text(alphabet=st.sampled_from(list("ab:- \n\t[]{}&*!|>'\"#%@`,?碳：")), max_size=200))
def test_yaml_like_text(kind, text):
    check(kind, text.encode("utf-8"))


@FUZZ
@given(kind=st.sampled_from(sorted(KINDS)), data=st.data())
def test_mutated_valid_documents(kind, data):
    """Take a valid file, replace one value anywhere in it with something random."""
    yaml = YAML(typ="rt")
    document = yaml.load((MINIMAL / KINDS[kind]).read_text(encoding="utf-8"))
    node, paths = document, []

    def walk(value, path):
        paths.append(path)
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, path + (key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, path + (index,))

    walk(document, ())
    path = data.draw(st.sampled_from(paths[1:]))
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = data.draw(values)
    buffer = io.StringIO()
    YAML().dump(document, buffer)
    check(kind, buffer.getvalue().encode("utf-8"))
