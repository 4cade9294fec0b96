"""The benchmark (bench/, `make bench`) runs end to end; here on a tiny synthetic catalogue only.

This is not a timed test: the numbers are checked for shape and sign, never against targets.
"""

from __future__ import annotations

import json
import subprocess
import sys

from ..conftest import ROOT


def test_benchmark_runs_on_a_small_catalogue(tmp_path):
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench/bench.py"), "--sizes", "3", "--no-real", "--chinese-only",
         "--json", str(out), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "| N=3 | ours |" in result.stdout and "| target | measured | met |" in result.stdout

    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["machine"]["nproc"] >= 1 and report["machine"]["mkdocs"]
    [run] = report["runs"]
    assert run["name"] == "N=3" and run["programs"] == 3
    for side in ("ours", "baseline"):
        numbers = run[side]
        for key in ("generation_s", "wall_s", "cpu_s", "peak_rss_mb", "site_mb", "median_page_kb",
                    "largest_page_kb", "search_index_kb", "search_index_gz_kb"):
            assert numbers[key] > 0, (side, key, numbers[key])
        assert numbers["pages"] > 3 * 4  # programme, calendar, syllabus list and a syllabus per level
        assert 0 < numbers["generation_share"] < 1
    assert set(run["ratio"]) >= {"wall_s", "cpu_s", "peak_rss_mb", "site_mb", "median_page_kb",
                                 "search_index_gz_kb"}
    assert all(value > 0 for value in run["ratio"].values())
    # Same Markdown on both sides: the same pages.
    assert run["ours"]["pages"] == run["baseline"]["pages"]

    # --report prints the same report again from the JSON, without building anything.
    again = subprocess.run([sys.executable, str(ROOT / "bench/bench.py"), "--report", str(out)],
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr[-3000:]
    table = lambda text: text[text.index("| catalogue |"):]  # noqa: E731 - the part after the progress lines
    assert table(again.stdout) == table(result.stdout)


def test_synthetic_catalogue_is_valid_and_deterministic(tmp_path):
    sys.path.insert(0, str(ROOT))
    from bench.synth import RealData, write_catalogue
    from generator.site import load_catalog

    real = RealData()
    first = write_catalogue(4, tmp_path / "a", real=real)
    second = write_catalogue(4, tmp_path / "b", real=real)
    catalog = load_catalog(first)
    assert len(catalog.programs) == 4
    for program in catalog.programs.values():
        assert [level.id for level in program.levels] == ["junior", "intermediate", "senior"]
        assert all(level.eligibility and level.eligibility.routes for level in program.levels)
        assert program.policies and program.schedule and program.exam
    assert len(catalog.syllabi) == 12
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*.yaml"))
    assert files == sorted(p.relative_to(second).as_posix() for p in second.rglob("*.yaml"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
