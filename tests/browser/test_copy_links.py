"""Copy-link buttons on syllabus pages (site_overrides/assets/copy-link.js): on every unit (h2[id]),
topic (h3[id]) and knowledge point (li[id], where the page has them), always visible, named after
what they copy, writing the absolute URL of the anchor on the page's own origin, and confirming it
visibly and in a live region."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import site_context

PAGES = {"": "syllabi/carbon-sink-evaluator/junior/", "en/": "en/syllabi/carbon-sink-evaluator/junior/"}
NAMES = {"": ("复制链接：", "已复制链接："), "en/": ("Copy link to: ", "Link copied: ")}


@pytest.fixture
def clipboard_page(browser, site_url):
    context = site_context(browser, site_url, viewport={"width": 390, "height": 844}, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("edition", ["", "en/"], ids=["zh", "en"])
def test_every_anchor_has_a_visible_named_button(clipboard_page, edition) -> None:
    page = clipboard_page
    page.goto(PAGES[edition])
    targets = page.evaluate("""() => Array.from(document.querySelectorAll(
        "article h2[id], article h3[id], article li[id]")).map(el => el.id)""")
    units = page.locator("article h2[id]").count()
    topics = page.locator("article h3[id]").count()
    assert units and topics, "the syllabus page has no units or topics"
    buttons = page.locator("button.catalog-copy-link")
    expect(buttons).to_have_count(len(targets))
    for index in range(len(targets)):
        button = buttons.nth(index)
        expect(button).to_be_visible()  # shown without hover, for touch and keyboard
        expect(button).to_have_attribute("aria-label", re.compile("^" + NAMES[edition][0] + ".+"))


@pytest.mark.parametrize("edition", ["", "en/"], ids=["zh", "en"])
@pytest.mark.parametrize("kind", ["h2", "h3", "li"])
def test_button_copies_the_absolute_url(clipboard_page, site_url, edition, kind) -> None:
    page = clipboard_page
    page.goto(PAGES[edition])
    targets = page.locator(f"article {kind}[id]")
    if kind == "li" and targets.count() == 0:
        pytest.skip("this syllabus has no knowledge-point anchors yet (li[id] come from the search work)")
    target_id = targets.nth(1).get_attribute("id")
    # What the reader sees as the anchor's name: its text without the ¶ permalink, nested points or buttons.
    heading_text = page.evaluate("""id => {
        const copy = document.getElementById(id).cloneNode(true);
        for (const extra of copy.querySelectorAll(".headerlink, ul, ol, button")) extra.remove();
        return copy.textContent.replace(/\\s+/g, " ").trim();
    }""", target_id)
    where = f"[id='{target_id}'] > button" if kind == "li" else f"[id='{target_id}'] + button"
    button = page.locator(where + ".catalog-copy-link")
    expect(button).to_have_attribute("aria-label", NAMES[edition][0] + heading_text)
    button.focus()
    page.keyboard.press("Enter")  # the keyboard reaches it as well as the pointer
    written = page.evaluate("navigator.clipboard.readText()")
    assert written == f"{site_url}{PAGES[edition]}#{target_id}"
    status = page.locator(".catalog-copy-status[role=status][aria-live=polite]")
    expect(status).to_have_text(NAMES[edition][1] + heading_text)
    expect(status).to_be_visible()
    expect(button).not_to_have_text(re.compile("^(复制链接|Copy link)$"))


def test_without_a_clipboard_the_link_is_shown(page, site_url) -> None:
    """Over plain http from another host there is no clipboard API: the reader is shown the link."""
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })")
    page.goto(PAGES[""])
    target_id = page.locator("article h3[id]").first.get_attribute("id")
    page.locator(f"[id='{target_id}'] + button.catalog-copy-link").click()
    expect(page.locator(".catalog-copy-status")).to_have_text(f"无法自动复制，链接为：{site_url}{PAGES['']}#{target_id}")
