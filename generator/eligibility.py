"""Eligibility self-check: which programmes and levels a candidate can apply for, and why.

One rule set, two engines. The rules are the programme YAML (`Eligibility`, `Route`, `Condition`,
`Precondition`); this module evaluates them in Python (`evaluate`, used by `catalog check`) and emits
the same rules as JSON (`rules`, written to `assets/data/eligibility-rules.json`) for the browser
engine in `site_overrides/assets/eligibility.js`. Every wording the engines produce (missing items,
status names, field names) is defined here and travels in that JSON, so both say the same thing;
`tests/eligibility_vectors.yaml` holds the cases both must agree on. No programme id or clause number
appears in the code: everything specific lives in the data.

The candidate profile (`Profile`) is a public JSON contract; every field is optional and an absent
field means "not answered". The browser keeps the same fields in the URL query (see
`docs/eligibility.md` for the query encoding).

How each condition is read (three-valued: met / not met / unknown when an answer is missing):

Education
    Order: none < junior_high < high_school = secondary_vocational < associate < bachelor
    < double_bachelor < master < doctorate. `education` is the highest level the candidate has
    *completed*; a requirement of level X is met by X or any level above it (the sources say
    及以上/以上). With `include_enrolled` (含在读) a current student (`student: true`) also counts,
    taken to be studying at least one step above their completed level: a junior-high graduate
    who is a student now counts for 中职以上（含在读）.
Major
    `major: related` needs `major_related: true`. `major: other` (取得其他专业 / 非相关专业) is met
    by any major: the sources offer these routes to candidates whose major is not related, and we
    do not read them as shutting out candidates whose major is related (who would otherwise be
    refused routes that other graduates meet). `any` needs no answer.
Experience
    `experience_years` is the total of related work. A continuous (连续) requirement also needs
    `experience_continuous: true`; a cumulative (累计 or unstated) one accepts either answer. With
    `experience_continuous: false`, a continuous requirement is unmet whatever the total, and what is
    missing is the whole continuous stretch ("需要连续从事相关工作满 N 年").
Student
    `student: true` meets 在校大学生 / 在读学生.
Certificates
    A held certificate meets a requirement of the same scheme at the same or a *higher* level of
    the same ladder (junior < intermediate < senior; level-4 < level-3 < level-2 < level-1): a
    higher certificate of the same scheme satisfies a lower requirement. Ladders are not compared
    with each other. A named scheme (a programme, ceca-carbon-reduction, miit-energy-environment) is
    met only by that scheme. `scheme: other` (其他…职业或技能证书、职称证书) is met by a certificate
    of any scheme except the programme's own (its id, family and document), so a candidate who
    names their certificate precisely is not refused. `years_held` must reach the
    requirement's `years_held` (an absent `years_held` is unknown when the requirement has one).
    `certificates: []` means "none"; an absent field means not answered.
Roles
    Met when the candidate has any one of the listed roles.
Training hours
    `training_hours_met: true` meets a training-hours condition (CECA's 考前培训学时达标, MIIT's
    ≥90% 课时); such conditions usually sit in the programme's `preconditions`.

A route is met when all its conditions are met; a level's rules are met when any route is, and
every programme-wide precondition holds. Levels are independent: each level is judged on its own
published rules (or, for a level without its own, on the programme-wide rules its page shows). A
level the source marks 待定 is `unpublished`. A programme whose rules do not depend on level (the
CECA family and the specialties that inherit from it) is one entry with level id `all`.

Results per level: `status` (eligible / not_eligible / unpublished / unknown), `met_routes` (clause
and verbatim text of every route met), and `missing`: for not_eligible, what the *nearest* unmet
route lacks, plus every unmet precondition; for unknown, the unanswered fields whose answers would
change the outcome. The nearest route is the one with the fewest unmet conditions other than work
experience (time alone adds experience); then the least effort to put the rest right (`EFFORT`:
training < certificate < degree < a fact the candidate cannot change, such as the major, student
status or a role); then the fewest unmet conditions; then the fewest further years of work; then the
earlier clause.
"""

from __future__ import annotations

import difflib
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError

