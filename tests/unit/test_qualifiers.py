"""A fact travels with its qualifiers (issue #12.2), as a property over the whole catalogue: for every
fact that carries a condition, a reading or a note (generator/source/facts.py), every view that shows
the fact shows them too: the programme page in both editions, /compare/ (its data and its static
table, both editions), the Atom feed, the .ics feeds, the JSON-LD and the API."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator.features import compare
from generator.features.calendar import pages as calendar_pages
from generator.pages import catalog_pages
from generator.publish import ctdl, feed, jsonld, opendata
from generator.source.facts import Qualified, eligibility_facts, fee_facts, schedule_fact

from ..conftest import en_build, parse_ics, zh_build

TODAY = dt.date(2026, 11, 21)


def folded(text: str) -> str:
    # Markdown escapes (\_ \*) and whitespace do not change what the reader reads.
    return " ".join(str(text).replace("\\", "").split())


def every_fact(catalog) -> list[tuple[str, Qualified]]:
    found = []
    for program in catalog.programs.values():
        facts = [*fee_facts(program), schedule_fact(program), *eligibility_facts(program)]
        found += [(program.id, f) for f in facts if f is not None and f.qualifiers]
    return found


def views(catalog) -> dict[str, dict[str, object]]:
    """Each view's output, as a function of (programme id, fact kind) → the text it shows, or None where
    the view does not show facts of that kind for that programme."""
    zh, en = zh_build(catalog, TODAY), en_build(catalog, TODAY)
    pages = {"zh": catalog_pages.files(zh), "en": catalog_pages.files(en)}
    compare_files = {"zh": compare.files(zh), "en": compare.files(en)}
    compare_data = {lang: {pid: json.loads(files[f"{compare.CELLS_FOLDER}/{pid}.json"]) for pid in catalog.programs}
                    for lang, files in compare_files.items()}
    compare_pages = {lang: files[compare.PAGE_PATH] for lang, files in compare_files.items()}
    entries = {e.id.split("/")[1]: e.summary for e in feed.entries(catalog, None) if e.category == "program"}
    calendars = dict(calendar_pages.files(zh))
    ld = jsonld.JsonLd(catalog, TODAY, None)
    api = dict(opendata.files(zh))

    def ics_descriptions(pid: str) -> str | None:
        data = calendars.get(f"calendar/{pid}.ics")
        if data is None:
            return None
        events = [str(c.get("DESCRIPTION")) for c in parse_ics(data).walk("VEVENT") if c.get("CATEGORIES")]
        exams = [d for d in events if d.startswith(("级别", "形式", "时间", "原文"))]
        return " ".join(exams) or None

    def ld_offers(pid: str) -> str | None:
        offers = [o for block in ld.program_blocks(catalog.programs[pid]) for o in block.get("offers", ())]
        return json.dumps(offers, ensure_ascii=False) if offers else None

    def ld_events(pid: str) -> str | None:
        events = ld.calendar_blocks(catalog.programs[pid]) if catalog.programs[pid].schedule else []
        return json.dumps(events, ensure_ascii=False) if events else None

    def api_detail(pid: str) -> str:
        return json.dumps(json.loads(api[f"{opendata.API_ROOT}/programs/{pid}.json"]), ensure_ascii=False)

    def compare_cells(lang: str, row: str):
        return lambda pid: json.dumps(compare_data[lang][pid]["cells"][row], ensure_ascii=False)

    def compare_table(lang: str):
        # The static table shows the example's programmes only; the others are links there.
        return lambda pid: next((line for line in compare_pages[lang].splitlines()
                                 if line.startswith("<tr>") and f"../programs/{pid}/\"" in line), None)

    return {
        "page zh": {kind: (lambda pid: pages["zh"][f"programs/{pid}.md"]) for kind in ("fee", "schedule", "eligibility")},
        "page en": {kind: (lambda pid: pages["en"][f"programs/{pid}.md"]) for kind in ("fee", "schedule", "eligibility")},
        "compare zh": {"fee": compare_cells("zh", "fees"), "schedule": compare_cells("zh", "schedule"),
                       "eligibility": compare_cells("zh", "eligibility")},
        "compare en": {"fee": compare_cells("en", "fees"), "schedule": compare_cells("en", "schedule"),
                       "eligibility": compare_cells("en", "eligibility")},
        "compare table zh": {kind: compare_table("zh") for kind in ("fee", "schedule", "eligibility")},
        "compare table en": {kind: compare_table("en") for kind in ("fee", "schedule", "eligibility")},
        "feed": {"fee": entries.get, "schedule": entries.get},
        "ics": {"schedule": ics_descriptions},
        "json-ld": {"fee": ld_offers, "schedule": ld_events},
        "api": {"fee": api_detail, "schedule": api_detail},
    }


def dropped(catalog) -> list[str]:
    """Every (view, programme, qualifier) where the view shows the fact without the qualifier."""
    missing = []
    for name, by_kind in views(catalog).items():
        for pid, fact in every_fact(catalog):
            show = by_kind.get(fact.kind)
            text = show(pid) if show else None
            if text is None:
                continue
            text = folded(text)
            missing += [f"{name} {pid} {fact.kind}: {q[:30]}" for q in fact.qualifiers if folded(q) not in text]
    return missing


def test_the_catalogue_has_qualified_facts_of_every_kind(catalog):
    kinds = {fact.kind for _, fact in every_fact(catalog)}
    assert kinds == {"fee", "schedule", "eligibility"}
    conditions = {fact.condition for _, fact in every_fact(catalog)}
    assert "每个工种、每级收费：3900元/人；费用包含培训费、考试费、证书费" in conditions
    assert "未及格学员，半年内有一次免费补考机会" in conditions


def test_every_view_shows_every_qualifier_of_every_fact_it_shows(catalog):
    shown = {name: [pid for pid, fact in every_fact(catalog) if by_kind.get(fact.kind) and by_kind[fact.kind](pid)]
             for name, by_kind in views(catalog).items()}
    assert all(shown.values()), "every view shows some qualified fact"
    assert dropped(catalog) == []


def test_a_view_that_drops_a_qualifier_is_caught(catalog, monkeypatch):
    # The mutation: compare's cells without what travels with each value.
    monkeypatch.setattr(compare, "qualified_lines", lambda fact, value, w: (compare.Line(value),))
    missing = dropped(catalog)
    assert any(m.startswith("compare zh carbon-emission-administrator fee: 未及格学员") for m in missing)
    assert any(m.startswith("compare en ceca-carbon-reduction schedule") for m in missing)


def test_a_feed_that_drops_the_reading_is_caught(catalog, monkeypatch):
    monkeypatch.setattr(feed, "qualified_text", lambda fact, value, with_notes=False: value)
    assert any(m.startswith("feed carbon-asset-manager schedule") for m in dropped(catalog))


def test_levels_marked_to_be_decided_state_no_facts(catalog):
    """003's 二级 and 一级 are 待定: no offers, dates, issuer or rules in JSON-LD, CTDL or the API."""
    program = catalog.programs["carbon-emission-administrator"]
    pending = [lv for lv in program.levels if lv.status == "unpublished"]
    assert [lv.id for lv in pending] == ["level-2", "level-1"]
    ld = jsonld.JsonLd(catalog, TODAY, None)
    for level in pending:
        block = ld.credential(program, level)
        assert not {"offers", "recognizedBy", "validFor", "competencyRequired", "occupationalCategory"} & set(block)
        assert "待定" in block["description"]
    export = ctdl.CtdlExport(catalog, None)
    for level in pending:
        item = export.credential(program, level)
        assert item["cc:eligibilityStatus"] == "unpublished"
        assert not {"ceterms:estimatedCost", "ceterms:requires", "ceterms:ownedBy", "ceterms:offeredBy",
                    "ceterms:occupationType"} & set(item)
    assert "ceterms:estimatedCost" in export.credential(program, program.levels[0])
    api = json.loads(dict(opendata.files(zh_build(catalog, TODAY)))[f"{opendata.API_ROOT}/programs.json"])["programs"]
    levels = next(p for p in api if p["id"] == program.id)["levels"]
    assert [lv["eligibility_routes"] for lv in levels if lv["status"] == "unpublished"] == [0, 0]
    # A published level keeps its offers: the mutation above would be caught.
    assert "offers" in ld.credential(program, program.levels[0])


