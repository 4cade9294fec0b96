"""The updates feed (/feed.xml): valid Atom, dated only from the data, linked from every page."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET


def test_every_page_and_the_home_page_link_to_the_feed(built_site):
    pages = [p for p in built_site.rglob("index.html") if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")]
    assert len(pages) > 60
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="[./]*feed\.xml">', head), page
    home = (built_site / "index.html").read_text(encoding="utf-8")
    article = home[home.index("<article"): home.index("</article>")]
    assert 'href="feed.xml"' in article and 'href="api/"' in article
    ET.parse(built_site / "feed.xml")
