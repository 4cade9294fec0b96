"""The plan page's .ics writer (site_overrides/assets/plan/ics.js, run in Node by tests/js/run_plan_ics.mjs)
against the published feeds (generator/features/calendar/ics.py): for every scheduled programme's
sessions of a year, the same events (UIDs) on the same dates and times; and the file is valid RFC 5545
(CRLF, lines of at most 75 octets, text that round-trips through escaping and folding)."""

from __future__ import annotations

import datetime as dt

from generator.features.calendar import ics, rules_json
from generator.features.calendar import sessions as ses

from ..conftest import ROOT, parse_ics
from . import test_calendar_engine

RUNNER = ROOT / "tests" / "js" / "run_plan_ics.mjs"
BUILD = dt.date(2026, 11, 21)
START, END = dt.date(2027, 1, 1), dt.date(2027, 12, 31)
# Commas, semicolons, a backslash, line breaks and a long Chinese line: escaped, then folded.
EXTRA = "\n备注：报名, 审核; 路径 C:\\考试\\资料\n" + "很长的说明" * 30
NOW = "2027-03-04T05:06:07Z"


def test_browser_calendar_files_match_the_published_feeds(catalog, tmp_path, monkeypatch):
    # The calendar engine's Node harness, pointed at this runner.
    monkeypatch.setattr(test_calendar_engine, "RUNNER", RUNNER)
    data = rules_json.rules_data(catalog, BUILD)
    programs = ses.scheduled_programs(catalog)
    queries = [{"program": p.id, "from": START.isoformat(), "to": END.isoformat(), "extra": EXTRA, "now": NOW}
               for p in programs]
    files = test_calendar_engine.run_node(data, queries, tmp_path)
    expected = [s for p in programs for s in ses.sessions(p, START, END)]
    assert len(files) == len(expected) > 50
    for session, text in zip(expected, files):
        raw = text.encode("utf-8")
        assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), session.date
        assert max(len(line) for line in raw.split(b"\r\n")) <= 75
        # TEXT escaping as RFC 5545 writes it (a parser would forgive a bare ; or ,).
        unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
        assert "\\n备注：报名\\, 审核\\; 路径 C:\\\\考试\\\\资料\\n" in unfolded
        browser = {str(e["UID"]): e for e in parse_ics(raw).walk("VEVENT")}
        published = {str(e["UID"]): e for e in parse_ics(ics.ics_feed(session.events, "t", BUILD, catalog)).walk("VEVENT")}
        assert set(browser) == set(published), session.date
        for uid, event in browser.items():
            assert event["DTSTART"].dt == published[uid]["DTSTART"].dt, uid
            assert event["DTEND"].dt == published[uid]["DTEND"].dt, uid
            assert event["DTSTAMP"].dt == dt.datetime(2027, 3, 4, 5, 6, 7, tzinfo=dt.timezone.utc)
            assert str(event["DESCRIPTION"]).endswith(EXTRA)  # escaping and folding lose nothing
