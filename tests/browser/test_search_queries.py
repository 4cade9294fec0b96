"""The project's own query set (tests/search_queries.yaml), typed into the real search box in Chromium.

A hit: the first result is the expected page and, when the expectation names an #anchor, the page's
best-ranked section (the first section link Material lists under it) is that anchor."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

QUERY_SET = Path(__file__).parents[1] / "search_queries.yaml"


def load_query_set() -> dict:
    return yaml.safe_load(QUERY_SET.read_text(encoding="utf-8"))


def first_result(page, query: str) -> tuple[str, str]:
    """(page, best section) of the first result group, as site-relative paths without ?h=."""
    page.goto("programs/")
    page.keyboard.press("/")
    page.keyboard.insert_text(query)  # a Chinese word arrives whole from the input method
    # Material sends the query on keyup (and the box's value once its worker is ready): a real keyboard
    # always ends with a keyup; an input method's text alone has none.
    page.keyboard.press("End")
    # The result count (a number) or "no results" (没有): the worker has answered.
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"[0-9]|没有"))
    page.wait_for_timeout(150)  # the worker answers the whole query after its prefixes
    if not page.locator(".md-search-result__item").count():
        return ("", "")
    return page.locator(".md-search-result__item").first.evaluate("""item => {
        const links = [...item.querySelectorAll('a')].map(a => {
            const url = new URL(a.href); return url.pathname.replace(/^\\//, '') + url.hash; });
        return [links[0].split('#')[0], links.find(l => l.includes('#')) || links[0]];
    }""")


def is_hit(found: tuple[str, str], expected: str) -> bool:
    page, section = found
    want_page, _, anchor = expected.partition("#")
    return page == want_page and (not anchor or section == expected)


def test_the_query_set_is_large_and_well_formed():
    queries = load_query_set()["queries"]
    assert len(queries) >= 60
    assert {q["who"] for q in queries} == {"candidate", "agency", "editor"}
    assert len({q["query"] for q in queries}) == len(queries), "a query is listed twice"


def test_the_query_set_hit_rate(page, record_property):
    data = load_query_set()
    misses = []
    for item in data["queries"]:
        found = first_result(page, str(item["query"]))
        if not is_hit(found, item["expect"]):
            misses.append(f"{item['query']}: expected {item['expect']}, got {found}")
    rate = 1 - len(misses) / len(data["queries"])
    record_property("hit_rate", rate)
    print(f"search query set: hit rate {rate:.2f} ({len(data['queries']) - len(misses)}/{len(data['queries'])})")
    assert rate >= data["min_hit_rate"], "\n".join(misses)


# What issue #14 asks for by name: each must be a hit, not just count towards the rate.
MUST = [
    ("杉木", "syllabi/carbon-sink-evaluator/intermediate/#species-supply-potential-1"),
    ("碳汇成本收益分析", "syllabi/carbon-sink-evaluator/intermediate/#sink-supply-research-2"),
    ("碳排放核查报告的编写", "syllabi/carbon-emission-manager/#verification-planning-implementation-2"),
    ("中节协〔2024〕3号", "policies/ceca-2024-3/"),
    ("中节协[2024]3号", "policies/ceca-2024-3/"),
    ("中节协(2024)3", "policies/ceca-2024-3/"),
    ("中节协2024年3号", "policies/ceca-2024-3/"),
    ("国务院令第775号", "policies/decree-775/"),
    ("碳资产管理师 报名材料", "programs/carbon-asset-manager/#registration"),
    ("碳排放管理员费用", "programs/carbon-emission-administrator/#fees"),
    ("碳排放管理师 证书查询", "programs/carbon-emission-manager/#certificate"),
    ("碳资产管理师 考试时间", "programs/carbon-asset-manager/#schedule"),
    ("碳排放管理员 报考条件", "programs/carbon-emission-administrator/#eligibility"),
    ("碳汇计量评估师", "programs/carbon-sink-evaluator/"),
    ("CCER", "syllabi/carbon-asset-manager/#m3-ccer-development"),
]


@pytest.mark.parametrize(("query", "expected"), MUST, ids=[q for q, _ in MUST])
def test_named_queries_land_where_asked(page, query: str, expected: str):
    assert is_hit(first_result(page, query), expected)


# --- the sharded index (large catalogues) on the real catalogue -----------------------------------------------


@pytest.fixture(scope="module")
def sharded_page(browser, site_dir, tmp_path_factory):
    """The real site with its search index sharded, as a catalogue above SHARD_FROM_BYTES gets it."""
    from lunr.stemmer import PorterStemmer

    from generator.features.search import sharded_index

    from .conftest import serve_folder, site_context

    folder = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(site_dir, folder)
    index = json.loads((folder / "search/search_index.json").read_bytes())
    for name, text in sharded_index(index, PorterStemmer().stem):
        (folder / "search" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "search" / name).write_text(text, encoding="utf-8")
    with serve_folder(folder) as url:
        context = site_context(browser, url)
        fetched: list[str] = []
        context.on("request", lambda request: fetched.append(request.url))
        page = context.new_page()
        page.fetched = fetched
        yield page
        context.close()


def test_the_sharded_index_ranks_the_query_set_as_well(sharded_page):
    data = load_query_set()
    misses = [f"{q['query']}: {q['expect']}" for q in data["queries"]
              if not is_hit(first_result(sharded_page, str(q["query"])), q["expect"])]
    rate = 1 - len(misses) / len(data["queries"])
    print(f"search query set, sharded index: hit rate {rate:.2f}")
    assert rate >= data["min_hit_rate"], "\n".join(misses)


def test_the_sharded_index_shows_each_group_under_its_page(sharded_page):
    # Its page entry ranked seventh in the group, below the six sections shown: the group was shown under
    # its last section, and the section the query names was not the first one listed.
    assert is_hit(first_result(sharded_page, MUST[2][0]), MUST[2][1])


def test_the_sharded_index_fetches_only_what_a_query_needs(sharded_page):
    sharded_page.fetched.clear()
    assert is_hit(first_result(sharded_page, "杉木"), MUST[0][1])
    search = [url for url in sharded_page.fetched if "/search/" in url]
    assert any(url.endswith("/search/index/terms.json") for url in search)
    shards = [url for url in search if re.search(r"/search/index/[0-9]+\.json$", url)]
    assert 1 <= len(shards) <= 2, search
