"""The language switcher keeps the reader's place: the query string and the #section travel to the
other edition's page (site_overrides/assets/alternate.js)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

PLACES = [
    ("programs/carbon-asset-manager/", "", "#registration"),
    ("compare/", "?ids=carbon-asset-manager,carbon-sink-evaluator", ""),
    ("compare/", "?ids=carbon-emission-manager,carbon-asset-manager", "#all"),
    ("syllabi/carbon-sink-evaluator/junior/", "?from=test", "#carbon-sink-basics"),
    ("", "?from=home", "#main-programmes"),
]


def switch(page, lang: str) -> None:
    link = page.locator(f"a.md-select__link[hreflang={lang}]")
    # As a reader would, click once the page's script has carried the query and the #section over to
    # the link (on a busy machine a click can come first).
    place = page.evaluate("location.search + location.hash")
    if place:
        expect(link).to_have_attribute("href", re.compile(re.escape(place) + "$"))
    for attempt in range(3):
        # The pointer may already rest where the menu is (it did on the other edition's page): move it
        # off first, so the hover opens the menu on this page too. On a busy machine the menu has closed
        # again before the click (the page's content then takes the click): hover again, as a reader would.
        page.mouse.move(0, 0)
        page.locator(".md-header__option .md-select").hover()
        try:
            link.click(timeout=5000)
            return
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise


@pytest.mark.parametrize(("path", "query", "hash_"), PLACES, ids=lambda v: v or "-")
def test_switching_keeps_query_and_section(page, site_url, path, query, hash_) -> None:
    page.goto(path + query + hash_)
    switch(page, "en")
    expect(page).to_have_url(site_url + "en/" + path + query + hash_)
    switch(page, "zh")
    expect(page).to_have_url(site_url + path + query + hash_)


def test_following_an_in_page_link_updates_the_switcher(page, site_url) -> None:
    page.goto("programs/carbon-asset-manager/")
    page.evaluate("location.hash = '#fees'")
    english = page.locator("a.md-select__link[hreflang=en]")
    expect(english).to_have_attribute("href", site_url + "en/programs/carbon-asset-manager/#fees")