from . import labels
from .models import SLUG_PATTERN, Condition, EducationLevel, Eligibility, Program
from .render import describe_condition

if TYPE_CHECKING:
    from .catalog import Catalog
    from .render import Renderer

RULES_PATH = "assets/data/eligibility-rules.json"
# The same rules split for a programme page's widget, which needs one programme: the shared part
# (`_common.json`: fields, wordings, certificate schemes) and one file per programme. The whole file
# grows with the catalogue (235 KB gzipped at 1,000 programmes, see BENCHMARKS.md); these do not.
PROGRAM_RULES_DIR = "assets/data/eligibility"
PAGE_PATH = "eligibility/index.md"
ALL_LEVELS = "all"
ALL_LEVELS_NAME = "不分级别"

EDUCATION_RANK = {
    "none": 0, "junior_high": 1, "high_school": 2, "secondary_vocational": 2, "associate": 3,
    "bachelor": 4, "double_bachelor": 5, "master": 6, "doctorate": 7,
}
# What a candidate picks in the form ("none" as a requirement reads 不限学历; as an answer, 初中以下).
EDUCATION_ANSWER = {**labels.EDUCATION, "none": "初中以下"}
LEVEL_LADDERS = (("junior", "intermediate", "senior"), ("level-4", "level-3", "level-2", "level-1"))
# Certificate schemes of the profile contract besides the programmes' own (labels.CERTIFICATE_SCHEME).
SPECIAL_SCHEMES = tuple(labels.CERTIFICATE_SCHEME)

Status = Literal["eligible", "not_eligible", "unpublished", "unknown"]
STATUS = {
    "eligible": "可以报考",
    "not_eligible": "暂不符合",
    "unknown": "需补充信息",
    "unpublished": "报考条件未公布",
}

# The profile's fields in contract order, with the question each answers.
FIELDS = {
    "education": "已取得的最高学历",
    "major_related": "所学专业是否为相关专业",
    "student": "是否为在校/在读学生",
    "experience_years": "相关工作年限",
    "experience_continuous": "相关工作是否连续",
    "certificates": "所持证书及持证年限",
    "roles": "人员身份",
    "training_hours_met": "培训学时是否达标",
}

# Every sentence either engine produces; {name} placeholders are filled the same way in both.
MESSAGES = {
    "education": "需要{education}及以上学历",
    "education_enrolled": "需要{education}及以上学历（含在读）",
    "major_related": "需要相关专业",
    "experience": "需要相关工作经验满 {years} 年",
    "experience_continuous": "需要连续从事相关工作满 {years} 年",
    "experience_gap": "还需 {gap} 年相关工作经验",
    "experience_gap_continuous": "还需 {gap} 年连续的相关工作经验",
    "student": "需要是在校/在读学生",
    "certificate": "需持有{scheme}（{level}及以上）",
    "certificate_years": "需持有{scheme}（{level}及以上）满 {years} 年",
    "roles": "需要是以下人员之一：{roles}",
    "training_hours_met": "需要培训学时达标",
    "unanswered": "未回答：{label}（{field}）",
}


# How hard an unmet condition is to put right, for choosing the nearest route: work experience only
# takes time (ranked by the years still needed); training, then a certificate, then a degree take
# effort; a major, student status or role is a fact the candidate cannot change for this exam.
EFFORT = {"experience": 0, "training_hours_met": 1, "certificate": 2, "education": 3, "fixed": 5}


def number(value: float) -> str:
    """A number as both engines print it: 3.0 → "3", 0.5 → "0.5" (JS: String(value)).

    Both languages print the shortest decimal that reads back as the same float."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def gap_years(required: float, have: float) -> str:
    """The shortfall, rounded *up* to 0.01 year, so "还需" never understates it."""
    return number(math.ceil((required - have) * 100 - 1e-9) / 100)


def message(key: str, **values: object) -> str:
    return MESSAGES[key].format(**values)


# --- the candidate profile: a public JSON contract ---------------------------------------------

Years = Annotated[float, Field(ge=0, strict=True, allow_inf_nan=False)]
Id = Annotated[str, Field(pattern=SLUG_PATTERN)]


class HeldCertificate(BaseModel):
    """One certificate the candidate holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    scheme: Id = Field(description="A programme id, ceca-carbon-reduction, miit-energy-environment or other.")
    level: Id = Field(description="A level id; junior, intermediate or senior for the other schemes.")
    years_held: Years | None = Field(None, description="Whole or fractional years since it was issued.")


