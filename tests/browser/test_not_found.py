"""The "page not found" page of each edition (site_overrides/404.html, assets/not-found.js), served
the way static hosts serve it: with status 404, at the missing address, the edition's own 404.html."""

from __future__ import annotations

import contextlib
import http.server
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serve_folder, site_context
from tests.browser.test_accessibility import describe, run_axe

WORDS = {
    "": {"title": "找不到这个页面", "links": ["浏览证书项目目录", "报考自查：看看自己能报考什么", "查看考试日历"],
         "search": "搜索项目、政策、术语或知识点", "suggest": "您要找的可能是："},
    "en/": {"title": "Page not found", "links": ["Browse the programmes", "Check which levels you can apply for",
                                                 "Find the next exams"],
            "search": "Search programmes, policies, terms or syllabus topics", "suggest": "Did you mean:"},
}
TARGETS = ["programs/", "eligibility/", "calendar/"]


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Answers a missing address with its edition's 404.html, as Netlify, Cloudflare Pages and
    GitHub Pages do."""

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        edition = "en/" if self.path.startswith("/en/") else ""
        body = (Path(self.directory) / edition / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="module")
def host_url(site_dir: Path):
    with serve_folder(site_dir, _NotFoundHandler) as url:
        yield url


@pytest.fixture
def host_page(browser, host_url):
    context = site_context(browser, host_url)
    yield context.new_page()
    with contextlib.suppress(Exception):
        context.close()


@pytest.mark.parametrize("edition", ["", "en/"], ids=["zh", "en"])
def test_not_found_page_leads_on(host_page, host_url, edition) -> None:
    page = host_page
    response = page.goto(f"{edition}no/such/page/")
    assert response is not None and response.status == 404
    assert page.evaluate("document.documentElement.lang") == ("en" if edition else "zh")
    words = WORDS[edition]
    expect(page.locator("article h1")).to_have_text(words["title"])
    for name, target in zip(words["links"], TARGETS):
        expect(page.locator("article").get_by_role("link", name=name, exact=True)).to_have_attribute(
            "href", f"/{edition}{target}")
    box = page.get_by_role("searchbox", name=words["search"])
    box.fill("碳汇")
    box.press("Enter")
    expect(page.locator(".md-search__input")).to_have_value("碳汇")
    assert page.url == f"{host_url}{edition}?q=%E7%A2%B3%E6%B1%87"


@pytest.mark.parametrize(("asked", "suggested"), [
    ("programs/carbon-asset-manger/", "programs/carbon-asset-manager/"),
    ("en/programs/carbon-sink-evalutor", "en/programs/carbon-sink-evaluator/"),
    ("syllabi/carbon-sink-evaluator/junoir/", "syllabi/carbon-sink-evaluator/junior/"),
    ("policies/decree-77/", "policies/decree-775/"),
])
def test_a_near_miss_gets_a_suggestion(host_page, host_url, asked, suggested) -> None:
    page = host_page
    page.goto(asked)
    suggestion = page.locator(".catalog-not-found__suggestion")
    edition = "en/" if asked.startswith("en/") else ""
    expect(suggestion).to_contain_text(WORDS[edition]["suggest"])
    expect(suggestion.get_by_role("link")).to_have_attribute("href", host_url + suggested)


def test_a_far_miss_gets_no_suggestion(host_page) -> None:
    page = host_page
    page.goto("programs/entirely-different-thing/")
    page.wait_for_load_state("networkidle")
    expect(page.locator(".catalog-not-found__suggestion")).to_be_hidden()


@pytest.mark.parametrize("edition", ["", "en/"], ids=["zh", "en"])
def test_not_found_page_has_no_axe_violations(host_page, axe_source, edition) -> None:
    page = host_page
    page.goto(f"{edition}programs/carbon-asset-manger/")
    expect(page.locator(".catalog-not-found__suggestion")).to_be_visible()
    violations = run_axe(page, axe_source)
    assert not violations, describe(violations)
