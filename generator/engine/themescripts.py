"""The inline scripts a page may have: Material's own, as reviewed, and nothing else.

The Content-Security-Policy (generator/engine/csp.py) allows exactly these by hash. They are fixed text (the
only variable is the scope, the page's way back to the site root), so the allowed hashes do not depend
on the page, and one policy serves every page, in its <meta> tag and in the _headers file
(generator/engine/headers.py). Any other inline script, inside the article or outside it, fails the build:
the policy never learns to trust an injection.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
DATA_TYPES = ("application/ld+json", "application/json")  # data, never run


def sha256_source(script: str) -> str:
    """The CSP source expression for one inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


# Material for MkDocs' inline scripts, copied from its templates (partials/javascripts/base.html,
# palette.html, content.html). tests/site/test_hostile.py checks them against the installed Material's
# templates: when an upgrade changes one, review the new script and copy it here.
THEME_SCRIPTS_REVIEWED_FOR = "9.8.2"
_SCOPE = "{scope}"  # base.html's only variable: the page's way back to the site root
THEME_SCRIPTS = (
    '__md_scope=new URL("' + _SCOPE + '",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}',
    'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media)'
    '{var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
    '"[data-md-color-media=\'(prefers-color-scheme: light)\']":"[data-md-color-media=\'(prefers-color-scheme: dark)\']");'
    'palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute('
    '"data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),'
    'palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries('
    'palette.color))document.body.setAttribute("data-md-color-"+key,value)}',
    'var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
    '(target.checked=target.name.startsWith("__tabbed_"))',
)
# The scopes pages have: "." (home), "..", "../..", … as deep as pages nest (en/syllabi/x/level/ is 4),
# and, on the 404 pages, which are served at any address, the absolute path of each edition's root.
MAX_PAGE_DEPTH = 6
RELATIVE_SCOPES = (".", *("/".join([".."] * depth) for depth in range(1, MAX_PAGE_DEPTH + 1)))
EDITION_ROOTS = ("", "en/")  # generator/site.py


def scopes(site_path: str) -> tuple[str, ...]:
    """Every scope a page of the site at `site_path` (e.g. "/" or "/catalog/") may have."""
    return (*RELATIVE_SCOPES, *(site_path + edition for edition in EDITION_ROOTS))


class UnknownInlineScript(ValueError):
    """A page has an inline script that is not one of the reviewed theme scripts."""


@lru_cache(maxsize=4)
def allowed_scripts(site_path: str) -> frozenset[str]:
    return frozenset(script.replace(_SCOPE, scope) for script in THEME_SCRIPTS for scope in scopes(site_path))


@lru_cache(maxsize=4)
def script_hashes(site_path: str) -> tuple[str, ...]:
    """The hashes the policy allows: every reviewed theme script, at every scope (sorted, so stable)."""
    return tuple(sorted(sha256_source(script) for script in allowed_scripts(site_path)))


def check_inline_scripts(html: str, page: str, site_path: str) -> None:
    """Raise UnknownInlineScript for any executable inline script that is not a reviewed theme script."""
    allowed = allowed_scripts(site_path)
    for match in INLINE_SCRIPT.finditer(html):
        if any(t in match.group(1) for t in DATA_TYPES):
            continue  # data, never run
        if match.group(2) not in allowed:
            line = html.count("\n", 0, match.start()) + 1
            raise UnknownInlineScript(
                f"{page}:{line}: inline script not among the reviewed theme scripts (generator/engine/themescripts.py): "
                f"{match.group(2)[:80]!r}; if Material changed it, review the new script and update THEME_SCRIPTS")
