"""Open data in the built site: JSON-LD blocks on every page parse and carry their types, and planted
payloads stay inert in JSON-LD, the API and the feed."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.engine.site_build import build_site

LD_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def blocks(site: Path, page: str) -> list[dict]:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    assert len(LD_SCRIPT.findall(html)) == len(LD_SCRIPT.findall(head)), "JSON-LD belongs in <head>"
    return [json.loads(raw) for raw in LD_SCRIPT.findall(head)]


def test_every_json_ld_block_parses_with_context_and_type(built_site):
    counted: dict[str, int] = {}
    for html in built_site.rglob("*.html"):  # both editions
        for raw in LD_SCRIPT.findall(html.read_text(encoding="utf-8")):
            data = json.loads(raw)
            assert isinstance(data, dict), html
            assert data["@context"] == "https://schema.org" and data["@type"], html
            if html.relative_to(built_site).parts[0] != "en":
                counted[data["@type"]] = counted.get(data["@type"], 0) + 1
    assert counted.get("EducationalOccupationalCredential", 0) >= 15
    assert counted.get("Course", 0) >= 6 and counted.get("EducationEvent", 0) >= 10
    assert counted.get("Organization", 0) >= 6 and counted.get("Dataset") == 1


def test_programme_pages_describe_each_level_as_a_credential(built_site, catalog):
    for program in catalog.programs.values():
        found = [b for b in blocks(built_site, f"programs/{program.id}") if b["@type"] == "EducationalOccupationalCredential"]
        assert len(found) == max(1, len(program.levels)), program.id
        for block, level in zip(found, program.levels):
            assert block["name"] == level.name.zh
            assert block["educationalLevel"]["termCode"] == level.id
            assert block["credentialCategory"]
        issuers = {ref.body for ref in program.bodies if ref.role == "issuer"}
        for block, level in zip(found, program.levels or [None]):
            if level and level.status == "unpublished":  # 待定: no facts, not even the issuer
                assert "recognizedBy" not in block and "offers" not in block
                continue
            assert {o["@id"].split("/bodies/")[1].split("/")[0] for o in block.get("recognizedBy", [])} == issuers
    # Prices where the source gives them, in CNY.
    (administrator, *_rest) = blocks(built_site, "programs/carbon-emission-administrator")
    offer = next(o for o in administrator["offers"] if "price" in o)
    assert offer["priceCurrency"] == "CNY" and float(offer["price"]) == 3900


def test_syllabus_calendar_and_body_pages_carry_their_types(built_site, catalog):
    for syllabus in catalog.syllabi.values():
        (course,) = blocks(built_site, f"syllabi/{syllabus.id}")
        assert course["@type"] == "Course" and course["name"] == syllabus.title
        assert [s["name"] for s in course["syllabusSections"]] == [u.name for u in syllabus.units]
    events = blocks(built_site, "calendar/carbon-asset-manager")
    assert events and all(e["@type"] == "EducationEvent" for e in events)
    assert events[0]["startDate"].endswith("T09:00:00+08:00")
    assert events[0]["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    for body in catalog.bodies.values():
        (org,) = blocks(built_site, f"bodies/{body.id}")
        assert org["@type"] == "Organization" and org["name"] == body.name.zh


# --- hostile text ----------------------------------------------------------------------------------------------

PAYLOADS = ["</script><script>window.__xss=1</script>", '"><img src=x onerror="window.__xss=2">',
            "<!-- <script>", "]]></summary><x>"]


def _plant(node, counter: list[int]) -> None:
    skip = {"id", "body", "role", "file", "url", "level", "levels", "program", "syllabus", "kind", "mode",
            "weekday", "start", "end", "last_verified", "policies", "issued", "published", "date", "scheme", "minimum",
            "major", "covers", "type", "status", "former_ids", "issuer_bodies", "effective", "founded", "roles"}
    keys = list(node) if isinstance(node, dict) else range(len(node))
    for key in keys:
        value = node[key]
        if key in skip:
            continue
        if isinstance(value, (dict, list)):
            _plant(value, counter)
        elif isinstance(value, str):
            node[key] = f"{value} {PAYLOADS[counter[0] % len(PAYLOADS)]}"
            counter[0] += 1


def test_planted_payloads_stay_inert_in_json_ld_api_and_feed(minimal_project):
    from ruamel.yaml import YAML

    yaml_rt = YAML(typ="rt")
    planted = [0]
    for path in [*minimal_project.glob("programs/*.yaml"), *minimal_project.glob("syllabi/*.yaml"),
                 *minimal_project.glob("content/bodies/*.yaml"), *minimal_project.glob("content/policies/*.yaml")]:
        data = yaml_rt.load(path.read_text(encoding="utf-8"))
        _plant(data, planted)
        with path.open("w", encoding="utf-8") as out:
            yaml_rt.dump(data, out)
    assert planted[0] > 20
    site = build_site(minimal_project, minimal_project / "site", strict=False)
    seen_payload = False
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for raw in LD_SCRIPT.findall(text):
            assert "<" not in raw, html  # nothing in the data can end the script element
            data = json.loads(raw)
            seen_payload |= PAYLOADS[0] in json.dumps(data, ensure_ascii=False)
        # No script element but the theme's and the JSON-LD ones.
        assert "window.__xss" not in "".join(re.findall(r"<script(?![^>]*ld\+json)[^>]*>(.*?)</script>", text, re.DOTALL))
    assert seen_payload, "the payloads reach the JSON-LD as plain strings"
    programs = json.loads((site / "api/v1/programs.json").read_text(encoding="utf-8"))
    assert PAYLOADS[0] in programs["programs"][0]["name"]["zh"]
    from xml.etree import ElementTree as ET

    feed = ET.parse(site / "feed.xml").getroot()
    assert any(PAYLOADS[0] in (e.text or "") for e in feed.iter())
