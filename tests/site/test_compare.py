"""The compare page in the built site: both data files, the static table and the add-to-compare links."""

from __future__ import annotations

import json
import re

from generator.features import compare

from ..conftest import page_text


def test_built_site_publishes_both_data_files(built_site, catalog):
    for folder, lang in (("", "zh"), ("en/", "en")):
        data = json.loads((built_site / f"{folder}assets/data/compare.json").read_text(encoding="utf-8"))
        assert data["lang"] == lang and len(data["programs"]) == len(catalog.programs)


def test_without_javascript_the_page_has_the_example_and_every_programme(built_site, catalog):
    """The static table is the example comparison only (the page loads only what it shows); every
    programme is a link to its page, which has the same facts."""
    html = (built_site / "compare/index.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="catalog-list catalog-compare__all">.*?</table>', html, re.DOTALL).group(0)
    rows = re.findall(r'<th scope="row"><a href="\.\./programs/([a-z0-9-]+)/">', table)
    assert rows == list(catalog.site.compare_example)
    assert len(re.findall(r'<th scope="col">', table)) == 1 + len(compare.ROWS)
    listed = re.search(r'<ul class="catalog-compare__links">.*?</ul>', html, re.DOTALL).group(0)
    assert sorted(re.findall(r'href="\.\./programs/([a-z0-9-]+)/"', listed)) == sorted(catalog.programs)
    assert "<noscript>" in html and "示例对比" in html
    text = page_text(built_site, "compare")
    assert "及格线：未公布 / not published" in text and "补考费：100 元/次" in text


def test_every_programme_page_has_the_add_to_compare_link(built_site, catalog):
    for pid in catalog.programs:
        for folder, label in (("", "加入对比"), ("en/", "Add to compare")):
            html = (built_site / folder / "programs" / pid / "index.html").read_text(encoding="utf-8")
            link = re.search(r'<a class="md-button catalog-compare-add" data-compare-add="([^"]+)"[^>]*'
                             r'href="([^"]+)"[^>]*>([^<]+)</a>', html)
            assert link, (folder, pid)
            assert link.group(1) == pid and link.group(3) == label
            assert link.group(2) == f"../../compare/?ids={pid}"
