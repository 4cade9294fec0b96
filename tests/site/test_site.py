"""The real catalogue, built strictly: every page is there, and the sources' facts reach it."""

from __future__ import annotations

import re

import pytest

from generator.words.phrases import source_label

from ..conftest import folded, page_text


def test_every_permanent_url_is_built(built_site, catalog):
    expected = ["programs", "policies", "policies/timeline", "bodies", "glossary", "syllabi"]
    expected += [f"programs/{pid}" for pid in catalog.programs]
    expected += [f"policies/{pid}" for pid in catalog.policies]
    expected += [f"bodies/{bid}" for bid in catalog.bodies]
    expected += [f"syllabi/{sid}" for sid in catalog.syllabi]
    expected += [f"syllabi/{s.program}" for s in catalog.syllabi.values()]
    missing = [url for url in expected if not (built_site / url / "index.html").is_file()]
    assert not missing


def test_pages_are_chinese_first(built_site):
    html = (built_site / "programs/carbon-asset-manager/index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]+lang="zh"', html)
    assert 'lang="en">Carbon Asset Manager<' in html


def test_syllabus_anchors_are_explicit_ascii_ids(built_site, catalog):
    for syllabus in catalog.syllabi.values():
        html = (built_site / "syllabi" / syllabus.id / "index.html").read_text(encoding="utf-8")
        for unit in syllabus.units:
            assert f'id="{unit.id}"' in html, (syllabus.id, unit.id)
            for topic in unit.topics:
                assert f'id="{topic.id}"' in html, (syllabus.id, topic.id)


def test_every_source_fact_reaches_its_programme_page(built_site, catalog):
    """Levels, clauses, schedules, fees, materials, certificate checks: all on the page, with sources."""
    for program in catalog.programs.values():
        text = page_text(built_site, f"programs/{program.id}")
        wanted = [program.name.zh, program.summary]
        for level in program.levels:
            wanted.append(level.name.zh)
            if level.eligibility:
                wanted += [route.text for route in level.eligibility.routes]
        if program.eligibility:
            wanted += [route.text for route in program.eligibility.routes]
        wanted += [p.text for p in program.preconditions]
        if program.schedule:
            wanted += [program.schedule.text, program.schedule.reading]
        wanted += [fee.text for fee in program.fees]
        wanted += [step.text for step in program.timeline]
        if program.registration:
            wanted += list(program.registration.materials) + list(program.registration.photo_rules)
        if program.certificate:
            wanted += [v.method for v in program.certificate.verification]
        if program.exam:
            wanted.append(program.exam.text)
        wanted += [source_label(s, catalog.sources) for s in program.sources]  # by title (content/sources.yaml)
        missing = [w for w in wanted if folded(w) not in text]
        assert not missing, (program.id, missing[:3])


def test_every_syllabus_row_is_on_its_page(built_site, catalog):
    for syllabus in catalog.syllabi.values():
        text = page_text(built_site, f"syllabi/{syllabus.id}")
        rows = [t.name for u in syllabus.units for t in u.topics] + [
            p.text for u in syllabus.units for t in u.topics for p in t.points]
        assert not [r for r in rows if folded(r) not in text], syllabus.id
        assert folded(source_label(syllabus.source, catalog.sources)) in text


def test_policies_list_the_programmes_that_cite_them(built_site, catalog):
    for policy in catalog.policies.values():
        text = page_text(built_site, f"policies/{policy.id}")
        assert folded(policy.title) in text
        for pid in catalog.citing_programs.get(policy.id, ()):
            assert catalog.programs[pid].name.zh in text, (policy.id, pid)


def test_bodies_list_their_programmes(built_site, catalog):
    for body in catalog.bodies.values():
        text = page_text(built_site, f"bodies/{body.id}")
        for pid, _role in catalog.body_programs.get(body.id, ()):
            assert catalog.programs[pid].name.zh in text


@pytest.mark.parametrize(
    ("url", "facts"),
    [
        ("programs/carbon-emission-administrator", ["4-09-07-04", "3900", "中国石油和化学工业联合会", "待定"]),
        ("programs/carbon-emission-manager", ["单选题 30 道，每题 1 分", "ks.kszx365.com", "第四周周六"]),
        ("programs/carbon-sink-evaluator", ["100元/次", "www.cecawebt.com", "来源之间不一致"]),
        ("programs/carbon-asset-manager", ["9:00-11:00", "60 分", "第三周周末"]),
        ("programs/ceca-carbon-reduction", ["考前培训学时达标", "碳资产管理师"]),
        ("programs/ceca-carbon-asset-manager", ["碳资产管理师", "从事能源、节能减排、环境管理等相关工作满 3 年及以上"]),
    ],
)
def test_spot_checks_of_seed_facts(built_site, url, facts):
    text = page_text(built_site, url)
    missing = [fact for fact in facts if fact not in text]
    assert not missing


def test_unpublished_facts_say_so(built_site):
    text = page_text(built_site, "programs/carbon-emission-manager")
    # 004 publishes no pass mark for the MIIT programme.
    assert re.search(r"及格线 未公布 / not published", text)


def primary_nav(html: str) -> str:
    """The primary navigation, without the table of contents Material nests under the current page."""
    start = html.index('<nav class="md-nav md-nav--primary"')
    kept, depth, skipping_at, last = [], 0, None, start
    for tag in re.finditer(r"<nav\b[^>]*>|</nav>", html[start:]):
        i, j = start + tag.start(), start + tag.end()
        if tag.group().startswith("</"):
            depth -= 1
            if skipping_at is not None and depth == skipping_at:
                skipping_at, last = None, j
            elif depth == 0:
                kept.append(html[last:j])
                break
        else:
            if skipping_at is None and "md-nav--secondary" in tag.group():
                kept.append(html[last:i])
                skipping_at = depth
            depth += 1
    return "".join(kept)


def test_navigation_does_not_grow_with_the_catalogue(built_site, catalog):
    """No page embeds a link to every programme in its navigation: every page has the same items."""
    items = []
    for url in ["", "programs/carbon-asset-manager", "policies/gf-2021-23"]:
        html = (built_site / url / "index.html").read_text(encoding="utf-8")
        nav = primary_nav(html)
        assert not [pid for pid in catalog.programs if f"programs/{pid}/" in nav]
        items.append(frozenset(re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', nav, re.S)))
    assert len(set(items)) == 1 and len(items[0]) < 20


def test_generation_needs_no_mkdocs(tmp_path):
    """`catalog generate` writes the page tree for any engine, without importing MkDocs."""
    import subprocess
    import sys

    from ..conftest import ROOT

    out = tmp_path / "tree"
    code = (
        "import sys; from generator.cli import main; rc = main(['--root', sys.argv[1], 'generate', sys.argv[2]]);"
        "print('mkdocs' in sys.modules); sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code, str(ROOT), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")
    assert (out / "index.md").is_file() and (out / "programs/carbon-asset-manager.md").is_file()
    assert "{#eligibility" in (out / "programs/carbon-asset-manager.md").read_text(encoding="utf-8")
