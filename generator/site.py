"""Generation, readable top to bottom: load → validate → catalogue → one build per edition → files.

Every feature is a module listed in FEATURES, and each is handed the same `Build` (pages/build.py):
- `files(build)`: the pages and data files it contributes, path → text or bytes: a mapping, or
  (path, content) pairs made one at a time where the files run to hundreds of MB at scale (calendar,
  open data), so that no process holds them all;
- `template_helpers(build)` (optional): {"filters": {...}, "globals": {...}} for every template;
- `page_metadata(build)` (optional): front-matter keys for pages, by path, declared before any page
  is rendered (JSON-LD);
- `EDITIONS` (optional, default Chinese only): the editions it writes pages for. The English edition
  shows the Chinese page, marked, wherever a feature has no English version, so both editions always
  have the same paths.

Generation runs once per edition per build. Nothing here knows MkDocs (engine/ does).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from generator.features import compare, ladder, plan
from generator.features.calendar import pages as calendar_pages
from generator.features.eligibility import page as eligibility_page
from generator.features.search import SearchAdditions, search_additions
from generator.pages import catalog_pages
from generator.pages.build import Build
from generator.pages.environment import template_environment
from generator.publish import editor_schemas, feed, jsonld, opendata, permalinks, publishing, urlowners
from generator.publish.spilled import SpilledFiles
from generator.source import handwritten, parallel
from generator.source.catalog import Catalog, build_catalog
from generator.source.clock import build_date, strict_freshness
from generator.source.load import load_project
from generator.source.problems import CatalogError
from generator.source.siteurl import configured_site_url
from generator.source.validate import overdue_reviews, validate_project
from generator.words.editions import EN, UNTRANSLATED, ZH, Words

FEATURES: tuple[ModuleType, ...] = (
    catalog_pages, calendar_pages, eligibility_page, compare, ladder, plan, opendata, feed, jsonld, editor_schemas,
)

WATCHED_FOLDERS = ("programs", "syllabi", "content")
PAGES_FOLDER = Path("content/pages")
EN_PAGES_FOLDER = Path("content/pages-en")
EN_CONFIG = "mkdocs.en.yml"
EN_PREFIX = "en/"
# From this many programmes, the features' files are made on all cores (source/parallel.py).
PARALLEL_FROM_PROGRAMS = 200

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)

log = logging.getLogger("catalog")


def load_catalog(root: Path, strict: bool | None = None) -> Catalog:
    """Load and validate everything; overdue reviews warn, or fail in strict mode (CI)."""
    raw, problems = load_project(root)
    project, more = validate_project(raw)
    problems += more
    overdue = overdue_reviews(project, build_date())
    if strict if strict is not None else strict_freshness():
        problems += overdue
    else:
        for problem in overdue:
            log.warning("warning: %s", problem)
    problems += handwritten.refused_files(root, (PAGES_FOLDER, EN_PAGES_FOLDER))
    if problems:
        raise CatalogError(problems)
    # Every URL has one owner, settled before a page is rendered (a taken URL would be written over).
    problems = urlowners.check_data(project, urlowners.hand_written_files(root, PAGES_FOLDER))
    if problems:
        raise CatalogError(problems)
    return build_catalog(project)


def make_build(catalog: Catalog, words: Words, today: dt.date, site_url: str | None) -> Build:
    """One edition's build context, with every feature's template helpers and page metadata in place."""
    build = Build(catalog=catalog, today=today, site_url=site_url, words=words, env=template_environment())
    for feature in FEATURES:  # every feature's helpers: an English page may show a Chinese-only feature's part
        helpers = feature.template_helpers(build) if hasattr(feature, "template_helpers") else {}
        build.env.filters.update(helpers.get("filters", {}))
        build.env.globals.update(helpers.get("globals", {}))
    build.page_meta = {
        path: values for feature in edition_features(words) if hasattr(feature, "page_metadata")
        for path, values in feature.page_metadata(build).items()
    }
    return build


def edition_features(words: Words) -> tuple[ModuleType, ...]:
    return tuple(f for f in FEATURES if words.lang in getattr(f, "EDITIONS", ("zh",)))


def edition_files(build: Build, area: Path | None = None) -> SpilledFiles:
    """Every file the edition's features write, path → content, kept on disk (publish/spilled.py):
    each feature's files are written by the process that made them, so no process holds them all."""
    features = [f for f in edition_features(build.words) if hasattr(f, "files")]
    in_parallel = parallel.worth_it(len(build.catalog.programs), PARALLEL_FROM_PROGRAMS)
    files = SpilledFiles(area)
    parts = [files.new_part() for _ in features]
    tasks = [lambda f=f, part=part: SpilledFiles.write(part, f.files(build)) for f, part in zip(features, parts)]
    for written in parallel.run_all(tasks, in_parallel):
        files.add(written)
    return files


@dataclass(frozen=True)
class GeneratedSite:
    """What a build hands the site engine: the Chinese edition's files, the English edition's (None
    without one), and what the engine adds from the catalogue (redirects for former ids, search).

    Not the catalogue itself: at 1,000 programmes its model takes about 500 MB, which the engine
    would otherwise hold through both editions' builds (peak build memory, BENCHMARKS.md)."""

    zh: SpilledFiles
    en: SpilledFiles | None
    redirects: dict[str, str]
    search: SearchAdditions


