"""Published URLs and anchors keep working in built sites: renames redirect, removed anchors fail
unless kept, and the real registry lists every URL of both editions."""

from __future__ import annotations

import pytest

from generator.engine.site_build import build_site
from generator.publish import permalinks
from generator.site import edition_files, generate_site, load_catalog, published_paths
from generator.source.clock import build_date
from generator.source.problems import CatalogError

from ..conftest import ROOT, register, rename_program, zh_build


def test_former_ids_redirect_and_keep_anchors(minimal_project):
    register(minimal_project)
    rename_program(minimal_project, "renamed-program", former=True)
    site = build_site(minimal_project)
    redirect = (site / "programs/test-program/index.html").read_text(encoding="utf-8")
    # The anchor is carried over by assets/redirect.js (an inline script would need the CSP to trust it).
    assert "renamed-program/" in redirect and 'src="../../assets/redirect.js"' in redirect
    assert "location.hash" in (site / "assets/redirect.js").read_text(encoding="utf-8")
    assert (site / "syllabi/test-program/index.html").is_file()


def test_a_removed_anchor_fails_unless_kept_as_a_former_id(minimal_project):
    register(minimal_project)
    path = minimal_project / "syllabi/test-program.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: carbon-basics", "id: carbon-fundamentals"),
                    encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        generate_site(minimal_project)
    assert "/syllabi/test-program/#carbon-basics" in str(caught.value)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "id: carbon-fundamentals", "id: carbon-fundamentals\n        former_ids: [carbon-basics]"), encoding="utf-8")
    site = build_site(minimal_project)
    assert 'id="carbon-basics"' in (site / "syllabi/test-program/index.html").read_text(encoding="utf-8")


def test_the_real_registry_is_complete():
    catalog = load_catalog(ROOT)
    files = edition_files(zh_build(catalog, build_date()))
    registered = {url for _, url in permalinks.read_registry(ROOT)}
    missing = permalinks.current_urls(catalog, published_paths(ROOT, files)) - registered  # English edition too
    assert not missing, f"run `catalog urls --update`: {sorted(missing)[:5]}"
