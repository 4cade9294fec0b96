"""`catalog build`: generate once, build both editions with MkDocs into a staging folder, publish it."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from generator.publish import publishing
from generator.publish.spilled import spill_area
from generator.source import parallel
from generator.site import EN_CONFIG, GeneratedSite, english_url, generate_site
from generator.source.problems import CatalogError, Problem

PLUGIN = "catalog"


def build_site(root: Path, site_dir: Path | None = None, strict: bool | None = None) -> Path:
    """Validate and generate (once, both editions), then build with MkDocs into a staging folder;
    publish it only on success (publish/publishing.py: one atomic step, one build at a time).

    Generation runs in a process of its own (source/parallel.py: in_child) and hands back file paths
    and plain data: the catalogue's model and everything generation allocates (about 1 GB at 1,000
    programmes) are gone before MkDocs starts, so the build's peak memory is the larger of the two
    stages, not their sum (issue #14)."""
    with spill_area() as area:
        # Fails fast, before MkDocs starts, with every problem listed.
        site = parallel.in_child(lambda: generate_site(root, strict, area))
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        site_dir = site_dir or root / "site"
        with publishing.build_lock(site_dir):  # one build at a time: MkDocs shares .cache/ and the target
            staging = publishing.new_staging(site_dir)
            _build_into(root, site, staging)
            publishing.publish(staging, site_dir)
    return site_dir


def _build_into(root: Path, site: GeneratedSite, staging: Path) -> None:
    """Both editions into `staging`; or the build's problems, and no trace of it."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    warnings = _WarningCollector()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(staging), strict=True)
        build(_handed(config, site))
        if site.en is not None:  # the English edition, into en/ of the same staging folder
            en_config = load_config(config_file=str(root / EN_CONFIG), site_dir=str(staging / "en"), strict=True,
                                    site_url=english_url(config.site_url))
            build(_handed(en_config, site))
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        found = [Problem("mkdocs.yml", 1, "", f"site build: {w}") for w in warnings.messages]
        raise CatalogError(found or [Problem("mkdocs.yml", 1, "", f"site build failed: {exc}")]) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)


def _handed(config, site: GeneratedSite):
    """The configuration with the generated files handed to its catalog plugin, which then generates nothing."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is not None:
        plugin.generated = site
    return config


class _WarningCollector(logging.Handler):
    """Keeps MkDocs' warnings so a failed strict build says what failed."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())
