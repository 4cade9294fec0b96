"""The catalogue's own pages (path → Markdown) and the template helpers they share. No MkDocs here."""

from __future__ import annotations

from generator.pages.build import Build
from generator.pages.markup import attr, html_text, inline, meta, zh_runs
from generator.source.catalog import Catalog
from generator.source.facts import fee_fact, schedule_fact
from generator.source.models import LEVEL_ORDER, Fee, Note, Program, Syllabus
from generator.words.editions import UNTRANSLATED, Words
from generator.words.phrases import source_label

EDITIONS = ("zh", "en")  # generator/site.py: both editions have their own version


def fees_by_kind(program: Program) -> list[tuple[str, list[Fee]]]:
    """Every fee kind a candidate asks about, published or not."""
    kinds = ("exam", "training", "retake", "certificate", "package")
    found = [(kind, [f for f in program.fees if f.kind == kind]) for kind in kinds]
    packaged = {c for f in program.fees if f.kind == "package" for c in f.covers}
    return [(k, fees) for k, fees in found if fees or (k in {"exam", "training", "retake"} and k not in packaged)]


def level_sort_key(level_id: str) -> int:
    return LEVEL_ORDER.index(level_id)


def collect_notes(program: Program) -> list[Note]:
    """Every note on the programme, wherever it sits, for the sources section."""
    notes = list(program.notes)
    for part in (program.exam, program.schedule, program.registration, program.certificate,
                 program.course, program.eligibility, program.occupation, *program.timeline):
        if part is not None:
            notes.extend(part.notes)
    for level in program.levels:
        notes.extend(level.notes)
        if level.eligibility:
            notes.extend(level.eligibility.notes)
        if level.exam:
            notes.extend(level.exam.notes)
    return list(dict.fromkeys(notes))


# From this many programmes, the programme list's groupings (by body, by level) are pages of their own
# and the syllabus list has no table of contents (a heading per programme): at 1,000 programmes either
# page would pass 1 MB of HTML (issue #14). Below, one page lists everything, as a reader expects.
LISTS_APART_FROM = 200


def programs_by_level(programs: list[Program]) -> list[tuple[str, list]]:
    """(level id, [(programme, level)]) for every level id some programme has."""
    grouped = [(lid, [(p, lv) for p in programs for lv in p.levels if lv.id == lid]) for lid in LEVEL_ORDER]
    return [(lid, pairs) for lid, pairs in grouped if pairs]


def body_ids(program: Program) -> list[str]:
    """Each body once, in the order the programme lists them (a body may hold several roles)."""
    return list(dict.fromkeys(ref.body for ref in program.bodies))


def roles_by_program(catalog: Catalog, body_id: str, words: Words) -> list[tuple[str, str]]:
    """(programme id, its roles joined) for a body, each programme once."""
    roles: dict[str, list[str]] = {}
    for pid, role in catalog.body_programs.get(body_id, ()):
        roles.setdefault(pid, []).append(words.body_role[role])
    return [(pid, words.list_sep.join(dict.fromkeys(names))) for pid, names in roles.items()]


def search_boost(program: Program) -> int:
    """A specialty ranks below the standalone programme that shares its name."""
    return 2 if program.type == "specialty" else 3


def search_keywords(program: Program, words: Words) -> list[str]:
    """Material indexes page `tags` with the highest boost: the name in the other language and the
    occupation code."""
    code = [program.occupation.code] if program.occupation and program.occupation.code else []
    return [words.other_name(program.name), *code]


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def syllabus_path(syllabus: Syllabus) -> str:
    return f"syllabi/{syllabus.id}.md"


def syllabus_url(syllabus_id: str) -> str:
    """A docs-root link that MkDocs resolves and checks."""
    return f"/syllabi/{syllabus_id}.md"


def template_helpers(build: Build) -> dict[str, dict[str, object]]:
    """The filters and globals every page template of the edition uses (`build.words` says how)."""
    catalog, words = build.catalog, build.words
    return {
        "filters": dict(
            inline=inline, zh_runs=zh_runs, attr=attr, meta=meta, h=html_text, source=lambda s: source_label(s, catalog.sources), capitalize_first=capitalize_first,
            date=words.date, offset=words.offset, rule=words.rule, fee_line=words.fee_line,
            condition=lambda c: words.condition(c, catalog),
        ),
        "globals": dict(
            catalog=catalog, site=catalog.site, w=words, NOT_PUBLISHED=words.not_published, today=build.today,
            UNTRANSLATED=UNTRANSLATED, fees_by_kind=fees_by_kind, fee_fact=fee_fact, schedule_fact=schedule_fact, collect_notes=collect_notes,
            syllabus_url=syllabus_url, search_boost=search_boost, body_ids=body_ids,
            roles_by_program=lambda body_id: roles_by_program(catalog, body_id, words),
            search_keywords=lambda program: search_keywords(program, words),
        ),
    }


def sorted_programs(catalog: Catalog) -> list[Program]:
    return sorted(catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id))


def list_pages(build: Build) -> dict[str, str]:
    """The pages that list every programme, path → Markdown: /programs/ (and its groupings' own pages
    from LISTS_APART_FROM programmes) and /syllabi/."""
    programs = sorted_programs(build.catalog)
    by_level, lists_apart = programs_by_level(programs), len(programs) >= LISTS_APART_FROM
    pages = {"programs/index.md": build.page("programs/index.md", "programs_index.md.j2", programs=programs,
                                             by_level=by_level, lead_to_own_page=lists_apart)}
    if lists_apart:
        for path, heading, grouping in (("programs/by-issuer.md", build.words.by_body, "_programs_by_issuer.md.j2"),
                                        ("programs/by-level.md", build.words.by_level, "_programs_by_level.md.j2")):
            pages[path] = build.page(path, "programs_by.md.j2", heading=heading, list=grouping, by_level=by_level,
                                     lead_to_own_page=False)
    pages["syllabi/index.md"] = build.page("syllabi/index.md", "syllabi_index.md.j2", without_toc=lists_apart)
    return pages


def files(build: Build) -> dict[str, str]:
    """Every catalogue page, path → Markdown: programmes, syllabi, policies, bodies, the glossary."""
    cat = build.catalog
    out: dict[str, str] = {}

    def add(path: str, template: str, **context: object) -> None:
        out[path] = build.page(path, template, **context)

    out.update(list_pages(build))
    for program in sorted_programs(cat):
        add(f"programs/{program.id}.md", "program.md.j2", program=program)
    for program_id in sorted({s.program for s in cat.syllabi.values()}):
        syllabi = cat.syllabi_of(program_id)
        if any(s.level for s in syllabi):
            add(f"syllabi/{program_id}/index.md", "syllabus_list.md.j2", program=cat.programs[program_id],
                syllabi=sorted(syllabi, key=lambda s: level_sort_key(s.level)))
    for syllabus in cat.syllabi.values():
        add(syllabus_path(syllabus), "syllabus.md.j2", syllabus=syllabus, program=cat.programs[syllabus.program],
            level=cat.level(syllabus.program, syllabus.level) if syllabus.level else None)
    add("policies/index.md", "policies_index.md.j2")
    add("policies/timeline.md", "policy_timeline.md.j2")
    for policy in cat.policies.values():
        add(f"policies/{policy.id}.md", "policy.md.j2", policy=policy)
    add("bodies/index.md", "bodies_index.md.j2")
    for body in cat.bodies.values():
        add(f"bodies/{body.id}.md", "body.md.j2", body=body)
    if cat.glossary:
        add("glossary.md", "glossary.md.j2", glossary=cat.glossary)
    return out
