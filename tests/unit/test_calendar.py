"""Exam calendar: rule readings, China's working days, the iCalendar feeds, the CLI and the pages.

Expected dates are computed here independently: from the calendar itself for the rules, and from the
State Council's published 2026 holiday schedule (国务院办公厅关于2026年部分节假日安排的通知) for the
working days, written out below by hand.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.features.calendar import ics, workdays
from generator.features.calendar import pages as cal_pages
from generator.features.calendar import sessions as ses
from generator.source.models import SiteSettings

from ..conftest import ROOT, parse_ics, zh_build

D = dt.date
SHANGHAI = ZoneInfo("Asia/Shanghai")
TODAY = D(2026, 11, 21)


def _span(first: dt.date, last: dt.date) -> set[dt.date]:
    return {first + dt.timedelta(days=n) for n in range((last - first).days + 1)}


# 2026, as published: days off (weekends inside a break included) and the weekend days worked instead.
OFFICIAL_2026_OFF = (
    _span(D(2026, 1, 1), D(2026, 1, 3))  # 元旦
    | _span(D(2026, 2, 15), D(2026, 2, 23))  # 春节
    | _span(D(2026, 4, 4), D(2026, 4, 6))  # 清明节
    | _span(D(2026, 5, 1), D(2026, 5, 5))  # 劳动节
    | _span(D(2026, 6, 19), D(2026, 6, 21))  # 端午节
    | _span(D(2026, 9, 25), D(2026, 9, 27))  # 中秋节
    | _span(D(2026, 10, 1), D(2026, 10, 7))  # 国庆节
)
OFFICIAL_2026_WORKED = {D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)}

# 2027 by the statute alone (全国年节及纪念日放假办法, 2024 revision): 元旦 1 day, 春节 除夕–初三,
# 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. The State Council's 2027 arrangement is not published yet.
STATUTORY_2027 = {
    D(2027, 1, 1), D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8), D(2027, 4, 5),
    D(2027, 5, 1), D(2027, 5, 2), D(2027, 6, 9), D(2027, 9, 15), D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3),
}


def expected_working_day(start: dt.date, count: int, off: set[dt.date], worked: set[dt.date] = frozenset()) -> dt.date:
    """Count working days after `start` the plain way, from the lists above."""
    day, counted = start, 0
    while counted < count:
        day += dt.timedelta(days=1)
        if day in worked or (day.weekday() < 5 and day not in off):
            counted += 1
    return day


def nth_saturdays(year: int, months, week: int) -> list[dt.date]:
    """The week-th Saturday, found by listing every day of the month."""
    found = []
    for month in months:
        saturdays = [d for d in _span(D(year, month, 1), D(year, month, 28) + dt.timedelta(days=3))
                     if d.month == month and d.weekday() == 5]
        saturdays.sort()
        found.append(saturdays[-1] if week == -1 else saturdays[week - 1])
    return found


def session_on(program, day: dt.date) -> ses.Session:
    return next(s for s in ses.sessions(program, day, day))


def milestone(session: ses.Session, kind: str) -> ses.Event:
    return next(e for e in session.milestones if e.kind == kind)


@pytest.fixture(autouse=True)
def _fresh_day_cache():
    workdays.day_info.cache_clear()
    yield
    workdays.day_info.cache_clear()


# --- rules ---------------------------------------------------------------------------------


def test_nth_and_last_weekday():
    # August 2026 has five Saturdays (1, 8, 15, 22, 29) and starts on one.
    assert workdays.nth_weekday(2026, 8, 5, 1) == D(2026, 8, 1)
    assert workdays.nth_weekday(2026, 8, 5, 4) == D(2026, 8, 22)
    assert workdays.nth_weekday(2026, 8, 5, 5) == D(2026, 8, 29)
    assert workdays.nth_weekday(2026, 8, 5, -1) == D(2026, 8, 29)
    # September 2026 has four: week 5 gives no session, "last" is the fourth.
    assert workdays.nth_weekday(2026, 9, 5, 5) is None
    assert workdays.nth_weekday(2026, 9, 5, -1) == D(2026, 9, 26)
    # March and November 2026 start on a Sunday: the third Saturday is the 21st, not the 14th.
    assert D(2026, 3, 1).weekday() == 6 and D(2026, 11, 1).weekday() == 6
    assert workdays.nth_weekday(2026, 3, 5, 3) == D(2026, 3, 21)
    assert workdays.nth_weekday(2026, 11, 5, 3) == D(2026, 11, 21)
    # A month that ends on a Saturday.
    assert workdays.nth_weekday(2026, 1, 5, -1) == D(2026, 1, 31)
    with pytest.raises(ValueError):
        workdays.nth_weekday(2026, 1, 5, 0)


@given(st.integers(1990, 2100), st.integers(1, 12), st.integers(0, 6), st.sampled_from([1, 2, 3, 4, 5, -1]))
def test_nth_weekday_matches_listing_the_month(year, month, weekday, week):
    days = [d for d in _span(D(year, month, 1), D(year, month, 28) + dt.timedelta(days=3))
            if d.month == month and d.weekday() == weekday]
    days.sort()
    expected = days[-1] if week == -1 else (days[week - 1] if week <= len(days) else None)
    assert workdays.nth_weekday(year, month, weekday, week) == expected


def test_ceca_third_saturdays_2026(catalog):
    expected = [D(2026, 1, 17), D(2026, 3, 21), D(2026, 5, 16), D(2026, 7, 18), D(2026, 9, 19), D(2026, 11, 21)]
    assert nth_saturdays(2026, [1, 3, 5, 7, 9, 11], 3) == expected
    for pid in ("carbon-sink-evaluator", "carbon-asset-manager", "ceca-carbon-reduction", "ceca-carbon-trader"):
        found = ses.sessions(catalog.programs[pid], D(2026, 1, 1), D(2026, 12, 31))
        assert [s.date for s in found] == expected, pid
        # 001 says 周末 (Saturday and Sunday, the calendar's one rule); the others name Saturday.
        weekend = pid == "carbon-asset-manager"
        assert all(s.days == ((s.date, s.date + dt.timedelta(days=1)) if weekend else (s.date,)) for s in found), pid


def test_miit_fourth_saturdays_2026(catalog):
    expected = [D(2026, 2, 28), D(2026, 4, 25), D(2026, 6, 27), D(2026, 8, 22), D(2026, 10, 24), D(2026, 12, 26)]
    assert nth_saturdays(2026, [2, 4, 6, 8, 10, 12], 4) == expected
    found = ses.sessions(catalog.programs["carbon-emission-manager"], D(2026, 1, 1), D(2026, 12, 31))
    assert [s.date for s in found] == expected


def test_administrator_last_weekend_2026(catalog):
    saturdays = nth_saturdays(2026, range(1, 13), -1)
    assert saturdays[:3] == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 28)]
    found = ses.sessions(catalog.programs["carbon-emission-administrator"], D(2026, 1, 1), D(2026, 12, 31))
    assert [s.days for s in found] == [(d, d + dt.timedelta(days=1)) for d in saturdays]
    # Two published slots on each of the two days.
    first = found[0]
    assert [(e.date, e.start, e.end) for e in first.exams] == [
        (D(2026, 1, 31), "09:00", "11:00"), (D(2026, 1, 31), "14:00", "16:00"),
        (D(2026, 2, 1), "09:00", "11:00"), (D(2026, 2, 1), "14:00", "16:00")]
    assert all(e.session == D(2026, 1, 31) for e in first.exams)
    # The Sunday of January's last weekend is 1 February: said, not hidden.
    assert any(n.kind == "month" for n in first.notes)


def test_a_session_has_times_levels_and_mode(catalog):
    session = session_on(catalog.programs["carbon-asset-manager"], D(2026, 11, 21))
    assert [(t.start, t.end) for t in session.times] == [("09:00", "11:00")]  # from exam.times
    assert session.levels == ("junior", "intermediate", "senior")
    assert session.mode == "online"
    admin = session_on(catalog.programs["carbon-emission-administrator"], D(2026, 11, 28))
    assert admin.levels == ("level-4", "level-3")  # level-2 and level-1 are 待定
    sink = session_on(catalog.programs["carbon-sink-evaluator"], D(2026, 11, 21))
    assert sink.times == () and all(e.start is None for e in sink.exams)


# --- milestones and working days -----------------------------------------------------------------


def test_chinesecalendar_has_the_published_2026_schedule():
    import chinese_calendar

    for day in _span(D(2026, 1, 1), D(2026, 12, 31)):
        official = day in OFFICIAL_2026_WORKED or (day.weekday() < 5 and day not in OFFICIAL_2026_OFF)
        assert chinese_calendar.is_workday(day) == official, day
    assert workdays.official_schedule_published(2026)


def test_calendar_day_milestones(catalog):
    session = session_on(catalog.programs["carbon-emission-manager"], D(2026, 10, 24))
    assert milestone(session, "registration_close").date == D(2026, 10, 17)
    assert milestone(session, "sprint").date == D(2026, 10, 17)
    mock = milestone(session, "mock_test")  # 考前2-3天: the earliest day, with the range stated
    assert (mock.date, mock.last_date) == (D(2026, 10, 21), D(2026, 10, 22))
    assert "2026年10月21日至2026年10月22日" in mock.note_text
    # Review and study have no offset: not dated. The exam step is the session itself.
    assert {e.kind for e in session.milestones} == {
        "registration_close", "sprint", "mock_test", "results", "certificate_issued", "certificate_query"}


def test_working_days_across_spring_festival(catalog):
    session = session_on(catalog.programs["carbon-sink-evaluator"], D(2026, 1, 17))
    for kind, count in (("results", 15), ("certificate_issued", 45), ("certificate_query", 50)):
        event = milestone(session, kind)
        assert event.date == expected_working_day(session.date, count, OFFICIAL_2026_OFF, OFFICIAL_2026_WORKED)
        assert not event.estimated, kind
    # 45 working days: the break (15–23 Feb) is skipped and the make-up Saturdays 14 and 28 Feb count.
    assert milestone(session, "certificate_issued").date == D(2026, 3, 26)
    assert milestone(session, "certificate_query").date == D(2026, 4, 2)
    # Ignoring the holidays would give an earlier, wrong date.
    assert expected_working_day(session.date, 45, set()) < D(2026, 3, 26)


def test_working_days_across_national_day(catalog):
    ceca = session_on(catalog.programs["carbon-sink-evaluator"], D(2026, 9, 19))
    # Sun 20 Sep is worked; 25–27 Sep and 1–7 Oct are off; Sat 10 Oct is worked.
    assert milestone(ceca, "results").date == D(2026, 10, 15)
    miit = session_on(catalog.programs["carbon-emission-manager"], D(2026, 8, 22))
    for kind, count in (("results", 15), ("certificate_issued", 45), ("certificate_query", 50)):
        assert milestone(miit, kind).date == expected_working_day(
            miit.date, count, OFFICIAL_2026_OFF, OFFICIAL_2026_WORKED), kind
        assert not milestone(miit, kind).estimated


def test_a_year_without_official_data_is_estimated(catalog, monkeypatch):
    """2027 counted Monday–Friday minus the statutory holidays, no adjusted days, and marked."""
    only_2026 = lambda year: year <= 2026  # noqa: E731
    for module in (workdays, ses, cal_pages):  # each reads the name it imported
        monkeypatch.setattr(module, "official_schedule_published", only_2026)
    session = session_on(catalog.programs["carbon-sink-evaluator"], D(2027, 1, 16))
    results = milestone(session, "results")
    # 5 Feb (除夕) and 8 Feb (初三) are statutory weekdays off.
    assert results.date == expected_working_day(session.date, 15, STATUTORY_2027) == D(2027, 2, 9)
    assert results.estimated and "推算" in results.note_text and "未计调休" in results.note_text
    assert milestone(session, "registration_close").estimated is False  # calendar days are exact
    # A 2026 session whose count runs into 2027 is estimated only where it does.
    late = session_on(catalog.programs["carbon-sink-evaluator"], D(2026, 11, 21))
    assert not milestone(late, "results").estimated  # 11 Dec 2026
    issued = milestone(late, "certificate_issued")
    assert issued.estimated and issued.date == D(2027, 1, 25)


def test_the_first_year_chinesecalendar_lacks_is_estimated_with_real_data(catalog):
    year = next(y for y in range(2026, 2100) if not workdays.official_schedule_published(y))
    session = ses.sessions(catalog.programs["carbon-emission-manager"], D(year, 1, 1), D(year, 12, 31))[0]
    event = milestone(session, "results")
    assert event.estimated and event.to_json()["estimated"] is True
    statutory = set(workdays.statutory_holidays(year))
    assert event.date == expected_working_day(session.date, 15, statutory)


def test_statutory_holidays_leave_out_adjusted_days():
    assert set(workdays.statutory_holidays(2027)) == STATUTORY_2027
    # For 2026 the holidays package also knows the State Council's swaps; they are not statutory.
    assert D(2026, 10, 6) not in workdays.statutory_holidays(2026) and D(2026, 10, 1) in workdays.statutory_holidays(2026)


def test_holiday_clash_is_noted(catalog):
    admin = catalog.programs["carbon-emission-administrator"]
    session = session_on(admin, D(2026, 9, 26))  # 中秋节 25–27 Sep
    assert [e.holiday for e in session.exams] == ["中秋节"] * 4
    holiday_notes = [n for n in session.notes if n.kind == "holiday"]
    assert len(holiday_notes) == 2 and all("请向主办方确认" in n.text for n in holiday_notes)
    assert all("中秋节" in e.to_json()["note"] for e in session.exams)
    assert "节假日：中秋节，请向主办方确认" in cal_pages.session_flags(session)
    # Sat 28 Feb 2026 is a make-up working day: said, but no clash.
    february = session_on(admin, D(2026, 2, 28))
    assert february.exams[0].holiday is None and any(n.kind == "adjusted" for n in february.notes)
    # An ordinary weekend has no notes.
    assert session_on(admin, D(2026, 11, 28)).notes == ()


def test_retake_rules_are_notes(catalog):
    sink = session_on(catalog.programs["carbon-sink-evaluator"], D(2026, 11, 21))
    assert "补考：考试成绩未通过的学员，需缴纳100元/次进行补考" in milestone(sink, "results").note_text
    admin = session_on(catalog.programs["carbon-emission-administrator"], D(2026, 11, 28))
    assert "免费补考" in admin.exams[0].note_text  # no results step: on the session's first exam
    assert all(e.note_text is None for e in admin.exams[1:])


def test_specialties_inherit_and_fold_into_their_family(catalog):
    trader = catalog.programs["ceca-carbon-trader"]
    assert trader.schedule == catalog.programs["ceca-carbon-reduction"].schedule
    assert ses.shares_family_calendar(catalog, trader)
    listed = {p.id for p in ses.calendar_programs(catalog)}
    assert "ceca-carbon-reduction" in listed and not {p for p in listed if catalog.programs[p].type == "specialty"}
    assert {p.id for p in ses.scheduled_programs(catalog)} == {p.id for p in catalog.programs.values() if p.schedule}


# --- iCalendar -----------------------------------------------------------------------------------------


def by_uid(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


@pytest.fixture(scope="module")
def files(catalog):
    return dict(cal_pages.files(zh_build(catalog, TODAY)))


def test_feed_has_the_required_calendar_properties(files, catalog):
    data = files["calendar/all.ics"]
    assert isinstance(data, bytes) and data.startswith(b"BEGIN:VCALENDAR\r\n")
    cal = parse_ics(data)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == "-//carbon-catalog//考试日历 exam calendar//ZH"  # content/site.yaml id
    assert str(cal["X-WR-CALNAME"]) == "碳市场职业技能证书 · 考试日历"
    timezones = cal.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Asia/Shanghai"]
    events = cal.walk("VEVENT")
    assert events and len({str(e["UID"]) for e in events}) == len(events)
    for event in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert prop in event, (prop, event.get("UID"))
        assert str(event["UID"]).endswith("@" + catalog.site.uid_domain)
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 21, tzinfo=dt.timezone.utc)
    # Folded lines stay within 75 octets (RFC 5545 §3.1), multi-byte characters included.
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    # Specialties that repeat the family's calendar are not repeated in the combined feed.
    assert not [e for e in events if str(e["UID"]).startswith("ceca-carbon-trader-")]


def test_timed_exams_are_in_asia_shanghai(files):
    cal = parse_ics(files["calendar/carbon-asset-manager.ics"])
    exam = by_uid(cal)["carbon-asset-manager-20261121-exam@carbon-catalog.invalid"]
    assert exam.decoded("DTSTART") == dt.datetime(2026, 11, 21, 9, 0, tzinfo=SHANGHAI)
    assert exam.decoded("DTEND") == dt.datetime(2026, 11, 21, 11, 0, tzinfo=SHANGHAI)
    assert exam["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert b"DTSTART;TZID=Asia/Shanghai:20261121T090000" in files["calendar/carbon-asset-manager.ics"]
    assert str(exam["SUMMARY"]) == "碳资产管理师｜考试"
    assert "级别：初级、中级、高级" in str(exam["DESCRIPTION"])
    admin = by_uid(parse_ics(files["calendar/carbon-emission-administrator.ics"]))
    sunday_afternoon = admin["carbon-emission-administrator-20261128-exam-20261129-slot2@carbon-catalog.invalid"]
    assert sunday_afternoon.decoded("DTSTART") == dt.datetime(2026, 11, 29, 14, 0, tzinfo=SHANGHAI)
    assert str(sunday_afternoon["SUMMARY"]) == "碳排放管理员｜考试（下午）"


def test_all_day_milestones_have_an_exclusive_end(files):
    data = files["calendar/carbon-sink-evaluator.ics"]
    results = by_uid(parse_ics(data))["carbon-sink-evaluator-20261121-results@carbon-catalog.invalid"]
    assert results.decoded("DTSTART") == D(2026, 12, 11) and results.decoded("DTEND") == D(2026, 12, 12)
    assert results["DTSTART"].params.get("VALUE") == "DATE"
    assert str(results["SUMMARY"]) == "碳汇计量评估师｜成绩查询"
    assert str(results["TRANSP"]) == "TRANSPARENT"
    raw = data.decode("utf-8").replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20261211\r\nDTEND;VALUE=DATE:20261212" in raw
    # Exams without published times are all-day too.
    exam = by_uid(parse_ics(data))["carbon-sink-evaluator-20261121-exam@carbon-catalog.invalid"]
    assert exam.decoded("DTSTART") == D(2026, 11, 21) and exam.decoded("DTEND") == D(2026, 11, 22)


def test_estimated_dates_say_so_in_the_feed(files):
    issued = by_uid(parse_ics(files["calendar/carbon-sink-evaluator.ics"]))[
        "carbon-sink-evaluator-20261121-certificate_issued@carbon-catalog.invalid"]
    assert issued.decoded("DTSTART") == D(2027, 1, 25)
    assert "推算" in str(issued["SUMMARY"]) and "estimated" in str(issued["SUMMARY"])
    assert "推算日期（estimated）" in str(issued["DESCRIPTION"])


def test_uids_are_stable_across_builds(catalog, files):
    later = dict(cal_pages.files(zh_build(catalog, D(2026, 12, 24))))  # another build in the same window
    for path in ("calendar/all.ics", "calendar/carbon-emission-administrator.ics"):
        assert set(by_uid(parse_ics(later[path]))) == set(by_uid(parse_ics(files[path])))
    uids = by_uid(parse_ics(files["calendar/carbon-sink-evaluator.ics"]))
    assert "carbon-sink-evaluator-20260117-certificate_issued@carbon-catalog.invalid" in uids


def test_text_is_escaped(catalog):
    program = catalog.programs["carbon-emission-manager"]
    tricky = program.schedule.model_copy(update={
        "text": "第四周周六, 上午; 下午\\备注", "reading": "按每月第四个周六理解，含逗号, 分号; 反斜杠\\"})
    program = program.model_copy(update={"schedule": tricky, "exam": program.exam.model_copy(update={"times": ()})})
    events = ses.sessions(program, D(2026, 10, 24), D(2026, 10, 24))[0].events
    data = ics.ics_feed(events, "名称, 带; 符号", TODAY)
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    assert "X-WR-CALNAME:名称\\, 带\\; 符号" in unfolded
    assert "原文：第四周周六\\, 上午\\; 下午\\\\备注" in unfolded
    exam = next(e for e in parse_ics(data).walk("VEVENT") if str(e["UID"]).endswith("-exam@" + SiteSettings().uid_domain))
    description = str(exam["DESCRIPTION"])
    assert "原文：第四周周六, 上午; 下午\\备注" in description
    assert "我们的理解：按每月第四个周六理解，含逗号, 分号; 反斜杠\\" in description
    assert "\n" in description  # lines survive as \n escapes


def test_a_session_link_holds_that_session_only(catalog):
    import base64

    session = session_on(catalog.programs["carbon-sink-evaluator"], D(2026, 11, 21))
    link = cal_pages.session_ics_link(session, catalog, TODAY)
    prefix = "data:text/calendar;charset=utf-8;base64,"
    assert link.startswith(prefix)
    cal = parse_ics(base64.b64decode(link[len(prefix):]))
    assert {str(e["UID"]) for e in cal.walk("VEVENT")} == {e.uid_in(catalog.site.uid_domain) for e in session.events}


# --- CLI ---------------------------------------------------------------------------------------------


def run_json(capsys, *args) -> list[dict]:
    assert main(["--root", str(ROOT), "calendar", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_json_shape(capsys):
    events = run_json(capsys, "--from", "2026-09-01", "--to", "2026-10-31")
    assert events
    for event in events:
        assert list(event) == ["program", "levels", "kind", "session", "date", "start", "end", "estimated", "note"]
        assert event["kind"] in ses.EVENT_KINDS
        assert "2026-09-01" <= event["date"] <= "2026-10-31"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", event["session"])
        assert isinstance(event["estimated"], bool) and isinstance(event["levels"], list)
        assert (event["start"] is None) == (event["end"] is None)
    # Milestones of a session before the window are in it when they fall in it.
    assert {"program": "carbon-emission-manager", "levels": ["junior", "intermediate", "senior"],
            "kind": "results", "session": "2026-08-22", "date": "2026-09-11", "start": None, "end": None,
            "estimated": False, "note": "补考：考试未通过学员需缴纳100元/次的补考费进行补考。"} in events
    clash = [e for e in events if e["program"] == "carbon-emission-administrator" and e["date"] == "2026-09-26"]
    assert [(e["start"], e["end"]) for e in clash] == [("09:00", "11:00"), ("14:00", "16:00")]
    assert "中秋节" in clash[0]["note"]
    assert not [e for e in events if e["program"] == "ceca-carbon-trader"]  # listed as its family


def test_cli_one_programme(capsys):
    events = run_json(capsys, "--from", "2026-11-21", "--to", "2026-11-21", "--program", "ceca-carbon-trader")
    assert events == [{"program": "ceca-carbon-trader", "levels": [], "kind": "exam", "session": "2026-11-21",
                       "date": "2026-11-21", "start": None, "end": None, "estimated": False, "note": None}]


def test_cli_ics(capsysbinary, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 11, 21, tzinfo=dt.timezone.utc).timestamp())))
    code = main(["--root", str(ROOT), "calendar", "--from", "2026-11-01", "--to", "2026-12-31",
                 "--program", "carbon-emission-administrator", "--format", "ics"])
    assert code == 0
    cal = parse_ics(capsysbinary.readouterr().out)
    assert str(cal["X-WR-CALNAME"]) == "考试日历 · 碳排放管理员"
    events = cal.walk("VEVENT")
    # October's last weekend ends on Sunday 1 November (2 slots), then two full weekends (2 days × 2 slots).
    assert len(events) == 2 + 2 * 2 * 2
    assert {e.decoded("DTSTART").date() for e in events} == {
        D(2026, 11, 1), D(2026, 11, 28), D(2026, 11, 29), D(2026, 12, 26), D(2026, 12, 27)}
    assert {e.decoded("DTSTAMP") for e in events} == {dt.datetime(2026, 11, 21, tzinfo=dt.timezone.utc)}
    assert cal.walk("VTIMEZONE")


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-02-30", "--to", "2026-03-01"], "--from '2026-02-30' is not a real date"),
    (["--from", "2026-01-01", "--to", "next week"], "--to 'next week' is not a date; write YYYY-MM-DD"),
    (["--from", "2026/01/01", "--to", "2026-03-01"], "is not a date; write YYYY-MM-DD"),
    (["--from", "2026-03-01", "--to", "2026-01-01"], "--from 2026-03-01 is after --to 2026-01-01"),
    (["--from", "2026-01-01", "--to", "2026-03-01", "--program", "carbon-sink"],
     "unknown programme 'carbon-sink'; did you mean 'carbon-sink-evaluator'?"),
])
def test_cli_errors_are_plain(capsys, args, message):
    assert main(["--root", str(ROOT), "calendar", *args]) == 1
    out, err = capsys.readouterr()
    assert message in err and "Traceback" not in err and out == ""


# --- pages ---------------------------------------------------------------------------------------------


def test_calendar_files_exist(catalog, files):
    scheduled = [p.id for p in catalog.programs.values() if p.schedule]
    expected = {"calendar/index.md", "calendar/all.ics", "assets/data/calendar-rules.json"}
    expected |= {f"calendar/{pid}.md" for pid in scheduled} | {f"calendar/{pid}.ics" for pid in scheduled}
    expected |= {f"assets/data/calendar/{pid}.json" for pid in scheduled}
    # A page per month, from the first one published to the end of the next year (they never disappear).
    expected |= {f"calendar/{y}-{m:02d}.md" for y in (2026, 2027) for m in range(1, 13)}
    assert set(files) == expected


def test_pages_state_readings_and_marks(catalog):
    files = dict(cal_pages.files(zh_build(catalog, D(2026, 9, 1))))
    admin = files["calendar/carbon-emission-administrator.md"]
    assert "每月最后一个周末（周六、周日）" in admin  # the reading, from the data
    assert "2026年9月26日（周六）、9月27日（周日） {#s-2026-09-26}" in admin
    assert "!!! warning \"节假日\"" in admin and "中秋节假期内，请向主办方确认" in admin
    sink = files["calendar/carbon-sink-evaluator.md"]
    assert "按每月第三个周六理解" in sink and "**（推算）**" in sink
    assert "订阅日历 / subscribe](/calendar/carbon-sink-evaluator.ics){ data-calendar-subscribe" in sink
    assert "[添加到日历 / add to calendar](data:text/calendar;" in sink
    index = files["calendar/index.md"]
    assert "[碳排放管理员](/calendar/carbon-emission-administrator.md)：每月最后一个周末（周六、周日）" in index
    assert "截至 2026年9月1日（周二）" in index  # the no-JavaScript list says which day it was dated from
    assert "2026年9月1日至2026年10月31日的考试" in index
    assert "[9月](/calendar/2026-09.md)" in index and "[12月](/calendar/2027-12.md)" in index
    month = files["calendar/2026-09.md"]
    assert "<caption>2026年9月</caption>" in month and '<th scope="col">周六</th>' in month
    assert 'aria-current="date"' in month and 'aria-current="date"' not in files["calendar/2026-10.md"]
    assert "节假日：中秋节，请确认" in month
    assert "[上个月：2026年8月](/calendar/2026-08.md)" in month


def test_programme_page_shows_next_sessions(catalog):
    from generator.pages import catalog_pages

    page = catalog_pages.files(zh_build(catalog, D(2026, 9, 1)))["programs/carbon-sink-evaluator.md"]
    section = page[page.index("## 考试时间安排"): page.index("## 报考流程与时间线")]
    assert "### 近期考试 {#next-sessions data-search-exclude}" in section  # dates stay out of search
    assert "截至 2026年9月1日（周二）" in section  # the no-JavaScript fallback names its date
    assert "2026年9月19日（周六）" in section and "成绩查询 10月15日（周四）" in section
    assert "<td>2026年9月12日（周六）</td>" in section  # the registration deadline, a column of its own
    assert "[碳汇计量评估师 · 考试日历](/calendar/carbon-sink-evaluator.md)" in section




# --- one rule for 周末 (#12.3), readings marked (#12.2) -------------------------------------------------


def test_every_source_that_says_weekend_gets_saturday_and_sunday(catalog):
    weekend = [p for p in ses.scheduled_programs(catalog) if "周末" in p.schedule.text]
    assert {p.id for p in weekend} >= {"carbon-asset-manager", "carbon-emission-administrator"}
    assert all(p.schedule.rule.also_next_day for p in weekend), [p.id for p in weekend if not p.schedule.rule.also_next_day]
    saturday_only = [p for p in ses.scheduled_programs(catalog) if "周六" in p.schedule.text]
    assert saturday_only and not any(p.schedule.rule.also_next_day for p in saturday_only)
    session = ses.next_sessions(catalog.programs["carbon-asset-manager"], D(2027, 1, 1), 1)[0]
    assert session.days == (D(2027, 1, 16), D(2027, 1, 17))


def test_the_weekend_rule_is_stated_once_on_the_calendar_and_linked_where_it_applies(files):
    index = files["calendar/index.md"]
    assert index.count("## 周末怎样理解 {#weekend}") == 1
    section = index[index.index("{#weekend}"):index.index("{#months")]
    assert "[碳资产管理师](/calendar/carbon-asset-manager.md)：原文“考试时间为每年1月" in section
    assert "[碳排放管理员](/calendar/carbon-emission-administrator.md)" in section
    assert "碳汇计量评估师" not in section.split("\n\n", 2)[2]  # its table says 周六: not listed under 周末
    def rule_section(pid):
        page = files[f"calendar/{pid}.md"]
        return page[page.index("{#rule}"):page.index("{#subscribe}")]
    for pid in ("carbon-asset-manager", "carbon-emission-administrator"):
        assert "(/calendar/index.md#weekend)" in rule_section(pid)
    assert "(/calendar/index.md#weekend)" not in rule_section("carbon-sink-evaluator")
    # 001 explains where it differs from 000 (same association, 周六 there).
    asset = files["calendar/carbon-asset-manager.md"]
    assert "与碳汇计量评估师不同" in asset and "第三周周六" in asset


def test_week_counting_caveat_on_every_nth_week_rule(catalog):
    for pid, word in (("carbon-sink-evaluator", "“第三周”如何计算"), ("carbon-asset-manager", "“第三周”如何起算"),
                      ("carbon-emission-manager", "“第四周”如何起算")):
        notes = " ".join(n.text for n in catalog.programs[pid].schedule.notes)
        assert word in notes, pid


def test_readings_stay_marked_on_pages_and_in_the_engine_data(catalog, files):
    data = json.loads(files["assets/data/calendar-rules.json"])
    marked = {pid for pid, p in data["programs"].items() if p["reading"]["marked"]}
    assert {"carbon-asset-manager", "ceca-carbon-reduction"} <= marked
    assert "carbon-sink-evaluator" not in marked  # its source names the day
    assert "第三周周六" in " ".join(data["programs"]["ceca-carbon-reduction"]["reading"]["notes"])
    month = files["calendar/2027-01.md"]
    row = next(line for line in month.splitlines() if 'data-program="ceca-carbon-reduction"' in line)
    assert "考试日按本站理解" in row
    row = next(line for line in month.splitlines() if 'data-program="carbon-sink-evaluator"' in line)
    assert "考试日按本站理解" not in row


def test_english_calendar_pages_speak_english_and_mark_chinese(catalog):
    from generator.site import make_build
    from generator.words.editions import EN

    files = dict(cal_pages.files(make_build(catalog, EN, TODAY, None)))
    assert not any(path.endswith(".ics") for path in files)  # the feeds are the Chinese edition's, shared
    index, month = files["calendar/index.md"], files["calendar/2027-01.md"]
    assert "# Exam calendar" in index and "{#weekend}" in index and "Coming exams" in index
    assert "<caption>January 2027</caption>" in month and '<th scope="col">Sat</th>' in month
    assert "As of Sat 21 November 2026." in index
    program = files["calendar/carbon-sink-evaluator.md"]
    assert "| Registration closes | Sat 14 November 2026 | 7 days before the exam |" in program
    data = json.loads(files["assets/data/calendar-rules.json"])
    assert data["words"]["page"]["col_registration"] == "Registration closes"
    assert data["programs"]["carbon-sink-evaluator"]["steps"][0]["label"] == "Registration closes"
    # Chinese appears only as marked source text (the data: links are base64).
    for path in ("calendar/index.md", "calendar/2027-01.md", "calendar/carbon-sink-evaluator.md",
                 "calendar/carbon-asset-manager.md"):
        text = re.sub(r'<span lang="zh-CN">.*?</span>', "", files[path], flags=re.DOTALL)
        assert not re.search(r"[\u4e00-\u9fff]", text), (path, re.findall(r".{20}[\u4e00-\u9fff]+.{20}", text)[:3])


def test_month_pages_never_disappear_whatever_the_build_date():
    published = set(cal_pages.month_pages(D(2026, 11, 21)))
    for today in (D(2025, 11, 21), D(2026, 1, 1), D(2027, 6, 1), D(2030, 2, 1)):
        pages = cal_pages.month_pages(today)
        assert published <= set(pages), today
        assert (today.year + 1, 12) in pages  # and the calendar's whole window has its months
