"""Exam calendar: sessions from the published schedule rules, milestones on China's working days,
as pages and iCalendar feeds.

Named `exam_calendar` so it never shadows the standard library's `calendar`.

Readings (each is stated on the pages):
- A rule is "the `week`-th `weekday` of each listed month" (week 1–5), or the last one (week -1).
  Week 5 in a month with only four such weekdays gives no session that month.
- `also_next_day` (the source says 周末) adds the following day to the same session: the session
  date is the first day, and milestones count from it.
- Milestones come from the programme's timeline offsets. Calendar-day offsets are plain dates; a
  range (days … days_max) is dated on its earliest day and the page states the range. Working-day
  offsets count China's official working days (public holidays and 调休 make-up working days) from
  `chinesecalendar`. For a year that package does not cover yet, they count Monday–Friday minus the
  statutory holidays from `holidays` (China), without any adjusted days, and the date is marked
  estimated.
- Steps without an offset (qualification review, study) are not dated; retake rules and fees are
  notes (on the results event when there is one, otherwise on the exam).
- A specialty has its family's schedule (resolved in the catalogue). Where a specialty's schedule,
  timeline and exam are exactly its family's, the all-programme views list the family once instead
  of every specialty again; each specialty still has its own page and feed.
"""

from __future__ import annotations

import base64
import calendar as _stdlib_calendar
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

from . import labels
from .catalog import Catalog
from .models import Program, ScheduleRule, TimeSlot

TZ = ZoneInfo("Asia/Shanghai")
# UIDs need a domain on the right of "@". The site's address can change between builds, so a fixed
# name keeps UIDs stable; `.invalid` is reserved (RFC 2606), so it can never collide with a real host.
UID_DOMAIN = "carbon-catalog.invalid"
PRODID = "-//carbon-catalog//考试日历 exam calendar//ZH"

EVENT_KINDS = (
    "exam", "registration_close", "review", "sprint", "mock_test",
    "results", "certificate_issued", "certificate_query",
)
# Chronological order of kinds that share a date (registration closes as the sprint week starts).
_KIND_ORDER = {kind: i for i, kind in enumerate(
    ("registration_close", "review", "sprint", "mock_test", "exam", "results",
     "certificate_issued", "certificate_query"))}
DATED_STEP_KINDS = frozenset(EVENT_KINDS) - {"exam"}

WEEKDAY_INDEX = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
WEEKDAY_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

# chinesecalendar names its holidays in English.
HOLIDAY_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


# --- the build date -----------------------------------------------------------------------


def build_today() -> dt.date:
    """The build's today (fixed by SOURCE_DATE_EPOCH, see clock.py), so builds are reproducible."""
    from .clock import build_date

    return build_date()


def default_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The current year and the next."""
    return dt.date(today.year, 1, 1), dt.date(today.year + 1, 12, 31)


# --- schedule rules -----------------------------------------------------------------------


def nth_weekday(year: int, month: int, weekday: int, week: int) -> dt.date | None:
    """The `week`-th `weekday` (0 = Monday) of the month, or the last one for week -1.

    None when the month has no such day (week 5 in a month with four of them).
    """
    days_in_month = _stdlib_calendar.monthrange(year, month)[1]
    if week == -1:
        last = dt.date(year, month, days_in_month)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    if not 1 <= week <= 5:
        raise ValueError(f"week must be 1–5 or -1, not {week}")
    first = dt.date(year, month, 1)
    day = 1 + (weekday - first.weekday()) % 7 + 7 * (week - 1)
    return dt.date(year, month, day) if day <= days_in_month else None


def rule_days(rule: ScheduleRule, start: dt.date, end: dt.date) -> list[tuple[dt.date, ...]]:
    """Each session's exam days, for sessions whose first day lies in [start, end]."""
    found = []
    for year in range(start.year, end.year + 1):
        for month in sorted(rule.months):
            day = nth_weekday(year, month, WEEKDAY_INDEX[rule.weekday], rule.week)
            if day is None or not start <= day <= end:
                continue
            days = (day, day + dt.timedelta(days=1)) if rule.also_next_day else (day,)
            found.append(days)
    return found


# --- China's working days -------------------------------------------------------------------


