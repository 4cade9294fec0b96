"""Stage 4: turn the catalogue into pages (path → Markdown). No MkDocs here."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from functools import lru_cache
from typing import Callable

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined

from . import exam_calendar, labels
from .catalog import Catalog
from .models import Condition, Eligibility, Fee, Note, Offset, Program, ScheduleRule, Source, Syllabus
from .siteurl import absolute

# Characters Python-Markdown (with the tables extension) accepts a backslash before.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]#|!])")
# Characters it takes no backslash before (the backslash would be shown), written as entities instead,
# so they show as themselves and no later extension (strikethrough ~~, superscript ^) reads them.
_AS_ENTITIES = {"~": "&#126;", "^": "&#94;"}


def inline(text: object) -> str:
    """Source text as inert inline Markdown: no HTML, no emphasis, one line."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)  # < > & become entities
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", escaped)
    return re.sub("[~^]", lambda m: _AS_ENTITIES[m.group()], escaped)


def attr(text: object) -> str:
    return html.escape(str(text), quote=True)


def meta(text: object) -> str:
    """A front-matter value: HTML-escaped (themes print titles raw) and quoted (valid YAML whatever the text)."""
    return json.dumps(attr(" ".join(str(text).split())), ensure_ascii=False)


def format_date(value: str | None) -> str:
    if not value:
        return labels.NOT_PUBLISHED
    parts = [int(p) for p in str(value).split("-")]
    suffixes = ("年", "月", "日")
    return "".join(f"{n}{s}" for n, s in zip(parts, suffixes))


def describe_offset(offset: Offset | None) -> str:
    if offset is None:
        return "原文未给出固定时间"
    if offset.working_days is not None:
        n = offset.working_days
        return f"考试后 {n} 个工作日" if n >= 0 else f"考试前 {-n} 个工作日"
    days = sorted(abs(d) for d in (offset.days, offset.days_max) if d is not None)
    span = "–".join(str(d) for d in days)
    if offset.days == 0:
        return "考试当天"
    return f"考试前 {span} 天" if offset.days < 0 else f"考试后 {span} 天"


def describe_rule(rule: ScheduleRule) -> str:
    months = "、".join(f"{m}月" for m in rule.months) if len(rule.months) < 12 else "每月"
    which = "最后一个" if rule.week == -1 else f"第{rule.week}个"
    day = labels.WEEKDAY[rule.weekday]
    extra = "及次日" if rule.also_next_day else ""
    return f"{months}的{which}{day}{extra}"


def _years(value: float) -> str:
    return f"{value:g}"


def describe_condition(condition: Condition, program_names: dict[str, str] | None = None) -> str:
    """The structured reading of one condition, in plain Chinese."""
    if condition.education:
        edu = condition.education
        text = f"学历：{labels.EDUCATION[edu.minimum]}及以上"
        if edu.major != "any":
            text += f"（{labels.MAJOR[edu.major]}）"
        return text + ("，含在读" if edu.include_enrolled else "")
    if condition.experience:
        exp = condition.experience
        return f"相关工作经验满 {_years(exp.years)} 年（{'连续' if exp.continuous else '累计'}）"
    if condition.student:
        return "在校/在读学生"
    if condition.certificate:
        cert = condition.certificate
        held = f"，持证满 {_years(cert.years_held)} 年" if cert.years_held else ""
        scheme = labels.CERTIFICATE_SCHEME.get(cert.scheme) or (program_names or {}).get(cert.scheme, cert.scheme)
        return f"持有证书：{scheme}（{labels.LEVEL_NAME.get(cert.level, cert.level)}）{held}"
    if condition.roles:
        return "身份：" + "、".join(labels.ROLE.get(r, r) for r in condition.roles)
    return "考前培训学时达标"


def fee_line(fee: Fee) -> str:
    amount = f"{fee.amount:g} {fee.unit or '元'}" if fee.amount is not None else labels.NOT_PUBLISHED
    return f"{labels.FEE_KIND[fee.kind]}：{amount}"


