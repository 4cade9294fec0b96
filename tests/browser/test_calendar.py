"""The exam calendar pages: accessible, filterable with JavaScript, usable without it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .test_accessibility import open_and_check_axe

PAGES = ["calendar/", "calendar/carbon-emission-administrator/", "calendar/carbon-sink-evaluator/"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: "/" + p)
def test_calendar_pages_have_no_axe_violations(page, axe_source: str, path: str) -> None:
    open_and_check_axe(page, axe_source, path)


def test_filter_by_programme_with_javascript(page) -> None:
    page.goto("calendar/")
    rows = page.locator("table.calendar-list tbody tr")
    total = rows.count()
    assert total > 0
    form = page.locator("form[data-calendar-filter]")
    expect(form).to_be_visible()
    page.select_option("#calendar-program", "carbon-emission-administrator")
    shown = page.locator("table.calendar-list tbody tr:visible")
    expect(page.locator("form[data-calendar-filter] output")).to_have_text(f"显示 {shown.count()} / {total} 场考试")
    assert shown.count() > 0
    assert set(shown.evaluate_all("rs => rs.map(r => r.dataset.program)")) == {"carbon-emission-administrator"}
    grid_entries = page.locator(".calendar-month li:visible")
    assert set(grid_entries.evaluate_all("ls => ls.map(l => l.dataset.program)")) <= {"carbon-emission-administrator"}
    page.select_option("#calendar-program", "")
    expect(page.locator("table.calendar-list tbody tr:visible")).to_have_count(total)


def test_subscribe_links_become_webcal(page) -> None:
    page.goto("calendar/")
    href = page.locator("a[data-calendar-subscribe]").first.get_attribute("href")
    assert href.startswith("webcal://") and href.endswith("/calendar/all.ics")


def test_without_javascript_each_programme_has_its_own_page(nojs_page) -> None:
    nojs_page.goto("calendar/")
    expect(nojs_page.locator("form[data-calendar-filter]")).to_be_hidden()
    link = nojs_page.locator("#programs + p + ul a", has_text="碳排放管理员").first
    link.click()
    expect(nojs_page.locator("h1")).to_contain_text("碳排放管理员 · 考试日历")
    expect(nojs_page.locator("a", has_text="订阅日历 / subscribe").first).to_have_attribute(
        "href", "../carbon-emission-administrator.ics")
