"""Text from the data, made inert for where it lands: inline Markdown, HTML attributes, front matter."""

from __future__ import annotations

import html
import json
import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#|~^!])")


def inline(text: object) -> str:
    """Source text as inert inline Markdown: no HTML, no emphasis, one line."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escaped).replace("&lt;", "\\&lt;")


def attr(text: object) -> str:
    return html.escape(str(text), quote=True)


def meta(text: object) -> str:
    """A front-matter value: HTML-escaped (themes print titles raw) and quoted (valid YAML whatever the text)."""
    return json.dumps(attr(" ".join(str(text).split())), ensure_ascii=False)


def html_text(text: object) -> str:
    """Text for raw HTML: escaped (quotes too) and on one line, so it can never end an HTML block."""
    return html.escape(" ".join(str(text).split()), quote=True)
