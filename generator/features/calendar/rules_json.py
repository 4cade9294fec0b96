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
    DATED_STEP_KINDS, display_name, exam_times, published_levels, retake_notes, scheduled_programs,
)
from generator.features.calendar.workdays import WEEKDAY_INDEX, day_info, official_schedule_published
from generator.source.catalog import Catalog
from generator.source.models import Program
from generator.words import labels
from generator.words.phrases import DATE_FORMAT, DATE_NOTES, WEEKDAY_SHORT, describe_offset

DATA_PATH = "assets/data/calendar-rules.json"
# Years of the working-day table, around the build year: the reader's today may be a while after the
# build, and a session's milestones reach into the next year.
YEARS_BEFORE, YEARS_AFTER = 1, 4


def table_years(today: dt.date) -> range:
    return range(today.year - YEARS_BEFORE, today.year + YEARS_AFTER + 1)


def day_table(years: range) -> dict[str, list]:
    """Every day of the years whose working-day status or holiday differs from a plain week:
    ISO date → [working day (bool), holiday name or None, 调休 holiday name or None]."""
    table = {}
    for year in years:
        day = dt.date(year, 1, 1)
        while day.year == year:
            info = day_info(day)
            if info.holiday or info.adjusted_workday or info.workday != (day.weekday() < 5):
                table[day.isoformat()] = [info.workday, info.holiday, info.adjusted_workday]
            day += dt.timedelta(days=1)
    return table


def program_rules(catalog: Catalog, program: Program) -> dict:
    schedule = program.schedule
    rule = schedule.rule
    return {
        "name": display_name(catalog, program),
        "family": program.family,
        "levels": list(published_levels(program)),
        "mode": program.exam.mode if program.exam else None,
        "rule": {"months": sorted(rule.months), "week": rule.week, "weekday": WEEKDAY_INDEX[rule.weekday],
                 "also_next_day": rule.also_next_day},
        "times": [{"start": t.start, "end": t.end, "label": t.label} for t in exam_times(program)],
        "exam": {"label": labels.TIMELINE_KIND["exam"], "text": schedule.text, "method": schedule.reading},
        "steps": [
            {"kind": step.kind, "label": labels.TIMELINE_KIND[step.kind], "source_label": step.label,
             "text": step.text, "method": describe_offset(step.offset),
             "offset": {"days": step.offset.days, "days_max": step.offset.days_max,
                        "working_days": step.offset.working_days}}
            for step in program.timeline if step.kind in DATED_STEP_KINDS and step.offset is not None
        ],
        "retakes": list(retake_notes(program)),
    }


def rules_data(catalog: Catalog, today: dt.date) -> dict:
    years = table_years(today)
    return {
        "build_date": today.isoformat(),
        "uid_domain": catalog.site.uid_domain,
        "years": {str(y): {"official": official_schedule_published(y)} for y in years},
        "days": day_table(years),
        "words": {"weekdays": list(WEEKDAY_SHORT), "date": DATE_FORMAT, "notes": DATE_NOTES},
        "programs": {p.id: program_rules(catalog, p) for p in scheduled_programs(catalog)},
    }


def rules_json(catalog: Catalog, today: dt.date) -> str:
    return json.dumps(rules_data(catalog, today), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
