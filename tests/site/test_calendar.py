"""Exam calendar in the built site: pages, feeds and the links between them."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from generator.features.calendar import pages as cal_pages
from generator.features.calendar import sessions as ses
from generator.source.clock import build_date

from ..conftest import page_text, parse_ics


def test_built_site_has_the_calendar(built_site, catalog):
    today = build_date()
    assert (built_site / "calendar/index.html").is_file()
    for program in ses.scheduled_programs(catalog):
        assert (built_site / f"calendar/{program.id}/index.html").is_file()
        parse_ics((built_site / f"calendar/{program.id}.ics").read_bytes())
    parse_ics((built_site / "calendar/all.ics").read_bytes())
    # The programme page lists its next session and links to its calendar.
    program = catalog.programs["carbon-emission-manager"]
    upcoming = ses.next_sessions(program, today, 1)
    text = page_text(built_site, "programs/carbon-emission-manager")
    assert "近期考试" in text
    if upcoming:
        assert cal_pages.session_days(upcoming[0]) in text
    html = (built_site / "programs/carbon-emission-manager/index.html").read_text(encoding="utf-8")
    assert 'href="../../calendar/carbon-emission-manager/"' in html
    # Every link on the calendar index resolves to a built file.
    index = (built_site / "calendar/index.html").read_text(encoding="utf-8")
    article = index[index.index("<article"): index.index("</article>")]
    for href in set(re.findall(r'href="([^"#]+)(?:#[^"]*)?"', article)):
        if re.match(r"[a-z]+:", href):
            continue
        target = PurePosixPath("calendar") / href
        resolved = built_site.joinpath(*[p for p in str(target).split("/") if p]).resolve()
        assert resolved.is_file() or (resolved / "index.html").is_file(), href
