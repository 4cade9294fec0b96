"""Browser part of the benchmark (`bench.py --browser`): headless Debian chromium through Playwright.

- Cold load of a programme page: a fresh browser context (empty cache) opens the page and waits until the
  network is idle. The site is served on 127.0.0.1 by a small server that gzips text responses (as any CDN
  does), and records every request: the transfer size is the sum of what it sent, gzipped where gzip applies.
- Search: the time from the query landing in Material's search box to the first result in the list, timed
  in the page (performance.now()). "warm": the index is already loaded; "first": the query is typed right
  after the page's load event, so it includes fetching and building the index if that is not done yet.
- Search engines side by side (`compare_engines`): Material's lunr over the whole index, the sharded index,
  and Pagefind (extended, from npm's `pagefind`), each on the same build. Pagefind is not wired into the
  search box: its first search and the query set go through its JS API in the page.

Never downloads a browser: `executable_path=shutil.which("chromium")`.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import json
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".ics", ".txt", ".map", ".md"}
QUERIES = ("碳资产管理师", "碳汇计量", "国发", "中国节能协会", "Carbon Emission", "4-09-07-04")
SYNTHETIC_QUERIES = ("碳资产", "电力碳排放", "核查员", "中国钢铁节能协会", "Carbon Audit")
REAL_PROGRAM = "programs/carbon-asset-manager/"


class _Recorder(http.server.SimpleHTTPRequestHandler):
    """Serves files, gzipped when the client accepts it, and records what each request transferred."""

    log_list: list = []
    gzip_cache: dict = {}

    def log_message(self, format, *args):  # noqa: A002
        pass

    def do_GET(self):  # noqa: N802 - stdlib name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().do_GET()  # the redirect to the slash URL
            path = path / "index.html"
        if not path.is_file():
            self.log_list.append((unquote(urlsplit(self.path).path), 404, 0, 0))
            return self.send_error(404)
        data = path.read_bytes()
        body, encoding = data, None
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = (str(path), path.stat().st_mtime_ns)
            if key not in self.gzip_cache:
                self.gzip_cache[key] = gzip.compress(data, 6, mtime=0)
            body, encoding = self.gzip_cache[key], "gzip"
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)
        self.log_list.append((unquote(urlsplit(self.path).path), 200, len(data), len(body)))


@contextlib.contextmanager
def serve(folder: Path, search_overlay: Path | None = None):
    """Serve a built site; with search_overlay (another engine's index), each top folder of the overlay
    (search/ for the sharded index, pagefind/ for Pagefind) replaces the site's folder of that name."""
    class Handler(_Recorder):
        log_list: list = []
        gzip_cache: dict = {}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def translate_path(self, path: str) -> str:
            relative = unquote(urlsplit(path).path).lstrip("/")
            top = relative.split("/", 1)[0]
            if search_overlay is not None and top and (search_overlay / top).is_dir():
                return str(search_overlay / relative)
            return super().translate_path(path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", Handler.log_list
    finally:
        server.shutdown()
        server.server_close()


def cold_load(browser, base: str, log: list, page_path: str) -> dict:
    """Everything a first visit to page_path transfers, until the network has been idle for a while."""
    context = browser.new_context()
    page = context.new_page()
    log.clear()
    started = time.perf_counter()
    page.goto(base + page_path, wait_until="load")
    load_s = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)
    requests = list(log)
    context.close()
    by_kind: dict[str, int] = {}
    for path, _status, _raw, sent in requests:
        kind = ("search index" if path.endswith("search_index.json") else
                "lunr/search worker" if "/lunr/" in path or "/workers/" in path else
                "html" if path.endswith("/") or path.endswith(".html") else path.rsplit(".", 1)[-1])
        by_kind[kind] = by_kind.get(kind, 0) + sent
    largest = sorted(requests, key=lambda r: -r[3])[:6]
    return {
        "page": page_path,
        "requests": len(requests),
        "transfer_kb": sum(r[3] for r in requests) / 1e3,
        "uncompressed_kb": sum(r[2] for r in requests) / 1e3,
        "load_event_s": round(load_s, 3),
        "by_kind_kb": {k: round(v / 1e3, 1) for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1])},
        "largest": [[p, round(s / 1e3, 1)] for p, _st, _r, s in largest],
        "search_index_fetched": any(r[0].endswith("search_index.json") for r in requests),
    }


