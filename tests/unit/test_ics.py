"""The calendar feeds are written line by line (generator/features/calendar/ics.py) for speed, and must
be byte for byte what the `icalendar` library writes for the same properties: escaping, property
order, folding, time zones. This used to be checked at build time; the reference writers are here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import warnings

import icalendar
import pytest
from icalendar.parser.string import _foldline

from generator.features.calendar import ics, workdays
from generator.features.calendar import sessions as ses

STAMP = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
END = b"END:VCALENDAR\r\n"

# Awkward text: commas, semicolons, backslashes (and a literal "\n" and "\N"), newlines (LF, CRLF, CR),
# carets, long CJK text that must fold without splitting a character, escapes at the fold, empty text.
TEXTS = (
    "碳资产管理师｜考试",
    "a,b;c\\d\nＥ " + "碳排放管理员，" * 30 + "\\",
    "x" * 80 + "\\n" + "^" * 40,
    "",
    "a" * 71 + ",；碳^\\" * 12,
    "碳" * 23 + "x;" * 30,
    "line one\r\nline two\rline three\\Nfour",
    "逗号, 分号; 反斜杠\\ 插入符^ " * 8,
    "😀" * 40 + "é" * 40,
    "a" * 73 + "\\" + "b" * 80,
)


SITE_ID = "carbon-catalog"  # content/site.yaml's id
ESTIMATED = ics.estimated_property(SITE_ID)


# --- the reference: the same properties, written by icalendar ----------------------------------------


def reference_event(uid, stamp, timed, date, start, end, kind, summary, description, label, estimated):
    """One event built with icalendar (as generator/exam_calendar.py once did at run time)."""
    ve = icalendar.Event()
    ve.add("uid", uid)
    ve.add("dtstamp", stamp)
    if timed:
        start_h, start_m = map(int, start.split(":"))
        end_h, end_m = map(int, end.split(":"))
        ve.add("dtstart", dt.datetime.combine(date, dt.time(start_h, start_m), tzinfo=ics.TZ))
        ve.add("dtend", dt.datetime.combine(date, dt.time(end_h, end_m), tzinfo=ics.TZ))
    else:
        ve.add("dtstart", date)
        ve.add("dtend", date + dt.timedelta(days=1))  # the exclusive end of an all-day event
        ve.add("transp", "TRANSPARENT" if kind != "exam" else "OPAQUE")
    ve.add("summary", summary)
    ve.add("description", description)
    ve.add("categories", [label])
    if estimated:  # the X- property's name, or None
        ve.add(estimated.lower(), "TRUE")
    return ve


def reference_vevent(*properties) -> bytes:
    return reference_event(*properties).to_ical()


def reference_calendar(title: str, description: str | None, site_id: str = SITE_ID) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", ics.prodid(site_id))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # icalendar only knows the types of RFC 5545 properties: these TEXT ones are wrapped in vText so
    # their commas, semicolons and backslashes are escaped too.
    cal.add("x-wr-calname", icalendar.vText(title))
    cal.add("name", icalendar.vText(title))
    cal.add("x-wr-timezone", "Asia/Shanghai")
    if description:
        cal.add("x-wr-caldesc", icalendar.vText(description))
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    return cal


def reference_head(title: str, description: str | None) -> bytes:
    data = reference_calendar(title, description).to_ical()
    assert data.endswith(END)
    return data[: -len(END)]


def reference_feed(events, title, today, catalog, description=None) -> bytes:
    """ics_feed as it was written with icalendar throughout (before issue 7)."""
    site = catalog.site
    cal = reference_calendar(title, description, site.id)
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for event in events:
        program = catalog.programs.get(event.program) if catalog else None
        name = ses.display_name(catalog, program) if program else event.program_name
        cal.add_component(reference_event(
            event.uid_in(site.uid_domain), stamp, event.timed, event.date, event.start, event.end, event.kind,
            ics._summary(event, name), ics._description(event, program), event.label,
            ics.estimated_property(site.id) if event.estimated else None))
    if any(e.timed for e in events):
        first, last = min(e.date for e in events), max(e.date for e in events)
        cal.add_missing_timezones(first_date=dt.date(first.year, 1, 1), last_date=dt.date(last.year + 2, 1, 1))
    return cal.to_ical()


# --- the cases ---------------------------------------------------------------------------------------------


def _event_cases():
    for n, (text, marked) in enumerate(itertools.product(TEXTS, (False, True))):
        estimated = ESTIMATED if marked else None
        label = text[:5] or "考试"
        # Timed, in Asia/Shanghai.
        yield (f"u-{n}@x.invalid", STAMP, True, dt.date(2027, 3, 20), "09:00", "11:30", "exam",
               text, text[::-1], label, estimated)
        # All-day: an exam without times (opaque) and a milestone (transparent), across a year's end.
        for kind in ("exam", "results"):
            yield (f"d-{n}-{kind}@x.invalid", STAMP, False, dt.date(2027, 12, 31), None, None, kind,
                   text, text, "成绩查询", estimated)
    # Empty summary, description and label; a comma and a semicolon in the UID.
    yield ("", STAMP, False, dt.date(2026, 2, 28), None, None, "results", "", "", "", None)
    yield ("a,b;c@x.invalid", STAMP, True, dt.date(2026, 10, 1), "13:30", "15:00", "exam", ";", ",", "\\", ESTIMATED)


EVENT_CASES = list(_event_cases())
HEAD_CASES = [(title, description) for title in TEXTS for description in (None, "", title[::-1], "说明，含；逗号\\")]


@pytest.mark.parametrize("case", EVENT_CASES, ids=[f"event-{n}" for n in range(len(EVENT_CASES))])
def test_vevent_is_what_icalendar_writes(case):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # icalendar warns about some property values; the bytes count
        expected = reference_vevent(*case)
    assert ics.vevent(*case) == expected


@pytest.mark.parametrize("title, description", HEAD_CASES, ids=[f"head-{n}" for n in range(len(HEAD_CASES))])
def test_calendar_head_is_what_icalendar_writes(title, description):
    assert ics.calendar_head(title, description, SITE_ID) == reference_head(title, description)


def test_the_cases_are_awkward_enough():
    """The cases above exercise what they claim: escapes, folding inside CJK text, both kinds of event."""
    written = b"".join(ics.vevent(*case) for case in EVENT_CASES)
    for needle in (b"\\,", b"\\;", b"\\\\", b"\\n", b"^", b"\r\n ", b"TZID=Asia/Shanghai", b"VALUE=DATE:",
                   b"TRANSP:TRANSPARENT", b"TRANSP:OPAQUE", b"X-CARBON-CATALOG-ESTIMATED:TRUE"):
        assert needle in written, needle
    assert any(b"\r\n " in ics.vevent(*case) and "碳".encode() in ics.vevent(*case) for case in EVENT_CASES)


def test_a_difference_would_be_caught():
    """The comparison is not vacuous: an unescaped comma differs from what icalendar writes."""
    case = ("u@x.invalid", STAMP, False, dt.date(2027, 1, 1), None, None, "exam", "a,b", "c", "d", None)
    assert ics.vevent(*case) == reference_vevent(*case)
    assert ics.vevent(*case).replace(b"a\\,b", b"a,b") != reference_vevent(*case)


# --- whole feeds, and folding alone -----------------------------------------------------------------------------


def test_whole_feeds_are_what_icalendar_writes(catalog):
    today = dt.date(2026, 11, 21)
    start, end = workdays.default_window(today)
    checked = 0
    for program in ses.scheduled_programs(catalog):
        events = [e for s in ses.sessions(program, start, end) for e in s.events]
        title = f"考试日历 · {ses.display_name(catalog, program)}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = reference_feed(events, title, today, catalog, description="说明，含；逗号\\")
        assert ics.ics_feed(events, title, today, catalog, description="说明，含；逗号\\") == expected, program.id
        checked += bool(events)
    assert checked >= 3


def test_folding_matches_icalendar():
    rng = random.Random(3)
    alphabet = list("ab,;^\\ 碳排放，。😀é")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        assert ics._fold(text.encode("utf-8")) == _foldline(text).encode("utf-8"), text
