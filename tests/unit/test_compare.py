"""The compare page's data (generator/features/compare.py): the cells, the JSON the module reads, and the
static table readers without JavaScript get."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from types import MappingProxyType

import pytest

from generator.features import compare
from generator.features.calendar import sessions as ses
from generator.words.editions import EN, ZH

from ..conftest import zh_build

TODAY = dt.date(2026, 11, 21)


def flat(groups) -> list[str]:
    return [(g.title + ": " if g.title else "") + line.text for g in groups for line in g.lines]


@pytest.fixture(scope="module")
def zh_cells(catalog):
    return {pid: compare.cells(p, catalog, ZH, TODAY) for pid, p in catalog.programs.items()}


def test_every_programme_has_every_row(zh_cells):
    for pid, cells in zh_cells.items():
        assert list(cells) == list(compare.ROWS), pid
        assert all(flat(groups) for groups in cells.values()), pid


def test_administrator_facts(zh_cells):
    cells = zh_cells["carbon-emission-administrator"]
    assert flat(cells["issuer"]) == ["中国石油和化学工业联合会"]
    assert any("3900" in line for line in flat(cells["fees"]))
    assert flat(cells["levels"]) == ["四级", "三级", "二级（待定）", "一级（待定）"]
    assert flat(cells["exam"])[:2] == ["线上考试", "60 分及格"]
    assert "三级: ✓2 持有证书：碳排放管理员（四级），持证满 1 年 + 相关工作经验满 1 年（累计）" in flat(cells["eligibility"])
    assert "二级: 未公布 / not published" in flat(cells["eligibility"])


def test_unpublished_facts_read_not_published(zh_cells):
    assert "及格线：未公布 / not published" in flat(zh_cells["carbon-emission-manager"]["exam"])
    # No source publishes how long a certificate stays valid.
    assert all(flat(c["validity"]) == ["未公布 / not published"] for c in zh_cells.values())
    assert "考试费：未公布 / not published" in flat(zh_cells["carbon-asset-manager"]["fees"])


def test_family_rules_and_preconditions(zh_cells):
    eligibility = flat(zh_cells["ceca-carbon-trader"]["eligibility"])  # inherited from the family
    assert "所有级别均须满足: 考前培训学时达标" in eligibility
    assert any(line.startswith("不分级别: 1) 相关工作经验满 3 年") for line in eligibility)


def test_next_session_is_the_calendars(catalog, zh_cells):
    """The cell shows the calendar's next session: the administrator sits on the last weekend of the
    month, and after 21 November 2026 that is 28–29 November."""
    session = ses.next_sessions(catalog.programs["carbon-emission-administrator"], TODAY, 1)[0]
    assert tuple(session.days) == (dt.date(2026, 11, 28), dt.date(2026, 11, 29))
    assert flat(zh_cells["carbon-emission-administrator"]["next_session"])[0] == "2026年11月28日（周六）、2026年11月29日（周日）"


def test_english_cells(catalog):
    cells = compare.cells(catalog.programs["carbon-emission-administrator"], catalog, EN, TODAY)
    # Each fee with the source's condition (marked as Chinese): never a bare "CNY 0" or a bare total.
    assert flat(cells["fees"]) == [
        "Retake fee: CNY 0", "Source wording (Chinese):", "未及格学员，半年内有一次免费补考机会",
        "Training and exam (total): CNY 3900 per person", "Source wording (Chinese):",
        "每个工种、每级收费：3900元/人；费用包含培训费、考试费、证书费"]
    assert cells["fees"][0].lines[2].lang == "zh-CN"
    assert flat(cells["next_session"])[0] == "Sat 28 November 2026, Sun 29 November 2026"
    manager = compare.cells(catalog.programs["carbon-emission-manager"], catalog, EN, TODAY)
    assert "pass mark: Not published" in flat(manager["exam"])


def test_data_file_carries_every_sentence(catalog):
    data = json.loads(compare.data_json(catalog, ZH, TODAY))
    assert data["version"] == 1 and data["lang"] == "zh"
    assert [r["id"] for r in data["rows"]] == list(compare.ROWS)
    assert {p["id"] for p in data["programs"]} == set(catalog.programs)
    for key in ("choose", "caption", "remove", "remove_named", "empty", "one", "selected", "unknown", "sep"):
        assert data["text"][key], key
    program = next(p for p in data["programs"] if p["id"] == "carbon-asset-manager")
    assert program["url"] == "programs/carbon-asset-manager/" and program["other_name"]["lang"] == "en"


# --- the page loads only what it shows (issue #14.3) ------------------------------------------------

# What the theme adds around the page's own HTML (head, header, navigation, footer): the real /compare/
# page is under 60 KB in all, so 200 KB is a generous allowance.
THEME_ALLOWANCE = 200_000


def catalogue_of(catalog, n: int):
    """`catalog` grown to `n` programmes: copies of the real ones under new ids (families stay as they are)."""
    real = list(catalog.programs.values())
    programs = dict(catalog.programs)
    for i in range(n - len(real)):
        model = real[i % len(real)]
        programs[f"{model.id}-copy-{i}"] = model.model_copy(update={"id": f"{model.id}-copy-{i}"})
    return dataclasses.replace(catalog, programs=MappingProxyType(programs))


def test_the_page_stays_under_one_megabyte_at_a_thousand_programmes(catalog):
    big = catalogue_of(catalog, 1000)
    files = compare.files(zh_build(big, TODAY))
    page = files[compare.PAGE_PATH].encode()
    assert len(page) + THEME_ALLOWANCE < 1_000_000, len(page)
    # Every programme is still reachable without JavaScript: a link to its page.
    assert all(f'href="../programs/{pid}/"' in files[compare.PAGE_PATH] for pid in big.programs)
    # The list the module reads carries names, not cells; each programme's cells are their own file.
    index = json.loads(files[compare.DATA_PATH])
    assert len(index["programs"]) == 1000 and not any("cells" in p for p in index["programs"])
    assert len(files[compare.DATA_PATH].encode()) < 300_000
    assert {f"{compare.CELLS_FOLDER}/{pid}.json" for pid in big.programs} <= set(files)


def test_the_static_table_is_the_example_comparison(catalog):
    files = compare.files(zh_build(catalog, TODAY))
    page = files[compare.PAGE_PATH]
    example = catalog.site.compare_example or [p.id for p in compare.ordered(catalog)[:2]]
    rows = [line for line in page.splitlines() if line.startswith('<tr><th scope="row">')]
    assert [re.search(r'programs/([a-z0-9-]+)/', r).group(1) for r in rows] == list(example)
    cells = json.loads(files[f"{compare.CELLS_FOLDER}/carbon-emission-administrator.json"])
    assert cells["id"] == "carbon-emission-administrator"
    assert "未及格学员，半年内有一次免费补考机会" in json.dumps(cells["cells"]["fees"], ensure_ascii=False)
