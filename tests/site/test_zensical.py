"""Engine portability: the generated tree builds with Zensical (docs/engines.md).

Material for MkDocs reaches end of life on 2027-05-05; Zensical is its makers' successor. This file
runs `catalog generate` (the CLI, as a subprocess), writes a Zensical configuration for the tree,
derived from mkdocs.yml and mkdocs.en.yml (`zensical_config` below), builds both editions the way
`catalog build` does (Chinese at the root, English into en/), and checks the output.

What the Zensical build lacks next to the MkDocs one is measured and recorded (printed, and kept as
junit properties), not asserted: docs/engines.md says what each difference means for a switch.

Self-contained on purpose: it imports nothing from generator/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = "http://localhost:8000/"
PROGRAM = "programs/carbon-asset-manager"
SYLLABUS = "syllabi/carbon-asset-manager"
# Ids written as `{#id ...}` in the generated Markdown (heading attribute lists), below the front matter.
_MD_ID = re.compile(r"\{:?\s*#([A-Za-z][\w-]*)")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_ABSOLUTE_MD_LINK = re.compile(r'href="/[^"]*\.md(?:[?#][^"]*)?"')


# --- the configuration helper -------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its `!ENV [NAME, default]` tags read as the default."""


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                        if isinstance(node, yaml.SequenceNode) else None)


def _mkdocs_merge(parent: dict, child: dict) -> dict:
    """MkDocs' INHERIT: mappings merge key by key, everything else (lists too) is replaced whole.
    (Zensical's own INHERIT appends lists, which would give the English build both editions'
    plugins, extensions and navigation: so the helper merges instead.)"""
    out = dict(parent)
    for key, value in child.items():
        out[key] = (_mkdocs_merge(parent[key], value)
                    if isinstance(value, dict) and isinstance(parent.get(key), dict) else value)
    return out


def _mkdocs_yml(name: str) -> dict:
    config = yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    parent = config.pop("INHERIT", None)
    return _mkdocs_merge(_mkdocs_yml(parent), config) if parent else config


def zensical_config(edition: str, site_url: str = SITE_URL) -> dict:
    """A Zensical configuration (mkdocs.yml format) for the tree `catalog generate` writes into
    docs/ beside it: the project's own settings, with the paths pointed at that tree.

    Kept from mkdocs.yml / mkdocs.en.yml: site name and description, theme (language, features,
    palette, `font: false`, the site_overrides/ templates and assets), Markdown extensions, extra
    CSS and JavaScript, `extra.alternate`, the navigation, and the plugin list (Zensical ignores
    plugins it does not know, such as `catalog`, and the search options it does not have, such as
    `lang`). Changed: `strict` is off, because Zensical leaves the tree's docs-rooted links
    (`/programs/x.md`) unresolved and warns about each one (docs/engines.md)."""
    config = _mkdocs_yml("mkdocs.en.yml" if edition == "en" else "mkdocs.yml")
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["strict"] = False
    if edition == "en":
        config.update(docs_dir="docs/en", site_dir="site/en", site_url=site_url + "en/")
    else:
        # The English edition is its own build, as with MkDocs (English theme and search).
        config.update(docs_dir="docs", site_dir="site", site_url=site_url, exclude_docs="en/\n")
    return config


# --- the build ----------------------------------------------------------------------------------


