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
    text = DATE_FORMAT["date"].format(year=day.year, month=day.month, day=day.day)
    return DATE_FORMAT["date_weekday"].format(date=text, weekday=WEEKDAY_SHORT[day.weekday()]) if weekday else text


# The calendar's date notes, as templates: the generator fills them in (sessions.py), and the same
# templates travel in assets/data/calendar-rules.json for the browser's session engine
# (site_overrides/assets/calendar/sessions.js), so both word every note identically.
DATE_FORMAT = {"date": "{year}年{month}月{day}日", "date_weekday": "{date}（{weekday}）", "year": "{year}年",
               "list_separator": "、"}
DATE_NOTES = {
    "holiday_estimated": "{day}是法定节假日（{holiday}）。{year}年的官方放假安排尚未公布，请向主办方确认{what}是否照常。",
    "holiday": "{day}在{holiday}假期内，请向主办方确认{what}是否照常。",
    "adjusted": "{day}是调休上班日（{holiday}调休）。",
    "month": "该周末的周日（{day_plain}）已是下个月；原文未说明跨月的周末是否算作本月的考试周末，请向主办方确认。",
    "estimated": "推算日期（estimated）：{years}的官方放假安排尚未公布，按周一至周五扣除法定节假日计算，未计调休，以主办方通知为准。",
    "range": "原文为“{text}”：{first}至{last}，此处标在最早一天。",
    "retake": "补考：{text}",
    "what_exam": "该日考试",
    "what_step": "该日安排",
}

# The calendar pages' words: the generator's pages and the browser (calendar/page.js, through
# calendar-rules.json) print the same ones.
CALENDAR_PAGE = {
    "today": "今天",
    "weekend": "周末",
    "reading": "考试日按本站理解",
    "as_of": "截至 {date}",
    "month_day": "{month}月{day}日",
    "range": "{first}至{last}",
    "and": "、",
    "estimated": "推算",
    "holiday": "节假日：{holiday}，请确认",
    "session_holiday": "节假日：{holidays}，请向主办方确认",
    "adjusted": "调休上班日",
    "next_month_sunday": "周日跨月，请确认",
    "session_estimated": "部分节点为推算日期",
    "flag": "（{flag}）",
    "flag_separator": "；",
    "not_published": labels.NOT_PUBLISHED,
    "times_not_published": "具体时段" + labels.NOT_PUBLISHED,
    "closed": "已截止",
    "no_fixed_steps": "原文未给出各环节的固定时间",
    "no_levels": "原文未分级别",
    "list_caption": "{first}至{last}的考试（{count} 场）",
    "month_list_caption": "{month}的考试（{count} 场）",
    "filter_count": "显示 {shown} / {total} 场考试",
    "next_intro": "按上述规则推算，{date}起的场次如下（日期以主办方通知为准）：",
    "next_none": "按上述规则推算，近期没有后续场次。",
    "list_none": "这段时间内没有按规则推算出的场次。",
    "details": "各环节与添加到日历",
}


def short_day(day: dt.date, reference: dt.date) -> str:
    """A day next to `reference`: the year only when it differs."""
    text = (CALENDAR_PAGE["month_day"].format(month=day.month, day=day.day) if day.year == reference.year
            else calendar_day(day, weekday=False))
    return DATE_FORMAT["date_weekday"].format(date=text, weekday=WEEKDAY_SHORT[day.weekday()])


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
        qualifiers = [labels.MAJOR[edu.major]] if edu.major != "any" else []
        left_out = [labels.EDUCATION[e] for e in edu.read_as_excluded]
        if left_out:
            qualifiers.append(f"按本目录理解，不含{'、'.join(left_out)}")
        if edu.unclear:
            qualifiers.append(f"是否包括{'、'.join(labels.EDUCATION[e] for e in edu.unclear)}，原文未写明")
        if qualifiers:
            text += f"（{'；'.join(qualifiers)}）"
        if edu.include_enrolled:
            kinds = edu.enrolled_kinds
            text += "，含在读" + (f"（{'；'.join(labels.STUDENT_KIND[k] for k in kinds)}）" if kinds else "")
        return text
    if condition.experience:
        exp = condition.experience
        return f"相关工作经验满 {_years(exp.years)} 年（{'连续' if exp.continuous else '累计'}）"
    if condition.student:
        kinds = () if condition.student is True else condition.student
        return "在校/在读学生" + (f"（{'；'.join(labels.STUDENT_KIND[k] for k in kinds)}）" if kinds else "")
    if condition.certificate:
        cert = condition.certificate
        held = f"，持证满 {_years(cert.years_held)} 年" if cert.years_held else ""
        scheme = names.schemes.get(cert.scheme) or names.programs.get(cert.scheme, cert.scheme)
        holders = names.scheme_holders.get(cert.scheme)
        also = f"；{'、'.join(holders)}的证书也属此类" if holders else ""
        return f"持有证书：{scheme}（{labels.LEVEL_NAME.get(cert.level, cert.level)}）{held}{also}"
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

