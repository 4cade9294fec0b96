"""The benchmark's third search engine, Pagefind (extended): its index of the built site, and how its first
result is judged against the query set (bench/browser.py). The timed search itself runs in `make bench`;
tests/browser/test_bench_pagefind.py runs it once in Chromium."""

from __future__ import annotations

import json
import re
import sys

import pytest

from ..conftest import ROOT, pagefind_index_of

sys.path.insert(0, str(ROOT))
from bench import browser as bench_browser  # noqa: E402
from tests.browser.test_search_queries import load_query_set  # noqa: E402


@pytest.fixture(scope="module")
def pagefind_index(built_site, tmp_path_factory):
    return pagefind_index_of(built_site, tmp_path_factory)


def test_the_binary_is_the_extended_build():
    binary = bench_browser.pagefind_binary()
    assert binary is not None and binary.name == "pagefind_extended"


def test_pagefind_indexes_the_site_per_html_lang(pagefind_index, built_site):
    dest, index = pagefind_index
    entry = json.loads((dest / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry["languages"]
    assert set(languages) == {"zh", "en"}, languages
    # Each page in the index of its <html lang>: a zh page searches the Chinese edition only.
    by_lang = {"zh": 0, "en": 0}
    for page in built_site.rglob("*.html"):
        lang = re.search(r'<html lang="([a-z]+)', page.read_text(encoding="utf-8")).group(1)
        by_lang[lang] += 1
    assert {lang: languages[lang]["page_count"] for lang in by_lang} == by_lang
    assert not (built_site / "pagefind").exists(), "the index goes into the overlay, not into the built site"
    files = [f for f in (dest / "pagefind").rglob("*") if f.is_file()]
    assert index["index_files"] == len(files)
    assert index["index_kb"] == round(sum(f.stat().st_size for f in files) / 1e3, 1) > 0
    assert index["index_s"] > 0


def test_a_failed_indexing_stops_the_bench_with_pagefinds_words(tmp_path):
    (tmp_path / "site").mkdir()
    with pytest.raises(RuntimeError, match="pagefind_extended failed(.|\n)*not able to build an index"):
        bench_browser.pagefind_overlay(tmp_path / "site", tmp_path / "overlay", bench_browser.pagefind_binary())


def test_the_overlay_serves_pagefind_over_the_site(pagefind_index, built_site):
    import urllib.request

    dest, _index = pagefind_index
    with bench_browser.serve(built_site, dest) as (base, log):
        entry = urllib.request.urlopen(base + "pagefind/pagefind-entry.json").read()
        home = urllib.request.urlopen(base).read()
    assert entry == (dest / "pagefind" / "pagefind-entry.json").read_bytes()
    assert home == (built_site / "index.html").read_bytes()
    assert [path for path, status, _raw, _sent in log] == ["/pagefind/pagefind-entry.json", "/"]


def _pagefind_first(url: str, sections: list[tuple[str, int]]) -> dict:
    """A first result as the in-page search returns it (Pagefind's url and sub_results)."""
    return {"url": "/" + url, "sub_results": [{"url": "/" + u, "locations": n} for u, n in sections]}


def test_a_pagefind_result_is_judged_by_the_search_box_judge():
    queries = load_query_set()["queries"]
    expected = {str(q["query"]): q["expect"] for q in queries}

    def right(query):
        page, _, anchor = expected[query].partition("#")
        sections = [(page + "#elsewhere", 1)] + ([(expected[query], 3)] if anchor else [])
        return bench_browser.pagefind_found(_pagefind_first(page, sections))

    assert bench_browser._judge_query_set(right)["hits"] == len(queries)

    def wrong_page(query):
        return bench_browser.pagefind_found(_pagefind_first("glossary/", [("glossary/#terms", 2)]))

    judged = bench_browser._judge_query_set(wrong_page)
    assert judged["hits"] == sum(q["expect"] == "glossary/" for q in queries) < len(queries)
    assert judged["misses"][0]["got"] == ["glossary/", "glossary/#terms"]


def test_the_best_section_is_the_one_with_most_matches():
    first = _pagefind_first("programs/carbon-asset-manager/", [
        ("programs/carbon-asset-manager/", 5),  # the text above the first heading: not a section
        ("programs/carbon-asset-manager/#facts", 2),
        ("programs/carbon-asset-manager/#fees", 4),
        ("programs/carbon-asset-manager/#sources", 4)])
    assert bench_browser.pagefind_found(first) == ("programs/carbon-asset-manager/",
                                                   "programs/carbon-asset-manager/#fees")
    no_section = _pagefind_first("policies/decree-775/", [("policies/decree-775/", 3)])
    assert bench_browser.pagefind_found(no_section) == ("policies/decree-775/", "policies/decree-775/")
    assert bench_browser.pagefind_found(None) == ("", "")


def test_a_missing_binary_is_reported_not_measured(monkeypatch, built_site):
    monkeypatch.setattr(bench_browser, "pagefind_binary", lambda: None)
    measured = []
    monkeypatch.setattr(bench_browser, "first_search", lambda *args: measured.append(args) or {"first": 1})
    monkeypatch.setattr(bench_browser, "sharded_overlay", lambda site, dest: dest)
    out = bench_browser.compare_engines(None, {"name": "N=3", "site": str(built_site)}, ("碳",))
    assert set(out[bench_browser.PAGEFIND]) == {"not_installed"}
    assert len(measured) == 2  # lunr and the sharded index still measured

    from bench.bench import engine_row

    row = engine_row("N=3", bench_browser.PAGEFIND, out[bench_browser.PAGEFIND])
    assert "| not installed | not installed |" in row and "pagefind_extended" in row


def test_the_report_prints_pagefind_in_the_engines_table():
    from bench.bench import markdown

    pagefind = {"index_s": 1.87, "index_kb": 1671.1, "index_files": 250, "first_search_median_ms": 419.5,
                "first_search_max_ms": 478.8, "search_fetched_max_kb": 174.7, "how": bench_browser.PAGEFIND_NOTE,
                "query_set": {"hits": 29, "queries": 74}}
    lunr = {"first_search_median_ms": 120, "first_search_max_ms": 250, "search_fetched_max_kb": 90,
            "query_set": {"hits": 58, "queries": 74}}
    from bench.bench import machine

    report = markdown({"machine": machine(), "runs": [], "browser": {
        "real: search engines": {"lunr, whole index": lunr, bench_browser.PAGEFIND: pagefind}}})
    rows = [line for line in report.splitlines() if line.startswith("| real |")]
    assert rows[0].startswith("| real | lunr, whole index | 120, 250 | 90 | 58/74 |")
    assert rows[1].startswith("| real | Pagefind (extended) | 420, 479 | 175 | 29/74 | through Pagefind's JS API")
    assert "indexing 1.9 s, index 1,671 KB in 250 files" in rows[1]