@dataclass(frozen=True)
class DayInfo:
    """What the holiday data says about one day."""

    workday: bool
    holiday: str | None = None  # the holiday's Chinese name when the day is a public holiday
    adjusted_workday: str | None = None  # the holiday it makes up for, on a 调休 working weekend day
    estimated: bool = False  # True when the year has no official schedule in chinesecalendar


@lru_cache(maxsize=None)
def official_schedule_published(year: int) -> bool:
    """Whether chinesecalendar has the State Council's holiday schedule for the year."""
    import chinese_calendar

    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=None)
def statutory_holidays(year: int) -> dict[dt.date, str]:
    """China's statutory public holidays for a year, from `holidays`, without adjusted days.

    The package also knows some years' 调休 arrangements (its "special" holidays); those are dropped,
    so the count is the plain statutory one.
    """
    import holidays

    country = holidays.China(years=year, observed=False, language="zh_CN")
    special = getattr(country, "special_public_holidays", {}).get(year, ())
    if special and isinstance(special[0], int):  # a single entry is stored unwrapped
        special = (special,)
    special_days = {dt.date(year, entry[0], entry[1]) for entry in special}
    return {day: name for day, name in country.items() if day.year == year and day not in special_days}


@lru_cache(maxsize=None)
def day_info(day: dt.date) -> DayInfo:
    if official_schedule_published(day.year):
        import chinese_calendar

        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        zh = HOLIDAY_ZH.get(name, name) if name else None
        if on_holiday:
            return DayInfo(workday=False, holiday=zh)
        return DayInfo(workday=True, adjusted_workday=zh if day.weekday() >= 5 else None)
    holiday = statutory_holidays(day.year).get(day)
    return DayInfo(workday=day.weekday() < 5 and holiday is None, holiday=holiday, estimated=True)


def shift_working_days(start: dt.date, count: int) -> tuple[dt.date, bool]:
    """The `count`-th working day after `start` (before it when negative), and whether estimated.

    The count starts on the day after the exam: "15 working days after" a Saturday exam is the
    15th working day following it. Estimated when any day counted lies in a year without an
    official schedule.
    """
    step = 1 if count >= 0 else -1
    day, counted, estimated = start, 0, False
    while counted < abs(count):
        day += dt.timedelta(days=step)
        info = day_info(day)
        estimated = estimated or info.estimated
        if info.workday:
            counted += 1
    return day, estimated


# --- sessions and events ------------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    kind: str  # holiday | adjusted | estimated | range | month | retake
    text: str

    @property
    def admonition(self) -> tuple[str, str]:
        """Material admonition style and title for the note on a page."""
        return {
            "holiday": ("warning", "节假日"),
            "month": ("warning", "请确认"),
            "adjusted": ("info", "调休上班日"),
            "estimated": ("info", "推算日期"),
        }.get(self.kind, ("note", "说明"))


@dataclass(frozen=True)
class Event:
    program: str
    program_name: str
    kind: str
    session: dt.date
    date: dt.date
    label: str  # our label for the kind, e.g. 报名截止
    levels: tuple[str, ...] = ()
    mode: str | None = None  # the exam's mode (online, offline, blended)
    start: str | None = None
    end: str | None = None
    slot: int = 0  # which of the day's exam slots (0 = first)
    slot_label: str | None = None  # e.g. 上午, when a day has several slots
    last_date: dt.date | None = None  # end of a range, e.g. 2–3 days before
    estimated: bool = False
    holiday: str | None = None
    source_label: str | None = None  # the source's name for the step, e.g. 考前备考
    text: str | None = None  # the source's wording
    method: str | None = None  # how the date was found, e.g. 考后 15 个工作日
    notes: tuple[Note, ...] = ()

    @property
    def timed(self) -> bool:
        return self.start is not None

    @property
    def uid(self) -> str:
        """Stable across builds: programme, session date and kind (+ the day and slot of an exam
        beyond the session's first). A milestone's own date is left out on purpose: when the
        official holiday schedule is published and an estimated date moves, calendars update the
        event instead of adding a second one."""
        parts = [self.program, self.session.strftime("%Y%m%d"), self.kind]
        if self.kind == "exam" and self.date != self.session:
            parts.append(self.date.strftime("%Y%m%d"))
        if self.slot:
            parts.append(f"slot{self.slot + 1}")
        return "-".join(parts) + "@" + UID_DOMAIN

    @property
    def note_text(self) -> str | None:
        return " ".join(n.text for n in self.notes) or None

    def sort_key(self) -> tuple:
        return (self.date, self.start or "", _KIND_ORDER.get(self.kind, 99), self.program, self.slot)

    def to_json(self) -> dict:
        """Exactly the fields `catalog calendar --format json` promises."""
        return {
            "program": self.program,
            "levels": list(self.levels),
            "kind": self.kind,
            "session": self.session.isoformat(),
            "date": self.date.isoformat(),
            "start": self.start,
            "end": self.end,
            "estimated": self.estimated,
            "note": self.note_text,
        }