def generate_site(root: Path, strict: bool | None = None, area: Path | None = None) -> GeneratedSite:
    """Validate, generate both editions once, and check that no published URL was lost. The files go
    to `area` (publish/spilled.py: spill_area) when given, else to temporary folders of their own."""
    return generate_catalog_site(root, load_catalog(root, strict), area)


def generate_catalog_site(root: Path, catalog: Catalog, area: Path | None = None) -> GeneratedSite:
    """generate_site for a catalogue already loaded (`catalog validate` and `catalog urls` keep it)."""
    today, site_url = build_date(), configured_site_url(root)
    zh = edition_files(make_build(catalog, ZH, today, site_url), area)
    problems = (urlowners.check_site(catalog, zh, urlowners.hand_written_files(root, PAGES_FOLDER))
                or permalinks.check(root, catalog, published_paths(root, zh)))
    if problems:
        raise CatalogError(problems)
    en = None
    if english_configured(root):
        own = edition_files(make_build(catalog, EN, today, english_url(site_url)), area)
        en = with_fallbacks(own, zh, hand_written_pages(root), english_hand_written_pages(root), area)
    return GeneratedSite(zh, en, permalinks.redirects(catalog), search_additions(catalog))


# --- the two editions --------------------------------------------------------------------------------


def hand_written_pages(root: Path) -> dict[str, str]:
    """The Chinese edition's hand-written pages (content/pages/), by path."""
    return _markdown_in(root / PAGES_FOLDER)


def english_hand_written_pages(root: Path) -> dict[str, str]:
    """The English edition's own hand-written pages (content/pages-en/), by path."""
    return _markdown_in(root / EN_PAGES_FOLDER)


def _markdown_in(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.glob("**/*.md"))}


def english_configured(root: Path) -> bool:
    """The project has an English edition when it has its MkDocs configuration."""
    return (root / EN_CONFIG).is_file()


def english_url(site_url: str | None) -> str | None:
    """The English edition's address: the Chinese one's plus en/."""
    if not site_url:
        return site_url
    return site_url.rstrip("/") + "/" + EN_PREFIX


def with_fallbacks(own: Mapping[str, str | bytes], zh: Mapping[str, str | bytes], zh_pages: dict[str, str],
                   en_pages: dict[str, str], area: Path | None = None) -> SpilledFiles:
    """The English edition's generated files: its own, and for every other Chinese path the Chinese
    page (marked, see fallback_page) or data file, so the language switcher never leads nowhere.
    Data files are the Chinese edition's own files on disk, never read or copied."""
    files = SpilledFiles(area)
    for path in own:
        files.link(path, own, path)
    for path, content in zh_pages.items():
        if path not in files and path not in en_pages:
            files.put(path, fallback_page(content))
    for path in zh:
        if path in files or path in en_pages:
            continue
        content = zh[path] if path.endswith(".md") else None
        if isinstance(content, str):
            files.put(path, fallback_page(content))
        else:
            files.link(path, zh, path)
    return files


def fallback_page(markdown: str) -> str:
    """A Chinese page in the English edition: the page whole, marked lang="zh-CN", under the marker."""
    found = _FRONT_MATTER.match(markdown)
    front, body = (found.group(0), markdown[found.end():]) if found else ("", markdown)
    return (
        f"{front}\n"
        f'!!! untranslated "{UNTRANSLATED}"\n\n'
        "    This page has no English version yet; below is the Chinese page.\n\n"
        f'<div lang="zh-CN" markdown>\n\n{body.strip()}\n\n</div>\n'
    )


def published_paths(root: Path, zh_files: dict[str, str | bytes]) -> list[str]:
    """Every site path: generated and hand-written pages, and the English edition's mirror (en/…).

    The English edition has every path of the Chinese one (its own page or the fallback), plus its
    own hand-written pages, so its paths need no rendering."""
    paths = [*zh_files, *hand_written_pages(root)]
    if english_configured(root):
        paths += sorted(EN_PREFIX + path for path in {*paths, *english_hand_written_pages(root)})
    return paths


def generated_tree(root: Path, site: GeneratedSite) -> dict[str, str | Path]:
    """The whole Markdown tree of both editions (`catalog generate`): hand-written pages' text, and where
    each generated file is on disk (publish/spilled.py), so the tree is copied, never held in memory."""
    tree: dict[str, str | Path] = {**hand_written_pages(root), **{path: site.zh.file_of(path) for path in site.zh}}
    if site.en is not None:
        english = {path: site.en.file_of(path) for path in site.en}
        tree.update({EN_PREFIX + path: content for path, content in {**english_hand_written_pages(root), **english}.items()})
    return tree


def generate(root: Path, out: Path) -> int:
    """Write the whole page tree as Markdown, for any static-site engine; swapped in only when complete."""
    site = generate_site(root)  # kept to the end: its files are on disk only while it lives
    tree = generated_tree(root, site)
    with publishing.build_lock(out):
        staging = publishing.new_staging(out)
        try:
            for path, content in tree.items():
                target = staging / path
                target.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(content, Path):
                    shutil.copyfile(content, target)
                else:
                    target.write_text(content, encoding="utf-8")
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        publishing.publish(staging, out)
    return len(tree)
