"""Open data: /api/v1/ files validate against their published schemas, v1 only grows, the CTDL export has
one ConditionProfile per eligibility route, and JSON-LD cannot break out of its script element. The
JSON-LD of the built pages is checked in tests/site/test_opendata.py."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re

import jsonschema
import pytest
import yaml

from generator.pages.build import with_front_matter
from generator.publish import ctdl, jsonld, opendata
from generator.words.phrases import describe_condition

from ..conftest import ROOT, TESTS, zh_build

TODAY = dt.date(2026, 11, 21)
SITE = "https://catalog.example.org/"
PINNED = TESTS / "api_v1_fields.txt"
LD_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


@pytest.fixture(scope="module")
def files(catalog) -> dict:
    return dict(opendata.files(zh_build(catalog, TODAY, SITE)))


def schema(name: str) -> dict:
    return json.loads(opendata.schemas()[opendata.schema_file(name)])


def closed(node):
    """The schema with no room for undocumented fields: every emitted field must be in it."""
    if isinstance(node, dict):
        out = {k: closed(v) for k, v in node.items()}
        if "properties" in out:
            out["additionalProperties"] = False
        return out
    if isinstance(node, list):
        return [closed(v) for v in node]
    return node


def api_documents(files: dict) -> list[tuple[str, str, dict]]:
    """(path, schema name, parsed JSON) for every API data file."""
    root = opendata.API_ROOT
    found = [(f"{root}/{n}.json", n) for n in ("programs", "policies", "bodies", "calendar")]
    found += [(path, "program") for path in files if path.startswith(f"{root}/programs/")]
    return [(path, name, json.loads(files[path])) for path, name in found]


# --- the API files and their schemas ---------------------------------------------------------------------


def test_every_endpoint_is_published(files, catalog):
    root = opendata.API_ROOT
    for name in ("programs", "policies", "bodies", "calendar", "ctdl"):
        assert f"{root}/{name}.json" in files
    for pid in catalog.programs:
        assert f"{root}/programs/{pid}.json" in files
    for name in opendata.ENDPOINTS:
        assert f"{opendata.SCHEMA_DIR}/{opendata.schema_file(name)}" in files
    assert opendata.DOC_PAGE in files


def test_api_files_validate_against_their_schemas(files):
    documents = api_documents(files)
    assert len(documents) > 15
    for path, name, data in documents:
        assert re.fullmatch(r"1\.\d+", data["schema_version"]), path
        assert data["schema_url"] == f"{SITE}{opendata.SCHEMA_DIR}/{opendata.schema_file(name)}"
        jsonschema.Draft202012Validator(schema(name)).validate(data)
        # …and the schema documents every field the file carries.
        jsonschema.Draft202012Validator(closed(schema(name))).validate(data)


def test_schemas_are_valid_and_open(files):
    for name in opendata.ENDPOINTS:
        published = json.loads(files[f"{opendata.SCHEMA_DIR}/{opendata.schema_file(name)}"])
        jsonschema.Draft202012Validator.check_schema(published)
        assert published == schema(name)
        assert "additionalProperties\": false" not in json.dumps(published), "v1 schemas allow added fields"


def test_committed_api_schemas_match_the_models():
    for name, text in opendata.schemas().items():
        committed = ROOT / opendata.COMMITTED_SCHEMA_DIR / name
        assert committed.is_file(), f"run `catalog schema` to write {committed.relative_to(ROOT)}"
        assert committed.read_text(encoding="utf-8") == text, f"{committed.relative_to(ROOT)} is stale: run `catalog schema`"


def pinned_fields() -> dict[str, set[str]]:
    pinned: dict[str, set[str]] = {}
    for line in PINNED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, path = line.split()
            pinned.setdefault(name, set()).add(path)
    return pinned


def missing_fields(pinned: dict[str, set[str]], current: dict[str, dict]) -> list[str]:
    return sorted(f"{name} {path}" for name, paths in pinned.items()
                  for path in paths - opendata.field_paths(current[name]))


def test_v1_keeps_every_pinned_field():
    """Adding fields is allowed; removing or renaming one fails here (it needs /api/v2/)."""
    pinned = pinned_fields()
    assert set(pinned) == {opendata.schema_file(n) for n in opendata.ENDPOINTS}
    assert sum(len(p) for p in pinned.values()) > 300
    current = {name: json.loads(text) for name, text in opendata.schemas().items()}
    missing = missing_fields(pinned, current)
    assert not missing, f"v1 fields removed or renamed (publish /api/v2/ instead): {missing[:10]}"


def test_every_field_is_pinned_under_the_current_version():
    """A new field is pinned when it is added, under a new minor version that SCHEMA_VERSION names."""
    pinned = pinned_fields()
    current = {name: json.loads(text) for name, text in opendata.schemas().items()}
    unpinned = sorted(f"{name} {path}" for name, schema in current.items()
                      for path in opendata.field_paths(schema) - pinned.get(name, set()))
    assert not unpinned, f"new v1 fields: append them to {PINNED.name} under a new version: {unpinned[:10]}"
    versions = re.findall(r"^# version (1\.\d+)", PINNED.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert versions and versions[-1] == opendata.SCHEMA_VERSION


def test_the_pin_catches_a_removed_field_but_not_an_added_one():
    pinned = pinned_fields()
    current = {name: json.loads(text) for name, text in opendata.schemas().items()}
    grown = copy.deepcopy(current)
    grown["programs.schema.json"]["$defs"]["ProgramSummary"]["properties"]["new_field"] = {"type": "string"}
    assert not missing_fields(pinned, grown)
    shrunk = copy.deepcopy(current)
    del shrunk["programs.schema.json"]["$defs"]["LevelSummary"]["properties"]["status"]
    assert missing_fields(pinned, shrunk) == ["programs.schema.json programs[].levels[].status"]


def test_the_data_matches_the_catalogue(files, catalog):
    programs = json.loads(files[f"{opendata.API_ROOT}/programs.json"])["programs"]
    assert [p["id"] for p in programs] == [p.id for p in sorted(
        catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id))]
    detail = json.loads(files[f"{opendata.API_ROOT}/programs/carbon-asset-manager.json"])["program"]
    program = catalog.programs["carbon-asset-manager"]
    assert detail["levels"][0]["eligibility"]["routes"][0]["text"] == program.levels[0].eligibility.routes[0].text
    assert detail["url"] == f"{SITE}programs/carbon-asset-manager/"
    assert [s["id"] for s in detail["syllabi"]] == ["carbon-asset-manager"]
    # A specialty carries what it inherits, and says from where.
    specialty = json.loads(files[f"{opendata.API_ROOT}/programs/ceca-carbon-trader.json"])["program"]
    assert specialty["inherits_from"] == "ceca-carbon-reduction" and specialty["eligibility"]["routes"]
    policies = json.loads(files[f"{opendata.API_ROOT}/policies.json"])["policies"]
    assert {p["id"] for p in policies} == set(catalog.policies)
    assert next(p for p in policies if p["id"] == "gf-2021-4")["cited_by"]
    bodies = json.loads(files[f"{opendata.API_ROOT}/bodies.json"])["bodies"]
    assert {"program": "carbon-asset-manager", "roles": ["issuer", "host"]} in next(b for b in bodies if b["id"] == "ceca")["programs"]
    calendar = json.loads(files[f"{opendata.API_ROOT}/calendar.json"])
    assert calendar["as_of"] == TODAY.isoformat() and calendar["sessions"]
    assert all(s["events"][0]["date"] <= s["date"] for s in calendar["sessions"])


def test_unpublished_facts_are_null_not_guessed(files):
    programs = json.loads(files[f"{opendata.API_ROOT}/programs.json"])["programs"]
    manager = next(p for p in programs if p["id"] == "carbon-asset-manager")
    assert manager["certificate"]["validity"] is None  # the source prints the validity lines blank
    assert manager["fees"] == []


def test_the_documentation_page_lists_every_endpoint_and_field(files):
    page = files[opendata.DOC_PAGE]
    for name, (model, path, _zh, _en) in opendata.ENDPOINTS.items():
        assert path.replace("<id>", "carbon-asset-manager") in page
        assert opendata.schema_file(name) in page
    for field in ("schema_version", "eligibility_routes", "last_verified", "cited_by", "sessions_under"):
        assert f"`{field}`" in page
    assert "版本与稳定性" in page and "数据来源与署名" in page and "/api/v2/" in page
    assert "/api/v1/ctdl.json" in page and "/feed.xml" in page


# --- CTDL ------------------------------------------------------------------------------------------------


def test_ctdl_has_one_condition_profile_per_route(catalog):
    export = json.loads(ctdl.export_json(catalog, SITE))
    assert export["schema_version"] == opendata.SCHEMA_VERSION
    credentials = {c["@id"]: c for c in export["@graph"] if c["@type"] == "ceterms:Certificate"}
    organizations = {c["@id"] for c in export["@graph"] if c["@type"] == "ceterms:CredentialOrganization"}
    names = catalog.vocabulary("zh")
    checked = 0
    for program in catalog.programs.values():
        for level in program.levels or [None]:
            credential = credentials[f"{SITE}programs/{program.id}/" + (f"#{level.id}" if level else "")]
            assert re.fullmatch(r"ce-[0-9a-f-]{36}", credential["ceterms:ctid"])
            assert set(credential.get("ceterms:ownedBy", [])) <= organizations
            rules = None if level and level.status == "unpublished" else (
                (level.eligibility if level else None) or program.eligibility)
            if rules is None:
                assert "ceterms:requires" not in credential and credential["cc:eligibilityStatus"] == "unpublished"
                continue
            profiles = credential["ceterms:requires"]
            assert len(profiles) == len(rules.routes)
            for profile, route in zip(profiles, rules.routes):
                checked += 1
                assert profile["@type"] == "ceterms:ConditionProfile"
                assert profile["ceterms:description"] == {"zh-CN": route.text}  # the clause, verbatim
                assert profile["cc:clause"] == route.clause
                conditions = [*route.conditions, *(p.condition for p in program.preconditions)]
                assert [c["kind"] for c in profile["cc:conditions"]] == [
                    next(k for k in type(c).model_fields if getattr(c, k) is not None) for c in conditions]
                words = profile["ceterms:condition"]["zh-CN"]
                assert words[: len(route.conditions)] == [describe_condition(c, names) for c in route.conditions]
                years = [c.experience.years for c in route.conditions if c.experience]
                assert profile.get("ceterms:yearsOfExperience") == (max(years) if years else None)
    assert checked > 50


def test_ctdl_points_a_required_certificate_at_its_credential(catalog):
    export = ctdl.export(catalog, SITE)
    graph = {c["@id"]: c for c in export["@graph"]}
    targets = {t for c in graph.values() for p in c.get("ceterms:requires", ()) for t in p.get("ceterms:targetCredential", ())}
    # A lower level of the same programme (碳排放管理员), and the CECA family's certificate.
    assert f"{SITE}programs/carbon-emission-administrator/#level-4" in targets
    assert f"{SITE}programs/ceca-carbon-reduction/" in targets
    assert targets <= set(graph)


def test_ctdl_and_api_read_the_scheme_registry(catalog, files):
    """A clause naming a scheme points at every member programme's credential (content/schemes.yaml)."""
    export = ctdl.export(catalog, SITE)
    intermediate = next(c for c in export["@graph"] if c["@id"] == f"{SITE}programs/carbon-asset-manager/#intermediate")
    clause_6 = next(p for p in intermediate["ceterms:requires"] if p["cc:clause"] == "(6)")
    members = catalog.certificates_meeting("ceca-carbon-reduction")
    assert f"{SITE}programs/carbon-sink-evaluator/#junior" in clause_6["ceterms:targetCredential"]
    assert f"{SITE}programs/carbon-asset-manager/#junior" in clause_6["ceterms:targetCredential"]
    api = json.loads(files["api/v1/programs/carbon-asset-manager.json"])["program"]
    assert api["certificates_meeting"] == {"ceca-carbon-reduction": list(members)}
    assert "carbon-sink-evaluator" in members


# --- JSON-LD ------------------------------------------------------------------------------------------------


HOSTILE = ['</script><script>window.__xss=1</script>', "<!--", "\u2028line\u2029sep", '"quote" \\back', "tab\there"]


def test_embedded_json_ld_round_trips_through_front_matter_and_cannot_break_out():
    block = {"@context": "https://schema.org", "@type": "Thing", "name": " ".join(HOSTILE), "list": HOSTILE}
    meta_values = {jsonld.FRONT_MATTER_KEY: [jsonld.script_json(block)]}  # as page_metadata declares it
    page = with_front_matter("---\ntitle: x\n---\n\n# x\n", meta_values)
    head, body = page.split("\n---\n", 1)
    meta = yaml.safe_load(head.removeprefix("---\n"))  # as MkDocs reads front matter
    assert meta["title"] == "x" and body == "\n# x\n"
    (text,) = meta[jsonld.FRONT_MATTER_KEY]
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == block
    bare = with_front_matter("# no front matter\n", meta_values)  # gets front matter of its own
    assert yaml.safe_load(bare.split("\n---\n")[0].removeprefix("---\n"))[jsonld.FRONT_MATTER_KEY] == [text]
