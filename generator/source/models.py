"""Typed, immutable models for every YAML kind in the catalogue.

These models are the single description of the data: the validator uses them,
and (later) the JSON Schemas for editors are generated from them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    WithJsonSchema,
    field_validator,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Vocational levels, lowest first on each of the two ladders (初级 → 高级; 四级 → 一级). Ladders are not
# compared with each other.
LevelId = Literal["junior", "intermediate", "senior", "level-4", "level-3", "level-2", "level-1"]
LEVEL_ORDER: tuple[str, ...] = get_args(LevelId)
LEVEL_LADDERS: tuple[tuple[str, ...], ...] = (LEVEL_ORDER[:3], LEVEL_ORDER[3:])
# The certificate scheme every catalogue has: any certificate other than the programme's own.
OTHER_SCHEME = "other"
# Ids become file names and URL segments in two editions: well under any file-name limit.
SLUG_MAX_LENGTH = 64
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH)]
NonEmptyText = Annotated[str, Field(min_length=1)]


def _to_partial_date(value: object) -> object:
    """YAML parses 2021-02-02 as a date; partial dates stay strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return value


def _check_partial_date(value: str) -> str:
    parts = [int(p) for p in value.split("-")]
    year, month, day = (parts + [1, 1])[:3]
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"'{value}' is not a real date ({exc})") from None
    return value


PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
PartialDate = Annotated[
    str,
    BeforeValidator(_to_partial_date),
    Field(pattern=PARTIAL_DATE_PATTERN),
    AfterValidator(_check_partial_date),
    # YAML reads a bare year as a number, and the validator accepts it, so the schema does too.
    WithJsonSchema({
        "anyOf": [{"type": "string", "pattern": PARTIAL_DATE_PATTERN}, {"type": "integer", "minimum": 1000, "maximum": 9999}],
        "description": "YYYY, YYYY-MM or YYYY-MM-DD",
    }),
]

ClockTime = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$", description="HH:MM, 24-hour")]


def _check_review_dates(last_verified: dt.date, review_by: dt.date | None) -> None:
    if review_by is not None and review_by < last_verified:
        raise ValueError(f"review_by {review_by} is before last_verified {last_verified}")


# Control characters (other than tab and line feed) have no place in quoted source text, and would
# reach the .ics feeds, JSON and pages as they are; U+2028/U+2029 end a line in JavaScript and iCalendar readers.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _refuse_control_characters(value: object) -> object:
    texts = value if isinstance(value, tuple) else (value,)
    for text in texts:
        if isinstance(text, str):
            found = _CONTROL_CHARACTER.search(text)
            if found:
                raise ValueError(f"control character U+{ord(found.group()):04X} at position {found.start()}; "
                                 "delete it (it is invisible in most editors)")
    return value


class Strict(BaseModel):
    # allow_inf_nan=False: YAML's .inf and .nan are numbers to the parser but no fee, mark or year,
    # and they would reach the JSON files as bare Infinity/NaN, which JSON does not have.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: object) -> object:
        return _refuse_control_characters(value)


# --- shared parts -----------------------------------------------------------


SOURCE_FILE_PATTERN = r"^[0-9]{3}_[0-9a-f]{16}\.txt$"
SourceFile = Annotated[str, Field(pattern=SOURCE_FILE_PATTERN)]


class Source(Strict):
    """Where a fact comes from: a file in the seed folder and a section in it."""

    file: SourceFile
    section: NonEmptyText


class Note(Strict):
    """A visible note: a discrepancy between sources, a garbled extraction, or how we read a rule."""

    kind: Literal["discrepancy", "extraction", "reading", "unpublished", "info"]
    text: NonEmptyText
    sources: tuple[Source, ...] = ()


class Names(Strict):
    zh: NonEmptyText
    en: NonEmptyText
    en_source: Source | None = Field(
        None, description="The passage that gives the English name; absent: the English name is our translation.")


# Characters that end an autolink (<…>) or a table cell (|) in the Markdown the pages are made of, or
# that a URL never needs unescaped; a source's URL with one of them is written percent-encoded.
_MARKDOWN_BREAKING_URL_CHARACTERS = set('<>|`"\\{}^ ')


def _check_url_characters(url: HttpUrl) -> HttpUrl:
    bad = sorted(set(str(url)) & _MARKDOWN_BREAKING_URL_CHARACTERS)
    if bad:
        raise ValueError(f"URL contains {' '.join(repr(c) for c in bad)}; write it percent-encoded (e.g. | as %7C)")
    return url


