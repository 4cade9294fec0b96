"""Language markup: the site is Chinese (`<html lang="zh">`), English names are marked lang="en"."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

HTML_LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]*)\"", re.IGNORECASE)


def test_every_page_is_marked_chinese(site_dir: Path) -> None:
    """Every page of the Chinese edition; the English edition under en/ is tests/site/test_english.py's."""
    pages = sorted(p for p in site_dir.rglob("*.html") if p.relative_to(site_dir).parts[0] != "en")
    assert len(pages) > 20, f"only {len(pages)} pages built"
    wrong = {}
    for path in pages:
        found = HTML_LANG.search(path.read_text(encoding="utf-8"))
        if not found or found.group(1) != "zh":
            wrong[str(path.relative_to(site_dir))] = found.group(1) if found else None
    assert not wrong, f'pages without <html lang="zh">: {wrong}'


def test_browser_sees_lang_zh(page) -> None:
    for path in ("", "programs/", "programs/carbon-asset-manager/", "glossary/"):
        page.goto(path)
        assert page.evaluate("document.documentElement.lang") == "zh", path


def test_programme_page_marks_english_names(page, catalog) -> None:
    program = catalog.programs["carbon-asset-manager"]
    page.goto("programs/carbon-asset-manager/")
    subtitle = page.locator("article p.catalog-en")
    expect(subtitle).to_have_text(program.name.en)
    expect(subtitle).to_have_attribute("lang", "en")
    # No English name of this programme is left inside Chinese-marked text.
    unmarked = page.evaluate(
        """name => Array.from(document.querySelectorAll("article *"))
            .filter(el => Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.includes(name)))
            .filter(el => el.closest("[lang]").getAttribute("lang") !== "en")
            .map(el => el.outerHTML.slice(0, 120))""",
        program.name.en,
    )
    assert not unmarked, f"English name not marked lang=en: {unmarked}"


def test_family_page_marks_specialty_names(page, catalog) -> None:
    family = "ceca-carbon-reduction"
    specialties = catalog.specialties.get(family, ())
    assert specialties, f"{family} lists no specialties"
    page.goto(f"programs/{family}/")
    english = page.locator("article [lang=en]").all_inner_texts()
    for sid in specialties:
        assert catalog.programs[sid].name.en in english, sid


def test_listing_marks_english_names(page, catalog) -> None:
    page.goto("programs/")
    english = page.locator(".catalog-list tbody td:first-child [lang=en]").all_inner_texts()
    assert sorted(english) == sorted(p.name.en for p in catalog.programs.values())
