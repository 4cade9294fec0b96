"""Eligibility self-check: which programmes and levels a candidate can apply for, and why.

One rule set, two engines. The rules are the programme YAML (`Eligibility`, `Route`, `Condition`,
`Precondition`); this module evaluates them in Python (`evaluate`, used by `catalog check`) and emits
the same rules as JSON (`rules_json.py`, per edition, under `assets/data/`) for the browser
engine in `site_overrides/assets/eligibility/engine.js`. Every wording the engines produce (missing
items, status names, field names) is defined in `wording.py` and travels in that JSON, so both say the same
thing; `programs/cases/<id>.yaml` (and `tests/eligibility_vectors.yaml`) hold the cases both must
agree on. No programme id or clause number appears in the code: everything specific lives in the data.

The candidate profile (`Profile`) is a public JSON contract; every field is optional and an absent
field means "not answered". The browser keeps the same fields in the URL query (see
`docs/eligibility.md` for the query encoding).

How each condition is read (three-valued: met / not met / unknown when an answer is missing):

Education
    Each clause admits a set of completed levels (`EducationCondition.admitted`: the YAML's `admits`,
    written out per clause, so that no clause makes another pointless: where 高中 and 中专 have their own
    thresholds, 中专及以上 leaves out 高中). `education` is the highest level the candidate has
    *completed*. A level the wording leaves open (`unclear`) makes the clause unknown with the reason,
    never a guess. With `include_enrolled` (含在读), a current student of a kind the clause counts meets it.
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
    `student: true` meets 在校/在读学生; a clause naming kinds of student (在校大学生、相关职业院校学生)
    also needs `student_kind` to be one of them, and is unknown without it.
Certificates
    A held certificate meets a requirement at the same or a *higher* level of the same ladder
    (junior < intermediate < senior; level-4 < level-3 < level-2 < level-1); ladders are not compared
    with each other. A scheme of the registry (content/schemes.yaml) is met by itself or by a
    certificate of any member programme (`Catalog.certificates_meeting`); a programme id by that
    programme. `scheme: other` (其他…职业或技能证书、职称证书) is met by a certificate of any scheme except
    the programme's own (its id, family and document). `years_held` must reach the requirement's (an
    absent `years_held` is unknown when the requirement has one). `certificates: []` means "none"; an
    absent field means not answered.
Roles
    Met when the candidate has any one of the listed roles.
Training hours
    `training_hours_met: true` meets a training-hours condition (e.g. 考前培训学时达标, or a minimum
    share of 课时); such conditions usually sit in the programme's `preconditions`.

A route is met when all its conditions are met; a level's rules are met when any route is, and
every programme-wide precondition holds. Levels are independent: each level is judged on its own
published rules (or, for a level without its own, on the programme-wide rules its page shows). A
level the source marks 待定 is `unpublished`. A programme whose rules do not depend on level (e.g. a
family and the specialties that inherit from it) is one entry with level id `all`.

Results per level: `status` (eligible / needs_training / not_eligible / unpublished / unknown),
`met_routes` (clause and verbatim text of every route met), and `missing`: for needs_training (a route
is met and only the programme's training precondition is not), that training; for not_eligible, what
the *nearest* unmet route lacks, plus every unmet precondition; for unknown, the unanswered fields whose
answers would change the outcome, and why a clause the wording leaves open is open. The nearest route is the one with the fewest unmet conditions other than work
experience (time alone adds experience); then the least effort to put the rest right (`EFFORT`:
training < certificate < degree < a fact the candidate cannot change, such as the major, student
status or a role); then the fewest unmet conditions; then the fewest further years of work; then the
earlier clause.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from typing import Literal

from generator.features.eligibility import wording
from generator.features.eligibility.profile import FIELDS, Profile
from generator.source.catalog import Catalog, Vocabulary
from generator.source.models import EDUCATION_STEPS, LEVEL_LADDERS, OTHER_SCHEME, Condition, Eligibility, Program
from generator.words import labels
from generator.words.editions import ZH, Words

ALL_LEVELS = "all"
ALL_LEVELS_NAME = wording.ALL_LEVELS_NAME["zh"]

EDUCATION_LEVELS = tuple(level for step in EDUCATION_STEPS for level in step)


STUDENT_KINDS = labels.STUDENT_KIND


Status = Literal["eligible", "needs_training", "not_eligible", "unpublished", "unknown"]


STATUS = wording.STATUS["zh"]


MESSAGES = wording.MESSAGES["zh"]


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


def schemes(catalog: Catalog, words: Words = ZH) -> dict[str, dict]:
    """Certificate schemes a candidate can hold: id → {name, levels}. The registry's first
    (content/schemes.yaml), then `other`, then every programme with levels."""
    names = catalog.vocabulary(words.lang).schemes
    out = {sid: {"name": names[sid], "levels": list(s.levels)} for sid, s in catalog.schemes.items()}
    out[OTHER_SCHEME] = {"name": names[OTHER_SCHEME], "levels": list(LEVEL_LADDERS[0])}
    for pid, program in catalog.programs.items():
        if program.levels and pid not in out:
            out[pid] = {"name": words.scheme_name(pid, catalog), "levels": [lv.id for lv in program.levels]}
    return out


def known_roles(catalog: Catalog, lang: str = "zh") -> dict[str, str]:
    found = dict(catalog.vocabulary(lang).roles)
    for program in catalog.programs.values():
        for unit in level_rules(program):
            for route in unit.eligibility.routes if unit.eligibility else ():
                for condition in route.conditions:
                    for role in condition.roles or ():
                        found.setdefault(role, role)
    return found


def scheme_name(scheme: str, names: Vocabulary) -> str:
    return names.schemes.get(scheme) or f"{names.programs.get(scheme, scheme)}证书"


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


@dataclass(frozen=True)
class LevelRules:
    """One level to evaluate (or the whole programme, `all`), with the rules that apply to it."""

    level: str
    name: str
    status: Literal["published", "unpublished"]
    eligibility: Eligibility | None


def level_rules(program: Program) -> list[LevelRules]:
    """Each level with the rules its page shows (Catalog.rules_for); a programme without levels is one
    entry, `all`."""
    if not program.levels:
        rules = Catalog.rules_for(program, None)
        return [LevelRules(ALL_LEVELS, ALL_LEVELS_NAME, "published" if rules else "unpublished", rules)]
    out = []
    for level in program.levels:
        rules = Catalog.rules_for(program, level.id)
        out.append(LevelRules(level.id, level.name.zh, "published" if rules else "unpublished", rules))
    return out


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
    reasons: tuple[str, ...] = ()  # why it is unknown when no answer would settle it (the wording is open)


def _ladder_rank(level: str) -> tuple[int, int] | None:
    for n, ladder in enumerate(LEVEL_LADDERS):
        if level in ladder:
            return n, ladder.index(level)
    return None


@dataclass(frozen=True)
class Scope:
    """What one programme's conditions are read against."""

    names: Vocabulary
    own: tuple[str, ...]  # certificates that are the programme's own, so never `other` for it
    catalog: Catalog | None  # its scheme registry says which certificates meet a scheme

    def certificates_meeting(self, scheme: str) -> tuple[str, ...]:
        return self.catalog.certificates_meeting(scheme) if self.catalog else (scheme,)


