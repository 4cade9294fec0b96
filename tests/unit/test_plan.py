"""The plan feature's data (generator/features/plan.py): fees keep their conditions, the photo rules a
browser can check are read from the source's words, and each edition has its own page and files."""

from __future__ import annotations

import datetime as dt
import json

from generator.features import plan
from generator.words.editions import EN, ZH
from tests.conftest import en_build, zh_build

TODAY = dt.date(2026, 11, 21)


def test_fees_keep_their_conditions(catalog):
    data = plan.program_data(catalog.programs["carbon-emission-administrator"], catalog, ZH)
    fees = {fee["kind"]: fee for fee in data["fees"]}
    assert set(fees) == {"package", "retake"}  # the package covers the exam and training fees
    package, retake = fees["package"], fees["retake"]
    assert package["amount"] == "3900 元/人"
    assert package["condition"] == "每个工种、每级收费：3900元/人；费用包含培训费、考试费、证书费"
    assert package["reading"] == "费用包含培训费、考试费、证书费"
    # A free retake says so with its condition, never a bare 0.
    assert retake["amount"] == "免费"
    assert "0" not in retake["amount"]
    assert retake["condition"] == "未及格学员，半年内有一次免费补考机会"
    assert retake["source"] == {"file": "003_e294aabf07463324.txt", "section": "考试与证书 · 考试",
                                "label": "碳排放管理员介绍资料 · 考试与证书 · 考试"}


def test_fee_kinds_the_source_is_silent_on_are_not_published(catalog):
    fees = {fee["kind"]: fee for fee in plan.program_data(catalog.programs["carbon-sink-evaluator"], catalog, ZH)["fees"]}
    assert fees["exam"] == {"kind": "exam", "label": "考试费", "amount": "未公布 / not published", "levels": [], "condition": None,
                            "reading": None, "source": None}
    assert fees["training"]["amount"] == ZH.not_published
    assert fees["retake"]["amount"] == "100 元/次"
    assert fees["retake"]["reading"] is None  # no reading to add to a single fee's wording


def test_fee_without_amount_is_not_published(catalog):
    program = catalog.programs["carbon-emission-administrator"]
    fee = program.fees[0].model_copy(update={"amount": None, "covers": ()})
    entry = plan._fee(fee, catalog, EN)
    assert entry["amount"] == "Not published"
    assert entry["reading"] is None
    assert entry["condition"] == " ".join(fee.text.split())


def test_plan_data_cites_sources_by_title_and_keeps_the_file_name(catalog):
    data = plan.program_data(catalog.programs["carbon-sink-evaluator"], catalog, ZH)
    source = data["registration"]["source"]
    assert source["file"] == "000_5c4945766cffce33.txt"
    assert source["label"].startswith("《") and "000_" not in source["label"]
    assert source["label"].endswith(f" · {source['section']}")


def test_photo_check_reads_pixel_size_and_format_from_the_source(catalog):
    check = plan.photo_check(catalog.programs["carbon-sink-evaluator"])
    assert check["size"] == {"width": 480, "height": 640, "rule": "宽480px高640px（人物比例如图）"}
    assert check["format"]["extension"] == "jpg"
    assert check["format"]["type"] == "image/jpeg"
    assert "姓名_身份证号.jpg" in check["format"]["rule"]


def test_photo_check_only_what_the_source_states(catalog):
    # 004 names a .jpg file but gives a print size (一寸): a format check and no pixel size.
    manager = plan.photo_check(catalog.programs["carbon-emission-manager"])
    assert set(manager) == {"format"}
    # 001 gives only 二寸: nothing a browser can measure.
    assert plan.photo_check(catalog.programs["carbon-asset-manager"]) is None


def test_level_choices_follow_the_edition(catalog):
    program = catalog.programs["carbon-emission-administrator"]
    assert [lv["name"] for lv in plan.level_choices(program, ZH)] == ["四级", "三级", "二级", "一级"]
    assert plan.level_choices(program, EN)[0] == {"id": "level-4", "name": "Level 4"}
    reduction = catalog.programs["ceca-carbon-reduction"]
    assert plan.level_choices(reduction, ZH) == [{"id": "all", "name": "不分级别"}]
    assert plan.level_choices(reduction, EN) == [{"id": "all", "name": EN.all_levels}]


def test_each_edition_writes_its_page_and_data(catalog):
    zh = plan.files(zh_build(catalog, TODAY))
    en = plan.files(en_build(catalog, TODAY))
    for files, words in ((zh, ZH), (en, EN)):
        assert plan.PAGE_PATH in files
        assert words.plan["title"] in files[plan.PAGE_PATH]
        assert f"{plan.DATA_DIR}/carbon-sink-evaluator.json" in files
        data = json.loads(files[f"{plan.DATA_DIR}/carbon-sink-evaluator.json"])
        assert data["lang"] == words.lang
        assert data["text"]["fees"] == words.plan["fees"]
        assert data["calendar"]["prodid"].startswith("-//")
    # Every programme has its file; the page links each level's plan.
    assert {f"{plan.DATA_DIR}/{pid}.json" for pid in catalog.programs} <= set(zh)
    assert plan.plan_url("carbon-sink-evaluator", "junior") in zh[plan.PAGE_PATH]
    assert "/eligibility/index.md" in zh[plan.PAGE_PATH]


def test_english_words_have_every_chinese_key():
    assert set(EN.plan) == set(ZH.plan)
    assert set(EN.plan["fee_parts"]) == set(ZH.plan["fee_parts"])
