"""The open-data documentation page (/api/): accessible, its links resolve, and the data it points at is there."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from .test_accessibility import open_and_check_axe


def test_the_api_page_has_no_axe_violations(page, axe_source: str) -> None:
    open_and_check_axe(page, axe_source, "api/")


def test_every_link_on_the_api_page_resolves(page) -> None:
    page.goto("api/")
    hrefs = page.locator("article a[href]").evaluate_all("links => links.map(a => a.href)")
    local = sorted({h.split("#")[0] for h in hrefs if h.startswith(page.url.split("/api/")[0])})
    assert any(h.endswith("/api/v1/programs.json") for h in local) and any(h.endswith("/feed.xml") for h in local)
    for href in local:
        response = page.request.get(href)
        assert response.ok, href
        if href.endswith(".json"):
            data = json.loads(response.body())
            assert "schema_version" in data or "$schema" in data, href


def test_the_feed_is_discoverable_from_a_page(page) -> None:
    page.goto("programs/carbon-asset-manager/")
    href = page.locator('head link[rel="alternate"][type="application/atom+xml"]').get_attribute("href")
    response = page.request.get(urljoin(page.url, href))
    assert response.ok and b"<feed" in response.body()