SafeUrl = Annotated[HttpUrl, AfterValidator(_check_url_characters)]


class Link(Strict):
    url: SafeUrl
    text: str | None = None


class DatedFact(Strict):
    """A career, market or history fact the sources give with a date."""

    date: PartialDate | None = None
    text: NonEmptyText
    source: Source


# --- eligibility ---------------------------------------------------------------

EducationLevel = Literal[
    "none",
    "junior_high",
    "high_school",
    "secondary_vocational",
    "associate",
    "bachelor",
    "double_bachelor",
    "master",
    "doctorate",
]


# Upper bounds that no real rule reaches, so a typo (or .inf) is refused rather than published.
MAX_YEARS = 50  # of experience or of holding a certificate
MAX_POINTS = 1000  # exam points, pass marks, question counts
MAX_FEE_YUAN = 1_000_000
MAX_OFFSET_DAYS = 730  # a timeline step at most two years from the exam
MAX_HOURS = 10_000


# The usual order of completed education, lowest first; levels in one tuple are the same step (高中 and
# 中专/中职). Only the default reading of "X及以上" when a clause does not list what it admits.
EDUCATION_STEPS: tuple[tuple[str, ...], ...] = (
    ("none",), ("junior_high",), ("high_school", "secondary_vocational"), ("associate",), ("bachelor",),
    ("double_bachelor",), ("master",), ("doctorate",),
)

# What a current student is enrolled in (the profile's student_kind).
StudentKind = Literal["university", "vocational", "secondary"]


class EducationCondition(Strict):
    minimum: EducationLevel = Field(description="The level the clause names (its words: X及以上).")
    admits: tuple[EducationLevel, ...] | None = Field(
        None, description="The completed levels the clause admits, read per clause (e.g. 中专及以上 without 高中 "
                          "where another clause gives 高中 its own threshold). Absent: the minimum and every "
                          "level at or above its step in the usual order.")
    unclear: tuple[EducationLevel, ...] = Field(
        (), description="Levels the wording leaves open; a candidate with one gets 'unknown' and the reason.")
    major: Literal["related", "other", "any"] = "any"
    include_enrolled: bool | tuple[StudentKind, ...] = Field(
        False, description="含在读: true when any current student counts, or the kinds of student that count.")

    @model_validator(mode="after")
    def _readable_set(self) -> EducationCondition:
        if self.admits is not None and self.minimum not in self.admits:
            raise ValueError(f"admits: must include the minimum '{self.minimum}'")
        overlap = set(self.unclear) & set(self.admitted)
        if overlap:
            raise ValueError(f"unclear: {', '.join(sorted(overlap))} is admitted already")
        return self

    @property
    def admitted(self) -> tuple[str, ...]:
        return self.default_admitted if self.admits is None else self.admits

    @property
    def default_admitted(self) -> tuple[str, ...]:
        """The minimum and every level at or above its step in the usual order."""
        step = next(i for i, levels in enumerate(EDUCATION_STEPS) if self.minimum in levels)
        return tuple(level for levels in EDUCATION_STEPS[step:] for level in levels)

    @property
    def read_as_excluded(self) -> tuple[str, ...]:
        """Levels the usual order would admit that this clause does not (our reading, which every edition
        says), less those the wording leaves open."""
        return tuple(e for e in self.default_admitted if e not in self.admitted and e not in self.unclear)

    @property
    def enrolled_kinds(self) -> tuple[str, ...] | None:
        """The kinds of current student that count (None: any student; () : none)."""
        if self.include_enrolled is True:
            return None
        return self.include_enrolled or ()


class ExperienceCondition(Strict):
    years: Annotated[float, Field(ge=0, le=MAX_YEARS)]
    continuous: bool = Field(False, description="True for 连续; false for 累计 or unstated.")


class CertificateCondition(Strict):
    scheme: Annotated[str, Field(min_length=1)] = Field(
        description="A programme id, a scheme id from content/schemes.yaml, or other."
    )
    level: Slug
    years_held: Annotated[float, Field(ge=0, le=MAX_YEARS)] = 0


