"""A fact together with its qualifiers, made once from the model for every view.

A fee, an exam schedule or a level's rules are shown on programme pages, in both editions, on
/compare/, in the .ics feeds, the Atom feed, the API and the JSON-LD. Each of those facts comes with
words that bound it (the source's condition: "每个工种、每级收费", "半年内有一次"), with our reading when
the value is one (a day borrowed from another source), and with notes. A view takes a `Qualified`,
never the bare value, and renders it with `qualifiers`, so that it cannot show the value without them
(tests/unit/test_qualifiers.py checks every view).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.source.models import Eligibility, Fee, Level, Program, Schedule

FactKind = Literal["fee", "schedule", "eligibility"]


@dataclass(frozen=True)
class Qualified:
    """One fact: its kind, the model part it is (a Fee, a Schedule, an Eligibility), and what travels with it."""

    kind: FactKind
    value: Fee | Schedule | Eligibility
    condition: str | None = None  # the source's own wording that bounds the value (Chinese)
    reading: str | None = None  # our reading, when the value is one (Chinese)
    notes: tuple[str, ...] = ()  # note texts that belong to the value (Chinese)
    level: str | None = None  # the level an eligibility fact is for

    @property
    def qualifiers(self) -> tuple[str, ...]:
        """Every text that must be shown wherever the value is."""
        return tuple(text for text in (self.condition, self.reading, *self.notes) if text)

    def to_json(self) -> dict:
        """The qualifiers, as the API and JSON-LD carry them next to the value."""
        return {"condition": self.condition, "reading": self.reading, "notes": list(self.notes)}


def fee_fact(fee: Fee) -> Qualified:
    """A fee, with the source's sentence that states it (its condition: per what, how often, when)."""
    return Qualified("fee", fee, condition=" ".join(fee.text.split()))


def fee_facts(program: Program) -> list[Qualified]:
    return [fee_fact(fee) for fee in program.fees]


def schedule_fact(program: Program) -> Qualified | None:
    """The exam schedule: the dates are always our reading of the source's wording, with its notes."""
    sch = program.schedule
    if sch is None:
        return None
    notes = tuple(" ".join(n.text.split()) for n in sch.notes if n.kind in ("reading", "discrepancy"))
    return Qualified("schedule", sch, condition=" ".join(sch.text.split()), reading=" ".join(sch.reading.split()),
                     notes=notes)


def eligibility_facts(program: Program) -> list[Qualified]:
    """Each published level's rules with the notes that warn about them (a list repeated from another level)."""
    out = []
    units: list[tuple[Level | None, Eligibility | None]] = [(lv, lv.eligibility) for lv in program.levels
                                                            if lv.status == "published"]
    units.append((None, program.eligibility))
    for level, rules in units:
        if rules is None:
            continue
        notes = tuple(" ".join(n.text.split()) for n in rules.notes if n.kind in ("discrepancy", "extraction"))
        out.append(Qualified("eligibility", rules, notes=notes, level=level.id if level else None))
    return out

