"""assets/data/calendar-rules.json: what the browser's session engine needs to date sessions itself.

The browser (site_overrides/assets/calendar/sessions.js) evaluates the same schedule rules and
timeline offsets as sessions.py from the reader's own "today". This file carries the rules, the words
the engine prints (Python's, already worded: labels, methods, the note templates) and the working-day
table of the years around the build: every day that is not a plain Monday–Friday working day or a
plain weekend day. Beyond those years the engine counts Monday–Friday and marks dates estimated.
"""

from __future__ import annotations

import datetime as dt
import json

from generator.features.calendar.sessions import (
    DATED_STEP_KINDS, display_name, exam_times, published_levels, reading_marked, retake_notes, scheduled_programs, times_text,
)
from generator.features.calendar.workdays import WEEKDAY_INDEX, day_info, official_schedule_published
from generator.source.catalog import Catalog
from generator.source.models import Program
from generator.words.editions import ZH, Words
from generator.words.phrases import DATE_NOTES

DATA_PATH = "assets/data/calendar-rules.json"  # every programme (the all-programme list on /calendar/)


def program_rules_path(program_id: str) -> str:
    """One programme's rules alone (its programme page), with everything else the engine needs."""
    return f"assets/data/calendar/{program_id}.json"


# Years of the working-day table, around the build year: the reader's today may be a while after the
# build, and a session's milestones reach into the next year.
YEARS_BEFORE, YEARS_AFTER = 1, 4


def table_years(today: dt.date) -> range:
    return range(today.year - YEARS_BEFORE, today.year + YEARS_AFTER + 1)


def day_table(first_year: int, last_year: int) -> dict[str, list]:
    """Every day of the years whose working-day status or holiday differs from a plain week:
    ISO date → [working day (bool), holiday name or None, 调休 holiday name or None]."""
    table = {}
    for year in range(first_year, last_year + 1):
        day = dt.date(year, 1, 1)
        while day.year == year:
            info = day_info(day)
            if info.holiday or info.adjusted_workday or info.workday != (day.weekday() < 5):
                table[day.isoformat()] = [info.workday, info.holiday, info.adjusted_workday]
            day += dt.timedelta(days=1)
    return table


def program_rules(catalog: Catalog, program: Program, w: Words) -> dict:
    schedule = program.schedule
    rule = schedule.rule
    return {
        "name": display_name(catalog, program, w),
        "family": program.family,
        "specialty": program.type == "specialty",  # listed after programmes on the same day
        "levels": list(published_levels(program)),
        "levels_text": w.list_sep.join(w.level.get(lv, lv) for lv in published_levels(program))
        or w.calendar["no_levels"],
        "times_text": times_text(exam_times(program), w),
        "mode": program.exam.mode if program.exam else None,
        "rule": {"months": sorted(rule.months), "week": rule.week, "weekday": WEEKDAY_INDEX[rule.weekday],
                 "also_next_day": rule.also_next_day},
        "times": [{"start": t.start, "end": t.end, "label": t.label} for t in exam_times(program)],
        "exam": {"label": w.timeline_kind["exam"], "text": schedule.text, "method": schedule.reading},
        # Our reading of the exam days stays marked wherever the browser shows them.
        "reading": {"marked": reading_marked(program), "text": schedule.reading,
                    "notes": [n.text for n in schedule.notes if n.kind == "reading"]},
        "steps": [
            {"kind": step.kind, "label": w.timeline_kind[step.kind], "source_label": step.label,
             "text": step.text, "method": w.offset(step.offset),
             "offset": {"days": step.offset.days, "days_max": step.offset.days_max,
                        "working_days": step.offset.working_days}}
            for step in program.timeline if step.kind in DATED_STEP_KINDS and step.offset is not None
        ],
        "retakes": list(retake_notes(program)),
    }


def common_data(catalog: Catalog, today: dt.date, w: Words) -> dict:
    """Everything but the programmes: the same for every programme's file."""
    years = table_years(today)
    return {
        "build_date": today.isoformat(),
        "uid_domain": catalog.site.uid_domain,
        "years": {str(y): {"official": official_schedule_published(y)} for y in years},
        "days": day_table(years[0], years[-1]),
        # The edition's words; the date notes are the generator's (Chinese), as sessions.py words them.
        "words": {"weekdays": list(w.calendar_weekdays), "months": list(w.calendar_months), "date": w.calendar_date,
                  "notes": DATE_NOTES, "page": w.calendar, "holidays": w.calendar_holidays},
    }


def rules_data(catalog: Catalog, today: dt.date, w: Words = ZH, programs: list[Program] | None = None,
               common: dict | None = None) -> dict:
    """The engine's data for the programmes (every scheduled one by default), in the edition's words."""
    return {**(common or common_data(catalog, today, w)),
            "programs": {p.id: program_rules(catalog, p, w) for p in (programs or scheduled_programs(catalog))}}


def rules_json(catalog: Catalog, today: dt.date, w: Words = ZH, programs: list[Program] | None = None,
               common: dict | None = None) -> str:
    return json.dumps(rules_data(catalog, today, w, programs, common), ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True)
