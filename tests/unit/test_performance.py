"""The speed-ups of issue 7 (BENCHMARKS.md) change how things are computed, never what comes out."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.features.calendar import ics, workdays
from generator.features.calendar import pages as cal_pages
from generator.features.calendar import sessions as ses
from generator import load, pipeline
from generator.source.load import _fast_load, _yaml, parse_file

from ..conftest import MINIMAL, ROOT


def _plain(value):
    """Data with its types made explicit (True is not 1, 1.0 is not 1), for comparison."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int):
        return ("int", int(value))
    if isinstance(value, float):
        return ("float", float(value))
    return value


def _data_files(root: Path) -> list[Path]:
    return [p for _kind, pattern in load.KIND_GLOBS for p in sorted(root.glob(pattern))]


# --- loading: the libyaml fast path reads exactly what the round-trip loader reads ---------------------


@pytest.mark.parametrize("root", [ROOT, MINIMAL], ids=["real", "minimal"])
def test_fast_loader_reads_what_the_round_trip_loader_reads(root):
    files = _data_files(root)
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast = _fast_load(text)
        assert fast is not None, f"{path} should take the fast path"
        assert _plain(fast) == _plain(_yaml().load(text)), path


def test_fast_loader_agrees_on_random_documents():
    """Random documents in every scalar style, dumped by ruamel: same data, or left to ruamel."""
    rng = random.Random(7)
    words = ["碳资产", "（初级）", "：", "“引号”", "，", "2021年", "09:00", "1.5", "100", "-1", "true", "no", "null", "~",
             "0o17", "017", "1_000", "1e3", ".inf", "a: b", "a #b", "- x", "[1]", "{a}", "'q'", '"d"', "\\", "x\ny",
             "2024-02-30", "4-09-07-04", "\u3000", "%", "&a", "*b", "!t", "|", ">-"]
    keys = ["id", "name", "zh", "text", "points", "years", "amount", "levels"]

    def value(depth=0):
        pick = rng.random()
        if depth < 3 and pick < 0.25:
            return {k: value(depth + 1) for k in rng.sample(keys, rng.randint(1, 3))}
        if depth < 3 and pick < 0.45:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        pick = rng.random()
        if pick < 0.1:
            return rng.randint(-5, 500)
        if pick < 0.15:
            return rng.random() * 100
        if pick < 0.2:
            return rng.choice([True, False, None])
        return "".join(rng.choice(words) for _ in range(rng.randint(1, 5)))

    import io

    dumper = YAML()
    taken = 0
    for _ in range(400):
        buffer = io.StringIO()
        dumper.dump({k: value() for k in rng.sample(keys, rng.randint(1, 5))}, buffer)
        text = buffer.getvalue()
        fast = _fast_load(text)
        if fast is not None:
            taken += 1
            assert _plain(fast) == _plain(_yaml().load(text)), text
    assert taken > 300


@pytest.mark.parametrize("text", [
    "id: &a x\nname: *a\n",          # anchors and aliases (alias bombs) are the round-trip loader's to refuse
    "id: !!str x\n",                 # tags
    "id: x\nid: y\n",                # duplicate keys: the round-trip loader's error message
    "id: x\n\tname: y\n",            # tabs: the round-trip loader explains them
    "%YAML 1.2\n---\nid: x\n",       # directives
    "- a\n- b\n",                    # not a mapping
    "名称: x\n",                      # not a field name
    "id: |x\n  y\n",                 # an odd block scalar header
])
def test_fast_loader_leaves_unusual_files_to_the_round_trip_loader(text):
    assert _fast_load(text) is None


def test_problems_still_name_their_line(tmp_path):
    """A file read by the fast path has no line marks; a problem in it still gets its line."""
    path = tmp_path / "programs" / "x.yaml"
    path.parent.mkdir()
    text = (MINIMAL / "programs/test-program.yaml").read_text(encoding="utf-8").replace("pass_mark: 60", "pass_mark: sixty")
    path.write_text(text, encoding="utf-8")
    data, problems = parse_file(path, "programs/x.yaml")
    assert not problems and _fast_load(text) is not None
    doc = load.RawDocument("program", path, "programs/x.yaml", data)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "pass_mark" in row)
    assert doc.line_of(("exam", "pass_mark")) == line


