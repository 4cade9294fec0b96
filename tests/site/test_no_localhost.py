"""No localhost (issue #12.5): built without SITE_URL, no file of the site names a local host: pages,
sitemap, API, feeds, JSON-LD, theme assets. Links stay relative and data files carry paths."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ..conftest import ROOT

LOCAL_HOST = re.compile(rb"localhost|127\.0\.0\.1")
DEPLOY = ROOT / ".github/workflows/deploy.yml"


@pytest.fixture(scope="module")
def site_without_url(built_site: Path, tmp_path_factory) -> Path:
    """The session's site when it was built without SITE_URL (as `make test` does), else a build without it."""
    if not os.environ.get("SITE_URL"):
        return built_site
    out = tmp_path_factory.mktemp("no-url") / "site"
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    subprocess.run([sys.executable, "-m", "generator", "--root", str(ROOT), "build", "--site-dir", str(out)],
                   check=True, env=env)
    return out


def test_no_built_file_names_a_local_host(site_without_url: Path):
    files = [p for p in site_without_url.rglob("*") if p.is_file()]
    assert len(files) > 300
    named = [str(p.relative_to(site_without_url)) for p in files if LOCAL_HOST.search(p.read_bytes())]
    assert named == []


def test_data_files_carry_paths(site_without_url: Path):
    detail = (site_without_url / "api/v1/programs/carbon-asset-manager.json").read_text(encoding="utf-8")
    assert '"url": "/programs/carbon-asset-manager/"' in detail or '"url":"/programs/carbon-asset-manager/"' in detail
    assert 'href="/programs/' in (site_without_url / "feed.xml").read_text(encoding="utf-8")


def require_site_url_step() -> dict:
    steps = yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    return next(step for step in steps if step.get("name") == "Require SITE_URL")


@pytest.mark.parametrize("value, code", [("", 1), ("https://example.org/catalog/", 0)])
def test_deploy_stops_without_site_url(value: str, code: int):
    step = require_site_url_step()
    steps = yaml.safe_load(DEPLOY.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]
    assert steps.index(step) < next(i for i, s in enumerate(steps) if s.get("run") == "make site")
    result = subprocess.run(["bash", "-c", step["run"]], env={**os.environ, "SITE_URL": value},
                            capture_output=True, text=True)
    assert result.returncode == code
    if code:
        assert "SITE_URL is not set" in result.stdout
