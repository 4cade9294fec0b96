"""The level ladder (generator/features/ladder.py), read from the real eligibility data and shown on every
programme page as an ordered list inside a figure."""

from __future__ import annotations

import pytest

from generator.features import ladder


def rungs(catalog, program_id):
    return {r.level.id: r for r in ladder.ladder(catalog.programs[program_id], catalog)}


def conditions(step):
    return {(c.certificate.scheme, c.certificate.level, c.certificate.years_held) if c.certificate else
            ("experience", c.experience.years) if c.experience else ("other",) for c in step.conditions}


def test_administrator_level_3_needs_the_level_4_certificate_and_a_year(catalog):
    found = rungs(catalog, "carbon-emission-administrator")
    assert list(found) == ["level-4", "level-3", "level-2", "level-1"]  # lowest first
    assert found["level-4"].status == "entry"
    step, = found["level-3"].steps
    assert found["level-3"].status == "linked" and step.clause == "✓2" and step.from_levels == ("level-4",)
    assert conditions(step) == {("carbon-emission-administrator", "level-4", 1), ("experience", 1)}
    # Levels 2 and 1 are 待定 in the source: nothing links to them, and the ladder says why.
    assert found["level-2"].status == found["level-1"].status == "unpublished"


@pytest.mark.parametrize("program_id", ["carbon-asset-manager", "carbon-sink-evaluator"])
def test_ceca_programmes_step_up_with_the_carbon_reduction_certificate(catalog, program_id):
    """The CECA carbon-reduction certificate is these programmes' own (a CECA specialty documents each)."""
    assert "ceca-carbon-reduction" in ladder.ladder_schemes(catalog.programs[program_id], catalog)
    found = rungs(catalog, program_id)
    assert list(found) == ["junior", "intermediate", "senior"]
    intermediate, = found["intermediate"].steps
    assert conditions(intermediate) == {("ceca-carbon-reduction", "junior", 0), ("experience", 1)}
    senior, = found["senior"].steps
    assert conditions(senior) == {("ceca-carbon-reduction", "intermediate", 0), ("experience", 1)}


def test_miit_programme_steps_up_with_its_own_certificate(catalog):
    """carbon-emission-manager awards the MIIT 节能与环保领域岗位能力评测证书 (matched by name)."""
    found = rungs(catalog, "carbon-emission-manager")
    intermediate, = found["intermediate"].steps
    assert conditions(intermediate) == {("miit-energy-environment", "junior", 0), ("experience", 1)}


def test_every_step_names_a_certificate_of_the_programme_itself(catalog):
    """"Another certificate" (scheme: other) routes are not steps of the ladder."""
    steps = 0
    for program in catalog.programs.values():
        own = ladder.ladder_schemes(program, catalog)
        assert "other" not in own
        for rung in ladder.ladder(program, catalog):
            for step in rung.steps:
                steps += 1
                assert any(c.certificate and c.certificate.scheme in own for c in step.conditions)
    assert steps == 7  # administrator 1, and 2 for each of the three three-level programmes


def test_programmes_without_levels_have_no_ladder(catalog):
    assert ladder.ladder(catalog.programs["ceca-carbon-reduction"], catalog) == []
    assert ladder.ladder(catalog.programs["ceca-carbon-trader"], catalog) == []


def test_a_level_without_a_linking_clause_says_so(catalog):
    """A published level whose rules name no lower certificate of the programme is `not_linked`."""
    program = catalog.programs["carbon-emission-administrator"]
    level_3 = next(lv for lv in program.levels if lv.id == "level-3")
    routes = tuple(r for r in level_3.eligibility.routes if not any(c.certificate for c in r.conditions))
    changed = level_3.model_copy(update={"eligibility": level_3.eligibility.model_copy(update={"routes": routes})})
    other = program.model_copy(update={"levels": tuple(changed if lv.id == "level-3" else lv for lv in program.levels)})
    found = {r.level.id: r for r in ladder.ladder(other, catalog)}
    assert found["level-3"].status == "not_linked" and not ladder.is_linked(list(found.values()))