@dataclass(frozen=True)
class Session:
    program: Program
    date: dt.date
    days: tuple[dt.date, ...]
    times: tuple[TimeSlot, ...]
    levels: tuple[str, ...]
    mode: str | None
    exams: tuple[Event, ...]
    milestones: tuple[Event, ...]
    notes: tuple[Note, ...] = ()

    @property
    def events(self) -> list[Event]:
        return sorted((*self.exams, *self.milestones), key=Event.sort_key)

    @property
    def anchor(self) -> str:
        return f"s-{self.date.isoformat()}"

    @property
    def estimated(self) -> bool:
        return any(e.estimated for e in self.events)


def format_date(day: dt.date, weekday: bool = True) -> str:
    text = f"{day.year}年{day.month}月{day.day}日"
    return f"{text}（{WEEKDAY_ZH[day.weekday()]}）" if weekday else text


def _short_date(day: dt.date, reference: dt.date) -> str:
    text = f"{day.month}月{day.day}日" if day.year == reference.year else format_date(day, weekday=False)
    return f"{text}（{WEEKDAY_ZH[day.weekday()]}）"


def exam_times(program: Program) -> tuple[TimeSlot, ...]:
    if program.schedule and program.schedule.times:
        return program.schedule.times
    return program.exam.times if program.exam else ()


def published_levels(program: Program) -> tuple[str, ...]:
    return tuple(level.id for level in program.levels if level.status == "published")


def retake_notes(program: Program) -> tuple[str, ...]:
    """Retake rules and fees, each once, in the source's words."""
    texts = [step.text for step in program.timeline if step.kind == "retake"]
    texts += [fee.text for fee in program.fees if fee.kind == "retake"]
    return tuple(dict.fromkeys(texts))


def undated_steps(program: Program) -> list:
    """Timeline steps the source gives no fixed date for (review, study)."""
    return [s for s in program.timeline if s.offset is None and s.kind not in ("exam", "retake")]


def _holiday_note(day: dt.date, info: DayInfo, what: str) -> Note | None:
    if info.holiday and info.estimated:
        return Note("holiday", (
            f"{format_date(day)}是法定节假日（{info.holiday}）。{day.year}年的官方放假安排尚未公布，"
            f"请向主办方确认{what}是否照常。"))
    if info.holiday:
        return Note("holiday", f"{format_date(day)}在{info.holiday}假期内，请向主办方确认{what}是否照常。")
    if info.adjusted_workday:
        return Note("adjusted", f"{format_date(day)}是调休上班日（{info.adjusted_workday}调休）。")
    return None


def _estimated_note(day: dt.date, session: dt.date) -> Note:
    years = "、".join(f"{y}年" for y in range(session.year, day.year + 1) if not official_schedule_published(y))
    return Note("estimated", (
        f"推算日期（estimated）：{years}的官方放假安排尚未公布，按周一至周五扣除法定节假日计算，"
        "未计调休，以主办方通知为准。"))


def _rule_text(program: Program) -> str:
    from .render import describe_rule  # render imports this module

    return describe_rule(program.schedule.rule)


def _describe_offset(offset) -> str:
    from .render import describe_offset  # render imports this module

    return describe_offset(offset)


