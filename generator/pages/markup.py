"""Text from the data, made inert for where it lands: inline Markdown, HTML attributes, front matter."""

from __future__ import annotations

import html
import json
import re

# Characters Python-Markdown (with the tables extension) accepts a backslash before.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]#|!])")
# Characters it takes no backslash before (the backslash would be shown), written as entities instead,
# so they show as themselves and no later extension (strikethrough ~~, superscript ^) reads them.
_AS_ENTITIES = {"~": "&#126;", "^": "&#94;"}


def inline(text: object) -> str:
    """Source text as inert inline Markdown: no HTML, no emphasis, one line."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)  # < > & become entities
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", escaped)
    return re.sub("[~^]", lambda m: _AS_ENTITIES[m.group()], escaped)


def attr(text: object) -> str:
    return html.escape(str(text), quote=True)


def meta(text: object) -> str:
    """A front-matter value: HTML-escaped (themes print titles raw) and quoted (valid YAML whatever the text)."""
    return json.dumps(attr(" ".join(str(text).split())), ensure_ascii=False)


def html_text(text: object) -> str:
    """Text for raw HTML: escaped (quotes too) and on one line, so it can never end an HTML block."""
    return html.escape(" ".join(str(text).split()), quote=True)


# A run of Chinese in English text: from one Chinese character (or CJK bracket) to the last, with the
# digits and ASCII between them (中节协〔2021〕22号 is one run).
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CHINESE_RUN = re.compile(f"[{_CJK}](?:[{_CJK}0-9]*[{_CJK}])?")


def zh_runs(markdown: str) -> str:
    """Mark each run of Chinese inside English text lang="zh-CN", for screen readers and fonts. Takes
    the output of `inline` (the runs hold no markup, so wrapping them keeps it inert)."""
    return _CHINESE_RUN.sub(lambda m: f'<span lang="zh-CN">{m.group()}</span>', str(markdown))
