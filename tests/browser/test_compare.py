"""The compare page and the programme pages' "add to compare" buttons in Debian's chromium: choosing
programmes, the table's columns and values, the URL round trip and back button, the keyboard, the
English edition, and the no-JavaScript fallback. axe runs on these pages in test_accessibility.py.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from generator.features import compare

from .conftest import site_context
from .test_accessibility import describe, run_axe

WIDGET = "[data-compare-widget]"
TABLE = ".catalog-compare__table"
STATUS = ".catalog-compare__status"
ADMIN, MANAGER, CAM = "carbon-emission-administrator", "carbon-emission-manager", "carbon-asset-manager"


def ids_in_url(page) -> list[str] | None:
    found = parse_qs(urlsplit(page.evaluate("location.href")).query).get("ids")
    return found[0].split(",") if found else None


def columns(page) -> list[str]:
    # The cells load on demand: the table matches the choice once the results are no longer busy.
    expect(page.locator(".catalog-compare__results[aria-busy]")).to_have_count(0)
    return page.locator(f"{TABLE} thead th").evaluate_all("ths => ths.map(th => th.dataset.program)")


def cell(page, row: str, program: str) -> str:
    index = columns(page).index(program)
    return page.locator(f"{TABLE} tbody tr[data-row='{row}'] td").nth(index).inner_text()


def row_label(page, row: str) -> str:
    return page.locator(f"{TABLE} tbody tr[data-row='{row}'] th").inner_text()


def wait_for_form(page) -> None:
    expect(page.locator(f"{WIDGET} form")).to_be_visible()


def test_choosing_two_programmes_shows_them_side_by_side(page, catalog) -> None:
    page.goto("compare/")
    wait_for_form(page)
    expect(page.locator(STATUS)).to_have_text(compare.TEXT["zh"]["empty"])
    expect(page.locator(TABLE)).to_have_count(0)
    page.get_by_label(catalog.programs[ADMIN].name.zh, exact=True).check()
    expect(page.locator(STATUS)).to_have_text(compare.TEXT["zh"]["one"])
    page.get_by_label(catalog.programs[MANAGER].name.zh, exact=True).check()
    expect(page.locator(STATUS)).to_have_text(f"已选择 2 个项目：{catalog.programs[ADMIN].name.zh}、{catalog.programs[MANAGER].name.zh}。")
    assert ids_in_url(page) == [ADMIN, MANAGER]
    assert columns(page) == [ADMIN, MANAGER]
    # Every row, labelled, in the model's order.
    labels = page.locator(f"{TABLE} tbody th[scope=row]").all_inner_texts()
    assert labels == [compare.TEXT["zh"]["rows"][r] for r in compare.ROWS]
    assert "3900" in cell(page, "fees", ADMIN)
    assert "60 分及格" in cell(page, "exam", ADMIN)
    assert "及格线：未公布" in cell(page, "exam", MANAGER)
    assert cell(page, "issuer", ADMIN) == catalog.bodies["cpcif"].name.zh
    assert "二级（待定）" in cell(page, "levels", ADMIN)
    assert "持有证书：碳排放管理员（四级），持证满 1 年 + 相关工作经验满 1 年（累计）" in cell(page, "eligibility", ADMIN)
    assert "未公布" in cell(page, "validity", MANAGER)
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", cell(page, "next_session", ADMIN))
    # Column headers link to the programme pages.
    link = page.locator(f"{TABLE} thead th[data-program='{ADMIN}'] a")
    assert link.get_attribute("href").endswith(f"/programs/{ADMIN}/")


def test_the_url_round_trips(page, browser, site_url, catalog) -> None:
    chosen = [CAM, ADMIN, MANAGER]
    page.goto(f"compare/?ids={','.join(chosen)}")
    wait_for_form(page)
    assert columns(page) == chosen
    for pid in chosen:
        expect(page.locator(f"#compare-{pid}")).to_be_checked()
    # The same link in a fresh browser (nothing stored) shows the same table.
    other = site_context(browser, site_url)
    try:
        fresh = other.new_page()
        fresh.goto(page.evaluate("location.href"))
        wait_for_form(fresh)
        assert columns(fresh) == chosen
    finally:
        other.close()
    # Removing a column updates the URL; the back button brings it back.
    page.locator(f"{TABLE} thead th[data-program='{ADMIN}'] button").click()
    expect(page.locator(f"{TABLE} thead th[data-program]")).to_have_count(2)
    assert ids_in_url(page) == [CAM, MANAGER]
    page.go_back()
    expect(page.locator(f"{TABLE} thead th[data-program]")).to_have_count(3)
    assert columns(page) == chosen and ids_in_url(page) == chosen
    page.reload()
    wait_for_form(page)
    assert columns(page) == chosen


def test_unknown_ids_are_ignored_and_named(page) -> None:
    page.goto(f"compare/?ids=no-such-programme,{ADMIN},{ADMIN}")
    wait_for_form(page)
    assert columns(page) == [ADMIN]
    expect(page.locator(".catalog-compare__unknown")).to_contain_text("no-such-programme")


def test_other_query_parameters_are_kept(page, catalog) -> None:
    page.goto(f"compare/?h=test&ids={ADMIN}")
    wait_for_form(page)
    page.get_by_label(catalog.programs[CAM].name.zh, exact=True).check()
    query = parse_qs(urlsplit(page.evaluate("location.href")).query)
    assert query["h"] == ["test"] and query["ids"] == [f"{ADMIN},{CAM}"]


def test_compare_works_from_the_keyboard(page, catalog) -> None:
    page.goto("compare/")
    wait_for_form(page)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.name") == "ids":
            break
    else:
        pytest.fail("no programme checkbox received focus with Tab")
    first = page.evaluate("document.activeElement.value")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    second = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    expect(page.locator(f"{TABLE} thead th[data-program]")).to_have_count(2)
    assert ids_in_url(page) == [first, second]
    # The remove buttons are reachable and work from the keyboard; focus goes back to the checkbox.
    button = page.locator(f"{TABLE} thead th[data-program='{first}'] button")
    expect(button).to_have_accessible_name(f"移除：{catalog.programs[first].name.zh}")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"{TABLE} thead th[data-program]")).to_have_count(1)
    assert page.evaluate("document.activeElement.value") == first
    assert ids_in_url(page) == [second]


def test_add_to_compare_builds_up_the_selection(page, catalog) -> None:
    page.goto(f"programs/{CAM}/")
    button = page.locator(f"a[data-compare-add='{CAM}']")
    expect(button).to_have_text("加入对比")
    button.click()
    wait_for_form(page)
    assert ids_in_url(page) == [CAM] and columns(page) == [CAM]
    page.goto(f"programs/{ADMIN}/")
    button = page.locator(f"a[data-compare-add='{ADMIN}']")
    expect(button).to_have_text("加入对比（已选 1 项）")
    button.focus()
    page.keyboard.press("Enter")  # a link: Enter follows it
    wait_for_form(page)
    assert columns(page) == [CAM, ADMIN]
    page.goto(f"programs/{CAM}/")
    expect(page.locator(f"a[data-compare-add='{CAM}']")).to_have_text("已加入对比：查看对比（2 项）")
    # /compare/ without ids shows the remembered selection, and puts it in the URL.
    page.goto("compare/")
    wait_for_form(page)
    assert columns(page) == [CAM, ADMIN] and ids_in_url(page) == [CAM, ADMIN]


def test_english_compare_page(page, catalog) -> None:
    page.goto(f"en/compare/?ids={ADMIN},{MANAGER}")
    wait_for_form(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator(STATUS)).to_have_text(
        f"2 programmes chosen: {catalog.programs[ADMIN].name.en}, {catalog.programs[MANAGER].name.en}.")
    assert row_label(page, "fees") == "Fees"
    assert "CNY 3900 per person" in cell(page, "fees", ADMIN)
    assert "pass mark: Not published" in cell(page, "exam", MANAGER)
    link = page.locator(f"{TABLE} thead th[data-program='{ADMIN}'] a")
    assert link.get_attribute("href").endswith(f"/en/programs/{ADMIN}/")
    # The other language's name is marked as such.
    expect(page.locator(f"{TABLE} thead th[data-program='{ADMIN}'] [lang=zh-CN]")).to_have_text(catalog.programs[ADMIN].name.zh)


def test_compare_page_is_axe_clean_after_choosing(page, axe_source) -> None:
    page.goto("compare/")
    wait_for_form(page)
    page.locator(f"#compare-{ADMIN}").check()
    page.locator(f"#compare-{CAM}").check()
    expect(page.locator(f"{TABLE} thead th[data-program]")).to_have_count(2)
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)


def test_without_javascript_every_programme_is_listed(nojs_page, catalog) -> None:
    page = nojs_page
    response = page.goto(f"compare/?ids={ADMIN}")
    assert response is not None and response.ok
    expect(page.locator(f"{WIDGET} form")).to_have_count(0)
    expect(page.locator("h2#all")).to_be_visible()
    expect(page.locator("ul.catalog-compare__links a")).to_have_count(len(catalog.programs))
    expect(page.locator(f"ul.catalog-compare__links a[href='../programs/{ADMIN}/']")).to_be_visible()
    table = page.locator("table.catalog-compare__all")  # the example comparison
    expect(table.locator("tbody tr")).to_have_count(len(catalog.site.compare_example))
    manager = table.locator("tbody tr").filter(has=page.locator(f"a[href='../programs/{MANAGER}/']"))
    assert "及格线：未公布" in manager.inner_text()
    # The programme pages' button is a plain link to the compare page.
    page.goto(f"programs/{CAM}/")
    page.locator(f"a[data-compare-add='{CAM}']").click()
    expect(page).to_have_url(re.compile(rf"/compare/\?ids={CAM}$"))


def test_only_the_chosen_programmes_cells_are_loaded(page) -> None:
    """The page loads only what it shows: one cells file per chosen programme, fetched when chosen."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"compare/?ids={ADMIN},{MANAGER}")
    expect(page.locator(f"{WIDGET} table thead th[data-program]")).to_have_count(2)
    cells = sorted(re.search(r"/assets/data/compare/([a-z0-9-]+)\.json$", url).group(1)
                   for url in fetched if "/assets/data/compare/" in url)
    assert cells == [ADMIN, MANAGER]
    page.locator(f"{WIDGET} input[value='{CAM}']").check()
    expect(page.locator(f"{WIDGET} table thead th[data-program]")).to_have_count(3)
    assert any(url.endswith(f"/assets/data/compare/{CAM}.json") for url in fetched)
    # The fee keeps its condition in the chosen comparison too.
    admin_fees = page.locator(f"{WIDGET} tr[data-row='fees'] td").first
    expect(admin_fees).to_contain_text("未及格学员，半年内有一次免费补考机会")
