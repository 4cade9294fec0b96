"""Redirect pages (from former ids) under the same Content-Security-Policy as every other page.

mkdocs-redirects writes each old address as a small HTML page with an inline script that carries the
#anchor over, and no policy. After it has written them, each is rewritten: the inline script becomes
assets/redirect.js (which reads the target from the page's canonical link, so no page needs a hash of
its own), and the policy goes in. A page that is not exactly what mkdocs-redirects writes fails the
build rather than being published without a policy.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs_redirects.plugin import get_html_path

from generator.engine.csp import add_policy

REDIRECT_SCRIPT = "assets/redirect.js"
# mkdocs-redirects 1.2's script; its target is the same as the canonical link's.
_INLINE_REDIRECT = re.compile(
    r'<script>var anchor=window\.location\.hash\.substr\(1\);location\.href="[^"<]*"\+\(anchor\?"#"\+anchor:""\)</script>')


class UnexpectedRedirectPage(ValueError):
    pass


def secure_redirect_pages(site_dir: Path, old_pages: list[str], use_directory_urls: bool, site_path: str) -> None:
    """Rewrite each redirect page (given by its old Markdown path) to the external script and the policy."""
    for old in old_pages:
        html_path = get_html_path(old, use_directory_urls)
        path = site_dir / html_path
        html = path.read_text(encoding="utf-8")
        script_src = os.path.relpath(REDIRECT_SCRIPT, os.path.dirname(html_path) or ".")
        rewritten, count = _INLINE_REDIRECT.subn(f'<script src="{script_src}"></script>', html)
        if count != 1:
            raise UnexpectedRedirectPage(f"{html_path}: not the redirect page mkdocs-redirects writes; "
                                         "its inline script cannot be checked (generator/engine/redirectpages.py)")
        path.write_text(add_policy(rewritten, html_path, site_path), encoding="utf-8")
