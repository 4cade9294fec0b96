"""load → validate → model → render → write, readable top to bottom."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path

from . import compare, eligibility, english, exam_calendar
from . import feed, jsonld, opendata
from . import handwritten, parallel, permalinks, publishing, urlowners
from .catalog import Catalog, build_catalog
from .load import load_project
from .problems import CatalogError, Problem
from .render import Renderer, search_dictionary
from .schema import SCHEMA_FOLDER, schemas
from .clock import build_date, strict_freshness
from .siteurl import configured_site_url
from .validate import overdue_reviews, validate_project

WATCHED_FOLDERS = ("programs", "syllabi", "content")
PAGES_FOLDER = Path("content/pages")


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
    problems += handwritten.refused_files(root, (PAGES_FOLDER, english.PAGES_FOLDER))
    if problems:
        raise CatalogError(problems)
    # Every URL has one owner, settled before a page is rendered (a taken URL would be written over).
    problems = urlowners.check_data(project, urlowners.hand_written_files(root, PAGES_FOLDER))
    if problems:
        raise CatalogError(problems)
    return build_catalog(project)


def site_files(catalog: Catalog, today: dt.date | None = None, site_url: str | None = None) -> dict[str, str | bytes]:
    """Every generated file of the site: Markdown pages plus data files (JSON, ICS), by path.

    `today` dates the exam calendar (default: the build date, fixed by SOURCE_DATE_EPOCH);
    `site_url` (mkdocs.yml) makes the permanent links in data files, feeds and print absolute."""
    today = today or build_date()
    renderer = Renderer(catalog, today=today, site_url=site_url)
    in_parallel = parallel.worth_it(len(catalog.programs), PARALLEL_FROM_PROGRAMS)
    parts = parallel.run_all([  # independent of each other; the longest first
        lambda: exam_calendar.site_files(catalog, today),
        renderer.pages,
        lambda: opendata.site_files(catalog, today, site_url, renderer),  # /api/, api/v1/*.json
        lambda: compare.site_files(catalog, renderer.env, today),  # /compare/, assets/data/compare.json
        lambda: eligibility.site_files(catalog, renderer),
        lambda: {f"{SCHEMA_FOLDER}/{name}": text for name, text in schemas().items()},
        lambda: feed.site_files(catalog, site_url),  # feed.xml
        lambda: jsonld.page_blocks(catalog, today, site_url),  # schema.org JSON-LD for the pages
    ], in_parallel)
    files: dict[str, str | bytes] = {}
    for part in parts[:-1]:
        files.update(part)
    jsonld.attach(files, parts[-1], catalog, today, site_url)  # into the pages' front matter
    return files


# From this many programmes, the site's parts are rendered on all cores (generator/parallel.py).
PARALLEL_FROM_PROGRAMS = 200


def hand_written_pages(root: Path) -> list[str]:
    pages_root = root / PAGES_FOLDER
    return [p.relative_to(pages_root).as_posix() for p in sorted(pages_root.glob("**/*.md"))]


def published_paths(root: Path, files: dict[str, str | bytes]) -> list[str]:
    """Every site path: generated and hand-written pages, and the English edition's mirror (en/…)."""
    paths = [*files, *hand_written_pages(root)]
    return paths + english.edition_paths(root, paths)


def render_files(root: Path, strict: bool | None = None) -> tuple[Catalog, dict[str, str | bytes]]:
    """Validate, render every generated file, and check that no published URL was lost.

    One build asks several times (build_site's early check, then each edition's plugin): while no
    input file has changed, the same result is handed out again instead of rendered again."""
    strict = strict if strict is not None else strict_freshness()
    site_url = configured_site_url(root)
    key = (root.resolve(), build_date(), site_url, _inputs_fingerprint(root))
    if _LAST_RENDER.get("key") == key and _LAST_RENDER["strict"] >= strict:
        catalog, files = _LAST_RENDER["value"]
        return catalog, dict(files)
    catalog = load_catalog(root, strict)
    files = site_files(catalog, site_url=site_url)
    problems = (urlowners.check_site(catalog, files, urlowners.hand_written_files(root, PAGES_FOLDER))
                or permalinks.check(root, catalog, published_paths(root, files)))
    if problems:
        raise CatalogError(problems)
    _LAST_RENDER.update(key=key, strict=strict, value=(catalog, dict(files)))
    return catalog, files


_LAST_RENDER: dict = {}


def _inputs_fingerprint(root: Path) -> tuple:
    """Path, size and modification time of every file the rendering reads."""
    found = []
    for folder in (*WATCHED_FOLDERS, ""):
        base = root / folder
        paths = base.rglob("*") if folder else [base / n for n in ("mkdocs.yml", english.CONFIG, permalinks.REGISTRY)]
        for path in paths:
            try:
                info = path.stat()
            except OSError:
                continue
            found.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(sorted(found))


def search_dictionary_file(root: Path, catalog: Catalog) -> Path:
    path = root / ".cache" / "catalog" / "jieba_user_dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(search_dictionary(catalog), encoding="utf-8")
    return path


def generate_to(root: Path, out: Path) -> int:
    """Write the whole page tree as Markdown, for any static-site engine."""
    catalog, generated = render_files(root)
    files: dict[str, str | bytes] = {
        path: (root / PAGES_FOLDER / path).read_text(encoding="utf-8") for path in hand_written_pages(root)
    }
    files.update(generated)
    files.update(english.generated_tree(root, catalog, generated))  # en/…: the English edition, if any
    with publishing.build_lock(out):
        staging = publishing.new_staging(out)
        try:
            for path, content in files.items():
                target = staging / path
                target.parent.mkdir(parents=True, exist_ok=True)
                if isinstance(content, bytes):
                    target.write_bytes(content)
                else:
                    target.write_text(content, encoding="utf-8")
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        publishing.publish(staging, out)
    return len(files)


def build_site(root: Path, site_dir: Path | None = None, strict: bool | None = None) -> Path:
    """Validate, then build with MkDocs into a staging folder; publish it only on success (publishing.py)."""
    render_files(root, strict)  # fail fast, before MkDocs starts, with every problem listed
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = site_dir or root / "site"
    with publishing.build_lock(site_dir):  # one build at a time: MkDocs shares .cache/ and the target
        _build_into(root, site_dir, publishing.new_staging(site_dir))
    return site_dir


def _build_into(root: Path, site_dir: Path, staging: Path) -> None:
    """Both editions into `staging`, then published as `site_dir` in one step; or problems, and no trace."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    warnings = _WarningCollector()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(staging), strict=True)
        build(config)
        if english.configured(root):  # the English edition, into en/ of the same staging folder
            build(english.load_config(root, staging / "en", config))
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        found = [Problem("mkdocs.yml", 1, "", f"site build: {w}") for w in warnings.messages]
        raise CatalogError(found or [Problem("mkdocs.yml", 1, "", f"site build failed: {exc}")]) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
    publishing.publish(staging, site_dir)


class _WarningCollector(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build says what failed."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