class Condition(Strict):
    """One condition; exactly one of its fields is set."""

    education: EducationCondition | None = None
    experience: ExperienceCondition | None = None
    student: Literal[True] | tuple[StudentKind, ...] | None = Field(
        None, description="true: any current student; or the kinds of student the clause names.")
    certificate: CertificateCondition | None = None
    roles: tuple[Slug, ...] | None = None
    training_hours_met: Literal[True] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        set_fields = [name for name, value in self if value is not None]
        if len(set_fields) != 1:
            raise ValueError(
                "a condition has exactly one of: " + ", ".join(name for name, _ in self)
                + f" (found {', '.join(set_fields) or 'none'})"
            )
        return self


class Route(Strict):
    """One way to qualify: met when all its conditions hold."""

    clause: NonEmptyText = Field(description="The source's own numbering, e.g. (1) or 1).")
    text: NonEmptyText = Field(description="The clause word for word.")
    conditions: tuple[Condition, ...] = Field(min_length=1)


class Eligibility(Strict):
    intro: str | None = Field(None, description="Wording before the list, verbatim.")
    routes: tuple[Route, ...] = Field(min_length=1)
    rule_text: str | None = Field(None, description="e.g. (以上条件需满足其中一条), verbatim.")
    source: Source
    notes: tuple[Note, ...] = ()


class Precondition(Strict):
    """A programme-wide requirement on top of every route, e.g. training hours."""

    id: Slug
    text: NonEmptyText
    condition: Condition
    source: Source


# --- exam, fees, schedule, timeline ------------------------------------------------


class QuestionType(Strict):
    type: Literal[
        "single_choice", "multiple_choice", "true_false", "short_answer", "objective", "subjective"
    ]
    count: Annotated[int, Field(gt=0, le=MAX_POINTS)] | None = None
    points_each: Annotated[float, Field(gt=0, le=MAX_POINTS)] | None = None


class TimeSlot(Strict):
    start: ClockTime
    end: ClockTime
    label: str | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> TimeSlot:
        # HH:MM compares as text; an end before its start would give DTEND before DTSTART in the feeds.
        if self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        return self


class Exam(Strict):
    mode: Literal["online", "offline", "blended"]
    text: NonEmptyText = Field(description="The source's description, verbatim.")
    platform: str | None = None
    proctoring: str | None = None
    question_types: tuple[QuestionType, ...] = ()
    question_count: Annotated[int, Field(gt=0, le=MAX_POINTS)] | None = None
    total_points: Annotated[float, Field(gt=0, le=MAX_POINTS)] | None = None
    pass_mark: Annotated[float, Field(ge=0, le=MAX_POINTS)] | None = None
    duration_minutes: Annotated[int, Field(gt=0, le=24 * 60)] | None = None
    times: tuple[TimeSlot, ...] = ()
    subjects: tuple[NonEmptyText, ...] = ()
    validity: str | None = Field(None, description="How long a registration stays valid.")
    source: Source
    notes: tuple[Note, ...] = ()

    @property
    def question_count_parts(self) -> tuple[int, ...]:
        """Each question type's count, when the source gives one for every type (else empty)."""
        counts = tuple(q.count for q in self.question_types)
        return counts if counts and all(counts) else ()

    @model_validator(mode="after")
    def _pass_mark_within_points(self) -> Exam:
        if self.pass_mark is not None and self.total_points is not None and self.pass_mark > self.total_points:
            raise ValueError(f"pass_mark {self.pass_mark:g} is above total_points {self.total_points:g}")
        return self


class Fee(Strict):
    kind: Literal["exam", "training", "retake", "certificate", "package"]
    amount: Annotated[float, Field(ge=0, le=MAX_FEE_YUAN)] | None = Field(None, description="In yuan (CNY).")
    unit: str | None = Field(None, description="e.g. 元/人, 元/次.")
    covers: tuple[Literal["exam", "training", "retake", "certificate"], ...] = ()
    levels: tuple[Slug, ...] = Field((), description="Empty means every level.")
    text: NonEmptyText
    source: Source


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class ScheduleRule(Strict):
    months: tuple[Annotated[int, Field(ge=1, le=12)], ...] = Field(min_length=1)
    week: Annotated[int, Field(ge=-1, le=5)] = Field(
        description="Which occurrence of the weekday in the month: 1–5, or -1 for the last."
    )
    weekday: Weekday
    also_next_day: bool = Field(False, description="True when the source says 周末 (Sat and Sun).")

    @model_validator(mode="after")
    def _week_not_zero(self) -> ScheduleRule:
        if self.week == 0:
            raise ValueError("week 0 never matches: use 1–5, or -1 for the last")
        return self

    @model_validator(mode="after")
    def _months_once_each(self) -> ScheduleRule:
        # A repeated month would date the same session twice: two events with one UID, two pages ids.
        repeated = sorted({m for m in self.months if self.months.count(m) > 1})
        if repeated:
            raise ValueError(f"months repeat: {', '.join(map(str, repeated))}; list each month once")
        return self


