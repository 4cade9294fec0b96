"""Corrections of issue #12.3: each checks what the reader sees on the generated pages, both editions."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from generator.features.eligibility import page as eligibility_page
from generator.pages import catalog_pages

from ..conftest import en_build, zh_build

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def pages(catalog):
    """Both editions' catalogue pages and eligibility page, by edition."""
    out = {}
    for lang, make in (("zh", zh_build), ("en", en_build)):
        build = make(catalog, TODAY)
        out[lang] = {**catalog_pages.files(build), **eligibility_page.files(build)}
    return out


def undated(catalog):
    return [p for p in catalog.policies.values() if p.date is None]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_undated_policies_show_not_published_never_year_zero(catalog, pages, lang):
    assert undated(catalog), "the real data has undated policies"
    for path in ("policies/index.md", "policies/timeline.md",
                 *(f"programs/{p.id}.md" for p in catalog.programs.values() if p.policies)):
        text = pages[lang][path]
        assert not re.search(r"\b0年|\(0\)|（0）|\b0000\b|\| 0 \|", text), path
    listing = pages[lang]["policies/index.md"]
    for policy in undated(catalog):
        row = next(line for line in listing.splitlines() if f"/policies/{policy.id}.md" in line)
        assert "未公布" in row or "not published" in row.lower()


def test_undated_policies_sort_last_on_the_timeline(catalog, pages):
    lines = [line for line in pages["zh"]["policies/timeline.md"].splitlines() if line.startswith("- **")]
    undated_ids = {p.id for p in undated(catalog)}
    flags = [any(f"/policies/{pid}.md" in line for pid in undated_ids) for line in lines]
    assert flags == sorted(flags), "undated policies come after every dated one"
    assert sum(flags) == len(undated_ids)


def glance_bodies(page: str) -> str:
    return next(line for line in page.splitlines() if line.startswith("| 颁证/主办 |"))


def test_sink_evaluator_ceca_is_guide_and_issuer_not_supervisor(pages):
    row = glance_bodies(pages["zh"]["programs/carbon-sink-evaluator.md"])
    assert "（指导单位）" in row and "（颁证单位）" in row and "评价监督" not in row
    assert "中企工培（北京）教育咨询有限责任公司](/bodies/zqgp.md)（主办单位）" in row


def test_asset_manager_ceca_hosts_and_zqgp_organises(pages):
    row = glance_bodies(pages["zh"]["programs/carbon-asset-manager.md"])
    assert "[中国节能协会](/bodies/ceca.md)（主办单位）" in row
    assert "(/bodies/zqgp.md)（承办" in row and "主办/承办" not in row


def test_a_question_total_added_up_from_the_parts_says_so(pages):
    assert "| 题量 | 45 题（30+10+5，按各题型题数相加） |" in pages["zh"]["programs/carbon-emission-manager.md"]
    assert "| Number of questions | 45 (30+10+5, added up from the question types) |" in \
        pages["en"]["programs/carbon-emission-manager.md"]
    # A published total stays as published.
    assert "| 题量 | 100 |" in pages["zh"]["programs/carbon-emission-administrator.md"]


def test_english_names_say_whether_a_source_gives_them(catalog, pages):
    for program in catalog.programs.values():
        for lang, given, ours in (("zh", "英文名取自来源", "英文名为本目录译名"),
                                  ("en", "English name as the source gives it", "English name: our translation")):
            text = pages[lang][f"programs/{program.id}.md"]
            assert (given if program.name.en_source else ours) in text, (lang, program.id)
    assert catalog.programs["carbon-sink-evaluator"].name.en_source is not None
    assert catalog.programs["carbon-emission-manager"].name.en_source is None


@pytest.mark.parametrize("pid", ["ceca-carbon-reduction", "ceca-carbon-trader", "ceca-carbon-emission-manager"])
def test_ceca_family_and_specialties_show_the_ceca_certificate(pages, pid):
    text = pages["zh"][f"programs/{pid}.md"]
    section = text.split("{#certificate", 1)[1].split("\n## ", 1)[0]
    assert "| 证书名称 | 碳减排领域专业技能岗位证书" in section
    assert "[中国节能协会](/bodies/ceca.md)" in section
    assert "www.cecawebt.com" in section and "www.cecaweb.org.cn" in section
    assert "证书：未公布" not in section


def test_ceca_emission_manager_cites_the_sample_senior_certificate(pages):
    text = pages["zh"]["programs/ceca-carbon-emission-manager.md"]
    assert "碳排放管理师（高级）" in text and "2021年12月28日" in text
    assert "PART05 证书样本" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_specialties_and_namesake_programmes_say_how_they_relate(pages, lang):
    document = "单独资料" if lang == "zh" else "own document"
    namesake = "不是同一个项目" if lang == "zh" else "different programmes"
    for path in ("programs/carbon-sink-evaluator.md", "programs/ceca-carbon-sink-evaluator.md",
                 "programs/carbon-asset-manager.md", "programs/ceca-carbon-asset-manager.md"):
        assert document in pages[lang][path].split("{#relations", 1)[1].split("\n## ", 1)[0], path
    for path in ("programs/carbon-emission-manager.md", "programs/ceca-carbon-emission-manager.md"):
        assert namesake in pages[lang][path].split("{#relations", 1)[1].split("\n## ", 1)[0], path
    for path in ("programs/index.md", "eligibility/index.md"):
        section = pages[lang][path].split("{#relations", 1)[1].split("\n#", 1)[0]
        assert section.count("\n- ") == 3, path
    assert "{#relations" not in pages[lang]["programs/carbon-emission-administrator.md"]