class Profile(BaseModel):
    """What the candidate tells us. Every field is optional: absent (or null) means not answered."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    education: EducationLevel | None = Field(None, description="Highest level completed.")
    major_related: StrictBool | None = None
    student: StrictBool | None = Field(None, description="Enrolled now (在校/在读).")
    experience_years: Years | None = Field(None, description="Related work, in years.")
    experience_continuous: StrictBool | None = None
    certificates: tuple[HeldCertificate, ...] | None = Field(None, description="[] means none.")
    roles: tuple[Id, ...] | None = Field(None, description="[] means none of the listed roles.")
    training_hours_met: StrictBool | None = None


class ProfileError(Exception):
    """A profile that does not follow the contract; each message reads `FILE: field: message`."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


def _loc(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _explain(error: dict) -> str:
    if error["type"] == "extra_forbidden":
        name = str(error["loc"][-1])
        allowed = list(HeldCertificate.model_fields if len(error["loc"]) > 1 else Profile.model_fields)
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.5)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"unknown field (allowed: {', '.join(allowed)}){hint}"
    return error["msg"]


def parse_profile(text: str, source: str = "profile") -> Profile:
    """Read a profile from JSON text; raises ProfileError with every problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError([f"{source}: invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"]) from None
    if not isinstance(data, dict):
        raise ProfileError([f"{source}: a profile is a JSON object, e.g. {{\"education\": \"bachelor\"}}"])
    try:
        return Profile.model_validate_json(text)
    except ValidationError as exc:
        raise ProfileError([
            f"{source}: {_loc(e['loc']) or '(profile)'}: {_explain(e)}" for e in exc.errors()
        ]) from None


def load_profile(path: Path) -> Profile:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ProfileError([f"{path}: cannot read the profile: {reason}"]) from None
    return parse_profile(text, str(path))


# --- vocabulary: names the messages use, taken from the catalogue --------------------------------


def schemes(catalog: Catalog) -> dict[str, dict]:
    """Certificate schemes a candidate can hold: id → {name, levels}."""
    out = {sid: {"name": labels.CERTIFICATE_SCHEME[sid], "levels": list(LEVEL_LADDERS[0])} for sid in SPECIAL_SCHEMES}
    for pid, program in catalog.programs.items():
        if program.levels and pid not in out:
            out[pid] = {"name": f"{program.name.zh}证书", "levels": [lv.id for lv in program.levels]}
    return out


def known_roles(catalog: Catalog) -> dict[str, str]:
    found = dict(labels.ROLE)
    for program in catalog.programs.values():
        for unit in units(program):
            for route in unit.eligibility.routes if unit.eligibility else ():
                for condition in route.conditions:
                    for role in condition.roles or ():
                        found.setdefault(role, role)
    return found


def scheme_name(scheme: str, names: dict[str, str]) -> str:
    return labels.CERTIFICATE_SCHEME.get(scheme) or f"{names.get(scheme, scheme)}证书"


def check_profile(profile: Profile, catalog: Catalog, source: str = "profile") -> list[str]:
    """Problems a well-formed profile can still have: schemes, levels or roles the catalogue lacks."""
    problems = []
    known = schemes(catalog)
    for i, cert in enumerate(profile.certificates or ()):
        if cert.scheme not in known:
            close = difflib.get_close_matches(cert.scheme, list(known), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f" (known: {', '.join(known)})"
            problems.append(f"{source}: certificates[{i}].scheme: unknown scheme '{cert.scheme}'{hint}")
        elif cert.level not in known[cert.scheme]["levels"]:
            problems.append(f"{source}: certificates[{i}].level: '{cert.level}' is not a level of "
                            f"{cert.scheme} (levels: {', '.join(known[cert.scheme]['levels'])})")
    roles = known_roles(catalog)
    for i, role in enumerate(profile.roles or ()):
        if role not in roles:
            problems.append(f"{source}: roles[{i}]: unknown role '{role}' (known: {', '.join(roles)})")
    return problems


# --- what gets evaluated: one entry per level, or one for the whole programme --------------------


@dataclass(frozen=True)
class Unit:
    level: str
    name: str
    status: Literal["published", "unpublished"]
    eligibility: Eligibility | None


def units(program: Program) -> list[Unit]:
    """Each level with the rules its page shows; a programme without levels is one entry, `all`."""
    if not program.levels:
        status = "published" if program.eligibility else "unpublished"
        return [Unit(ALL_LEVELS, ALL_LEVELS_NAME, status, program.eligibility)]
    out = []
    for level in program.levels:
        rules = None if level.status == "unpublished" else (level.eligibility or program.eligibility)
        out.append(Unit(level.id, level.name.zh, "published" if rules else "unpublished", rules))
    return out


# --- the engine -------------------------------------------------------------------------------

Tri = bool | None  # True met, False not met, None unknown (an answer is missing)


def _all(values: list[Tri]) -> Tri:
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def _any(values: list[Tri]) -> Tri:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


@dataclass(frozen=True)
class Check:
    """One condition, evaluated: its value, what it needs if not met, and the answers it lacks."""

    value: Tri
    needs: tuple[str, ...] = ()
    unanswered: tuple[str, ...] = ()
    years_short: float = 0  # more years of work this condition needs (for choosing the nearest route)
    effort: int = 0  # EFFORT of putting it right, when not met


def _ladder_rank(level: str) -> tuple[int, int] | None:
    for n, ladder in enumerate(LEVEL_LADDERS):
        if level in ladder:
            return n, ladder.index(level)
    return None


def _education(rule, p: Profile) -> Check:
    parts: list[tuple[Tri, str, tuple[str, ...]]] = []
    need = message("education_enrolled" if rule.include_enrolled else "education",
                   education=labels.EDUCATION[rule.minimum])
    required = EDUCATION_RANK[rule.minimum]
    if required == 0:  # 不限学历: nothing to ask
        level, missing = True, ()
    elif p.education is None:
        level: Tri = None
        missing: tuple[str, ...] = ("education",)
    elif EDUCATION_RANK[p.education] >= required:
        level, missing = True, ()
    elif rule.include_enrolled and EDUCATION_RANK[p.education] + 1 >= required:
        level, missing = p.student, (() if p.student is not None else ("student",))
    else:
        level, missing = False, ()
    parts.append((level, need, missing))
    if rule.major == "related":
        parts.append((p.major_related, message("major_related"), () if p.major_related is not None else ("major_related",)))
    value = _all([v for v, _, _ in parts])
    effort = max((EFFORT["education"] if i == 0 else EFFORT["fixed"]) for i, (v, _, _) in enumerate(parts) if v is not True) \
        if value is not True else 0
    return Check(value, tuple(n for v, n, _ in parts if v is not True),
                 tuple(f for v, _, m in parts if v is None for f in m), 0, effort)


def _experience(rule, p: Profile) -> Check:
    years = number(rule.years)
    need = message("experience_continuous" if rule.continuous else "experience", years=years)
    if rule.continuous and p.experience_continuous is False:  # needs a continuous stretch, whatever the total
        return Check(False, (need,), (), rule.years)
    if p.experience_years is None:
        unanswered = ("experience_years",) + (("experience_continuous",) if rule.continuous and p.experience_continuous is None else ())
        return Check(None, (need,), unanswered, rule.years)
    if p.experience_years < rule.years:
        gap = gap_years(rule.years, p.experience_years)
        key = "experience_gap_continuous" if rule.continuous else "experience_gap"
        return Check(False, (message(key, gap=gap),), (), rule.years - p.experience_years)
    if not rule.continuous or p.experience_continuous is True:
        return Check(True)
    return Check(None, (need,), ("experience_continuous",), rule.years)


def own_schemes(program: Program) -> tuple[str, ...]:
    """Certificates that are this programme's own, so never "other" for it."""
    return tuple(s for s in (program.id, program.family, program.document) if s)


