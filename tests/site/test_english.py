"""The English edition as built (mkdocs.en.yml): same paths under /en/, English UI and search
without jieba, language-switcher links that always land on a page, and Chinese text shown only
under a visible "not yet translated" marker."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from generator.publish import permalinks
from generator.site import edition_files, english_configured, published_paths
from generator.source.clock import build_date
from generator.words.editions import UNTRANSLATED

from ..conftest import ROOT, zh_build

HTML_LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]*)\"", re.IGNORECASE)
SWITCHER = re.compile(r'<a href="([^"]*)" hreflang="(zh|en)" lang="\2" class="md-select__link">')


def pages(site: Path) -> list[Path]:
    """Every built page except mkdocs-redirects' stubs."""
    return [p for p in sorted(site.rglob("*.html")) if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]


def url_path(site: Path, page: Path) -> str:
    """The page's URL path, as a server would serve it ("/programs/x/")."""
    rel = page.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def exists(site: Path, path: str) -> bool:
    target = site / path.lstrip("/")
    return (target / "index.html").is_file() if path.endswith("/") else target.is_file()


def untranslated_blocks(html: str) -> list[str]:
    return re.findall(r'<div class="admonition untranslated">(.*?)</div>', html, re.DOTALL)


def test_the_edition_is_configured_and_built(built_site):
    assert english_configured(ROOT)
    assert (built_site / "en/index.html").is_file()
    assert (built_site / "en/sitemap.xml").is_file()


def test_every_chinese_page_has_an_english_twin_and_back(built_site):
    zh = {url_path(built_site, p) for p in pages(built_site) if not p.relative_to(built_site).as_posix().startswith("en/")}
    en = {url_path(built_site, p)[len("/en"):] for p in pages(built_site)
          if p.relative_to(built_site).as_posix().startswith("en/")}
    assert len(zh) > 60
    assert zh == en


def test_english_pages_say_lang_en_and_chinese_pages_lang_zh(built_site):
    wrong = {}
    for page in pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        found = HTML_LANG.search(page.read_text(encoding="utf-8"))
        want = "en" if rel.startswith("en/") else "zh"
        if not found or found.group(1) != want:
            wrong[rel] = found and found.group(1)
    assert not wrong


def test_every_language_switcher_link_resolves_both_ways(built_site):
    checked = 0
    for page in pages(built_site):
        here = url_path(built_site, page)
        in_english = here.startswith("/en/")
        links = dict((lang, href) for href, lang in SWITCHER.findall(page.read_text(encoding="utf-8")))
        assert set(links) == {"zh", "en"}, here
        for lang, href in links.items():
            target = urlsplit(urljoin("http://site" + here, href)).path
            assert exists(built_site, target), f"{here}: {lang} link {href} -> {target}"
            # The link leads to the same page in the other edition (the 404 page: to its home).
            if page.name == "404.html":
                continue
            mirror = here[len("/en"):] if in_english else "/en" + here
            assert target == (here if (lang == "en") == in_english else mirror), (here, lang, target)
            checked += 1
    assert checked > 200


def test_english_links_stay_in_the_english_edition(built_site):
    """Links inside the English pages' content lead to English pages (the switcher is outside <article>)."""
    broken, escaping = [], []
    for page in pages(built_site / "en"):
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<article"): html.index("</article>")] if "<article" in html else ""
        here = url_path(built_site, page)
        for href in re.findall(r'<a [^>]*href="([^"#][^"]*)"', article):
            parts = urlsplit(urljoin("http://site" + here, href))
            if parts.netloc != "site":
                continue
            if not parts.path.startswith("/en/"):
                escaping.append((here, href))
            elif not exists(built_site, parts.path) and not exists(built_site, parts.path + "/"):
                broken.append((here, href))
    assert not broken and not escaping, (broken[:5], escaping[:5])


