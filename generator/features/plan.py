"""After "can I apply?": the plan page /plan/ and the facts its modules show, per programme.

`/plan/?<profile query>&pick=<program>:<level>[:<session date>]` is a printable checklist for one
pick: the materials, the photo specification (and a photo check in the browser), the fees with
their conditions, the dates that matter and where to register, as the sources say. The self-check
widget's result for a level one can apply for shows the same facts in short (site_overrides/assets/
plan/nextsteps.js). Both read `assets/data/plan/<id>.json`, written here from the programme model
once per edition; the dates come from the exam calendar's module (assets/calendar/sessions.js).

A fact travels with its qualifiers: a fee always carries the source's wording of its condition, and
our reading of it is marked as a reading; a rule the source does not give reads 未公布 / Not published.
"""

from __future__ import annotations

import json
import re

from generator.features.calendar.ics import prodid
from generator.features.eligibility.engine import level_rules
from generator.pages.build import Build
from generator.pages.catalog_pages import fees_by_kind
from generator.source.catalog import Catalog
from generator.source.facts import fee_fact
from generator.source.models import Fee, Note, Program, Source
from generator.words.editions import Words
from generator.words.phrases import source_label

EDITIONS = ("zh", "en")  # generator/site.py: both editions have their own page and data
PAGE_PATH = "plan/index.md"
DATA_DIR = "assets/data/plan"

# The photo rules a browser can check, read from the source's wording (registration.photo_size and
# photo_rules): a pixel size such as 宽480px高640px, and a file format named in a file-name rule such
# as 姓名_身份证号.jpg. A rule worded only in print sizes (一寸, 二寸) has nothing to measure.
PIXEL_SIZE = re.compile(r"宽\s*(\d+)\s*px\s*高\s*(\d+)\s*px", re.IGNORECASE)
FILE_FORMAT = re.compile(r"\.(jpe?g|png)\b", re.IGNORECASE)
FORMAT_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png"}


def _source(source: Source, catalog: Catalog) -> dict:
    """The file name stays in the data; readers see the label: the source's title and section."""
    return {"file": source.file, "section": source.section, "label": source_label(source, catalog.sources)}


def _notes(notes: tuple[Note, ...], w: Words) -> list[dict]:
    return [{"kind": n.kind, "label": w.note_kind[n.kind][1], "text": n.text} for n in notes]


def _fee(fee: Fee, catalog: Catalog, w: Words) -> dict:
    """A fee with the source's wording of its condition; a free fee says so with its condition, never
    a bare 0."""
    words = w.plan
    if fee.amount is None:
        amount = w.not_published
    elif fee.amount == 0:
        amount = words["free"]
    else:
        amount = w.amount(fee)
    reading = None
    if fee.kind == "package" and fee.covers:
        reading = words["covers"].format(items=w.list_sep.join(words["fee_parts"][c] for c in fee.covers))
    return {
        "kind": fee.kind, "label": w.fee_kind[fee.kind], "amount": amount, "levels": list(fee.levels),
        "condition": fee_fact(fee).condition, "reading": reading, "source": _source(fee.source, catalog),
    }


def fee_entries(program: Program, catalog: Catalog, w: Words) -> list[dict]:
    """Every fee kind a candidate asks about, as the programme page lists them: a kind the source does
    not publish reads 未公布 / Not published."""
    return [
        _fee(fee, catalog, w) for kind, fees in fees_by_kind(program) for fee in fees
    ] + [
        {"kind": kind, "label": w.fee_kind[kind], "amount": w.not_published, "levels": [], "condition": None,
         "reading": None, "source": None}
        for kind, fees in fees_by_kind(program) if not fees
    ]


def photo_check(program: Program) -> dict | None:
    """The photo rules a browser can check, each with the source's words it was read from."""
    registration = program.registration
    if registration is None:
        return None
    check: dict = {}
    size = PIXEL_SIZE.search(registration.photo_size or "")
    if size:
        check["size"] = {"width": int(size.group(1)), "height": int(size.group(2)), "rule": registration.photo_size}
    for rule in registration.photo_rules:
        found = FILE_FORMAT.search(rule)
        if found:
            extension = found.group(1).lower()
            check["format"] = {"extension": extension, "type": FORMAT_TYPES[extension], "rule": rule}
            break
    return check or None


def program_data(program: Program, catalog: Catalog, w: Words) -> dict:
    """Everything the plan page and the next-steps block show for one programme, in the edition's words."""
    registration = program.registration
    register_steps = [
        {"label": w.step_label(step), "text": step.text, "source": _source(step.source, catalog)}
        for step in program.timeline if step.kind in ("registration_close", "review")
    ]
    return {
        "version": 1,
        "lang": w.lang,
        "id": program.id,
        "name": w.name(program.name),
        "url": f"programs/{program.id}/",
        "levels": level_choices(program, w),
        "fees": fee_entries(program, catalog, w),
        "registration": None if registration is None else {
            "materials": list(registration.materials),
            "submission": registration.submission,
            "photo_rules": list(registration.photo_rules),
            "photo_size": registration.photo_size,
            "source": _source(registration.source, catalog),
            "notes": _notes(registration.notes, w),
        },
        "photo_check": photo_check(program),
        "register_steps": register_steps,
        # The browser's .ics names its maker as the published feeds do.
        "calendar": {"prodid": prodid(catalog.site.id)},
        "links": [{"url": link.url, "text": link.text or link.url} for link in program.links],
    }


def level_choices(program: Program, w: Words) -> list[dict]:
    """The levels one can pick, as the self-check names them (`all` for a programme without levels)."""
    names = {level.id: w.name(level.name) for level in program.levels}
    return [{"id": unit.level, "name": names.get(unit.level, unit.name if w.lang == "zh" else w.all_levels)}
            for unit in level_rules(program)]


def data_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def plan_url(program_id: str, level_id: str) -> str:
    """The plan page for one pick: a docs-root link MkDocs checks, with the pick in the query."""
    return f"/plan/index.md?pick={program_id}:{level_id}"


def template_helpers(build: Build) -> dict[str, dict[str, object]]:
    """The photo check's place on programme pages: only where the source states something to check."""
    return {"globals": {"photo_check": photo_check}}


def files(build: Build) -> dict[str, str]:
    """The edition's /plan/ page and one data file per programme (renamed programmes keep their old id's file)."""
    catalog, w = build.catalog, build.words
    programs = sorted(catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id))
    out = {PAGE_PATH: build.page(PAGE_PATH, "plan.md.j2", programs=programs, t=w.plan, plan_url=plan_url,
                                 levels={p.id: level_choices(p, w) for p in programs})}
    for program in programs:
        text = data_json({**program_data(program, catalog, w), "text": {**w.plan, "colon": w.colon, "list_sep": w.list_sep}})
        for pid in (program.id, *program.former_ids):
            out[f"{DATA_DIR}/{pid}.json"] = text
    return out
