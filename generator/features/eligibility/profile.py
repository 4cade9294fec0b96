"""The candidate profile: the public JSON contract `catalog check`, the widget and its URL query share.

Every field is optional; an absent field means "not answered" (docs/eligibility.md).
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError

from generator.features.eligibility import wording
from generator.source.models import SLUG_PATTERN, EducationLevel, StudentKind

FIELDS = wording.FIELDS["zh"]  # field → its question, as catalog check and the widget ask it


Years = Annotated[float, Field(ge=0, strict=True, allow_inf_nan=False)]


Id = Annotated[str, Field(pattern=SLUG_PATTERN)]


class HeldCertificate(BaseModel):
    """One certificate the candidate holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    scheme: Id = Field(description="A programme id, a scheme id of the catalogue (content/schemes.yaml), or other.")
    level: Id = Field(description="A level id; junior, intermediate or senior for the other schemes.")
    years_held: Years | None = Field(None, description="Whole or fractional years since it was issued.")


class Profile(BaseModel):
    """What the candidate tells us. Every field is optional: absent (or null) means not answered."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    education: EducationLevel | None = Field(None, description="Highest level completed.")
    major_related: StrictBool | None = None
    student: StrictBool | None = Field(None, description="Enrolled now (在校/在读).")
    student_kind: StudentKind | None = Field(
        None, description="What a current student is enrolled in: university (大专/本科/研究生在读), "
                          "vocational (中职/高职/技工院校在读) or secondary (普通高中/初中在读).")
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