class Schedule(Strict):
    text: NonEmptyText = Field(description="The source's wording, verbatim.")
    rule: ScheduleRule
    reading: NonEmptyText = Field(description="How we read the wording, shown on the page.")
    times: tuple[TimeSlot, ...] = ()
    source: Source
    notes: tuple[Note, ...] = ()


class Offset(Strict):
    """Where a step falls relative to the exam date."""

    days: Annotated[int, Field(ge=-MAX_OFFSET_DAYS, le=MAX_OFFSET_DAYS)] | None = None
    days_max: Annotated[int, Field(ge=-MAX_OFFSET_DAYS, le=MAX_OFFSET_DAYS)] | None = Field(
        None, description="Upper end of a range, e.g. 2–3 days before.")
    working_days: Annotated[int, Field(ge=-MAX_OFFSET_DAYS, le=MAX_OFFSET_DAYS)] | None = None

    @model_validator(mode="after")
    def _one_unit(self) -> Offset:
        if (self.days is None) == (self.working_days is None):
            raise ValueError("an offset has either days or working_days")
        if self.days_max is not None and self.days is None:
            raise ValueError("days_max needs days")
        return self


TimelineKind = Literal[
    "registration_close",
    "review",
    "study",
    "sprint",
    "mock_test",
    "exam",
    "results",
    "certificate_issued",
    "certificate_query",
    "retake",
]


class TimelineStep(Strict):
    kind: TimelineKind
    label: NonEmptyText = Field(description="The source's step name, e.g. 报名.")
    text: NonEmptyText
    offset: Offset | None = Field(None, description="Absent where the source gives no fixed offset.")
    source: Source
    notes: tuple[Note, ...] = ()


# --- registration, certificate, course --------------------------------------------


class Registration(Strict):
    materials: tuple[NonEmptyText, ...] = Field(min_length=1)
    materials_en: tuple[NonEmptyText, ...] = Field((), description=(
        "Our English translation of materials, item for item (English edition); absent: shown in Chinese."))
    text: NonEmptyText
    submission: str | None = Field(None, description="Who submits, and how.")
    photo_rules: tuple[NonEmptyText, ...] = ()
    photo_size: str | None = None
    source: Source
    notes: tuple[Note, ...] = ()

    @model_validator(mode="after")
    def _one_translation_per_material(self) -> Registration:
        if self.materials_en and len(self.materials_en) != len(self.materials):
            raise ValueError(f"materials_en lists {len(self.materials_en)} items, materials {len(self.materials)}: "
                             "translate each material, in the same order")
        return self


class Verification(Strict):
    method: NonEmptyText
    url: SafeUrl | None = None
    source: Source


class Certificate(Strict):
    name: NonEmptyText
    issuer: Slug
    fields: tuple[NonEmptyText, ...] = ()
    validity: str | None = Field(None, description="Absent when the source does not publish it.")
    usage: tuple[NonEmptyText, ...] = ()
    verification: tuple[Verification, ...] = ()
    benefits: tuple[NonEmptyText, ...] = ()
    source: Source
    notes: tuple[Note, ...] = ()


class CourseModule(Strict):
    category: str | None = None
    name: NonEmptyText
    hours: Annotated[float, Field(gt=0, le=MAX_HOURS)] | None = None
    lessons: Annotated[int, Field(gt=0, le=MAX_HOURS)] | None = None
    topics: tuple[NonEmptyText, ...] = ()


class Course(Strict):
    modules: tuple[CourseModule, ...] = Field(min_length=1)
    delivery: str | None = None
    text: str | None = None
    source: Source
    notes: tuple[Note, ...] = ()


# --- programme --------------------------------------------------------------------