def _enrolled(kinds: tuple[str, ...] | None, p: Profile) -> tuple[Tri, tuple[str, ...]]:
    """Whether the candidate is a current student of one of `kinds` (None: any kind), and the answers
    that are missing to tell."""
    if p.student is None:
        return None, ("student",)
    if not p.student:
        return False, ()
    if kinds is None:
        return True, ()
    if p.student_kind is None:
        return None, ("student_kind",)
    return p.student_kind in kinds, ()


def _education(rule, p: Profile) -> Check:
    parts: list[tuple[Tri, str, tuple[str, ...]]] = []
    need = message("education_enrolled" if rule.include_enrolled else "education",
                   education=labels.EDUCATION[rule.minimum])
    admitted = rule.admitted
    reasons: tuple[str, ...] = ()
    if set(EDUCATION_LEVELS) <= set(admitted):  # 不限学历: nothing to ask
        level, missing = True, ()
    elif p.education is None:
        level: Tri = None
        missing: tuple[str, ...] = ("education",)
    elif p.education in admitted:
        level, missing = True, ()
    else:
        level, missing = _enrolled(rule.enrolled_kinds, p) if rule.include_enrolled else (False, ())
        if level is not True and p.education in rule.unclear:  # the wording leaves this level open
            level = None
            reasons = (message("education_unclear", education=labels.EDUCATION[rule.minimum],
                               have=labels.EDUCATION[p.education]),)
    parts.append((level, reasons[0] if reasons else need, missing))  # an open wording: say so, not "needs"
    if rule.major == "related":
        parts.append((p.major_related, message("major_related"), () if p.major_related is not None else ("major_related",)))
    value = _all([v for v, _, _ in parts])
    effort = max((EFFORT["education"] if i == 0 else EFFORT["fixed"]) for i, (v, _, _) in enumerate(parts) if v is not True) \
        if value is not True else 0
    return Check(value, tuple(n for v, n, _ in parts if v is not True),
                 tuple(f for v, _, m in parts if v is None for f in m), 0, effort, reasons)


def _student(rule, p: Profile) -> Check:
    kinds = None if rule is True else rule
    value, missing = _enrolled(kinds, p)
    need = message("student") if kinds is None else message(
        "student_kinds", kinds=wording.LIST_SEPARATOR["zh"].join(STUDENT_KINDS[k] for k in kinds))
    return Check(value, () if value else (need,), missing, 0, 0 if value else EFFORT["fixed"])


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


