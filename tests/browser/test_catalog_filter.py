"""The programme listing's filter (progressive enhancement) and its no-JavaScript fallback."""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin

import pytest
from playwright.sync_api import expect

ROWS = ".catalog-list tbody tr"
EMPTY = ".catalog-filter__empty"
COUNT = ".catalog-filter__count"


def issuers_of(program) -> set[str]:
    return {ref.body for ref in program.bodies}


def levels_of(program) -> set[str]:
    return {lv.id for lv in program.levels}


def count_text(shown: int, total: int) -> str:
    return f"显示 {shown} / {total} 个项目"


def visible_programs(page) -> set[str]:
    """Programme ids of the rows currently shown."""
    rows = page.locator(f"{ROWS}:visible td:first-child a")
    return {href.strip("/").split("/")[-1] for href in rows.evaluate_all("as => as.map(a => a.getAttribute('href'))")}


def test_filter_form_is_shown_with_javascript(page, catalog) -> None:
    page.goto("programs/")
    form = page.locator("form[data-catalog-filter]")
    expect(form).to_be_visible()
    total = len(catalog.programs)
    expect(page.locator(ROWS)).to_have_count(total)
    expect(page.locator(COUNT)).to_have_text(count_text(total, total))
    expect(page.locator(EMPTY)).to_be_hidden()
    # The count is announced politely to screen readers.
    expect(page.locator(COUNT)).to_have_attribute("aria-live", "polite")


def test_choosing_an_issuer_hides_other_programmes(page, catalog) -> None:
    page.goto("programs/")
    total = len(catalog.programs)
    options = page.locator("#filter-issuer option").evaluate_all("os => os.map(o => o.value)")
    assert options[0] == "" and len(options) > 2, options
    for issuer in options[1:]:
        expected = {pid for pid, p in catalog.programs.items() if issuer in issuers_of(p)}
        assert expected, f"issuer option {issuer!r} matches no programme"
        page.select_option("#filter-issuer", issuer)
        expect(page.locator(COUNT)).to_have_text(count_text(len(expected), total))
        assert visible_programs(page) == expected, issuer
        expect(page.locator(f"{ROWS}:visible")).to_have_count(len(expected))
        expect(page.locator(EMPTY)).to_be_hidden()
    page.select_option("#filter-issuer", "")
    expect(page.locator(COUNT)).to_have_text(count_text(total, total))
    expect(page.locator(f"{ROWS}:visible")).to_have_count(total)


def test_level_without_matches_shows_the_empty_message(page, catalog) -> None:
    page.goto("programs/")
    total = len(catalog.programs)
    issuers = page.locator("#filter-issuer option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    levels = page.locator("#filter-level option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")
    # Every level offered matches some programme on its own, so narrow by issuer first.
    combo = next(
        ((i, lv) for i in issuers for lv in levels
         if not any(i in issuers_of(p) and lv in levels_of(p) for p in catalog.programs.values())),
        None,
    )
    assert combo is not None, "no issuer/level pair without programmes; cannot test the empty message"
    issuer, level = combo
    page.select_option("#filter-issuer", issuer)
    expect(page.locator(EMPTY)).to_be_hidden()
    page.select_option("#filter-level", level)
    expect(page.locator(EMPTY)).to_be_visible()
    expect(page.locator(EMPTY)).to_contain_text("没有符合条件的项目")
    expect(page.locator(f"{ROWS}:visible")).to_have_count(0)
    expect(page.locator(COUNT)).to_have_text(count_text(0, total))
    # Widening again hides the message.
    page.select_option("#filter-issuer", "")
    expect(page.locator(EMPTY)).to_be_hidden()
    expected = {pid for pid, p in catalog.programs.items() if level in levels_of(p)}
    expect(page.locator(COUNT)).to_have_text(count_text(len(expected), total))
    assert visible_programs(page) == expected


def test_selects_are_labelled(page) -> None:
    page.goto("programs/")
    expect(page.get_by_label("相关机构", exact=True)).to_have_id("filter-issuer")
    expect(page.get_by_label("级别", exact=True)).to_have_id("filter-level")
    for select_id in ("filter-issuer", "filter-level"):
        label = page.locator(f"#{select_id}").evaluate("s => Array.from(s.labels).map(l => l.textContent.trim())")
        assert label and label[0], f"#{select_id} has no visible label"


def test_filter_is_keyboard_operable(page, catalog) -> None:
    page.goto("programs/")
    focused = []
    for _ in range(150):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement && document.activeElement.id"))
        if focused[-1] == "filter-issuer":
            break
    else:
        pytest.fail(f"#filter-issuer never received focus with Tab; focus went through {focused}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filter-level"
    # The focused select is visibly focused and can be changed from the keyboard.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused select shows no focus outline"
    page.keyboard.press("ArrowDown")
    level = page.input_value("#filter-level")
    assert level, "ArrowDown on the focused level select did not change it"
    expected = {pid for pid, p in catalog.programs.items() if level in levels_of(p)}
    expect(page.locator(COUNT)).to_have_text(count_text(len(expected), len(catalog.programs)))
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "filter-issuer"


def grouped_links(page, section: str) -> list[str]:
    """hrefs of the links in the lists under the h2 #by-issuer or #by-level."""
    if section == "by-issuer":
        xpath = "//h2[@id='by-issuer']/following-sibling::ul[following-sibling::h2[@id='by-level']]//a"
    else:
        xpath = "//h2[@id='by-level']/following-sibling::ul//a"
    links = page.locator(f"xpath={xpath}")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


def test_without_javascript_the_grouped_lists_work(nojs_page, catalog) -> None:
    page = nojs_page
    response = page.goto("programs/")
    assert response is not None and response.ok
    expect(page.locator("form[data-catalog-filter]")).to_be_hidden()
    expect(page.locator(EMPTY)).to_be_hidden()
    # The table itself is complete without the filter.
    expect(page.locator(f"{ROWS}:visible")).to_have_count(len(catalog.programs))
    expect(page.locator("h2#by-issuer")).to_be_visible()
    expect(page.locator("h2#by-level")).to_be_visible()

    by_issuer = grouped_links(page, "by-issuer")
    # Each programme once per body, whatever roles it holds there.
    assert len(by_issuer) == sum(len({pid for pid, _role in v}) for v in catalog.body_programs.values())
    by_level = grouped_links(page, "by-level")
    assert len(by_level) == sum(len(p.levels) for p in catalog.programs.values())

    base = page.url
    pages: dict[str, str] = {}
    for href in by_issuer + by_level:
        url, fragment = urldefrag(urljoin(base, href))
        assert re.search(r"/programs/[a-z0-9-]+/$", url), f"unexpected link target {href!r}"
        if url not in pages:
            r = page.request.get(url)
            assert r.ok, f"{href} -> HTTP {r.status}"
            pages[url] = r.text()
        if fragment:
            assert f'id="{fragment}"' in pages[url], f"{href}: no #{fragment} on the target page"

    # Following a link works without JavaScript too.
    first = page.locator("xpath=//h2[@id='by-level']/following-sibling::ul//a").first
    name = first.inner_text().split(" · ")[0]
    first.click()
    expect(page).to_have_url(re.compile(r"/programs/[a-z0-9-]+/#[a-z0-9-]+$"))
    expect(page.locator("h1")).to_have_text(re.compile(re.escape(name)))
