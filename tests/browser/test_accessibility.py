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
    "compare/",
    "compare/?ids=carbon-emission-administrator,carbon-emission-manager,carbon-asset-manager",
    # The English edition (generator/english.py): its own pages and a Chinese fallback page.
    "en/",
    "en/programs/",
    "en/programs/carbon-emission-administrator/",
    "en/syllabi/carbon-sink-evaluator/junior/",
    "en/glossary/",
    "en/compare/?ids=carbon-asset-manager,carbon-sink-evaluator",
    "en/calendar/",
    # Pages of the home/phone/English work: the in-page contents, copy buttons, the English API page.
    "api/",
    "en/api/",
    "en/syllabi/carbon-asset-manager/",
    "en/programs/carbon-sink-evaluator/",
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


def open_and_check_axe(page, axe_source: str, path: str, settle_ms: int = 0, where: str = "") -> None:
    """Open a site page and fail the test with a readable list if axe finds violations."""
    response = page.goto(path)
    assert response is not None and response.ok, f"/{path}: HTTP {response and response.status}"
    page.wait_for_load_state("load")
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    violations = run_axe(page, axe_source)
    if violations:
        pytest.fail(f"axe violations on /{path}{where}:\n{describe(violations)}", pytrace=False)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: "/" + p)
def test_no_axe_violations(page, axe_source: str, path: str) -> None:
    open_and_check_axe(page, axe_source, path)


# At 320 CSS px (WCAG 1.4.10 reflow) wide tables scroll sideways; they must stay keyboard-scrollable.
PHONE_PAGES = [
    "programs/",
    "programs/carbon-asset-manager/",
    "programs/carbon-emission-manager/",
    "syllabi/carbon-sink-evaluator/junior/",
    "compare/?ids=carbon-emission-administrator,carbon-asset-manager",
    "en/programs/carbon-asset-manager/",
    "",
    "en/",
    "syllabi/carbon-asset-manager/",
]


@pytest.mark.parametrize("path", PHONE_PAGES, ids=lambda p: "/" + p)
def test_no_axe_violations_on_a_narrow_screen(page, axe_source: str, path: str) -> None:
    page.set_viewport_size({"width": 320, "height": 720})
    # catalog.js marks overflowing tables on the next animation frame
    open_and_check_axe(page, axe_source, path, settle_ms=100, where=" at 320px")


def test_overflowing_table_becomes_keyboard_scrollable(page) -> None:
    """catalog.js gives a sideways-scrolling table wrapper without links tabindex=0, and takes it
    back when the table fits again (axe: scrollable-region-focusable)."""
    page.goto("programs/carbon-asset-manager/")
    wrapper = page.locator(".md-typeset__scrollwrap").filter(has_not=page.locator("a[href]")).first
    assert wrapper.get_attribute("tabindex") is None
    wrapper.evaluate("w => { w.querySelector('td').style.minWidth = '3000px'; dispatchEvent(new Event('resize')); }")
    page.wait_for_function("w => w.getAttribute('tabindex') === '0'", arg=wrapper.element_handle())
    wrapper.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("w => w.scrollLeft > 0", arg=wrapper.element_handle())
    wrapper.evaluate("w => { w.querySelector('td').style.minWidth = ''; dispatchEvent(new Event('resize')); }")
    page.wait_for_function("w => !w.hasAttribute('tabindex')", arg=wrapper.element_handle())
