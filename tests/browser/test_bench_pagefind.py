"""The benchmark's Pagefind measurements (bench/browser.py) run once in Chromium on the real catalogue:
the in-page search answers from the zh index, what it fetched is counted, and the query set is judged."""

from __future__ import annotations

import sys

import pytest

from ..conftest import ROOT, pagefind_index_of

sys.path.insert(0, str(ROOT))
from bench import browser as bench_browser  # noqa: E402


@pytest.fixture(scope="module")
def pagefind_site(site_dir, tmp_path_factory):
    """The built site served with Pagefind's index of it over it, as `make bench` serves it."""
    overlay, _index = pagefind_index_of(site_dir, tmp_path_factory)
    with bench_browser.serve(site_dir, overlay) as (base, log):
        yield base, log


def test_the_first_search_is_timed_and_its_fetches_counted(browser, pagefind_site):
    base, log = pagefind_site
    result = bench_browser.pagefind_first_search(browser, base, log, ("碳汇计量评估师",))
    assert 0 < result["first_search_ms"]["碳汇计量评估师"] < 20000
    fetched = [(path, sent) for path, status, _raw, sent in log if status == 200]
    assert any(path.startswith("/pagefind/pagefind.js") for path, _ in fetched)
    # Only what the search fetched counts: the page's own files are not under /pagefind/.
    assert result["search_fetched_kb"]["碳汇计量评估师"] == round(
        sum(sent for path, sent in fetched if path.startswith("/pagefind/")) / 1e3, 1) > 0
    assert "JS API" in result["how"]


def test_a_zh_page_searches_the_chinese_edition_only(browser, pagefind_site):
    base, _log = pagefind_site
    context = browser.new_context()
    page = context.new_page()
    page.goto(base, wait_until="load")
    # English words are in both editions: the zh home page still answers from the zh pages.
    answer = page.evaluate(bench_browser._PAGEFIND_SEARCH, "Carbon Emission Administrator")
    context.close()
    found = bench_browser.pagefind_found(answer["first"])
    assert found[0] and not found[0].startswith("en/"), found


def test_the_query_set_runs_through_pagefind(browser, pagefind_site):
    base, _log = pagefind_site
    judged = bench_browser.pagefind_query_set(browser, base)
    assert judged["queries"] >= 60
    assert 0 < judged["hits"] < judged["queries"]  # it finds some; the real numbers go to BENCHMARKS.md
    assert judged["hits"] + len(judged["misses"]) == judged["queries"]
