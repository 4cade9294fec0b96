"""The level ladder on the built pages: an ordered list in a captioned figure, both editions."""

from __future__ import annotations

import re

from ..conftest import page_text


def ladder_html(built_site, url):
    html = (built_site / url / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<figure class="catalog-ladder">.*?</figure>', html, re.DOTALL)
    assert found, url
    return found.group(0)


def test_the_ladder_is_an_ordered_list_in_a_figure_with_a_caption(built_site):
    figure = ladder_html(built_site, "programs/carbon-emission-administrator")
    assert "<figcaption>" in figure and "<ol class=\"catalog-ladder__rungs\">" in figure
    items = re.findall(r'<p class="catalog-ladder__level"><a href="#([a-z0-9-]+)">', figure)
    assert items == ["level-4", "level-3", "level-2", "level-1"]
    assert "持有证书：碳排放管理员（四级），持证满 1 年；相关工作经验满 1 年（累计）" in figure
    assert "已取得碳排放管理员职业能力等级四级证书后累计从事相关工作满1年" in figure  # the clause itself
    assert figure.count("本级别报考条件未公布") == 2


def test_ladder_on_ceca_and_family_pages(built_site):
    figure = ladder_html(built_site, "programs/carbon-asset-manager")
    # The scheme's members, from the registry (content/schemes.yaml), travel with the requirement.
    also = "碳资产管理师、碳汇计量评估师的证书也属此类"
    assert f"持有证书：中国节能协会碳减排领域证书（初级）；{also}；相关工作经验满 1 年（累计）" in figure
    assert f"持有证书：中国节能协会碳减排领域证书（中级）；{also}；相关工作经验满 1 年（累计）" in figure
    text = page_text(built_site, "programs/ceca-carbon-reduction")
    assert "本项目原文未分级别，没有级别阶梯" in text


def test_english_ladder(built_site):
    figure = ladder_html(built_site, "en/programs/carbon-emission-administrator")
    assert "Level 4 → Level 3 → Level 2 → Level 1" in figure
    assert ("Holds: Carbon Emission Administrator certificate (Level 4), held for at least 1 year; "
            "Related work experience of at least 1 year (cumulative)") in figure
    assert '<span lang="zh-CN">已取得碳排放管理员职业能力等级四级证书后累计从事相关工作满1年</span>' in figure
