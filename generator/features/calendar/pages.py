"""The calendar's pages: /calendar/, one page per programme, and the next sessions on programme pages."""

from __future__ import annotations

import base64
import calendar as _stdlib_calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.pages.build import Build
from generator.source.catalog import Catalog
from generator.source.models import Program
from generator.features.calendar.ics import ics_feed
from generator.features.calendar.rules_json import (
    DATA_PATH as RULES_PATH, common_data, program_rules_path, rules_json,
)
from generator.features.calendar.sessions import (
    DateNote, Event, Session, calendar_programs, reading_marked, display_name, next_sessions, retake_notes, scheduled_programs, sessions,
    shares_family_calendar, times_text, undated_steps,
)
from generator.features.calendar.workdays import day_info, default_window, official_schedule_published
from generator.words.editions import ZH, Words
from generator.words.phrases import calendar_day

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


@dataclass
class MonthGrid:
    year: int
    month: int
    weeks: list[list[Cell | None]]

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


# Month pages never disappear (published-urls.txt), so every month from the first one published stays.
FIRST_MONTH_PAGE = dt.date(2026, 1, 1)


def month_path(year: int, month: int) -> str:
    return f"calendar/{year}-{month:02d}.md"


def months(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    found, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def month_pages(today: dt.date) -> list[tuple[int, int]]:
    """The months that have a page: from the first one published to the end of the calendar's window,
    and never fewer than the first year's window had (a build dated earlier, SOURCE_DATE_EPOCH, must
    not lose a published month page)."""
    start, _ = default_window(today)
    return months(min(FIRST_MONTH_PAGE, start), dt.date(max(today.year, FIRST_MONTH_PAGE.year) + 1, 12, 31))


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _stdlib_calendar.monthrange(year, month)[1])


def list_end(today: dt.date) -> dt.date:
    """The upcoming list on /calendar/ runs from today to the end of the next month (calendar/page.js
    does the same from the reader's today)."""
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return month_end(year, month)


def says_weekend(program: Program) -> bool:
    """The source says 周末 for the exam day: by the calendar's one rule, Saturday and Sunday."""
    return ZH.calendar["weekend"] in program.schedule.text


def registration_event(session: Session) -> Event | None:
    return next((e for e in session.milestones if e.kind == "registration_close"), None)


def session_rows_between(listed: list[Program], first: dt.date, last: dt.date) -> list[tuple[Session, Program]]:
    """Every listed programme's sessions whose first exam day lies in [first, last], in date order."""
    rows = [(s, p) for p in listed for s in sessions(p, first, last)]
    return sorted(rows, key=lambda r: (r[0].date, r[1].type == "specialty", r[1].id))


def exam_grid_entries(catalog: Catalog, rows: list[tuple[Session, Program]], link: str,
                      view: View) -> dict[dt.date, list[GridEntry]]:
    """The month grids of the all-programme pages: each exam day, with the programme's name."""
    entries: dict[dt.date, list[GridEntry]] = {}
    for session, program in rows:
        for day in session.days:
            exam = next(e for e in session.exams if e.date == day)
            entries.setdefault(day, []).append(GridEntry(
                text=display_name(catalog, program, view.w),
                href=link.format(program=program.id, anchor=session.anchor), program=program.id,
                flags=view.event_flags(exam)))
    return entries


@dataclass
class Row:
    """One line of a session's table on its calendar page."""

    label: str
    when: str
    method: str
    notes: list[str]
    flags: list[str]


