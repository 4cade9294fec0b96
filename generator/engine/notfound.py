"""What the "page not found" pages need (site_overrides/404.html, assets/not-found.js).

Hosts serve an edition's 404.html at any missing address, so its links cannot be relative, and
without SITE_URL MkDocs knows no base path for them: the English edition's would lead to the
Chinese pages. The edition's root path is handed to the template instead. And without SITE_URL the
sitemap has no entries (no host is named), so the nearest-page suggestion reads its own list of the
edition's pages."""

from __future__ import annotations

import json
from pathlib import Path

PAGES_FILE = "assets/data/pages.json"


def edition_root(site_path: str, english: bool) -> str:
    """The edition's root on its host: the site's path, plus en/ for the English edition."""
    root = site_path if site_path.endswith("/") else site_path + "/"
    return root + "en/" if english else root


def write_page_list(site_dir: Path, english_dir: str = "en") -> Path:
    """Every page of the edition built into `site_dir` (its folder URLs, relative to the edition's
    root), leaving out the other edition's folder and the 404 page itself."""
    pages = sorted(
        "" if rel.parent == Path(".") else rel.parent.as_posix() + "/"
        for rel in (path.relative_to(site_dir) for path in site_dir.rglob("index.html"))
        if rel.parts[0] != english_dir
    )
    path = site_dir / PAGES_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(pages, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return path
