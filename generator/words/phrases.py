"""The Chinese edition's phrases built from structured data: dates, offsets, rules, conditions, fees.

Labels (one word per enumeration value) live in labels.py; these functions combine them. The English
edition's counterparts are methods of `editions.EnglishWords`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from generator.source.catalog import Vocabulary
from generator.source.facts import Qualified
from generator.source.models import Condition, Fee, Offset, ScheduleRule, Source, SourceDocument
from generator.words import labels

WEEKDAY_SHORT = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def source_date(value: str | None) -> str:
    """A date as a source gives it (YYYY, YYYY-MM or YYYY-MM-DD), in Chinese; 未公布 when missing."""
    if not value:
        return labels.NOT_PUBLISHED
    parts = [int(p) for p in str(value).split("-")]
    suffixes = ("年", "月", "日")
    return "".join(f"{n}{s}" for n, s in zip(parts, suffixes))


def calendar_day(day: dt.date, weekday: bool = True) -> str:
    """A computed calendar day, with its weekday."""
    text = f"{day.year}年{day.month}月{day.day}日"
    return f"{text}（{WEEKDAY_SHORT[day.weekday()]}）" if weekday else text


def short_day(day: dt.date, reference: dt.date) -> str:
    """A day next to `reference`: the year only when it differs."""
    text = f"{day.month}月{day.day}日" if day.year == reference.year else calendar_day(day, weekday=False)
    return f"{text}（{WEEKDAY_SHORT[day.weekday()]}）"


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


def describe_condition(condition: Condition, names: Vocabulary | None = None) -> str:
    """The structured reading of one condition, in plain Chinese (`names`: the catalogue's Chinese
    vocabulary, which names schemes, programmes and roles)."""
    names = names or Vocabulary.of(None, "zh")
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
        scheme = names.schemes.get(cert.scheme) or names.programs.get(cert.scheme, cert.scheme)
        return f"持有证书：{scheme}（{labels.LEVEL_NAME.get(cert.level, cert.level)}）{held}"
    if condition.roles:
        return "身份：" + "、".join(names.roles.get(r, r) for r in condition.roles)
    return "考前培训学时达标"


def fee_line(fee: Fee) -> str:
    amount = f"{fee.amount:g} {fee.unit or '元'}" if fee.amount is not None else labels.NOT_PUBLISHED
    return f"{labels.FEE_KIND[fee.kind]}：{amount}"


def qualified_text(fact: Qualified, value: str, with_notes: bool = False) -> str:
    """A value with what travels with it, in plain Chinese text (feeds, calendars)."""
    text = value
    if fact.condition:
        text += f"（原文：{fact.condition}）"
    if fact.reading:
        text += f"（我们的理解：{fact.reading}）"
    if with_notes:
        text += "".join(f"（说明：{n}）" for n in fact.notes)
    return text


def source_title(file: str, documents: Mapping[str, SourceDocument]) -> str:
    """A source document as readers know it: 《its title》, or our description of one that prints none;
    the file name only for a project without a registry (content/sources.yaml)."""
    document = documents.get(file)
    if document is None:
        return file
    return f"《{document.title}》" if document.titled_by == "source" else document.title


def source_label(source: Source, documents: Mapping[str, SourceDocument]) -> str:
    return f"{source_title(source.file, documents)} · {source.section}"

