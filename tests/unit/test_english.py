"""The English edition (generator/english.py, mkdocs.en.yml): same paths under /en/, English UI and
search without jieba, language-switcher links that always land on a page, and Chinese text shown
only under a visible "not yet translated" marker."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml

from generator import english, permalinks
from generator.words.editions import UNTRANSLATED

from ..conftest import ROOT

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
















def test_the_configs_differ_only_where_they_must():
    def names(config):
        return [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    zh = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    en = yaml.load((ROOT / "mkdocs.en.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert en["INHERIT"] == "mkdocs.yml"
    assert names(en) == names(zh), "mkdocs.en.yml restates markdown_extensions: keep it in step with mkdocs.yml"
    assert en["theme"]["language"] == "en" and zh["theme"]["language"] == "zh"
    en_search = next(p["search"] for p in en["plugins"] if isinstance(p, dict) and "search" in p)
    assert en_search["lang"] == "en" and "jieba_dict" not in en_search and "jieba_dict_user" not in en_search
    assert {"catalog": {"edition": "en"}} in en["plugins"]
    assert [n for n in en["nav"]] and len(en["nav"]) == len(zh["nav"])




def untranslated_blocks(html: str) -> list[str]:
    return re.findall(r'<div class="admonition untranslated">(.*?)</div>', html, re.DOTALL)










def test_a_translation_replaces_the_fallback(catalog):
    program = catalog.programs["carbon-asset-manager"]
    translated = program.model_copy(update={"summary_en": "A three-level programme run by CECA."})
    renderer = english.EnglishRenderer(catalog)

    def summary_part(page: str) -> str:  # from the title to the add-to-compare button
        return page[page.index("# Carbon Asset Manager"): page.index("catalog-compare-add")]

    translated_part = summary_part(renderer._render("program.md.j2", program=translated))
    assert "A three-level programme run by CECA." in translated_part and UNTRANSLATED not in translated_part
    assert UNTRANSLATED in summary_part(renderer._render("program.md.j2", program=program))


def test_english_urls_and_anchors_are_registered(catalog):
    registered = {url for _, url in permalinks.read_registry(ROOT)}
    for url in ("/en/", "/en/programs/carbon-asset-manager/", "/en/programs/carbon-asset-manager/#junior",
                "/en/compare/", "/en/glossary/#carbon-peaking", "/en/calendar/", "/compare/"):
        assert url in registered, url


