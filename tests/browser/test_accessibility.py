"""axe-core checks (WCAG 2.0/2.1 A and AA plus best practice) on one page of each kind."""

from __future__ import annotations

import pytest

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

PAGES = [
    "",
    "programs/",
    "programs/carbon-asset-manager/",
    "programs/carbon-emission-administrator/",
    "programs/ceca-carbon-reduction/",
    "syllabi/carbon-sink-evaluator/junior/",
    "syllabi/carbon-asset-manager/",
    "policies/",
    "policies/timeline/",
    "policies/dual-carbon-opinion-2021/",  # cited by three programmes
    "bodies/ceca/",
    "glossary/",
]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": AXE_TAGS},
    "resultTypes": ["violations"],
}


def run_axe(page, axe_source: str) -> list[dict]:
    page.evaluate(axe_source)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}  <{v['helpUrl']}>")
        for node in v["nodes"][:8]:
            target = " ".join(str(t) for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}: {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: "/" + p)
def test_no_axe_violations(page, axe_source: str, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.ok, f"/{path}: HTTP {response and response.status}"
    page.wait_for_load_state("load")
    violations = run_axe(page, axe_source)
    if violations:
        pytest.fail(f"axe violations on /{path}:\n{describe(violations)}", pytrace=False)
