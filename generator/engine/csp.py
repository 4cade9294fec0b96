"""Content-Security-Policy for every page.

Data from pull requests lands only inside the page's <article>, and is escaped there. On top of that,
the policy allows scripts from the site itself plus the theme's own inline scripts, by hash; an inline
script inside the article (where data lives) is never allowed, so nothing in the content can run.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL | re.IGNORECASE)
DATA_TYPES = ("application/ld+json", "application/json")


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def theme_script_hashes(html: str) -> list[str]:
    articles = [m.span() for m in _ARTICLE.finditer(html)]
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        inside_article = any(start <= match.start() < end for start, end in articles)
        if inside_article or any(t in match.group(1) for t in DATA_TYPES):
            continue
        hashes.append(_sha256(match.group(2)))
    return list(dict.fromkeys(hashes))


def policy(html: str) -> str:
    scripts = " ".join(["'self'", *theme_script_hashes(html)])
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'"
    )


def add_policy(html: str) -> str:
    """Insert the policy as the first element of <head>, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return re.sub(r"<head>", "<head>\n" + meta, html, count=1)
