"""Open data: the catalogue as versioned JSON under /api/v1/, each file described by a JSON Schema.

Files (paths under the site root):

    api/v1/programs.json            every programme, summarised
    api/v1/programs/<id>.json       one programme in full (specialties with what they inherit), with its syllabi
    api/v1/policies.json            every policy document
    api/v1/bodies.json              every body, with the programmes it serves
    api/v1/calendar.json            exam sessions and milestones dated from the published rules
    api/v1/ctdl.json                credentials in CTDL shape (see ctdl.py)
    api/v1/schema/<file>.schema.json  the JSON Schemas (also committed under schema/api/v1/)
    api/index.md                    the documentation page, generated from the same schemas

Every file carries `schema_version` ("1.<minor>"). Version 1 only grows: fields may be added (the
minor number goes up); a field is never removed or renamed within v1. `tests/api_v1_fields.txt` pins
the v1 field set and `tests/unit/test_opendata.py` fails when a pinned field disappears.

The shapes are pydantic models: the files are dumped from them and the schemas generated from them,
so the two cannot drift. Every property is always present (null when the source does not publish
it), and the schemas are open (`additionalProperties` allowed), so a consumer written for 1.0 keeps
working when fields are added.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from generator.features.calendar import sessions as calendar
from generator.features.calendar.pages import session_flags
from generator.features.calendar.workdays import default_window

from generator.source.catalog import Catalog
from generator.source.facts import schedule_fact
from generator.source.models import (
    LEVEL_ORDER,
    OTHER_SCHEME,
    Body,
    BodyRole,
    Fee,
    Names,
    Note,
    Policy,
    Program,
    Source,
    Syllabus,
    TimeSlot,
)
from generator.pages.build import Build
from generator.publish import ctdl
from generator.publish.published import SCHEMA_VERSION, Attribution, Open, PublishedCatalog, attribution

API_VERSION = "v1"
API_ROOT = f"api/{API_VERSION}"
SCHEMA_DIR = f"{API_ROOT}/schema"
COMMITTED_SCHEMA_DIR = Path("schema") / "api" / API_VERSION
DOC_PAGE = "api/index.md"
SCHEMA_VERSION_PATTERN = r"^1\.\d+$"

class Envelope(Open):
    schema_version: Annotated[str, Field(pattern=SCHEMA_VERSION_PATTERN)] = Field(
        description="数据格式版本，如 1.0 / format version 1.x; the minor number grows when fields are added")
    schema_url: str = Field(description="描述本文件的 JSON Schema / the JSON Schema of this file")
    attribution: Attribution = Field(description="数据来源与署名说明 {zh, en} / attribution")


# --- programmes -----------------------------------------------------------------------------------------


class LevelSummary(Open):
    id: str = Field(description="级别 id（页面锚点）/ level id, the page anchor")
    name: Names
    status: Literal["published", "unpublished"] = Field(description="unpublished: 原文标注“待定”")
    url: str = Field(description="级别在项目页面上的位置 / the level on the programme page")
    syllabus: str | None = Field(description="课程大纲 id / syllabus id")
    eligibility_routes: int = Field(description="报考条件条款（路径）数；0 表示未公布 / number of eligibility routes")


class ExamSummary(Open):
    mode: Literal["online", "offline", "blended"]
    total_points: float | None
    pass_mark: float | None = Field(description="及格线 / pass mark")
    duration_minutes: int | None
    times: tuple[TimeSlot, ...]


class ScheduleSummary(Open):
    text: str = Field(description="原文 / the source's wording")
    reading: str = Field(description="本站的理解 / how the catalogue reads it")
    notes: tuple[str, ...] = Field((), description="本站理解与来源不一致的说明 / notes on the reading and discrepancies")


class CertificateSummary(Open):
    name: str
    issuer: str = Field(description="颁发单位 id / issuing body id")
    validity: str | None = Field(description="证书有效期（原文）；null 表示未公布 / validity, null when not published")


class BodyRoleRef(Open):
    body: str = Field(description="机构 id / body id")
    role: BodyRole


class ProgramSummary(Open):
    id: str = Field(description="项目 id，永久不变 / programme id, permanent")
    type: Literal["programme", "family", "specialty"]
    family: str | None = Field(description="系列专业所属系列 / a specialty's family")
    name: Names
    summary: str
    occupation_code: str | None = Field(description="国家职业分类编码 / national occupation code")
    url: str = Field(description="项目页面 / programme page")
    detail_url: str = Field(description="完整数据 / the full record (api/v1/programs/{id}.json)")
    calendar_url: str | None = Field(description="考试日历页面；无考试规则时为 null / exam calendar page")
    bodies: tuple[BodyRoleRef, ...]
    issuers: tuple[str, ...] = Field(description="颁证单位 id / issuing body ids")
    levels: tuple[LevelSummary, ...] = Field(description="空表示原文未分级别 / empty: the source has no levels")
    exam: ExamSummary | None
    fees: tuple[Fee, ...] = Field(description="费用（amount 单位为元）/ fees, amount in CNY")
    schedule: ScheduleSummary | None
    certificate: CertificateSummary | None
    policies: tuple[str, ...] = Field(description="引用的政策 id / cited policy ids")
    last_verified: dt.date = Field(description="信息核实日期 / the day the facts were checked against the source")
    review_by: dt.date | None


class ProgramsFile(Envelope):
    updated: dt.date = Field(description="各项目最近的核实日期 / the latest last_verified")
    programs: tuple[ProgramSummary, ...]


class ApiPoint(Open):
    id: str = Field(description="知识点 id（页面锚点，永久不变）/ knowledge point id, the page anchor, permanent")
    former_ids: tuple[str, ...] = Field(description="旧 id，旧锚点仍然有效 / earlier ids, whose anchors still work")
    text: str
    url: str = Field(description="知识点在大纲页面上的位置 / the point on the syllabus page")


class ApiTopic(Open):
    id: str = Field(description="技术专题 id（页面锚点）/ topic id, the page anchor")
    former_ids: tuple[str, ...]
    name: str
    url: str = Field(description="专题在大纲页面上的位置 / the topic on the syllabus page")
    # v1 published `points` as plain text before the points had anchors: it stays, and the points with
    # their ids and addresses are a field of their own (fields are only ever added within v1).
    points: tuple[str, ...] = Field(description="知识点原文 / the knowledge points' text")
    knowledge_points: tuple[ApiPoint, ...] = Field(
        description="知识点及其锚点和地址 / the knowledge points with their anchors and addresses")


class ApiUnit(Open):
    id: str = Field(description="知识单元 id（页面锚点）/ unit id, the page anchor")
    former_ids: tuple[str, ...]
    name: str
    url: str = Field(description="单元在大纲页面上的位置 / the unit on the syllabus page")
    topics: tuple[ApiTopic, ...]


class ApiSyllabus(Open):
    id: str = Field(description="<program> 或 <program>/<level>")
    program: str
    level: str | None = Field(description="null：适用于全部级别 / covers every level")
    title: str
    url: str
    units: tuple[ApiUnit, ...] = Field(
        description="单元 → 专题 → 知识点；id 为页面锚点，url 为其地址 / units → topics → points; ids are page anchors")
    source: Source
    notes: tuple[Note, ...]


def named_schemes(program: Program) -> list[str]:
    """The certificate schemes a programme's rules name (not `other`), in order."""
    rules = [program.eligibility, *(level.eligibility for level in program.levels)]
    conditions = [c for e in rules if e for r in e.routes for c in r.conditions]
    conditions += [pre.condition for pre in program.preconditions]
    return list(dict.fromkeys(c.certificate.scheme for c in conditions
                              if c.certificate and c.certificate.scheme != OTHER_SCHEME))


