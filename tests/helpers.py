"""Small readers for built HTML, shared by the site tests."""

from __future__ import annotations

import html
import re
from pathlib import Path

_TAGS = re.compile(r"<[^>]+>")


def page_text(site: Path, url_path: str) -> str:
    """The visible text of a built page's article, whitespace folded."""
    raw = (site / url_path / "index.html").read_text(encoding="utf-8")
    article = raw[raw.index("<article"): raw.index("</article>")]
    return " ".join(html.unescape(_TAGS.sub(" ", article)).split())


def folded(text: str) -> str:
    return " ".join(str(text).split())