def _certificate(rule, p: Profile, scope: Scope) -> Check:
    scheme = scheme_name(rule.scheme, scope.names)
    level = labels.LEVEL_NAME.get(rule.level, rule.level)
    need = (message("certificate_years", scheme=scheme, level=level, years=number(rule.years_held))
            if rule.years_held else message("certificate", scheme=scheme, level=level))
    if p.certificates is None:
        return Check(None, (need,), ("certificates",), 0, EFFORT["certificate"])
    wanted = _ladder_rank(rule.level)
    counting = None if rule.scheme == OTHER_SCHEME else scope.certificates_meeting(rule.scheme)
    values: list[Tri] = []
    for cert in p.certificates:
        held = _ladder_rank(cert.level)
        same = cert.scheme not in scope.own if counting is None else cert.scheme in counting
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


def check_condition(condition: Condition, p: Profile, scope: Scope, training: str = "") -> Check:
    """One condition; `training` names the training a training-hours condition asks for."""
    if condition.education is not None:
        return _education(condition.education, p)
    if condition.experience is not None:
        return _experience(condition.experience, p)
    if condition.student is not None:
        return _student(condition.student, p)
    if condition.certificate is not None:
        return _certificate(condition.certificate, p, scope)
    if condition.roles is not None:
        if p.roles is None:
            value: Tri = None
        else:
            value = any(role in condition.roles for role in p.roles)
        need = message("roles", roles=wording.LIST_SEPARATOR["zh"].join(scope.names.roles.get(r, r) for r in condition.roles))
        return Check(value, () if value else (need,), ("roles",) if value is None else (),
                     0, 0 if value else EFFORT["fixed"])
    value = p.training_hours_met
    return Check(value, () if value else (message("training_hours_met", training=training),),
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


def _is_training(condition: Condition) -> bool:
    return condition.training_hours_met is not None


def _evaluate_unit(unit: LevelRules, program: Program, p: Profile, scope: Scope) -> LevelResult:
    if unit.eligibility is None:
        return LevelResult(unit.level, "unpublished")
    routes = unit.eligibility.routes
    route_checks = [[check_condition(c, p, scope) for c in route.conditions] for route in routes]
    route_values = [_all([c.value for c in checks]) for checks in route_checks]
    pre_checks = [check_condition(pre.condition, p, scope, pre.text) for pre in program.preconditions]
    any_route = _any(route_values)
    outcome = _all([any_route] + [c.value for c in pre_checks])
    met = _unique(RouteRef(r.clause, r.text) for r, v in zip(routes, route_values) if v is True)

    if outcome is True:
        return LevelResult(unit.level, "eligible", met)
    if any_route is True and all(c.value is True or (c.value is False and _is_training(pre.condition))
                                 for pre, c in zip(program.preconditions, pre_checks)):
        # Only the programme's training is left: say so, naming it.
        needs = _unique(n for c in pre_checks if c.value is not True for n in c.needs)
        return LevelResult(unit.level, "needs_training", met, needs)
    if outcome is None:
        open_checks = [c for c in pre_checks if c.value is None]
        if any_route is None:
            open_checks += [c for checks, v in zip(route_checks, route_values) if v is None for c in checks]
        fields = {f for c in open_checks for f in c.unanswered}
        ordered = tuple(f for f in FIELDS if f in fields)
        missing = tuple(message("unanswered", label=FIELDS[f]) for f in ordered)
        missing += _unique(r for c in open_checks for r in c.reasons)
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
    names = Vocabulary.of(catalog, "zh")
    if program.id not in names.programs:
        names = Vocabulary({**names.programs, program.id: program.name.zh}, names.schemes, names.roles)
    scope = Scope(names, own_schemes(program), catalog)
    return ProgramResult(program.id, tuple(
        _evaluate_unit(unit, program, profile, scope) for unit in level_rules(program)))


def evaluate_all(catalog: Catalog, profile: Profile) -> list[ProgramResult]:
    return [evaluate(program, profile, catalog) for program in catalog.programs.values()]


def format_text(results: list[ProgramResult], catalog: Catalog) -> str:
    """Readable Chinese for the terminal."""
    marks = {"eligible": "✓", "needs_training": "△", "not_eligible": "✗", "unknown": "?", "unpublished": "–"}
    lines: list[str] = []
    for result in results:
        program = catalog.programs[result.program]
        names = {u.level: u.name for u in level_rules(program)}
        lines.append(f"{program.name.zh}（{program.id}）")
        for lv in result.levels:
            lines.append(f"  {marks[lv.status]} {names[lv.level]}：{STATUS[lv.status]}")
            for route in lv.met_routes:
                lines.append(f"      符合原文 {route.clause}：{route.text}")
            if lv.nearest:
                lines.append(f"      最接近原文 {lv.nearest.clause}：{lv.nearest.text}")
            for item in lv.missing:
                lines.append(f"      · {item}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"

