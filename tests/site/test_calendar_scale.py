"""The calendar at 1,000 programmes (bench/'s synthetic catalogue, docs/scale.md): no calendar page
over 1 MB of HTML. /calendar/ lists a month or two and links to a page per month; each month page
holds that month's sessions and grid.

The HTML of a page is its Markdown (the session lists and grids are HTML already, the JSON-LD front
matter becomes a script) plus the theme around it; the theme's share is measured on the real
catalogue's built /calendar/ page.
"""

from __future__ import annotations

from generator.features.calendar import pages as cal_pages
from generator.source.catalog import build_catalog
from generator.source.clock import build_date
from generator.source.load import load_project
from generator.source.validate import validate_project

from ..conftest import ROOT, zh_build

LIMIT = 1_000_000
N = 1000


def calendar_pages(files: dict) -> dict[str, int]:
    return {path: len(text.encode("utf-8")) for path, text in files.items()
            if path.startswith("calendar/") and path.endswith(".md")}


def test_no_calendar_page_is_over_1_mb_at_1000_programmes(built_site, catalog, tmp_path):
    from bench.synth import write_catalogue

    real = dict(cal_pages.files(zh_build(catalog, build_date())))
    theme = (built_site / "calendar/index.html").stat().st_size - len(real["calendar/index.md"].encode("utf-8"))
    assert 0 < theme < 200_000

    # Loaded as load_catalog does, without the URL-ownership check, which reads every file's line numbers
    # again (minutes at this size) and has nothing to do with page sizes.
    raw, problems = load_project(write_catalogue(N, tmp_path / "synthetic"))
    project, more = validate_project(raw)
    assert not problems + more
    synthetic = build_catalog(project)
    assert len(synthetic.programs) >= N
    sizes = calendar_pages(dict(cal_pages.files(zh_build(synthetic, build_date()))))
    months = [p for p in sizes if p[len("calendar/"):-len(".md")].replace("-", "").isdigit()]
    assert len(months) >= 24  # the month pages exist, and carry the sessions /calendar/ does not
    over = {path: size + theme for path, size in sizes.items() if size + theme > LIMIT}
    assert not over, over
    biggest = max(sizes, key=sizes.get)
    print(f"largest calendar page at N={N}: {biggest} {(sizes[biggest] + theme) / 1000:.0f} KB")
