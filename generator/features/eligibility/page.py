"""The cross-programme self-check page, /eligibility/, and the rules files its widget reads."""

from __future__ import annotations

from generator.features.eligibility.engine import STATUS, level_rules
from generator.features.eligibility.rules_json import RULES_PATH, compact_json, rules, shares_family_rules, split_rules_json
from generator.pages.build import Build
from generator.source.catalog import Catalog

PAGE_PATH = "eligibility/index.md"

def files(build: Build) -> dict[str, str]:
    """The cross-programme page /eligibility/ and the rules JSON the widget evaluates."""
    catalog = build.catalog
    programs = sorted(catalog.programs.values(), key=lambda p: (p.type == "specialty", p.id))
    shared = {p.id for p in programs if shares_family_rules(p, catalog)}
    groups = [
        (program, level_rules(program), [catalog.programs[s].name.zh for s in catalog.specialties.get(program.id, ()) if s in shared])
        for program in programs if program.id not in shared
    ]
    page = build.page(PAGE_PATH, "eligibility.md.j2", groups=groups, readings=readings(catalog), status=STATUS)
    everything = rules(catalog)
    return {PAGE_PATH: page, RULES_PATH: compact_json(everything), **split_rules_json(catalog, everything)}


def readings(catalog: Catalog) -> tuple[str, ...]:
    """The readings of engine.py's docstring, in the words the site shows candidates, with the field's
    own words (content/site.yaml `related_majors`, the first scheme of content/schemes.yaml)."""
    majors = catalog.site.related_majors
    example = next(iter(catalog.schemes.values()), None)
    example = f"（如{example.short_name or example.name.zh}）" if example else ""
    return tuple(r.format(majors=f"{majors}等相关专业" if majors else "相关专业", example=example) for r in READINGS)


# The readings above, in the words the site shows candidates (eligibility page and widget).
READINGS = (
    "学历由低到高依次为：初中，高中和中专/中职（同级），大专，本科，双学士，硕士/研究生，博士；要求“某学历及以上”时，更高的学历也符合。"
    "“最高学历”填已经取得的学历；条款注明“含在读”时，在校/在读学生按正在就读的更高一级学历计算。",
    "条款写“取得其他专业”或“非相关专业”的，任何专业均可；写“相关专业”的，须为{majors}。",
    "“连续从事相关工作满 N 年”要求工作经验连续；写“累计”或未写的，连续、不连续均可。",
    "持有同一类证书的更高级别，视为符合较低级别的证书要求（初级、中级、高级由低到高；四级、三级、二级、一级由低到高）。"
    "条款点名的证书{example}只认该类证书；条款写“其他…职业或技能证书、职称证书”的，本项目自身证书以外的任何证书都算。",
    "项目统一要求的培训学时等条件，适用于每个级别。各级别按各自公布的条款单独判断；原文标注“待定”的级别显示为“报考条件未公布”。",
    "本自查只根据公开资料的文字判断，报名以颁证/主办单位审核为准。",
)

