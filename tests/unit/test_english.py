"""The English edition's parts that need no built site: its MkDocs configuration, translations
replacing the fallback, and its URLs in the permalink registry. The built edition is in
tests/site/test_english.py."""

from __future__ import annotations

import datetime as dt

import yaml

from generator.publish import permalinks
from generator.words.editions import UNTRANSLATED

from ..conftest import ROOT, en_build


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


def test_a_translation_replaces_the_fallback(catalog):
    program = catalog.programs["carbon-asset-manager"]
    translated = program.model_copy(update={"summary_en": "A three-level programme run by CECA."})
    build = en_build(catalog, dt.date(2026, 11, 21))

    def summary_part(page: str) -> str:  # from the title to the add-to-compare button
        return page[page.index("# Carbon Asset Manager"): page.index("catalog-compare-add")]

    translated_part = summary_part(build.render("program.md.j2", program=translated))
    assert "A three-level programme run by CECA." in translated_part and UNTRANSLATED not in translated_part
    assert UNTRANSLATED in summary_part(build.render("program.md.j2", program=program))


def test_english_urls_and_anchors_are_registered(catalog):
    registered = {url for _, url in permalinks.read_registry(ROOT)}
    for url in ("/en/", "/en/programs/carbon-asset-manager/", "/en/programs/carbon-asset-manager/#junior",
                "/en/compare/", "/en/glossary/#carbon-peaking", "/en/calendar/", "/compare/"):
        assert url in registered, url


