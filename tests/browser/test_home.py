"""The home page is built around the reader's tasks (content/pages/index.md, content/pages-en/index.md):
self-check, next exams, browse, search, as buttons in the page body, not only in the drawer."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import site_context

TASKS = {
    "": [("开始报考自查", "eligibility/"), ("查看考试日历", "calendar/#list"), ("浏览项目目录", "programs/")],
    "en/": [("Start the eligibility check", "eligibility/"), ("Open the exam calendar", "calendar/#list"),
            ("Browse the programmes", "programs/")],
}
SEARCH_LABEL = {"": "搜索项目、政策、术语或知识点", "en/": "Search programmes, policies, terms or syllabus topics"}


@pytest.mark.parametrize("edition", ["", "en/"], ids=["zh", "en"])
def test_task_buttons_on_a_phone_lead_to_their_pages(browser, site_url, edition) -> None:
    context = site_context(browser, site_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for name, target in TASKS[edition]:
            page.goto(edition)
            button = page.locator("article").get_by_role("link", name=name, exact=True)
            expect(button).to_be_visible()  # in the body, not behind the drawer's menu button
            button.tap()
            expect(page).to_have_url(site_url + edition + target)
    finally:
        context.close()


@pytest.mark.parametrize("edition", ["", "en/"], ids=["zh", "en"])
def test_home_search_opens_the_site_search(page, site_url, edition) -> None:
    page.goto(edition)
    box = page.get_by_role("searchbox", name=SEARCH_LABEL[edition])
    box.fill("碳汇")
    box.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(site_url + edition) + r"\?q=%E7%A2%B3%E6%B1%87"))
    # Material's search reads ?q= and opens with the query and its results.
    expect(page.locator(".md-search__input")).to_have_value("碳汇")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