_OBSERVE = """() => {
  const input = document.querySelector('.md-search__input');
  const list = document.querySelector('.md-search-result__list');
  window.__bench = {start: null, first: null};
  input.addEventListener('input', () => { if (window.__bench.start === null) window.__bench.start = performance.now(); });
  const seen = () => { if (window.__bench.start !== null && window.__bench.first === null && list.children.length)
                         window.__bench.first = performance.now(); };
  new MutationObserver(seen).observe(list, {childList: true, subtree: true});
}"""


def _type_query(page, query: str) -> None:
    if query.isascii():
        page.keyboard.type(query)  # key by key, as on a keyboard
    else:
        # A Chinese word arrives whole from the input method: one insert, then a key release.
        page.keyboard.insert_text(query)
        page.keyboard.press("Shift")


def _query_latency(page, query: str, timeout_ms: int = 20000) -> float | None:
    page.evaluate(_OBSERVE)
    page.fill(".md-search__input", "")
    page.wait_for_timeout(50)
    page.evaluate("() => { window.__bench.start = null; window.__bench.first = null; }")
    page.focus(".md-search__input")
    _type_query(page, query)
    try:
        page.wait_for_function("() => window.__bench.first !== null", timeout=timeout_ms)
    except Exception:  # noqa: BLE001 - no result at all is reported as None
        return None
    t = page.evaluate("() => window.__bench.first - window.__bench.start")
    return round(t, 1)


def _wait_ready(page, timeout_ms: int = 30000) -> None:
    """Until Material's search says it is ready (its "initialising" message is gone)."""
    page.click("label[for='__search']") if page.is_visible("label[for='__search']") else page.focus(".md-search__input")
    page.wait_for_function(
        """() => { const m = document.querySelector('.md-search-result__meta');
                   return m && !/初始化|Initializing/i.test(m.textContent); }""", timeout=timeout_ms)


def search_latency(browser, base: str, queries=QUERIES) -> dict:
    warm, first = {}, {}
    for query in queries:
        # First query on a fresh page, right after the load event.
        context = browser.new_context()
        page = context.new_page()
        page.goto(base, wait_until="load")
        first[query] = _query_latency(page, query)
        context.close()
    context = browser.new_context()
    page = context.new_page()
    page.goto(base, wait_until="load")
    page.wait_for_load_state("networkidle")
    _wait_ready(page)
    for query in queries:
        runs = [_query_latency(page, query) for _ in range(3)]
        runs = [r for r in runs if r is not None]
        warm[query] = statistics.median(runs) if runs else None
    context.close()
    values = [v for v in warm.values() if v is not None]
    firsts = [v for v in first.values() if v is not None]
    return {"warm_ms": warm, "warm_median_ms": statistics.median(values) if values else None,
            "warm_max_ms": max(values) if values else None,
            "first_query_after_load_ms": first, "first_max_ms": max(firsts) if firsts else None}


# --- search engines side by side: Material's lunr over the whole index, the sharded index, Pagefind ----------

ENGINES = ("lunr, whole index", "sharded index", "Pagefind (extended)")
PAGEFIND = ENGINES[2]
# Pagefind is not wired into Material's search box: its numbers are of its JS API, called in the page.
PAGEFIND_NOTE = "through Pagefind's JS API in the page (it is not wired into the search box)"
ROOT = Path(__file__).resolve().parents[1]


def sharded_overlay(site: Path, dest: Path) -> Path:
    """The sharded index (generator/features/search.py) of a site built with the whole one, in dest/search/."""
    from lunr.stemmer import PorterStemmer

    from generator.features.search import sharded_index

    index = json.loads((site / "search" / "search_index.json").read_bytes())
    for name, text in sharded_index(index, PorterStemmer().stem):
        target = dest / "search" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return dest


def first_search(browser, base: str, log: list, queries) -> dict:
    """Each query on a fresh page (empty cache) right after its load event: the time to the first result,
    and what the search fetched (search/…: the index, its shards), gzipped transfer."""
    return _on_fresh_pages(browser, base, log, queries, _query_latency, "/search/")


def _on_fresh_pages(browser, base: str, log: list, queries, search, fetched_under: str) -> dict:
    """search(page, query) → ms, for each query on a fresh page (empty cache) right after its load event;
    with what was fetched under `fetched_under`, gzipped transfer."""
    times, fetched = {}, {}
    for query in queries:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base, wait_until="load")
        log.clear()
        times[query] = search(page, query)
        # Entries fetched for the results shown; and the server logs a response just after sending it.
        page.wait_for_timeout(300)
        fetched[query] = round(sum(sent for path, _s, _r, sent in log if path.startswith(fetched_under)) / 1e3, 1)
        context.close()
    found = [t for t in times.values() if t is not None]
    return {"first_search_ms": times, "first_search_max_ms": max(found) if found else None,
            "first_search_median_ms": statistics.median(found) if found else None,
            "search_fetched_kb": fetched, "search_fetched_max_kb": max(fetched.values()) if fetched else None}


