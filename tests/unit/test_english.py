"""The English edition's parts that need no built site: its MkDocs configuration, translations
replacing the fallback, and its URLs in the permalink registry. The built edition is in
tests/site/test_english.py."""

from __future__ import annotations

import datetime as dt

import pydantic
import pytest
import yaml

from generator.publish import permalinks
from generator.site import with_fallbacks
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

    untranslated = program.model_copy(update={"summary_en": None})
    translated_part = summary_part(build.render("program.md.j2", program=translated))
    assert "A three-level programme run by CECA." in translated_part and UNTRANSLATED not in translated_part
    assert "(our translation)" in translated_part
    assert UNTRANSLATED in summary_part(build.render("program.md.j2", program=untranslated))


def test_materials_translation_keeps_the_source_words(catalog):
    """Registration documents in our translation, each with the source's words in brackets (lang="zh-CN"), the
    list marked as our translation; without a translation, the Chinese under the untranslated mark."""
    program = catalog.programs["carbon-asset-manager"]
    build = en_build(catalog, dt.date(2026, 11, 21))

    def materials_part(page: str) -> str:
        return page[page.index("{#registration"): page.index("{#certificate")]

    reg = program.registration
    translated = materials_part(build.render("program.md.j2", program=program))
    for en, zh in zip(reg.materials_en, reg.materials, strict=True):
        assert f'- {en} (<span lang="zh-CN">{zh}</span>)' in translated
    assert "(our translation)" in translated and UNTRANSLATED not in translated
    bare = program.model_copy(update={"registration": reg.model_copy(update={"materials_en": ()})})
    untranslated = materials_part(build.render("program.md.j2", program=bare))
    assert UNTRANSLATED in untranslated and "(our translation)" not in untranslated


def test_materials_translation_must_match_item_for_item(catalog):
    reg = catalog.programs["carbon-asset-manager"].registration
    data = reg.model_dump()
    data["materials_en"] = ["only one"]
    with pytest.raises(pydantic.ValidationError, match="materials_en lists 1 items, materials 5"):
        type(reg).model_validate(data)


def test_english_urls_and_anchors_are_registered(catalog):
    registered = {url for _, url in permalinks.read_registry(ROOT)}
    for url in ("/en/", "/en/programs/carbon-asset-manager/", "/en/programs/carbon-asset-manager/#junior",
                "/en/compare/", "/en/glossary/#carbon-peaking", "/en/calendar/", "/compare/"):
        assert url in registered, url




def test_a_chinese_page_without_an_english_version_is_shown_marked():
    # Every page of today's catalogue has an English version, so the fallback is proved on a page
    # that only the Chinese edition has.
    zh_only = "---\ntitle: 仅中文\n---\n\n# 仅中文\n\n正文。\n"
    files = with_fallbacks({"own.md": "# Own\n"}, {"zh-only.md": zh_only, "data.json": "{}"}, {}, {})
    assert files["own.md"] == "# Own\n" and files["data.json"] == "{}"
    page = files["zh-only.md"]
    assert page.startswith("---\ntitle: 仅中文\n---\n")
    assert f'!!! untranslated "{UNTRANSLATED}"' in page
    assert '<div lang="zh-CN" markdown>\n\n# 仅中文\n\n正文。\n\n</div>' in page