class ApiProgram(Program):
    url: str = Field(description="项目页面 / programme page")
    calendar_url: str | None = Field(description="考试日历页面 / exam calendar page")
    inherits_from: str | None = Field(
        description="系列专业未自行规定的字段取自该系列 / a specialty takes the fields it does not set from this family")
    syllabi: tuple[ApiSyllabus, ...]
    certificates_meeting: dict[str, tuple[str, ...]] = Field(
        description="每个被点名的证书类别由哪些证书满足（同级或更高级别；content/schemes.yaml）/ for each scheme the "
                    "rules name, the certificates that meet it at the same or a higher level")


class ProgramFile(Envelope):
    program: ApiProgram


# --- policies and bodies ------------------------------------------------------------------------------------


class ApiPolicy(Policy):
    url: str = Field(description="政策页面 / policy page")
    cited_by: tuple[str, ...] = Field(description="引用本政策的项目 id / programmes citing it")


class PoliciesFile(Envelope):
    updated: dt.date = Field(description="各条记录最近的核实日期 / the latest last_verified")
    policies: tuple[ApiPolicy, ...] = Field(description="按日期从新到旧 / newest first")


class ProgramRoles(Open):
    program: str
    roles: tuple[BodyRole, ...]


class ApiBody(Body):
    url: str = Field(description="机构页面 / body page")
    programs: tuple[ProgramRoles, ...] = Field(description="本机构参与的项目及角色 / programmes it serves, with roles")


