"""Programmes side by side: the /compare/ page and the JSON its module reads.

`/compare/?ids=a,b,c` shows the chosen programmes in columns (site_overrides/assets/compare.js);
the selection lives in the URL and nothing else. What a cell says is decided here, once, for both
editions (`editions.Words` says it in each language). The page loads only what it shows: the list of
programmes travels in `assets/data/compare.json` (names and links, no cells), and each programme's
cells in `assets/data/compare/<id>.json`, fetched when it is chosen; the module builds the table with
textContent. Without JavaScript the page shows the example comparison as a static table and links to
every programme's page, so its size grows by one link per programme, not by every programme's cells.

Rows: issuer, levels, a summary of the eligibility rules (per level, each route's conditions),
exam format and pass mark, fees, schedule, next session (from the build date, as the exam
calendar dates it), certificate validity. A fact the source does not publish reads 未公布 / Not
published.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from generator.features.calendar.sessions import next_sessions
from generator.features.eligibility.engine import level_rules
from generator.pages.build import Build
from generator.pages.catalog_pages import fees_by_kind
from generator.source.catalog import Catalog
from generator.source.facts import Qualified, eligibility_facts, fee_fact, schedule_fact
from generator.source.models import Program
from generator.words.editions import EN, ZH, Words

EDITIONS = ("zh", "en")  # generator/site.py: both editions have their own version
PAGE_PATH = "compare/index.md"
DATA_PATH = "assets/data/compare.json"
CELLS_FOLDER = "assets/data/compare"  # one <id>.json per programme
ROWS = ("issuer", "levels", "eligibility", "exam", "fees", "schedule", "next_session", "validity")

TEXT = {
    "zh": {
        "rows": {
            "issuer": "颁证单位", "levels": "级别", "eligibility": "报考条件摘要（每个级别满足其中一条即可；+ 表示须同时满足）", "exam": "考试形式与及格线",
            "fees": "费用", "schedule": "考试时间", "next_session": "下一场考试", "validity": "证书有效期",
        },
        "program": "项目",
        "all_caption": "示例对比（每行一个项目）",
        "title": "项目对比",
        "choose": "选择要对比的项目",
        "caption": "所选项目对比",
        "remove": "移除",
        "remove_named": "移除：{name}",
        "sep": "、",
        "clear": "清空选择",
        "copy_hint": "选择保存在本页网址中，复制网址即可分享。",
        "empty": "尚未选择项目。请在上方勾选两到三个项目。",
        "one": "已选择 1 个项目。再选一个即可并排对比。",
        "selected": "已选择 {count} 个项目：{names}。",
        "unknown": "网址中的以下项目不存在，已忽略：{ids}。",
        "preconditions": "所有级别均须满足",
        "estimated": "按公布的考试规则推算，以主办方通知为准",
        "no_session": "近期没有场次",
        "unpublished_level": "（待定）",
        "add": "加入对比",
        "added": "已加入对比：查看对比（{count} 项）",
        "add_more": "加入对比（已选 {count} 项）",
        "load_error": "对比数据暂时无法加载。下方“示例对比”和“全部项目”的各项目页面列出了同样的信息。",
    },
    "en": {
        "rows": {
            "issuer": "Issuer", "levels": "Levels",
            "eligibility": "Eligibility summary (any one line per level; + means all of these)",
            "exam": "Exam format and pass mark", "fees": "Fees", "schedule": "Exam dates", "next_session": "Next session",
            "validity": "Certificate validity",
        },
        "program": "Programme",
        "all_caption": "Example comparison (one row per programme)",
        "title": "Compare programmes",
        "choose": "Choose programmes to compare",
        "caption": "Chosen programmes side by side",
        "remove": "Remove",
        "remove_named": "Remove: {name}",
        "sep": ", ",
        "clear": "Clear the selection",
        "copy_hint": "The selection is kept in this page's address: copy it to share.",
        "empty": "No programme chosen yet. Tick two or three programmes above.",
        "one": "1 programme chosen. Choose another to compare them side by side.",
        "selected": "{count} programmes chosen: {names}.",
        "unknown": "These programmes in the address do not exist and were ignored: {ids}.",
        "preconditions": "Every level also requires",
        "estimated": "Estimated from the published exam rule; the organiser's notice decides",
        "no_session": "No session soon",
        "unpublished_level": " (not published)",
        "add": "Add to compare",
        "added": "In your comparison: view it ({count})",
        "add_more": "Add to compare ({count} chosen)",
        "load_error": ("The comparison data could not be loaded. “Example comparison” below and the programme pages "
                       "under “All programmes” have the same facts."),
    },
}


def text(words: Words) -> dict:
    return TEXT[words.lang]


@dataclass(frozen=True)
class Line:
    text: str
    lang: str | None = None  # set when the text is in another language than the edition (source wording)

    def to_json(self) -> dict:
        return {"text": self.text, **({"lang": self.lang} if self.lang else {})}


@dataclass(frozen=True)
class Group:
    title: str | None
    lines: tuple[Line, ...]

    def to_json(self) -> dict:
        return {"title": self.title, "lines": [line.to_json() for line in self.lines]}


def _one(*texts: str) -> list[Group]:
    return [Group(None, tuple(Line(t) for t in texts))]


def _source_text(value: str, words: Words) -> Line:
    """Free text from the source: always Chinese."""
    return Line(" ".join(value.split()), None if words.lang == "zh" else "zh-CN")


def qualified_lines(fact: Qualified, value: str, w: Words) -> tuple[Line, ...]:
    """A value, then what travels with it (generator/source/facts.py): the source's condition, our
    reading (marked) and the notes; the Chinese qualifiers are marked as Chinese in the English edition."""
    lines = [Line(value)]
    for label, texts in ((w.source_wording, (fact.condition,)), (w.reading_mark, (fact.reading,)),
                         (w.note_mark, fact.notes)):
        for qualifier in texts:
            if qualifier:
                lines += [Line(label.strip()), _source_text(qualifier, w)] if w.lang != "zh" else \
                    [Line(label + qualifier)]
    return tuple(lines)


def issuer(program: Program, catalog: Catalog, w: Words) -> list[Group]:
    ids = list(dict.fromkeys(ref.body for ref in program.bodies if ref.role == "issuer"))
    if program.certificate and program.certificate.issuer not in ids:
        ids.append(program.certificate.issuer)
    names = [w.name(catalog.bodies[b].name) for b in ids if b in catalog.bodies]
    return _one(*names) if names else _one(w.not_published)


def levels(program: Program, w: Words) -> list[Group]:
    if not program.levels:
        return _one(w.no_levels)
    t = text(w)
    return _one(*(w.name(lv.name) + (t["unpublished_level"] if lv.status == "unpublished" else "")
                  for lv in program.levels))


def eligibility(program: Program, catalog: Catalog, w: Words) -> list[Group]:
    t = text(w)
    groups = []
    notes_of = {fact.level: fact for fact in eligibility_facts(program)}
    for unit in level_rules(program):
        level = next((lv for lv in program.levels if lv.id == unit.level), None)
        title = w.name(level.name) if level else w.all_levels
        if unit.eligibility is None:
            groups.append(Group(title, (Line(w.not_published),)))
            continue
        lines = tuple(dict.fromkeys(
            Line(f"{route.clause} " + w.and_sep.join(w.condition(c, catalog) for c in route.conditions))
            for route in unit.eligibility.routes))
        fact = notes_of.get(unit.level)
        if fact and fact.notes:
            lines += tuple(line for note in fact.notes for line in (
                (Line(w.note_mark + note),) if w.lang == "zh" else (Line(w.note_mark.strip()), _source_text(note, w))))
        groups.append(Group(title, lines))
    if program.preconditions:
        groups.append(Group(t["preconditions"], tuple(Line(w.condition(p.condition, catalog)) for p in program.preconditions)))
    return groups


def exam(program: Program, w: Words) -> list[Group]:
    if program.exam is None:
        return _one(w.not_published)
    e = program.exam
    lines = [w.exam_mode[e.mode], w.pass_mark(e.pass_mark)]
    if e.duration_minutes:
        lines.append(w.minutes(e.duration_minutes))
    return _one(*lines)


def fees(program: Program, w: Words) -> list[Group]:
    # One block of lines per fee (the value, then its qualifiers); a fee stated twice is shown once.
    blocks: list[tuple[Line, ...]] = []
    for kind, found in fees_by_kind(program):
        if not found:
            blocks.append((Line(f"{w.fee_kind[kind]}{'：' if w.lang == 'zh' else ': '}{w.not_published}"),))
        for fee in found:
            scope = ""
            if fee.levels:
                names = {lv.id: w.name(lv.name) for lv in program.levels}
                scope = f"（{w.list_sep.join(names.get(lv, lv) for lv in fee.levels)}）" if w.lang == "zh" else \
                    f" ({w.list_sep.join(names.get(lv, lv) for lv in fee.levels)})"
            blocks.append(qualified_lines(fee_fact(fee), w.fee_line(fee) + scope, w))
    lines = tuple(line for block in dict.fromkeys(blocks) for line in block)
    return [Group(None, lines)] if lines else _one(w.not_published)


def schedule(program: Program, w: Words) -> list[Group]:
    if program.schedule is None:
        return _one(w.not_published)
    rule = w.rule(program.schedule.rule)
    lines = list(qualified_lines(schedule_fact(program), rule[:1].upper() + rule[1:] if w.lang == "en" else rule, w))
    times = program.schedule.times or (program.exam.times if program.exam else ())
    if times:
        lines.insert(1, Line(w.item_sep.join(w.times(s.start, s.end, s.label) for s in times)))
    return [Group(None, tuple(lines))]


def next_session(program: Program, w: Words, today: dt.date) -> list[Group]:
    if program.schedule is None:
        return _one(w.not_published)
    found = next_sessions(program, today, 1)
    if not found:
        return _one(text(w)["no_session"])
    days = w.list_sep.join(w.day(d) for d in found[0].days)
    return _one(days, text(w)["estimated"])


def validity(program: Program, w: Words) -> list[Group]:
    if program.certificate is None or not program.certificate.validity:
        return _one(w.not_published)
    return [Group(None, (_source_text(program.certificate.validity, w),))]


def cells(program: Program, catalog: Catalog, w: Words, today: dt.date) -> dict[str, list[Group]]:
    return {
        "issuer": issuer(program, catalog, w),
        "levels": levels(program, w),
        "eligibility": eligibility(program, catalog, w),
        "exam": exam(program, w),
        "fees": fees(program, w),
        "schedule": schedule(program, w),
        "next_session": next_session(program, w, today),
        "validity": validity(program, w),
    }


def display_name(program: Program, catalog: Catalog, w: Words) -> str:
    """The programme's name, with its family for a specialty (several share a programme's name)."""
    family = catalog.programs.get(program.family) if program.family else None
    if family is None:
        return w.name(program.name)
    return f"{w.name(program.name)}（{w.name(family.name)}）" if w.lang == "zh" else \
        f"{w.name(program.name)} ({w.name(family.name)})"


def ordered(catalog: Catalog) -> list[Program]:
    return sorted(catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id))


def data(catalog: Catalog, w: Words, today: dt.date) -> dict:
    """compare.json: every programme's name and link, the row names and every sentence the module shows."""
    t = text(w)
    other = EN if w.lang == "zh" else ZH
    return {
        "version": 1,
        "lang": w.lang,
        "today": today.isoformat(),
        "rows": [{"id": r, "label": t["rows"][r]} for r in ROWS],
        "text": {k: v for k, v in t.items() if k != "rows"},
        "programs": [
            {
                "id": p.id,
                "name": display_name(p, catalog, w),
                "other_name": {"lang": w.other_lang_tag, "text": other.name(p.name)},
                "type": p.type,
                "url": f"programs/{p.id}/",
            }
            for p in ordered(catalog)
        ],
    }


