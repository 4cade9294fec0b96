"""The level ladder: a programme's levels from lowest to highest, and how a holder of one level
qualifies for a higher one. Read from the same eligibility data the self-check evaluates.

A route of a level is a *step up* when one of its conditions is a certificate of the programme's own
scheme at a lower level of the same ladder (junior < intermediate < senior; level-4 < … < level-1).
The programme's own schemes are read from the data, never named here:

- its own id, its family and its `document` (as for the self-check, `eligibility.own_schemes`);
- the family of any specialty whose `document` is this programme (a specialty that is documented
  by a programme of its own makes the family's certificate that programme's too);
- every scheme of content/schemes.yaml that lists this programme among its `members` (the
  registry cites the passage saying that the programme's certificate is one of the scheme).

A step names the route's clause, its verbatim text, and every condition of the route (the
certificate plus years of work, and so on). A level with no such route is shown as not linked,
and says why: the level the source marks 待定 has no published rules; otherwise no clause of it
builds on a lower level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from generator.features.eligibility.engine import own_schemes
from generator.pages.build import Build
from generator.source.models import LEVEL_LADDERS, LEVEL_ORDER, Condition, Level, Program, Route

if TYPE_CHECKING:
    from generator.source.catalog import Catalog


@dataclass(frozen=True)
class Step:
    """A route of `level` that builds on a certificate of a lower level."""

    clause: str
    text: str
    conditions: tuple[Condition, ...]
    from_levels: tuple[str, ...]  # the lower levels whose certificate the route names


@dataclass(frozen=True)
class Rung:
    level: Level
    below: Level | None  # the next lower level on the ladder (None for the first rung)
    status: Literal["entry", "linked", "not_linked", "unpublished"]
    steps: tuple[Step, ...] = ()


def ladder_schemes(program: Program, catalog: Catalog) -> frozenset[str]:
    """The certificate schemes that are this programme's own (see the module docstring)."""
    schemes = set(own_schemes(program))
    for other in catalog.programs.values():
        if other.document == program.id and other.family:
            schemes.add(other.family)
    schemes.update(catalog.scheme_members(program.id))
    return frozenset(schemes)


def _ladder_of(level_id: str) -> tuple[str, ...] | None:
    return next((ladder for ladder in LEVEL_LADDERS if level_id in ladder), None)


def _step(route: Route, level_id: str, schemes: frozenset[str]) -> Step | None:
    ladder = _ladder_of(level_id)
    if ladder is None:
        return None
    lower = [c.certificate.level for c in route.conditions
             if c.certificate is not None and c.certificate.scheme in schemes
             and c.certificate.level in ladder and ladder.index(c.certificate.level) < ladder.index(level_id)]
    if not lower:
        return None
    return Step(route.clause, route.text, route.conditions, tuple(dict.fromkeys(lower)))


def ladder(program: Program, catalog: Catalog) -> list[Rung]:
    """Every level, lowest first, with the routes that lead up to it. Empty without levels."""
    schemes = ladder_schemes(program, catalog)
    levels = sorted(program.levels, key=lambda lv: LEVEL_ORDER.index(lv.id))
    rungs: list[Rung] = []
    for i, level in enumerate(levels):
        below = levels[i - 1] if i else None
        if below is None:
            rungs.append(Rung(level, None, "entry"))
            continue
        if level.status == "unpublished":
            rungs.append(Rung(level, below, "unpublished"))
            continue
        rules = level.eligibility or program.eligibility
        steps = tuple(s for r in (rules.routes if rules else ()) if (s := _step(r, level.id, schemes)))
        rungs.append(Rung(level, below, "linked" if steps else "not_linked", steps))
    return rungs


def is_linked(rungs: list[Rung]) -> bool:
    return any(r.status == "linked" for r in rungs)


def template_helpers(build: Build) -> dict[str, dict[str, object]]:
    """The level ladder on programme pages."""
    return {"globals": dict(ladder=lambda program: ladder(program, build.catalog), ladder_linked=is_linked)}