class BodiesFile(Envelope):
    bodies: tuple[ApiBody, ...]


# --- calendar ------------------------------------------------------------------------------------------------


class ApiEvent(Open):
    kind: str = Field(description="exam, registration_close, results … (labels: label)")
    label: str
    date: dt.date
    last_date: dt.date | None = Field(description="区间的最后一天（如考前2-3天）/ end of a range")
    start: str | None = Field(description="HH:MM 北京时间 / Beijing time")
    end: str | None
    estimated: bool = Field(description="推算日期：该年官方放假安排未公布 / the year's holiday schedule is not yet official")
    holiday: str | None = Field(description="落在法定节假日时的节日名 / the public holiday it falls on")
    source_label: str | None = Field(description="原文的环节名称 / the source's name for the step")
    text: str | None = Field(description="原文 / the source's wording")
    method: str | None = Field(description="日期如何得出 / how the date was found")
    notes: tuple[str, ...]


class ApiSession(Open):
    program: str = Field(description="项目 id / programme id")
    program_name: str = Field(description="项目名称 / programme name")
    url: str = Field(description="考试日历页面上的该场次 / the session on the calendar page")
    date: dt.date = Field(description="考试日（周末场次为第一天）/ exam day (first day of a weekend)")
    days: tuple[dt.date, ...] = Field(description="考试的每一天 / every exam day")
    times: tuple[TimeSlot, ...] = Field(description="考试时段（北京时间）/ exam times, Beijing time")
    levels: tuple[str, ...] = Field(description="本场考试的级别 id / level ids examined")
    mode: Literal["online", "offline", "blended"] | None = Field(description="线上、线下或结合 / exam mode")
    estimated: bool = Field(description="含推算日期 / some dates are estimated")
    flags: tuple[str, ...] = Field(description="提示：节假日、调休、推算 / holiday, adjusted working day, estimated")
    events: tuple[ApiEvent, ...] = Field(description="考试及各环节，按日期 / the exam and its milestones, by date")


class CalendarProgram(Open):
    id: str = Field(description="项目 id / programme id")
    name: str = Field(description="项目名称 / programme name")
    calendar_url: str = Field(description="考试日历页面 / calendar page")
    ics_url: str = Field(description="iCalendar 订阅 / iCalendar feed")
    sessions_under: str = Field(
        description="场次列在哪个项目名下：与系列完全相同的专业列在系列下 / whose sessions to read: a specialty "
                    "with exactly its family's calendar is listed under the family")


class CalendarFile(Envelope):
    as_of: dt.date = Field(description="构建日期；推算从此日起 / the build date the calendar is dated from")
    first_day: dt.date = Field(description="推算范围的第一天 / first day of the window")
    last_day: dt.date = Field(description="推算范围的最后一天 / last day of the window")
    reading: str = Field(description="日期如何推算 / how dates are derived")
    programs: tuple[CalendarProgram, ...] = Field(description="有考试规则的项目 / programmes with an exam schedule")
    sessions: tuple[ApiSession, ...] = Field(description="场次，按日期 / sessions, by date")


# --- the published files -----------------------------------------------------------------------------------------

# schema file name → (model, endpoint path pattern, Chinese title, English title)
ENDPOINTS: dict[str, tuple[type[BaseModel], str, str, str]] = {
    "programs": (ProgramsFile, f"/{API_ROOT}/programs.json", "全部证书项目（摘要）", "All programmes (summary)"),
    "program": (ProgramFile, f"/{API_ROOT}/programs/<id>.json", "单个证书项目（完整）", "One programme (full)"),
    "policies": (PoliciesFile, f"/{API_ROOT}/policies.json", "政策文件", "Policy documents"),
    "bodies": (BodiesFile, f"/{API_ROOT}/bodies.json", "机构", "Bodies"),
    "calendar": (CalendarFile, f"/{API_ROOT}/calendar.json", "考试日历", "Exam calendar"),
}


def schema_file(name: str) -> str:
    return f"{name}.schema.json"


