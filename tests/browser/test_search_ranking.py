"""Search in the browser, as readers use it: the programme a name belongs to comes first.

tests/site/test_search.py ranks with Python lunr and jieba; this runs Material's own search worker, which
splits the query differently (generator/mkdocs_plugin.py, whole_word_queries)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

QUERIES = [
    ("碳资产管理师", "programs/carbon-asset-manager/"),
    ("碳排放管理员", "programs/carbon-emission-administrator/"),
    ("碳排放管理师", "programs/carbon-emission-manager/"),
    ("碳汇计量评估师", "programs/carbon-sink-evaluator/"),
    ("中国节能协会", "bodies/"),
]


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_a_name_finds_its_page_first(page, query: str, expected: str) -> None:
    page.goto("programs/")
    page.keyboard.press("/")
    page.keyboard.insert_text(query)  # a Chinese word arrives whole from the input method
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_be_visible()
    assert expected in first.get_attribute("href"), page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.slice(0, 5).map(a => a.getAttribute('href'))")
