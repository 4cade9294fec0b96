"""The speed-ups of issue 7 (BENCHMARKS.md) change how things are computed, never what comes out."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import random
import shutil
import sys
import weakref
from pathlib import Path
from types import SimpleNamespace

import pytest
from ruamel.yaml import YAML

from generator import site
from generator.publish import opendata
from generator.source import load, parallel
from generator.source.load import _fast_load, _yaml, parse_file

from ..conftest import MINIMAL, ROOT, every_worker_forked, ran_in_workers, zh_build


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


# --- generation: each edition once per build -------------------------------------------------------------


def test_generate_site_generates_each_edition_once(minimal_project, monkeypatch):
    """No memo: one `generate_site` makes each edition's files exactly once (the build and the MkDocs
    plugin share them), and a second call makes them again from the files as they are now."""
    shutil.copy(ROOT / "mkdocs.en.yml", minimal_project / "mkdocs.en.yml")
    calls: list[str] = []
    real = site.edition_files
    monkeypatch.setattr(site, "edition_files", lambda build, area=None: calls.append(build.words.lang) or real(build, area))
    first = site.generate_site(minimal_project, strict=False)
    assert calls == ["zh", "en"]
    assert first.en is not None and "programs/test-program.md" in first.zh and "programs/test-program.md" in first.en
    program = minimal_project / "programs/test-program.yaml"
    program.write_text(program.read_text(encoding="utf-8").replace("测试用项目。", "改过的简介。"), encoding="utf-8")
    again = site.generate_site(minimal_project, strict=False)
    assert calls == ["zh", "en", "zh", "en"]
    assert "改过的简介" in again.zh["programs/test-program.md"] and "改过的简介" not in first.zh["programs/test-program.md"]


def test_the_generated_site_does_not_keep_the_catalogue(minimal_project, monkeypatch):
    """What MkDocs is handed holds no catalogue: at 1,000 programmes the model is about 500 MB, which
    the build would otherwise hold through both editions' MkDocs builds (peak memory, issue #14)."""
    shutil.copy(ROOT / "mkdocs.en.yml", minimal_project / "mkdocs.en.yml")
    made = []
    real = site.build_catalog

    def recorded(project):
        catalog = real(project)
        made.append(weakref.ref(catalog))
        return catalog

    monkeypatch.setattr(site, "build_catalog", recorded)
    generated = site.generate_site(minimal_project, strict=False)
    gc.collect()
    assert len(made) == 1 and made[0]() is None
    # What the engine needs from the catalogue came along as data.
    assert "programs/test-program.md" in generated.zh and "测试管理师 100000 n" in generated.search.dictionary
    assert [p.title for p in generated.search.points_by_page["syllabi/test-program.md"]] == ["温室气体的影响"]


# --- open data: pydantic's JSON writer, same bytes ---------------------------------------------------------


def test_open_data_files_are_written_as_json_dumps_would(catalog, monkeypatch):
    seen = []
    real = opendata._dump
    monkeypatch.setattr(opendata, "_dump", lambda model: seen.append(model) or real(model))
    dict(opendata.files(zh_build(catalog, dt.date(2026, 11, 21), "http://localhost:8000/")))
    assert len(seen) > 10
    for model in seen:
        assert real(model) == json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


# --- search index: UTF-8 instead of \uXXXX escapes, same data, never parsed back -----------------------------


def _material_index(entries: list[dict], config: dict | None = None):
    """Material's own search index object, with entries as its plugin would have added them."""
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex(**(config or {"lang": ["zh"], "separator": "[\\s]", "pipeline": [], "fields": {}}))
    index.entries = entries
    return SimpleNamespace(search_index=index)


ENTRIES = [{"location": "a/", "title": "碳\u200b资产", "text": "“引号” \\ \u2028"}]


def _built_index(search, additions, site_dir: Path) -> str:
    """What Material's on_post_build and then the catalogue's write: search/search_index.json."""
    from generator.engine.material import write_catalog_index

    (site_dir / "search").mkdir(parents=True, exist_ok=True)
    path = site_dir / "search" / "search_index.json"
    path.write_text(search.search_index.generate_search_index(None), encoding="utf-8")
    write_catalog_index(search, additions, site_dir)
    return path.read_text(encoding="utf-8")


ADDITIONS_QUERY = {"synonyms": {"大专": ["专科"]}}


def test_search_index_is_written_as_utf8_with_material_s_config_and_the_query_settings(tmp_path, monkeypatch):
    from generator.engine.material import catalog_entries
    from generator.features.search import SearchAdditions

    monkeypatch.setenv("CATALOG_SEARCH", "auto")
    search = _material_index([dict(e) for e in ENTRIES])
    index, entries_seen = search.search_index, []
    materials_own = index.generate_search_index
    index.generate_search_index = lambda prev: entries_seen.append(list(index.entries)) or materials_own(prev)
    additions = SearchAdditions("", {}, {}, {}, ADDITIONS_QUERY)
    catalog_entries(search, additions)
    written = _built_index(search, additions, tmp_path)
    # Material's own generation was handed no entries (it would write them all out, escaped, for nothing),
    # and the index has them back.
    assert entries_seen == [[]] and index.entries == ENTRIES
    escaped = materials_own(None)  # what Material would write, the catalogue's fields included
    assert json.loads(written) == {"config": {**json.loads(escaped)["config"], "catalog_query": ADDITIONS_QUERY},
                                   "docs": ENTRIES}
    assert "\\u78b3" in escaped and "碳\u200b资产" in written and "\\u78b3" not in written
    assert not (tmp_path / "search" / "index").exists()  # no shards for a small index