def _open(node: object) -> object:
    """Every property always present; extra properties allowed (v1 only grows)."""
    if isinstance(node, dict):
        out = {k: _open(v) for k, v in node.items() if not (k == "additionalProperties" and v is False)}
        if isinstance(out.get("properties"), dict):
            out["required"] = list(out["properties"])
        return out
    if isinstance(node, list):
        return [_open(v) for v in node]
    return node


def schemas() -> dict[str, str]:
    """schema file name → JSON text, for every endpoint."""
    out = {}
    for name, (model, path, zh, en) in ENDPOINTS.items():
        schema = _open(model.model_json_schema())
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": schema_file(name),
            **schema,
            "title": f"{en} · {zh}",
            "description": f"{path} (API {API_VERSION}, schema_version {SCHEMA_VERSION})",
        }
        out[schema_file(name)] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(root: Path) -> list[Path]:
    folder = root / COMMITTED_SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def field_paths(schema: dict) -> set[str]:
    """Every property path of a schema: `programs[].levels[].id`, following $refs."""
    defs = schema.get("$defs", {})
    found: set[str] = set()

    def walk(node: dict, prefix: str, seen: frozenset[str]) -> None:
        ref = node.get("$ref")
        if ref:
            name = ref.rsplit("/", 1)[-1]
            if name in seen:
                return
            walk(defs[name], prefix, seen | {name})
        for key in ("anyOf", "oneOf", "allOf"):
            for sub in node.get(key, ()):
                walk(sub, prefix, seen)
        if "items" in node and isinstance(node["items"], dict):
            walk(node["items"], prefix + "[]", seen)
        for name, sub in node.get("properties", {}).items():
            path = f"{prefix}.{name}" if prefix else name
            found.add(path)
            walk(sub, path, seen)

    walk(schema, "", frozenset())
    return found


# --- building the files ---------------------------------------------------------------------------------------


def _dump(model: BaseModel) -> str:
    # pydantic's own JSON writer: byte for byte what json.dumps(model.model_dump(mode="json"),
    # ensure_ascii=False, indent=1) writes (tests/unit/test_performance.py checks), several times faster.
    return model.model_dump_json(indent=1) + "\n"


