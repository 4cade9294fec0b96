"""Benchmark: our pipeline against plain MkDocs + Material, on synthetic catalogues and the real one.

    .venv/bin/python bench/bench.py                      # N = 10, 100, 1000 and the real catalogue
    .venv/bin/python bench/bench.py --sizes 5 --no-real  # what the test suite runs
    .venv/bin/python bench/bench.py --browser            # plus headless-Chromium measurements

For each catalogue it builds the site twice, each build in a fresh subprocess:
- ours: `generator.build_site` (validate, generate, strict MkDocs build with the catalog plugin,
  jieba-segmented search, section-only navigation);
- baseline: `catalog generate OUT` (the same Markdown), then plain `mkdocs build` with Material, default
  navigation (every page in the nav) and default search.

It reports generation time, full build time (wall and CPU), peak memory (the child's ru_maxrss), site size,
median and largest page HTML, search index size raw and gzipped, and the ratios ours/baseline. With the real
catalogue it also times a `make serve` rebuild after one YAML file is saved. Results go to stdout (Markdown)
and to --json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
PY = sys.executable
GZIP_LEVEL = 6  # what web servers and CDNs commonly use
REAL_PROGRAM = "carbon-asset-manager"


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"CI", "CATALOG_STRICT"}}
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])))
    # Our builds are what `make site` builds, search index included: whole below SHARD_FROM_BYTES, sharded
    # above. The browser stage derives the sharded index from a whole one to compare the engines on the
    # real catalogue (bench/browser.py, compare_engines).
    env.pop("CATALOG_SEARCH", None)
    return env


def run(cmd: list[str], cwd: Path | None = None) -> dict:
    """Run one command in a fresh process: wall time, CPU time (its children's included) and peak memory:
    the largest resident set of that process or any process it started (Linux's ru_maxrss from wait4)."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=child_env(), stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{output[-4000:]}")
    reported: dict[str, float] = {}  # what the child printed as `BENCH {json}` lines, added up by key
    for line in re.findall(r"^BENCH (\{.*\})$", output, re.MULTILINE):
        for key, value in json.loads(line).items():
            reported[key] = reported.get(key, 0) + value
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024,
            **reported}


# --- what a built site measures -------------------------------------------------------------------


def gz(data: bytes) -> int:
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def site_metrics(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = {}
    for path in files:
        if path.suffix != ".html" or path.name == "404.html":
            continue
        with path.open("rb") as f:
            if b'http-equiv="refresh"' in f.read(2000):  # redirect stubs for former ids
                continue
        pages[path.relative_to(site).as_posix()] = path.stat().st_size
    sizes = sorted(pages.values())
    largest = max(pages, key=pages.get)
    programs = sorted(v for k, v in pages.items()
                      if k.startswith("programs/") and k.count("/") == 2 and k != "programs/index.html")
    out = {
        "files": len(files),
        "site_mb": sum(p.stat().st_size for p in files) / 1e6,
        "pages": len(pages),
        "median_page_kb": statistics.median(sizes) / 1e3,
        "largest_page_kb": pages[largest] / 1e3,
        "largest_page": largest,
        "median_program_page_kb": statistics.median(programs) / 1e3 if programs else 0.0,
    }
    for prefix, edition in (("", ""), ("en/", "_en")):
        index = site / prefix / "search/search_index.json"
        if index.is_file():
            data = index.read_bytes()
            manifest = json.loads(data)["config"].get("catalog_shards")
            # A sharded index (above SHARD_FROM_BYTES): all its files, of which a search fetches a few.
            parts = [data, *(p.read_bytes() for p in sorted((index.parent / "index").glob("*.json")))] if manifest else [data]
            out[f"search_index{edition}_kb"] = sum(map(len, parts)) / 1e3
            out[f"search_index{edition}_gz_kb"] = sum(map(gz, parts)) / 1e3
            out[f"search_docs{edition}"] = manifest["docs"] if manifest else len(json.loads(data)["docs"])
            out[f"search_sharded{edition}"] = bool(manifest)
    return out


def search_engine_targets(results: dict) -> list[tuple[str, str, bool | None]]:
    """Issue 14: at the largest catalogue the engine in use answers a first search within 2× the real
    catalogue's time and 700 KB; on the real catalogue the sharded index ranks the query set as well as lunr."""
    browser = results.get("browser") or {}
    engines = {k.removesuffix(": search engines"): v for k, v in browser.items() if k.endswith(": search engines")}
    real = engines.pop("real", None)
    out: list[tuple[str, str, bool | None]] = []
    if not real:
        return out
    lunr, sharded = real.get("lunr, whole index"), real.get("sharded index")
    if lunr and sharded and lunr.get("query_set") and sharded.get("query_set"):
        out.append(("real catalogue: the sharded index's query-set hits ≥ lunr's",
                    f"{sharded['query_set']['hits']} vs {lunr['query_set']['hits']} of {lunr['query_set']['queries']}",
                    sharded["query_set"]["hits"] >= lunr["query_set"]["hits"]))
    reference = lunr and lunr.get("first_search_max_ms")
    for name, by_engine in engines.items():
        big = by_engine.get("sharded index")
        if big and reference and big.get("first_search_max_ms") is not None:
            out.append((f"{name}: first search (sharded index) ≤ 2× the real catalogue's (lunr)",
                        f"max {big['first_search_max_ms']:.0f} ms vs {reference:.0f} ms",
                        big["first_search_max_ms"] <= 2 * reference))
            out.append((f"{name}: first search fetches ≤ 700 KB", f"max {big['search_fetched_max_kb']:.0f} KB gzipped",
                        big["search_fetched_max_kb"] <= 700))
    return out


# --- the two builds ----------------------------------------------------------------------------------


def baseline_config(generated: Path, site: Path, config: Path) -> Path:
    """Plain MkDocs + Material on the generated Markdown: default nav and search, same Markdown extensions."""
    from mkdocs.utils import yaml_load

    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as f:
        real = yaml_load(f)
    plain = {
        "site_name": real["site_name"],
        "site_url": "http://localhost:8000/",
        "docs_dir": str(generated),
        "site_dir": str(site),
        "theme": {"name": "material", "language": "zh"},
        "plugins": ["search"],
        "markdown_extensions": real["markdown_extensions"],
        "validation": real["validation"],
    }
    config.write_text(json.dumps(plain, ensure_ascii=False, indent=2), encoding="utf-8")  # JSON is YAML
    return config


def build_ours(project: Path, site: Path) -> dict:
    return run([PY, str(BENCH / "_build_ours.py"), str(project), str(site)])


def build_baseline(project: Path, work: Path) -> tuple[dict, Path]:
    generated, site = work / "baseline-md", work / "baseline-site"
    gen = run([PY, "-m", "generator", "--root", str(project), "generate", str(generated)])
    config = baseline_config(generated, site, work / "baseline-mkdocs.yml")
    mk = run([PY, "-m", "mkdocs", "build", "--quiet", "-f", str(config)])
    return {
        "generation_s": gen["wall_s"], "generation_cpu_s": gen["cpu_s"],
        "mkdocs_s": mk["wall_s"], "mkdocs_cpu_s": mk["cpu_s"],
        "wall_s": gen["wall_s"] + mk["wall_s"], "cpu_s": gen["cpu_s"] + mk["cpu_s"],
        "peak_rss_mb": max(gen["peak_rss_mb"], mk["peak_rss_mb"]),
        # Apart: `catalog generate` is our generator, so its peak is ours, not plain MkDocs'.
        "generation_peak_rss_mb": gen["peak_rss_mb"], "mkdocs_peak_rss_mb": mk["peak_rss_mb"],
    }, site


def chinese_only(project: Path, dest: Path) -> Path:
    """The same project without the English edition: what the baseline is compared on."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns("site", ".cache", "pages-en", "mkdocs.en.yml"))
    registry = dest / "published-urls.txt"
    if registry.is_file():  # the English edition's URLs are not this project's
        lines = registry.read_text(encoding="utf-8").splitlines(keepends=True)
        registry.write_text("".join(x for x in lines if not x.startswith("/en/")), encoding="utf-8")
    return dest


def measure(name: str, project: Path, work: Path, keep_sites: bool = False, both: bool = True) -> dict:
    """Ours and the baseline on the Chinese edition; then ours with both editions, when there is an English one.

    The baseline site is deleted once measured unless keep_sites (it is large: every page holds the whole nav)."""
    work.mkdir(parents=True, exist_ok=True)
    zh = chinese_only(project, work / "project-zh")
    print(f"[bench] {name}: our build (Chinese edition) …", file=sys.stderr, flush=True)
    ours = build_ours(zh, work / "site")
    ours.update(site_metrics(work / "site"))
    print(f"[bench] {name}: ours {ours['wall_s']:.1f} s; baseline build …", file=sys.stderr, flush=True)
    base, base_site = build_baseline(zh, work)
    base.update(site_metrics(base_site))
    print(f"[bench] {name}: baseline {base['wall_s']:.1f} s", file=sys.stderr, flush=True)
    keys = ("wall_s", "cpu_s", "peak_rss_mb", "site_mb", "median_page_kb", "largest_page_kb",
            "search_index_kb", "search_index_gz_kb")
    ratio = {k: ours[k] / base[k] for k in keys if base.get(k)}
    for side in (ours, base):
        side["generation_share"] = side["generation_s"] / side["wall_s"]
        side["generation_cpu_share"] = side["generation_cpu_s"] / side["cpu_s"]
    result = {"name": name, "programs": count_programs(project), "ours": ours, "baseline": base, "ratio": ratio,
              "site": str(work / "site"), "baseline_site": str(base_site) if keep_sites else None}
    if not keep_sites:
        shutil.rmtree(base_site, ignore_errors=True)
    if both and (project / "mkdocs.en.yml").is_file():
        print(f"[bench] {name}: our build, both editions …", file=sys.stderr, flush=True)
        both = build_ours(project, work / "site-both")
        both.update(site_metrics(work / "site-both"))
        both["generation_share"] = both["generation_s"] / both["wall_s"]
        both["generation_cpu_share"] = both["generation_cpu_s"] / both["cpu_s"]
        result["ours_both_editions"] = both
        result["site_both"] = str(work / "site-both")
    return result


def count_programs(project: Path) -> int:
    return len(list((project / "programs").glob("*.yaml")))


# --- `make serve`: one saved YAML file until the page shows it --------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, needle: str, timeout: float, step: float = 0.02) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if needle in _fetch(url):
            return time.perf_counter() - started
        time.sleep(step)
    raise TimeoutError(f"{needle!r} never appeared at {url}")


def copy_real_project(dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("programs", "syllabi", "content", "site_overrides"):
        shutil.copytree(ROOT / name, dest / name)
    for name in ("mkdocs.yml", "mkdocs.en.yml", "published-urls.txt"):
        if (ROOT / name).is_file():
            shutil.copy(ROOT / name, dest / name)
    return dest


def measure_serve(work: Path, edits: int = 5) -> dict:
    """Start the preview on a copy of the real project, save one programme file, time until the page changes."""
    project = copy_real_project(work / "serve-project")
    port = _free_port()
    log = (work / "serve.log").open("w")
    proc = subprocess.Popen(
        [PY, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=child_env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/programs/{REAL_PROGRAM}/"
    source = project / "programs" / f"{REAL_PROGRAM}.yaml"
    times = []
    try:
        startup = _wait_for(url, "碳资产管理师", timeout=180, step=0.2)
        time.sleep(2)  # let the first build settle
        original = source.read_text(encoding="utf-8")
        for k in range(edits):
            marker = f"基准测试标记{k}号"
            source.write_text(original.replace("共同开展的碳资产管理师", f"共同开展的{marker}碳资产管理师", 1),
                              encoding="utf-8")
            times.append(_wait_for(url, marker, timeout=60))
            time.sleep(1.5)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
    return {"startup_s": startup, "rebuild_s": times, "rebuild_median_s": statistics.median(times),
            "rebuild_max_s": max(times)}


# --- report ------------------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    free = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip()
    versions = {}
    for package in ("mkdocs", "mkdocs-material", "jieba", "pydantic"):
        from importlib.metadata import version

        versions[package] = version(package)
    return {"nproc": os.cpu_count(), "cpu": cpu, "free": free, "python": platform.python_version(),
            "loadavg": os.getloadavg(), **versions}


def _f(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}"


def _row(name: str, label: str, s: dict) -> str:
    return (f"| {name} | {label} | {_f(s['generation_s'], 2)} ({s['generation_share']:.0%}) | {_f(s['wall_s'])} | "
            f"{_f(s['cpu_s'])} | {_f(s['peak_rss_mb'], 0)} | {_f(s['site_mb'])} | {s['pages']:,} | "
            f"{_f(s['median_page_kb'])} | {_f(s['largest_page_kb'])} | {_f(s.get('search_index_kb', 0), 0)} | "
            f"{_f(s.get('search_index_gz_kb', 0), 0)} |")


def engine_row(catalogue: str, engine: str, e: dict) -> str:
    """One engine's row of the search-engine table; an engine whose binary is missing says so."""
    if "not_installed" in e:
        return f"| {catalogue} | {engine} | not installed | not installed | | {e['not_installed']} |"
    if "not_built" in e:
        return f"| {catalogue} | {engine} | not built | | | {e['not_built']} |"
    hits = e.get("query_set")
    rate = f"{hits['hits']}/{hits['queries']}" if hits else ""
    figures = [_f(e[k], 0) if e[k] is not None else "no result"
               for k in ("first_search_median_ms", "first_search_max_ms", "search_fetched_max_kb")]
    notes = "; ".join(filter(None, [
        e.get("how"),
        f"indexing {_f(e['index_s'])} s, index {_f(e['index_kb'], 0)} KB in {e['index_files']:,} files (zh + en)"
        if "index_s" in e else ""]))
    return f"| {catalogue} | {engine} | {figures[0]}, {figures[1]} | {figures[2]} | {rate} | {notes} |"


def targets(results: dict) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met) for each target of issue 7 that this run measured."""
    out: list[tuple[str, str, bool | None]] = []
    runs = {r["name"]: r for r in results["runs"]}
    for r in results["runs"]:
        for label, s in (("Chinese edition", r["ours"]), ("both editions", r.get("ours_both_editions"))):
            if s:
                out.append((f"{r['name']}, {label}: generator stage ≤ 10% of the build",
                            f"{s['generation_share']:.1%} of wall time ({s['generation_s']:.2f} s of {s['wall_s']:.1f} s); "
                            f"{s['generation_cpu_share']:.1%} of CPU time", s["generation_share"] <= 0.10))
    big = runs.get("N=1000")
    if big:
        q = big["ratio"]
        out.append(("N=1000: full build ≤ half the baseline's time",
                    f"{q['wall_s']:.2f}× wall ({big['ours']['wall_s']:.0f} s vs {big['baseline']['wall_s']:.0f} s), "
                    f"{q['cpu_s']:.2f}× CPU", q["wall_s"] <= 0.5))
        out.append(("N=1000: median page HTML ≤ 40 KB", f"{big['ours']['median_page_kb']:.1f} KB",
                    big["ours"]["median_page_kb"] <= 40))
        built = big.get("ours_both_editions") or big["ours"]  # both editions when built: every page there is
        out.append(("N=1000: no HTML page over 1 MB",
                    f"largest {built['largest_page_kb']:,.0f} KB (`{built['largest_page']}`)",
                    built["largest_page_kb"] <= 1000))
        if not big["ours"].get("search_sharded"):
            out.append(("N=1000: search index ≤ 3 MB gzipped",
                        f"{big['ours']['search_index_gz_kb'] / 1e3:.2f} MB (raw {big['ours']['search_index_kb'] / 1e3:.1f} MB)",
                        big["ours"]["search_index_gz_kb"] <= 3000))
        base = big["baseline"]
        if "mkdocs_peak_rss_mb" in base:
            plain = base["mkdocs_peak_rss_mb"]
            how = (f"plain `mkdocs build`; the baseline's `catalog generate` step, our generator: "
                   f"{base['generation_peak_rss_mb']:,.0f} MB")
        else:  # results from before the two steps were recorded apart
            plain, how = base["peak_rss_mb"], "the larger of the baseline's `catalog generate` and `mkdocs build`"
        out.append(("N=1000: peak build memory ≤ plain MkDocs'",
                    f"{big['ours']['peak_rss_mb']:,.0f} MB vs {plain:,.0f} MB ({how})",
                    big["ours"]["peak_rss_mb"] <= plain))
        both = big.get("ours_both_editions")
        if both and "search_index_en_gz_kb" in both and not both.get("search_sharded_en"):
            out.append(("N=1000: English edition's search index ≤ 3 MB gzipped",
                        f"{both['search_index_en_gz_kb'] / 1e3:.2f} MB", both["search_index_en_gz_kb"] <= 3000))
    synthetic = [r for r in results["runs"] if r["name"].startswith("N=")]
    if len(synthetic) > 1:
        medians = [r["ours"]["median_page_kb"] for r in synthetic]
        out.append(("median page HTML does not grow with N",
                    " → ".join(f"{r['name']}: {r['ours']['median_page_kb']:.1f} KB" for r in synthetic),
                    max(medians) <= min(medians) * 1.10))
    real = runs.get("real")
    if real:
        out.append(("real catalogue: search index ≤ 300 KB gzipped", f"{real['ours']['search_index_gz_kb']:.0f} KB",
                    real["ours"]["search_index_gz_kb"] <= 300))
    if results.get("serve"):
        t = results["serve"]["rebuild_max_s"]
        out.append(("real catalogue: `make serve` shows a saved YAML edit within 3 s",
                    f"max {t:.2f} s, median {results['serve']['rebuild_median_s']:.2f} s", t <= 3))
    for key, value in (results.get("browser") or {}).items():
        if key.endswith("ours: programme page cold load"):
            out.append((f"{key.split(' ours')[0]}: programme page cold load ≤ 200 KB gzipped",
                        f"{value['transfer_kb']:.0f} KB in {value['requests']} requests", value["transfer_kb"] <= 200))
        if key == "real ours: search" and value.get("warm_max_ms") is not None:
            # Both ways: the index already loaded, and a query typed right after the page's load event
            # (which includes fetching the index, as the search box asks for it only then).
            slowest = max(value["warm_max_ms"], value.get("first_max_ms") or float("inf"))
            out.append(("real catalogue: first search result ≤ 300 ms after typing",
                        f"typed right after page load: max {value['first_max_ms']:.0f} ms; "
                        f"index already loaded: median {value['warm_median_ms']:.0f} ms, max {value['warm_max_ms']:.0f} ms",
                        slowest <= 300))
    out += search_engine_targets(results)
    return out


def markdown(results: dict) -> str:
    lines = []
    m = results["machine"]
    lines += [f"Machine: {m['nproc']} cores ({m['cpu']}), Python {m['python']}, MkDocs {m['mkdocs']}, "
              f"Material {m['mkdocs-material']}, jieba {m['jieba']}; load average (1, 5, 15 min) at the start "
              f"{', '.join(f'{x:.2f}' for x in results.get('load_at_start', ()))}, at the end "
              f"{', '.join(f'{x:.2f}' for x in m['loadavg'])}.", ""]
    header = ("| catalogue | build | generation s (share) | full build s | CPU s | peak MB | site MB | pages | "
              "median page KB | largest page KB | search index KB | index gz KB |")
    lines += [header, "|---" * 12 + "|"]
    for r in results["runs"]:
        lines.append(_row(r["name"], "ours", r["ours"]))
        lines.append(_row(r["name"], "baseline", r["baseline"]))
        q = r["ratio"]
        lines.append(
            f"| {r['name']} | **ours/baseline** | | {q['wall_s']:.2f} | {q['cpu_s']:.2f} | {q['peak_rss_mb']:.2f} | "
            f"{q['site_mb']:.2f} | | {q['median_page_kb']:.2f} | {q['largest_page_kb']:.2f} | "
            f"{q['search_index_kb']:.2f} | {q['search_index_gz_kb']:.2f} |")
        if r.get("ours_both_editions"):
            both = r["ours_both_editions"]
            lines.append(_row(r["name"], "ours, zh + en editions", both)[:-1]
                         + (f" (en: {_f(both['search_index_en_gz_kb'], 0)}) |" if "search_index_en_gz_kb" in both else "|"))
    if results.get("serve"):
        s = results["serve"]
        lines += ["", f"`make serve` (real catalogue): first build {s['startup_s']:.1f} s; after saving one programme "
                      f"YAML file the page showed the edit in {', '.join(f'{t:.2f}' for t in s['rebuild_s'])} s "
                      f"(median {s['rebuild_median_s']:.2f} s, max {s['rebuild_max_s']:.2f} s)."]
    engines = {k.removesuffix(": search engines"): v for k, v in results.get("browser", {}).items()
               if k.endswith(": search engines")}
    if engines:
        lines += ["", "Search engines, first search on a fresh page (time to the first result; what the search "
                      "fetched, gzipped; the query set tests/search_queries.yaml on the real catalogue):", "",
                  "| catalogue | engine | first search ms (median, max) | fetched KB (max) | query set hits | notes |",
                  "|---|---|---|---|---|---|"]
        for name, by_engine in engines.items():
            lines += [engine_row(name, engine, e) for engine, e in by_engine.items()]
    if results.get("browser"):
        lines += ["", "Browser (headless Chromium):", ""]
        for key, value in results["browser"].items():
            if key != "errors":
                lines.append(f"- {key}: {json.dumps(value, ensure_ascii=False)}")
        for key, error in results["browser"].get("errors", {}).items():
            lines.append(f"- **failed:** {key}: {error}")
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for target, measured, met in targets(results):
        lines.append(f"| {target} | {measured} | {'yes' if met else 'NO'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="synthetic catalogue sizes (default 10,100,1000)")
    parser.add_argument("--no-real", action="store_true", help="skip the real catalogue (and the serve timing)")
    parser.add_argument("--no-serve", action="store_true", help="skip the `make serve` rebuild timing")
    parser.add_argument("--browser", action="store_true", help="also measure in headless Chromium")
    parser.add_argument("--chinese-only", action="store_true",
                        help="skip our extra build with both editions (the comparison is on the Chinese edition)")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    parser.add_argument("--work", type=Path, help="work folder (default: a temporary one, removed at the end)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--report", type=Path, metavar="JSON",
                        help="only print the Markdown report of earlier results (what BENCHMARKS.md quotes)")
    args = parser.parse_args(argv)
    if args.report:
        print(markdown(json.loads(args.report.read_text(encoding="utf-8"))))
        return 0

    sys.path.insert(0, str(ROOT))
    from bench.synth import RealData, write_catalogue

    work = args.work or Path(tempfile.mkdtemp(prefix="catalog-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"date": dt.datetime.now().isoformat(timespec="seconds"), "load_at_start": os.getloadavg(),
                     "runs": []}
    try:
        real = RealData()
        for n in [int(s) for s in args.sizes.split(",") if s.strip()]:
            print(f"[bench] N={n}: writing the synthetic catalogue …", file=sys.stderr, flush=True)
            project = write_catalogue(n, work / f"n{n}" / "project", real=real)
            results["runs"].append(measure(f"N={n}", project, work / f"n{n}", keep_sites=args.browser,
                                           both=not args.chinese_only))
        if not args.no_real:
            project = copy_real_project(work / "real" / "project")
            results["runs"].append(measure("real", project, work / "real", keep_sites=args.browser,
                                           both=not args.chinese_only))
            if not args.no_serve:
                print("[bench] real: timing `make serve` rebuilds …", file=sys.stderr, flush=True)
                results["serve"] = measure_serve(work / "real")
        if args.json:  # the builds' results now, in case the browser stage fails; rewritten in full below
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps({**results, "machine": machine()}, ensure_ascii=False, indent=2),
                                 encoding="utf-8")
        if args.browser:
            from bench.browser import measure_browser

            print("[bench] browser measurements …", file=sys.stderr, flush=True)
            results["browser"] = measure_browser(results["runs"])
        results["machine"] = machine()
        print(markdown(results))
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    finally:
        if not (args.keep or args.work):
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
