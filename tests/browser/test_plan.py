"""After "can I apply?" in Debian's chromium: the self-check's next steps, the plan page's checklist,
its .ics file (the same events as the published feeds), the photo check (nothing leaves the browser),
both editions, print, axe-core and the page without JavaScript."""

from __future__ import annotations

import base64
import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from generator.features.calendar.sessions import next_sessions
from generator.source.clock import build_date

from ..conftest import parse_ics
from .test_accessibility import run_axe, describe

# A candidate who can apply for every level with published rules (the Python engine says so:
# `catalog check --program all`).
PROFILE = "education=bachelor&major_related=true&experience_years=5&experience_continuous=true"
ADMIN = "carbon-emission-administrator"
SINK = "carbon-sink-evaluator"
BEIJING = dt.timezone(dt.timedelta(hours=8))
MONTHS_LATER = 150  # the reader's today, months after the build


def reader_today() -> dt.date:
    return build_date() + dt.timedelta(days=MONTHS_LATER)


def set_clock(page, day: dt.date) -> None:
    page.clock.install(time=dt.datetime.combine(day, dt.time(10, 0), tzinfo=BEIJING))


def expected_sessions(catalog, program_id: str, today: dt.date, count: int) -> list[str]:
    return [s.date.isoformat() for s in next_sessions(catalog.programs[program_id], today, count)]


# --- the self-check's result ----------------------------------------------------------------------


def test_self_check_result_leads_to_next_sessions_fees_and_plan(page, catalog):
    today = reader_today()
    set_clock(page, today)
    page.goto(f"programs/{ADMIN}/?{PROFILE}#eligibility-check")
    steps = page.locator(f'[data-next-steps="{ADMIN}:level-4"]')
    expect(steps.locator(".catalog-plan__session").first).to_be_visible()
    # The next two sessions from the reader's today (not the build's), as the Python calendar dates them.
    shown = steps.locator(".catalog-plan__session").evaluate_all("ss => ss.map(s => s.dataset.session)")
    assert shown == expected_sessions(catalog, ADMIN, today, 2)
    assert shown[0] > build_date().isoformat()
    first = steps.locator(".catalog-plan__session").first
    assert first.locator('[data-kind="exam"]').count() >= 1
    # Fees with their conditions: never a bare total or a bare 0.
    fees = steps.locator(".catalog-plan__fee")
    package = fees.filter(has_text="3900")
    expect(package).to_contain_text("每个工种、每级收费：3900元/人")
    expect(package).to_contain_text("按原文理解")
    retake = fees.filter(has_text="补考")
    expect(retake).to_contain_text("免费")
    expect(retake).to_contain_text("半年内有一次免费补考机会")
    expect(retake).not_to_contain_text("0 元")
    # The source publishes no materials for 003: said, not left blank.
    expect(steps).to_contain_text("原文未公布报名材料")
    # Links: the programme's sections and the plan page for this pick and session, with the answers.
    assert steps.locator(f'a[href$="programs/{ADMIN}/#registration"]').count() == 1
    plan = steps.locator(".catalog-plan__session a.catalog-plan__plan-link").first
    query = parse_qs(urlsplit(plan.get_attribute("href")).query)
    assert query["pick"] == [f"{ADMIN}:level-4:{shown[0]}"]
    assert query["education"] == ["bachelor"]
    # Levels without published rules lead nowhere.
    assert page.locator(f'[data-next-steps="{ADMIN}:level-2"]').count() == 0


def test_next_steps_for_a_level_that_needs_training_first(page, catalog):
    # 004 asks for the training hours: with them not yet met, the level needs training, and the
    # result still leads on to the sessions (Python engine: needs_training).
    page.goto(f"programs/carbon-emission-manager/?{PROFILE}&training_hours_met=false#eligibility-check")
    level = page.locator('.catalog-elig__level[data-level="junior"]')
    expect(level).to_have_attribute("data-status", "needs_training")
    steps = level.locator('[data-next-steps="carbon-emission-manager:junior"]')
    expect(steps.locator(".catalog-plan__session").first).to_be_visible()
    expect(steps.locator(".catalog-plan__fee").filter(has_text="补考费")).to_contain_text("100元/次的补考费")


def test_no_next_steps_for_a_level_one_cannot_apply_for(page):
    page.goto(f"programs/{ADMIN}/?education=junior_high&experience_years=0&certificates=&roles=#eligibility-check")
    expect(page.locator('.catalog-elig__level[data-level="level-3"]')).to_have_attribute("data-status", "not_eligible")
    expect(page.locator(".catalog-elig__level[data-level='level-3'] [data-next-steps]")).to_have_count(0)


# --- the plan page ------------------------------------------------------------------------------------


