"""Links to a section land at the section (site_overrides/assets/hash-landing.js): every heading of
every programme page, opened fresh in both editions, is at the top of the viewport once the page has
settled, although the self-check widget and other late content mount above it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.conftest import site_context

HEADING_ID = re.compile(r'<h[2-6][^>]*\bid="([^"]+)"')
# Material's scroll-margin puts a target heading 3.4rem (68 px at 20 px/rem) below the viewport top,
# just under its 48 px fixed header; a few pixels either way are rounding.
LANDING_TOP = (40, 80)


def heading_ids(site_dir: Path, url_path: str) -> list[str]:
    html = (site_dir / url_path / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"): html.index("</article>")]
    return HEADING_ID.findall(article)


# Resolves once the page's height has not changed for 300 ms: late content (the self-check widget,
# the live exam list) has mounted.
SETTLED = """() => new Promise(resolve => {
  let timer = setTimeout(done, 300);
  const watcher = new ResizeObserver(() => { clearTimeout(timer); timer = setTimeout(done, 300); });
  function done() { watcher.disconnect(); resolve(); }
  watcher.observe(document.body);
})"""


def settle(page) -> None:
    page.wait_for_load_state("load")
    page.evaluate(SETTLED)


@pytest.mark.parametrize("edition", ["", "en/"], ids=["zh", "en"])
def test_every_programme_heading_lands_at_the_top(browser, site_url, site_dir, catalog, edition) -> None:
    context = site_context(browser, site_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    missed = []
    try:
        for program in sorted(catalog.programs):
            path = f"{edition}programs/{program}/"
            ids = heading_ids(site_dir, path)
            assert ids, f"{path} has no heading ids"
            for number, heading in enumerate(ids):
                # A new query makes every visit a fresh load, not a jump within the loaded page.
                page.goto(f"{path}?visit={number}#{heading}")
                settle(page)
                top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", heading)
                if not LANDING_TOP[0] <= top <= LANDING_TOP[1]:
                    missed.append(f"{path}#{heading}: {top:.0f}px")
    finally:
        context.close()
    assert not missed, "headings not at the top after a fresh load:\n" + "\n".join(missed)


def test_the_reader_scrolling_away_is_not_undone(page) -> None:
    """Re-scrolling stops once the reader moves: their place wins over the page's settling."""
    page.goto("programs/carbon-asset-manager/#exam")
    page.mouse.wheel(0, -600)
    page.wait_for_timeout(100)
    after_wheel = page.evaluate("scrollY")
    settle(page)
    assert page.evaluate("scrollY") == after_wheel