# --- rendering: computed once per build -------------------------------------------------------------------


def test_render_files_is_computed_once_until_an_input_changes(tmp_path, monkeypatch):
    import shutil

    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    calls = []
    real = pipeline.site_files
    monkeypatch.setattr(pipeline, "site_files", lambda *a, **k: calls.append(1) or real(*a, **k))
    pipeline._LAST_RENDER.clear()
    _catalog, first = pipeline.render_files(project)
    _catalog, again = pipeline.render_files(project)
    assert again == first and len(calls) == 1
    again["programs/test-program.md"] = "changed by a caller"  # callers get their own dict
    assert pipeline.render_files(project)[1] == first and len(calls) == 1
    program = project / "programs/test-program.yaml"
    program.write_text(program.read_text(encoding="utf-8").replace("测试用项目。", "改过的简介。"), encoding="utf-8")
    os.utime(program, ns=(time.time_ns(), time.time_ns() + 1_000_000))
    _catalog, changed = pipeline.render_files(project)
    assert len(calls) == 2 and changed != first
    assert "改过的简介" in changed["programs/test-program.md"]


# --- calendar feeds: written line by line, byte for byte what icalendar writes ------------------------


def _reference_feed(events, title, today, catalog, description=None) -> bytes:
    """ics_feed as it was written with icalendar throughout (before issue 7)."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", ics.PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", icalendar.vText(title))
    cal.add("name", icalendar.vText(title))
    cal.add("x-wr-timezone", "Asia/Shanghai")
    if description:
        cal.add("x-wr-caldesc", icalendar.vText(description))
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for event in events:
        program = catalog.programs.get(event.program) if catalog else None
        name = ses.display_name(catalog, program) if program else event.program_name
        ve = icalendar.Event()
        ve.add("uid", event.uid)
        ve.add("dtstamp", stamp)
        if event.timed:
            start_h, start_m = map(int, event.start.split(":"))
            end_h, end_m = map(int, event.end.split(":"))
            ve.add("dtstart", dt.datetime.combine(event.date, dt.time(start_h, start_m), tzinfo=ics.TZ))
            ve.add("dtend", dt.datetime.combine(event.date, dt.time(end_h, end_m), tzinfo=ics.TZ))
        else:
            ve.add("dtstart", event.date)
            ve.add("dtend", event.date + dt.timedelta(days=1))
            ve.add("transp", "TRANSPARENT" if event.kind != "exam" else "OPAQUE")
        ve.add("summary", ics._summary(event, name))
        ve.add("description", ics._description(event))
        ve.add("categories", [event.label])
        if event.estimated:
            ve.add("x-carbon-catalog-estimated", "TRUE")
        cal.add_component(ve)
    if any(e.timed for e in events):
        first, last = min(e.date for e in events), max(e.date for e in events)
        cal.add_missing_timezones(first_date=dt.date(first.year, 1, 1), last_date=dt.date(last.year + 2, 1, 1))
    return cal.to_ical()


def test_the_fast_calendar_writer_is_in_use_and_agrees_with_icalendar(catalog):
    assert ec._same_as_icalendar()
    today = dt.date(2026, 11, 21)
    start, end = workdays.default_window(today)
    for program in ses.scheduled_programs(catalog):
        events = [e for s in ses.sessions(program, start, end) for e in s.events]
        title = f"考试日历 · {ses.display_name(catalog, program)}"
        assert ics.ics_feed(events, title, today, catalog, description="说明，含；逗号\\") == \
            _reference_feed(events, title, today, catalog, description="说明，含；逗号\\"), program.id


def test_folding_matches_icalendar():
    from icalendar.parser.string import _foldline

    rng = random.Random(3)
    alphabet = list("ab,;^\\ 碳排放，。😀é")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        assert ics._fold(text.encode("utf-8")) == _foldline(text).encode("utf-8"), text


# --- open data: pydantic's JSON writer, same bytes ---------------------------------------------------------


def test_open_data_files_are_written_as_json_dumps_would(catalog, monkeypatch):
    from generator.publish import opendata

    seen = []
    real = opendata._dump
    monkeypatch.setattr(opendata, "_dump", lambda model: seen.append(model) or real(model))
    opendata.site_files(catalog, dt.date(2026, 11, 21), "http://localhost:8000/", None)
    assert len(seen) > 10
    for model in seen:
        assert real(model) == json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


# --- search index: UTF-8 instead of \uXXXX escapes, same data ---------------------------------------------


def test_search_index_is_rewritten_as_utf8_with_the_same_data(tmp_path):
    from generator.engine.material import utf8_search_index

    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    data = {"config": {"lang": ["zh"]}, "docs": [{"location": "a/", "title": "碳\u200b资产", "text": "“引号” \\ \u2028"}]}
    index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    before = index.stat().st_size
    utf8_search_index(tmp_path)
    assert json.loads(index.read_bytes()) == data
    assert "碳" in index.read_text(encoding="utf-8") and index.stat().st_size < before


# --- large catalogues: work spread over forked workers, same result -------------------------------------------


_PID_LOG: list[Path] = []
_REAL_RUN = None


def _logging_run(index: int):
    """parallel._run that also notes which process ran the task (module-level: the pool pickles it by name)."""
    with _PID_LOG[0].open("a") as log:
        log.write(f"{os.getpid()}\n")
    return _REAL_RUN(index)


def _every_worker_forked(monkeypatch, tmp_path: Path) -> Path:
    """Make every catalogue count as large; returns the file that lists the pids the tasks ran in."""
    from generator.source import parallel

    global _REAL_RUN
    _REAL_RUN = parallel._run
    monkeypatch.setattr(parallel, "_run", _logging_run)
    _PID_LOG[:] = [tmp_path / "pids"]
    monkeypatch.setattr(load, "PARALLEL_FROM_FILES", 0)
    monkeypatch.setattr(pipeline, "PARALLEL_FROM_PROGRAMS", 0)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 2)
    # Other tests' servers may still run threads in this process; these tests fork regardless.
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    return _PID_LOG[0]


def _ran_in_workers(log: Path) -> bool:
    pids = set(log.read_text().split())
    return bool(pids) and str(os.getpid()) not in pids


def test_parallel_loading_reads_what_serial_loading_reads(monkeypatch, tmp_path):
    serial = load.load_project(ROOT)
    log = _every_worker_forked(monkeypatch, tmp_path)
    forked = load.load_project(ROOT)
    assert forked == serial and len(forked[0].documents) > 50
    assert _ran_in_workers(log)




def test_a_threaded_process_never_forks(monkeypatch):
    import threading

    from generator.source import parallel

    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 8)
    with monkeypatch.context() as alone:  # as in `make site`: only the main thread
        alone.setattr(parallel.threading, "active_count", lambda: 1)
        assert parallel.worth_it(1000, 10)
        assert not parallel.worth_it(9, 10)
    stop = threading.Event()
    watcher = threading.Thread(target=stop.wait)
    watcher.start()
    try:
        assert not parallel.worth_it(1000, 10)
        assert parallel.run_all([os.getpid, os.getpid], parallel=parallel.worth_it(1000, 10)) == [os.getpid()] * 2
    finally:
        stop.set()
        watcher.join()


def test_a_catalogue_error_in_a_worker_reaches_the_parent_intact():
    from generator.source import parallel
    from generator.source.problems import CatalogError, Problem

    def fail():
        raise CatalogError([Problem("programs/x.yaml", 3, "levels[0].id", "not a level")])

    with pytest.raises(CatalogError) as raised:
        parallel.run_all([fail, dict], parallel=True)
    assert raised.value.problems == [Problem("programs/x.yaml", 3, "levels[0].id", "not a level")]
    assert str(raised.value) == "programs/x.yaml:3: levels[0].id: not a level"