def _offline() -> list[str]:
    """`unshare -n` (no network at all) where this machine allows it: Zensical must not fetch
    anything while it builds."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


def _zensical_build(project: Path, config_name: str) -> tuple[str, float]:
    started = time.perf_counter()
    result = subprocess.run([*_offline(), sys.executable, "-m", "zensical", "build", "-f", config_name],
                            cwd=project, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - started
    output = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    assert result.returncode == 0, f"zensical build -f {config_name} failed:\n{output[-4000:]}"
    return output, seconds


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> dict:
    project = tmp_path_factory.mktemp("zensical")
    timings: dict[str, float] = {}

    started = time.perf_counter()
    # The tree names the site's address only when SITE_URL gives it (mkdocs.yml has no default).
    generated = subprocess.run([sys.executable, "-m", "generator", "generate", str(project / "docs")],
                               cwd=ROOT, capture_output=True, text=True, timeout=600,
                               env={**os.environ, "SITE_URL": SITE_URL})
    timings["generate"] = time.perf_counter() - started
    assert generated.returncode == 0, generated.stderr

    outputs = {}
    for edition, name in (("zh", "mkdocs.yml"), ("en", "mkdocs.en.yml")):
        (project / name).write_text(yaml.safe_dump(zensical_config(edition), allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
        outputs[edition], timings[f"build {edition}"] = _zensical_build(project, name)
    return {"tree": project / "docs", "site": project / "site", "outputs": outputs, "timings": timings,
            "offline": bool(_offline())}


def _html_path(site: Path, md: str) -> Path:
    """Where a page of the tree lands (directory URLs, as MkDocs)."""
    stem = md.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / (stem + ".html")
    return site / stem / "index.html"


def _pages(tree: Path, edition: str) -> list[str]:
    base = tree / "en" if edition == "en" else tree
    pages = [p.relative_to(base).as_posix() for p in base.rglob("*.md")]
    return sorted(p for p in pages if edition == "en" or not p.startswith("en/"))


# --- what works ---------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", ["zh", "en"])
def test_every_page_of_the_tree_is_built(zensical_site, edition):
    site = zensical_site["site"] / "en" if edition == "en" else zensical_site["site"]
    pages = _pages(zensical_site["tree"], edition)
    assert len(pages) > 50
    missing = [p for p in pages if not _html_path(site, p).is_file()]
    assert not missing, f"{len(missing)} pages not built, e.g. {missing[:5]}"


def test_programme_page(zensical_site):
    html = (zensical_site["site"] / PROGRAM / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in html
    assert "<h1" in html and "碳资产管理师" in html
    for level in ("junior", "intermediate", "senior"):
        assert f'id="{level}"' in html
    # site_overrides/main.html: JSON-LD from the front matter, the feed link, the print stylesheet.
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert [json.loads(b)["@id"] for b in blocks] == [
        f"{SITE_URL}{PROGRAM}/#{level}" for level in ("junior", "intermediate", "senior")]
    assert 'type="application/atom+xml"' in html and "assets/print.css" in html
    # mkdocs.yml's extra_css / extra_javascript (a module script stays a module).
    for asset in ("assets/catalog.css", "assets/eligibility.css", "assets/features.css", "assets/catalog.js"):
        assert asset in html
    assert re.search(r'<script src="[./]*assets/eligibility/widget\.js" type="module"', html)
    assert (zensical_site["site"] / "assets" / "catalog.js").is_file()
    # site_overrides/partials/alternate.html: the language switcher points at the same page in en/.
    assert f'href="../../en/{PROGRAM}/" hreflang="en"' in html


def test_english_programme_page(zensical_site):
    html = (zensical_site["site"] / "en" / PROGRAM / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html
    assert "Carbon Asset Manager" in html
    for level in ("junior", "intermediate", "senior"):
        assert f'id="{level}"' in html
    assert f'href="../../../{PROGRAM}/" hreflang="zh"' in html


@pytest.mark.parametrize("edition", ["zh", "en"])
def test_every_anchor_the_tree_names_is_in_the_html(zensical_site, edition):
    """Every `{#id}` of the generated Markdown (level, module, section anchors) is an id in the page."""
    site = zensical_site["site"] / "en" if edition == "en" else zensical_site["site"]
    base = zensical_site["tree"] / "en" if edition == "en" else zensical_site["tree"]
    checked, missing = 0, []
    for page in _pages(zensical_site["tree"], edition):
        ids = set(_MD_ID.findall(_FRONT_MATTER.sub("", (base / page).read_text(encoding="utf-8"))))
        html = _html_path(site, page).read_text(encoding="utf-8")
        missing += [f"{page}#{i}" for i in sorted(ids) if f'id="{i}"' not in html]
        checked += len(ids)
    assert checked > 200
    assert not missing, f"{len(missing)} of {checked} anchors missing, e.g. {missing[:5]}"


def test_syllabus_anchors(zensical_site):
    html = (zensical_site["site"] / SYLLABUS / "index.html").read_text(encoding="utf-8")
    assert 'id="module-1"' in html and 'id="module-4"' in html


def test_data_files_are_copied_as_generated(zensical_site):
    tree, site = zensical_site["tree"], zensical_site["site"]
    for path in ("api/v1/programs.json", "feed.xml", "en/api/v1/programs.json"):
        assert (site / path).read_bytes() == (tree / path).read_bytes(), path


def test_search_index(zensical_site):
    """Zensical writes its own index (search.json), from the same pages, honouring data-search-exclude."""
    index = json.loads((zensical_site["site"] / "search.json").read_text(encoding="utf-8"))
    items = index["items"]
    assert any(i["location"] == f"{PROGRAM}/" and i["title"] == "碳资产管理师" for i in items)
    # The eligibility clauses are excluded from search (`data-search-exclude` on their headings).
    assert not any("从事相关领域工作年限满3年" in i["text"] for i in items)


def test_nothing_is_loaded_from_elsewhere(zensical_site):
    """No web fonts or scripts from another host (`font: false`, as with Material)."""
    html = (zensical_site["site"] / PROGRAM / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="https?://(?!localhost)', html)
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


# --- what differs (recorded, not asserted) ------------------------------------------------------


def test_record_differences(zensical_site, record_property):
    site = zensical_site["site"]
    pages = [_html_path(site, p) for p in _pages(zensical_site["tree"], "zh")]
    unresolved = sum(len(_ABSOLUTE_MD_LINK.findall(p.read_text(encoding="utf-8"))) for p in pages)
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    programme = (site / PROGRAM / "index.html").read_text(encoding="utf-8")
    report = {
        "timings_s": {k: round(v, 2) for k, v in zensical_site["timings"].items()},
        "built_without_network": zensical_site["offline"],
        "zh_warnings": zensical_site["outputs"]["zh"].count("Warning:"),
        "en_warnings": zensical_site["outputs"]["en"].count("Warning:"),
        # MkDocs resolves these (validation.links.absolute_links: relative_to_docs); Zensical leaves them.
        "zh_unresolved_docs_rooted_links": unresolved,
        # The catalog plugin adds the Content-Security-Policy in on_post_page; Zensical runs no plugin code.
        "csp_meta": "Content-Security-Policy" in programme,
        # jieba marks word boundaries with U+200B in Material's index; Zensical has no jieba.
        "search_items": len(index["items"]),
        "search_items_with_jieba_boundaries": sum("\u200b" in i["text"] for i in index["items"]),
        "material_search_index": (site / "search" / "search_index.json").exists(),
        "redirect_map": json.loads((site / "redirect.json").read_text(encoding="utf-8"))
        if (site / "redirect.json").is_file() else None,
    }
    for key, value in report.items():
        record_property(key, value)
    print("zensical vs mkdocs:", json.dumps(report, ensure_ascii=False))
    assert report["search_items"] > 0
