"""The English edition's own pages, read in the browser: the API page in English, syllabus unit and
topic names and programme summaries and registration documents in our translation (marked so), with
the source's Chinese kept beside them and marked lang="zh-CN"."""

from __future__ import annotations

from playwright.sync_api import expect

from generator.words.editions import UNTRANSLATED

CHINESE = r"[\u4e00-\u9fff]"


def chinese_outside_zh(page, selector: str) -> list[str]:
    """Text nodes with Chinese characters under `selector` that no lang="zh-CN" element encloses."""
    return page.evaluate(
        """([selector, pattern]) => {
            const found = [];
            const chinese = new RegExp(pattern);
            for (const root of document.querySelectorAll(selector)) {
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    const node = walker.currentNode;
                    const marked = node.parentElement.closest("[lang]");
                    if (chinese.test(node.textContent) && !(marked && marked.lang.startsWith("zh")))
                        found.push(node.textContent.trim().slice(0, 60));
                }
            }
            return found;
        }""",
        [selector, CHINESE],
    )


def test_api_page_reads_in_english(page) -> None:
    page.goto("en/api/")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator("article h1")).to_contain_text("Open data API")
    expect(page.get_by_role("heading", name="Versioning", exact=False)).to_be_visible()
    expect(page.locator("article table").first.locator("th").first).to_have_text("Endpoint")
    expect(page.locator("article")).not_to_contain_text(UNTRANSLATED)
    # Chinese left in the page (the field notes' Chinese words) is marked for screen readers.
    assert not chinese_outside_zh(page, "article"), chinese_outside_zh(page, "article")


def test_syllabus_names_in_our_translation(page, catalog) -> None:
    syllabus = next(s for s in catalog.syllabi.values() if s.id == "carbon-asset-manager")
    page.goto("en/syllabi/carbon-asset-manager/")
    for unit in syllabus.units:
        heading = page.locator(f"article h2[id='{unit.id}']")
        expect(heading).to_contain_text(unit.name_en)
        expect(heading.locator("[lang=zh-CN]")).to_have_text(unit.name)
        expect(heading).not_to_have_attribute("lang", "zh")
        for topic in unit.topics:
            expect(page.locator(f"article h3[id='{topic.id}'] [lang=zh-CN]")).to_have_text(topic.name)
            expect(page.locator(f"article h3[id='{topic.id}']")).to_contain_text(topic.name_en)
    expect(page.locator("article")).to_contain_text("Unit and topic names are our translation")
    assert not chinese_outside_zh(page, "article h2, article h3")


def test_programme_summary_and_materials_in_our_translation(page, catalog) -> None:
    program = catalog.programs["carbon-asset-manager"]
    page.goto("en/programs/carbon-asset-manager/")
    summary = page.locator("article p", has_text=program.summary_en[:40])
    expect(summary.locator(".catalog-translated")).to_have_text("(our translation)")
    items = page.locator("article h2#registration ~ ul").first.locator("li")
    expect(items).to_have_count(len(program.registration.materials))
    for index, (en, zh) in enumerate(zip(program.registration.materials_en, program.registration.materials, strict=True)):
        expect(items.nth(index)).to_contain_text(en)
        expect(items.nth(index).locator("[lang=zh-CN]")).to_have_text(zh)
    assert not chinese_outside_zh(page, "article h2#registration ~ ul")
