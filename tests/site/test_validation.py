"""A failed build writes nothing: the site built before stays as it was."""

from __future__ import annotations

import pytest

from generator.engine.site_build import build_site
from generator.source.problems import CatalogError

from ..conftest import PROGRAM, edit


def test_a_failed_build_leaves_the_existing_site_untouched(minimal_project):
    site = build_site(minimal_project)
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    marker = (site / "index.html").read_bytes()
    edit(minimal_project, PROGRAM, "policies: [notice]", "policies: [missing]")
    with pytest.raises(CatalogError):
        build_site(minimal_project)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert (site / "index.html").read_bytes() == marker
    assert not list(minimal_project.glob(".site-*")), "staging folders must be cleaned up"