class OpenData(PublishedCatalog):
    def envelope(self, name: str) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "schema_url": self.url(f"/{SCHEMA_DIR}/{schema_file(name)}"),
            "attribution": attribution(),
        }

    def calendar_url(self, program: Program) -> str | None:
        return self.url(f"/calendar/{program.id}/") if program.schedule else None

    # programmes

    def summary(self, program: Program) -> ProgramSummary:
        exam = program.exam
        cert = program.certificate
        schedule = schedule_fact(program)
        return ProgramSummary(
            id=program.id, type=program.type, family=program.family, name=program.name, summary=program.summary,
            occupation_code=program.occupation.code if program.occupation else None,
            url=self.url(f"/programs/{program.id}/"),
            detail_url=self.url(f"/{API_ROOT}/programs/{program.id}.json"),
            calendar_url=self.calendar_url(program),
            bodies=tuple(BodyRoleRef(body=ref.body, role=ref.role) for ref in program.bodies),
            issuers=tuple(dict.fromkeys(ref.body for ref in program.bodies if ref.role == "issuer")),
            levels=tuple(
                LevelSummary(
                    id=level.id, name=level.name, status=level.status,
                    url=self.url(f"/programs/{program.id}/#{level.id}"), syllabus=level.syllabus,
                    eligibility_routes=0 if level.status == "unpublished" else len(
                        (level.eligibility or program.eligibility).routes
                        if (level.eligibility or program.eligibility) else ()),
                )
                for level in program.levels
            ),
            exam=ExamSummary(mode=exam.mode, total_points=exam.total_points, pass_mark=exam.pass_mark,
                             duration_minutes=exam.duration_minutes, times=exam.times) if exam else None,
            fees=program.fees,
            schedule=ScheduleSummary(text=schedule.condition, reading=schedule.reading, notes=schedule.notes)
            if schedule else None,
            certificate=CertificateSummary(name=cert.name, issuer=cert.issuer, validity=cert.validity) if cert else None,
            policies=program.policies,
            last_verified=program.last_verified, review_by=program.review_by,
        )

    def syllabus(self, syllabus: Syllabus) -> ApiSyllabus:
        page = f"/syllabi/{syllabus.id}/"

        def at(anchor: str) -> str:
            return self.url(f"{page}#{anchor}")

        units = tuple(
            ApiUnit(id=u.id, former_ids=u.former_ids, name=u.name, url=at(u.id), topics=tuple(
                ApiTopic(id=t.id, former_ids=t.former_ids, name=t.name, url=at(t.id),
                         points=tuple(p.text for p in t.points), knowledge_points=tuple(
                    ApiPoint(id=p.id, former_ids=p.former_ids, text=p.text, url=at(p.id)) for p in t.points))
                for t in u.topics))
            for u in syllabus.units)
        return ApiSyllabus(
            id=syllabus.id, program=syllabus.program, level=syllabus.level, title=syllabus.title,
            url=self.url(page), units=units, source=syllabus.source, notes=syllabus.notes)

    def program(self, program: Program) -> ApiProgram:
        syllabi = sorted(self.catalog.syllabi_of(program.id),
                         key=lambda s: LEVEL_ORDER.index(s.level) if s.level else -1)
        return ApiProgram(
            **dict(program), url=self.url(f"/programs/{program.id}/"), calendar_url=self.calendar_url(program),
            inherits_from=program.family, syllabi=tuple(self.syllabus(s) for s in syllabi),
            certificates_meeting={scheme: self.catalog.certificates_meeting(scheme)
                                  for scheme in named_schemes(program)})

    def programs(self) -> list[Program]:
        return sorted(self.catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id))

    # knowledge base

    def policies_file(self) -> PoliciesFile:
        policies = self.catalog.policies_by_date
        return PoliciesFile(
            **self.envelope("policies"),
            updated=max((p.last_verified for p in policies), default=self.today),
            policies=tuple(
                ApiPolicy(**dict(p), url=self.url(f"/policies/{p.id}/"),
                          cited_by=self.catalog.citing_programs.get(p.id, ()))
                for p in policies
            ),
        )

    def bodies_file(self) -> BodiesFile:
        bodies = []
        for body in sorted(self.catalog.bodies.values(), key=lambda b: b.id):
            roles: dict[str, list[str]] = {}
            for pid, role in self.catalog.body_programs.get(body.id, ()):
                roles.setdefault(pid, []).append(role)
            bodies.append(ApiBody(
                **dict(body), url=self.url(f"/bodies/{body.id}/"),
                programs=tuple(ProgramRoles(program=pid, roles=tuple(dict.fromkeys(r))) for pid, r in roles.items())))
        return BodiesFile(**self.envelope("bodies"), bodies=tuple(bodies))

    # calendar

    def calendar_file(self) -> CalendarFile:
        cal = calendar
        start, end = default_window(self.today)
        listed = cal.calendar_programs(self.catalog)
        listed_ids = {p.id for p in listed}
        programs = []
        for program in cal.scheduled_programs(self.catalog):
            under = program.id if program.id in listed_ids else program.family
            programs.append(CalendarProgram(
                id=program.id, name=cal.display_name(self.catalog, program),
                calendar_url=self.url(f"/calendar/{program.id}/"), ics_url=self.url(f"/calendar/{program.id}.ics"),
                sessions_under=under))
        sessions = []
        for program in listed:
            for session in cal.sessions(program, start, end):
                sessions.append(ApiSession(
                    program=program.id, program_name=cal.display_name(self.catalog, program),
                    url=self.url(f"/calendar/{program.id}/#{session.anchor}"), date=session.date, days=session.days,
                    times=session.times, levels=session.levels, mode=session.mode, estimated=session.estimated,
                    flags=tuple(session_flags(session)),
                    events=tuple(
                        ApiEvent(kind=e.kind, label=e.label, date=e.date, last_date=e.last_date, start=e.start,
                                 end=e.end, estimated=e.estimated, holiday=e.holiday, source_label=e.source_label,
                                 text=e.text, method=e.method, notes=tuple(n.text for n in e.notes))
                        for e in session.events),
                ))
        sessions.sort(key=lambda s: (s.date, s.program))
        return CalendarFile(
            **self.envelope("calendar"), as_of=self.today, first_day=start, last_day=end,
            reading=("考试日期按各项目公布的考试规则推算，各环节按时间线偏移计算（工作日按国务院放假安排）；"
                     "尚未公布放假安排的年份标注为推算（estimated）。以主办方通知为准。 "
                     "Dates follow each programme's published rule; milestones count China's official working "
                     "days; years without an official holiday schedule are marked estimated."),
            programs=tuple(programs), sessions=tuple(sessions))

    # everything

    def files(self) -> Iterator[tuple[str, str]]:
        """Every API file and schema, (path, text), made one at a time: at 1,000 programmes they are 112 MB."""
        programs = self.programs()
        yield f"{API_ROOT}/programs.json", _dump(ProgramsFile(
            **self.envelope("programs"),
            updated=max((p.last_verified for p in programs), default=self.today),
            programs=tuple(self.summary(p) for p in programs)))
        for program in programs:
            text = _dump(ProgramFile(**self.envelope("program"), program=self.program(program)))
            for pid in (program.id, *program.former_ids):  # a renamed programme's old address keeps answering
                yield f"{API_ROOT}/programs/{pid}.json", text
        yield f"{API_ROOT}/policies.json", _dump(self.policies_file())
        yield f"{API_ROOT}/bodies.json", _dump(self.bodies_file())
        yield f"{API_ROOT}/calendar.json", _dump(self.calendar_file())
        for name, text in schemas().items():
            yield f"{SCHEMA_DIR}/{name}", text


