"""The generator is a product: a catalogue of another field (tests/fixtures/second-catalogue/, food
safety, all fictional, with its own content/site.yaml and content/schemes.yaml) builds with no code
change, and nothing of the carbon catalogue leaks into it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "second-catalogue"
# Material's own files and the theme's (site_overrides/) are not the generator's output.
THEME_FOLDERS = ("assets/javascripts/", "assets/stylesheets/", "assets/images/")
GENERATED_SUFFIXES = {".html", ".json", ".ics", ".xml"}


@pytest.fixture(scope="module")
def second_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("second") / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    done = subprocess.run([sys.executable, "-m", "generator", "--root", str(project), "build"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return project / "site"


def _theme_file(site: Path, path: Path) -> bool:
    relative = path.relative_to(site).as_posix()
    return relative.startswith(THEME_FOLDERS) or (ROOT / "site_overrides" / relative).is_file()


def test_programme_pages_are_built(second_site: Path):
    officer = (second_site / "programs" / "food-safety-officer" / "index.html").read_text(encoding="utf-8")
    assert "食品安全管理员" in officer
    assert "虚构卫生委员会从业资格证书" in officer  # the scheme's name from content/schemes.yaml
    inspector = (second_site / "programs" / "food-inspector" / "index.html").read_text(encoding="utf-8")
    assert "食品检验员" in inspector
    assert "食品安全管理员" in (second_site / "programs" / "index.html").read_text(encoding="utf-8")


def test_site_settings_name_the_feeds(second_site: Path):
    ics = (second_site / "calendar" / "all.ics").read_text(encoding="utf-8")
    assert "PRODID:-//food-safety-catalog//" in ics
    assert "X-WR-CALNAME:食品安全职业技能证书 · 考试日历" in ics
    assert "@food-safety-catalog.invalid" in ics
    feed = (second_site / "feed.xml").read_text(encoding="utf-8")
    assert "<title>食品安全职业技能证书目录 · 更新 (updates)</title>" in feed
    assert "tag:food-safety-catalog.invalid,2026:" in feed
    rules = (second_site / "assets" / "data" / "eligibility-rules.json").read_text(encoding="utf-8")
    assert "hygiene-board-permit" in rules and "集体食堂在岗管理人员" in rules


def test_no_carbon_word_outside_the_theme(second_site: Path):
    checked, leaks = 0, []
    for path in sorted(second_site.rglob("*")):
        if not path.is_file() or path.suffix not in GENERATED_SUFFIXES or _theme_file(second_site, path):
            continue
        checked += 1
        text = path.read_text(encoding="utf-8", errors="replace")
        if "碳" in text or "carbon" in text.lower():
            leaks.append(path.relative_to(second_site).as_posix())
    assert checked > 20
    assert leaks == []