def build_session(program: Program, days: tuple[dt.date, ...]) -> Session:
    session = days[0]
    levels = published_levels(program)
    mode = program.exam.mode if program.exam else None
    name = program.name.zh
    notes: list[Note] = []
    exams: list[Event] = []
    times = exam_times(program)
    for day in days:
        info = day_info(day)
        note = _holiday_note(day, info, "该日考试")
        day_notes = (note,) if note else ()
        notes.extend(day_notes)
        if day != session and day.month != session.month:
            notes.append(Note("month", (
                f"该周末的周日（{format_date(day, weekday=False)}）已是下个月；原文未说明跨月的周末"
                "是否算作本月的考试周末，请向主办方确认。")))
        for slot, time in enumerate(times or (None,)):
            exams.append(Event(
                program=program.id, program_name=name, kind="exam", session=session, date=day,
                label=labels.TIMELINE_KIND["exam"], levels=levels, mode=mode,
                start=time.start if time else None, end=time.end if time else None, slot=slot,
                slot_label=(time.label or time.start) if time and len(times) > 1 else None,
                holiday=info.holiday, text=program.schedule.text if program.schedule else None,
                method=program.schedule.reading if program.schedule else None, notes=day_notes,
            ))
    retakes = tuple(Note("retake", f"补考：{text}") for text in retake_notes(program))
    milestones: list[Event] = []
    for step in program.timeline:
        if step.kind not in DATED_STEP_KINDS or step.offset is None:
            continue
        offset = step.offset
        step_notes: list[Note] = []
        last = None
        holiday = None
        if offset.working_days is not None:
            date, estimated = shift_working_days(session, offset.working_days)
            if estimated:
                step_notes.append(_estimated_note(date, session))
        else:
            dates = sorted(session + dt.timedelta(days=d) for d in (offset.days, offset.days_max) if d is not None)
            date, last, estimated = dates[0], (dates[-1] if len(dates) > 1 else None), False
            if last:
                step_notes.append(Note("range", (
                    f"原文为“{step.text}”：{format_date(date, weekday=False)}至{format_date(last, weekday=False)}，"
                    "此处标在最早一天。")))
            info = day_info(date)
            holiday = info.holiday
            note = _holiday_note(date, info, "该日安排") if info.holiday else None
            if note:
                step_notes.append(note)
        milestones.append(Event(
            program=program.id, program_name=name, kind=step.kind, session=session, date=date,
            label=labels.TIMELINE_KIND[step.kind], levels=levels, mode=mode, last_date=last, estimated=estimated,
            holiday=holiday, source_label=step.label, text=step.text, method=_describe_offset(offset),
            notes=tuple(step_notes),
        ))
    # Retake rules belong with the results; without a results date, with the session's first exam.
    results = [i for i, e in enumerate(milestones) if e.kind == "results"]
    if retakes and results:
        i = results[0]
        milestones[i] = _with_notes(milestones[i], retakes)
    elif retakes:
        exams[0] = _with_notes(exams[0], retakes)
    return Session(
        program=program, date=session, days=days, times=times, levels=levels, mode=mode,
        exams=tuple(exams), milestones=tuple(sorted(milestones, key=Event.sort_key)),
        notes=tuple(dict.fromkeys(notes)),
    )


def _with_notes(event: Event, notes: tuple[Note, ...]) -> Event:
    from dataclasses import replace

    return replace(event, notes=event.notes + notes)


def sessions(program: Program, start: dt.date, end: dt.date) -> list[Session]:
    """The programme's sessions whose (first) exam day lies in [start, end]."""
    if program.schedule is None:
        return []
    return [_session(program, days) for days in rule_days(program.schedule.rule, start, end)]


_SESSIONS: dict = {}


def _session(program: Program, days: tuple[dt.date, ...]) -> Session:
    """build_session, once per programme object and session: the programme and calendar pages, the
    feeds, the open data and the JSON-LD all ask for the same sessions. Sessions are immutable. The key
    holds the holiday rules in force, so a test that replaces them gets fresh sessions."""
    key = (id(program), days, official_schedule_published, day_info)
    hit = _SESSIONS.get(key)
    if hit is None or hit[0] is not program:
        if len(_SESSIONS) > 100_000:
            _SESSIONS.clear()
        hit = _SESSIONS[key] = (program, build_session(program, days))
    return hit[1]


