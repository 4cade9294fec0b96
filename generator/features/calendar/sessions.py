"""Exam sessions and their milestones, dated from a programme's schedule rule and timeline offsets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from generator.source.catalog import Catalog
from generator.source.models import Program, TimeSlot
from generator.features.calendar.workdays import (
    DayInfo, day_info, default_window, official_schedule_published, rule_days, shift_working_days,
)
from generator.words import labels
from generator.words.editions import ZH, Words
from generator.words.phrases import DATE_FORMAT, DATE_NOTES, calendar_day, describe_offset

# UIDs need a domain on the right of "@". The site's address can change between builds, so a fixed
# name (content/site.yaml `uid_domain`) keeps UIDs stable; `.invalid` is reserved (RFC 2606), so it can
# never collide with a real host.

EVENT_KINDS = (
    "exam", "registration_close", "review", "sprint", "mock_test",
    "results", "certificate_issued", "certificate_query",
)


_KIND_ORDER = {kind: i for i, kind in enumerate(
    ("registration_close", "review", "sprint", "mock_test", "exam", "results",
     "certificate_issued", "certificate_query"))}


DATED_STEP_KINDS = frozenset(EVENT_KINDS) - {"exam"}


@dataclass(frozen=True)
class DateNote:
    """A caution attached to a computed date (a holiday, an estimate, a month boundary …)."""

    kind: str  # holiday | adjusted | estimated | range | month | retake
    text: str


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
    notes: tuple[DateNote, ...] = ()

    @property
    def timed(self) -> bool:
        return self.start is not None

    def uid_in(self, domain: str) -> str:
        """Stable across builds: programme, session date and kind (+ the day and slot of an exam
        beyond the session's first). A milestone's own date is left out on purpose: when the
        official holiday schedule is published and an estimated date moves, calendars update the
        event instead of adding a second one."""
        parts = [self.program, self.session.strftime("%Y%m%d"), self.kind]
        if self.kind == "exam" and self.date != self.session:
            parts.append(self.date.strftime("%Y%m%d"))
        if self.slot:
            parts.append(f"slot{self.slot + 1}")
        return "-".join(parts) + "@" + domain

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
    notes: tuple[DateNote, ...] = ()

    @property
    def events(self) -> list[Event]:
        return sorted((*self.exams, *self.milestones), key=Event.sort_key)

    @property
    def anchor(self) -> str:
        return f"s-{self.date.isoformat()}"

    @property
    def estimated(self) -> bool:
        return any(e.estimated for e in self.events)


def exam_times(program: Program) -> tuple[TimeSlot, ...]:
    if program.schedule and program.schedule.times:
        return program.schedule.times
    return program.exam.times if program.exam else ()


def times_text(times: tuple[TimeSlot, ...], w: Words) -> str:
    """A session's exam times, as the calendar pages and the browser's lists print them."""
    return w.calendar["flag_separator"].join(w.times(t.start, t.end, t.label) for t in times) or w.calendar["times_not_published"]


def reading_marked(program: Program) -> bool:
    """The exam days are our reading of the source (a note of kind reading on the schedule says how)."""
    return program.schedule is not None and any(n.kind == "reading" for n in program.schedule.notes)


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


def _holiday_note(day: dt.date, info: DayInfo, what: str) -> DateNote | None:
    if info.holiday and info.estimated:
        return DateNote("holiday", DATE_NOTES["holiday_estimated"].format(
            day=calendar_day(day), holiday=info.holiday, year=day.year, what=what))
    if info.holiday:
        return DateNote("holiday", DATE_NOTES["holiday"].format(day=calendar_day(day), holiday=info.holiday, what=what))
    if info.adjusted_workday:
        return DateNote("adjusted", DATE_NOTES["adjusted"].format(day=calendar_day(day), holiday=info.adjusted_workday))
    return None


def _estimated_note(day: dt.date, session: dt.date) -> DateNote:
    years = DATE_FORMAT["list_separator"].join(
        DATE_FORMAT["year"].format(year=y) for y in range(session.year, day.year + 1) if not official_schedule_published(y))
    return DateNote("estimated", DATE_NOTES["estimated"].format(years=years))


def build_session(program: Program, days: tuple[dt.date, ...]) -> Session:
    session = days[0]
    levels = published_levels(program)
    mode = program.exam.mode if program.exam else None
    name = program.name.zh
    notes: list[DateNote] = []
    exams: list[Event] = []
    times = exam_times(program)
    for day in days:
        info = day_info(day)
        note = _holiday_note(day, info, DATE_NOTES["what_exam"])
        day_notes = (note,) if note else ()
        notes.extend(day_notes)
        if day != session and day.month != session.month:
            notes.append(DateNote("month", DATE_NOTES["month"].format(day_plain=calendar_day(day, weekday=False))))
        for slot, time in enumerate(times or (None,)):
            exams.append(Event(
                program=program.id, program_name=name, kind="exam", session=session, date=day,
                label=labels.TIMELINE_KIND["exam"], levels=levels, mode=mode,
                start=time.start if time else None, end=time.end if time else None, slot=slot,
                slot_label=(time.label or time.start) if time and len(times) > 1 else None,
                holiday=info.holiday, text=program.schedule.text if program.schedule else None,
                method=program.schedule.reading if program.schedule else None, notes=day_notes,
            ))
    retakes = tuple(DateNote("retake", DATE_NOTES["retake"].format(text=text)) for text in retake_notes(program))
    milestones: list[Event] = []
    for step in program.timeline:
        if step.kind not in DATED_STEP_KINDS or step.offset is None:
            continue
        offset = step.offset
        step_notes: list[DateNote] = []
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
                step_notes.append(DateNote("range", DATE_NOTES["range"].format(
                    text=step.text, first=calendar_day(date, weekday=False), last=calendar_day(last, weekday=False))))
            info = day_info(date)
            holiday = info.holiday
            note = _holiday_note(date, info, DATE_NOTES["what_step"]) if info.holiday else None
            if note:
                step_notes.append(note)
        milestones.append(Event(
            program=program.id, program_name=name, kind=step.kind, session=session, date=date,
            label=labels.TIMELINE_KIND[step.kind], levels=levels, mode=mode, last_date=last, estimated=estimated,
            holiday=holiday, source_label=step.label, text=step.text, method=describe_offset(offset),
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


def _with_notes(event: Event, notes: tuple[DateNote, ...]) -> Event:
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


def display_name(catalog: Catalog, program: Program, w: Words = ZH) -> str:
    """The programme's name, with its family for a specialty (several share a name with a programme)."""
    if program.family and program.family in catalog.programs:
        return w.calendar["specialty_name"].format(name=w.name(program.name), family=w.name(catalog.programs[program.family].name))
    return w.name(program.name)


def next_sessions(program: Program, today: dt.date, count: int = 3) -> list[Session]:
    start, end = default_window(today)
    return [s for s in sessions(program, max(start, today), end)][:count]

