"""`catalog new`: starter files that already pass validation, with a comment on every field."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.source.models import is_slug
from generator.source.schema import modeline

SOURCE = "{{file: {file}, section: 填写来源文件中的章节标题}}"
# A starter file cites a source file the project already cites (the first, by path); in a project that
# cites none yet, a placeholder of the right shape.
PLACEHOLDER_SOURCE_FILE = "000_0000000000000000.txt"
_CITED = re.compile(r"\bfile: *(\d{3}_[0-9a-f]{16}\.txt)")

TEMPLATES = {
    "program": ("programs/{id}.yaml", """\
id: {id}                      # 永久 id：文件名即 id，也是网址 /programs/{id}/，发布后不要改
name:
  zh: 待填写的项目名称          # 中文名称，照录来源文件
  en: Programme name to fill in  # 英文名称（忠实翻译）
summary: 待填写：用一两句话概括项目，措辞摘自来源文件。
bodies: []                    # 颁证/主办/培训机构：- {{body: 机构 id, role: issuer}}；role 见 schema
levels: []                    # 级别：- {{id: junior, name: {{zh: 初级, en: Junior}}, eligibility: …}}
# exam:        考试形式、题型、及格线，text 字段照录原文
# fees:        - {{kind: exam|training|retake|certificate|package, amount: 100, unit: 元/次, text: 原文, source: …}}
# schedule:    {{text: 原文, rule: {{months: [1, 3], week: 3, weekday: saturday}}, reading: 我们的理解, source: …}}
# timeline:    报名截止、成绩查询等环节及相对考试日期的 offset
# registration: 报名材料与照片要求；certificate: 证书与查询方式
# 来源未公布的信息请直接省略，页面会显示“未公布 / not published”。
sources:
  - {source}
last_verified: {today}        # 核实日期：对照来源文件核实后更新
"""),
    "syllabus": ("syllabi/{id}.yaml", """\
program: {program}            # 所属项目 id
{level_line}title: 待填写的大纲标题
units:                        # 知识单元 → 技术专题 → 知识点；id 为永久锚点（ASCII）
  - id: unit-1
    name: 待填写的知识单元
    topics:
      - id: topic-1
        name: 待填写的技术专题
        points:                  # 每个知识点一个永久 id（页面锚点）：改写、调序都不改 id
          - {{id: topic-1-1, text: 待填写的知识点}}
source: {source}
"""),
    "policy": ("content/policies/{id}.yaml", """\
id: {id}                      # 永久 id，也是网址 /policies/{id}/
title: 待填写的文件标题         # 照录标题
title_en: Title to fill in
# number: 国发〔2021〕23号     # 文号，照录（含括号）
kind: notice                  # law, regulation, opinion, plan, notice, announcement, standard, speech, report, interpretation
issuer: 待填写的发文机构
# issued / published / effective: YYYY、YYYY-MM 或 YYYY-MM-DD，只写来源给出的精度
summary: 待填写：一两句话概括，措辞摘自来源文件。
sources:
  - {source}
last_verified: {today}
"""),
    "body": ("content/bodies/{id}.yaml", """\
id: {id}                      # 永久 id，也是网址 /bodies/{id}/
name:
  zh: 待填写的机构名称
  en: Body name to fill in
kind: 待填写的机构类型           # 如：国家一级社团组织
summary: 待填写：机构简介，措辞摘自来源文件。
# websites: - {{url: http://…, text: 说明}}
sources:
  - {source}
"""),
}


def cited_file(root: Path) -> str:
    """The first source file the project's data cites, or the placeholder."""
    for folder in ("programs", "content", "syllabi"):
        for path in sorted((root / folder).glob("**/*.yaml")):
            found = _CITED.search(path.read_text(encoding="utf-8", errors="replace"))
            if found:
                return found.group(1)
    return PLACEHOLDER_SOURCE_FILE


class ScaffoldError(ValueError):
    pass


def new_file(root: Path, kind: str, ident: str, today: dt.date | None = None) -> Path:
    path_template, body = TEMPLATES[kind]
    parts = ident.split("/")
    if not all(is_slug(p) for p in parts) or (len(parts) > 1 and kind != "syllabus") or len(parts) > 2:
        raise ScaffoldError(f"'{ident}' is not a valid id: use lowercase ASCII letters, digits and hyphens"
                            + (" (a syllabus may be <program>/<level>)" if kind == "syllabus" else ""))
    relpath = path_template.format(id=ident)
    path = root / relpath
    if path.exists():
        raise ScaffoldError(f"{relpath} already exists; nothing was written")
    level_line = f"level: {parts[1]}                 # 级别 id\n" if len(parts) == 2 else ""
    text = body.format(id=ident, program=parts[0], level_line=level_line, source=SOURCE.format(file=cited_file(root)),
                       today=(today or dt.date.today()).isoformat())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(modeline(kind, relpath) + "\n" + text, encoding="utf-8")
    return path