class View:
    """How the calendar pages word dates, flags and rows in one edition (`Words.calendar` and the
    date formats); the browser's calendar/page.js words them the same way from the same words."""

    def __init__(self, words: Words) -> None:
        self.w = words
        self.words = words.calendar
        self.weekdays = words.calendar_weekdays

    def day(self, day: dt.date, weekday: bool = True) -> str:
        f = self.w.calendar_date
        text = f["date"].format(year=day.year, month=day.month, day=day.day, month_name=self.w.calendar_months[day.month - 1])
        return f["date_weekday"].format(date=text, weekday=self.weekdays[day.weekday()]) if weekday else text

    def short_day(self, day: dt.date, reference: dt.date) -> str:
        """A day next to `reference`: the year only when it differs."""
        text = (self.words["month_day"].format(month=day.month, day=day.day, month_name=self.w.calendar_months[day.month - 1])
                if day.year == reference.year else self.day(day, weekday=False))
        return self.w.calendar_date["date_weekday"].format(date=text, weekday=self.weekdays[day.weekday()])

    def month_caption(self, year: int, month: int) -> str:
        return self.words["month_caption"].format(year=year, month=month, month_name=self.w.calendar_months[month - 1])

    def holiday(self, name: str) -> str:
        return self.w.calendar_holidays.get(name, name)

    def event_flags(self, event: Event) -> list[str]:
        flags = []
        if event.estimated:
            flags.append(self.words["estimated"])
        if event.holiday:
            flags.append(self.words["holiday"].format(holiday=self.holiday(event.holiday)))
        elif any(n.kind == "adjusted" for n in event.notes):
            flags.append(self.words["adjusted"])
        return flags

    def flagged(self, text: str, flags: list[str]) -> str:
        return text + "".join(self.words["flag"].format(flag=f) for f in flags)

    def event_when(self, event: Event) -> str:
        text = self.day(event.date)
        if event.last_date:
            text = self.words["range"].format(first=text, last=self.short_day(event.last_date, event.date))
        if event.start:
            text += f" {event.start}–{event.end}"
        return text

    def label(self, event: Event) -> str:
        return self.w.timeline_kind[event.kind]

    def method(self, event: Event, program: Program) -> str:
        """How a milestone's date was found (the offset, in the edition's words)."""
        step = next((s for s in program.timeline if s.kind == event.kind and s.offset is not None), None)
        return self.w.offset(step.offset) if step else "—"

    def session_rows(self, session: Session) -> list[Row]:
        """The session's events in date order; one row per exam day, with all its time slots."""
        rows, seen = [], set()
        for event in session.events:
            if event.kind != "exam":
                rows.append(Row(self.label(event), self.event_when(event), self.method(event, session.program),
                                [n.text for n in event.notes], self.event_flags(event)))
                continue
            if event.date in seen:
                continue
            seen.add(event.date)
            same_day = [e for e in session.exams if e.date == event.date]
            when = self.day(event.date)
            if event.start:
                when += " " + self.words["and"].join(f"{e.start}–{e.end}" for e in same_day)
            notes = list(dict.fromkeys(n.text for e in same_day for n in e.notes))
            rows.append(Row(self.label(event), when, self.words["by_rule"].format(rule=self.w.rule(session.program.schedule.rule)), notes,
                            self.event_flags(event)))
        return rows

    def session_times(self, session: Session) -> str:
        return times_text(session.times, self.w)

    def session_days(self, session: Session) -> str:
        text = self.day(session.days[0])
        for day in session.days[1:]:
            text += self.words["and"] + self.short_day(day, session.days[0])
        return text

    def level_names(self, session: Session) -> str:
        return self.w.list_sep.join(self.w.level.get(lv, lv) for lv in session.levels) or self.words["no_levels"]

    def session_flags(self, session: Session) -> list[str]:
        flags = []
        holidays_ = [self.holiday(e.holiday) for e in session.exams if e.holiday]
        if holidays_:
            flags.append(self.words["session_holiday"].format(holidays=self.words["and"].join(dict.fromkeys(holidays_))))
        if any(n.kind == "adjusted" for n in session.notes):
            flags.append(self.words["adjusted"])
        if any(n.kind == "month" for n in session.notes):
            flags.append(self.words["next_month_sunday"])
        if session.estimated:
            flags.append(self.words["session_estimated"])
        if reading_marked(session.program):
            flags.append(self.words["reading"])
        return flags

    def registration(self, session: Session, today: dt.date) -> str:
        """The session's registration deadline with its marks (closed once past), or not published."""
        event = registration_event(session)
        if event is None:
            return self.words["not_published"]
        return self.flagged(self.event_when(event),
                            self.event_flags(event) + ([self.words["closed"]] if event.date < today else []))

    def milestone_summary(self, session: Session) -> str:
        """Every milestone but the registration deadline (a column of its own), with its marks."""
        parts = []
        for e in session.milestones:
            if e.kind == "registration_close":
                continue
            text = f"{self.label(e)} {self.short_day(e.date, session.date)}"
            if e.last_date:
                text = self.words["range"].format(first=text, last=self.short_day(e.last_date, e.date))
            parts.append(self.flagged(text, self.event_flags(e)))
        return self.words["flag_separator"].join(parts) or self.words["no_fixed_steps"]

    def admonition(self, note: DateNote) -> tuple[str, str]:
        """Material admonition style and title for a date note on a page."""
        return self.w.calendar_note_titles.get(note.kind, self.w.calendar_note_other)

    def mode(self, session: Session) -> str:
        return self.w.exam_mode[session.mode] if session.mode else self.w.not_published

    def years(self, years: list[int]) -> str:
        return self.w.calendar_date["list_separator"].join(self.w.calendar_date["year"].format(year=y) for y in years)

    month_path = staticmethod(month_path)
    official_schedule_published = staticmethod(official_schedule_published)

    @staticmethod
    def official_years(window: tuple[dt.date, dt.date]) -> tuple[list[int], list[int]]:
        years = range(window[0].year, window[1].year + 1)
        return [y for y in years if official_schedule_published(y)], [y for y in years if not official_schedule_published(y)]


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
    count: int


def upcoming(program: Program, today: dt.date, count: int = 3) -> Preview | None:
    if program.schedule is None:
        return None
    return Preview(program=program, sessions=next_sessions(program, today, count), today=today, count=count)


EDITIONS = ("zh", "en")  # generator/site.py: the English edition has its own calendar pages


