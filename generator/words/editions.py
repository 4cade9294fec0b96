"""What each edition calls things: one vocabulary per language, and the phrases built from data.

The site has two editions: Chinese (the source language, the site root) and English (under /en/).
Modules that decide *what* a page says (compare.py, ladder.py, english.py) ask a `Words` object
*how* to say it, so the same logic serves both editions and templates stay thin.

The Chinese words are labels.py and phrases.py, unchanged, so the Chinese pages keep
saying exactly what they said. The English words are below. English text that describes data is
built only from structured fields (levels, numbers, enumerations, `en` names); free text from the
sources (clauses, summaries, notes) has no English here, and pages show it in Chinese with a marker.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from generator.words import labels, phrases
from generator.source.catalog import Vocabulary
from generator.source.models import Condition, Fee, Names, Offset, ScheduleRule

if TYPE_CHECKING:
    from generator.source.catalog import Catalog

UNTRANSLATED = "Not yet translated — shown in Chinese"
UNTRANSLATED_SHORT = "not yet translated, shown in Chinese"  # inside a title or sentence


class Words:
    """The Chinese edition's words (labels.py and phrases.py)."""

    lang = "zh"
    not_published = labels.NOT_PUBLISHED
    no_levels = "原文未分级别"
    all_levels = "不分级别"
    list_sep = "、"
    item_sep = "；"
    and_sep = " + "

    level = labels.LEVEL_NAME
    education = labels.EDUCATION
    major = labels.MAJOR
    exam_mode = labels.EXAM_MODE
    question_type = labels.QUESTION_TYPE
    fee_kind = labels.FEE_KIND
    timeline_kind = labels.TIMELINE_KIND
    body_role = labels.BODY_ROLE
    note_kind = labels.NOTE_KIND
    policy_kind = labels.POLICY_KIND
    program_type = labels.PROGRAM_TYPE
    weekday = labels.WEEKDAY

    def name(self, names: Names) -> str:
        return names.zh

    def other_name(self, names: Names) -> str:
        """The name in the other edition's language (indexed so a search in either finds the page)."""
        return names.en

    def scheme_name(self, scheme: str, catalog: Catalog | None) -> str:
        names = Vocabulary.of(catalog, self.lang)
        if scheme in names.schemes:
            return names.schemes[scheme]
        program = catalog.programs.get(scheme) if catalog else None
        return f"{self.name(program.name)}证书" if program else scheme

    def program_names(self, catalog: Catalog) -> dict[str, str]:
        return {pid: self.name(p.name) for pid, p in catalog.programs.items()}

    def condition(self, condition: Condition, catalog: Catalog | None = None) -> str:
        # The catalogue builds its vocabulary once (building every name for every condition made the
        # comparison page quadratic in the number of programmes).
        return phrases.describe_condition(condition, Vocabulary.of(catalog, self.lang))

    def rule(self, rule: ScheduleRule) -> str:
        return phrases.describe_rule(rule)

    def offset(self, offset: Offset | None) -> str:
        return phrases.describe_offset(offset)

    def fee_line(self, fee: Fee) -> str:
        return phrases.fee_line(fee)

    def amount(self, fee: Fee) -> str:
        return f"{fee.amount:g} {fee.unit or '元'}" if fee.amount is not None else self.not_published

    def date(self, value: str | None) -> str:
        return phrases.source_date(value)

    def day(self, day: dt.date) -> str:
        return phrases.calendar_day(day)

    def pass_mark(self, mark: float | None) -> str:
        return f"{mark:g} 分及格" if mark is not None else f"及格线：{self.not_published}"

    def minutes(self, minutes: int) -> str:
        return f"{minutes} 分钟"

    def times(self, start: str, end: str, label: str | None) -> str:
        return f"{label + ' ' if label else ''}{start}–{end}"