def test_a_large_search_index_is_written_sharded_beside_its_manifest(tmp_path, monkeypatch):
    from generator.engine import material
    from generator.features.search import SearchAdditions

    monkeypatch.setenv("CATALOG_SEARCH", "auto")
    search = _material_index([dict(e) for e in ENTRIES], {"lang": ["zh"], "separator": "[\\s]", "pipeline": [],
                                                           "fields": {"title": {"boost": 1000}, "text": {"boost": 1}}})
    additions = SearchAdditions("", {}, {}, {}, ADDITIONS_QUERY)
    material.catalog_entries(search, additions)
    whole = _built_index(search, additions, tmp_path / "small")
    monkeypatch.setattr(material, "SHARD_FROM_BYTES", len(whole.encode()) - 1)
    manifest = json.loads(_built_index(search, additions, tmp_path / "large"))
    assert manifest["docs"] == [] and manifest["config"]["catalog_shards"]["docs"] == len(ENTRIES)
    assert manifest["config"]["catalog_query"] == ADDITIONS_QUERY
    shards = tmp_path / "large" / "search" / "index"
    assert (shards / "terms.json").is_file() and (shards / "docs-0.json").is_file()


# --- large catalogues: work spread over forked workers, same result -------------------------------------------


def test_parallel_loading_reads_what_serial_loading_reads(monkeypatch, tmp_path):
    serial = load.load_project(ROOT)
    log = every_worker_forked(monkeypatch, tmp_path)
    forked = load.load_project(ROOT)
    assert forked == serial and len(forked[0].documents) > 50
    assert ran_in_workers(log)


def test_a_threaded_process_never_forks(monkeypatch):
    import threading

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


def test_each_task_runs_in_a_worker_of_its_own(may_fork):
    """A worker keeps what its task freed; the next task's peak would come on top (peak build memory)."""
    pids = parallel.run_all([os.getpid] * 4, parallel=True)
    assert len(set(pids)) == 4 and os.getpid() not in pids


def _pid_and_children():
    # run_all inside the child: it is an ordinary process, not a pool's daemon, so it may fork workers.
    return os.getpid(), parallel.run_all([os.getpid, os.getpid], parallel=True)


@pytest.fixture
def may_fork(monkeypatch):
    # Other tests' servers may still run threads in this process; these tests fork regardless.
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)


def test_a_task_in_a_child_process_hands_back_its_result_and_may_fork_workers(may_fork):
    pid, workers = parallel.in_child(_pid_and_children)
    assert pid != os.getpid() and len(workers) == 2 and not {pid, os.getpid()} & set(workers)


def test_an_error_in_the_child_process_reaches_the_parent(may_fork):
    from generator.source.problems import CatalogError, Problem

    def invalid():
        raise CatalogError([Problem("programs/x.yaml", 3, "levels[0].id", "not a level")])

    with pytest.raises(CatalogError) as raised:
        parallel.in_child(invalid)
    assert raised.value.problems == [Problem("programs/x.yaml", 3, "levels[0].id", "not a level")]

    class Unpicklable(Exception):
        def __reduce__(self):
            raise TypeError("no")

    def broken():
        raise Unpicklable("a bug")

    with pytest.raises(ChildProcessError, match=r"(?s)Unpicklable: a bug"):
        parallel.in_child(broken)
    with pytest.raises(ChildProcessError, match="without a result"):
        parallel.in_child(lambda: os._exit(3))


def test_a_threaded_process_runs_the_task_itself(monkeypatch):
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 2)
    assert parallel.in_child(os.getpid) == os.getpid()


# --- the benchmark's search-engine comparison (bench/bench.py) -------------------------------------------------


def _engine_results(big_ms: float, big_kb: float, sharded_hits: int) -> dict:
    engines = {"real: search engines": {
        "lunr, whole index": {"first_search_median_ms": 120, "first_search_max_ms": 250, "search_fetched_max_kb": 90,
                              "query_set": {"hits": 58, "queries": 74}},
        "sharded index": {"first_search_median_ms": 90, "first_search_max_ms": 200, "search_fetched_max_kb": 40,
                          "query_set": {"hits": sharded_hits, "queries": 74}}},
        "N=1000: search engines": {
        "lunr, whole index": {"first_search_median_ms": 6000, "first_search_max_ms": 6900,
                              "search_fetched_max_kb": 1700},
        "sharded index": {"first_search_median_ms": big_ms, "first_search_max_ms": big_ms,
                          "search_fetched_max_kb": big_kb}}}
    return {"browser": engines}


def test_the_benchmark_judges_search_at_scale_against_the_real_catalogue():
    sys.path.insert(0, str(ROOT))
    from bench.bench import search_engine_targets

    met = {target: ok for target, _, ok in search_engine_targets(_engine_results(450, 300, 58))}
    assert met == {"real catalogue: the sharded index's query-set hits ≥ lunr's": True,
                   "N=1000: first search (sharded index) ≤ 2× the real catalogue's (lunr)": True,
                   "N=1000: first search fetches ≤ 700 KB": True}
    missed = {target: ok for target, _, ok in search_engine_targets(_engine_results(600, 900, 50))}
    assert not any(missed.values())
