"""The eligibility rules as JSON, for the browser engine (site_overrides/assets/eligibility/engine.js).

The same rules and wordings the Python engine uses travel in this JSON, so both engines say the same
thing; tests/eligibility_vectors.yaml holds the cases both must agree on.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from generator.features.eligibility.engine import (
    EDUCATION_ANSWER, EDUCATION_LEVELS, EFFORT, MESSAGES, STATUS, STUDENT_KINDS, known_roles, own_schemes,
    scheme_name, schemes, level_rules,
)
from generator.features.eligibility.profile import FIELDS
from generator.source.catalog import Catalog, Vocabulary
from generator.source.models import LEVEL_LADDERS, OTHER_SCHEME, Condition, Program
from generator.words import labels
from generator.words.phrases import describe_condition

RULES_PATH = "assets/data/eligibility-rules.json"
# The same rules split for a programme page's widget, which needs one programme: the shared part
# (`_common.json`: fields, wordings, certificate schemes) and one file per programme. The whole file
# grows with the catalogue (235 KB gzipped at 1,000 programmes, see BENCHMARKS.md); these do not.
PROGRAM_RULES_DIR = "assets/data/eligibility"

def _condition_json(condition: Condition, names: Vocabulary, catalog: Catalog) -> dict:
    kind = next(name for name in Condition.model_fields if getattr(condition, name) is not None)
    value = getattr(condition, kind)
    rule = value.model_dump(mode="json") if isinstance(value, BaseModel) else (list(value) if isinstance(value, tuple) else value)
    out = {"kind": kind, "rule": rule, "description": describe_condition(condition, names)}
    if kind == "education":
        out["admitted"] = list(value.admitted)
        kinds = value.enrolled_kinds
        out["enrolled_kinds"] = None if kinds is None else list(kinds)
    if kind == "certificate":
        out["scheme_name"] = scheme_name(value.scheme, names)
        # null: `other`, any certificate but the programme's own; else the registry's answer.
        out["met_by"] = None if value.scheme == OTHER_SCHEME else list(catalog.certificates_meeting(value.scheme))
    if kind == "roles":
        out["role_names"] = [names.roles.get(r, r) for r in value]
    return out


def shares_family_rules(program: Program, catalog: Catalog) -> bool:
    """A specialty that takes its whole eligibility from its family."""
    family = catalog.programs.get(program.family) if program.family else None
    return bool(family and not program.levels and not family.levels
                and program.eligibility == family.eligibility and program.preconditions == family.preconditions)


def rules(catalog: Catalog) -> dict:
    """Everything the browser engine needs, from the same models the Python engine reads."""
    names = catalog.vocabulary("zh")
    programs = []
    for program in sorted(catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id)):
        levels = []
        for unit in level_rules(program):
            e = unit.eligibility
            levels.append({
                "id": unit.level,
                "name": unit.name,
                "status": unit.status,
                "intro": e.intro if e else None,
                "rule_text": e.rule_text if e else None,
                "routes": [
                    {"clause": r.clause, "text": r.text, "conditions": [_condition_json(c, names, catalog) for c in r.conditions]}
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
                {"id": pre.id, "text": pre.text, "condition": _condition_json(pre.condition, names, catalog)}
                for pre in program.preconditions
            ],
            "levels": levels,
        })
    return {
        "version": 1,
        "fields": [{"id": f, "label": label} for f, label in FIELDS.items()],
        "education": [{"id": e, "name": EDUCATION_ANSWER[e]} for e in EDUCATION_LEVELS],
        "student_kinds": [{"id": k, "name": name} for k, name in STUDENT_KINDS.items()],
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


def compact_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def rules_json(catalog: Catalog) -> str:
    return compact_json(rules(catalog))


def split_rules_json(catalog: Catalog, everything: dict) -> dict[str, str]:
    """`everything` (= rules(catalog)) as PROGRAM_RULES_DIR/_common.json (all but `programs`) and
    PROGRAM_RULES_DIR/<id>.json (`{"programs": [that programme]}`); the widget joins the two. A renamed
    programme's old id keeps its file, like every published URL."""
    common = {key: value for key, value in everything.items() if key != "programs"}
    out = {f"{PROGRAM_RULES_DIR}/_common.json": compact_json(common)}
    for entry in everything["programs"]:
        text = compact_json({"programs": [entry]})
        for pid in (entry["id"], *catalog.programs[entry["id"]].former_ids):
            out[f"{PROGRAM_RULES_DIR}/{pid}.json"] = text
    return out