def program_data(program: Program, catalog: Catalog, w: Words, today: dt.date) -> dict:
    """compare/<id>.json: one programme's cells, loaded when a reader chooses it."""
    return {"id": program.id,
            "cells": {row: [g.to_json() for g in groups] for row, groups in cells(program, catalog, w, today).items()}}


def _json(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def data_json(catalog: Catalog, w: Words, today: dt.date) -> str:
    return _json(data(catalog, w, today))


def compare_url(program_id: str) -> str:
    """The add-to-compare link: a docs-root link MkDocs checks, with the selection in the query."""
    return f"/compare/index.md?ids={program_id}"


def files(build: Build) -> dict[str, str]:
    """The edition's /compare/ page and the data its widget reads."""
    catalog, w, today = build.catalog, build.words, build.today
    programs = ordered(catalog)
    example = list(catalog.site.compare_example or [p.id for p in programs[:2]])
    shown = [catalog.programs[pid] for pid in example]
    page = build.page(
        PAGE_PATH, "compare.md.j2", programs=programs, shown=shown, rows=ROWS, t=text(w), today=today,
        example_ids=",".join(example),
        names={p.id: display_name(p, catalog, w) for p in programs},
        cells={p.id: cells(p, catalog, w, today) for p in shown})
    out = {PAGE_PATH: page, DATA_PATH: data_json(catalog, w, today)}
    for program in programs:
        cells_json = _json(program_data(program, catalog, w, today))
        for pid in (program.id, *program.former_ids):  # a former id's file stays, as the API's does
            out[f"{CELLS_FOLDER}/{pid}.json"] = cells_json
    return out


def template_helpers(build: Build) -> dict[str, dict[str, object]]:
    """The add-to-compare control on programme pages."""
    return {"globals": dict(compare_url=compare_url, compare_text=TEXT[build.words.lang])}
