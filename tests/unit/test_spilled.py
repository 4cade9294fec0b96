"""Generated files stay on disk, not in memory (issue #14: peak build memory at 1,000 programmes).

Checked by structure, never by timing or measuring memory: what crosses from a worker to the parent,
what the English edition shares with the Chinese one, and what MkDocs is handed."""

from __future__ import annotations

import gc
import os
import subprocess
import tempfile
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from generator import site
from generator.engine.mkdocs_plugin import CatalogPlugin
from generator.features.calendar import pages as calendar_pages
from generator.publish import opendata
from generator.publish.spilled import FOLDER_PREFIX, SpilledFiles
from generator.source import parallel
from generator.source.clock import build_date

from ..conftest import ROOT, zh_build


def test_files_read_back_exactly_as_generated():
    files = SpilledFiles()
    files.add(SpilledFiles.write(files.new_part(), {"a.md": "碳资产\r\n管理师\n", "b.bin": b"\x00\xff", "c.json": "{}"}))
    later = files.new_part()
    files.add(SpilledFiles.write(later, {"c.json": '{"later": true}'}))  # a later part wins, as dict.update did

    assert list(files) == ["a.md", "b.bin", "c.json"]
    assert files["a.md"] == "碳资产\r\n管理师\n" and isinstance(files["a.md"], str)
    assert files["b.bin"] == b"\x00\xff"
    assert files["c.json"] == '{"later": true}' and files.file_of("c.json").is_relative_to(later)
    assert "missing.md" not in files and len(files) == 3


def test_a_link_shares_the_file_and_keeps_it():
    zh = SpilledFiles()
    zh.put("api/v1/programs.json", "[]")
    original = zh.file_of("api/v1/programs.json")
    en = SpilledFiles()
    en.link("api/v1/programs.json", zh, "api/v1/programs.json")
    del zh
    gc.collect()

    assert en.file_of("api/v1/programs.json") == original
    assert en["api/v1/programs.json"] == "[]"  # the Chinese mapping's folder lives as long as the English one


def test_workers_hand_back_where_files_are_not_what_they_say(catalog, monkeypatch):
    """Each feature's files are written by the worker that made them: the parent gets paths only."""
    handed_back = []
    real_run_all = parallel.run_all

    def recorded(tasks, in_parallel):
        results = real_run_all(tasks, True)  # forked workers, as at 1,000 programmes
        handed_back.extend(results)
        return results

    monkeypatch.setattr(parallel, "run_all", recorded)
    build = zh_build(catalog, build_date())
    files = site.edition_files(build)

    assert len(handed_back) >= 5
    for written in handed_back:
        assert all(isinstance(where, Path) and isinstance(is_text, bool) for where, is_text in written.values())
    expected = {}
    for feature in site.edition_features(build.words):
        if hasattr(feature, "files"):
            expected.update(feature.files(build))
    assert list(files) == list(expected)
    assert all(files[path] == content for path, content in expected.items())


def test_pairs_are_written_as_they_are_made():
    """A feature's pairs (a generator) are each on disk before the next is made, so a worker holds one."""
    part = Path(tempfile.mkdtemp()) / "1"

    def made():
        for n in range(3):
            if n:
                assert (part / f"{n - 1}.json").read_text(encoding="utf-8") == f"[{n - 1}]"
            yield f"{n}.json", f"[{n}]"

    assert list(SpilledFiles.write(part, made())) == ["0.json", "1.json", "2.json"]


def test_the_largest_features_make_their_files_one_at_a_time(catalog, monkeypatch):
    """The calendar and the open data (176 and 112 MB at 1,000 programmes) hand over their first file
    before they make the rest: neither has made a feed or a programme's API file yet."""
    feeds, dumps = [], []
    real_feed, real_dump = calendar_pages.ics_feed, opendata._dump
    monkeypatch.setattr(calendar_pages, "ics_feed", lambda *a, **k: feeds.append(1) or real_feed(*a, **k))
    monkeypatch.setattr(opendata, "_dump", lambda model: dumps.append(1) or real_dump(model))
    build = zh_build(catalog, build_date())

    calendar = calendar_pages.files(build)
    next(calendar)
    assert feeds == []
    rest = [path for path, _ in calendar]
    assert any(path.endswith(".ics") for path in rest) and len(feeds) > 1

    api = opendata.files(build)
    next(api)
    assert len(dumps) == 1
    assert sum(1 for _ in api) > 1 and len(dumps) > 2


def test_linking_from_several_mappings_reads_no_file(monkeypatch):
    """The English edition links to its own files and to the Chinese edition's: neither is read (at 1,000
    programmes reading them at each link took hours)."""
    zh, own = SpilledFiles(), SpilledFiles()
    for n in range(3):
        zh.put(f"data/{n}.json", "{}")
        own.put(f"own/{n}.md", "# Own\n")
    reads = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: reads.append(path) or real_read(path))
    en = SpilledFiles()
    for path in own:
        en.link(path, own, path)
    for path in zh:
        en.link(path, zh, path)
    assert reads == [] and len(en) == 6


def test_the_english_edition_shares_the_chinese_data_files():
    zh = SpilledFiles()
    zh.put("zh-only.md", "---\ntitle: 只有中文\n---\n\n# 只有中文\n")
    zh.put("calendar/all.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    zh.put("logo.png", b"\x89PNG")
    own = SpilledFiles()
    own.put("own.md", "# Own\n")

    en = site.with_fallbacks(own, zh, {}, {})

    assert en.file_of("calendar/all.ics") == zh.file_of("calendar/all.ics")
    assert en.file_of("logo.png") == zh.file_of("logo.png")
    assert en.file_of("own.md") == own.file_of("own.md")
    assert en["zh-only.md"] == site.fallback_page(zh["zh-only.md"])


def test_mkdocs_is_handed_files_not_their_text(tmp_path):
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins._current_plugin = "catalog"  # what MkDocs sets while it runs a plugin's event
    plugin = CatalogPlugin()
    plugin.files = SpilledFiles()
    plugin.files.put("programs/x.md", "# 项目\n")
    plugin.files.put("api/v1/x.json", "{}")

    handed = plugin.on_files(Files([]), config=config)

    for path in ("programs/x.md", "api/v1/x.json"):
        file = handed.src_uris[path]
        assert file.abs_src_path == str(plugin.files.file_of(path))
        assert file.content_string == plugin.files[path]


def test_the_folder_of_a_killed_build_goes_when_the_next_build_starts(tmp_path, monkeypatch):
    """A build killed mid-way cannot remove its folder; the next one removes the folders of processes that
    no longer run, and never one whose process still does (a build running beside it)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    gone = subprocess.Popen(["true"])
    gone.wait()
    abandoned = tmp_path / f"{FOLDER_PREFIX}{gone.pid}-abcd"
    (abandoned / "1").mkdir(parents=True)
    (abandoned / "1" / "all.ics").write_text("BEGIN:VCALENDAR", encoding="utf-8")
    beside = tmp_path / f"{FOLDER_PREFIX}{os.getppid()}-efgh"
    beside.mkdir()

    files = SpilledFiles()

    assert not abandoned.exists() and beside.exists()
    own = files.new_part().parent
    assert own.parent == tmp_path and own.name.startswith(f"{FOLDER_PREFIX}{os.getpid()}-")
