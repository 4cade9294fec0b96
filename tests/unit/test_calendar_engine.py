"""The browser's session engine (site_overrides/assets/calendar/sessions.js, run in Node by
tests/js/run_calendar.mjs) against the generator's (generator/features/calendar/sessions.py): the shared
vectors. Every programme, for a set of "today"s (the build date, months after it, across a year end,
more than a year later) and over the whole working-day table, must give the same sessions and, for
every event, the same date, kind, UID, estimated flag, notes and wording.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.features.calendar import rules_json
from generator.features.calendar import sessions as ses

from ..conftest import ROOT

RUNNER = ROOT / "tests" / "js" / "run_calendar.mjs"
BUILD = dt.date(2026, 11, 21)
TODAYS = [
    BUILD, dt.date(2026, 12, 27), dt.date(2026, 12, 31), dt.date(2027, 1, 1), dt.date(2027, 1, 17),
    dt.date(2027, 3, 20), dt.date(2027, 6, 30), dt.date(2027, 12, 30), dt.date(2028, 2, 29), dt.date(2029, 5, 5),
]
COUNT = 6


def python_event(event: ses.Event, domain: str) -> dict:
    return {
        "program": event.program, "kind": event.kind, "label": event.label, "date": event.date.isoformat(),
        "last_date": event.last_date.isoformat() if event.last_date else None, "start": event.start,
        "end": event.end, "slot": event.slot, "slot_label": event.slot_label, "estimated": event.estimated,
        "holiday": event.holiday, "source_label": event.source_label, "text": event.text, "method": event.method,
        "notes": [{"kind": n.kind, "text": n.text} for n in event.notes], "uid": event.uid_in(domain),
    }


def python_session(session: ses.Session, domain: str) -> dict:
    return {
        "program": session.program.id, "session": session.date.isoformat(),
        "days": [d.isoformat() for d in session.days], "levels": list(session.levels), "mode": session.mode,
        "notes": [{"kind": n.kind, "text": n.text} for n in session.notes], "estimated": session.estimated,
        "events": [python_event(e, domain) for e in session.events],
    }


def run_node(data: dict, queries: list[dict], folder: Path) -> list:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found on PATH: the JavaScript engine is tested in Node (README: Node/npm).",
                    pytrace=False)
    (folder / "rules.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (folder / "queries.json").write_text(json.dumps(queries), encoding="utf-8")
    done = subprocess.run([node, str(RUNNER), str(folder / "rules.json"), str(folder / "queries.json")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def without_browser_fields(session: dict) -> dict:
    """The session as Python states it: the browser adds `times` and, for upcoming ones, `registration_closed`."""
    return {k: v for k, v in session.items() if k not in ("times", "registration_closed")}


@pytest.fixture(scope="module")
def data(catalog) -> dict:
    return rules_json.rules_data(catalog, BUILD)


def test_every_programme_agrees_for_every_today(catalog, data, tmp_path):
    domain = catalog.site.uid_domain
    programs = ses.scheduled_programs(catalog)
    queries = [{"program": p.id, "today": t.isoformat(), "count": COUNT} for p in programs for t in TODAYS]
    answers = run_node(data, queries, tmp_path)
    compared = 0
    for query, answer in zip(queries, answers):
        program = catalog.programs[query["program"]]
        today = dt.date.fromisoformat(query["today"])
        expected = [python_session(s, domain) for s in ses.next_sessions(program, today, COUNT)]
        assert [without_browser_fields(s) for s in answer] == expected, query
        compared += sum(len(s["events"]) for s in expected)
    assert compared > 1000  # the vectors are not empty


def test_every_programme_agrees_over_the_whole_table(catalog, data, tmp_path):
    domain = catalog.site.uid_domain
    years = rules_json.table_years(BUILD)
    start, end = dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31)
    programs = ses.scheduled_programs(catalog)
    queries = [{"program": p.id, "from": start.isoformat(), "to": end.isoformat()} for p in programs]
    answers = run_node(data, queries, tmp_path)
    for program, answer in zip(programs, answers):
        # Milestones of the table's last sessions reach past it, where the browser has no holidays.
        reach = end - dt.timedelta(days=120)
        expected = [python_session(s, domain) for s in ses.sessions(program, start, reach)]
        assert [without_browser_fields(s) for s in answer][:len(expected)] == expected, program.id
    kinds = {n["kind"] for a in answers for s in a for e in s["events"] for n in e["notes"]}
    assert {"holiday", "estimated", "range", "retake"} <= kinds  # every kind of note was compared


def test_registration_closed_follows_today(catalog, data, tmp_path):
    program = next(p for p in ses.scheduled_programs(catalog)
                   if any(s.kind == "registration_close" and s.offset for s in p.timeline))
    session = ses.next_sessions(program, BUILD, 1)[0]
    close = next(e.date for e in session.milestones if e.kind == "registration_close")
    days = [close - dt.timedelta(days=1), close, close + dt.timedelta(days=1)]
    answers = run_node(data, [{"program": program.id, "today": d.isoformat(), "count": 1} for d in days], tmp_path)
    assert [a[0]["session"] for a in answers] == [session.date.isoformat()] * 3
    assert [a[0]["registration_closed"] for a in answers] == [False, False, True]


def test_beyond_the_table_working_day_dates_are_estimated(catalog, data, tmp_path):
    program = next(p for p in ses.scheduled_programs(catalog)
                   if any(s.offset and s.offset.working_days for s in p.timeline))
    year = rules_json.table_years(BUILD)[-1] + 2
    answer = run_node(data, [{"program": program.id, "from": f"{year}-01-01", "to": f"{year}-12-31"}], tmp_path)[0]
    counted = [e for s in answer for e in s["events"] if e["method"] and "工作日" in e["method"]]
    assert counted and all(e["estimated"] for e in counted)
    assert all(any(n["kind"] == "estimated" for n in e["notes"]) for e in counted)
