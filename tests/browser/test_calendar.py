"""The exam calendar pages: accessible, dated from the reader's today, filterable with JavaScript,
usable without it."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from generator import load_catalog
from generator.features.calendar import pages as cal_pages
from generator.features.calendar import sessions as ses
from generator.source.clock import build_date
from generator.words.editions import EN

from ..conftest import ROOT
from .test_accessibility import open_and_check_axe

PAGES = ["calendar/", f"calendar/{build_date():%Y-%m}/", "en/calendar/", f"en/calendar/{build_date():%Y-%m}/",
         "en/calendar/carbon-asset-manager/", "calendar/carbon-emission-administrator/", "calendar/carbon-sink-evaluator/"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: "/" + p)
def test_calendar_pages_have_no_axe_violations(page, axe_source: str, path: str) -> None:
    open_and_check_axe(page, axe_source, path)


def month_path(day: dt.date) -> str:
    return f"calendar/{day.year}-{day.month:02d}/"


def test_filter_by_programme_is_kept_in_the_url_and_the_counts_follow_it(page) -> None:
    path = month_path(build_date())
    page.goto(path)
    rows = page.locator("table.calendar-list tbody tr")
    total = rows.count()
    assert total > 1
    expect(page.locator("form[data-calendar-filter]")).to_be_visible()
    page.select_option("#calendar-program", "carbon-emission-administrator")
    assert page.url.endswith(f"{path}?program=carbon-emission-administrator")
    shown = page.locator("table.calendar-list tbody tr:visible")
    expect(page.locator("form[data-calendar-filter] output")).to_have_text(f"显示 {shown.count()} / {total} 场考试")
    assert 0 < shown.count() < total
    expect(page.locator("table.calendar-list caption [data-calendar-count]")).to_have_text(str(shown.count()))
    assert set(shown.evaluate_all("rs => rs.map(r => r.dataset.program)")) == {"carbon-emission-administrator"}
    grid_entries = page.locator(".calendar-month li:visible")
    assert set(grid_entries.evaluate_all("ls => ls.map(l => l.dataset.program)")) == {"carbon-emission-administrator"}
    # The address carries the choice: opened again, the page shows the same selection.
    page.goto(f"{path}?program=carbon-emission-administrator")
    expect(page.locator("#calendar-program")).to_have_value("carbon-emission-administrator")
    expect(page.locator("table.calendar-list tbody tr:visible")).to_have_count(shown.count())
    page.select_option("#calendar-program", "")
    assert "program=" not in page.url
    expect(page.locator("table.calendar-list tbody tr:visible")).to_have_count(total)
    expect(page.locator("table.calendar-list caption [data-calendar-count]")).to_have_text(str(total))


# The reader comes back months after the build, across a year end: the lists follow their clock.
LATER = [build_date() + dt.timedelta(days=d) for d in (150, 400)]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT)


@pytest.mark.parametrize("later", LATER, ids=str)
@pytest.mark.parametrize("folder", ["programs", "calendar"])
def test_programme_next_sessions_follow_the_reader_today(page, catalog, later, folder) -> None:
    """On the programme page and at the top of its calendar page."""
    page.clock.set_fixed_time(dt.datetime(later.year, later.month, later.day, 12))
    for program in ses.calendar_programs(catalog):
        page.goto(f"{folder}/{program.id}/")
        box = page.locator("[data-calendar-next]")
        expected = ses.next_sessions(program, later, 3)
        expect(box.locator("[data-calendar-intro]")).to_contain_text(cal_pages.calendar_day(later))
        expect(box.locator("[data-calendar-as-of]")).to_have_count(0)  # no longer dated from the build
        rows = box.locator("tbody tr")
        expect(rows).to_have_count(len(expected))
        for row, session in zip(rows.all(), expected):
            cells = row.locator("th, td").all_inner_texts()
            assert cells[0].startswith(cal_pages.session_days(session)), program.id
            assert cells[2] == cal_pages.ViewHelpers.registration(session, later), program.id
            assert cells[3] == cal_pages.ViewHelpers.milestone_summary(session), program.id


@pytest.mark.parametrize("later", LATER, ids=str)
def test_calendar_upcoming_list_follows_the_reader_today(page, catalog, later) -> None:
    page.clock.set_fixed_time(dt.datetime(later.year, later.month, later.day, 12))
    page.goto("calendar/")
    end = cal_pages.list_end(later)
    expected = cal_pages.session_rows_between(ses.calendar_programs(catalog), later, end)
    rows = page.locator("table.calendar-list tbody tr")
    expect(rows).to_have_count(len(expected))
    got = rows.evaluate_all("rs => rs.map(r => [r.dataset.program, ...[...r.cells].map(c => c.innerText)])")
    assert got == [[p.id, cal_pages.session_days(s), cal_pages.display_name(catalog, p), cal_pages.session_times(s),
                    cal_pages.level_names(s), cal_pages.ViewHelpers.registration(s, later),
                    "；".join(cal_pages.session_flags(s)) or "—"] for s, p in expected]
    expect(page.locator("table.calendar-list caption")).to_have_text(
        f"{cal_pages.calendar_day(later, False)}至{cal_pages.calendar_day(end, False)}的考试（{len(expected)} 场）")
    expect(page.locator("[data-calendar-as-of]")).to_have_count(0)


def test_today_mark_follows_the_reader_today(page) -> None:
    later = LATER[0]
    page.clock.set_fixed_time(dt.datetime(later.year, later.month, later.day, 12))
    page.goto(month_path(later))
    today = page.locator("td[aria-current=date]")
    expect(today).to_have_count(1)
    expect(today).to_have_attribute("data-date", later.isoformat())
    expect(today.locator(".calendar-today")).to_have_text("今天")
    page.goto(month_path(build_date()))  # the build's own month: its mark is gone, the reader's today is elsewhere
    expect(page.locator(".calendar-today")).to_have_count(0)


def test_on_phones_the_list_comes_before_the_month_grid(browser, site_url) -> None:
    from .conftest import site_context

    context = site_context(browser, site_url, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(month_path(build_date()))
    list_box = page.locator("table.calendar-list").bounding_box()
    grid_box = page.locator(".calendar-month").first.bounding_box()
    assert list_box["y"] + list_box["height"] <= grid_box["y"]
    context.close()


def test_subscribe_links_become_webcal(page) -> None:
    page.goto("calendar/")
    href = page.locator("a[data-calendar-subscribe]").first.get_attribute("href")
    assert href.startswith("webcal://") and href.endswith("/calendar/all.ics")


def test_without_javascript_each_programme_has_its_own_page(nojs_page) -> None:
    nojs_page.goto("calendar/")
    expect(nojs_page.locator("form[data-calendar-filter]")).to_be_hidden()
    # The built list says which day it was dated from, and every month has its page.
    expect(nojs_page.locator("[data-calendar-as-of]")).to_have_text(f"截至 {cal_pages.calendar_day(build_date())}。")
    nojs_page.locator("#months + ul a").first.click()
    expect(nojs_page.locator("h1")).to_contain_text("考试日历 · ")
    nojs_page.go_back()
    link = nojs_page.locator("#programs + p + ul a", has_text="碳排放管理员").first
    link.click()
    expect(nojs_page.locator("h1")).to_contain_text("碳排放管理员 · 考试日历")
    expect(nojs_page.locator("a", has_text="订阅日历 / subscribe").first).to_have_attribute(
        "href", "../carbon-emission-administrator.ics")


def test_english_calendar_reads_in_english_and_follows_the_reader_today(page, catalog) -> None:
    later = LATER[1]
    english = cal_pages.View(EN)
    page.clock.set_fixed_time(dt.datetime(later.year, later.month, later.day, 12))
    page.goto("en/calendar/")
    expect(page.locator("h1")).to_contain_text("Exam calendar")
    expect(page.locator("article .admonition.untranslated")).to_have_count(0)  # not the Chinese page under a marker
    end = cal_pages.list_end(later)
    expected = cal_pages.session_rows_between(ses.calendar_programs(catalog), later, end)
    rows = page.locator("table.calendar-list tbody tr")
    expect(rows).to_have_count(len(expected))
    got = rows.evaluate_all("rs => rs.map(r => [...r.cells].map(c => c.innerText))")
    assert got == [[english.session_days(s), ses.display_name(catalog, p, EN), english.session_times(s),
                    english.level_names(s), english.registration(s, later),
                    "; ".join(english.session_flags(s)) or "—"] for s, p in expected]
    expect(page.locator("table.calendar-list caption")).to_have_text(
        f"Exams from {english.day(later, False)} to {english.day(end, False)} ({len(expected)})")
    page.select_option("#calendar-program", "carbon-emission-administrator")
    shown = page.locator("table.calendar-list tbody tr:visible").count()
    expect(page.locator("form[data-calendar-filter] output")).to_have_text(f"Showing {shown} of {len(expected)} exams")
    # Source wording stays Chinese, marked as such.
    quote = page.locator("#programs + p + ul [lang=zh-CN]").first
    expect(quote).to_have_text(ses.calendar_programs(catalog)[0].schedule.reading)
    # The English programme page's next sessions, from the reader's today too.
    program = catalog.programs["carbon-sink-evaluator"]
    page.goto(f"en/programs/{program.id}/")
    box = page.locator("[data-calendar-next]")
    expect(box.locator("[data-calendar-intro]")).to_contain_text(f"sessions from {english.day(later)}")
    expected = ses.next_sessions(program, later, 3)
    cells = box.locator("tbody tr").first.locator("th, td").all_inner_texts()
    assert cells[0].startswith(english.session_days(expected[0]))
    assert cells[2:] == [english.registration(expected[0], later), english.milestone_summary(expected[0])]


@pytest.mark.parametrize("later", LATER, ids=str)
def test_home_page_next_exams_follow_the_reader_today(page, catalog, later) -> None:
    page.clock.set_fixed_time(dt.datetime(later.year, later.month, later.day, 12))
    page.goto("")
    programs = [p for p in ses.calendar_programs(catalog) if p.type != "specialty"]
    expected = sorted(((s, p) for p in programs for s in ses.next_sessions(p, later, 1)),
                      key=lambda sp: (sp[0].date, sp[1].id))
    items = page.locator("[data-calendar-soon] > li")
    expect(items).to_have_count(len(expected))
    got = items.evaluate_all("ls => ls.map(l => [l.dataset.program, l.querySelector('a').innerText, l.innerText])")
    for (program_id, day, text), (session, program) in zip(got, expected):
        assert program_id == program.id
        assert day == cal_pages.session_days(session)
        # The deadline and the flags (a reading, an estimate) travel with the date.
        assert f"报名截止 {cal_pages.ViewHelpers.registration(session, later)}" in text, text
        for flag in cal_pages.session_flags(session):
            assert f"（{flag}）" in text, (flag, text)


def test_home_page_next_exams_stay_hidden_without_javascript(nojs_page) -> None:
    nojs_page.goto("")
    expect(nojs_page.locator("[data-calendar-soon]")).to_be_hidden()
    expect(nojs_page.locator("article").get_by_role("link", name="查看考试日历")).to_be_visible()
