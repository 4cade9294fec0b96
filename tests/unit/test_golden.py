"""Golden output, as in Pelican's functional tests: a programme page's Markdown, diffed.

After an intended change, refresh with: UPDATE_GOLDEN=1 .venv/bin/pytest tests/unit/test_golden.py
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import os

import pytest

from generator.pages import catalog_pages

from ..conftest import TESTS, zh_build

GOLDEN = TESTS / "golden"
# Programme pages list the next exam sessions from "today": pin it so the golden page never drifts.
TODAY = dt.date(2026, 11, 21)


@pytest.mark.parametrize("page", ["programs/carbon-asset-manager.md", "syllabi/carbon-emission-manager.md"])
def test_page_matches_golden_output(catalog, page):
    # The page's Markdown as its template writes it; the JSON-LD in its front matter is test_opendata's.
    build = dataclasses.replace(zh_build(catalog, TODAY), page_meta={})
    rendered = catalog_pages.files(build)[page]
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), rendered.splitlines(True), "golden", "rendered"))
    assert not diff, diff