# host = 主办单位; organiser = 承办单位 or 负责培训组织 (the source names both where it has both); guide = 指导单位.
BodyRole = Literal["issuer", "host", "organiser", "guide", "trainer", "supervisor", "training_base", "exam_platform"]


class BodyRef(Strict):
    body: Slug
    role: BodyRole
    text: str | None = Field(None, description="The source's wording for this role.")
    source: Source | None = None


class Level(Strict):
    id: LevelId
    name: Names
    status: Literal["published", "unpublished"] = "published"
    focus: str | None = Field(None, description="What the level trains for, as the source puts it.")
    eligibility: Eligibility | None = None
    syllabus: str | None = Field(None, description="Syllabus id: <program> or <program>/<level>.")
    exam: Exam | None = None
    notes: tuple[Note, ...] = ()

    @model_validator(mode="after")
    def _published_has_rules(self) -> Level:
        if self.status == "unpublished" and self.eligibility is not None:
            raise ValueError("an unpublished level carries no eligibility")
        return self


class Occupation(Strict):
    code: Annotated[str, Field(pattern=r"^[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}$")] | None = None
    definition: NonEmptyText
    work_types: tuple[NonEmptyText, ...] = ()
    source: Source
    notes: tuple[Note, ...] = ()


class Program(Strict):
    id: Slug
    former_ids: tuple[Slug, ...] = Field((), description="Earlier ids: their URLs redirect here, anchors kept.")
    type: Literal["programme", "family", "specialty"] = "programme"
    family: Slug | None = Field(None, description="For a specialty: the family it belongs to.")
    document: Slug | None = Field(None, description="For a specialty: the programme with its own document.")
    name: Names
    summary: NonEmptyText
    summary_en: NonEmptyText | None = Field(None, description="English translation of the summary (English edition); absent: shown in Chinese.")
    occupation: Occupation | None = None
    audiences: tuple[NonEmptyText, ...] = ()
    objectives: tuple[NonEmptyText, ...] = ()
    skills: tuple[NonEmptyText, ...] = ()
    bodies: tuple[BodyRef, ...] = ()
    links: tuple[Link, ...] = Field((), description="Official platforms and pages, as the sources print them.")
    levels: tuple[Level, ...] = ()
    preconditions: tuple[Precondition, ...] = ()
    eligibility: Eligibility | None = Field(
        None, description="Programme-wide rules, for a source that does not split them by level."
    )
    exam: Exam | None = None
    fees: tuple[Fee, ...] = ()
    schedule: Schedule | None = None
    timeline: tuple[TimelineStep, ...] = ()
    registration: Registration | None = None
    certificate: Certificate | None = None
    course: Course | None = None
    facts: tuple[DatedFact, ...] = ()
    policies: tuple[Slug, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=1)
    notes: tuple[Note, ...] = ()
    last_verified: dt.date
    review_by: dt.date | None = Field(None, description="When the facts must be checked again.")

    @model_validator(mode="after")
    def _review_after_verification(self) -> Program:
        _check_review_dates(self.last_verified, self.review_by)
        return self

    @model_validator(mode="after")
    def _shape_by_type(self) -> Program:
        if self.type == "specialty" and self.family is None:
            raise ValueError("a specialty names its family")
        if self.type != "specialty" and (self.family or self.document):
            raise ValueError("only a specialty has family or document")
        level_ids = [level.id for level in self.levels]
        if len(set(level_ids)) != len(level_ids):
            raise ValueError("level ids repeat")
        return self


# --- syllabus ---------------------------------------------------------------------


class Point(Strict):
    """A knowledge point. Its id is written in the YAML, not derived from its text or its place, so its
    anchor survives rewording and reordering; a new point takes a new id, and an id is never reused."""

    id: Slug = Field(description="Permanent anchor of the point on the syllabus page.")
    former_ids: tuple[Slug, ...] = Field((), description="Earlier ids: the old anchors keep working.")
    text: NonEmptyText


class Topic(Strict):
    id: Slug
    former_ids: tuple[Slug, ...] = Field((), description="Earlier ids: the old anchors keep working.")
    name: NonEmptyText
    name_en: NonEmptyText | None = Field(None, description="Our English translation of the name (English edition); absent: shown in Chinese.")
    points: tuple[Point, ...] = ()


class Unit(Strict):
    id: Slug
    former_ids: tuple[Slug, ...] = Field((), description="Earlier ids: the old anchors keep working.")
    name: NonEmptyText
    name_en: NonEmptyText | None = Field(None, description="Our English translation of the name (English edition); absent: shown in Chinese.")
    topics: tuple[Topic, ...] = Field(min_length=1)


