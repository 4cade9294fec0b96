"""The 404 pages' edition root and page list (generator/engine/notfound.py)."""

from __future__ import annotations

import json

from generator.engine.notfound import PAGES_FILE, edition_root, write_page_list


def test_the_english_root_is_under_the_site_path():
    assert edition_root("/", english=False) == "/"
    assert edition_root("/", english=True) == "/en/"
    assert edition_root("/catalogue", english=True) == "/catalogue/en/"


def test_the_page_list_holds_the_editions_own_pages(tmp_path):
    for page in ("index.html", "programs/index.html", "programs/x/index.html", "en/index.html",
                 "en/programs/index.html", "404.html", "assets/data/x.json"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("x", encoding="utf-8")
    write_page_list(tmp_path)
    assert json.loads((tmp_path / PAGES_FILE).read_text(encoding="utf-8")) == ["", "programs/", "programs/x/"]