def _certificate(rule, p: Profile, names: dict[str, str], own: tuple[str, ...]) -> Check:
    scheme = scheme_name(rule.scheme, names)
    level = labels.LEVEL_NAME.get(rule.level, rule.level)
    need = (message("certificate_years", scheme=scheme, level=level, years=number(rule.years_held))
            if rule.years_held else message("certificate", scheme=scheme, level=level))
    if p.certificates is None:
        return Check(None, (need,), ("certificates",), 0, EFFORT["certificate"])
    wanted = _ladder_rank(rule.level)
    values: list[Tri] = []
    for cert in p.certificates:
        held = _ladder_rank(cert.level)
        same = cert.scheme == rule.scheme or (rule.scheme == "other" and cert.scheme not in own)
        if not same or wanted is None or held is None or held[0] != wanted[0] or held[1] < wanted[1]:
            continue
        if not rule.years_held:
            values.append(True)
        elif cert.years_held is None:
            values.append(None)
        else:
            values.append(cert.years_held >= rule.years_held)
    value = _any(values)
    if value is True:
        return Check(True)
    return Check(value, (need,), ("certificates",) if value is None else (), 0, EFFORT["certificate"])


def check_condition(condition: Condition, p: Profile, names: dict[str, str], own: tuple[str, ...] = ()) -> Check:
    if condition.education is not None:
        return _education(condition.education, p)
    if condition.experience is not None:
        return _experience(condition.experience, p)
    if condition.student is not None:
        return Check(p.student, () if p.student else (message("student"),),
                     () if p.student is not None else ("student",), 0, 0 if p.student else EFFORT["fixed"])
    if condition.certificate is not None:
        return _certificate(condition.certificate, p, names, own)
    if condition.roles is not None:
        if p.roles is None:
            value: Tri = None
        else:
            value = any(role in condition.roles for role in p.roles)
        need = message("roles", roles="、".join(labels.ROLE.get(r, r) for r in condition.roles))
        return Check(value, () if value else (need,), ("roles",) if value is None else (),
                     0, 0 if value else EFFORT["fixed"])
    value = p.training_hours_met
    return Check(value, () if value else (message("training_hours_met"),),
                 ("training_hours_met",) if value is None else (), 0, 0 if value else EFFORT["training_hours_met"])