def fees_by_kind(program: Program) -> list[tuple[str, list[Fee]]]:
    """Every fee kind a candidate asks about, published or not."""
    kinds = ("exam", "training", "retake", "certificate", "package")
    found = [(kind, [f for f in program.fees if f.kind == kind]) for kind in kinds]
    packaged = {c for f in program.fees if f.kind == "package" for c in f.covers}
    return [(k, fees) for k, fees in found if fees or (k in {"exam", "training", "retake"} and k not in packaged)]


def source_label(source: Source) -> str:
    return f"{source.file} · {source.section}"


def level_sort_key(level_id: str) -> int:
    return labels.LEVEL_ORDER.index(level_id)


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


def eligibility_of(program: Program, level_id: str | None = None) -> Eligibility | None:
    if level_id:
        level = next(lv for lv in program.levels if lv.id == level_id)
        return level.eligibility or program.eligibility
    return program.eligibility


def programs_by_level(programs: list[Program]) -> list[tuple[str, list]]:
    """(level id, [(programme, level)]) for every level id some programme has."""
    grouped = [(lid, [(p, lv) for p in programs for lv in p.levels if lv.id == lid]) for lid in labels.LEVEL_ORDER]
    return [(lid, pairs) for lid, pairs in grouped if pairs]


def body_ids(program: Program) -> list[str]:
    """Each body once, in the order the programme lists them (a body may hold several roles)."""
    return list(dict.fromkeys(ref.body for ref in program.bodies))


def roles_by_program(catalog: Catalog, body_id: str) -> list[tuple[str, str]]:
    """(programme id, its roles joined) for a body, each programme once."""
    roles: dict[str, list[str]] = {}
    for pid, role in catalog.body_programs.get(body_id, ()):
        roles.setdefault(pid, []).append(labels.BODY_ROLE[role])
    return [(pid, "、".join(dict.fromkeys(names))) for pid, names in roles.items()]


def search_boost(program: Program) -> int:
    """A specialty ranks below the standalone programme that shares its name."""
    return 2 if program.type == "specialty" else 3


def search_keywords(program: Program) -> list[str]:
    """Material indexes page `tags` with the highest boost: names in English and the occupation code."""
    code = [program.occupation.code] if program.occupation and program.occupation.code else []
    return [program.name.en, *code]


def syllabus_path(syllabus: Syllabus) -> str:
    return f"syllabi/{syllabus.id}.md"


def syllabus_url(syllabus_id: str) -> str:
    """A docs-root link that MkDocs resolves and checks."""
    return f"/syllabi/{syllabus_id}.md"