def test_plan_page_checklist(page, catalog):
    today = reader_today()
    set_clock(page, today)
    page.goto(f"plan/?{PROFILE}&pick={SINK}:junior")
    plan = page.locator("[data-plan-page]")
    expect(plan.locator(".catalog-plan__pick")).to_have_text("碳汇计量评估师（初级）")
    registration = catalog.programs[SINK].registration
    materials = plan.locator(".catalog-plan__materials > li")
    assert [t.strip() for t in materials.all_inner_texts()] == list(registration.materials)
    assert plan.locator(".catalog-plan__materials input[type=checkbox]").count() == len(registration.materials)
    expect(plan.locator(".catalog-plan__photo-rules")).to_contain_text("宽480px高640px")
    # Fees: the source's condition with the amount; kinds it is silent on say so.
    fees = plan.locator(".catalog-plan__fee")
    expect(fees.filter(has_text="补考费")).to_contain_text("考试成绩未通过的学员，需缴纳100元/次进行补考")
    expect(fees.filter(has_text="考试费")).to_contain_text("未公布")
    # The dates: the first session from the reader's today, the next ones to choose instead.
    sessions = expected_sessions(catalog, SINK, today, 4)
    expect(plan.locator(".catalog-plan__session")).to_have_attribute("data-session", sessions[0])
    others = plan.locator(".catalog-plan__other a")
    assert [parse_qs(urlsplit(h).query)["pick"][0] for h in others.evaluate_all("as => as.map(a => a.href)")] == \
        [f"{SINK}:junior:{s}" for s in sessions[1:]]
    # Where to register, as the source says; the way back keeps the answers.
    expect(plan).to_contain_text(registration.submission)
    # Sources are cited by title, never by their file name.
    expect(plan.locator(".catalog-plan__source").first).to_contain_text("《")
    assert ".txt" not in plan.inner_text()
    back = plan.locator(".catalog-plan__back")
    assert parse_qs(urlsplit(back.get_attribute("href")).query)["education"] == ["bachelor"]
    # A chosen session is the one shown.
    page.goto(f"plan/?pick={SINK}:junior:{sessions[2]}")
    expect(page.locator(".catalog-plan__session")).to_have_attribute("data-session", sessions[2])


def test_plan_page_without_or_with_a_bad_pick(page):
    page.goto("plan/")
    expect(page.locator(".catalog-plan__message")).to_contain_text("还没有选择项目和级别")
    page.goto("plan/?pick=carbon-sink-evaluator:no-such-level")
    expect(page.locator(".catalog-plan__message")).to_contain_text("carbon-sink-evaluator:no-such-level")
    page.goto("plan/?pick=../../etc")
    expect(page.locator(".catalog-plan__message")).to_contain_text("无法识别")


def test_plan_page_without_javascript_says_how_to_get_there(nojs_page):
    nojs_page.goto("plan/")
    article = nojs_page.locator("article")
    expect(article.locator(".catalog-plan__noscript")).to_be_visible()
    expect(article.locator(".catalog-plan__noscript")).to_contain_text("需要启用 JavaScript")
    assert article.locator('a[href$="eligibility/"]').count() >= 1
    assert article.locator(f'a[href$="programs/{SINK}/"]').count() == 1
    assert article.locator(f'a[href*="pick={SINK}:junior"]').count() == 1


def test_english_plan_page_marks_source_wording(page):
    page.goto(f"en/plan/?pick={ADMIN}:level-4")
    plan = page.locator("[data-plan-page]")
    expect(plan.locator(".catalog-plan__pick")).to_have_text("Carbon Emission Administrator (Level 4)")
    package = plan.locator(".catalog-plan__fee").filter(has_text="3900")
    expect(package).to_contain_text("Source wording (Chinese)")
    expect(package.locator(".catalog-plan__condition")).to_have_attribute("lang", "zh-CN")
    expect(plan.locator(".catalog-plan__fee").filter(has_text="Retake")).to_contain_text("Free")
    # The calendar's words are English, its slot names the source's Chinese, marked.
    exam = plan.locator('.catalog-plan__event[data-kind="exam"]').first
    expect(exam.locator(".catalog-plan__event-label")).to_have_text("Exam")
    assert exam.locator(".catalog-plan__event-label").get_attribute("lang") is None
    expect(exam.locator('[lang="zh-CN"]').first).to_have_text(" (上午)")


def test_plan_page_prints_the_checklist(page):
    page.goto(f"plan/?pick={SINK}:junior")
    expect(page.locator(".catalog-plan__materials")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".catalog-plan__materials")).to_be_visible()
    expect(page.locator(".catalog-plan__fees")).to_be_visible()
    expect(page.locator(".catalog-plan__ics")).to_be_hidden()
    expect(page.locator(".catalog-plan__photo input[type=file]")).to_be_hidden()
    expect(page.locator(".catalog-plan-choose")).to_be_hidden()


# --- the .ics file --------------------------------------------------------------------------------------


def feed_sessions(site_dir, program_id: str) -> dict[str, dict[str, object]]:
    """The published feed's events by session date (from their UIDs: <program>-<YYYYMMDD>-<kind>…)."""
    feed = parse_ics((site_dir / "calendar" / f"{program_id}.ics").read_bytes())
    found: dict[str, dict[str, object]] = {}
    for event in feed.walk("VEVENT"):
        uid = str(event["UID"])
        day = re.match(rf"{re.escape(program_id)}-(\d{{8}})-", uid).group(1)
        found.setdefault(f"{day[:4]}-{day[4:6]}-{day[6:]}", {})[uid] = event
    return found


