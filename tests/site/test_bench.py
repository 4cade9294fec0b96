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
    # The baseline's two steps' peaks apart: plain MkDocs' is the one the memory target compares with.
    baseline = run["baseline"]
    assert baseline["peak_rss_mb"] == max(baseline["generation_peak_rss_mb"], baseline["mkdocs_peak_rss_mb"])
    assert all(baseline[key] > 0 for key in ("generation_peak_rss_mb", "mkdocs_peak_rss_mb"))
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


def test_a_sharded_index_is_measured_whole_and_left_out_of_the_lunr_comparison(tmp_path):
    """Above SHARD_FROM_BYTES the build writes the sharded index: the bench counts all its files (not just
    the manifest), and does not serve a whole index that the build never wrote."""
    sys.path.insert(0, str(ROOT))
    from bench.bench import engine_row, site_metrics
    from bench.browser import is_sharded

    (tmp_path / "search" / "index").mkdir(parents=True)
    (tmp_path / "index.html").write_text("<p>page</p>", encoding="utf-8")
    manifest = {"config": {"catalog_shards": {"docs": 7}}, "docs": []}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(manifest), encoding="utf-8")
    (tmp_path / "search" / "index" / "0.json").write_text("x" * 5000, encoding="utf-8")
    metrics = site_metrics(tmp_path)
    assert metrics["search_sharded"] and metrics["search_docs"] == 7
    assert metrics["search_index_kb"] > 5
    assert is_sharded(tmp_path)
    assert "not built" in engine_row("N=1000", "lunr, whole index", {"not_built": "sharded at this size"})
