"""Published URLs never break: a committed registry, checked on every build.

A registered URL may disappear only behind a redirect (from a `former_ids:` entry) or when its line
is deleted from the registry on purpose.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Iterable

from generator.source.catalog import Catalog
from generator.source.problems import Problem

REGISTRY = "published-urls.txt"
EDITION = "/en"  # the English edition mirrors every page (generator/site.py)
HEADER = (
    "# Every URL and anchor this site has published. Agencies link to them, so the build fails\n"
    "# if one disappears without a redirect. Add new ones with `catalog urls --update`.\n"
    "# To delete a page on purpose, delete its lines here in the same pull request.\n"
)


def url_of(path: str) -> str:
    """The public URL of a site file: Markdown pages get directory URLs."""
    posix = PurePosixPath(path)
    if posix.suffix != ".md":
        return "/" + path
    stem = posix.with_suffix("")
    if stem.name == "index":
        stem = stem.parent
    return "/" if str(stem) == "." else f"/{stem.as_posix()}/"


def anchors(catalog: Catalog) -> dict[str, set[str]]:
    """The permanent anchors agencies link to, by page URL."""
    found: dict[str, set[str]] = {}
    for program in catalog.programs.values():
        found[f"/programs/{program.id}/"] = {level.id for level in program.levels}
    for syllabus in catalog.syllabi.values():
        found[f"/syllabi/{syllabus.id}/"] = syllabus.anchors()
    if catalog.glossary:
        found["/glossary/"] = {term.id for term in catalog.glossary.terms}
    return found


def redirects(catalog: Catalog) -> dict[str, str]:
    """Old page → new page, as Markdown paths (the form mkdocs-redirects takes)."""
    out: dict[str, str] = {}
    for folder, items in (("programs", catalog.programs), ("policies", catalog.policies), ("bodies", catalog.bodies)):
        for item in items.values():
            out.update({f"{folder}/{old}.md": f"{folder}/{item.id}.md" for old in item.former_ids})
    for program in catalog.programs.values():
        if program.schedule is not None:  # its exam calendar page moves with it (the feed is copied)
            out.update({f"calendar/{old}.md": f"calendar/{program.id}.md" for old in program.former_ids})
    for syllabus in catalog.syllabi.values():
        program = catalog.programs[syllabus.program]
        for old in program.former_ids:
            old_id = syllabus.id.replace(program.id, old, 1)
            out[f"syllabi/{old_id}.md"] = f"syllabi/{syllabus.id}.md"
            if syllabus.level:
                out[f"syllabi/{old}/index.md"] = f"syllabi/{program.id}/index.md"
    return out


def current_urls(catalog: Catalog, paths: Iterable[str]) -> set[str]:
    urls = {url_of(path) for path in paths}
    for page, names in anchors(catalog).items():
        urls |= {f"{page}#{name}" for name in names}
        if EDITION + page in urls:  # the English edition keeps the same anchors
            urls |= {f"{EDITION}{page}#{name}" for name in names}
    return urls


def read_registry(root: Path) -> list[tuple[int, str]]:
    path = root / REGISTRY
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def check(root: Path, catalog: Catalog, paths: Iterable[str]) -> list[Problem]:
    urls = current_urls(catalog, paths)
    moved = {url_of(old): url_of(new) for old, new in redirects(catalog).items()}
    moved |= {EDITION + old: EDITION + new for old, new in moved.items()}  # the English edition's redirects
    problems = []
    for line, url in read_registry(root):
        page, _, anchor = url.partition("#")
        target = moved.get(page, page)
        if (f"{target}#{anchor}" if anchor else target) in urls:
            continue
        if page in moved:
            why = f"redirects to {target}, which has no anchor #{anchor}"
        else:
            why = "this published URL no longer exists"
        problems.append(Problem(REGISTRY, line, url, f"{why}; add the old id to `former_ids:` so it redirects, "
                                                     "or delete this line to remove the page on purpose"))
    return problems


def update_registry(root: Path, catalog: Catalog, paths: Iterable[str]) -> list[str]:
    """Add every current URL to the registry; never removes one."""
    registered = {url for _, url in read_registry(root)}
    added = sorted(current_urls(catalog, paths) - registered)
    if added:
        (root / REGISTRY).write_text(HEADER + "".join(f"{u}\n" for u in sorted(registered | set(added))),
                                     encoding="utf-8")
    return added