def test_the_feed_invents_no_day_for_a_month_only_date(catalog):
    entries = {e.id.rsplit("/", 1)[1]: e for e in feed.entries(catalog, None) if e.category == "policy"}
    month_only = [p for p in catalog.policies.values() if p.date and len(p.date) < 10]
    assert month_only
    for policy in month_only:
        entry = entries[policy.id]
        assert entry.published is None
        assert entry.updated.startswith(policy.last_verified.isoformat())
    day = next(p for p in catalog.policies.values() if p.date and len(p.date) == 10)
    assert entries[day.id].published.startswith(day.date)



@pytest.mark.parametrize(("edition", "reading", "left_open"), [
    ("zh", "按本目录理解，不含{excluded}", "是否包括{unclear}，原文未写明"),
    ("en", "our reading: not {excluded}", "whether {unclear} counts is not stated"),
])
def test_an_education_clause_is_read_alike_in_both_editions(edition, reading, left_open):
    """The levels a clause is read to leave out, and the ones it leaves open, are one reading
    (EducationCondition.read_as_excluded) that each edition words."""
    from generator.source.models import Condition, EducationCondition
    from generator.words.editions import EN, ZH

    edu = EducationCondition(minimum="high_school", unclear=("master",),
                             admits=("high_school", "associate", "bachelor", "double_bachelor", "doctorate"))
    assert edu.read_as_excluded == ("secondary_vocational",)  # master is left open, not read as excluded
    words = {"zh": ZH, "en": EN}[edition]
    text = words.condition(Condition(education=edu))
    assert reading.format(excluded=words.education["secondary_vocational"]) in text
    assert left_open.format(unclear=words.education["master"]) in text