class EnglishWords(Words):
    """The English edition's words."""

    lang = "en"
    not_published = "Not published"
    no_levels = "No levels in the source"
    all_levels = "All levels"
    list_sep = ", "
    item_sep = "; "
    and_sep = " + "

    level = {
        "junior": "Junior", "intermediate": "Intermediate", "senior": "Senior",
        "level-4": "Level 4", "level-3": "Level 3", "level-2": "Level 2", "level-1": "Level 1",
    }
    education = {
        "none": "no minimum education",
        "junior_high": "junior high school",
        "high_school": "senior high school",
        "secondary_vocational": "secondary vocational school",
        "associate": "associate (junior college) degree",
        "bachelor": "bachelor's degree",
        "double_bachelor": "double bachelor's degree",
        "master": "master's degree",
        "doctorate": "doctorate",
    }
    major = {"related": "related major", "other": "any other major", "any": "any major"}
    exam_mode = {"online": "Online exam", "offline": "In-person exam", "blended": "Online and in person"}
    question_type = {
        "single_choice": "single choice",
        "multiple_choice": "multiple choice",
        "true_false": "true/false",
        "short_answer": "short answer",
        "objective": "objective",
        "subjective": "subjective",
    }
    fee_kind = {
        "exam": "Exam fee",
        "training": "Training fee",
        "retake": "Retake fee",
        "certificate": "Certificate fee",
        "package": "Training and exam (total)",
    }
    timeline_kind = {
        "registration_close": "Registration closes",
        "review": "Eligibility review",
        "study": "Study",
        "sprint": "Final preparation",
        "mock_test": "Mock test",
        "exam": "Exam",
        "results": "Results",
        "certificate_issued": "Certificate issued",
        "certificate_query": "Certificate lookup",
        "retake": "Retake",
    }
    body_role = {
        "issuer": "issuer",
        "organiser": "organiser",
        "trainer": "training provider",
        "supervisor": "evaluation and supervision",
        "training_base": "training base",
        "exam_platform": "exam platform",
    }
    note_kind = {
        "discrepancy": ("warning", "Sources disagree"),
        "extraction": ("warning", "Text extraction problem"),
        "reading": ("info", "How we read it"),
        "unpublished": ("info", "Not published"),
        "info": ("note", "Note"),
    }
    policy_kind = {
        "law": "Law",
        "regulation": "Administrative regulation",
        "opinion": "Opinion",
        "plan": "Plan",
        "notice": "Notice",
        "announcement": "Announcement",
        "standard": "Standard",
        "speech": "Speech",
        "report": "Report",
        "interpretation": "Interpretation",
    }
    program_type = {"programme": "Programme", "family": "Programme family", "specialty": "Specialty of a family"}
    weekday = {
        "monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday", "thursday": "Thursday",
        "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday",
    }
    MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    # Units the sources print after an amount in yuan.
    UNITS = {None: "", "元": "", "元/人": " per person", "元/次": " per attempt", "元/人/次": " per person per attempt"}

    def name(self, names: Names) -> str:
        return names.en

    def other_name(self, names: Names) -> str:
        return names.zh

    def scheme_name(self, scheme: str, catalog: Catalog | None) -> str:
        names = Vocabulary.of(catalog, self.lang)
        if scheme in names.schemes:
            return names.schemes[scheme]
        program = catalog.programs.get(scheme) if catalog else None
        return f"{program.name.en} certificate" if program else scheme

    @staticmethod
    def years(value: float) -> str:
        return f"{value:g} year" + ("" if value == 1 else "s")

    def condition(self, condition: Condition, catalog: Catalog | None = None) -> str:
        if condition.education:
            edu = condition.education
            text = f"Education: {self.education[edu.minimum]}"
            if edu.minimum != "none":
                text += " or higher"
            if edu.major != "any":
                text += f" ({self.major[edu.major]})"
            return text + (", current students included" if edu.include_enrolled else "")
        if condition.experience:
            exp = condition.experience
            kind = "continuous" if exp.continuous else "cumulative"
            return f"Related work experience of at least {self.years(exp.years)} ({kind})"
        if condition.student:
            return "Currently a student"
        if condition.certificate:
            cert = condition.certificate
            held = f", held for at least {self.years(cert.years_held)}" if cert.years_held else ""
            level = self.level.get(cert.level, cert.level)
            return f"Holds: {self.scheme_name(cert.scheme, catalog)} ({level}){held}"
        if condition.roles:
            roles = Vocabulary.of(catalog, self.lang).roles
            return "Role: " + " or ".join(roles.get(r, r) for r in condition.roles)
        return "Required training hours completed"

    def rule(self, rule: ScheduleRule) -> str:
        if len(rule.months) == 12:
            months = "every month"
        else:
            names = [self.MONTHS[m - 1] for m in rule.months]
            months = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        which = "last" if rule.week == -1 else ("1st", "2nd", "3rd", "4th", "5th")[rule.week - 1]
        extra = " and the day after" if rule.also_next_day else ""
        return f"the {which} {self.weekday[rule.weekday]} of {months}{extra}"

    def offset(self, offset: Offset | None) -> str:
        if offset is None:
            return "No fixed time in the source"
        if offset.working_days is not None:
            n = offset.working_days
            unit = "working day" if abs(n) == 1 else "working days"
            return f"{n} {unit} after the exam" if n >= 0 else f"{-n} {unit} before the exam"
        if offset.days == 0:
            return "Exam day"
        days = sorted(abs(d) for d in (offset.days, offset.days_max) if d is not None)
        span = "–".join(str(d) for d in days)
        unit = "day" if span == "1" else "days"
        return f"{span} {unit} before the exam" if offset.days < 0 else f"{span} {unit} after the exam"

    def amount(self, fee: Fee) -> str:
        if fee.amount is None:
            return self.not_published
        if fee.unit in self.UNITS:
            return f"CNY {fee.amount:g}{self.UNITS[fee.unit]}"
        return f"{fee.amount:g} {fee.unit}"

    def fee_line(self, fee: Fee) -> str:
        return f"{self.fee_kind[fee.kind]}: {self.amount(fee)}"

    def date(self, value: str | None) -> str:
        if not value:
            return self.not_published
        parts = [int(p) for p in str(value).split("-")]
        if len(parts) == 1:
            return str(parts[0])
        month = self.MONTHS[parts[1] - 1]
        return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"

    def day(self, day: dt.date) -> str:
        return f"{self.weekday[tuple(self.weekday)[day.weekday()]][:3]} {day.day} {self.MONTHS[day.month - 1]} {day.year}"

    def pass_mark(self, mark: float | None) -> str:
        return f"pass mark {mark:g}" if mark is not None else f"pass mark: {self.not_published}"

    def minutes(self, minutes: int) -> str:
        return f"{minutes} minutes"

    def times(self, start: str, end: str, label: str | None) -> str:
        return f"{start}–{end}"


ZH = Words()
EN = EnglishWords()
