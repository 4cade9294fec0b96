"""The eligibility rules as JSON, for the browser engine (site_overrides/assets/eligibility/engine.js).

The same rules the Python engine reads travel in this JSON, once per edition, with that edition's words
(wording.py); the Chinese edition's words are the Python engine's, so both engines say the same thing.
programs/cases/<id>.yaml and tests/eligibility_vectors.yaml hold the cases both must agree on.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from generator.features.eligibility import wording
from generator.features.eligibility.engine import EDUCATION_LEVELS, EFFORT, known_roles, level_rules, own_schemes, schemes
from generator.source.catalog import Catalog
from generator.source.models import LEVEL_LADDERS, OTHER_SCHEME, Condition, Program
from generator.words.editions import ZH, Words

RULES_PATH = "assets/data/eligibility-rules.json"
# The same rules split for a widget that needs one programme at a time: the shared part (`_common.json`:
# fields, words, certificate schemes) and one file per programme. The whole file grows with the
# catalogue (see BENCHMARKS.md); /eligibility/ fetches it only for a small catalogue (EAGER_LIMIT).
PROGRAM_RULES_DIR = "assets/data/eligibility"
# At most this many programmes, /eligibility/ shows every programme's result as soon as there are answers
# (one request for the whole rules file); above it, each programme's rules arrive when the reader opens it.
EAGER_LIMIT = 40

def _condition_json(condition: Condition, words: Words, catalog: Catalog) -> dict:
    names = catalog.vocabulary(words.lang)
    kind = next(name for name in Condition.model_fields if getattr(condition, name) is not None)
    value = getattr(condition, kind)
    rule = value.model_dump(mode="json") if isinstance(value, BaseModel) else (list(value) if isinstance(value, tuple) else value)
    out = {"kind": kind, "rule": rule, "description": words.condition(condition, catalog)}
    if kind == "education":
        out["admitted"] = list(value.admitted)
        kinds = value.enrolled_kinds
        out["enrolled_kinds"] = None if kinds is None else list(kinds)
    if kind == "certificate":
        out["scheme_name"] = words.scheme_name(value.scheme, catalog)
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


def _level_name(program: Program, unit, words: Words) -> str:
    level = next((lv for lv in program.levels if lv.id == unit.level), None)
    return words.name(level.name) if level else wording.ALL_LEVELS_NAME[words.lang]


def program_rules(program: Program, catalog: Catalog, words: Words) -> dict:
    """One programme's rules, as the browser engine reads them, in one edition's words. Source quotes
    (clause texts, preconditions, notes) stay in Chinese."""
    levels = []
    for unit in level_rules(program):
        e = unit.eligibility
        levels.append({
            "id": unit.level,
            "name": _level_name(program, unit, words),
            "status": unit.status,
            "intro": e.intro if e else None,
            "rule_text": e.rule_text if e else None,
            "notes": [{"kind": n.kind, "text": n.text} for n in (e.notes if e else ())],
            "routes": [
                {"clause": r.clause, "text": r.text, "conditions": [_condition_json(c, words, catalog) for c in r.conditions]}
                for r in (e.routes if e else ())
            ],
        })
    return {
        "id": program.id,
        "name": words.name(program.name),
        "type": program.type,
        "family": program.family,
        "shares_rules_with": program.family if shares_family_rules(program, catalog) else None,
        "own_schemes": list(own_schemes(program)),
        "preconditions": [
            {"id": pre.id, "text": pre.text, "condition": _condition_json(pre.condition, words, catalog)}
            for pre in program.preconditions
        ],
        "levels": levels,
    }


def listed_programs(catalog: Catalog) -> list[Program]:
    """Programmes in the order the self-check lists them: programmes and families, then specialties."""
    return sorted(catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id))


def common_rules(catalog: Catalog, words: Words = ZH) -> dict:
    """Everything but the programmes: the questions, the words, the education levels, schemes and roles."""
    lang = words.lang
    ui = dict(wording.UI[lang])
    majors = catalog.site.related_majors
    ui["hint_major"] = ui["hint_major"].format(majors=majors) if majors else None
    return {
        "version": 1,
        "lang": lang,
        "source_lang": "zh-CN",  # clause texts, preconditions and notes are quoted from the sources
        "fields": [{"id": f, "label": label} for f, label in wording.FIELDS[lang].items()],
        "education": [{"id": e, "name": wording.EDUCATION_NONE_ANSWER[lang] if e == "none" else words.education[e]}
                      for e in EDUCATION_LEVELS],
        "education_names": dict(words.education),
        "student_kinds": [{"id": k, "name": name} for k, name in words.student_kind.items()],
        "level_ladders": [list(ladder) for ladder in LEVEL_LADDERS],
        "level_names": dict(words.level),
        "schemes": [{"id": sid, **spec} for sid, spec in schemes(catalog, words).items()],
        "roles": [{"id": rid, "name": name} for rid, name in known_roles(catalog, lang).items()],
        "status": wording.STATUS[lang],
        "messages": wording.MESSAGES[lang],
        "list_separator": wording.LIST_SEPARATOR[lang],
        "ui": ui,
        "eager_limit": EAGER_LIMIT,
        "effort": EFFORT,
    }


def rules(catalog: Catalog, words: Words = ZH) -> dict:
    """Everything the browser engine needs, from the same models the Python engine reads."""
    return {**common_rules(catalog, words), "programs": [program_rules(p, catalog, words) for p in listed_programs(catalog)]}


def compact_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def rules_json(catalog: Catalog, words: Words = ZH) -> str:
    return compact_json(rules(catalog, words))


def program_files(catalog: Catalog, words: Words = ZH) -> dict[str, str]:
    """PROGRAM_RULES_DIR/_common.json (all but the programmes) and PROGRAM_RULES_DIR/<id>.json
    (`{"programs": [that programme]}`); the widget joins the two. A renamed programme's old id keeps its
    file, like every published URL."""
    out = {f"{PROGRAM_RULES_DIR}/_common.json": compact_json(common_rules(catalog, words))}
    for program in listed_programs(catalog):
        text = compact_json({"programs": [program_rules(program, catalog, words)]})
        for pid in (program.id, *program.former_ids):
            out[f"{PROGRAM_RULES_DIR}/{pid}.json"] = text
    return out
