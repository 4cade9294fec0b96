"""What a programme page downloads: only its own data; the files that grow with the catalogue wait
until the reader asks for them (site_overrides/assets/deferred-requests.js, BENCHMARKS.md)."""

from __future__ import annotations

from playwright.sync_api import expect

PROGRAM = "carbon-asset-manager"
GROWS_WITH_CATALOGUE = ("/search/search_index.json", "/sitemap.xml", "/assets/data/eligibility-rules.json")


def _requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def test_programme_page_loads_its_own_rules_and_nothing_catalogue_wide(page) -> None:
    seen = _requests(page)
    page.goto(f"programs/{PROGRAM}/")
    expect(page.locator(".catalog-elig__form").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert any(url.endswith(f"/assets/data/eligibility/{PROGRAM}.json") for url in seen), seen
    assert any(url.endswith("/assets/data/eligibility/_common.json") for url in seen), seen
    assert not [url for url in seen if url.endswith(GROWS_WITH_CATALOGUE)], seen


def test_search_index_arrives_when_the_reader_goes_for_search(page) -> None:
    seen = _requests(page)
    page.goto(f"programs/{PROGRAM}/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in seen if url.endswith("/search/search_index.json")]
    page.keyboard.press("/")
    page.keyboard.type("碳资产")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert [url for url in seen if url.endswith("/search/search_index.json")]


def test_search_link_with_a_query_loads_the_index_at_once(page) -> None:
    seen = _requests(page)
    page.goto(f"programs/{PROGRAM}/?q=碳资产")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert [url for url in seen if url.endswith("/search/search_index.json")]
