"""Text from pull requests can never run script: payloads planted in every text field stay inert text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from .conftest import ROOT, serve_folder, site_context

PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "[点我](javascript:window.__xss=3)",
    '<svg onload="window.__xss=4"><circle r="1"/></svg>',
    '<a href="javascript:window.__xss=5">链接</a>',
    '"><script>window.__xss=6</script>',
    "<iframe srcdoc=\"<script>parent.__xss=7</script>\"></iframe>",
    "{{ 7*7 }} ${7*7} <style>body{display:none}</style>",
]
# Fields that hold ids, enumerations, dates, numbers, file names or URLs: not free text.
NOT_TEXT = {
    "id", "former_ids", "type", "family", "document", "body", "role", "level", "levels", "program", "syllabus",
    "status", "kind", "mode", "weekday", "start", "end", "file", "url", "scheme", "issuer_bodies", "policies",
    "issued", "published", "effective", "last_verified", "review_by", "date", "founded", "covers", "minimum",
    "major", "roles", "code", "search_words", "uid_domain", "compare_example",  # content/site.yaml: ids
    "admits", "unclear", "include_enrolled", "student",  # eligibility: education levels and student kinds
    "titled_by",  # content/sources.yaml: an enumeration
    "same", "word", "finds",  # content/synonyms.yaml: single search words (no spaces), not shown as text
}


def _plant(node, counter: list[int], body_ids: set[str]) -> None:
    """Append a payload to every free-text string below `node`."""
    keys = list(node.keys()) if isinstance(node, dict) else list(range(len(node)))
    for key in keys:
        value = node[key]
        if key in NOT_TEXT or (key == "issuer" and value in body_ids):
            continue  # ids and enumerations; a certificate's issuer is a body id
        if isinstance(value, (dict, list)):
            _plant(value, counter, body_ids)
        elif isinstance(value, str):
            node[key] = f"{value} {PAYLOADS[counter[0] % len(PAYLOADS)]}"
            counter[0] += 1


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The real catalogue with a payload appended to every free-text field, built strictly."""
    from generator.engine.site_build import build_site
    from generator.source.load import KIND_GLOBS

    project = tmp_path_factory.mktemp("hostile") / "project"
    for name in ("programs", "syllabi", "content", "site_overrides", "mkdocs.yml", "mkdocs.en.yml", "published-urls.txt"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    yaml = YAML(typ="rt")
    yaml.width = 10_000
    planted = [0]
    body_ids = {path.stem for path in (project / "content/bodies").glob("*.yaml")}
    for _kind, pattern in KIND_GLOBS:
        for path in project.glob(pattern):
            data = yaml.load(path.read_text(encoding="utf-8"))
            _plant(data, planted, body_ids)
            with path.open("w", encoding="utf-8") as out:
                yaml.dump(data, out)
    assert planted[0] > 500, "payloads must reach every kind of text field"
    return build_site(project, project / "site", strict=False)


def test_no_payload_runs_anywhere(hostile_site, browser):
    pages = sorted(p.parent.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("index.html"))
    assert len(pages) > 60
    with serve_folder(hostile_site) as url:
        context = site_context(browser, url)
        dialogs: list[str] = []
        context.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page = context.new_page()
        for path in pages:
            page.goto(url + ("" if path == "." else path + "/"))
            page.wait_for_load_state("load")
            assert page.evaluate("() => window.__xss === undefined && parent.__xss === undefined"), path
            # Payload links never become javascript: links.
            assert page.locator("a[href^='javascript:' i]").count() == 0, path
            assert page.locator("article script, article iframe, article svg[onload], article img[onerror]").count() == 0, path
        assert not dialogs
        context.close()


def test_compare_tables_keep_payloads_inert(hostile_site, browser):
    """The compare module builds its table from compare.json (both editions): payloads stay text."""
    with serve_folder(hostile_site) as url:
        context = site_context(browser, url)
        page = context.new_page()
        ids = ",".join(sorted(p.stem for p in (hostile_site.parent / "programs").glob("*.yaml")))
        for edition in ("", "en/"):
            page.goto(f"{url}{edition}compare/?ids={ids}")
            page.wait_for_selector(".catalog-compare__table")
            assert page.evaluate("() => window.__xss === undefined"), edition
            assert page.locator("article script, article iframe, article svg, article img").count() == 0, edition
            assert "<script>window.__xss=1</script>" in page.locator(".catalog-compare__table").inner_text() or \
                "onerror=" in page.locator(".catalog-compare__table").inner_text()
        context.close()


def test_payloads_are_shown_as_text(hostile_site, browser):
    with serve_folder(hostile_site) as url:
        context = site_context(browser, url)
        page = context.new_page()
        page.goto(url + "programs/carbon-asset-manager/")
        text = page.locator("article").inner_text()
        assert "<script>window.__xss=1</script>" in text or "onerror=" in text
        context.close()


def test_widgets_never_write_html_from_data():
    sources = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "site_overrides/assets").rglob("*.js")}
    assert sources
    for name, source in sources.items():
        assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", source), name


def test_every_page_carries_a_content_security_policy(site_dir):
    for html in site_dir.rglob("*.html"):
        text = html.read_text(encoding="utf-8")  # redirect pages too (generator/redirectpages.py)
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        assert policy, html
        assert "object-src 'none'" in policy.group(1) and "'unsafe-inline'" not in policy.group(1).split("style-src")[0]


def test_the_policy_blocks_nothing_the_site_needs(page):
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    for path in ["", "programs/", "programs/carbon-asset-manager/", "eligibility/", "calendar/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    page.keyboard.press("/")  # opens search, which starts the search worker
    page.wait_for_timeout(500)
    assert not violations