def _reach(program: Program) -> dt.timedelta:
    """How far from its exam day a session's events can fall: n working days span at most
    7/5 n calendar days plus the longest breaks (Spring Festival and National Day, ~3 weeks)."""
    days = [2]  # the Sunday of a 周末 session
    for step in program.timeline:
        if step.offset:
            days += [abs(d) for d in (step.offset.days, step.offset.days_max) if d is not None]
            if step.offset.working_days is not None:
                days.append(abs(step.offset.working_days) * 7 // 5 + 30)
    return dt.timedelta(days=max(days))


def events_between(programs: list[Program], start: dt.date, end: dt.date) -> list[Event]:
    """Every event (exam or milestone) dated in [start, end], whatever session it belongs to."""
    found = []
    for program in programs:
        reach = _reach(program)
        for session in sessions(program, start - reach, end + reach):
            found += [e for e in session.events if start <= e.date <= end]
    return sorted(found, key=Event.sort_key)


# --- which programmes ---------------------------------------------------------------------------


def shares_family_calendar(catalog: Catalog, program: Program) -> bool:
    """A specialty whose calendar is exactly its family's (nothing of its own)."""
    if not program.family or program.family not in catalog.programs:
        return False
    family = catalog.programs[program.family]
    return all(getattr(program, f) == getattr(family, f) for f in ("schedule", "timeline", "exam", "fees", "levels"))


def scheduled_programs(catalog: Catalog) -> list[Program]:
    """Every programme with a schedule (specialties included), in catalogue order."""
    ordered = sorted(catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id))
    return [p for p in ordered if p.schedule is not None]


def calendar_programs(catalog: Catalog) -> list[Program]:
    """The programmes the all-programme views list: specialties that only repeat their family's
    calendar are represented by the family."""
    return [p for p in scheduled_programs(catalog) if not shares_family_calendar(catalog, p)]


def display_name(catalog: Catalog, program: Program) -> str:
    """The programme's name, with its family for a specialty (several share a name with a programme)."""
    if program.family and program.family in catalog.programs:
        return f"{program.name.zh}（{catalog.programs[program.family].name.zh}）"
    return program.name.zh


# --- iCalendar ----------------------------------------------------------------------------------


def _description(event: Event) -> str:
    lines = []
    if event.kind == "exam":
        if event.levels:
            lines.append("级别：" + "、".join(labels.LEVEL_NAME.get(lv, lv) for lv in event.levels))
        if event.mode:
            lines.append("形式：" + labels.EXAM_MODE[event.mode])
        if event.start:
            lines.append(f"时间：{event.start}–{event.end}（北京时间）")
        if event.text:
            lines.append(f"原文：{event.text}")
        if event.method:
            lines.append(f"我们的理解：{event.method}")
    else:
        lines.append(f"{event.label}（原文“{event.source_label}”）" if event.source_label else event.label)
        if event.text:
            lines.append(f"原文：{event.text}")
        lines.append(f"计算：{format_date(event.session)}考试，{event.method}")
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
    head = _calendar_head(title, description)
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
        parts.append(_vevent(
            event.uid, stamp, event.timed, event.date, event.start, event.end, event.kind,
            _summary(event, name), _description(event), event.label, event.estimated))
    # The same bytes as adding the components to an icalendar Calendar: a calendar serialises as its own
    # lines, then each component's, then END. An event is in several feeds (its programme's, its
    # session's link, all.ics), so each is serialised once (_vevent) and joined here.
    return head + b"".join(parts) + b"END:VCALENDAR\r\n"


def _calendar_head(title: str, description: str | None) -> bytes:
    """BEGIN:VCALENDAR and the calendar's own properties (see _vevent for how this is checked)."""
    args = (title, description)
    return _calendar_head_lines(*args) if _same_as_icalendar() else _calendar_head_icalendar(*args)


def _calendar_head_icalendar(title: str, description: str | None) -> bytes:
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
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
    end = b"END:VCALENDAR\r\n"
    return cal.to_ical()[: -len(end)]


def _calendar_head_lines(title: str, description: str | None) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + _ical_text(PRODID), "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if description:
        lines.append("X-WR-CALDESC:" + _ical_text(description))
    lines += ["NAME:" + _ical_text(title), "X-WR-CALNAME:" + _ical_text(title),
              "REFRESH-INTERVAL;VALUE=DURATION:P1D", "X-PUBLISHED-TTL:P1D", "X-WR-TIMEZONE:Asia/Shanghai"]
    return b"".join(_fold(line.encode("utf-8")) + b"\r\n" for line in lines)


@lru_cache(maxsize=65536)
def _vevent(uid: str, stamp: dt.datetime, timed: bool, date: dt.date, start: str | None, end: str | None,
            kind: str, summary: str, description: str, label: str, estimated: bool) -> bytes:
    """One VEVENT, serialised; the arguments are everything it shows.

    Written line by line, as icalendar writes it: icalendar's own per-property machinery was most of
    the calendar's build time. `_same_as_icalendar` checks the two agree (escaping, property order,
    folding) on the installed icalendar, and otherwise icalendar itself writes every event."""
    args = (uid, stamp, timed, date, start, end, kind, summary, description, label, estimated)
    return _vevent_lines(*args) if _same_as_icalendar() else _vevent_icalendar(*args)


