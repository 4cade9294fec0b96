"""RFC 5545 feeds of exams and milestones, written line by line.

tests/unit/test_ics.py checks that these bytes are exactly what the `icalendar` library writes for
the same events; writing them directly is most of the calendar's build time saved (BENCHMARKS.md).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from generator.source.catalog import Catalog
from generator.source.facts import schedule_fact
from generator.source.models import Program, SiteSettings
from generator.features.calendar.sessions import Event, display_name
from generator.words import labels
from generator.words.phrases import calendar_day

TZ = ZoneInfo("Asia/Shanghai")


def prodid(site_id: str) -> str:
    """The calendar's PRODID, from the site's machine name (content/site.yaml `id`)."""
    return f"-//{site_id}//考试日历 exam calendar//ZH"


def estimated_property(site_id: str) -> str:
    """The X- property that marks a date counted without the official holiday schedule."""
    return f"X-{site_id.upper()}-ESTIMATED"

def _description(event: Event, program: Program | None) -> str:
    """What the event is and how it was dated; an exam keeps the schedule's qualifiers (source/facts.py):
    the source's wording, our reading and the notes on it."""
    lines = []
    if event.kind == "exam":
        if event.levels:
            lines.append("级别：" + "、".join(labels.LEVEL_NAME.get(lv, lv) for lv in event.levels))
        if event.mode:
            lines.append("形式：" + labels.EXAM_MODE[event.mode])
        if event.start:
            lines.append(f"时间：{event.start}–{event.end}（北京时间）")
        fact = schedule_fact(program) if program else None
        if fact:
            lines += [f"原文：{fact.condition}", f"我们的理解：{fact.reading}", *(f"说明：{n}" for n in fact.notes)]
        else:
            if event.text:
                lines.append(f"原文：{event.text}")
            if event.method:
                lines.append(f"我们的理解：{event.method}")
    else:
        lines.append(f"{event.label}（原文“{event.source_label}”）" if event.source_label else event.label)
        if event.text:
            lines.append(f"原文：{event.text}")
        lines.append(f"计算：{calendar_day(event.session)}考试，{event.method}")
        fact = schedule_fact(program) if program else None
        if fact:
            lines.append(f"考试日为我们的理解：{fact.reading}")
    lines += [n.text for n in event.notes]
    lines.append("日期由考试规则推算，具体以主办方通知为准。")
    return "\n".join(lines)


def _summary(event: Event, name: str) -> str:
    text = f"{name}｜{event.label}"
    if event.slot_label:
        text += f"（{event.slot_label}）"
    if event.estimated:
        text += "（推算日期 estimated）"
    if event.holiday:
        text += "（节假日，请确认）"
    return text


def ics_feed(
    events: list[Event], title: str, today: dt.date, catalog: Catalog | None = None,
    description: str | None = None,
) -> bytes:
    """An RFC 5545 calendar of exams and milestones.

    Exams with published times are timed in Asia/Shanghai (with its VTIMEZONE); milestones, and exams
    without published times, are all-day events (VALUE=DATE, DTEND the next day: the end is exclusive).
    DTSTAMP is the build date, so two builds on the same date are identical.
    """
    settings = catalog.site if catalog else SiteSettings()
    head = calendar_head(title, description, settings.id)
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    parts = []
    if any(e.timed for e in events):
        first, last = min(e.date for e in events), max(e.date for e in events)
        # What add_missing_timezones would insert, computed once per year span: building a VTIMEZONE
        # walks every UTC offset in the span and was most of the calendar's build time.
        parts.append(_vtimezone(first.year, last.year + 2))
    for event in events:
        program = catalog.programs.get(event.program) if catalog else None
        name = display_name(catalog, program) if program else event.program_name
        parts.append(vevent(
            event.uid_in(settings.uid_domain), stamp, event.timed, event.date, event.start, event.end, event.kind,
            _summary(event, name), _description(event, program), event.label,
            estimated_property(settings.id) if event.estimated else None))
    # A calendar serialises as its own lines, then each component's, then END (as icalendar does).
    return head + b"".join(parts) + b"END:VCALENDAR\r\n"


def calendar_head(title: str, description: str | None, site_id: str) -> bytes:
    """BEGIN:VCALENDAR and the calendar's own properties, as icalendar writes them."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + _ical_text(prodid(site_id)), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if description:
        lines.append("X-WR-CALDESC:" + _ical_text(description))
    lines += ["NAME:" + _ical_text(title), "X-WR-CALNAME:" + _ical_text(title),
              "REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D", "X-WR-TIMEZONE:Asia/Shanghai"]
    return b"".join(_fold(line.encode("utf-8")) + b"\r\n" for line in lines)


def _ical_text(text: str) -> str:
    """RFC 5545 TEXT escaping, in icalendar's order."""
    return (text.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


@lru_cache(maxsize=65536)
def vevent(uid: str, stamp: dt.datetime, timed: bool, date: dt.date, start: str | None, end: str | None,
           kind: str, summary: str, description: str, label: str, estimated: str | None) -> bytes:
    """One VEVENT, serialised as icalendar serialises it; the arguments are everything it shows.

    An event is in several feeds (its programme's, its session's link, all.ics), so it is written once."""
    if timed:
        day = date.strftime("%Y%m%d")
        times = [f"DTSTART;TZID={TZ.key}:{day}T{start.replace(':', '')}00",
                 f"DTEND;TZID={TZ.key}:{day}T{end.replace(':', '')}00"]
    else:
        times = [f"DTSTART;VALUE=DATE:{date:%Y%m%d}", f"DTEND;VALUE=DATE:{date + dt.timedelta(days=1):%Y%m%d}"]
    # Property order: icalendar's canonical order for an event, then the rest alphabetically.
    lines = ["BEGIN:VEVENT", "SUMMARY:" + _ical_text(summary), *times,
             f"DTSTAMP:{stamp.astimezone(dt.timezone.utc):%Y%m%dT%H%M%S}Z", "UID:" + _ical_text(uid),
             "CATEGORIES:" + _ical_text(label), "DESCRIPTION:" + _ical_text(description)]
    if not timed:
        lines.append("TRANSP:" + ("TRANSPARENT" if kind != "exam" else "OPAQUE"))
    if estimated:  # the X- property's name
        lines.append(f"{estimated}:TRUE")
    lines.append("END:VEVENT")
    # A line under 75 bytes is never folded; only long ones go through icalendar's folding.
    return b"".join(_fold(line.encode("utf-8")) + b"\r\n" for line in lines)


def _fold(line: bytes, limit: int = 75) -> bytes:
    """RFC 5545 folding as icalendar does it, a chunk at a time instead of a character at a time: each
    line at most limit - 1 octets, never inside a UTF-8 character, and never right after a backslash
    or caret (an escape stays whole on the next line)."""
    if len(line) < limit:
        return line
    chunks, start = [], 0
    while len(line) - start >= limit:
        end = start + limit - 1
        while line[end] & 0xC0 == 0x80:  # inside a character: cut before it
            end -= 1
        if line[end - 1] in b"\\^" and end - 1 > start:
            end -= 1
        chunks.append(line[start:end])
        start = end
    chunks.append(line[start:])
    return b"\r\n ".join(chunks)


@lru_cache(maxsize=None)
def _vtimezone(first_year: int, last_year: int) -> bytes:
    import icalendar

    return icalendar.Timezone.from_tzid(
        TZ.key, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 1, 1)).to_ical()