class _TemplateCache(FileSystemBytecodeCache):
    """Compiled templates kept on disk (Jinja's per-user cache folder, keyed by each template's source),
    so a build does not compile them all again: that was a third of the generator's time on the real
    catalogue (BENCHMARKS.md). A cache folder that cannot be used only means compiling."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


@lru_cache(maxsize=1)
def _template_cache() -> _TemplateCache | None:
    try:
        return _TemplateCache()
    except (OSError, RuntimeError):
        return None


def template_environment() -> Environment:
    """The Jinja set-up every edition's templates share."""
    return Environment(
        bytecode_cache=_template_cache(),
        loader=PackageLoader("generator", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # templates emit Markdown; text goes through `inline`/`attr`
        # Markdown anchors are written {#id}, so Jinja comments need other delimiters.
        comment_start_string="{##",
        comment_end_string="##}",
    )


class Renderer:
    def __init__(self, catalog: Catalog, today: dt.date | None = None, site_url: str | None = None):
        """`today` dates the programme pages' next exam sessions (default: the build date);
        `site_url` (mkdocs.yml) makes `permalink("/syllabi/x/")` a full URL (printed on syllabi)."""
        self.catalog = catalog
        self.today = today or exam_calendar.build_today()
        self.site_url = site_url
        self.env = template_environment()
        program_names = {pid: p.name.zh for pid, p in catalog.programs.items()}  # once, not per condition
        self.env.filters.update(
            inline=inline, attr=attr, meta=meta, date=format_date, offset=describe_offset,
            condition=lambda c: describe_condition(c, program_names),
            rule=describe_rule, fee_line=fee_line, source=source_label,
        )
        self.env.globals.update(
            labels=labels, catalog=catalog, NOT_PUBLISHED=labels.NOT_PUBLISHED,
            fees_by_kind=fees_by_kind, collect_notes=collect_notes, eligibility_of=eligibility_of,
            syllabus_url=syllabus_url, level_sort_key=level_sort_key, search_boost=search_boost, body_ids=body_ids,
            roles_by_program=lambda body_id: roles_by_program(catalog, body_id),
            search_keywords=search_keywords,
            calendar_preview=lambda program: exam_calendar.preview(program, self.today),
            cal=exam_calendar.ViewHelpers,
        )
        self.env.globals["permalink"] = lambda path: absolute(self.site_url, path)
        from . import i18n, views  # level ladder and compare control (imported here: they import this module)

        views.install(self.env, catalog, i18n.ZH)

    def _render(self, template: str, **context) -> str:
        return self.env.get_template(template).render(**context)

    def pages(self) -> dict[str, str]:
        return catalog_pages(self.catalog, self._render)


def catalog_pages(cat: Catalog, render: Callable[..., str]) -> dict[str, str]:
    """Every catalogue page, path → Markdown; `render(template, **context)` picks the edition's templates."""
    out: dict[str, str] = {}
    programs = sorted(cat.programs.values(), key=lambda p: (p.type == "specialty", p.id))
    out["programs/index.md"] = render(
        "programs_index.md.j2", programs=programs, by_level=programs_by_level(programs))
    for program in programs:
        out[f"programs/{program.id}.md"] = render("program.md.j2", program=program)
    out["syllabi/index.md"] = render("syllabi_index.md.j2")
    for program_id in sorted({s.program for s in cat.syllabi.values()}):
        syllabi = cat.syllabi_of(program_id)
        if any(s.level for s in syllabi):
            out[f"syllabi/{program_id}/index.md"] = render(
                "syllabus_list.md.j2", program=cat.programs[program_id],
                syllabi=sorted(syllabi, key=lambda s: level_sort_key(s.level)))
    for syllabus in cat.syllabi.values():
        out[syllabus_path(syllabus)] = render(
            "syllabus.md.j2", syllabus=syllabus, program=cat.programs[syllabus.program],
            level=cat.level(syllabus.program, syllabus.level) if syllabus.level else None)
    out["policies/index.md"] = render("policies_index.md.j2")
    out["policies/timeline.md"] = render("policy_timeline.md.j2")
    for policy in cat.policies.values():
        out[f"policies/{policy.id}.md"] = render("policy.md.j2", policy=policy)
    out["bodies/index.md"] = render("bodies_index.md.j2")
    for body in cat.bodies.values():
        out[f"bodies/{body.id}.md"] = render("body.md.j2", body=body)
    if cat.glossary:
        out["glossary.md"] = render("glossary.md.j2", glossary=cat.glossary)
    return out


def search_dictionary(catalog: Catalog) -> str:
    """jieba user dictionary: domain terms stay single search tokens."""
    words: list[str] = []
    for program in catalog.programs.values():
        words.append(program.name.zh)
    for body in catalog.bodies.values():
        words += [body.name.zh] + ([body.short_name] if body.short_name else [])
    if catalog.glossary:
        words += [w for term in catalog.glossary.terms for w in (term.zh, *term.search_words)]
    # Document-number prefixes (国发, 中节协, 国务院令 …) so a number like 国发〔2021〕23号 is findable.
    words += [m.group(0) for p in catalog.policies.values() if p.number and (m := re.match(r"[\u4e00-\u9fff]+", p.number))]
    tokens = {w for word in words for w in re.split(r"[\s（）()·、，,/]+", word) if len(w) > 1}
    # A high frequency makes jieba prefer the whole term over its parts.
    return "".join(f"{word} 100000 n\n" for word in sorted(tokens))