def _vevent_icalendar(uid, stamp, timed, date, start, end, kind, summary, description, label, estimated) -> bytes:
    import icalendar

    ve = icalendar.Event()
    ve.add("uid", uid)
    ve.add("dtstamp", stamp)
    if timed:
        start_h, start_m = map(int, start.split(":"))
        end_h, end_m = map(int, end.split(":"))
        ve.add("dtstart", dt.datetime.combine(date, dt.time(start_h, start_m), tzinfo=TZ))
        ve.add("dtend", dt.datetime.combine(date, dt.time(end_h, end_m), tzinfo=TZ))
    else:
        ve.add("dtstart", date)
        ve.add("dtend", date + dt.timedelta(days=1))  # exclusive end of an all-day event
        ve.add("transp", "TRANSPARENT" if kind != "exam" else "OPAQUE")
    ve.add("summary", summary)
    ve.add("description", description)
    ve.add("categories", [label])
    if estimated:
        ve.add("x-carbon-catalog-estimated", "TRUE")
    return ve.to_ical()


def _ical_text(text: str) -> str:
    """RFC 5545 TEXT escaping, in icalendar's order."""
    return (text.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _vevent_lines(uid, stamp, timed, date, start, end, kind, summary, description, label, estimated) -> bytes:
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
    if estimated:
        lines.append("X-CARBON-CATALOG-ESTIMATED:TRUE")
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


@lru_cache(maxsize=1)
def _same_as_icalendar() -> bool:
    """Whether _vevent_lines writes exactly what icalendar writes, on a few awkward events."""
    import warnings

    stamp = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)
    texts = ("碳资产管理师｜考试", "a,b;c\\d\nＥ " + "碳排放管理员，" * 30 + "\\", "x" * 80 + "\\n" + "^" * 40, "",
             "a" * 71 + ",；碳^\\" * 12, "碳" * 23 + "x;" * 30)  # tests/test_performance.py checks many more
    cases = [("u-1@x.invalid", stamp, True, dt.date(2027, 3, 20), "09:00", "11:30", "exam", t, t[::-1], t[:5] or "考试", e)
             for t in texts for e in (False, True)]
    cases += [("u-2@x.invalid", stamp, False, dt.date(2027, 12, 31), None, None, k, t, t, "成绩查询", e)
              for k in ("exam", "results") for t in texts for e in (False, True)]
    heads = [(t, d) for t in texts for d in (None, "", t[::-1])]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return (all(_vevent_lines(*c) == _vevent_icalendar(*c) for c in cases)
                    and all(_calendar_head_lines(*h) == _calendar_head_icalendar(*h) for h in heads))
    except Exception:  # noqa: BLE001 - any difference in the library: let it write everything
        return False


@lru_cache(maxsize=None)
def _vtimezone(first_year: int, last_year: int) -> bytes:
    import icalendar

    return icalendar.Timezone.from_tzid(
        TZ.key, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year, 1, 1)).to_ical()


# --- views for the templates ----------------------------------------------------------------------


@dataclass
class Entry:
    text: str
    href: str
    program: str
    flags: list[str] = field(default_factory=list)


@dataclass
class Cell:
    day: dt.date
    today: bool = False
    holiday: str | None = None
    entries: list[Entry] = field(default_factory=list)

    @property
    def label(self) -> str:
        return format_date(self.day)