@dataclass(frozen=True)
class RouteRef:
    clause: str
    text: str


@dataclass(frozen=True)
class LevelResult:
    level: str
    status: Status
    met_routes: tuple[RouteRef, ...] = ()
    missing: tuple[str, ...] = ()
    nearest: RouteRef | None = None  # the unmet route `missing` is about (not_eligible, no route met)
    unanswered: tuple[str, ...] = ()  # profile fields whose answers would change an unknown outcome

    def to_json(self) -> dict:
        return {
            "level": self.level,
            "status": self.status,
            "met_routes": [{"clause": r.clause, "text": r.text} for r in self.met_routes],
            "missing": list(self.missing),
        }


@dataclass(frozen=True)
class ProgramResult:
    program: str
    levels: tuple[LevelResult, ...]

    def to_json(self) -> dict:
        return {"program": self.program, "levels": [lv.to_json() for lv in self.levels]}


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def _evaluate_unit(unit: Unit, program: Program, p: Profile, names: dict[str, str]) -> LevelResult:
    if unit.eligibility is None:
        return LevelResult(unit.level, "unpublished")
    own = own_schemes(program)
    routes = unit.eligibility.routes
    route_checks = [[check_condition(c, p, names, own) for c in route.conditions] for route in routes]
    route_values = [_all([c.value for c in checks]) for checks in route_checks]
    pre_checks = [check_condition(pre.condition, p, names, own) for pre in program.preconditions]
    any_route = _any(route_values)
    outcome = _all([any_route] + [c.value for c in pre_checks])
    met = _unique(RouteRef(r.clause, r.text) for r, v in zip(routes, route_values) if v is True)

    if outcome is True:
        return LevelResult(unit.level, "eligible", met)
    if outcome is None:
        fields = {f for c in pre_checks if c.value is None for f in c.unanswered}
        if any_route is None:
            fields |= {f for checks, v in zip(route_checks, route_values) if v is None for c in checks for f in c.unanswered}
        ordered = tuple(f for f in FIELDS if f in fields)
        missing = tuple(message("unanswered", label=FIELDS[f], field=f) for f in ordered)
        return LevelResult(unit.level, "unknown", met, missing, unanswered=ordered)
    nearest = None
    needs: list[str] = []
    if any_route is not True:
        def distance(i: int) -> tuple:
            unmet = [(cond, c) for cond, c in zip(routes[i].conditions, route_checks[i]) if c.value is not True]
            return (sum(cond.experience is None for cond, _ in unmet), sum(c.effort for _, c in unmet), len(unmet),
                    sum(c.years_short for _, c in unmet), i)

        index = min(range(len(routes)), key=distance)
        nearest = RouteRef(routes[index].clause, routes[index].text)
        needs += [n for c in route_checks[index] if c.value is not True for n in c.needs]
    needs += [n for c in pre_checks if c.value is not True for n in c.needs]
    return LevelResult(unit.level, "not_eligible", met, _unique(needs), nearest)