def data_paths(catalog: Catalog) -> list[str]:
    """Every JSON file `files` publishes under the API root, sorted, without making them."""
    programs = [f"{API_ROOT}/programs/{pid}.json" for p in catalog.programs.values() for pid in (p.id, *p.former_ids)]
    fixed = [f"{API_ROOT}/{name}.json" for name in ("programs", "policies", "bodies", "calendar")]
    return sorted([*fixed, *programs, *(f"{SCHEMA_DIR}/{name}" for name in schemas()), ctdl.PATH])


# The files are published once, with the Chinese edition; the page that documents them has an English
# version (generator/site.py runs this module for each edition listed here).
EDITIONS = ("zh", "en")


def files(build: Build) -> Iterator[tuple[str, str]]:
    """The API files, their schemas, the CTDL export and the documentation page, (path, text) pairs."""
    if build.words.lang == "zh":
        yield from OpenData(build.catalog, build.today, build.site_url).files()
        yield ctdl.PATH, ctdl.export_json(build.catalog, build.site_url)
    yield DOC_PAGE, doc_page(build)


# --- the documentation page ------------------------------------------------------------------------------------


def type_name(node: dict, defs: dict) -> str:
    """A short readable type for a schema node: `string`, `Fee[]`, `Exam | null` …"""
    if "$ref" in node:
        return node["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in node:
        names = [type_name(sub, defs) for sub in node["anyOf"]]
        return " | ".join(dict.fromkeys(names))
    kind = node.get("type")
    if kind == "array":
        inner = type_name(node.get("items", {}), defs)
        return f"({inner})[]" if " " in inner else f"{inner}[]"
    if kind == "string" and node.get("format"):
        return "date" if node["format"] == "date" else f"string:{node['format']}"
    if "const" in node:
        return json.dumps(node["const"])
    if "enum" in node:
        return " | ".join(json.dumps(v) for v in node["enum"])
    return str(kind or "any")


def field_rows(schema: dict, def_name: str | None = None, notes: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    """(field, type, description) for the top level of a schema or one of its definitions."""
    defs = schema.get("$defs", {})
    node = defs[def_name] if def_name else schema
    rows = []
    for name, sub in node.get("properties", {}).items():
        description = sub.get("description") or next(
            (s.get("description") for s in sub.get("anyOf", ()) if s.get("description")), "")
        rows.append((name, type_name(sub, defs), description or (notes or {}).get(name, "")))
    return rows


# Descriptions for fields the models leave undescribed (the editors' models describe only the unusual ones).
FIELD_NOTES = {
    "id": "永久 id / permanent id",
    "former_ids": "旧 id（旧地址重定向到这里）/ earlier ids, which redirect here",
    "type": "programme（证书项目）、family（证书系列）或 specialty（系列专业）",
    "name": "名称 {zh, en} / name",
    "summary": "简介 / summary",
    "occupation": "国家职业（编码、定义）/ national occupation",
    "audiences": "培训对象（原文）/ audiences, verbatim",
    "objectives": "培养目标（原文）/ objectives, verbatim",
    "skills": "职业技能（原文）/ skills, verbatim",
    "bodies": "颁证、主办、培训等机构及角色 / bodies and their roles",
    "links": "官方平台 / official platforms",
    "levels": "级别，含各自的报考条件（eligibility.routes：每条一条路径，conditions 全部满足）/ levels with "
              "their eligibility; each route is one way in, met when all its conditions are",
    "preconditions": "所有级别均须满足的条件 / required on top of every route",
    "eligibility": "不分级别的报考条件 / rules that do not depend on level",
    "exam": "考试形式、题型、及格线、时长 / exam format, pass mark, duration",
    "fees": "费用，amount 单位为元，null 为未公布 / fees in CNY; null when not published",
    "schedule": "考试时间（原文 text、规则 rule、本站理解 reading）/ exam schedule",
    "timeline": "报考流程各环节及相对考试日的偏移 / steps and their offsets from the exam day",
    "registration": "报名材料与照片要求 / registration materials",
    "certificate": "证书名称、颁发单位、有效期、查询方式 / certificate",
    "course": "培训课程模块 / training modules",
    "facts": "有日期的职业前景、市场数据 / dated facts",
    "policies": "引用的政策 id / cited policy ids",
    "sources": "来源文件与章节 / source files and sections",
    "notes": "来源不一致、提取问题、本站理解等说明 / notes: discrepancies, extraction problems, readings",
    "last_verified": "信息核实日期 / the day the facts were checked",
    "review_by": "复核期限 / when to check again",
    "title": "标题 / title",
    "title_en": "英文标题 / English title",
    "number": "文号 / document number",
    "kind": "类型 / kind",
    "issuer": "发文机关（原文）/ issuer, verbatim",
    "issuer_bodies": "发文机关对应的机构 id / issuer as body ids",
    "issued": "成文日期 / date signed",
    "published": "发布日期 / date published",
    "effective": "施行日期 / date effective",
    "points": "要点（原文）及来源 / key points with sources",
    "short_name": "简称 / short name",
    "founded": "成立时间 / founded",
    "websites": "网址 / websites",
    "contacts": "联系方式 / contacts",
}


# The nested types the documentation page spells out (the rest are in the schemas).
DEFINITIONS = {
    "programs": ("LevelSummary", "ExamSummary", "ScheduleSummary", "CertificateSummary", "Fee", "Names"),
    "program": ("Level", "Eligibility", "Route", "Condition", "EducationCondition", "ExperienceCondition",
                "CertificateCondition", "Precondition", "Exam", "Schedule", "ScheduleRule", "TimelineStep", "Offset",
                "Certificate", "ApiSyllabus", "ApiUnit", "ApiTopic", "ApiPoint", "Source", "Note"),
    "calendar": ("CalendarProgram", "ApiEvent", "TimeSlot"),
}


def doc_page(build: Build) -> str:
    catalog, site_url = build.catalog, build.site_url
    # The models' own field order (the committed schemas sort their keys).
    parsed = {name: model.model_json_schema() for name, (model, *_rest) in ENDPOINTS.items()}
    sample = next(iter(sorted(catalog.programs)), None)
    tables = {
        "programs": field_rows(parsed["programs"], "ProgramSummary", FIELD_NOTES),
        "program": field_rows(parsed["program"], "ApiProgram", FIELD_NOTES),
        "policies": field_rows(parsed["policies"], "ApiPolicy", FIELD_NOTES),
        "bodies": field_rows(parsed["bodies"], "ApiBody", FIELD_NOTES),
        "calendar": [row for row in field_rows(parsed["calendar"]) if row[0] not in Envelope.model_fields],
        "session": field_rows(parsed["calendar"], "ApiSession"),
        "envelope": field_rows(Envelope.model_json_schema()),
    }
    definitions = []
    for name, names in DEFINITIONS.items():
        defs = parsed[name].get("$defs", {})
        definitions += [(d, field_rows(parsed[name], d, FIELD_NOTES)) for d in names if d in defs]
    endpoints = [
        (name, path, zh, en, f"/{SCHEMA_DIR}/{schema_file(name)}") for name, (_m, path, zh, en) in ENDPOINTS.items()
    ]
    return build.page(
        DOC_PAGE, "api.md.j2",
        endpoints=endpoints, tables=tables, definitions=definitions, version=API_VERSION, schema_version=SCHEMA_VERSION,
        api_root=f"/{API_ROOT}", sample=sample, attribution=attribution(), ctdl_path=f"/{ctdl.PATH}",
        site_url=site_url or "", feed_path="/feed.xml")