@pytest.mark.parametrize("program_id, level", [(ADMIN, "level-4"), (SINK, "junior")])
def test_ics_download_has_the_published_feed_events_of_the_session(page, site_dir, program_id, level):
    sessions = feed_sessions(site_dir, program_id)
    session = sorted(sessions)[1]
    page.goto(f"plan/?pick={program_id}:{level}:{session}")
    with page.expect_download() as download:
        page.locator(".catalog-plan__ics").click()
    assert download.value.suggested_filename == f"{program_id}-{session}.ics"
    data = open(download.value.path(), "rb").read()
    # RFC 5545: CRLF line ends, lines of at most 75 octets.
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    calendar = parse_ics(data)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    published = sessions[session]
    assert set(events) == set(published)
    for uid, event in events.items():
        assert event["DTSTART"].dt == published[uid]["DTSTART"].dt, uid
        assert event["DTEND"].dt == published[uid]["DTEND"].dt, uid
        assert event["DTSTAMP"].dt.tzinfo is not None
    assert str(calendar["PRODID"]) == str(parse_ics((site_dir / "calendar" / f"{program_id}.ics").read_bytes())["PRODID"])


# --- the photo check -------------------------------------------------------------------------------------


def image_bytes(page, width: int, height: int, mime: str) -> bytes:
    """An image made by the browser's canvas (no image library, no file on disk)."""
    url = page.evaluate(
        """([w, h, mime]) => { const c = document.createElement('canvas'); c.width = w; c.height = h;
        const g = c.getContext('2d'); g.fillStyle = '#3b6fd8'; g.fillRect(0, 0, w, h); return c.toDataURL(mime, 0.9); }""",
        [width, height, mime])
    return base64.b64decode(url.split(",", 1)[1])


def check_photo(page, name: str, mime: str, data: bytes) -> list[tuple[str, str]]:
    page.locator(".catalog-plan__photo input[type=file]").set_input_files({"name": name, "mimeType": mime, "buffer": data})
    results = page.locator(".catalog-plan__photo-result")
    expect(results.last).to_contain_text("文件大小")
    return [(r.get_attribute("data-ok"), r.inner_text()) for r in results.all()]


def test_photo_check_passes_and_fails_without_sending_the_photo(page):
    page.goto(f"plan/?pick={SINK}:junior")
    label = page.get_by_label("选择照片文件")
    expect(label).to_have_attribute("type", "file")
    expect(page.locator(".catalog-plan__private")).to_contain_text("不会上传")
    good = image_bytes(page, 480, 640, "image/jpeg")
    small = image_bytes(page, 300, 400, "image/jpeg")
    png = image_bytes(page, 480, 640, "image/png")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request))

    passing = check_photo(page, "张三_110101199001011234.jpg", "image/jpeg", good)
    assert [ok for ok, _ in passing] == ["true", "true", "unknown"]
    assert "480×640" in passing[1][1] and "宽480px高640px" in passing[1][1]
    assert "姓名_身份证号.jpg" in passing[0][1]

    too_small = check_photo(page, "张三_110101199001011234.jpg", "image/jpeg", small)
    assert [ok for ok, _ in too_small] == ["true", "false", "unknown"]
    assert "300×400" in too_small[1][1]

    not_jpeg = check_photo(page, "photo.jpg", "image/jpeg", png)  # named .jpg, but a PNG inside
    assert [ok for ok, _ in not_jpeg][:2] == ["false", "true"]

    page.wait_for_timeout(300)
    # The photo never leaves the browser: the checks made no request at all, and none carried a body.
    assert [(r.method, r.url) for r in requests] == []
    assert not [r for r in requests if r.post_data_buffer]


def test_programme_page_photo_section_has_the_check_where_the_source_gives_rules(page):
    page.goto(f"programs/{SINK}/#photo")
    check = page.locator("#photo ~ [data-photo-check-program] [data-photo-check]")
    expect(check).to_be_visible()
    results = check_photo(page, "李四_110101199001011234.jpg", "image/jpeg", image_bytes(page, 600, 800, "image/jpeg"))
    assert [ok for ok, _ in results] == ["true", "false", "unknown"]
    # 001 gives only a print size (二寸): nothing to check, so no checker.
    page.goto("programs/carbon-asset-manager/")
    expect(page.locator("article h2#registration")).to_be_visible()
    assert page.locator("[data-photo-check-program]").count() == 0


# --- accessibility and screenshots ---------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    f"plan/?{PROFILE}&pick={SINK}:junior",
    f"en/plan/?pick={SINK}:junior",
    "plan/",
    f"programs/{ADMIN}/?{PROFILE}#eligibility-check",
    f"programs/{SINK}/#photo",
])
def test_axe_no_serious_or_critical_violations(page, axe_source, path):
    page.goto(path)
    if "plan/?" in path:
        expect(page.locator(".catalog-plan__fees")).to_be_visible()
    else:
        page.wait_for_timeout(800)
    serious = [v for v in run_axe(page, axe_source) if v["impact"] in ("serious", "critical")]
    assert not serious, describe(serious)