class Syllabus(Strict):
    program: Slug
    level: Slug | None = Field(None, description="Absent when one syllabus covers every level.")
    title: NonEmptyText
    units: tuple[Unit, ...] = Field(min_length=1)
    source: Source
    notes: tuple[Note, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.program}/{self.level}" if self.level else self.program

    def anchors(self) -> set[str]:
        """Every permanent anchor of the syllabus page: units, topics and knowledge points, old ids too."""
        return {a for u in self.units for a in (u.id, *u.former_ids)} | {
            a for u in self.units for t in u.topics for a in (t.id, *t.former_ids)} | {
            a for u in self.units for t in u.topics for p in t.points for a in (p.id, *p.former_ids)}

    @model_validator(mode="after")
    def _unique_anchors(self) -> Syllabus:
        anchors = [a for u in self.units for a in (u.id, *u.former_ids)]
        anchors += [a for u in self.units for t in u.topics for a in (t.id, *t.former_ids)]
        anchors += [a for u in self.units for t in u.topics for p in t.points for a in (p.id, *p.former_ids)]
        repeated = sorted({a for a in anchors if anchors.count(a) > 1})
        if repeated:
            raise ValueError(f"anchor ids repeat within the syllabus: {', '.join(repeated)}")
        return self


# --- knowledge base ---------------------------------------------------------------


class PolicyPoint(Strict):
    text: NonEmptyText
    source: Source


class Policy(Strict):
    id: Slug
    former_ids: tuple[Slug, ...] = Field((), description="Earlier ids: their URLs redirect here, anchors kept.")
    title: NonEmptyText
    title_en: NonEmptyText
    number: str | None = Field(None, description="Document number (文号), as printed.")
    kind: Literal[
        "law", "regulation", "opinion", "plan", "notice", "announcement", "standard",
        "speech", "report", "interpretation",
    ]
    issuer: NonEmptyText
    issuer_bodies: tuple[Slug, ...] = ()
    issued: PartialDate | None = Field(None, description="成文日期 / date signed or adopted.")
    published: PartialDate | None = None
    effective: PartialDate | None = None
    links: tuple[Link, ...] = ()
    summary: NonEmptyText
    summary_en: NonEmptyText | None = Field(None, description="English translation of the summary (English edition); absent: shown in Chinese.")
    points: tuple[PolicyPoint, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=1)
    notes: tuple[Note, ...] = ()
    last_verified: dt.date
    review_by: dt.date | None = Field(None, description="When the facts must be checked again.")

    @model_validator(mode="after")
    def _review_after_verification(self) -> Policy:
        _check_review_dates(self.last_verified, self.review_by)
        return self

    @property
    def date(self) -> str | None:
        """The date a list shows: published, else issued, else effective; None when the source gives none."""
        return self.published or self.issued or self.effective

    @property
    def sort_date(self) -> str:
        return self.date or "0000"


class Body(Strict):
    id: Slug
    former_ids: tuple[Slug, ...] = Field((), description="Earlier ids: their URLs redirect here, anchors kept.")
    name: Names
    short_name: str | None = None
    kind: NonEmptyText
    summary: NonEmptyText
    summary_en: NonEmptyText | None = Field(None, description="English translation of the summary (English edition); absent: shown in Chinese.")
    founded: PartialDate | None = None
    websites: tuple[Link, ...] = ()
    contacts: tuple[NonEmptyText, ...] = ()
    facts: tuple[DatedFact, ...] = ()
    sources: tuple[Source, ...] = Field(min_length=1)
    notes: tuple[Note, ...] = ()


class Term(Strict):
    id: Slug
    zh: NonEmptyText
    en: NonEmptyText
    definition: NonEmptyText
    definition_en: NonEmptyText | None = Field(None, description="English translation of the definition (English edition); absent: shown in Chinese.")
    source: Source
    search_words: tuple[NonEmptyText, ...] = Field(
        (), description="Shorter forms readers search for, kept whole by the search segmenter."
    )


class Glossary(Strict):
    terms: tuple[Term, ...] = Field(min_length=1)


# A search word: what a reader types, one word without spaces.
SearchWord = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^\S+$")]


