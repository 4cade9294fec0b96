"""Long programme pages on a phone (390×844): the in-page table of contents under the title
(generator/pages/templates/_page_toc.md.j2) reaches any section, the registration documents among
them, in two taps from the top, with or without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import site_context

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
TOC_NAMES = {"": "本页目录", "en/": "On this page"}
REGISTRATION = {"": "报名材料", "en/": "Registration documents"}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
@pytest.mark.parametrize("edition", ["", "en/"], ids=["zh", "en"])
def test_materials_two_taps_from_the_top(browser, site_url, edition, javascript) -> None:
    context = site_context(browser, site_url, java_script_enabled=javascript, **PHONE)
    page = context.new_page()
    try:
        page.goto(f"{edition}programs/carbon-asset-manager/")
        toc = page.locator("details.catalog-toc > summary")
        # The contents sit near the top: on the first screen, without scrolling.
        box = toc.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 844, f"toc at {box}"
        toc.tap()  # tap 1
        link = page.locator("details.catalog-toc a[href='#registration']")
        expect(link).to_contain_text(REGISTRATION[edition])
        expect(toc).to_have_text(TOC_NAMES[edition])
        link.tap()  # tap 2
        expect(page).to_have_url(f"{site_url}{edition}programs/carbon-asset-manager/#registration")
        top = page.evaluate("document.getElementById('registration').getBoundingClientRect().top")
        assert 0 <= top <= 120, f"registration heading at {top}px after the second tap"
    finally:
        context.close()


def test_every_programme_page_has_the_contents(site_dir, catalog) -> None:
    for edition in ("", "en/"):
        for program in catalog.programs:
            html = (site_dir / edition / "programs" / program / "index.html").read_text(encoding="utf-8")
            assert 'class="catalog-toc"' in html and 'href="#exam"' in html, f"{edition}programs/{program}/"