@dataclass
class MonthGrid:
    year: int
    month: int
    weeks: list[list[Cell | None]]

    @property
    def caption(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def anchor(self) -> str:
        return f"m-{self.year}-{self.month:02d}"


def month_grids(entries: dict[dt.date, list[Entry]], first: dt.date, last: dt.date, today: dt.date) -> list[MonthGrid]:
    """Monday-first month grids from first's month to last's, with each day's entries."""
    grids = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        weeks = []
        for week in _stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            row: list[Cell | None] = []
            for day in week:
                if day.month != month:
                    row.append(None)
                    continue
                info = day_info(day)
                row.append(Cell(day=day, today=day == today, holiday=info.holiday, entries=entries.get(day, [])))
            weeks.append(row)
        grids.append(MonthGrid(year, month, weeks))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return grids


def event_flags(event: Event) -> list[str]:
    flags = []
    if event.estimated:
        flags.append("推算")
    if event.holiday:
        flags.append(f"节假日：{event.holiday}，请确认")
    elif any(n.kind == "adjusted" for n in event.notes):
        flags.append("调休上班日")
    return flags


def event_when(event: Event) -> str:
    text = format_date(event.date)
    if event.last_date:
        text += f"至{_short_date(event.last_date, event.date)}"
    if event.start:
        text += f" {event.start}–{event.end}"
    return text


@dataclass
class Row:
    """One line of a session's table on its calendar page."""

    label: str
    when: str
    method: str
    notes: list[str]
    flags: list[str]


def session_rows(session: Session) -> list[Row]:
    """The session's events in date order; one row per exam day, with all its time slots."""
    rows, seen = [], set()
    for event in session.events:
        if event.kind != "exam":
            rows.append(Row(event.label, event_when(event), event.method or "—",
                            [n.text for n in event.notes], event_flags(event)))
            continue
        if event.date in seen:
            continue
        seen.add(event.date)
        same_day = [e for e in session.exams if e.date == event.date]
        when = format_date(event.date)
        if event.start:
            when += " " + "、".join(f"{e.start}–{e.end}" for e in same_day)
        notes = list(dict.fromkeys(n.text for e in same_day for n in e.notes))
        rows.append(Row(event.label, when, f"按规则：{_rule_text(session.program)}", notes, event_flags(event)))
    return rows


def session_times(session: Session) -> str:
    if not session.times:
        return "具体时段" + labels.NOT_PUBLISHED
    return "；".join(f"{t.label + ' ' if t.label else ''}{t.start}–{t.end}" for t in session.times)


def session_days(session: Session) -> str:
    text = format_date(session.days[0])
    for day in session.days[1:]:
        text += "、" + _short_date(day, session.days[0])
    return text


def level_names(session: Session) -> str:
    return "、".join(labels.LEVEL_NAME.get(lv, lv) for lv in session.levels) or "原文未分级别"


def session_flags(session: Session) -> list[str]:
    flags = []
    holidays_ = [e.holiday for e in session.exams if e.holiday]
    if holidays_:
        flags.append(f"节假日：{'、'.join(dict.fromkeys(holidays_))}，请向主办方确认")
    if any(n.kind == "adjusted" for n in session.notes):
        flags.append("调休上班日")
    if any(n.kind == "month" for n in session.notes):
        flags.append("周日跨月，请确认")
    if session.estimated:
        flags.append("部分节点为推算日期")
    return flags


def session_ics_link(session: Session, catalog: Catalog, today: dt.date) -> str:
    """One session as a self-contained `data:` link, for "add to calendar".

    Not a file: one file per session would publish URLs that vanish once the session is past,
    and the site's published-URL registry forbids that.
    """
    name = display_name(catalog, session.program)
    data = ics_feed(session.events, f"{name} · {format_date(session.date, weekday=False)}考试", today, catalog)
    return "data:text/calendar;charset=utf-8;base64," + base64.b64encode(data).decode("ascii")


@dataclass
class Preview:
    """The next sessions for a programme page."""

    program: Program
    sessions: list[Session]
    today: dt.date

    def milestone_summary(self, session: Session) -> str:
        parts = []
        for e in session.milestones:
            text = f"{e.label} {_short_date(e.date, session.date)}"
            if e.last_date:
                text += f"至{_short_date(e.last_date, e.date)}"
            if e.estimated:
                text += "（推算）"
            if e.holiday:
                text += f"（{e.holiday}，请确认）"
            parts.append(text)
        return "；".join(parts) or "原文未给出各环节的固定时间"


def next_sessions(program: Program, today: dt.date, count: int = 3) -> list[Session]:
    start, end = default_window(today)
    return [s for s in sessions(program, max(start, today), end)][:count]


def preview(program: Program, today: dt.date, count: int = 3) -> Preview | None:
    if program.schedule is None:
        return None
    return Preview(program=program, sessions=next_sessions(program, today, count), today=today)


# --- site files -----------------------------------------------------------------------------------


def site_files(catalog: Catalog, today: dt.date | None = None) -> dict[str, str | bytes]:
    """The calendar pages and feeds, by path: calendar/index.md, calendar/<id>.md, the .ics files."""
    from .render import Renderer, describe_rule

    today = today or build_today()
    start, end = default_window(today)
    renderer = Renderer(catalog, today=today)
    render = lambda template, **context: renderer.env.get_template(template).render(**context)  # noqa: E731
    out: dict[str, str | bytes] = {}

    every = scheduled_programs(catalog)
    listed = calendar_programs(catalog)
    by_program = {p.id: sessions(p, start, end) for p in every}
    upcoming = {pid: [s for s in found if s.date >= today] for pid, found in by_program.items()}

    for program in every:
        pid = program.id
        name = display_name(catalog, program)
        out[f"calendar/{pid}.ics"] = ics_feed(
            [e for s in by_program[pid] for e in s.events], f"考试日历 · {name}", today, catalog,
            description=f"{name}：按公布的考试规则推算的考试日期与各环节节点。")
        for old in program.former_ids:  # subscribers of a renamed programme keep getting updates
            out[f"calendar/{old}.ics"] = out[f"calendar/{pid}.ics"]
        entries: dict[dt.date, list[Entry]] = {}
        for session in upcoming[pid]:
            for event in session.events:
                text = event.label + (f" {event.start}" if event.start else "")
                entries.setdefault(event.date, []).append(
                    Entry(text=text, href=f"#{session.anchor}", program=pid, flags=event_flags(event)))
        last = max((e.date for s in upcoming[pid] for e in s.events), default=today)
        family = catalog.programs.get(program.family) if program.family else None
        out[f"calendar/{pid}.md"] = render(
            "calendar_program.md.j2", program=program, name=name, family=family,
            shares_family=shares_family_calendar(catalog, program),
            sessions=upcoming[pid], add_links={s.anchor: session_ics_link(s, catalog, today) for s in upcoming[pid]},
            grids=month_grids(entries, today, last, today) if upcoming[pid] else [],
            rule_text=describe_rule(program.schedule.rule), undated=undated_steps(program),
            retakes=retake_notes(program), window=(start, end), today=today, cal=ViewHelpers)

    entries = {}
    rows = []
    for program in listed:
        for session in upcoming[program.id]:
            rows.append((session, program))
            for day in session.days:
                exam = next(e for e in session.exams if e.date == day)
                entries.setdefault(day, []).append(Entry(
                    text=display_name(catalog, program) if program.family else program.name.zh,
                    href=f"{program.id}/#{session.anchor}", program=program.id, flags=event_flags(exam)))
    rows.sort(key=lambda r: (r[0].date, r[1].type == "specialty", r[1].id))
    last = max((day for s, _ in rows for day in s.days), default=today)
    families = {p.id: [s for s in every if s.family == p.id] for p in listed}
    out["calendar/index.md"] = render(
        "calendar_index.md.j2", programs=listed, families=families, rows=rows,
        grids=month_grids(entries, today, last, today) if rows else [],
        rules={p.id: describe_rule(p.schedule.rule) for p in every}, window=(start, end), today=today,
        display_name=lambda p: display_name(catalog, p), cal=ViewHelpers)
    out["calendar/all.ics"] = ics_feed(
        sorted((e for p in listed for s in by_program[p.id] for e in s.events), key=Event.sort_key), "碳市场职业技能证书 · 考试日历", today, catalog,
        description="各证书项目按公布的考试规则推算的考试日期与各环节节点（系列专业随所属系列列出）。")
    return out


class ViewHelpers:
    """Formatting the calendar templates call; no rules live in the templates."""

    weekdays = WEEKDAY_ZH
    format_date = staticmethod(format_date)
    event_when = staticmethod(event_when)
    event_flags = staticmethod(event_flags)
    session_times = staticmethod(session_times)
    session_days = staticmethod(session_days)
    session_flags = staticmethod(session_flags)
    session_rows = staticmethod(session_rows)
    level_names = staticmethod(level_names)
    official_schedule_published = staticmethod(official_schedule_published)

    @staticmethod
    def mode(session: Session) -> str:
        return labels.EXAM_MODE[session.mode] if session.mode else labels.NOT_PUBLISHED

    @staticmethod
    def official_years(window: tuple[dt.date, dt.date]) -> tuple[list[int], list[int]]:
        years = range(window[0].year, window[1].year + 1)
        return [y for y in years if official_schedule_published(y)], [y for y in years if not official_schedule_published(y)]