def _query_set_tools():
    """The query set and its judge, from the browser test that runs it through the real search box."""
    import sys

    sys.path.insert(0, str(ROOT))
    from tests.browser import test_search_queries

    return test_search_queries


def _judge_query_set(first_result_of) -> dict:
    """first_result_of(query) -> (page, best section) for each query of tests/search_queries.yaml, judged
    by the browser test's is_hit."""
    tools = _query_set_tools()
    queries = tools.load_query_set()["queries"]
    misses = []
    for item in queries:
        found = first_result_of(str(item["query"]))
        if not tools.is_hit(found, item["expect"]):
            misses.append({"query": item["query"], "expected": item["expect"], "got": list(found)})
    return {"hits": len(queries) - len(misses), "queries": len(queries),
            "hit_rate": round((len(queries) - len(misses)) / len(queries), 3), "misses": misses}


def query_set_hit_rate(browser, base: str) -> dict:
    """The project's query set (tests/search_queries.yaml) through the real search box."""
    context = browser.new_context(base_url=base)
    page = context.new_page()
    try:
        return _judge_query_set(lambda query: _query_set_tools().first_result(page, query))
    finally:
        context.close()


# --- Pagefind (extended: its Chinese segmentation needs the extended build) --------------------------------


def pagefind_binary() -> Path | None:
    """The extended binary that npm's optional @pagefind/<platform> package installs (1.6.0 ships only
    the extended one there, and its `pagefind` wrapper prefers it); None when it is not installed."""
    found = sorted(ROOT.glob("node_modules/@pagefind/*/bin/pagefind_extended"))
    return found[0] if found else None


