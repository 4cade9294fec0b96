"""Printing a syllabus: A4, no site chrome, and the printout says what, which level, who issues it, when it
was verified, where it comes from and where it lives (the permanent URL)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from generator.words.phrases import source_label


A4_POINTS = (595.28, 841.89)
CHROME = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".md-search",
    "footer": ".md-footer",
    "back-to-top button": ".md-top",
}


def pdf_pages(pdf: bytes) -> int:
    """Page objects in a PDF (Chromium writes them uncompressed)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def pdf_page_sizes(pdf: bytes) -> set[tuple[float, float]]:
    return {tuple(round(float(v)) for v in box.split()[2:4])
            for box in re.findall(rb"/MediaBox\s*\[\s*([^\]]+)\]", pdf)}


def visible(page, selector: str) -> bool:
    found = page.locator(selector)
    return any(found.nth(i).is_visible() for i in range(found.count()))


def test_the_print_stylesheet_is_print_only(page) -> None:
    page.goto("syllabi/carbon-emission-manager/")
    link = page.locator('link[rel="stylesheet"][href$="assets/print.css"]')
    expect(link).to_have_attribute("media", "print")
    # On screen the site looks as always.
    assert visible(page, ".md-header") and visible(page, ".md-search")


def test_a_syllabus_prints_without_site_chrome_and_with_its_facts(page, catalog) -> None:
    syllabus = catalog.syllabi["carbon-sink-evaluator/senior"]
    program = catalog.programs[syllabus.program]
    level = catalog.level(program.id, syllabus.level)
    page.set_viewport_size({"width": 700, "height": 1000})  # about the width of A4 less its margins
    page.goto(f"syllabi/{syllabus.id}/")
    page.emulate_media(media="print")
    for what, selector in CHROME.items():
        assert not visible(page, selector), f"{what} shows in print"
    meta = page.locator(".catalog-print-meta")
    expect(meta).to_be_visible()
    text = " ".join(meta.inner_text().split())
    issuer = catalog.bodies[next(r.body for r in program.bodies if r.role == "issuer")].name.zh
    permanent = f"/syllabi/{syllabus.id}/"  # the path: the site names no host of its own (#12.5)
    cited = source_label(syllabus.source, catalog.sources)  # by title (content/sources.yaml)
    for fact in (program.name.zh, level.name.zh, issuer, program.last_verified.isoformat(), cited, permanent):
        assert fact in text, fact
    # The meta table heads the printout, and nothing is wider than the paper.
    assert meta.bounding_box()["y"] < 200
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    article = page.locator("article")
    for unit in syllabus.units:
        expect(article.locator(f"#{unit.id}")).to_be_visible()


def test_every_syllabus_makes_a_sane_a4_pdf(page, catalog) -> None:
    for syllabus in catalog.syllabi.values():
        page.goto(f"syllabi/{syllabus.id}/")
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4", print_background=False)
        assert pdf.startswith(b"%PDF-"), syllabus.id
        sizes = pdf_page_sizes(pdf)
        assert sizes and all(abs(w - A4_POINTS[0]) < 3 and abs(h - A4_POINTS[1]) < 3 for w, h in sizes), sizes
        lines = sum(1 + len(t.points) for u in syllabus.units for t in u.topics) + len(syllabus.units)
        pages = pdf_pages(pdf)
        # About 30 list lines fit a page; the meta table and notes take a little more.
        assert 1 <= pages <= 2 + lines // 15, (syllabus.id, pages, lines)


@pytest.mark.parametrize("path", ["programs/carbon-asset-manager/", "calendar/"])
def test_other_pages_print_without_chrome_or_widgets(page, path: str) -> None:
    page.goto(path)
    page.emulate_media(media="print")
    for what, selector in CHROME.items():
        assert not visible(page, selector), f"{what} shows in print on /{path}"
    assert not visible(page, "form"), "forms do nothing on paper"
    assert pdf_pages(page.pdf(format="A4")) >= 1
