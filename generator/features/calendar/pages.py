"""The calendar's pages: /calendar/, one page per programme, and the next sessions on programme pages."""

from __future__ import annotations

import base64
import calendar as _stdlib_calendar
import datetime as dt
from dataclasses import dataclass, field

from generator.pages.build import Build
from generator.source.catalog import Catalog
from generator.source.models import Program
from generator.features.calendar.ics import ics_feed
from generator.features.calendar.rules_json import DATA_PATH as RULES_PATH, rules_json
from generator.features.calendar.sessions import (
    Event, Session, calendar_programs, display_name, next_sessions, retake_notes, scheduled_programs, sessions,
    shares_family_calendar, undated_steps,
)
from generator.features.calendar.workdays import day_info, default_window, official_schedule_published
from generator.words import labels
from generator.words.phrases import WEEKDAY_SHORT, calendar_day, describe_rule, short_day

@dataclass
class GridEntry:
    text: str
    href: str
    program: str
    flags: list[str] = field(default_factory=list)


@dataclass
class Cell:
    day: dt.date
    today: bool = False
    holiday: str | None = None
    entries: list[GridEntry] = field(default_factory=list)

    @property
    def label(self) -> str:
        return calendar_day(self.day)


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


def month_grids(entries: dict[dt.date, list[GridEntry]], first: dt.date, last: dt.date, today: dt.date) -> list[MonthGrid]:
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
    text = calendar_day(event.date)
    if event.last_date:
        text += f"至{short_day(event.last_date, event.date)}"
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
        when = calendar_day(event.date)
        if event.start:
            when += " " + "、".join(f"{e.start}–{e.end}" for e in same_day)
        notes = list(dict.fromkeys(n.text for e in same_day for n in e.notes))
        rows.append(Row(event.label, when, f"按规则：{describe_rule(session.program.schedule.rule)}", notes, event_flags(event)))
    return rows


def session_times(session: Session) -> str:
    if not session.times:
        return "具体时段" + labels.NOT_PUBLISHED
    return "；".join(f"{t.label + ' ' if t.label else ''}{t.start}–{t.end}" for t in session.times)


def session_days(session: Session) -> str:
    text = calendar_day(session.days[0])
    for day in session.days[1:]:
        text += "、" + short_day(day, session.days[0])
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
    data = ics_feed(session.events, f"{name} · {calendar_day(session.date, weekday=False)}考试", today, catalog)
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
            text = f"{e.label} {short_day(e.date, session.date)}"
            if e.last_date:
                text += f"至{short_day(e.last_date, e.date)}"
            if e.estimated:
                text += "（推算）"
            if e.holiday:
                text += f"（{e.holiday}，请确认）"
            parts.append(text)
        return "；".join(parts) or "原文未给出各环节的固定时间"


def upcoming(program: Program, today: dt.date, count: int = 3) -> Preview | None:
    if program.schedule is None:
        return None
    return Preview(program=program, sessions=next_sessions(program, today, count), today=today)


def files(build: Build) -> dict[str, str | bytes]:
    """The calendar pages and feeds, by path: calendar/index.md, calendar/<id>.md, the .ics files."""
    catalog, today = build.catalog, build.today
    start, end = default_window(today)
    out: dict[str, str | bytes] = {RULES_PATH: rules_json(catalog, today)}

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
        entries: dict[dt.date, list[GridEntry]] = {}
        for session in upcoming[pid]:
            for event in session.events:
                text = event.label + (f" {event.start}" if event.start else "")
                entries.setdefault(event.date, []).append(
                    GridEntry(text=text, href=f"#{session.anchor}", program=pid, flags=event_flags(event)))
        last = max((e.date for s in upcoming[pid] for e in s.events), default=today)
        family = catalog.programs.get(program.family) if program.family else None
        out[f"calendar/{pid}.md"] = build.page(
            f"calendar/{pid}.md", "calendar_program.md.j2", program=program, name=name, family=family,
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
                entries.setdefault(day, []).append(GridEntry(
                    text=display_name(catalog, program) if program.family else program.name.zh,
                    href=f"{program.id}/#{session.anchor}", program=program.id, flags=event_flags(exam)))
    rows.sort(key=lambda r: (r[0].date, r[1].type == "specialty", r[1].id))
    last = max((day for s, _ in rows for day in s.days), default=today)
    families = {p.id: [s for s in every if s.family == p.id] for p in listed}
    out["calendar/index.md"] = build.page(
        "calendar/index.md", "calendar_index.md.j2", programs=listed, families=families, rows=rows,
        grids=month_grids(entries, today, last, today) if rows else [],
        rules={p.id: describe_rule(p.schedule.rule) for p in every}, window=(start, end), today=today,
        display_name=lambda p: display_name(catalog, p), cal=ViewHelpers)
    out["calendar/all.ics"] = ics_feed(
        sorted((e for p in listed for s in by_program[p.id] for e in s.events), key=Event.sort_key), catalog.site.calendar_title, today, catalog,
        description="各证书项目按公布的考试规则推算的考试日期与各环节节点（系列专业随所属系列列出）。")
    return out


def template_helpers(build: Build) -> dict[str, dict[str, object]]:
    """The next sessions on programme pages, and the calendar templates' formatting."""
    return {"globals": dict(
        calendar_preview=lambda program: upcoming(program, build.today),
        next_sessions=lambda program: next_sessions(program, build.today),
        cal=ViewHelpers,
    )}


class ViewHelpers:
    """Formatting the calendar templates call; no rules live in the templates."""

    weekdays = WEEKDAY_SHORT
    day = staticmethod(calendar_day)
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