def pagefind_overlay(site: Path, dest: Path, binary: Path) -> dict:
    """Pagefind's index of a built site in dest/pagefind/ (served over the site by `serve`): one index per
    `<html lang>` it finds (zh, en), so a zh page searches the zh pages only. The indexing time and size."""
    import subprocess

    started = time.perf_counter()
    # Pagefind's defaults: each page's <body>. Excluding Material's header, tabs, sidebars and footer
    # (--exclude-selectors) changed neither the query-set hits nor the index size (±0.2%) on the real catalogue.
    done = subprocess.run([str(binary), "--site", str(site), "--output-path", str(dest / "pagefind"), "--quiet"],
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{binary.name} failed on {site}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    index_s = time.perf_counter() - started
    files = [f for f in (dest / "pagefind").rglob("*") if f.is_file()]
    return {"index_s": round(index_s, 2), "index_kb": round(sum(f.stat().st_size for f in files) / 1e3, 1),
            "index_files": len(files)}


# In the page: Pagefind's JS API, the first result's data, and its sections (sub_results: the page's
# headings with the query's words under them, in page order).
_PAGEFIND_SEARCH = """async (query) => {
  const started = performance.now();
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(query);
  if (!search.results.length) return {ms: null, first: null};
  const first = await search.results[0].data();
  return {ms: performance.now() - started,
          first: {url: first.url, sub_results: first.sub_results.map(s => ({url: s.url, locations: s.locations.length}))}};
}"""


def pagefind_found(first: dict | None) -> tuple[str, str]:
    """A Pagefind first result in the shape of the browser test's first_result: (page, best section), as
    site-relative paths. The best section is the one with the most matches of the query (the order in
    which Pagefind's own UI picks the sections it shows; the earlier one on a tie); the page when no
    section matched."""
    if not first:
        return ("", "")
    page = urlsplit(first["url"]).path.lstrip("/")
    sections = [s for s in first["sub_results"] if "#" in s["url"]]
    if not sections:
        return (page, page)
    best = max(sections, key=lambda s: s["locations"])  # max keeps the first of equals
    url = urlsplit(best["url"])
    return (page, url.path.lstrip("/") + "#" + url.fragment)


def pagefind_first_search(browser, base: str, log: list, queries) -> dict:
    """As first_search, through Pagefind's JS API: a fresh page (empty cache), its load event, then the
    query; the time to the first result's data, and what was fetched under /pagefind/ (gzipped transfer)."""

    def search(page, query: str) -> float | None:
        answer = page.evaluate(_PAGEFIND_SEARCH, query)
        return round(answer["ms"], 1) if answer["ms"] is not None else None

    return {**_on_fresh_pages(browser, base, log, queries, search, "/pagefind/"), "how": PAGEFIND_NOTE}


def pagefind_query_set(browser, base: str) -> dict:
    """The query set through Pagefind's JS API on the home page (zh), judged as the search box's is."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base, wait_until="load")
    try:
        return _judge_query_set(lambda query: pagefind_found(page.evaluate(_PAGEFIND_SEARCH, query)["first"]))
    finally:
        context.close()


def is_sharded(site: Path) -> bool:
    """Whether the build wrote the sharded index (above SHARD_FROM_BYTES), as `make site` does."""
    return "catalog_shards" in json.loads((site / "search" / "search_index.json").read_bytes())["config"]


def compare_engines(browser, run: dict, queries) -> dict:
    """The engines on one build. A site built with the whole index also gets the sharded one derived from
    it; a site built sharded (a large catalogue) has no whole index to serve, and lunr is not measured."""
    site = Path(run["site"])
    out = {}
    with tempfile.TemporaryDirectory() as sharded, tempfile.TemporaryDirectory() as pagefind:
        if is_sharded(site):
            out[ENGINES[0]] = {"not_built": "the build writes the sharded index at this size"}
            engines = ((ENGINES[1], None),)
        else:
            engines = ((ENGINES[0], None), (ENGINES[1], sharded_overlay(site, Path(sharded))))
        for engine, search in engines:
            with serve(site, search) as (base, log):
                result = first_search(browser, base, log, queries)
                if run["name"] == "real":
                    result["query_set"] = query_set_hit_rate(browser, base)
                out[engine] = result
        binary = pagefind_binary()
        if binary is None:
            out[PAGEFIND] = {"not_installed": "node_modules/@pagefind/*/bin/pagefind_extended is missing (npm ci)"}
            return out
        index = pagefind_overlay(site, Path(pagefind), binary)
        with serve(site, Path(pagefind)) as (base, log):
            result = {**index, **pagefind_first_search(browser, base, log, queries)}
            if run["name"] == "real":
                result["query_set"] = pagefind_query_set(browser, base)
        out[PAGEFIND] = result
    return out


def measure_browser(runs: list[dict]) -> dict:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if not executable:
        raise RuntimeError("Debian's chromium is not installed (make browser-deps); the benchmark never downloads one")
    out: dict = {}
    synthetic = [r for r in runs if r["name"].startswith("N=")]
    largest = max(synthetic, key=lambda r: r["programs"]) if synthetic else None
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        def measured(key: str, measure) -> None:
            # One measurement that fails is reported as failed; the others, and the builds before them, stand.
            try:
                out[key] = measure()
            except Exception as error:  # noqa: BLE001 - reported in the results, not raised
                out.setdefault("errors", {})[key] = f"{type(error).__name__}: {str(error).splitlines()[0]}"

        try:
            for run in runs:
                site = Path(run["site"])
                program = REAL_PROGRAM if run["name"] == "real" else _some_program(site)
                with serve(site) as (base, log):
                    measured(f"{run['name']} ours: programme page cold load",
                             lambda: cold_load(browser, base, log, program))
                    if run["name"] == "real":
                        measured("real ours: search", lambda: search_latency(browser, base))
                    elif run is largest:
                        measured(f"{run['name']} ours: search", lambda: search_latency(browser, base, SYNTHETIC_QUERIES))
                if run["name"] == "real" or run is largest:
                    queries = QUERIES if run["name"] == "real" else SYNTHETIC_QUERIES
                    measured(f"{run['name']}: search engines", lambda: compare_engines(browser, run, queries))
                if run.get("baseline_site") and Path(run["baseline_site"]).is_dir():
                    with serve(Path(run["baseline_site"])) as (base, log):
                        measured(f"{run['name']} baseline: programme page cold load",
                                 lambda: cold_load(browser, base, log, program))
        finally:
            browser.close()
    return out


def _some_program(site: Path) -> str:
    """The median-sized programme page, so the number is typical."""
    pages = sorted((p.stat().st_size, p.parent.relative_to(site).as_posix())
                   for p in (site / "programs").glob("*/index.html"))
    return pages[len(pages) // 2][1] + "/"
