"""Content-Security-Policy for every page.

Data from pull requests lands only inside the page's <article>, and is escaped there. On top of that,
the policy allows scripts from the site itself plus the theme's own inline scripts as reviewed, by hash
(generator/engine/themescripts.py); a page with any other inline script, inside the article or outside it,
fails the build, so nothing in the content can run and the policy never trusts an injection.
"""

from __future__ import annotations

import re

from generator.engine import themescripts


def theme_script_hashes(html: str, page: str = "page", site_path: str = "/") -> list[str]:
    """The reviewed theme scripts' hashes, once the page is checked to have no other inline script.
    `site_path`: the path of the site's address (site_url), where the 404 pages point their scripts."""
    themescripts.check_inline_scripts(html, page, site_path)
    return list(themescripts.script_hashes(site_path))


def policy(html: str, page: str = "page", site_path: str = "/") -> str:
    scripts = " ".join(["'self'", *theme_script_hashes(html, page, site_path)])
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'self'"
    )


def add_policy(html: str, page: str = "page", site_path: str = "/") -> str:
    """Insert the policy at the top of <head>, before any script: after the charset declaration when
    that comes first, since browsers look for it only in the first 1024 bytes."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, page, site_path)}">'
    return re.sub(r"<head>(\s*<meta charset=\"[^\"]*\">)?", lambda m: m.group(0) + "\n" + meta, html, count=1)