def evaluate(program: Program, profile: Profile, catalog: Catalog | None = None) -> ProgramResult:
    """Every level of one programme (one entry, `all`, when its rules do not depend on level)."""
    names = {pid: p.name.zh for pid, p in catalog.programs.items()} if catalog else {}
    names.setdefault(program.id, program.name.zh)
    return ProgramResult(program.id, tuple(
        _evaluate_unit(unit, program, profile, names) for unit in units(program)))


def evaluate_all(catalog: Catalog, profile: Profile) -> list[ProgramResult]:
    return [evaluate(program, profile, catalog) for program in catalog.programs.values()]


def format_text(results: list[ProgramResult], catalog: Catalog) -> str:
    """Readable Chinese for the terminal."""
    marks = {"eligible": "✓", "not_eligible": "✗", "unknown": "?", "unpublished": "–"}
    lines: list[str] = []
    for result in results:
        program = catalog.programs[result.program]
        names = {u.level: u.name for u in units(program)}
        lines.append(f"{program.name.zh}（{program.id}）")
        for lv in result.levels:
            lines.append(f"  {marks[lv.status]} {names[lv.level]}：{STATUS[lv.status]}")
            for route in lv.met_routes:
                lines.append(f"      符合第 {route.clause} 条：{route.text}")
            if lv.nearest:
                lines.append(f"      最接近第 {lv.nearest.clause} 条：{lv.nearest.text}")
            for item in lv.missing:
                lines.append(f"      · {item}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --- the same rules as JSON, for the browser --------------------------------------------------


def _condition_json(condition: Condition, names: dict[str, str]) -> dict:
    kind = next(name for name in Condition.model_fields if getattr(condition, name) is not None)
    value = getattr(condition, kind)
    rule = value.model_dump(mode="json") if isinstance(value, BaseModel) else (list(value) if isinstance(value, tuple) else value)
    out = {"kind": kind, "rule": rule, "description": describe_condition(condition, names)}
    if kind == "certificate":
        out["scheme_name"] = scheme_name(value.scheme, names)
    if kind == "roles":
        out["role_names"] = [labels.ROLE.get(r, r) for r in value]
    return out


def shares_family_rules(program: Program, catalog: Catalog) -> bool:
    """A specialty that takes its whole eligibility from its family."""
    family = catalog.programs.get(program.family) if program.family else None
    return bool(family and not program.levels and not family.levels
                and program.eligibility == family.eligibility and program.preconditions == family.preconditions)


def rules(catalog: Catalog) -> dict:
    """Everything the browser engine needs, from the same models the Python engine reads."""
    names = {pid: p.name.zh for pid, p in catalog.programs.items()}
    programs = []
    for program in sorted(catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id)):
        levels = []
        for unit in units(program):
            e = unit.eligibility
            levels.append({
                "id": unit.level,
                "name": unit.name,
                "status": unit.status,
                "intro": e.intro if e else None,
                "rule_text": e.rule_text if e else None,
                "routes": [
                    {"clause": r.clause, "text": r.text, "conditions": [_condition_json(c, names) for c in r.conditions]}
                    for r in (e.routes if e else ())
                ],
            })
        programs.append({
            "id": program.id,
            "name": program.name.zh,
            "type": program.type,
            "family": program.family,
            "shares_rules_with": program.family if shares_family_rules(program, catalog) else None,
            "own_schemes": list(own_schemes(program)),
            "preconditions": [
                {"id": pre.id, "text": pre.text, "condition": _condition_json(pre.condition, names)}
                for pre in program.preconditions
            ],
            "levels": levels,
        })
    return {
        "version": 1,
        "fields": [{"id": f, "label": label} for f, label in FIELDS.items()],
        "education": [{"id": e, "name": EDUCATION_ANSWER[e], "rank": r} for e, r in EDUCATION_RANK.items()],
        "education_names": dict(labels.EDUCATION),
        "level_ladders": [list(ladder) for ladder in LEVEL_LADDERS],
        "level_names": dict(labels.LEVEL_NAME),
        "schemes": [{"id": sid, **spec} for sid, spec in schemes(catalog).items()],
        "roles": [{"id": rid, "name": name} for rid, name in known_roles(catalog).items()],
        "status": STATUS,
        "messages": MESSAGES,
        "effort": EFFORT,
        "programs": programs,
    }


