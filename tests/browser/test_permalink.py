"""The permanent link on a syllabus page: shown as its path, with a copy button that copies the full
address on the page's own origin (issue #12.5), by keyboard and by touch; without JavaScript the path is
the link and no dead button shows."""

from __future__ import annotations

import pytest

from .conftest import site_context

PAGE = "syllabi/carbon-asset-manager/"


@pytest.fixture
def clipboard_page(browser, site_url: str):
    context = site_context(browser, site_url, permissions=["clipboard-read", "clipboard-write"], has_touch=True)
    yield context.new_page()
    context.close()


def test_the_link_shows_its_path(clipboard_page, site_url):
    clipboard_page.goto(PAGE)
    box = clipboard_page.locator("[data-permalink]")
    assert box.locator("a").inner_text() == "/syllabi/carbon-asset-manager/"
    assert box.locator("button").is_visible()


def test_the_keyboard_copies_the_full_address_on_this_origin(clipboard_page, site_url):
    clipboard_page.goto(PAGE)
    button = clipboard_page.locator("[data-permalink] button")
    button.focus()
    clipboard_page.keyboard.press("Enter")
    clipboard_page.locator("[data-permalink] [role=status]").filter(has_text="已复制").wait_for()
    assert clipboard_page.evaluate("navigator.clipboard.readText()") == site_url + PAGE


def test_a_tap_copies_it_too(clipboard_page, site_url):
    clipboard_page.goto("en/" + PAGE)
    clipboard_page.locator("[data-permalink] button").tap()
    clipboard_page.locator("[data-permalink] [role=status]").filter(has_text="copied").wait_for()
    assert clipboard_page.evaluate("navigator.clipboard.readText()") == site_url + "en/" + PAGE


def test_without_javascript_the_path_is_the_link(nojs_page):
    nojs_page.goto(PAGE)
    box = nojs_page.locator("[data-permalink]")
    assert box.locator("a").inner_text() == "/syllabi/carbon-asset-manager/"
    assert not box.locator("button").is_visible()
