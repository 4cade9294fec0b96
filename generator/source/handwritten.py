"""Hand-written pages are Markdown and images, nothing that runs.

MkDocs copies every other file of its docs folder to the site as it is: an .html file there would be
served from the site's own origin with no Content-Security-Policy (only rendered pages get one), and a
.js file would run under script-src 'self'. So content/pages/ (and the English content/pages-en/)
accept Markdown and raster images; anything else needs a reviewed entry in mkdocs.yml:

    plugins:
      - catalog:
          allow_files: [content/pages/verify.html]   # paths from the project folder

Each file must also be a plain file inside the project (no links out, no devices), like data files.
"""

from __future__ import annotations

from pathlib import Path

from generator.source.load import refuse_before_reading
from generator.source.problems import Problem
from generator.source.siteurl import mkdocs_config

PAGE_SUFFIXES = frozenset({".md"})
# Raster images only: an SVG can carry script, which runs when the image is opened on its own.
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"})
MAX_IMAGE_BYTES = 5_000_000
PLUGIN = "catalog"
ALLOW_OPTION = "allow_files"


def allowed_files(root: Path) -> frozenset[str]:
    """The reviewed allow-list: `allow_files` of the catalog plugin in mkdocs.yml."""
    for entry in mkdocs_config(root).get("plugins") or ():
        if isinstance(entry, dict) and isinstance(entry.get(PLUGIN), dict):
            listed = entry[PLUGIN].get(ALLOW_OPTION) or ()
            return frozenset(str(path) for path in listed)
    return frozenset()


def refused_files(root: Path, folders: tuple[Path, ...]) -> list[Problem]:
    """A problem for every file in the hand-written folders that may not be published."""
    allowed = allowed_files(root)
    problems = []
    for folder in folders:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                continue
            relpath = path.relative_to(root).as_posix()
            suffix = path.suffix.lower()
            refusal = refuse_before_reading(path, relpath, root, MAX_IMAGE_BYTES)
            if refusal is not None:
                problems.append(refusal)
            elif suffix not in PAGE_SUFFIXES | IMAGE_SUFFIXES and relpath not in allowed:
                problems.append(Problem(relpath, 1, "", (
                    f"{folder.as_posix()}/ holds Markdown pages and images ({', '.join(sorted(IMAGE_SUFFIXES))}) "
                    f"only; a {suffix or 'suffix-less'} file would be published as it is, outside the site's "
                    f"Content-Security-Policy. Write the page in Markdown, or have it reviewed and listed under "
                    f"`{ALLOW_OPTION}:` of the {PLUGIN} plugin in mkdocs.yml")))
    return problems
