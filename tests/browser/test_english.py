"""The English edition in Debian's chromium: lang="en", the language switcher in both directions
(with and without JavaScript), the visible "not yet translated" marker, and the English listing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from generator.words.editions import UNTRANSLATED

PAGES = ["", "programs/", "programs/carbon-asset-manager/", "syllabi/carbon-sink-evaluator/junior/",
         "policies/gf-2021-23/", "glossary/", "compare/", "calendar/"]


def switch(page, lang: str) -> None:
    """Open Material's language menu and choose `lang`."""
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={lang}]").click()


def test_browser_sees_lang_en(page) -> None:
    for path in PAGES:
        page.goto("en/" + path)
        assert page.evaluate("document.documentElement.lang") == "en", path


@pytest.mark.parametrize("path", PAGES, ids=lambda p: "/" + p)
def test_switcher_goes_to_the_same_page_and_back(page, path) -> None:
    page.goto(path)
    switch(page, "en")
    expect(page).to_have_url(re.compile(re.escape("/en/" + path) + "$"))
    assert page.evaluate("document.documentElement.lang") == "en"
    switch(page, "zh")
    expect(page).to_have_url(re.compile("/" + re.escape(path) + "$"))
    assert not page.url.rstrip("/").endswith("/en")
    assert page.evaluate("document.documentElement.lang") == "zh"


def test_switcher_without_javascript(nojs_page) -> None:
    page = nojs_page
    page.goto("en/programs/carbon-emission-administrator/")
    link = page.locator("a.md-select__link[hreflang=zh]")
    expect(link).to_have_attribute("lang", "zh")
    page.goto(link.evaluate("a => a.href"))
    expect(page).to_have_url(re.compile(r"/programs/carbon-emission-administrator/$"))
    assert "/en/" not in page.url


def test_fallback_text_is_marked_and_visible(page, catalog) -> None:
    page.goto("en/programs/carbon-asset-manager/")
    # The audiences have no translation: shown in Chinese, under the marker.
    audience = catalog.programs["carbon-asset-manager"].audiences[0].strip()
    marker = page.locator(".admonition.untranslated", has=page.locator("[lang=zh-CN]", has_text=audience))
    expect(marker.locator(".admonition-title")).to_have_text(UNTRANSLATED)
    expect(marker.locator("[lang=zh-CN]").first).to_have_text(audience)


def test_english_listing_filter_speaks_english(page, catalog) -> None:
    page.goto("en/programs/")
    total = len(catalog.programs)
    expect(page.locator(".catalog-filter__count")).to_have_text(f"Showing {total} of {total} programmes")
    expect(page.get_by_label("Level", exact=True)).to_have_id("filter-level")
    english = page.locator(".catalog-list tbody td:first-child a").all_inner_texts()
    assert sorted(english) == sorted(p.name.en for p in catalog.programs.values())