def files(build: Build) -> Iterator[tuple[str, str | bytes]]:
    """The calendar pages, feeds and data, as (path, content) pairs made one at a time (at 1,000
    programmes they are 176 MB): calendar/index.md, a page per month (calendar/YYYY-MM.md),
    calendar/<id>.md, the session engine's rules in the edition's words, and (in the Chinese edition;
    the English one shares them) the .ics feeds."""
    catalog, today, w = build.catalog, build.today, build.words
    view = View(w)
    start, end = default_window(today)
    every = scheduled_programs(catalog)
    listed = calendar_programs(catalog)
    common = common_data(catalog, today, w)
    yield RULES_PATH, rules_json(catalog, today, w, common=common)
    for program in every:  # a renamed programme's old data address keeps answering (published-urls.txt)
        data = rules_json(catalog, today, w, [program], common)
        for pid in (program.id, *program.former_ids):
            yield program_rules_path(pid), data

    by_program = {p.id: sessions(p, start, end) for p in every}
    upcoming = {pid: [s for s in found if s.date >= today] for pid, found in by_program.items()}

    for program in every:
        pid = program.id
        name = display_name(catalog, program, w)
        if w is ZH:
            feed = ics_feed(
                [e for s in by_program[pid] for e in s.events], f"考试日历 · {display_name(catalog, program)}", today, catalog,
                description=f"{display_name(catalog, program)}：按公布的考试规则推算的考试日期与各环节节点。")
            for feed_id in (pid, *program.former_ids):  # subscribers of a renamed programme keep getting updates
                yield f"calendar/{feed_id}.ics", feed
        entries: dict[dt.date, list[GridEntry]] = {}
        for session in upcoming[pid]:
            for event in session.events:
                text = view.label(event) + (f" {event.start}" if event.start else "")
                entries.setdefault(event.date, []).append(
                    GridEntry(text=text, href=f"#{session.anchor}", program=pid, flags=view.event_flags(event)))
        last = max((e.date for s in upcoming[pid] for e in s.events), default=today)
        family = catalog.programs.get(program.family) if program.family else None
        yield f"calendar/{pid}.md", build.page(
            f"calendar/{pid}.md", "calendar_program.md.j2", program=program, name=name, family=family,
            shares_family=shares_family_calendar(catalog, program), says_weekend=says_weekend(program),
            sessions=upcoming[pid], add_links={s.anchor: session_ics_link(s, catalog, today) for s in upcoming[pid]},
            grids=month_grids(entries, today, last, today) if upcoming[pid] else [],
            rule_text=w.rule(program.schedule.rule), undated=undated_steps(program),
            retakes=retake_notes(program), window=(start, end), today=today, cal=view)

    month_list = month_pages(today)
    for i, (year, month) in enumerate(month_list):
        first = dt.date(year, month, 1)
        rows = session_rows_between(listed, first, month_end(year, month))
        entries = exam_grid_entries(catalog, rows, "../{program}/#{anchor}", view)
        yield month_path(year, month), build.page(
            month_path(year, month), "calendar_month.md.j2", year=year, month=month, rows=rows, programs=listed,
            grids=month_grids(entries, first, first, today),
            previous=month_list[i - 1] if i else None, next=month_list[i + 1] if i + 1 < len(month_list) else None,
            window=(start, end), today=today, program_name=lambda p: display_name(catalog, p, w), cal=view)

    rows = session_rows_between(listed, today, list_end(today))
    families = {p.id: [s for s in every if s.family == p.id] for p in listed}
    yield "calendar/index.md", build.page(
        "calendar/index.md", "calendar_index.md.j2", programs=listed, families=families, rows=rows,
        months=month_list, list_end=list_end(today), weekend_programs=[p for p in listed if says_weekend(p)],
        rules={p.id: w.rule(p.schedule.rule) for p in every}, window=(start, end), today=today,
        program_name=lambda p: display_name(catalog, p, w), cal=view)
    if w is ZH:
        yield "calendar/all.ics", ics_feed(
            sorted((e for p in listed for s in by_program[p.id] for e in s.events), key=Event.sort_key),
            catalog.site.calendar_title, today, catalog,
            description="各证书项目按公布的考试规则推算的考试日期与各环节节点（系列专业随所属系列列出）。")


def template_helpers(build: Build) -> dict[str, dict[str, object]]:
    """The next sessions on programme pages, and the calendar templates' formatting."""
    return {"globals": dict(
        calendar_preview=lambda program: upcoming(program, build.today),
        next_sessions=lambda program: next_sessions(program, build.today),
        cal=View(build.words),
    )}


# The Chinese edition's view: the generator's other features (compare, open data) and the tests word
# calendar dates through it.
ViewHelpers = View(ZH)
event_flags, event_when, session_days, session_times = (
    ViewHelpers.event_flags, ViewHelpers.event_when, ViewHelpers.session_days, ViewHelpers.session_times)
session_flags, session_rows, level_names = ViewHelpers.session_flags, ViewHelpers.session_rows, ViewHelpers.level_names