class OneWaySynonym(Strict):
    word: SearchWord = Field(description="What the reader searches for, e.g. 研究生.")
    finds: tuple[SearchWord, ...] = Field(min_length=1, description="What the search also finds, e.g. 硕士, 博士.")


class Synonyms(Strict):
    """Search synonyms (content/synonyms.yaml), applied to the reader's query."""

    same: tuple[Annotated[tuple[SearchWord, ...], Field(min_length=2)], ...] = Field(
        (), description="Groups of words that mean the same: a search for one finds them all.")
    also: tuple[OneWaySynonym, ...] = Field(
        (), description="A broader word that also finds narrower ones, not the other way round.")


# --- the field's own vocabulary and the site's settings ------------------------------

class SchemeMember(Strict):
    """A programme whose certificate is a certificate of the scheme, and the passage that says so."""

    program: Slug
    source: Source


class Scheme(Strict):
    """A certificate scheme that eligibility clauses name and that is not one programme's id."""

    id: Slug
    name: Names
    short_name: NonEmptyText | None = Field(None, description="The Chinese name as eligibility clauses print it, when shorter than name.zh.")
    levels: tuple[LevelId, ...] = Field(min_length=1, description="The scheme's level ladder, lowest first.")
    members: tuple[SchemeMember, ...] = Field(
        (), description="Programmes whose certificate is one of this scheme (their level ladder builds on it).")
    notes: tuple[Note, ...] = ()

    @model_validator(mode="after")
    def _not_other(self) -> Scheme:
        if self.id == OTHER_SCHEME:
            raise ValueError(f"'{OTHER_SCHEME}' is built in (any certificate but the programme's own)")
        return self


class Role(Strict):
    """A role (身份) an eligibility clause names."""

    id: Slug
    name: Names
    source: Source


class Schemes(Strict):
    """content/schemes.yaml: the certificate schemes and roles the field's eligibility clauses name."""

    schemes: tuple[Scheme, ...] = ()
    roles: tuple[Role, ...] = ()
    notes: tuple[Note, ...] = ()


class SiteSettings(Strict):
    """content/site.yaml: what the generated site calls itself."""

    id: Slug = Field("catalog", description="Machine name: iCalendar PRODID, the CTDL vocabulary URN, "
                                            "the X- property of estimated dates.")
    title: Names = Field(Names(zh="证书目录", en="Certification catalogue"), description="The site's title.")
    field: Names = Field(
        Names(zh="职业技能", en="vocational"),
        description="The field, as it reads before 职业技能证书 / before 'certification' in page descriptions.")
    calendar_title: NonEmptyText = Field("职业技能证书 · 考试日历", description="Title of the whole exam calendar feed.")
    uid_domain: Annotated[str, Field(pattern=r"^[a-z0-9.-]+$")] = Field(
        "catalog.invalid", description="Domain of iCalendar UIDs and the feed's tag: URIs; keep it fixed "
                                       "(.invalid never collides with a real host).")
    related_majors: str | None = Field(
        None, description="What 相关专业 means in the eligibility readings (a list, as the sources put it).")
    compare_example: tuple[Slug, ...] = Field(
        (), description="Programme ids in the compare page's example address; default: the first two.")


class SourceDocument(Strict):
    """One source document, as readers see it cited: by its title, not its file name."""

    title: NonEmptyText = Field(description="The title the document prints, or (titled_by: catalogue) our description.")
    titled_by: Literal["source", "catalogue"] = Field(
        "source", description="catalogue: the document prints no title, and `title` describes it in our words.")
    kind: Literal["brochure", "notice", "standard", "report", "web_page", "other"]
    publisher: str | None = Field(None, description="Who issues it, as the document says; absent: not stated.")
    number: str | None = Field(None, description="Document number (文号), as printed.")
    date: PartialDate | None = Field(None, description="The date the document gives itself; absent: not stated.")
    edition: str | None = Field(None, description="Edition or version, as printed.")
    notes: tuple[Note, ...] = ()


class SourceRegistry(Strict):
    """content/sources.yaml: every source file the data cites, keyed by its file name."""

    sources: dict[SourceFile, SourceDocument] = Field(min_length=1)


class Page(Strict):
    """Front matter of a hand-written Markdown page in content/pages/."""

    title: NonEmptyText


def is_slug(value: str) -> bool:
    return re.match(SLUG_PATTERN, value) is not None