def _compact_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def rules_json(catalog: Catalog) -> str:
    return _compact_json(rules(catalog))


def split_rules_json(catalog: Catalog, everything: dict) -> dict[str, str]:
    """`everything` (= rules(catalog)) as PROGRAM_RULES_DIR/_common.json (all but `programs`) and
    PROGRAM_RULES_DIR/<id>.json (`{"programs": [that programme]}`); the widget joins the two. A renamed
    programme's old id keeps its file, like every published URL."""
    common = {key: value for key, value in everything.items() if key != "programs"}
    out = {f"{PROGRAM_RULES_DIR}/_common.json": _compact_json(common)}
    for entry in everything["programs"]:
        text = _compact_json({"programs": [entry]})
        for pid in (entry["id"], *catalog.programs[entry["id"]].former_ids):
            out[f"{PROGRAM_RULES_DIR}/{pid}.json"] = text
    return out


def site_files(catalog: Catalog, renderer: Renderer) -> dict[str, str]:
    """The cross-programme page /eligibility/ and the rules JSON the widget evaluates."""
    programs = sorted(catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id))
    shared = {p.id for p in programs if shares_family_rules(p, catalog)}
    groups = [
        (program, units(program), [catalog.programs[s].name.zh for s in catalog.specialties.get(program.id, ()) if s in shared])
        for program in programs if program.id not in shared
    ]
    page = renderer.env.get_template("eligibility.md.j2").render(
        groups=groups, readings=READINGS, status=STATUS)
    everything = rules(catalog)
    return {PAGE_PATH: page, RULES_PATH: _compact_json(everything), **split_rules_json(catalog, everything)}


# The readings above, in the words the site shows candidates (eligibility page and widget).
READINGS = (
    "学历由低到高依次为：初中，高中和中专/中职（同级），大专，本科，双学士，硕士/研究生，博士；要求“某学历及以上”时，更高的学历也符合。"
    "“最高学历”填已经取得的学历；条款注明“含在读”时，在校/在读学生按正在就读的更高一级学历计算。",
    "条款写“取得其他专业”或“非相关专业”的，任何专业均可；写“相关专业”的，须为环境工程与科学、能源等相关专业。",
    "“连续从事相关工作满 N 年”要求工作经验连续；写“累计”或未写的，连续、不连续均可。",
    "持有同一类证书的更高级别，视为符合较低级别的证书要求（初级、中级、高级由低到高；四级、三级、二级、一级由低到高）。"
    "条款点名的证书（如碳减排领域证书）只认该类证书；条款写“其他…职业或技能证书、职称证书”的，本项目自身证书以外的任何证书都算。",
    "项目统一要求的培训学时等条件，适用于每个级别。各级别按各自公布的条款单独判断；原文标注“待定”的级别显示为“报考条件未公布”。",
    "本自查只根据公开资料的文字判断，报名以颁证/主办单位审核为准。",
)