def test_english_search_has_no_jieba_and_chinese_search_does(built_site):
    en = json.loads((built_site / "en/search/search_index.json").read_text(encoding="utf-8"))
    zh = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert en["config"]["lang"] == ["en"]
    assert not [d["location"] for d in en["docs"] if "\u200b" in d["title"] + d["text"]]
    assert sum("\u200b" in d["text"] for d in zh["docs"]) > 50
    # Chinese text is still in the English index, unsegmented, and English names are searchable.
    text = " ".join(d["title"] + " " + d["text"] for d in en["docs"])
    assert "碳排放管理员" in text and "Carbon Emission Administrator" in text


def test_english_ui_and_site_name(built_site):
    html = (built_site / "en/programs/carbon-asset-manager/index.html").read_text(encoding="utf-8")
    assert "Carbon-market certification catalogue" in html
    assert 'title="Link to this section"' in html
    assert 'placeholder="Search"' in html


def article(built_site, path: str) -> str:
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article"): html.index("</article>")]


def test_missing_translations_fall_back_to_chinese_under_a_marker(built_site, catalog):
    program = catalog.programs["carbon-asset-manager"]
    html = article(built_site, "en/programs/carbon-asset-manager")
    assert f'<h1 id="carbon-asset-manager">{program.name.en}' in html or f">{program.name.en}<" in html
    blocks = untranslated_blocks(html)
    assert blocks and all(f'<p class="admonition-title">{UNTRANSLATED}</p>' in b for b in blocks)
    # Free text without a translation (the audiences) is shown in Chinese under the marker; the summary,
    # which has one, is in our translation, marked so.
    audience = program.audiences[0].strip()
    assert any(f'<span lang="zh-CN">{audience}</span>' in b for b in blocks), "untranslated text is shown under the marker"
    assert f'{program.summary_en} <span class="catalog-translated">(our translation)</span>' in html
    # Quoted source wording sits in columns that say so, and is marked lang="zh-CN".
    assert "Source wording (Chinese)" in html
    assert '<span lang="zh-CN">取得初级碳减排领域证书，从事相关领域工作满一年；</span>' in html


def test_english_pages_with_everything_translated_have_no_marker(built_site):
    for path in ("en", "en/programs", "en/policies/timeline"):
        html = article(built_site, path)
        assert "untranslated" not in html and 'lang="zh-CN"' not in html.replace('<span lang="zh-CN">', ""), path


def test_every_chinese_run_in_english_pages_is_marked(built_site):
    """Outside code, Chinese text in the English edition's own pages sits inside lang="zh-CN"."""
    han = re.compile(r"[\u4e00-\u9fff]")

    class Finder(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack: list[str | None] = []
            self.found: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag in {"br", "img", "input", "meta", "link", "hr", "wbr", "col", "source"}:
                return
            self.stack.append(dict(attrs).get("lang"))

        def handle_endtag(self, tag):
            if tag in {"br", "img", "input", "meta", "link", "hr", "wbr", "col", "source"}:
                return
            if self.stack:
                self.stack.pop()

        def handle_data(self, data):
            lang = next((v for v in reversed(self.stack) if v), "en")
            if han.search(data) and not lang.startswith("zh"):
                self.found.append(data.strip()[:60])

    for path in ("en", "en/programs/carbon-asset-manager", "en/programs/carbon-emission-administrator",
                 "en/policies/gf-2021-23", "en/bodies/ceca", "en/glossary", "en/syllabi/carbon-sink-evaluator/junior",
                 "en/programs", "en/compare"):
        finder = Finder()
        finder.feed(article(built_site, path))
        assert not finder.found, (path, finder.found[:5])


def test_an_english_url_that_vanishes_fails_the_check(catalog):
    files = edition_files(zh_build(catalog, build_date()))
    paths = [p for p in published_paths(ROOT, files) if p != "en/glossary.md"]
    lost = permalinks.check(ROOT, catalog, paths)
    assert any(p.field == "/en/glossary/" for p in lost) and any(p.field.startswith("/en/glossary/#") for p in lost)
