"""`catalog build` generates in a process of its own and leaves nothing behind (peak build memory,
issue #14): MkDocs starts in a process that never held the catalogue."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.engine import site_build
from generator.publish.spilled import FOLDER_PREFIX
from generator.source import parallel


def test_the_build_generates_in_a_process_of_its_own_and_removes_its_files(minimal_project, monkeypatch, tmp_path):
    record = tmp_path / "generated-in"
    real = site_build.generate_site

    def recorded(*args):
        record.write_text(str(os.getpid()), encoding="utf-8")
        return real(*args)

    monkeypatch.setattr(site_build, "generate_site", recorded)
    # Other tests' servers may still run threads in this process; `catalog build` runs in one that has none.
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    site = site_build.build_site(minimal_project, tmp_path / "site", strict=False)

    assert int(record.read_text(encoding="utf-8")) != os.getpid()
    assert (site / "programs" / "test-program" / "index.html").is_file()
    assert (site / "api" / "v1" / "programs.json").is_file()  # data files are copied from the spill area
    assert not list(Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}{os.getpid()}-*"))
